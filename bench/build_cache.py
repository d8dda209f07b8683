"""Write a sitrep cache of N analysed articles (text, claims, entities, stories) for the benches.

    .venv/bin/python bench/build_cache.py --out /tmp/sitrep-bench/app-50k --articles 50000
    .venv/bin/python bench/build_cache.py --out DIR --articles 1000000 --no-raw-pages

Writes OUT/feeds.toml (feeds on a dead local port, refresh_minutes = 0 so the app never refreshes
on its own) and OUT/cache/sitrep.db through the store's own functions, in the order a year of
refreshes would have written it: the feeds publish about 30 items a day each (250 feeds: 7,500
a day, so 50k articles span a week and 1M four and a half months); every half hour a refresh
stores what each feed published since the last one (a few items are dated days before they
were found), then each new article's analysis is saved. Stories are filed once at the end, by
a plan shaped like real traffic (bench/story_plan.py says why not the real grouping, and why
above 100,000 articles only one story in 20 gets its real report: --report-every; --no-stories
leaves them out, and `bench/story_plan.py --cache DIR` files them later). The text comes from
bench/cache_text.py with a fixed seed: every run gives the same cache. Only the transactions
are bigger than a refresh's (2,000 articles each), for speed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cache_text import NOUNS, PLACES, TAGS, VERBS, _filler, analysed, raw_page  # noqa: E402

from bench.story_plan import file_bench_stories  # noqa: E402
from tui.core.models import Article, Entry  # noqa: E402
from tui.store import schema, store  # noqa: E402

ITEMS_PER_FEED_DAY = 30
REFRESH_SECONDS = 1800
LATE_SHARE = 0.03  # items dated up to two days before the refresh that found them
COMMIT_EVERY = 2000


class _Batched(sqlite3.Connection):
    """The store's `with conn:` blocks join the builder's bigger transactions (it commits)."""

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        if exc_type is not None:
            self.rollback()
        return False


def write_config(out: Path, feeds: int) -> list[str]:
    urls = [f"http://127.0.0.1:9/feed/{i}.xml" for i in range(feeds)]
    lines = ["[settings]", "refresh_minutes = 0", "retention_days = 0", ""]
    for i, url in enumerate(urls):
        lines += ["[[feed]]", f'name = "Bench wire {i}"', f'url = "{url}"',
                  f'tags = ["{TAGS[i % 4]}"]', ""]  # fmt: skip
    (out / "feeds.toml").write_text("\n".join(lines), encoding="utf-8")
    return urls


def arrivals(
    articles: int, feeds: int, seed: int, now: datetime
) -> Iterator[tuple[datetime, list[tuple[int, datetime]]]]:
    """(refresh time, [(feed, published), ...]) in the order the refreshes happen."""
    r = random.Random(seed)
    span = articles / (feeds * ITEMS_PER_FEED_DAY) * 86400
    start = now - timedelta(seconds=span)
    published = sorted(r.uniform(0, span) for _ in range(articles))
    tick, batch = REFRESH_SECONDS, []
    for seconds in published:
        while seconds >= tick:
            if batch:
                yield start + timedelta(seconds=tick), batch
            tick, batch = tick + REFRESH_SECONDS, []
        when = seconds
        if r.random() < LATE_SHARE:
            when = max(0.0, seconds - r.uniform(0, 2 * 86400))
        batch.append((r.randrange(feeds), start + timedelta(seconds=when)))
    if batch:
        yield start + timedelta(seconds=min(tick, span)), batch


def connect_batched(db: Path) -> sqlite3.Connection:
    schema.connect(db).close()  # create and migrate
    conn = sqlite3.connect(db, factory=_Batched)
    conn.row_factory = sqlite3.Row
    schema.register_functions(conn)  # the triggers read and write texts through them
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = OFF",
                   "cache_size = -262144"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    return conn


def build(
    out: Path,
    articles: int,
    feeds: int,
    seed: int,
    raw_pages: bool = True,
    stories: bool = True,
    report_every: int = 1,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    db = out / "cache" / "sitrep.db"
    if db.exists():
        sys.exit(f"{db} exists: remove it first")
    urls = write_config(out, feeds)
    workers = multiprocessing.get_context("fork").Pool(2)  # before the connection exists
    conn = connect_batched(db)
    names = [(u, f"Bench wire {i}", (TAGS[i % 4],)) for i, u in enumerate(urls)]
    ids = store.sync_feeds(conn, names)
    conn.commit()
    now = datetime.now(UTC).replace(microsecond=0)
    r = random.Random(seed)
    t0 = time.perf_counter()
    made = pending = 0
    for fetched, batch in arrivals(articles, feeds, seed, now):
        by_feed: dict[int, list[Entry]] = {}
        for feed, when in batch:
            number = made + sum(len(v) for v in by_feed.values())
            place = r.choice(PLACES)
            title = f"{r.choice(NOUNS).capitalize()} {r.choice(VERBS)} near {place} ({number})"
            by_feed.setdefault(feed, []).append(
                Entry(
                    f"g{number}",
                    f"https://bench.invalid/{feed}/{number}",
                    title,
                    published=when,
                    summary=f"{place}: {_filler(r, 20)}.",
                )  # fmt: skip
            )
        first = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
        for feed, entries in sorted(by_feed.items()):
            made += store.save_entries(conn, ids[urls[feed]], entries, full_text=True)
        conn.execute("UPDATE articles SET fetched = ? WHERE id > ?",
                     (fetched.isoformat(timespec="seconds"), first))  # fmt: skip
        rows = conn.execute("SELECT id, url FROM articles WHERE id > ? ORDER BY id", (first,))
        rows = rows.fetchall()
        texts = workers.imap(analysed, [seed * 1_000_003 + row["id"] for row in rows], 64)
        for row, (text, analysis) in zip(rows, texts, strict=True):
            store.save_analysis(conn, row["id"], Article(row["url"], text), analysis)
            if raw_pages:
                page = raw_page(random.Random(row["id"]), text)
                store.save_page(conn, row["id"], page, {"content-type": "text/html"}, row["url"])
        pending += len(rows)
        if pending >= COMMIT_EVERY:
            conn.commit()
            pending = 0
            rate = made / (time.perf_counter() - t0)
            print(f"  {made:,} articles, {rate:,.0f}/s", flush=True)
    workers.close()
    conn.execute("UPDATE articles SET read = 1 WHERE id % 3 = 0")
    conn.execute("UPDATE feeds SET last_checked = ?, last_ok = ?", (now.isoformat(),) * 2)
    conn.commit()
    if stories:  # stories of the shape of real traffic (bench/story_plan.py says why)
        file_bench_stories(conn, seed, report_every)
        conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = db.stat().st_size
    print(
        f"built {made:,} articles in {time.perf_counter() - t0:.0f} s: {db} "
        f"({size / 1e6:,.0f} MB, {size / max(made, 1) / 1000:.1f} KB an article)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--feeds", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-raw-pages", action="store_true", help="leave raw_html empty")
    parser.add_argument("--no-stories", action="store_true", help="file no stories")
    parser.add_argument(
        "--report-every", type=int, metavar="K",
        help="the real report of one story in K (default: 1 up to 100,000 articles, else 20)",
    )  # fmt: skip
    parser.add_argument(
        "--proposed-v2", action="store_true", help="kept for old commands: does nothing"
    )
    args = parser.parse_args()
    every = args.report_every or (1 if args.articles <= 100_000 else 20)
    build(args.out, args.articles, args.feeds, args.seed, not args.no_raw_pages,
          not args.no_stories, max(1, every))  # fmt: skip


if __name__ == "__main__":
    main()
