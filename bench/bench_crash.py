"""Bookmarks survive kill -9: 100 rounds of crashes during `sitrep fetch` and bookmark writes.

Each round serves new items in three feeds (pages: the bundled demo articles) from a local server
on 127.0.0.1, then runs two processes on the same cache at once and kills each with SIGKILL (its
whole process group, workers included) at a random moment:

  * `sitrep fetch` — feeds, pages, analysis in worker processes, store writes;
  * a bookmark writer (this script with --writer) adding, editing and removing bookmarks in a
    loop, printing TRY before each call and ACK after it returned.

After each round: `PRAGMA integrity_check` on the database as the crash left it, every
acknowledged change present in it, then `open_store` (what the app does at start) and the check
again — the one unacknowledged, in-flight change may or may not have happened, nothing else may
differ. At the end the database is truncated, deleted and overwritten, and the app is started
headless each time to show every bookmark restored from bookmarks.jsonl.

    .venv/bin/python bench/bench_crash.py [--rounds 100] [--seed 1]

Not part of the test run: it takes a few minutes and loads the NLP model in every round.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.server import LocalServer  # noqa: E402
from tui.core.errors import StoreError  # noqa: E402
from tui.store import bookmarks, schema, store  # noqa: E402
from tui.store.recovery import open_store  # noqa: E402

PAGES = sorted((REPO / "tui" / "demo" / "pages").glob("*.html"))
FEEDS = 3
POOL = 300  # claims the writer bookmarks
ITEMS_PER_ROUND = 3


# ── the bookmark writer (a child process) ────────────────────────────────────────────────────


def run_writer(cache: Path, seed: int) -> None:
    """Bookmark changes in a loop until killed; TRY/ACK lines tell the parent what was promised."""
    rng = random.Random(seed)
    opened = open_store(cache / "sitrep.db")
    conn = opened.handle.conn
    # A fixed pool: bookmarks level off at a dossier's size and most calls become edits and
    # removes, instead of thousands of adds.
    claims = conn.execute("SELECT article_id, start, source_start FROM claims ORDER BY id LIMIT ?",
                          (POOL,)).fetchall()
    number = 0
    while True:
        number += 1
        article_id, start, source_start = rng.choice(claims)
        existing = bookmarks.bookmark_for_claim(conn, article_id, start, source_start)
        claim = bookmarks.claim_at(conn, article_id, start, source_start)
        article = store.get_article(conn, article_id)
        if existing is None and (claim is None or article is None):
            continue  # reanalysed or purged by the concurrent fetch meanwhile
        remove = existing is not None and rng.random() < 0.3
        note = None if remove else f"s{seed}-n{number}"
        key = existing["claim_key"] if existing else bookmarks.make_record(claim, article)[
            "claim_key"]
        line = json.dumps({"key": key, "note": note})
        print("TRY", line, flush=True)
        try:
            if existing is None:
                bookmarks.add_bookmark(conn, claim, article, note or "")
            elif remove:
                bookmarks.remove_bookmark(conn, existing["id"])
            else:
                bookmarks.update_bookmark_note(conn, existing["id"], note or "")
        except (StoreError, sqlite3.Error) as exc:  # reported to the parent, which counts it
            print("ERR", json.dumps(str(exc)), flush=True)
            continue
        print("ACK", line, flush=True)


# ── the local site ───────────────────────────────────────────────────────────────────────────


def feed_xml(server: LocalServer, feed: int, round_number: int) -> bytes:
    now = datetime.now(UTC)
    items = []
    for r in range(max(0, round_number - 5), round_number + 1):
        for j in range(ITEMS_PER_ROUND):
            page = PAGES[(feed * 7 + r * ITEMS_PER_ROUND + j) % len(PAGES)]
            url = server.url(f"/pages/{page.name}?feed={feed}&round={r}&item={j}")
            when = format_datetime(now - timedelta(minutes=10 * (round_number - r) + j))
            items.append(f"<item><title>Round {r} item {j} ({page.stem})</title>"
                         f"<link>{url.replace('&', '&amp;')}</link>"
                         f"<guid isPermaLink=\"false\">f{feed}-r{r}-i{j}</guid>"
                         f"<pubDate>{when}</pubDate><description>Item {j}.</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
            f"<title>Crash feed {feed}</title><link>{server.url('/')}</link>"
            + "".join(items) + "</channel></rss>").encode()


def publish(server: LocalServer, round_number: int) -> None:
    for feed in range(FEEDS):
        server.add(f"/feed{feed}.xml", feed_xml(server, feed, round_number),
                   content_type="application/rss+xml")


# ── one round ────────────────────────────────────────────────────────────────────────────────


@dataclass
class Totals:
    acked: int = 0
    errors: int = 0
    lost: int = 0
    integrity_ok: int = 0
    fetch_killed_running: int = 0
    fetch_stored_analyses: int = 0  # rounds in which fetch got as far as storing analyses
    writer_killed_running: int = 0
    inflight_applied_at_start: int = 0
    unexpected_at_start: int = 0  # start-up changes other than the in-flight one (must be 0)
    seconds: list[float] = field(default_factory=list)


def spawn(args: list[str], out: Path) -> subprocess.Popen[bytes]:
    with open(out, "wb") as handle:
        return subprocess.Popen(args, stdout=handle, stderr=subprocess.STDOUT, cwd=REPO,
                                start_new_session=True)


def kill_at(proc: subprocess.Popen[bytes], when: float, started: float) -> bool:
    """SIGKILL the process group at *when* seconds after *started*; True if it was running."""
    time.sleep(max(0.0, started + when - time.monotonic()))
    running = proc.poll() is None
    if running:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return running


def promises(out: Path) -> tuple[list[tuple[str, str | None]], tuple[str, str | None] | None, int]:
    """Acknowledged (key, note) in order, the in-flight one, and how many calls failed."""
    acked: list[tuple[str, str | None]] = []
    pending: tuple[str, str | None] | None = None
    errors = 0
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        kind, _, payload = line.partition(" ")
        if kind == "TRY":
            item = json.loads(payload)
            pending = (item["key"], item["note"])
        elif kind == "ACK" and pending is not None:
            acked.append(pending)
            pending = None
        elif kind == "ERR":
            errors += 1
            pending = None
    return acked, pending, errors


def count_analysed(cache: Path) -> int:
    conn = sqlite3.connect(cache / "sitrep.db")
    try:
        return conn.execute("SELECT count(*) FROM articles WHERE state = 'analyzed'").fetchone()[0]
    finally:
        conn.close()


def state_of(conn: sqlite3.Connection) -> dict[str, str]:
    return {r["claim_key"]: r["note"] for r in bookmarks.list_bookmarks(conn)}


def differences(actual: dict[str, str], expected: dict[str, str | None],
                pending: tuple[str, str | None] | None) -> int:
    """Acknowledged states not found (the in-flight change may have happened or not)."""
    wrong = 0
    for key in set(expected) | set(actual):
        got = actual.get(key)
        if got == expected.get(key):
            continue
        if pending is not None and key == pending[0] and got == pending[1]:
            continue
        wrong += 1
    return wrong


def run_round(number: int, cache: Path, config: Path, server: LocalServer, rng: random.Random,
              expected: dict[str, str | None], totals: Totals, work: Path) -> None:
    publish(server, number)
    analysed_before = count_analysed(cache)
    began = time.monotonic()
    fetch = spawn([sys.executable, "-m", "tui", "--config", str(config), "--cache", str(cache),
                   "fetch", "--quiet"], work / "fetch.out")
    writer_out = work / f"writer-{number}.out"
    writer = spawn([sys.executable, str(Path(__file__).resolve()), "--writer", str(cache),
                    "--seed", str(number)], writer_out)
    # A fetch of this many new pages takes about 10 s here (feeds, pages, the model loaded in
    # the workers, analysis, store writes): kills land anywhere in it, or after it ended.
    kills = sorted([(rng.uniform(0.05, 10.0), "fetch", fetch),
                    (rng.uniform(0.3, 6.0), "writer", writer)], key=lambda k: k[0])
    for when, name, proc in kills:
        if kill_at(proc, when, began):
            if name == "fetch":
                totals.fetch_killed_running += 1
            else:
                totals.writer_killed_running += 1

    totals.fetch_stored_analyses += int(count_analysed(cache) > analysed_before)
    acked, pending, errors = promises(writer_out)
    totals.acked += len(acked)
    totals.errors += errors
    for key, note in acked:
        expected[key] = note

    raw = sqlite3.connect(cache / "sitrep.db")  # as the crash left it, before any repair
    raw.row_factory = sqlite3.Row
    raw_ok = raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw_lost = differences(state_of(raw), expected, pending)
    raw_state = state_of(raw)
    raw.close()

    opened = open_store(cache / "sitrep.db")
    try:
        conn = opened.handle.conn
        started_ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        actual = state_of(conn)
    finally:
        opened.handle.close()
        if opened.lock is not None:
            opened.lock.release()
    lost = differences(actual, expected, pending)
    totals.lost += lost
    totals.integrity_ok += int(raw_ok and started_ok)
    changed_at_start = {k for k in raw_state.keys() | actual.keys()
                        if raw_state.get(k) != actual.get(k)}
    if changed_at_start:
        totals.inflight_applied_at_start += 1
    if pending is None or not changed_at_start <= {pending[0]}:
        totals.unexpected_at_start += len(changed_at_start - {pending[0] if pending else ""})
    expected.clear()
    expected.update(actual)  # absorb the in-flight change, whichever way it went
    totals.seconds.append(time.monotonic() - began)
    flag = "" if lost == 0 and raw_lost == 0 and raw_ok and started_ok else "  <-- FAILED"
    print(f"round {number:3d}: {len(acked):3d} acked, {len(actual):3d} bookmarks, "
          f"integrity {'ok' if raw_ok and started_ok else 'BAD'}, lost {lost} "
          f"(raw db {raw_lost}){flag}", flush=True)


# ── the final act: lose the database, start the app ──────────────────────────────────────────


def damage(db: Path, how: str) -> None:
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    if how == "truncate to half":
        with open(db, "r+b") as handle:
            handle.truncate(db.stat().st_size // 2)
    elif how == "truncate to 0":
        db.write_bytes(b"")
    elif how == "delete":
        db.unlink()
    elif how == "overwrite first 4 KiB":
        with open(db, "r+b") as handle:
            handle.write(os.urandom(4096))


async def start_app(config: Path, cache: Path) -> tuple[list[str], int]:
    """The real app, headless: its start-up notices and the rows on the bookmarks screen."""
    from tui.app import make_app
    from tui.app.screens.bookmarks import BookmarksScreen
    from tui.app.widgets.bookmark_list import BookmarkList
    from tui.service import locations as loc
    from tui.service.config import load_config

    locations = loc.resolve(str(config), str(cache))
    app = make_app(load_config(config), locations, open_store(locations.db), auto_refresh=False)
    async with app.run_test(size=(120, 40)) as pilot:
        notices = [told.message for told in app.told]
        await pilot.pause(0.2)
        app.open_bookmarks()
        for _ in range(200):
            await pilot.pause(0.05)
            screen = app.screen
            if (isinstance(screen, BookmarksScreen) and screen.query(BookmarkList)
                    and screen.bookmark_list.records):
                break
        rows = len(app.screen.bookmark_list.records)  # type: ignore[attr-defined]
    return notices, rows


def final_act(config: Path, cache: Path) -> None:
    db = cache / "sitrep.db"
    conn = schema.connect(db)
    before = {r["claim_key"]: {f: r[f] for f in bookmarks.CONTENT_FIELDS}
              for r in bookmarks.list_bookmarks(conn)}
    conn.close()
    print(f"\n{len(before)} bookmarks in the cache before losing the database")
    for how in ("truncate to half", "truncate to 0", "delete", "overwrite first 4 KiB"):
        damage(db, how)
        began = time.monotonic()
        notices, rows = asyncio.run(start_app(config, cache))
        seconds = time.monotonic() - began
        conn = schema.connect(db)
        after = {r["claim_key"]: {f: r[f] for f in bookmarks.CONTENT_FIELDS}
                 for r in bookmarks.list_bookmarks(conn)}
        conn.close()
        same = "identical" if after == before else "DIFFERENT"
        print(f"{how:>22}: app started in {seconds:.2f} s, {rows} rows on the bookmarks screen, "
              f"{len(after)}/{len(before)} restored ({same})")
        for notice in notices:
            print(f"{'':>24}notice: {notice}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--writer", metavar="CACHE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        run_writer(Path(args.writer), args.seed)
        return 0
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="sitrep-crash-"))
    cache = work / "cache"
    totals = Totals()
    with LocalServer() as server:
        server.add_dir("/pages", REPO / "tui" / "demo" / "pages")
        config = work / "feeds.toml"
        config.write_text("[settings]\nrefresh_minutes = 0\ntimeout_seconds = 10\n\n" + "".join(
            f'[[feed]]\nname = "Crash feed {f}"\nurl = "{server.url(f"/feed{f}.xml")}"\n\n'
            for f in range(FEEDS)), encoding="utf-8")
        publish(server, 0)
        seeded = subprocess.run([sys.executable, "-m", "tui", "--config", str(config), "--cache",
                                 str(cache), "fetch", "--quiet"], cwd=REPO, timeout=600)
        assert seeded.returncode == 0, "the first, uninterrupted fetch failed"
        expected: dict[str, str | None] = {}
        for number in range(1, args.rounds + 1):
            run_round(number, cache, config, server, rng, expected, totals, work)
        conn = schema.connect(cache / "sitrep.db")
        articles = conn.execute("SELECT count(*), sum(state = 'analyzed') FROM articles").fetchone()
        conn.close()
        seconds = sorted(totals.seconds)
        median = seconds[len(seconds) // 2]
        print(f"\n{args.rounds} rounds in {sum(seconds):.0f} s (median {median:.1f} s a round)")
        print(f"kills: fetch still running {totals.fetch_killed_running}/{args.rounds}, bookmark "
              f"writer still running {totals.writer_killed_running}/{args.rounds}; rounds in which "
              f"fetch stored analysed pages: {totals.fetch_stored_analyses}")
        print(f"acknowledged bookmark changes: {totals.acked}; failed calls reported: "
              f"{totals.errors}; acknowledged changes lost: {totals.lost}")
        print(f"integrity_check ok: {totals.integrity_ok}/{args.rounds} rounds; rounds where the "
              f"journal supplied the in-flight change at start: {totals.inflight_applied_at_start}"
              f" (other changes at start: {totals.unexpected_at_start})")
        print(f"articles in the cache: {articles[0]} ({articles[1]} analysed)")
        final_act(config, cache)
    if not args.keep:
        shutil.rmtree(work)
    good = totals.lost == 0 and totals.unexpected_at_start == 0
    return 0 if good and totals.integrity_ok == args.rounds else 1


if __name__ == "__main__":
    sys.exit(main())
