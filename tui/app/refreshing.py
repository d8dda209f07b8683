"""The refresher's lifetime inside the app: start it after the first paint, refresh feeds (all,
some, or those due), read the queue, restart it on a new config, close it with the app.

The refresher runs on the BackgroundLoop (its own thread and asyncio loop) so thousands of HTTP
events never queue in front of key presses; the app's workers only wait for it. Its progress
comes back as messages the app turns into `refresh_status` and `data_version`.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App

from tui.app.background import BackgroundLoop
from tui.app.messages import FeedRefreshed, RefreshProgressed
from tui.service.config import Config
from tui.service.library import Library
from tui.service.locations import Locations

if TYPE_CHECKING:
    import httpx

    from tui.service.refresh import FeedOutcome, Progress, Refresher, WorkerPool

log = logging.getLogger(__name__)
T = TypeVar("T")
AUTO_TICK_SECONDS = 60.0


def keep_start_up() -> None:
    """Take what start-up left alive out of the garbage collector's sight (`gc.freeze`): the
    modules, classes and functions imported, the app and its main screen, about 90,000 objects
    that live as long as the app. Each full collection walks every object it sees, and a full
    collection comes every few thousand allocations that survive: with these in sight each cost
    60-70 ms of CPU, and one that fell inside a keystroke made its page three times as slow
    (the stories view at 50k articles: filter p95 from 81 to 46 ms of CPU; docs/APP.md). Once
    only: objects frozen later would include lists and rows that a new filter drops, never
    freed. Start-up garbage already among them (a few thousand objects) stays."""
    gc.freeze()


class Refreshing:
    """Owned by the app: every worker runs on the app (group names are the app's vocabulary:
    "refresher", "refresh", "queue"), so cancelling and error toasts work as for any worker."""

    def __init__(
        self,
        app: App[Any],
        library: Library,
        locations: Locations,
        *,
        config: Callable[[], Config],
        bump: Callable[[], None],
        articles_done: Callable[[], None],
        client: httpx.AsyncClient | None,
        pool: WorkerPool | None,
        auto_refresh: bool,
    ) -> None:
        self.app = app
        self._config = config
        self._bump = bump  # tell screens the store changed (at once)
        self._articles_done = articles_done  # the page queue is empty: its progress ends
        self.library = library
        self.locations = locations
        self.client = client
        self.pool = pool
        self.auto_refresh = auto_refresh
        self.refresher: Refresher | None = None
        self.claims_seen = 0  # pinned-entity news: claims up to this id were told
        self._background: BackgroundLoop | None = None
        self._wanted: list[list[str] | None] = []  # refreshes asked for before it was ready
        self._started = False
        self._building: asyncio.Future[Refresher] | None = None
        self._upgrading = False  # stored pages an older analyzer read: looked at once a start

    @property
    def config(self) -> Config:
        return self._config()

    def _run(self, coroutine: Coroutine[Any, Any, None], name: str, group: str,
             exclusive: bool = True) -> None:
        """A worker on the app (named as the method it runs, for its error toast)."""
        self.app.run_worker(coroutine, name=name, group=group, exclusive=exclusive,
                            exit_on_error=False)

    # ── start, restart, close ──
    def start(self) -> None:
        """Called once the first list is painted."""
        if self._started:
            return
        if self.library.readonly:  # no refresher: start-up is over
            self._started = True
            keep_start_up()
            return
        self._started = True
        self.app.call_after_refresh(
            lambda: self._run(self._start_refresher(), "_start_refresher", "refresher", False)
        )
        if self.auto_refresh:
            # Each feed has its own interval (refresh_minutes, per feed or global): a tick a
            # minute refreshes the feeds that are due, and only those.
            self.app.set_interval(AUTO_TICK_SECONDS, self.auto_tick)

    async def _start_refresher(self) -> None:
        self.claims_seen = await asyncio.to_thread(self.library.last_claim_id)
        self.refresher = await self._build_refresher()
        keep_start_up()  # the refresher's imports are in
        if self._wanted:  # R pressed during start-up
            wanted, self._wanted = self._wanted, []
            self.refresh(None if None in wanted else [u for urls in wanted for u in urls or ()])
        elif self.auto_refresh:
            self.refresh(None, due_only=True)  # new feeds, and those past their interval
        else:
            self.process_queue()

    async def _build_refresher(self) -> Refresher:
        """_new_refresher, finished even if the app closes meanwhile (close waits for it
        and closes it): a refresher left half-built would keep its database connection open."""
        self._building = asyncio.ensure_future(self._new_refresher())
        return await asyncio.shield(self._building)

    async def _new_refresher(self) -> Refresher:
        """A refresher on the current config, ready (feeds synced) before anyone can use it."""
        # Imported in a thread: httpx and feedparser take ~0.3 s, the UI keeps its keys.
        refresh = await asyncio.to_thread(importlib.import_module, "tui.service.refresh")
        if self._background is None:
            self._background = BackgroundLoop()
        refresher = refresh.Refresher(
            self.config,
            self.locations.db,
            client=self.client,
            pool=self.pool,
            on_progress=self._on_progress,
            on_feed=self._on_feed,
        )
        await self._background.run(refresher.__aenter__())
        return refresher

    async def in_background(self, coroutine: Coroutine[Any, Any, T]) -> T:
        assert self._background is not None
        return await self._background.run(coroutine)

    async def close(self) -> None:
        if self._building is not None:
            try:
                self.refresher = await self._building
            except (Exception, asyncio.CancelledError) as exc:  # its worker reported it
                log.warning("refresher did not start: %r", exc)
        if self.refresher is not None:
            await self.in_background(self.refresher.close())
        if self._background is not None:
            self._background.close()

    def restart(self, new_urls: list[str]) -> None:
        """A new config: restart the refresher on it, then refresh *new_urls*."""
        self._run(self._restart(new_urls), "_restart_refresher", "refresher")

    async def _restart(self, new_urls: list[str]) -> None:
        for group in ("refresh", "queue"):
            self.app.workers.cancel_group(self.app, group)
        if self.refresher is not None:
            await self.in_background(self.refresher.close())
            self.refresher = None
        self.refresher = await self._build_refresher()
        self._bump()
        if new_urls:
            self.refresh(new_urls)

    # ── refresh ──
    def want(self, urls: list[str] | None) -> None:
        """Refresh *urls* (all when None) now, or as soon as the refresher is ready."""
        if self.refresher is None:
            self._wanted.append(urls)
        else:
            self.refresh(urls)

    def auto_tick(self) -> None:
        """Refresh the feeds whose interval has passed, unless a refresh is already running."""
        if self.refresher is None or self.library.readonly:
            return
        if any(w.group == "refresh" and w.is_running for w in self.app.workers):
            return
        self.refresh(None, due_only=True)

    def refresh(self, urls: list[str] | None, due_only: bool = False) -> None:
        self._run(self._refresh(urls, due_only), "_refresh", "refresh")

    async def _refresh(self, urls: list[str] | None, due_only: bool) -> None:
        """Refresh *urls* (all feeds when None). due_only is the automatic kind: quiet unless
        it brought something new or a feed failed."""
        assert self.refresher is not None
        outcomes = await self.in_background(self.refresher.refresh_feeds(urls, due_only=due_only))
        failed = [o for o in outcomes if o.status == "error"]
        new = sum(o.new for o in outcomes)
        self._bump()
        if outcomes and (not due_only or new or failed):
            count = len(outcomes)
            message = f"Refreshed {count} feed{'s' if count != 1 else ''}: {new} new"
            if failed:
                message += f", {len(failed)} failing (e jumps to them)"
            self.app.notify(message, severity="warning" if failed else "information", markup=False)
        self.process_queue()

    def process_queue(self) -> None:
        self._run(self._process_queue(), "_process_queue", "queue")

    async def _process_queue(self) -> None:
        assert self.refresher is not None
        await self.in_background(self.refresher.process_queue())
        self._articles_done()
        self._bump()
        await asyncio.to_thread(self._tell_pinned_news)
        if not self._upgrading:  # once the new pages are read: the old ones, once a start
            self._upgrading = True
            self._run(self._reanalyse_stale(), "_reanalyse_stale", "reanalysis")

    async def _reanalyse_stale(self) -> None:
        """After an upgrade of the analyzer, the stored pages it read before are read again,
        in the background, so every article shows what this version finds (a status set by
        hand stays). Once a version: the cache remembers the version it was brought up to, so
        later starts cost one row's read; a run stopped halfway carries on at the next."""
        assert self.refresher is not None
        stale = await self.in_background(self.refresher.upgrade_pending())
        if stale:
            self.app.notify(
                f"Reading {stale:,} stored article{'s' if stale != 1 else ''} again with the "
                "new analyzer; statuses you set stay.",
                title="sitrep was upgraded",
                timeout=12,
                markup=False,
            )
            done = await self.in_background(self.refresher.reprocess(analysed_only=True))
            self._bump()
            self.app.notify(f"Read {done:,} stored article{'s' if done != 1 else ''} again",
                            markup=False)
        await self.in_background(self.refresher.mark_upgraded())

    def _tell_pinned_news(self) -> None:
        """A toast for each pinned entity that new claims mention (claims since the last look)."""
        self.claims_seen, news = self.library.pinned_news(self.claims_seen)
        for item in news[:3]:
            self.app.call_from_thread(
                self.app.notify, item.describe(), title="Pinned", timeout=12, markup=False
            )

    async def process_article(self, article_id: int) -> None:
        """The article the user opens jumps the queue."""
        if self.refresher is not None and not self.library.readonly:
            await self.in_background(self.refresher.process_article(article_id))

    def _on_progress(self, progress: Progress) -> None:
        self.app.post_message(
            RefreshProgressed(progress.phase, progress.done, progress.total, progress.failed)
        )

    def _on_feed(self, outcome: FeedOutcome) -> None:
        self.app.post_message(FeedRefreshed(outcome))
