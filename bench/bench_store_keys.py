"""The filter's keystrokes against the store alone, in CPU time: for each keystroke of
bench/bench_filter.py's queries, the first page (100 rows, as the list asks) and the count, on
one read-only connection, as the app's store thread runs them; for the stories view, each
keystroke of bench/bench_stories_view.py's queries as the app asks for it: the first page, then
the count if it takes at most COUNT_WITHIN (a list with a term of many articles is counted
apart, after the page is shown). CPU time of this thread, so a
loaded machine does not move the figure (wall time beside it); what the app adds on top is in
bench_filter.py.

    .venv/bin/python bench/bench_store_keys.py --cache /tmp/size/v11-50k [--rounds 3]
        [--views articles,claims,stories]

Prints p50 / p95 / max and the total per view, the best of --rounds for each keystroke.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_filter import QUERIES, keystrokes  # noqa: E402
from bench_stories_view import QUERIES as STORY_QUERIES  # noqa: E402

from tui.core.query import QueryError, parse_query  # noqa: E402
from tui.service.library import COUNT_WITHIN  # noqa: E402
from tui.store import schema  # noqa: E402
from tui.store.searcher import Searcher  # noqa: E402
from tui.store.story_list import StorySearcher  # noqa: E402


def one_round(db: Path, view: str) -> dict[str, tuple[float, float]]:
    conn = schema.connect(db, readonly=True)
    finder = Searcher()
    stories = StorySearcher()
    now = datetime.now(UTC)
    found: dict[str, tuple[float, float]] = {}
    for target in STORY_QUERIES if view == "stories" else QUERIES:
        for text in keystrokes(target):
            try:
                query = parse_query(text, now)
            except QueryError:
                continue
            cpu, wall = time.thread_time(), time.perf_counter()
            if view == "stories":  # as the app asks: the page, then the count if quick
                stories.page_stories(conn, query, limit=100)
                stories.count_stories(conn, query, seconds=COUNT_WITHIN)
            elif view == "articles":
                finder.page_articles(conn, query, limit=100)
                finder.count_articles(conn, query)
            else:
                finder.page_claims(conn, query, limit=100)
                finder.count_claims(conn, query)
            found[text] = (time.thread_time() - cpu, time.perf_counter() - wall)
    conn.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True, help="a build_cache.py --out dir")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--views", default="articles,claims,stories", help="comma-separated")
    args = parser.parse_args()
    db = args.cache / "cache" / "sitrep.db"
    for view in args.views.split(","):
        rounds = [one_round(db, view) for _ in range(args.rounds)]
        best = {k: min(r[k] for r in rounds) for k in rounds[0]}
        cpu = sorted(c * 1000 for c, _ in best.values())
        wall = sorted(w * 1000 for _, w in best.values())
        p95 = cpu[max(0, round(0.95 * len(cpu)) - 1)]
        slowest = sorted(best.items(), key=lambda kv: -kv[1][0])[:4]
        print(f"{view}: {len(cpu)} keystrokes, CPU p50 {statistics.median(cpu):.1f} ms  p95 "
              f"{p95:.1f}  max {cpu[-1]:.1f}  total {sum(cpu):.0f} ms (wall total "
              f"{sum(wall):.0f} ms); slowest: "
              + ", ".join(f"{k!r} {c * 1000:.0f}" for k, (c, _) in slowest))  # fmt: skip


if __name__ == "__main__":
    main()
