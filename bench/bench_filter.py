"""Filter keystroke latency: from a query being applied to the list showing its result.

    .venv/bin/python bench/bench_filter.py [--cache DIR] [--view articles|claims|both]

Runs the real app headless (Textual's pilot) on a cache made by bench/build_cache.py (default:
$TMPDIR/sitrep-bench/app-50k, built first when missing: about 7 minutes). For each query below
it replays the typing: every prefix of two or more characters that parses is applied the way
the filter bar applies it after its pause (set_filter: parsed query → thread worker → store →
list reset on the UI thread) and the time until the list holds the new result is recorded,
once start-up has settled (the refresher's imports are done). Prefixes that do not parse
("status:disp") cost nothing and are skipped, as in the app. Every query starts from an empty
filter. Prints p50 / p95 / max and the slowest keystrokes, for the article list and the claims
view, and the CPU time the app's process spent per keystroke over the replay (all its threads:
the store's queries and the UI's work; a figure load on the machine does not inflate).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.app import make_app  # noqa: E402
from tui.core.query import Query, QueryError, parse_query  # noqa: E402
from tui.service import locations as loc  # noqa: E402
from tui.service.config import load_config  # noqa: E402
from tui.store.recovery import open_store  # noqa: E402

DEFAULT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "sitrep-bench" / "app-50k"
QUERIES = [
    "kharkiv",
    "drone strike",
    "kharkiv drone",
    '"air defence"',
    "zhuravka",
    "sumy missile",
    "entity:Zhuravka",
    'by:"defence ministry"',
    "by:army",
    "status:disputed",
    "status:denied kharkiv",
    "since:3d",
    "since:7d drone",
    "is:unread",
    "is:unread kharkiv",
    "tag:ukraine",
    "feed:wire 12",
    "-drone",
    "kharkiv -status:claimed",
    "is:conflict odesa",
    "entity:Kyiv status:disputed",
    "shahed",
    "patriot",
    "himars grain",
    "side:russia kharkiv",
    "by:russian",
    "is:manual",
]


def keystrokes(query: str) -> list[str]:
    return [query[:n] for n in range(2, len(query) + 1) if not query[:n].endswith(" ")]


CPU: dict[str, float] = {}  # view -> process CPU seconds over its replay


async def run(cache: Path, view: str) -> list[tuple[float, str]]:
    locations = loc.resolve(str(cache / "feeds.toml"), str(cache / "cache"))
    app = make_app(
        load_config(locations.config), locations, open_store(locations.db), auto_refresh=False
    )
    timings: list[tuple[float, str]] = []
    async with app.run_test(size=(160, 45)) as pilot:
        # Steady state: the list is shown and the background refresher has loaded.
        while app.refresher is None:
            await pilot.pause(0.05)
        if view == "claims":
            await pilot.press("c")
            await pilot.pause(0.5)
        screen = app.screen
        shown = asyncio.Event()
        show = screen._show_articles if view == "articles" else screen._show

        def wrapped(*args: object, **kwargs: object) -> None:
            show(*args, **kwargs)
            shown.set()

        if view == "articles":
            screen._show_articles = wrapped
        else:
            screen._show = wrapped
        cpu = time.process_time()
        for target in QUERIES:
            screen.set_filter("", Query())
            await pilot.pause(0.3)
            for text in keystrokes(target):
                try:
                    query = parse_query(text, app.now())
                except QueryError:
                    continue
                shown.clear()
                start = time.perf_counter()
                screen.set_filter(text, query)
                await shown.wait()
                timings.append(((time.perf_counter() - start) * 1000, text))
                await asyncio.sleep(0.02)  # a fast typist: about 50 ms a key with the pause
        CPU[view] = time.process_time() - cpu
        await pilot.press("q")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="a build_cache.py --out dir"
    )
    parser.add_argument("--view", choices=["articles", "claims", "both"], default="both")
    args = parser.parse_args()
    if not (args.cache / "cache" / "sitrep.db").exists():
        print(f"building {args.cache} (50k articles) first", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(Path(__file__).with_name("build_cache.py")),
                "--out",
                str(args.cache),
                "--articles",
                "50000",
            ],
            check=True,
        )
    for view in ["articles", "claims"] if args.view == "both" else [args.view]:
        timings = asyncio.run(run(args.cache, view))
        values = sorted(t for t, _ in timings)
        p95 = values[max(0, round(0.95 * len(values)) - 1)]
        print(
            f"{view}: {len(values)} keystrokes  p50 {statistics.median(values):.1f} ms  "
            f"p95 {p95:.1f} ms  max {values[-1]:.1f} ms  "
            f"CPU {CPU[view] / len(values) * 1000:.1f} ms a keystroke"
        )
        print("  slowest:", ", ".join(f"{text!r} {ms:.0f} ms" for ms, text in sorted(timings)[-5:]))


if __name__ == "__main__":
    main()
