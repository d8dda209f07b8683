"""`sitrep search` wall time, process start included, on caches made by bench/build_cache.py.

    .venv/bin/python bench/bench_search.py --cache DIR [DIR ...] [--runs 5]

For each query below (a word, a phrase, `entity:`, `by:` and a few more) runs `python -m tui
--config DIR/feeds.toml --cache DIR/cache search QUERY` as a user would, caches and queries in
turn (so a busy moment on the machine hits all of them alike), and prints the median wall time
and the child's CPU time (user + system) per query and cache. The first run of each cache is
dropped: it reads the file into the page cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

QUERIES = ["drone", '"air defence"', "entity:Kharkiv", "by:army", "kharkiv -status:claimed",
           "side:russia", "status:denied kupiansk"]  # fmt: skip


def once(cache: Path, query: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one `sitrep search` process."""
    command = [sys.executable, "-m", "tui", "--config", str(cache / "feeds.toml"), "--cache",
               str(cache / "cache"), "search", "--", query]  # fmt: skip
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    found: dict[tuple[Path, str], list[tuple[float, float]]] = {}
    for cache in args.cache:
        once(cache, "drone")  # the file into the page cache
    for _ in range(args.runs):
        for query in QUERIES:
            for cache in args.cache:
                found.setdefault((cache, query), []).append(once(cache, query))
    names = [cache.name for cache in args.cache]
    print(f"{'query':<26}" + "".join(f"{name + ' wall / CPU':>24}" for name in names))
    for query in QUERIES:
        cells = []
        for cache in args.cache:
            walls, cpus = zip(*found[(cache, query)], strict=True)
            cells.append(f"{statistics.median(walls):>10.3f} s / {statistics.median(cpus):.3f} s")
        print(f"{query:<26}" + "".join(f"{cell:>24}" for cell in cells))


if __name__ == "__main__":
    main()
