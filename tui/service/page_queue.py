"""The article queue of a refresh: claim rows, fetch each page under the page policy, extract and
analyse it in the worker pool, save the result.

Why it works this way:
- rows are claimed with a lease (tui.store.queue), so `sitrep fetch` and the app on one cache
  share the work instead of both fetching every page;
- a fixed number of pages are in progress at once and a finished one is replaced at once (not
  in batches that wait for their slowest page), rows come interleaved across feeds, and a host
  already fetching its share is skipped: a slow host holds at most its own slots while the
  other feeds' pages go on;
- every page fetch goes through the host pacer (a few at a time per host, a pause between
  starts) and the feed's scope (where the feed may send sitrep; see pipeline/fetch/policy.py);
- pages of local feeds are read from disk, and only beside the feed file.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tui.core.errors import FetchError
from tui.core.sanitize import clean_line, without_userinfo
from tui.pipeline.fetch import Fetcher, Response
from tui.pipeline.fetch.pacing import HostPacer
from tui.pipeline.fetch.policy import Scope
from tui.pipeline.workers import WorkerPool
from tui.store import queue, store

Db = Callable[..., Awaitable[Any]]


class ArticleQueue:
    def __init__(
        self,
        db: Db,
        pool: Callable[[], WorkerPool],
        fetcher: Fetcher,
        pacer: HostPacer,
        scope_for: Callable[[str], Awaitable[Scope]],
        *,
        max_page_bytes: int,
        analyze: bool,
    ) -> None:
        self._db = db
        self._pool = pool
        self.fetcher = fetcher
        self.pacer = pacer
        self._scope_for = scope_for
        self._max_page_bytes = max_page_bytes
        self._analyze = analyze
        self.owner = queue.new_owner()
        self.in_flight: set[int] = set()
        self._hosts: Counter[str] = Counter()  # pages in progress per host

    async def run(self, limit: int | None, report: Callable[[int, int], None]) -> int:
        """Work the queue until it is empty (or *limit* pages are done). Returns how many.

        *report(done, total)* is called as pages finish; the leases of pages not finished
        (an error, a cancellation) are given back before this returns or raises.
        """
        total = await self._db(store.count_queued)
        if limit is not None:
            total = min(total, limit)
        report(0, total)
        slots = max(4, 2 * self._pool().size)
        running: set[asyncio.Task[None]] = set()
        done = 0
        try:
            while True:
                room = slots - len(running)
                if limit is not None:
                    room = min(room, limit - done - len(running))
                if room > 0:
                    rows = await self._db(
                        queue.claim_queued,
                        self.owner,
                        room,
                        busy=+self._hosts,
                        per_host=self.pacer.per_host,
                    )
                    running |= {asyncio.ensure_future(self.process(row)) for row in rows}
                if not running:
                    return done
                finished, running = await asyncio.wait(
                    running, return_when=asyncio.FIRST_COMPLETED
                )
                for task in finished:
                    task.result()  # a store failure ends the run (after the cleanup below)
                done += len(finished)
                report(done, max(total, done))
        finally:
            for task in running:
                task.cancel()
            if running:
                await asyncio.gather(*running, return_exceptions=True)
            await self._release()

    async def _release(self) -> None:
        with contextlib.suppress(Exception):  # a failing store is being reported already
            await self._db(queue.release_leases, self.owner)

    async def process_article(self, article_id: int) -> None:
        """The article the user opens jumps the queue (unless another process has it)."""
        if article_id in self.in_flight:
            return
        row = await self._db(queue.claim_article, self.owner, article_id)
        if row is not None and article_id not in self.in_flight:
            await self.process(row)

    async def process(self, row: dict[str, Any]) -> None:
        article_id = row["id"]
        host = queue.host_of(row["url"])
        self.in_flight.add(article_id)
        self._hosts[host] += 1
        try:
            try:
                response = await self.fetch_page(row["url"], row["feed_url"])
            except FetchError as exc:
                await self._db(
                    store.save_analysis, article_id, None, None, error=clean_line(exc.reason)
                )
                return
            final_url = without_userinfo(response.final_url)
            await self._db(store.save_page, article_id, response.body, response.headers, final_url)
            result = await self._pool().run_page(
                response.body, final_url, response.headers, self._analyze
            )
            await self._db(
                store.save_analysis, article_id, result.article, result.analysis, error=result.error
            )
        finally:
            self.in_flight.discard(article_id)
            self._hosts[host] -= 1

    async def fetch_page(self, url: str, feed_url: str) -> Response:
        url = without_userinfo(url)  # rows stored before links lost their credentials
        if url.startswith("file://"):
            path = Path(unquote(urlsplit(url).path))
            feed_dir = Path(feed_url).resolve().parent if not feed_url.startswith("http") else None
            if feed_dir is None or not path.resolve().is_relative_to(feed_dir):
                raise FetchError(url, "local pages are only read beside a local feed")
            return await asyncio.to_thread(read_local, str(path), self._max_page_bytes, None)
        if not url.startswith(("http://", "https://")):
            raise FetchError(url or "(no link)", "the item has no http(s) link")
        scope = await self._scope_for(feed_url)
        host = queue.host_of(url)
        async with self.pacer.slot(host):
            return await self.fetcher.get(url, max_bytes=self._max_page_bytes, scope=scope)


def read_local(path: str, max_bytes: int, last_modified: str | None) -> Response:
    """Local feeds and their pages: the file's mtime plays the part of Last-Modified."""
    try:
        stat = os.stat(path)
        if stat.st_size > max_bytes:
            raise FetchError(path, f"file larger than {max_bytes:,} bytes")
        stamp = str(stat.st_mtime_ns)
        if last_modified == stamp:
            return Response(path, path, 304, b"", {}, None, stamp)
        with open(path, "rb") as handle:
            body = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise FetchError(path, "file not found") from None
    except OSError as exc:
        raise FetchError(path, exc.strerror or str(exc)) from None
    if len(body) > max_bytes:
        raise FetchError(path, f"file larger than {max_bytes:,} bytes")
    headers = {"content-type": "text/html" if path.endswith((".html", ".htm")) else ""}
    return Response(path, path, 200, body, headers, None, stamp)
