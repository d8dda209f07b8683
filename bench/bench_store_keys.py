"""The filter's keystrokes against the store alone, in CPU time: for each keystroke of
bench/bench_filter.py's queries, the first page (100 rows, as the list asks) and the count, on
one read-only connection, as the app's store thread runs them. CPU time of this thread, so a
loaded machine does not move the figure (wall time beside it); what the app adds on top is in
bench_filter.py.

    .venv/bin/python bench/bench_store_keys.py --cache /tmp/size/v11-50k [--rounds 3]

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

from tui.core.query import QueryError, parse_query  # noqa: E402
from tui.store import schema  # noqa: E402
from tui.store.searcher import Searcher  # noqa: E402


def one_round(db: Path, view: str) -> dict[str, tuple[float, float]]:
    conn = schema.connect(db, readonly=True)
    finder = Searcher()
    now = datetime.now(UTC)
    found: dict[str, tuple[float, float]] = {}
    for target in QUERIES:
        for text in keystrokes(target):
            try:
                query = parse_query(text, now)
            except QueryError:
                continue
            cpu, wall = time.thread_time(), time.perf_counter()
            if view == "articles":
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
    args = parser.parse_args()
    db = args.cache / "cache" / "sitrep.db"
    for view in ("articles", "claims"):
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
