"""Refresh orchestration: feeds first (fast, network-bound), then the article queue.

Progress is reported through plain callbacks (the CLI prints, the app posts messages). The
article queue lives in the store (articles in state 'queued'), so it survives restarts. All
SQLite work runs on one dedicated thread, network work on the event loop, parsing in a thread
and extraction + analysis in worker processes: nothing here blocks the caller's event loop.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sqlite3
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import httpx

from tui.core.errors import FetchError, ParseError, StoreError
from tui.core.models import ParsedFeed
from tui.core.sanitize import clean_line
from tui.pipeline.fetch import Fetcher, Response, make_client
from tui.pipeline.parse import parse_feed
from tui.pipeline.workers import WorkerPool, real_stderr
from tui.service import stories
from tui.service.config import Config, FeedConfig
from tui.store import schema, store

T = TypeVar("T")
PARSE_POOL_THRESHOLD = 24  # feeds in one refresh before parsing moves to processes
STORIES_EVERY = 5.0  # seconds of queue work between two story catch-ups


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    url: str
    name: str
    status: str  # "updated", "not-modified" or "error"
    new: int = 0
    error: str = ""


@dataclass(frozen=True, slots=True)
class Progress:
    phase: str  # "feeds" or "articles"
    done: int
    total: int


ProgressCallback = Callable[[Progress], None]
FeedCallback = Callable[[FeedOutcome], None]


class Refresher:
    """Use as `async with Refresher(config, db_path) as r: await r.refresh()`."""

    def __init__(
        self,
        config: Config,
        db_path: Path,
        *,
        client: httpx.AsyncClient | None = None,
        pool: WorkerPool | None = None,
        on_progress: ProgressCallback | None = None,
        on_feed: FeedCallback | None = None,
        analyze: bool = True,
    ) -> None:
        self.config = config
        self.db_path = db_path
        self.settings = config.settings
        self._own_client = client is None
        self._client = client
        self._pool = pool
        self._own_pool = pool is None
        self._analyze = analyze
        self.on_progress = on_progress or (lambda progress: None)
        self.on_feed = on_feed or (lambda outcome: None)
        self._db_thread = ThreadPoolExecutor(1, thread_name_prefix="sitrep-db")
        self._conn: sqlite3.Connection | None = None
        self._feed_ids: dict[str, int] = {}
        self._in_flight: set[int] = set()
        self._parse_pool: ProcessPoolExecutor | None = None
        self.fetcher: Fetcher | None = None

    # ── lifecycle ──
    async def __aenter__(self) -> Refresher:
        if self._client is None:
            self._client = make_client(self.settings.user_agent, self.settings.concurrency)
        self.fetcher = Fetcher(
            self._client,
            concurrency=self.settings.concurrency,
            per_host=self.settings.per_host,
            timeout=self.settings.timeout_seconds,
        )
        feeds = [(f.url, f.name, f.tags) for f in self.config.feeds]
        self._feed_ids = await self._db(store.sync_feeds, feeds)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own_client and self._client is not None:
            await self._client.aclose()
        if self._own_pool and self._pool is not None:
            self._pool.close()
        if self._parse_pool is not None:
            self._parse_pool.shutdown(wait=False, cancel_futures=True)
            self._parse_pool = None
        if self._conn is not None:
            await self._db(lambda conn: conn.close())
            self._conn = None
        self._db_thread.shutdown(wait=False)

    async def _db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run fn(conn, ...) on the store thread. A failing store (a full disk, a file damaged
        while we run) ends the refresh with a StoreError saying so; each write is one
        transaction, so everything committed before it stays."""

        def call() -> T:
            if self._conn is None:
                self._conn = schema.connect(self.db_path)
            try:
                return fn(self._conn, *args, **kwargs)
            except sqlite3.Error as exc:
                raise StoreError(store_failure(self.db_path, exc)) from exc

        return await asyncio.get_running_loop().run_in_executor(self._db_thread, call)

    @property
    def pool(self) -> WorkerPool:
        if self._pool is None:
            self._pool = WorkerPool(
                timeout=max(10.0, self.settings.timeout_seconds), preload=self._analyze
            )
        return self._pool

    # ── feeds ──
    async def refresh(
        self, *, pages: bool = True, urls: Iterable[str] | None = None
    ) -> list[FeedOutcome]:
        outcomes = await self.refresh_feeds(urls)
        if pages:
            await self.process_queue()
        return outcomes

    async def refresh_feeds(
        self, urls: Iterable[str] | None = None, *, due_only: bool = False
    ) -> list[FeedOutcome]:
        """Refresh the given feeds (all enabled ones by default).

        With due_only (auto refresh), a feed is skipped until its own refresh_minutes (or the
        global one) have passed since it was last checked.
        """
        wanted = set(urls) if urls is not None else None
        feeds = [f for f in self.config.feeds if f.enabled and (wanted is None or f.url in wanted)]
        if due_only:
            checked = await self._db(store.feeds_last_checked)
            feeds = [f for f in feeds if self._is_due(f, checked.get(f.url))]
        total = len(feeds)
        if total >= PARSE_POOL_THRESHOLD and self._parse_pool is None:
            self._parse_pool = start_parse_pool()
        done = 0
        self.on_progress(Progress("feeds", 0, total))

        async def one(feed: FeedConfig) -> FeedOutcome:
            nonlocal done
            outcome = await self._refresh_feed(feed)
            done += 1
            self.on_feed(outcome)
            self.on_progress(Progress("feeds", done, total))
            return outcome

        outcomes = list(await asyncio.gather(*(one(f) for f in feeds)))
        await self._db(store.purge_articles, self.settings.retention_days)
        return outcomes

    def _is_due(self, feed: FeedConfig, last_checked: str | None) -> bool:
        minutes = (
            feed.refresh_minutes
            if feed.refresh_minutes is not None
            else self.settings.refresh_minutes
        )
        if last_checked is None:
            return True  # never fetched
        if minutes <= 0:
            return False  # manual refresh only
        try:
            when = datetime.fromisoformat(last_checked)
        except ValueError:
            return True
        return datetime.now(UTC) - when >= timedelta(minutes=minutes) - timedelta(seconds=30)

    async def _refresh_feed(self, feed: FeedConfig) -> FeedOutcome:
        feed_id = self._feed_ids[feed.url]
        etag, last_modified = await self._db(store.feed_validators, feed_id)
        try:
            if feed.is_local:
                response = await asyncio.to_thread(
                    _read_local, feed.url, self.settings.max_feed_bytes, last_modified
                )
            else:
                assert self.fetcher is not None
                response = await self.fetcher.get(
                    feed.url,
                    max_bytes=self.settings.max_feed_bytes,
                    etag=etag,
                    last_modified=last_modified,
                    user_agent=feed.user_agent,
                )
            if response.status == 304:
                await self._db(
                    store.record_feed_ok,
                    feed_id,
                    title=None,
                    etag=etag,
                    last_modified=last_modified,
                )
                return FeedOutcome(feed.url, feed.name, "not-modified")
            parsed = await self._parse(response)
        except (FetchError, ParseError) as exc:
            reason = clean_line(getattr(exc, "reason", None) or str(exc))
            await self._db(store.record_feed_error, feed_id, reason)
            return FeedOutcome(feed.url, feed.name, "error", error=reason)
        new = await self._db(store.save_entries, feed_id, parsed.entries, full_text=feed.full_text)
        await self._db(
            store.record_feed_ok,
            feed_id,
            title=parsed.title or None,
            etag=response.etag,
            last_modified=response.last_modified,
        )
        return FeedOutcome(feed.url, feed.name, "updated", new=new)

    async def _parse(self, response: Response) -> ParsedFeed:
        """Parse off the event loop: in the process pool when one runs, else in a thread."""
        args = (response.body, response.final_url, dict(response.headers))
        if self._parse_pool is not None:
            loop = asyncio.get_running_loop()
            try:
                return await loop.run_in_executor(self._parse_pool, parse_feed, *args)
            except BrokenProcessPool:
                self._parse_pool = None  # fall back to a thread for the rest of this refresh
        return await asyncio.to_thread(parse_feed, *args)

    # ── article queue ──
    async def process_queue(self, limit: int | None = None) -> int:
        """Fetch, extract and analyze queued articles, newest first. Returns how many."""
        processed = 0
        total = await self._db(store.count_queued)
        if limit is not None:
            total = min(total, limit)
        self.on_progress(Progress("articles", 0, total))
        batch_size = max(4, 2 * self.pool.size)
        loop = asyncio.get_running_loop()
        filed_at = loop.time()
        while limit is None or processed < limit:
            rows = await self._db(store.queued_articles, batch_size + len(self._in_flight))
            rows = [r for r in rows if r["id"] not in self._in_flight][:batch_size]
            if not rows:
                break
            await asyncio.gather(*(self._process(dict(r)) for r in rows))
            processed += len(rows)
            self.on_progress(Progress("articles", processed, max(total, processed)))
            if loop.time() - filed_at > STORIES_EVERY:
                await self.file_stories()
                filed_at = loop.time()
        await self.file_stories()
        return processed

    async def file_stories(self) -> int:
        """File the articles done since the last time into stories (tui/service/stories.py),
        a batch per store call so other store work interleaves."""
        total = 0
        while done := await self._db(stories.file_stories):
            total += done
        return total

    async def reprocess(self, *, all_articles: bool = False) -> int:
        """Rerun extraction + analysis on stored raw pages (after an upgrade). Returns count."""
        from tui.pipeline.analyze import ANALYZER_VERSION

        total = await self._db(
            store.requeue_articles, all_articles=all_articles, version=ANALYZER_VERSION
        )
        done = 0
        self.on_progress(Progress("reprocess", 0, total))
        while True:
            rows = await self._db(store.reprocess_candidates, 4 * self.pool.size)
            if not rows:
                await self.file_stories()
                return done

            async def one(row: Any) -> None:
                body, headers = store.raw_page(row)
                result = await self.pool.run_page(body, row["url"], headers, self._analyze)
                await self._db(
                    store.save_analysis,
                    row["id"],
                    result.article,
                    result.analysis,
                    error=result.error,
                )

            await asyncio.gather(*(one(row) for row in rows))
            done += len(rows)
            self.on_progress(Progress("reprocess", done, max(total, done)))
            await self.file_stories()

    async def process_article(self, article_id: int) -> None:
        """The article the user opens jumps the queue: process it now."""
        await self._db(store.prioritize_article, article_id)
        row = await self._db(
            lambda conn: conn.execute(
                "SELECT a.id, a.url, a.feed_id, f.url AS feed_url FROM articles a JOIN feeds f "
                "ON f.id = a.feed_id WHERE a.id = ? AND a.state = 'queued'",
                (article_id,),
            ).fetchone()
        )
        if row is not None and article_id not in self._in_flight:
            await self._process(dict(row))

    async def _process(self, row: dict[str, Any]) -> None:
        article_id = row["id"]
        self._in_flight.add(article_id)
        try:
            try:
                response = await self._fetch_page(row["url"], row["feed_url"])
            except FetchError as exc:
                await self._db(
                    store.save_analysis, article_id, None, None, error=clean_line(exc.reason)
                )
                return
            await self._db(
                store.save_page, article_id, response.body, response.headers, response.final_url
            )
            result = await self.pool.run_page(
                response.body, response.final_url, response.headers, self._analyze
            )
            await self._db(
                store.save_analysis, article_id, result.article, result.analysis, error=result.error
            )
        finally:
            self._in_flight.discard(article_id)

    async def _fetch_page(self, url: str, feed_url: str) -> Response:
        if url.startswith("file://"):
            path = Path(unquote(urlsplit(url).path))
            feed_dir = Path(feed_url).resolve().parent if not feed_url.startswith("http") else None
            if feed_dir is None or not path.resolve().is_relative_to(feed_dir):
                raise FetchError(url, "local pages are only read beside a local feed")
            return await asyncio.to_thread(
                _read_local, str(path), self.settings.max_page_bytes, None
            )
        if not url.startswith(("http://", "https://")):
            raise FetchError(url or "(no link)", "the item has no http(s) link")
        assert self.fetcher is not None
        return await self.fetcher.get(url, max_bytes=self.settings.max_page_bytes)


def store_failure(db_path: Path, exc: sqlite3.Error) -> str:
    """One line for a store error met mid-run, with the likely cause when SQLite is terse."""
    reason = clean_line(str(exc)) or type(exc).__name__
    if "disk" in reason or "full" in reason:
        reason += " (is the disk full?)"
    return f"{db_path}: cache error: {reason}"


def start_parse_pool() -> ProcessPoolExecutor:
    """feedparser is pure Python (~8 ms per 20-item feed): with hundreds of feeds, parsing on
    every core matters. A forkserver with the parser preloaded makes the workers cheap to start."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tui.pipeline.parse"])
    with real_stderr():
        return ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1), mp_context=context)


def _read_local(path: str, max_bytes: int, last_modified: str | None) -> Response:
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
