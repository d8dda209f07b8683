"""Key handling latency while a refresh and the analysis queue run (target: ≤ 100 ms).

    .venv/bin/python bench/bench_keys.py [--feeds 200 --items 20 --latency-ms 100]

Starts ../shared/bench/feedfarm.py, opens the real app headless (Textual's pilot) on a fresh
cache with those feeds, starts a refresh of all of them, and then presses j / k every 50 ms until
the article queue (extraction + analysis in worker processes) is done or --seconds pass. Each
key is posted as the terminal driver posts it; the time until the list's cursor has moved is
its latency. Prints p50 / p95 / max for the feeds phase and the article phase.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textual import events  # noqa: E402

from bench.farm import start_farm  # noqa: E402
from tui.app import make_app  # noqa: E402
from tui.app.widgets.article_list import ArticleList  # noqa: E402
from tui.service import locations as loc  # noqa: E402
from tui.service.config import load_config  # noqa: E402
from tui.store.recovery import open_store  # noqa: E402


async def measure(work: Path, seconds: float) -> dict[str, list[float]]:
    locations = loc.resolve(str(work / "feeds.toml"), str(work / "cache"))
    app = make_app(
        load_config(locations.config), locations, open_store(locations.db), auto_refresh=False
    )
    phases: dict[str, list[float]] = {"feeds": [], "articles": []}
    async with app.run_test(size=(160, 45)) as pilot:
        while app.refresher is None:
            await pilot.pause(0.05)
        app.action_refresh_all()
        articles = app.screen.query_one(ArticleList)
        deadline = time.monotonic() + seconds
        down = True
        while time.monotonic() < deadline:
            status = app.refresh_status
            phase = "feeds" if status.startswith("refreshing") else "articles"
            if not status and phases["articles"]:
                break  # the queue is done
            if articles.count < 3:
                await asyncio.sleep(0.05)
                continue
            before = articles.cursor
            key = "j" if down else "k"
            start = time.perf_counter()
            app.post_message(events.Key(key, key))
            while articles.cursor == before and time.perf_counter() - start < 5:
                await asyncio.sleep(0.001)
            phases[phase].append((time.perf_counter() - start) * 1000)
            down = not down if articles.cursor in (0, 5) else down
            await asyncio.sleep(0.05)
        await pilot.press("q")
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=100)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    farm = start_farm(args.port, feeds=args.feeds, items=args.items, latency=args.latency_ms)
    try:
        with tempfile.TemporaryDirectory(prefix="sitrep-keys-") as tmp:
            work = Path(tmp)
            lines = ["[settings]", "refresh_minutes = 0", "concurrency = 16", "per_host = 16", ""]
            for i in range(args.feeds):
                lines += [
                    "[[feed]]",
                    f'name = "Farm {i}"',
                    f'url = "http://127.0.0.1:{args.port}/feed/{i}.xml"',
                    "",
                ]
            (work / "feeds.toml").write_text("\n".join(lines), encoding="utf-8")
            phases = asyncio.run(measure(work, args.seconds))
    finally:
        farm.terminate()
        farm.wait(10)
    for phase, values in phases.items():
        if not values:
            print(f"{phase}: no keys measured")
            continue
        values.sort()
        p95 = values[max(0, round(0.95 * len(values)) - 1)]
        print(
            f"{phase}: {len(values)} keys  p50 {statistics.median(values):.1f} ms  "
            f"p95 {p95:.1f} ms  max {values[-1]:.1f} ms"
        )


if __name__ == "__main__":
    main()
