"""Closing the worker pool frees whoever waits on a worker, at once.

Quitting the app while its first pages are being read used to keep the process alive for up to
three minutes after the screen was gone: a thread still waited for a worker that had been killed
while loading its model, and the interpreter's exit joins such threads.
"""

from __future__ import annotations

import asyncio
import time

from tui.pipeline.workers import WorkerPool

PAGE = (
    b"<html><body><article><h1>Bridge</h1><p>Officials said the convoy reached the bridge at "
    b"dawn, according to witnesses who watched from the river bank.</p></article></body></html>"
)


async def test_closing_the_pool_frees_a_caller_waiting_for_its_worker_to_start() -> None:
    pool = WorkerPool(size=1, timeout=120, preload=True)  # the model takes seconds to load
    waiting = asyncio.create_task(pool.run_page(PAGE, "https://wire.example/a", {}, True))
    await asyncio.sleep(0.5)  # the caller now waits for "ready"
    closed = time.monotonic()
    pool.close()
    result = await asyncio.wait_for(waiting, 30)  # a generous bound: a long poll took 180 s
    assert result.error == "the worker process died"
    assert time.monotonic() - closed < 30
