"""Filing articles into stories in a process of its own.

Filing is pure Python: each article's features (the gazetteer, loaded on first use, is half a
second of CPU), then the grouping (tui/service/stories.py). In a thread of the app it held the
interpreter against the UI for as long as it ran: after an upgrade, the catch-up of a large
cache filed for minutes, and a filter keystroke that the store answers in 5 ms took seconds to
show. Here it runs in one child process with its own connection to the cache (SQLite's locks
serialise it with the other writers, as with a `sitrep fetch` beside the app), in stretches of
at most STRETCH seconds so that a refresh that closes does not wait for a whole catch-up. One
such process serves every refresher of a sitrep process (the app's refreshes, or a test run's
many caches) and ends with it.

If the process cannot start or dies, filing falls back to the caller's store thread: stories
are late, never lost.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from tui.core.errors import StoreError
from tui.pipeline.processes import real_stderr, silence_output, watch_parent
from tui.pipeline.stories import FEATURES_VERSION, REPORT_VERSION
from tui.store import schema
from tui.store.handle import store_failure
from tui.store.stories import needs_filing

STRETCH = 2.0  # seconds of filing per call into the process
FILING_SHARE = 0.25  # the most of a refresh's time its catch-ups take when they grow slow
_opened: dict[str, sqlite3.Connection] = {}  # in the child: the cache it last filed
_child: ProcessPoolExecutor | None = None  # in the parent: the story process, once started
_child_broken = False
_child_lock = threading.Lock()


def filing_pause(every: float, took: float) -> float:
    """Seconds to wait before the next catch-up of a refresh: *every*, or longer when the last
    one took *took* seconds so long that filing would take more than FILING_SHARE of the time.
    At a million articles each catch-up reads some 40,000 stories of its window (about 3 s of
    CPU); every 5 s that was a core taken from the pages' analysis, for a few articles each."""
    return max(every, took * (1 - FILING_SHARE) / FILING_SHARE)


def _start(parent: int) -> None:
    """In the child: end with the sitrep that started it, and keep off its terminal."""
    watch_parent(parent)
    silence_output()


def file_for(db_path: str, seconds: float) -> int:
    """In the child: file batches for up to *seconds*; how many articles (0: none left)."""
    from tui.service import stories

    path = Path(db_path)
    try:
        if db_path not in _opened:
            for other in _opened.values():
                other.close()
            _opened.clear()
            _opened[db_path] = schema.connect(path)
        conn = _opened[db_path]
        total, end = 0, time.monotonic() + seconds
        while time.monotonic() < end and (done := stories.file_stories(conn)):
            total += done
        return total
    except sqlite3.Error as exc:
        raise StoreError(store_failure(path, exc)) from exc


def _executor() -> ProcessPoolExecutor | None:
    """The story process of this sitrep process, started on first use; None if it cannot
    start or has died (filing then stays on the store thread)."""
    global _child, _child_broken
    with _child_lock:
        if _child is None and not _child_broken:
            try:
                with real_stderr():
                    _child = ProcessPoolExecutor(
                        max_workers=1,
                        mp_context=multiprocessing.get_context("spawn"),
                        initializer=_start,
                        initargs=(os.getpid(),),
                    )
            except OSError:
                _child_broken = True
        return _child


def _lost() -> None:
    global _child, _child_broken
    with _child_lock:
        _child_broken = True
        if _child is not None:
            _child.shutdown(wait=False, cancel_futures=True)
            _child = None


class StoryFiler:
    """A refresher's filing: in the story process, or on its store thread without one."""

    def __init__(
        self, db_path: Path, on_store: Callable[[Callable[..., Any]], Awaitable[Any]]
    ) -> None:
        self.db_path = db_path
        self._on_store = on_store  # runs fn(conn) on the caller's store thread

    async def file_all(self) -> int:
        """File until nothing is left (then check the contested marks other rules set); how
        many articles (and stories checked). Asks the store first: a catch-up with nothing to
        do starts no process."""
        versions = (FEATURES_VERSION, REPORT_VERSION)
        if not await self._on_store(lambda conn: needs_filing(conn, *versions)):
            return 0
        total = 0
        while done := await self._stretch():
            total += done
        return total

    async def _stretch(self) -> int:
        done = await self._in_child()
        if done is None:
            from tui.service import stories

            done = await self._on_store(stories.file_stories)
        return done

    async def _in_child(self) -> int | None:
        """One stretch of filing in the child: how many articles, or None when the child is
        unavailable (the caller files in its own thread instead)."""
        pool = _executor()
        if pool is None:
            return None
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(pool, file_for, str(self.db_path), STRETCH)
        except BrokenProcessPool:
            _lost()
            return None
