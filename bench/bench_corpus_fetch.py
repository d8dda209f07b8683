"""The 2,107 feeds of feedparser's test corpus over HTTP: import, fetch, re-fetch, and the UI.

Serves ../shared/data/feeds-corpus/ from a local server on 127.0.0.1, writes one URL per line,
and times the real commands in fresh processes:

  * `sitrep feeds import urls.txt`     (2,107 [[feed]] blocks appended and validated)
  * `sitrep fetch --feeds-only`        (every feed fetched, parsed and stored; per-feed summary)
  * `sitrep fetch --feeds-only` again  (every feed answers 304)

It prints the wall time, feeds per second, the summary line, the outcome counts, and the peak
resident memory of each command. With --ui it also starts the app headless on the same cache
plus a row of hostile feeds (a trickle, silent headers, a gzip bomb, an endless body, a redirect
loop), presses `j`/`k` while the refresh runs, and prints how long each key took to be handled
and how late a 10 ms timer on the app's event loop fires (the issue's target: within 100 ms).

    .venv/bin/python bench/bench_corpus_fetch.py [--ui [--ui-feeds 100 2107]]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.server import LocalServer  # noqa: E402

CORPUS = REPO.parent / "shared" / "data" / "feeds-corpus"
HOSTILE = {
    "Trickle": "/trickle?interval=0.2",
    "Silent": "/slow-headers?seconds=120",
    "Bomb": "/gzip-bomb",
    "Endless": "/endless",
    "Loop": "/redirect-loop",
}


def run(config: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """(result, wall seconds, peak RSS in MB of this child) for one sitrep command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "--config",
            str(config),
            "--cache",
            str(config.parent / "cache"),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return result, elapsed, max(peak, before) // 1024


def report(
    label: str, result: subprocess.CompletedProcess[str], seconds: float, rss: int, feeds: int
) -> None:
    lines = result.stdout.splitlines()
    outcomes = {"new": 0, "error": 0, "304": 0}
    for line in lines[:-1]:
        if "  error: " in line:
            outcomes["error"] += 1
        elif line.endswith("304 not modified"):
            outcomes["304"] += 1
        elif re.search(r"  \d+ new$", line):
            outcomes["new"] += 1
    print(
        f"{label:<22} {seconds:6.1f} s  {feeds / seconds:6.0f} feeds/s  peak RSS {rss} MB  "
        f"exit {result.returncode}"
    )
    print(f"{'':<22} {lines[-1] if lines else result.stderr.strip()[-200:]}")
    print(
        f"{'':<22} per-feed lines: {len(lines) - 1} "
        f"(updated {outcomes['new']}, 304 {outcomes['304']}, errors {outcomes['error']})"
    )


async def key_latency(
    config: Path, server: LocalServer, corpus_feeds: int
) -> tuple[list[float], list[float]]:
    """While the app refreshes the corpus and the hostile feeds: seconds from each key press to
    the cursor moving, and how late a 10 ms timer on the app's event loop fired (its stalls)."""
    from tests.conftest import build_app, write_config
    from tui.app.widgets.article_list import ArticleList
    from tui.service.config import load_config

    corpus = [(f.name, f.url) for f in load_config(config).feeds][:corpus_feeds]
    hostile = [(name, server.url(path)) for name, path in HOSTILE.items()]
    ui_config = write_config(
        config.parent / "ui.toml", corpus + hostile, settings="timeout_seconds = 20"
    )
    text = ui_config.read_text(encoding="utf-8")
    ui_config.write_text(text.replace("[[feed]]\n", "[[feed]]\nfull_text = false\n"))
    app = build_app(ui_config, config.parent / "cache")
    keys: list[float] = []
    lags: list[float] = []
    moved: list[float] = []

    async def sample_lag() -> None:
        loop = asyncio.get_running_loop()
        while True:
            planned = loop.time() + 0.01
            await asyncio.sleep(0.01)
            lags.append(loop.time() - planned)

    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        app.watch(articles, "cursor", lambda: moved.append(time.perf_counter()), init=False)
        while app.refresher is None or articles.count < 2:  # the cached list is up
            await pilot.pause(0.05)
        await pilot.press("R")  # refresh_minutes = 0: refreshing is on demand
        while not app.refresh_status.startswith("refreshing feeds"):
            await pilot.pause(0.01)
        sampler = asyncio.create_task(sample_lag())
        while app.refresh_status.startswith("refreshing feeds") and len(keys) < 400:
            key = "j" if len(keys) % 20 < 10 else "k"
            pressed = time.perf_counter()
            await pilot.press(key)
            after = [t for t in moved if t >= pressed]
            if after:
                keys.append(after[0] - pressed)
        sampler.cancel()
        await pilot.press("q")
    return keys, lags


def percentiles(label: str, seconds: list[float]) -> None:
    ms = sorted(t * 1000 for t in seconds) or [0.0]
    print(
        f"{label:<22} {len(ms)} samples: median {statistics.median(ms):.0f} ms, "
        f"p95 {ms[max(0, int(len(ms) * 0.95) - 1)]:.0f} ms, max {ms[-1]:.0f} ms, "
        f"over 100 ms: {sum(m > 100 for m in ms)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ui", action="store_true", help="also measure key latency in the app")
    parser.add_argument(
        "--ui-feeds",
        type=int,
        nargs="*",
        default=[100, 2107],
        help="corpus feeds refreshed beside the hostile ones, one run each",
    )
    args = parser.parse_args()
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE")
    with LocalServer() as server, tempfile.TemporaryDirectory() as tmp:
        server._httpd.socket.listen(128)  # a real server's backlog (the stdlib default is 5)
        base = server.add_dir("corpus", CORPUS)
        urls = Path(tmp) / "urls.txt"
        urls.write_text("".join(base + quote(str(p.relative_to(CORPUS))) + "\n" for p in files))
        config = Path(tmp) / "feeds.toml"
        config.write_text("[settings]\nrefresh_minutes = 0\n", encoding="utf-8")
        print(f"{len(files)} corpus files served from {base}")
        imported, seconds, rss = run(config, "feeds", "import", str(urls))
        print(
            f"{'feeds import':<22} {seconds:6.1f} s  peak RSS {rss} MB  exit "
            f"{imported.returncode}  {imported.stdout.strip()[:90]}"
        )
        for label in ("fetch --feeds-only", "fetch again (304s)"):
            result, seconds, rss = run(config, "fetch", "--feeds-only")
            report(label, result, seconds, rss, len(files))
        if args.ui:
            for count in args.ui_feeds:
                keys, lags = asyncio.run(key_latency(config, server, count))
                print(f"app refreshing {count} corpus feeds + {len(HOSTILE)} hostile ones:")
                percentiles("  key → cursor moved", keys)
                percentiles("  event-loop stalls", lags)


if __name__ == "__main__":
    main()
