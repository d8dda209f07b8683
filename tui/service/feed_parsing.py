"""Fetched feed bodies parsed off the event loop, each in the cheapest place that can take it.

A plain RSS or Atom feed (`pipeline.parse.plain_feed`) is read in a thread: about 1.5 ms, too
little to be worth a process. The others go to feedparser, which holds the interpreter for
milliseconds to seconds: in a refresh large enough to want it, in a process pool started by the
first such feed (so a refresh of plain feeds starts no process at all), else in a thread.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tui.core.models import ParsedFeed
from tui.pipeline.fetch import Response
from tui.pipeline.parse import parse_feed, parse_plain_feed
from tui.pipeline.workers import start_parse_pool

POOL_THRESHOLD = 24  # feeds in one refresh before feedparser moves to processes


class FeedParsing:
    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._pool_wanted = False

    @property
    def started_pool(self) -> bool:
        return self._pool is not None

    def expect(self, feeds: int) -> None:
        """A refresh of *feeds* feeds begins: is it big enough for a pool, should one be needed?"""
        self._pool_wanted = feeds >= POOL_THRESHOLD

    async def parse(self, response: Response) -> ParsedFeed:
        args = (response.body, response.final_url, dict(response.headers))
        plain = await asyncio.to_thread(parse_plain_feed, *args)
        if plain is not None:
            return plain
        if self._pool_wanted and self._pool is None:
            self._pool = start_parse_pool()
        if self._pool is not None:
            loop = asyncio.get_running_loop()
            try:
                return await loop.run_in_executor(self._pool, _feedparser, *args)
            except BrokenProcessPool:
                self._pool = None  # fall back to a thread for the rest of this refresh
                self._pool_wanted = False
        return await asyncio.to_thread(_feedparser, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _feedparser(body: bytes, url: str, headers: dict[str, str]) -> ParsedFeed:
    """A feed the plain reader declined (module level, so that the pool can pickle it)."""
    return parse_feed(body, url, headers, plain=False)
