"""The shared feed farm (../shared/bench/feedfarm.py) for the benches that refresh against it."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

FARM = Path(__file__).resolve().parents[2] / "shared" / "bench" / "feedfarm.py"


def start_farm(
    port: int, *, feeds: int = 200, items: int = 20, latency: float = 100, seed: int | None = None
) -> subprocess.Popen[bytes]:
    """A farm of *feeds* feeds on 127.0.0.1:*port*, once it answers (at most about 20 s)."""
    seeded = [] if seed is None else ["--seed", str(seed)]
    farm = subprocess.Popen(
        [sys.executable, str(FARM), "--feeds", str(feeds), "--items", str(items),
         "--latency-ms", str(latency), "--port", str(port), *seeded],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stats", timeout=1).read()
            return farm
        except OSError:
            time.sleep(0.1)
    farm.terminate()
    raise SystemExit("the feed farm did not start")
