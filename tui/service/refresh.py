"""Refresh orchestration: feeds first (fast, network-bound), then the article queue.

Progress is reported through plain callbacks (the CLI prints, the app posts messages); each
phase ends with a last event whose `done` equals its `total`, also when the phase fails (then
with `failed` saying why), so a status line never stays on "refreshing feeds 0/1". The article
queue lives in the store (articles in state 'queued'), so it survives restarts, and is worked by
`page_queue.ArticleQueue`. All SQLite work runs on one dedicated thread, network work on the
event loop, parsing in a thread and extraction + analysis in worker processes: nothing here
blocks the caller's event loop.

What one feed may add and reach is bounded by the page policy (the `private_pages`,
`page_per_host`, `page_delay_seconds` and `max_new_items` settings; see the README).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx

from tui.core.errors import FetchError, ParseError, StoreError
from tui.core.sanitize import clean_line
from tui.pipeline.fetch import Fetcher, make_client
from tui.pipeline.fetch.pacing import HostPacer
from tui.pipeline.fetch.policy import PagePolicy, Resolver, Scope
from tui.pipeline.workers import WorkerPool
from tui.service.config import Config, FeedConfig
from tui.service.feed_parsing import FeedParsing
from tui.service.feed_saves import FeedSaves
from tui.service.page_queue import ArticleQueue, read_local
from tui.service.story_filing import StoryFiler, filing_pause
from tui.store import intake, queue, reanalysis, schema, store, upkeep
from tui.store.handle import store_failure

T = TypeVar("T")
STORIES_EVERY = 5.0  # seconds of queue work between two story catch-ups (or more: filing_pause)


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    url: str
    name: str
    status: str  # "updated", "not-modified" or "error"
    new: int = 0
    error: str = ""
    warning: str = ""  # updated, but something to know: a GUID flood, items held back


@dataclass(frozen=True, slots=True)
class Progress:
    phase: str  # "feeds", "articles" or "reprocess"
    done: int
    total: int
    failed: str = ""  # set on the last event of a phase that stopped on an error


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
        resolver: Resolver | None = None,
    ) -> None:
        """*resolver* answers host → addresses for the page policy (the system resolver by
        default; a program embedding sitrep, or a test, may give its own)."""
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
        self._feeds = {f.url: f for f in config.feeds}
        self._parsing = FeedParsing()
        self._saves = FeedSaves(self._db)
        self._filer: StoryFiler | None = None
        self._policy = PagePolicy(resolver)
        self._scopes: dict[str, Scope] = {}
        self.fetcher: Fetcher | None = None
        self._queue: ArticleQueue | None = None

    # ── lifecycle ──
    async def __aenter__(self) -> Refresher:
        if self._client is None:
            self._client = make_client(self.settings.user_agent, self.settings.concurrency)
        self.fetcher = Fetcher(
            self._client,
            concurrency=self.settings.concurrency,
            per_host=self.settings.per_host,
            timeout=self.settings.timeout_seconds,
            policy=self._policy,
        )
        self._queue = ArticleQueue(
            self._db,
            lambda: self.pool,
            self.fetcher,
            HostPacer(self.settings.page_per_host, self.settings.page_delay_seconds),
            self.scope_for,
            max_page_bytes=self.settings.max_page_bytes,
            analyze=self._analyze,
        )
        feeds = [(f.url, f.name, f.tags) for f in self.config.feeds]
        self._feed_ids = await self._db(store.sync_feeds, feeds)
        return self

    async def scope_for(self, feed_url: str) -> Scope:
        """Where the feed at *feed_url* may send sitrep (decided once per refresh)."""
        scope = self._scopes.get(feed_url)
        if scope is None:
            feed = self._feeds.get(feed_url)
            mode = (feed.private_pages if feed else None) or self.settings.private_pages
            local = not feed_url.startswith(("http://", "https://"))
            scope = await self._policy.scope(feed_url, mode, local_file=local)
            self._scopes[feed_url] = scope
        return scope

    def _forget_addresses(self) -> None:
        """Names are resolved again at each refresh (the app's refresher lives for hours)."""
        self._policy.forget()
        self._scopes.clear()

    @asynccontextmanager
    async def _phase(self, phase: str) -> AsyncIterator[Callable[[int, int], None]]:
        """Report a phase's progress; whatever happens, its last event has done == total."""
        last = [0, 0]

        def report(done: int, total: int) -> None:
            last[:] = [done, total]
            self.on_progress(Progress(phase, done, total))

        try:
            yield report
        except BaseException as exc:
            reason = clean_line(str(exc)) or type(exc).__name__
            if isinstance(exc, asyncio.CancelledError):
                reason = "stopped"
            self.on_progress(Progress(phase, max(last), max(last), failed=reason))
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._queue is not None and self._conn is not None:
            # a store that failed was reported by whatever met it first
            with contextlib.suppress(StoreError):
                await self._db(queue.release_leases, self._queue.owner)
        if self._own_client and self._client is not None:
            await self._client.aclose()
        if self._own_pool and self._pool is not None:
            self._pool.close()
        self._parsing.close()
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
        async with self._phase("feeds") as report:
            self._forget_addresses()
            wanted = set(urls) if urls is not None else None
            feeds = [
                f for f in self.config.feeds if f.enabled and (wanted is None or f.url in wanted)
            ]
            if due_only:
                checked = await self._db(store.feeds_last_checked)
                feeds = [f for f in feeds if self._is_due(f, checked.get(f.url))]
            total = len(feeds)
            self._parsing.expect(total)
            done = 0
            report(0, total)
            validators = await self._db(store.feeds_validators)  # one trip, not one per feed

            async def one(feed: FeedConfig) -> FeedOutcome:
                nonlocal done
                feed_id = self._feed_ids[feed.url]
                outcome = await self._refresh_feed(feed, validators.get(feed_id, (None, None)))
                done += 1
                self.on_feed(outcome)
                report(done, total)
                return outcome

            outcomes = list(await asyncio.gather(*(one(f) for f in feeds)))
            await self._db(upkeep.purge_articles, self.settings.retention_days)
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

    async def _refresh_feed(
        self, feed: FeedConfig, validators: tuple[str | None, str | None]
    ) -> FeedOutcome:
        feed_id = self._feed_ids[feed.url]
        etag, last_modified = validators
        try:
            if feed.is_local:
                response = await asyncio.to_thread(
                    read_local, feed.url, self.settings.max_feed_bytes, last_modified
                )
            else:
                assert self.fetcher is not None
                response = await self.fetcher.get(
                    feed.url,
                    max_bytes=self.settings.max_feed_bytes,
                    etag=etag,
                    last_modified=last_modified,
                    user_agent=feed.user_agent,
                    scope=await self.scope_for(feed.url),  # its redirects obey the policy
                    trust_first_hop=True,
                )
            if response.status == 304:
                await self._saves.save(
                    intake.FeedSave(feed_id, None, etag, last_modified, feed.full_text, 0)
                )
                return FeedOutcome(feed.url, feed.name, "not-modified")
            parsed = await self._parsing.parse(response)
        except (FetchError, ParseError) as exc:
            reason = clean_line(getattr(exc, "reason", None) or str(exc))
            await self._db(store.record_feed_error, feed_id, reason)
            return FeedOutcome(feed.url, feed.name, "error", error=reason)
        taken = await self._saves.save(
            intake.FeedSave(
                feed_id,
                parsed,
                etag=response.etag,
                last_modified=response.last_modified,
                full_text=feed.full_text,
                cap=self.settings.max_new_items,
            )
        )
        warning = taken.warning() or ""
        return FeedOutcome(feed.url, feed.name, "updated", new=taken.new, warning=warning)


    # ── article queue ──
    async def process_queue(self, limit: int | None = None) -> int:
        """Fetch, extract and analyze queued articles (see page_queue), filing finished
        articles into stories every few seconds and at the end. Returns how many."""
        assert self._queue is not None
        self._forget_addresses()
        async with self._phase("articles") as report:
            filer = asyncio.create_task(self._file_stories_every(STORIES_EVERY))
            try:
                done = await self._queue.run(limit, report)
            finally:
                filer.cancel()
            await self.file_stories()
            report(done, done)  # other processes may have taken some: the phase is over
            return done

    async def _file_stories_every(self, every: float) -> None:
        pause = every
        while True:
            await asyncio.sleep(pause)
            started = time.monotonic()
            await self.file_stories()
            pause = filing_pause(every, time.monotonic() - started)

    async def file_stories(self) -> int:
        """File the articles done since the last time into stories, in a process of its own
        (tui/service/story_filing.py). Returns how many."""
        if self._filer is None:
            self._filer = StoryFiler(self.db_path, self._db)
        return await self._filer.file_all()

    @staticmethod
    def analyzer_version() -> str:
        """The version of the analysis this sitrep writes (imports the analyzer's rules, not
        its model: about a tenth of a second; call it off the UI's thread)."""
        from tui.pipeline.analyze import ANALYZER_VERSION

        return ANALYZER_VERSION

    async def upgrade_pending(self) -> int:
        """Stored pages an older analyzer read (one row's read once the cache is up to date)."""
        return await self._db(reanalysis.upgrade_pending, self.analyzer_version())

    async def mark_upgraded(self) -> None:
        """Every stored page is read by this analyzer: later starts need not count them."""
        await self._db(store.set_state, reanalysis.ANALYSES_KEY, self.analyzer_version())

    async def reprocess(self, *, all_articles: bool = False, analysed_only: bool = False) -> int:
        """Rerun extraction + analysis on stored raw pages (after an upgrade). Returns count.
        *analysed_only*: not the pages no analyzer read (the app's upgrade on start)."""
        async with self._phase("reprocess") as report:
            total = await self._db(
                reanalysis.requeue_articles,
                all_articles=all_articles,
                version=self.analyzer_version(),
                analysed_only=analysed_only,
            )
            done = 0
            report(0, total)
            while True:
                rows = await self._db(reanalysis.reprocess_candidates, 4 * self.pool.size)
                if not rows:
                    await self.file_stories()
                    report(done, done)
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
                report(done, max(total, done))
                await self.file_stories()

    async def process_article(self, article_id: int) -> None:
        """The article the user opens jumps the queue: process it now."""
        assert self._queue is not None
        await self._queue.process_article(article_id)
