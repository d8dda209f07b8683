"""`kill -9` of a refreshing sitrep leaves no process behind.

A real `sitrep fetch` refreshes a farm of 200 feeds served on 127.0.0.1 and is killed with
SIGKILL: once while feeds are still arriving (some are slow), with the feed parsers' process
pool running (forkserver, its workers, the resource tracker), and once while article pages are
read (the page workers' zygote and the workers it forked). Every process it started carries a
marker in its environment, so they are found by it after they were re-parented; within 5 s of
the kill none may be left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import DEMO_DIR, write_config
from tests.server import LocalServer

MARK = "SITREP_TEST_PROCESS_MARK"
FEEDS = 200
GRACE = 15.0  # seconds the workers have to end after their parent's death (a worker still
# starting under a loaded machine reaches its parent watch late; a pidfd ends it at once after)


def marked(tag: str) -> list[int]:
    """Processes whose environment carries our marker (zombies have no environment left)."""
    needle = f"{MARK}={tag}".encode() + b"\0"
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def farm(server: LocalServer, tmp_path: Path, slow: int) -> Path:
    server.add_dir("/demo", DEMO_DIR)
    page = "/demo/pages/kharkiv-missile-strike.html?item="
    feeds = []
    for n in range(FEEDS):
        delay = 60 if n < slow else 0
        # RSS 0.92 is feedparser's to read, so the parsers' process pool runs
        query = f"items=2&delay={delay}&page={page}&version=0.92"
        feeds.append((f"Feed {n}", server.url(f"/feed/f{n}?{query}")))
    return write_config(tmp_path / "feeds.toml", feeds, "timeout_seconds = 90")


@pytest.mark.parametrize(("phase", "slow", "children"), [("feeds", 20, 4), ("pages", 0, 7)])
def test_killed_sitrep_leaves_no_process_behind(
    tmp_path: Path, http_server: LocalServer, phase: str, slow: int, children: int
) -> None:
    config = farm(http_server, tmp_path, slow)
    tag = uuid.uuid4().hex
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--config", str(config), "--cache", str(tmp_path / "c"),
         "fetch"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, MARK: tag},
    )
    try:
        deadline = time.monotonic() + 120
        # the parsers' pool: forkserver, 2 workers, resource tracker; pages: the page
        # workers' zygote and the 2 workers it forked
        while len(marked(tag)) < 1 + children:
            assert process.poll() is None, "sitrep ended before the test could kill it"
            assert time.monotonic() < deadline, f"only {len(marked(tag))} processes"
            time.sleep(0.1)
        if phase == "feeds":
            assert len(http_server.requests_to("/feed/f0")) == 1  # a slow feed is still out
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    left = marked(tag)
    end = time.monotonic() + GRACE
    while left and time.monotonic() < end:
        time.sleep(0.1)
        left = marked(tag)
    assert left == [], f"{len(left)} processes still running {GRACE:g} s after the kill"
