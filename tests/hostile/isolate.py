"""Run one call in a fresh process with a deadline and a memory reading.

Hostile input may hang or balloon; in the test process that would stall or kill the whole suite.
In a child, a call that outlasts its generous deadline is killed and the test fails with a clear
message (the deadline is a failure line, not a speed target). The child reports its own peak
resident memory growth (ru_maxrss after the call minus before).
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable
from typing import Any

DEADLINE = 30.0  # seconds; everything tested here finishes in well under one


def _measured(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, int]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = fn(*args)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return result, (after - before) * 1024  # ru_maxrss is in KiB on Linux


def run_isolated(fn: Callable[..., Any], *args: Any, deadline: float = DEADLINE) -> tuple[Any, int]:
    """(fn(*args), peak memory growth in bytes), computed in a spawned child process."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:  # leaving the block terminates the child, finished or not
        pending = pool.apply_async(_measured, (fn, args))
        try:
            return pending.get(timeout=deadline)
        except multiprocessing.TimeoutError:
            raise AssertionError(f"{fn.__name__} still running after {deadline:g} s") from None
