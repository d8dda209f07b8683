"""After an upgrade of the analyzer the app reads the stored pages again, in the background, once
a version: the articles show what this version finds, the user's statuses stay, and the user is
told what is happening (a toast, then the status line's progress)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import build_app, build_seed_app, wait_for, write_config
from tests.server import LocalServer
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.status_bar import StatusBar
from tui.pipeline.analyze import ANALYZER_VERSION
from tui.store import manual_status, reanalysis, schema, store

REPO = Path(__file__).resolve().parents[1]


def fetch(directory: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(directory / "feeds.toml"), "--cache",
         str(directory / "cache"), "fetch"],
        capture_output=True, text=True, timeout=180, cwd=REPO,
    )
    assert done.returncode == 0, done.stderr


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusBar).render())


def told(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.message for t in app.told]


async def test_pages_an_older_analyzer_read_are_read_again_on_start_and_the_users_status_stays(
    tmp_path: Path, served_demo: str, http_server: LocalServer
) -> None:
    write_config(tmp_path / "feeds.toml", [("Wire", served_demo)])
    fetch(tmp_path)
    db = tmp_path / "cache" / "sitrep.db"
    conn = schema.connect(db)
    old = [r["id"] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 3")]
    row = conn.execute("SELECT * FROM claims WHERE article_id = ? ORDER BY id LIMIT 1",
                       (old[0],)).fetchone()
    mine = "confirmed" if row["status"] != "confirmed" else "denied"
    manual_status.set_status(conn, old[0], row["start"], row["source_start"], mine)
    marks = ",".join("?" * len(old))
    with conn:  # as an older analyzer left them: what it found is gone from view
        conn.execute(f"UPDATE articles SET analyzer_version = 'old', claim_count = 0 "
                     f"WHERE id IN ({marks})", old)
        conn.execute(f"DELETE FROM claim_rows WHERE article_id IN ({marks})", old)
    store.set_state(conn, reanalysis.ANALYSES_KEY, "old")  # the version it brought them up to
    conn.close()
    served = len(http_server.requests)

    app = build_app(tmp_path / "feeds.toml", auto_refresh=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: any("Read 3 stored articles again" in t
                                          for t in told(app)), seconds=120)
        (notice,) = [t for t in app.told if t.title == "sitrep was upgraded"]
        assert notice.message.startswith("Reading 3 stored articles again")
        assert not notice.markup
    assert len(http_server.requests) == served  # from the stored pages, not the network

    conn = schema.connect(db)
    conn.row_factory = sqlite3.Row
    versions = {r[0] for r in conn.execute("SELECT DISTINCT analyzer_version FROM articles")}
    assert versions == {ANALYZER_VERSION}
    counts = [conn.execute("SELECT count(*) FROM claims WHERE article_id = ?", (i,)).fetchone()[0]
              for i in old]
    assert all(counts)  # found again
    kept = [c for c in store.claims_for(conn, old[0]) if c["start"] == row["start"]
            and c["source_start"] == row["source_start"]]
    assert [(c["status"], c["analysis_status"]) for c in kept] == [(mine, row["status"])]
    assert store.get_state(conn, reanalysis.ANALYSES_KEY) == ANALYZER_VERSION
    conn.close()

    # the next start finds the cache up to date: nothing read again, nothing said
    app = build_app(tmp_path / "feeds.toml", auto_refresh=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.refresher is not None and not any(
            not w.is_finished for w in app.workers
            if w.group in ("refresher", "queue", "reanalysis")))
        assert not [t for t in app.told if t.title == "sitrep was upgraded"]


async def test_an_open_article_is_shown_anew_once_read_again_at_the_same_claim(
    seed_cache: tuple[Path, dict],
) -> None:
    """The reader open on an article waiting to be read again shows the new reading when its
    turn comes, with the cursor on the claim it was on (the seeded cache holds no pages to read
    again, so the new reading is written here as the refresher writes one)."""
    directory, ids = seed_cache
    db = directory / "cache" / "sitrep.db"
    conn = schema.connect(db)
    with conn:
        conn.execute("UPDATE articles SET state = 'reprocess' WHERE id = ?", (ids["sumy"],))
    conn.close()
    app = build_seed_app(directory)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.data is not None)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert status(app) == "claim 2/3 — Oleh Hryhorov · claimed"
        conn = schema.connect(db)
        with conn:  # the new reading: one claim fewer, before the cursor's
            first = conn.execute("SELECT min(id) FROM claim_rows WHERE article_id = ?",
                                 (ids["sumy"],)).fetchone()[0]
            conn.execute("DELETE FROM claim_rows WHERE id = ?", (first,))
            conn.execute("UPDATE articles SET state = 'analyzed', claim_count = 2 WHERE id = ?",
                         (ids["sumy"],))
        conn.close()
        app.bump_data(force=True)
        await wait_for(pilot, lambda: status(app) == "claim 1/2 — Oleh Hryhorov · claimed")
