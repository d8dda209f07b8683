"""SitrepApp: global bindings, the refresher's lifetime, and the app factory used everywhere."""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import logging

import httpx
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.config import Config
from tui.locations import Locations
from tui.messages import FeedRefreshed, RefreshProgressed
from tui.pipeline.refresh import FeedOutcome, Progress, Refresher
from tui.pipeline.workers import WorkerPool
from tui.store import store
from tui.store.recovery import OpenedStore


log = logging.getLogger(__name__)


class SitrepApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "sitrep"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("R", "refresh_all", "Refresh all"),
    ]

    # Screens watch these instead of the app calling into them.
    refresh_status = reactive("")
    data_version = reactive(0)

    def __init__(self, config: Config, locations: Locations, opened: OpenedStore, *,
                 client: httpx.AsyncClient | None = None, pool: WorkerPool | None = None,
                 auto_refresh: bool = True, notices: Iterable[str] = ()) -> None:
        super().__init__()
        self.config = config
        self.locations = locations
        self.opened = opened
        self.db = opened.handle
        self._client = client
        self._pool = pool
        self._auto_refresh = auto_refresh
        self._notices = [*opened.notices, *notices]
        self.refresher: Refresher | None = None
        self._last_bump = 0.0

    # ── lifecycle ──
    def on_mount(self) -> None:
        from tui.screens.main import MainScreen

        self.push_screen(MainScreen())
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=10)
        if not self.db.readonly:
            self._start_refresher()
        minutes = self.config.settings.refresh_minutes
        if minutes > 0 and self._auto_refresh:
            self.set_interval(minutes * 60, self.action_refresh_all)

    @work(group="refresher", exit_on_error=False)
    async def _start_refresher(self) -> None:
        self.refresher = Refresher(
            self.config, self.locations.db, client=self._client, pool=self._pool,
            on_progress=self._on_progress, on_feed=self._on_feed)
        await self.refresher.__aenter__()
        if self._auto_refresh and self._cache_is_stale():
            self.action_refresh_all()
        else:
            self._process_queue()

    def _cache_is_stale(self) -> bool:
        last = self.db.run(store.last_refresh)
        if last is None:
            return True
        minutes = self.config.settings.refresh_minutes or 30
        try:
            checked = datetime.fromisoformat(last)
        except ValueError:
            return True
        return datetime.now(UTC) - checked > timedelta(minutes=minutes)

    async def on_unmount(self) -> None:
        if self.refresher is not None:
            await self.refresher.close()
        self.db.close()
        if self.opened.lock is not None:
            self.opened.lock.release()

    # ── refresh ──
    def action_refresh_all(self) -> None:
        self.refresh_feeds(None)

    def refresh_feeds(self, urls: list[str] | None) -> None:
        if self.db.readonly:
            self.notify("Read-only: another sitrep is refreshing this cache.", severity="warning")
            return
        if self.refresher is None:
            self.notify("Still starting up; try again in a moment.")
            return
        self._refresh(urls)

    @work(exclusive=True, group="refresh", exit_on_error=False)
    async def _refresh(self, urls: list[str] | None) -> None:
        assert self.refresher is not None
        outcomes = await self.refresher.refresh_feeds(urls)
        failed = [o for o in outcomes if o.status == "error"]
        new = sum(o.new for o in outcomes)
        self.bump_data()
        message = f"Refreshed {len(outcomes)} feeds: {new} new"
        if failed:
            message += f", {len(failed)} failed"
        self.notify(message, severity="warning" if failed else "information", markup=False)
        self._process_queue()

    @work(exclusive=True, group="queue", exit_on_error=False)
    async def _process_queue(self) -> None:
        assert self.refresher is not None
        await self.refresher.process_queue()
        self.refresh_status = ""
        self.bump_data(force=True)

    async def process_article_now(self, article_id: int) -> None:
        """The article the user opens jumps the queue."""
        if self.refresher is not None and not self.db.readonly:
            await self.refresher.process_article(article_id)

    def _on_progress(self, progress: Progress) -> None:
        self.post_message(RefreshProgressed(progress.phase, progress.done, progress.total))

    def _on_feed(self, outcome: FeedOutcome) -> None:
        self.post_message(FeedRefreshed(outcome))

    def on_refresh_progressed(self, message: RefreshProgressed) -> None:
        if message.done >= message.total:
            self.refresh_status = ""
        elif message.phase == "feeds":
            self.refresh_status = f"refreshing feeds {message.done}/{message.total}"
        else:
            self.refresh_status = f"reading articles {message.done}/{message.total}"
        if message.phase == "articles":
            self.bump_data()

    def on_feed_refreshed(self, message: FeedRefreshed) -> None:
        self.bump_data()

    def bump_data(self, force: bool = False) -> None:
        """Tell screens the store changed; at most a few times a second while refreshing."""
        now = time.monotonic()
        if force or now - self._last_bump > 0.5:
            self._last_bump = now
            self.data_version += 1

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that fails is a bug or an unexpected condition: log it and tell the user."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            log.error("worker %s failed", event.worker.name, exc_info=error)
            self.notify(f"{event.worker.name} failed: {error}", severity="error", markup=False)

    # ── global actions ──
    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, self.active_bindings))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Refresh all feeds", "Fetch every feed now", self.action_refresh_all)
        yield SystemCommand("Show failing feeds", "Filter the feeds pane to failing feeds",
                            self._show_failing)

    def _show_failing(self) -> None:
        from tui.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.action_next_failing()


def make_app(config: Config, locations: Locations, opened: OpenedStore, **kwargs: object
             ) -> SitrepApp:
    """The one way to build the app: used by `sitrep` and by every test."""
    return SitrepApp(config, locations, opened, **kwargs)  # type: ignore[arg-type]
