"""First paint of sitrep vs newsboat on 1k and 50k cached articles, in a real terminal (tmux).

    .venv/bin/python bench/bench_startup.py [--runs 5] [--sizes 1k 50k] [--proposed-v2]
    .venv/bin/python bench/bench_startup.py --sitrep-cache DIR [DIR ...] [--session]

For each size this makes sure both caches exist (sitrep's with bench/build_cache.py, newsboat's
with ../shared/bench/bench_startup.py --build on the same number of feeds and items), then runs
../shared/bench/bench_startup.py one launch at a time, newsboat and sitrep and both sizes in
turn (so a busy moment on the machine hits all of them alike), and prints the medians: time to
the first painted list (sitrep: the status bar's "<N> articles"), launch to exit after q, and
peak RSS (/usr/bin/time). Caches live under $TMPDIR/sitrep-bench and are reused.

With --sitrep-cache, sitrep alone on the given build_cache.py directories (a million articles
side by side with 50k), in turn, each labelled by its directory's name.

The package's bytecode is compiled first, as an install has it (pip compiles at install; an
editable checkout writes __pycache__ on its first import): this machine's environment sets
PYTHONDONTWRITEBYTECODE, under which every launch compiled ~100 of our modules again (about
0.05 s of CPU, part of the 0.57-0.59 s measured before 2026-12-06's "first paint" pass).
--no-compile leaves bytecode as it is. CPU by phase: bench/bench_paint_cpu.py.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "bench" / "bench_startup.py"
ROOT = Path(os.environ.get("TMPDIR", "/tmp")) / "sitrep-bench"
SIZES = {"1k": (50, 20), "10k": (200, 50), "50k": (250, 200)}  # feeds × items
KEYS = ("t_paint_s", "t_exit_s", "rss_mb")


def ensure_caches(label: str, proposed_v2: bool) -> Path:
    feeds, items = SIZES[label]
    ours = ROOT / f"app-{label}{'-v2' if proposed_v2 else ''}"
    if not (ours / "cache" / "sitrep.db").exists():
        extra = ["--proposed-v2"] if proposed_v2 else []
        subprocess.run(
            [
                sys.executable,
                str(HERE / "build_cache.py"),
                "--out",
                str(ours),
                "--articles",
                str(feeds * items),
                "--feeds",
                str(feeds),
                *extra,
            ],
            check=True,
        )
    theirs = ROOT / "work_startup" / f"nb-{label}" / "cache.db"
    if not theirs.exists():
        subprocess.run(
            [
                sys.executable,
                str(SHARED),
                "--label",
                f"nb-{label}",
                "--feeds",
                str(feeds),
                "--items",
                str(items),
                "--build",
                "--runs",
                "0",
            ],
            check=True,
        )
    return ours


def measure(label: str, cmd: list[str]) -> dict[str, float]:
    """One launch → paint → q → exit, through the shared script; its per-run JSON line."""
    out = subprocess.run(
        [sys.executable, str(SHARED), "--label", label, "--runs", "1", *cmd],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    return json.loads(line)["tui"]


def session_rss(cache: Path) -> dict[str, float]:
    """Peak and current RSS of the sitrep process itself after a short session in tmux on
    *cache*: filter, claims view, open an article and walk its claims, back, the stories view,
    back, wait."""

    def tmux(*args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", "sitrep-rss", *args], capture_output=True, text=True
        ).stdout

    def wait_for(text: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while text not in tmux("capture-pane", "-p", "-t", "rss") and time.monotonic() < deadline:
            time.sleep(0.05)

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    subprocess.run(
        [
            "tmux",
            "-L",
            "sitrep-rss",
            "new-session",
            "-d",
            "-s",
            "rss",
            "-x",
            "160",
            "-y",
            "45",
            f"{sys.executable} -m tui --config {cache / 'feeds.toml'} --cache {cache / 'cache'}",
        ],
        env=env,
        check=True,
    )
    try:
        pid = int(tmux("display", "-p", "-t", "rss", "#{pane_pid}").strip())
        wait_for(" articles")
        for keys, text in (
            (["/", "kharkiv drone", "Enter"], "filter: kharkiv drone"),
            (["Escape"], " articles"),
            (["c"], " claims"),
            (["Escape"], ""),
            (["Enter"], "claims"),
            (["]", "]", "e"], "claim 2/"),
            (["Escape", "Escape"], " articles"),
            (["s"], " stories"),  # the stories view (a cache without stories: "0 stories")
            (["Escape"], " articles"),
        ):
            tmux("send-keys", "-t", "rss", *keys)
            wait_for(text)
            time.sleep(0.5)
        time.sleep(3)
        status = Path(f"/proc/{pid}/status").read_text()
        kb = {
            line.split(":")[0]: int(line.split()[1])
            for line in status.splitlines()
            if line.startswith(("VmHWM", "VmRSS"))
        }
        tmux("send-keys", "-t", "rss", "q")
        return {"peak_mb": kb["VmHWM"] / 1024, "rss_mb": kb["VmRSS"] / 1024}
    finally:
        time.sleep(1)
        tmux("kill-server")


def sitrep_paint(cache: Path) -> dict[str, float]:
    command = f"{sys.executable} -m tui --config {cache / 'feeds.toml'} --cache {cache / 'cache'}"
    ready = "[1-9][0-9,]* articles"
    (ROOT / "work_startup" / f"sitrep-{cache.name}").mkdir(parents=True, exist_ok=True)  # its HOME
    return measure(f"sitrep-{cache.name}", ["--cmd", command, "--ready-regex", ready,
                                            "--proxy-cmd", ""])  # fmt: skip


def sitrep_only(caches: list[Path], runs: int, session: bool) -> None:
    """First paint (and RSS after a session) of sitrep on each cache, interleaved."""
    found: dict[Path, list[dict[str, float]]] = {cache: [] for cache in caches}
    for _ in range(runs):
        for cache in caches:
            found[cache].append(sitrep_paint(cache))
    print(f"{'cache':>12} {'paint':>9} {'exit':>9} {'RSS':>9}  (medians of {runs})")
    for cache, results in found.items():
        paint, leave = median(results, "t_paint_s"), median(results, "t_exit_s")
        rss = median(results, "rss_mb")
        print(f"{cache.name:>12} {paint:>7.3f} s {leave:>7.3f} s {rss:>6.1f} MB")
    if session:
        for cache in caches:
            rss = session_rss(cache)
            print(f"{cache.name} after a session: peak {rss['peak_mb']:.1f} MB, "
                  f"now {rss['rss_mb']:.1f} MB (the UI process alone)")  # fmt: skip


def median(runs: list[dict[str, float]], key: str) -> float:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", nargs="+", default=["1k", "50k"], choices=list(SIZES))
    parser.add_argument(
        "--session",
        action="store_true",
        help="also: RSS of the UI process after a short session per size",
    )
    parser.add_argument(
        "--proposed-v2",
        action="store_true",
        help="a sitrep cache with the indexes proposed as schema v2",
    )
    parser.add_argument(
        "--sitrep-cache", nargs="+", type=Path, default=[],
        help="build_cache.py directories: sitrep alone on each, no newsboat",
    )  # fmt: skip
    parser.add_argument(
        "--no-compile", action="store_true", help="do not compile sitrep's bytecode first"
    )
    args = parser.parse_args()
    if not args.no_compile:
        compileall.compile_dir(str(HERE.parent / "tui"), quiet=1)
    if args.sitrep_cache:
        sitrep_only(args.sitrep_cache, args.runs, args.session)
        return
    missing = [tool for tool in ("tmux", "newsboat") if shutil.which(tool) is None]
    if missing:
        print(
            f"skipped: {' and '.join(missing)} not installed "
            f"(apt-get install -y {' '.join(missing)})"
        )
        return
    caches = {label: ensure_caches(label, args.proposed_v2) for label in args.sizes}
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    for _ in range(args.runs):  # interleaved, so a busy moment on the machine hits all alike
        for label, ours in caches.items():
            sitrep_cmd = (
                f"{sys.executable} -m tui --config {ours / 'feeds.toml'} --cache {ours / 'cache'}"
            )
            runs.setdefault((label, "newsboat"), []).append(measure(f"nb-{label}", []))
            runs.setdefault((label, "sitrep"), []).append(
                measure(
                    f"nb-{label}",
                    [
                        "--cmd",
                        sitrep_cmd,
                        "--ready-regex",
                        "[1-9][0-9,]* articles",
                        "--proxy-cmd",
                        "",
                    ],
                )
            )
    rows = [
        (
            label,
            {k: median(runs[(label, "newsboat")], k) for k in KEYS},
            {k: median(runs[(label, "sitrep")], k) for k in KEYS},
        )
        for label in caches
    ]
    print(
        f"{'cache':>6} {'newsboat paint':>15} {'sitrep paint':>13} {'ratio':>6} "
        f"{'sitrep exit':>12} {'sitrep RSS':>11} {'newsboat RSS':>13}"
    )
    for label, newsboat, sitrep in rows:
        ratio = sitrep["t_paint_s"] / newsboat["t_paint_s"]
        print(
            f"{label:>6} {newsboat['t_paint_s']:>13.3f} s {sitrep['t_paint_s']:>11.3f} s "
            f"{ratio:>6.2f} {sitrep['t_exit_s']:>10.3f} s {sitrep['rss_mb']:>8.1f} MB "
            f"{newsboat['rss_mb']:>10.1f} MB"
        )
    if len(rows) > 1:
        first, last = rows[0][2]["t_paint_s"], rows[-1][2]["t_paint_s"]
        print(f"sitrep {rows[-1][0]} vs {rows[0][0]}: {100 * (last / first - 1):+.0f}% first paint")
    if args.session:
        for label, ours in caches.items():
            rss = session_rss(ours)
            print(
                f"sitrep {label} after a session: peak {rss['peak_mb']:.1f} MB, "
                f"now {rss['rss_mb']:.1f} MB (the UI process alone)"
            )


if __name__ == "__main__":
    main()
