"""Fetched feeds go to the store in batches: whatever arrived while it was busy, one commit.

A refresh of 200 feeds committed 200 times on the store thread; a commit is a fifth of what saving
a feed costs. Feeds arrive faster than the store takes them at the start of a big refresh, so
each save joins the feeds still waiting, and `intake.save_feeds` writes them in one transaction.
A feed waits for nothing: when the store is idle, its batch is just itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from tui.store import intake


class FeedSaves:
    def __init__(self, db: Callable[..., Awaitable[Any]]) -> None:
        self._db = db  # runs a store function on the store thread
        self._waiting: list[tuple[intake.FeedSave, asyncio.Future[intake.Intake]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def save(self, feed: intake.FeedSave) -> intake.Intake:
        done: asyncio.Future[intake.Intake] = asyncio.get_running_loop().create_future()
        self._waiting.append((feed, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write())
        return await done

    async def _write(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting, []
                try:
                    taken = await self._db(intake.save_feeds, [feed for feed, _ in batch])
                except BaseException as exc:  # every feed of the batch learns why
                    for _, done in batch:
                        if not done.done():
                            done.set_exception(exc)
                    if not isinstance(exc, Exception):
                        raise
                    continue
                for (_, done), result in zip(batch, taken, strict=True):
                    if not done.done():
                        done.set_result(result)
        finally:
            self._writer = None
