"""The stories view on a big cache: how long `s` takes to show the list, and the filter as you
type.

    .venv/bin/python bench/bench_stories_view.py [--cache DIR] [--rounds 5]

Runs the real app headless (Textual's pilot) on a cache made by bench/build_cache.py (default:
$TMPDIR/sitrep-bench/app-50k, built first when missing; a cache built before stories were
filed gets its stories first, bench/story_plan.py). Once start-up has settled (the refresher's
imports are done):

- **paint**: `s` on the main screen (its action, called on the event loop), then the time
  until the stories view holds its first page (count, rows, outlet names: what the next frame
  paints); the first time, then `q` and `s` again `--rounds` times. Wall time and the
  process's CPU time (all threads) over the same span.
- **filter**: each query below typed key by key, every prefix of two or more characters that
  parses applied as the filter bar applies it after its pause (set_filter → thread worker →
  store → list reset on the UI thread), the time until the list holds the new result; every
  query starts from an empty filter. p50 / p95 / max, wall and CPU.
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

from bench.story_plan import file_bench_stories  # noqa: E402
from tui.app import make_app  # noqa: E402
from tui.app.screens.main import MainScreen  # noqa: E402
from tui.app.screens.stories import StoriesScreen  # noqa: E402
from tui.core.query import Query, QueryError, parse_query  # noqa: E402
from tui.service import locations as loc  # noqa: E402
from tui.service.config import load_config  # noqa: E402
from tui.store import schema  # noqa: E402
from tui.store.recovery import open_store  # noqa: E402

DEFAULT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "sitrep-bench" / "app-50k"
QUERIES = [
    "kharkiv",
    "drone strike",
    '"air defence"',
    "zhuravka",
    "entity:Zhuravka",
    'by:"defence ministry"',
    "status:denied",
    "outlets:>=3",
    "outlets:>=2 kharkiv",
    "is:contested",
    "is:contested outlets:>=3",
    "since:3d",
    "since:7d drone",
    "is:unread",
    "tag:ukraine outlets:>=2",
    "feed:wire 12",
    "-drone",
    "kharkiv -status:claimed",
    "entity:Kyiv is:contested",
    "shahed",
    "patriot outlets:>=2",
]


def keystrokes(query: str) -> list[str]:
    return [query[:n] for n in range(2, len(query) + 1) if not query[:n].endswith(" ")]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def ensure_stories(cache: Path) -> None:
    conn = schema.connect(cache / "cache" / "sitrep.db")
    try:
        if conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 0:
            print(f"{cache}: no stories yet, filing them (bench/story_plan.py)", flush=True)
            file_bench_stories(conn)
    finally:
        conn.close()


async def run(cache: Path, rounds: int) -> tuple[list[tuple[float, float]], list[tuple]]:
    locations = loc.resolve(str(cache / "feeds.toml"), str(cache / "cache"))
    app = make_app(
        load_config(locations.config), locations, open_store(locations.db), auto_refresh=False
    )
    shown = asyncio.Event()
    original = StoriesScreen._show

    def wrapped(self: StoriesScreen, *args: object) -> None:
        original(self, *args)
        shown.set()

    StoriesScreen._show = wrapped  # type: ignore[method-assign]
    paints: list[tuple[float, float]] = []
    typed: list[tuple] = []
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            while app.refresher is None:  # steady state: list shown, refresher loaded
                await pilot.pause(0.05)
            await pilot.pause(0.5)
            for _ in range(rounds + 1):
                shown.clear()
                start, cpu = time.perf_counter(), time.process_time()
                main_screen = app.screen
                assert isinstance(main_screen, MainScreen)
                main_screen.action_view("stories")  # what `s` runs (Pilot.press adds waits)
                await shown.wait()
                paints.append((time.perf_counter() - start, time.process_time() - cpu))
                await pilot.pause(0.3)
                await pilot.press("q")
                while not isinstance(app.screen, MainScreen):
                    await pilot.pause(0.05)
                await pilot.pause(0.3)
            await pilot.press("s")
            while not isinstance(app.screen, StoriesScreen) or not app.screen.stories.count:
                await pilot.pause(0.05)
            screen = app.screen
            for target in QUERIES:
                screen.set_filter("", Query())
                await pilot.pause(0.3)
                for text in keystrokes(target):
                    try:
                        query = parse_query(text, app.now())
                    except QueryError:
                        continue
                    shown.clear()
                    start, cpu = time.perf_counter(), time.process_time()
                    screen.set_filter(text, query)
                    await shown.wait()
                    wall, used = time.perf_counter() - start, time.process_time() - cpu
                    typed.append((wall * 1000, used * 1000, text, screen.stories.count))
                    await asyncio.sleep(0.02)  # a fast typist: about 50 ms a key with the pause
            await pilot.press("q", "q")
    finally:
        StoriesScreen._show = original  # type: ignore[method-assign]
    return paints, typed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="a build_cache.py dir")
    parser.add_argument("--rounds", type=int, default=5, help="warm paints after the first")
    args = parser.parse_args()
    if not (args.cache / "cache" / "sitrep.db").exists():
        print(f"building {args.cache} (50k articles) first", flush=True)
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("build_cache.py")),
             "--out", str(args.cache), "--articles", "50000"],
            check=True,
        )  # fmt: skip
    ensure_stories(args.cache)
    conn = schema.connect(args.cache / "cache" / "sitrep.db")
    stories, articles = conn.execute(
        "SELECT count(*), coalesce(sum(articles), 0) FROM stories"
    ).fetchone()
    conn.close()
    print(f"{args.cache}: {stories} stories of {articles} articles; load {os.getloadavg()[0]:.1f}")
    paints, typed = asyncio.run(run(args.cache, args.rounds))
    first, warm = paints[0], paints[1:]
    print(
        f"paint (s → first page): first {first[0] * 1000:.0f} ms ({first[1] * 1000:.0f} ms CPU), "
        f"then median {statistics.median(p[0] for p in warm) * 1000:.0f} ms "
        f"({statistics.median(p[1] for p in warm) * 1000:.0f} ms CPU), "
        f"max {max(p[0] for p in warm) * 1000:.0f} ms"
    )
    walls = [t[0] for t in typed]
    cpus = [t[1] for t in typed]
    print(
        f"filter: {len(typed)} keystrokes  p50 {statistics.median(walls):.1f} ms  "
        f"p95 {percentile(walls, 0.95):.1f} ms  max {max(walls):.1f} ms  "
        f"(CPU p50 {statistics.median(cpus):.1f} ms, p95 {percentile(cpus, 0.95):.1f} ms)"
    )
    slowest = sorted(typed)[-5:]
    print("  slowest:", ", ".join(f"{t[2]!r} {t[0]:.0f} ms ({t[3]} stories)" for t in slowest))
    print(f"load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
