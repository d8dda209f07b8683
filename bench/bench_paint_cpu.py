"""CPU time to the app's first painted list, split by phase: a measure a loaded machine spoils
less than bench_startup.py's wall clock in tmux.

    .venv/bin/python bench/bench_paint_cpu.py --cache DIR [DIR ...] [--runs 9] [--no-compile]

Each run is a fresh interpreter that starts the app as `sitrep` does (tui.__main__.run_app's
steps: the CLI module, locations, logging, config, the store, then `tui.app`), headless at
160x45, on a build_cache.py directory, and stops once the main screen's first list has been
shown and the screen refreshed after it (the moment the status bar says "<N> articles"). The
phases, CPU of the whole process (every thread) from the first line of the child:
- `cli`: `tui.__main__`, the service imports, config and store opened;
- `app import`: `import tui.app` (Textual and the app's modules);
- `paint`: the total, to the refresh after the first list.
Runs are interleaved over the caches; medians are printed.

Bytecode: an installed sitrep has its modules compiled (pip compiles at install; an editable
checkout writes __pycache__ on first import). This machine's environment sets
PYTHONDONTWRITEBYTECODE, which made every launch compile ~100 of our modules (~0.05 s of CPU);
so the script compiles the package first, as an install would. --no-compile measures without.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent / "tui"
PHASES = ("cli", "app_import", "paint")


def child(cache: Path) -> None:
    """One start, up to the first painted list; prints its phases as JSON."""
    start = time.process_time()
    wall = time.perf_counter()
    marks: dict[str, float] = {}
    from tui.__main__ import build_parser
    from tui.cli.common import resolve_locations
    from tui.service.library import open_store
    from tui.service.startup import load_with_fallback

    args = build_parser().parse_args(
        ["--config", str(cache / "feeds.toml"), "--cache", str(cache / "cache")]
    )
    locations = resolve_locations(args)
    config, notices = load_with_fallback(locations)
    assert config is not None, notices
    opened = open_store(locations.db)
    marks["cli"] = time.process_time() - start
    from tui.app import make_app

    marks["app_import"] = time.process_time() - start - marks["cli"]
    app = make_app(config, locations, opened, notices=notices, auto_refresh=False)

    def painted() -> None:
        if "paint" not in marks:
            marks["paint"] = time.process_time() - start
            marks["wall"] = time.perf_counter() - wall
            app.exit()

    # The main screen calls list_shown once its first list is shown; here it stops the app
    # after the next refresh instead of starting the refresher (which is not measured).
    app.list_shown = lambda: app.call_after_refresh(painted)  # type: ignore[method-assign]
    app.run(headless=True, size=(160, 45))
    print(json.dumps(marks))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", nargs="+", type=Path, default=[])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-compile", action="store_true", help="leave bytecode as it is")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if not args.cache:
        parser.error("--cache DIR is required")
    if not args.no_compile:
        compileall.compile_dir(str(PACKAGE), quiet=1)
    found: dict[Path, list[dict[str, float]]] = {cache: [] for cache in args.cache}
    for _ in range(args.runs):
        for cache in args.cache:
            out = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--child", str(cache)],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            found[cache].append(json.loads(out.strip().splitlines()[-1]))
    print(f"{'cache':>12} {'cli':>8} {'app import':>11} {'paint (CPU)':>12} {'wall':>8}"
          f"   (medians of {args.runs}, seconds)")  # fmt: skip
    for cache, runs in found.items():
        cli, app_import, paint, wall = (
            statistics.median(r[k] for r in runs) for k in (*PHASES, "wall")
        )
        print(f"{cache.name:>12} {cli:>8.3f} {app_import:>11.3f} {paint:>12.3f} {wall:>8.3f}")


if __name__ == "__main__":
    main()
