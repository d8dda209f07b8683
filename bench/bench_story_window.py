"""Catch-ups with the grouping's index kept between batches, against reading the window each time.

    .venv/bin/python bench/bench_story_window.py --cache /tmp/w1m/sitrep.db [--articles 400]
        [--batch 100]

The newest --articles filed articles are marked stale (analysed again), as a refresh that
brings new pages leaves them, and filed again in batches of --batch by `file_stories`, first
with the index kept between batches (tui/service/story_window.py), then with the window read
from the store for every batch. Prints the CPU and wall seconds of each batch. It WRITES to
the cache (the articles are filed again, into the stories they were in or new ones): give it a
copy of a bench cache (bench/build_cache.py --out DIR; the database is DIR/cache/sitrep.db).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.service import stories, story_window  # noqa: E402
from tui.store import schema  # noqa: E402


def run(db: Path, articles: int, batch: int, keep: bool) -> list[float]:
    conn = schema.connect(db)
    stories.file_all(conn)  # anything left from an earlier run
    newest = conn.execute(
        "SELECT sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "ORDER BY a.sort_ts DESC LIMIT ?",
        (articles,),
    ).fetchall()
    with conn:
        conn.executemany("UPDATE story_articles SET stale = 1 WHERE article_id = ?", newest)
    take = story_window.take
    if not keep:
        story_window.take = lambda *args, **kwargs: None  # type: ignore[assignment]
    times = []
    try:
        while True:
            cpu, wall = time.process_time(), time.monotonic()
            done = stories.file_stories(conn, limit=batch)
            if not done:
                break
            times.append(time.process_time() - cpu)
            print(f"{'kept' if keep else 'read'}  {done:4d} articles  "
                  f"CPU {times[-1]:6.2f} s  wall {time.monotonic() - wall:6.2f} s")  # fmt: skip
    finally:
        story_window.take = take
        conn.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="a copy's sitrep.db")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    for keep in (True, False):
        times = run(args.cache, args.articles, args.batch, keep)
        if times:
            later = statistics.median(times[1:]) if len(times) > 1 else float("nan")
            print(f"{'kept' if keep else 'read'}: first batch {times[0]:.2f} s CPU, "
                  f"later batches median {later:.2f} s CPU\n")  # fmt: skip


if __name__ == "__main__":
    main()
