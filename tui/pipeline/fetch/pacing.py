"""Article pages are fetched politely: a few at a time per host, with a pause between starts.

A feed chooses which hosts its items link to. Without a per-host limit the page queue sent four
requests at a time to whichever host the queue happened to reach, and a feed of 1,000 items
linking to one small site was 1,000 requests to it as fast as they would go. The pacer lets at
most `per_host` page requests run against one host and starts them at least `delay` seconds
apart. Feeds are not paced (one request per feed per refresh); the Fetcher's own per-host limit
still caps all connections.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator


class HostPacer:
    def __init__(self, per_host: int = 2, delay: float = 0.0) -> None:
        self.per_host = max(1, per_host)
        self.delay = max(0.0, delay)
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._turns: dict[str, asyncio.Lock] = {}
        self._next_start: dict[str, float] = {}

    @contextlib.asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        host = host.lower()
        slot = self._slots.setdefault(host, asyncio.Semaphore(self.per_host))
        turn = self._turns.setdefault(host, asyncio.Lock())
        async with slot:
            async with turn:  # one start at a time per host, `delay` apart
                loop = asyncio.get_running_loop()
                wait = self._next_start.get(host, 0.0) - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                self._next_start[host] = loop.time() + self.delay
            yield
