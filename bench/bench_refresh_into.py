"""A refresh into a large cache against the same refresh into an empty one (issue 19).

    .venv/bin/python bench/bench_refresh_into.py --cache DIR [--rounds 3] [--work DIR]
        [--feeds 200 --items 20] [--pages]

DIR is a bench/build_cache.py --out directory (its feeds.toml and cache/sitrep.db). The cache is
copied first (the bench cache itself is never written; a million articles take about 9 GB and
40 s to copy). Each round starts a feed farm (../shared/bench/feedfarm.py: 200 feeds × 20
items, 100 ms a request) with a seed of its own, so that its items are new everywhere, adds its
feeds to both work directories with `sitrep feeds import`, then runs `sitrep fetch
--feeds-only` on each: the empty cache and the copy, side by side, alternating which goes first.
Both have the same feeds.toml: the bench cache's own feeds (addresses nothing answers, refused
at once) and the farms of every round so far (the earlier ones answer 304).

Prints, per round and cache, the wall and CPU seconds of the fetch, then the medians. The goal:
the refresh is as fast with the cache full as with it empty. With --pages the fetch reads the
articles' pages too (analysis and stories included: a small farm, e.g. --feeds 2 --items 10, is
enough; the farm dates its items at the end of 2024, before every bench article, which is how a
new feed's archive arrives).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.farm import start_farm  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SITREP = [sys.executable, "-m", "tui"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sitrep(work: Path, *args: str) -> list[str]:
    return [*SITREP, "--config", str(work / "feeds.toml"), "--cache", str(work / "cache"), *args]


def fetch(work: Path, pages: bool = False) -> tuple[float, float]:
    """Wall and CPU seconds of one `fetch` (the child's CPU, all its threads and processes)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = time.perf_counter()
    subprocess.run(
        sitrep(work, "fetch", *([] if pages else ["--feeds-only"]), "--quiet"),
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - before
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True, help="a build_cache.py --out dir")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, help="where the copies go (default: a temp dir)")
    parser.add_argument("--feeds", type=int, default=200, help="feeds in each round's farm")
    parser.add_argument("--items", type=int, default=20, help="items in each farm feed")
    parser.add_argument("--pages", action="store_true", help="fetch the pages too")
    args = parser.parse_args()
    source = args.cache / "cache" / "sitrep.db"
    if not source.exists():
        raise SystemExit(f"bench_refresh_into: {source} does not exist")
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="refresh-into-", dir=args.work))
    empty, full = work / "empty", work / "full"
    for side in (empty, full):
        (side / "cache").mkdir(parents=True)
        shutil.copy(args.cache / "feeds.toml", side / "feeds.toml")
    started = time.perf_counter()
    shutil.copy(source, full / "cache" / "sitrep.db")
    print(f"copied the cache in {time.perf_counter() - started:.0f} s", flush=True)
    times: dict[str, list[tuple[float, float]]] = {"empty": [], "full": []}
    farms = []
    try:
        for round_ in range(args.rounds):
            port = free_port()
            farms.append(start_farm(port, feeds=args.feeds, items=args.items, seed=1000 + round_))
            urls = work / f"urls{round_}.txt"
            feeds = range(args.feeds)
            urls.write_text("".join(f"http://127.0.0.1:{port}/feed/{i}.xml\n" for i in feeds))
            order = [("empty", empty), ("full", full)]
            for name, side in order if round_ % 2 == 0 else order[::-1]:
                subprocess.run(sitrep(side, "feeds", "import", str(urls)), cwd=ROOT, check=True,
                               stdout=subprocess.DEVNULL)  # fmt: skip
                wall, cpu = fetch(side, args.pages)
                times[name].append((wall, cpu))
                line = f"round {round_ + 1} {name:5}  wall {wall:.2f} s  CPU {cpu:.2f} s"
                print(line, flush=True)
    finally:
        for farm in farms:
            farm.terminate()
        shutil.rmtree(work, ignore_errors=True)
    for name, runs in times.items():
        print(
            f"{name:5}  median wall {statistics.median(w for w, _ in runs):.2f} s  "
            f"CPU {statistics.median(c for _, c in runs):.2f} s"
        )


if __name__ == "__main__":
    main()
