"""SitrepApp: global bindings, the refresher's lifetime, palette commands, and the app factory.

Start-up is kept light so the first list paints fast whatever the cache size: the network and
parsing stack (httpx, feedparser) is imported in a thread only after the list is on screen.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sqlite3
import time
from collections.abc import Callable, Coroutine, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from tui.background import BackgroundLoop
from tui.config import Config
from tui.locations import Locations
from tui.messages import FeedRefreshed, RefreshProgressed
from tui.store import pins, store
from tui.store.recovery import OpenedStore
from tui.store.search import Searcher

if TYPE_CHECKING:
    import httpx

    from tui.pipeline.refresh import FeedOutcome, Progress, Refresher
    from tui.pipeline.workers import WorkerPool

log = logging.getLogger(__name__)
T = TypeVar("T")
AUTO_TICK_SECONDS = 60.0
BUMP_SECONDS = 0.5  # screens reload at most this often while a refresh writes


class SitrepApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "sitrep"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("R", "refresh_all", "Refresh all", show=False, id="refresh_all"),
        Binding("B", "bookmarks", "Bookmarks", id="bookmarks"),
        Binding(
            "ctrl+p", "command_palette", "palette", show=False, priority=True, id="command_palette"
        ),
    ]

    # Screens watch these instead of the app calling into them.
    refresh_status = reactive("")
    data_version = reactive(0)

    def __init__(
        self,
        config: Config,
        locations: Locations,
        opened: OpenedStore,
        *,
        client: httpx.AsyncClient | None = None,
        pool: WorkerPool | None = None,
        auto_refresh: bool = True,
        notices: Iterable[str] = (),
        now: datetime | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.locations = locations
        self.opened = opened
        self.db = opened.handle
        self.searcher = Searcher()
        self._client = client
        self._pool = pool
        self._auto_refresh = auto_refresh
        self._notices = [*opened.notices, *notices]
        self._frozen_now = now
        self.refresher: Refresher | None = None
        self._background: BackgroundLoop | None = None
        self._wanted: list[list[str] | None] = []  # refreshes asked for before it was ready
        self._last_bump = 0.0
        self._bump_timer: Timer | None = None
        self._started = False
        self._building: asyncio.Future[Refresher] | None = None
        self._claims_seen = 0  # pinned-entity news: claims up to this id were told
        self._apply_keymap()

    def now(self) -> datetime:
        """The app's clock: ages, `since:3d` and sparklines use it (tests freeze it)."""
        return self._frozen_now or datetime.now(UTC)

    def _apply_keymap(self) -> None:
        """`[keys]` in feeds.toml: action name → key(s), e.g. `filter = "f"`."""
        if self.config.keys:
            self.set_keymap(dict(self.config.keys))

    # ── lifecycle ──
    def on_mount(self) -> None:
        from tui.screens.main import MainScreen

        self._restore_theme()
        self.push_screen(MainScreen())
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)

    def list_shown(self) -> None:
        """Called by the main screen once its first list is painted: start the background."""
        if self._started or self.db.readonly:
            return
        self._started = True
        self.call_after_refresh(self._start_refresher)
        if self._auto_refresh:
            # Each feed has its own interval (refresh_minutes, per feed or global): a tick a
            # minute refreshes the feeds that are due, and only those.
            self.set_interval(AUTO_TICK_SECONDS, self._auto_refresh_tick)

    @work(group="refresher", exit_on_error=False)
    async def _start_refresher(self) -> None:
        self._claims_seen = await asyncio.to_thread(self.db.run, pins.max_claim_id)
        self.refresher = await self._build_refresher()
        if self._wanted:  # R pressed during start-up
            wanted, self._wanted = self._wanted, []
            self._refresh(None if None in wanted else [u for urls in wanted for u in urls or ()])
        elif self._auto_refresh:
            self._refresh(None, due_only=True)  # new feeds, and those past their interval
        else:
            self._process_queue()

    async def _build_refresher(self) -> Refresher:
        """_new_refresher, finished even if the app closes meanwhile (on_unmount waits for it
        and closes it): a refresher left half-built would keep its database connection open."""
        self._building = asyncio.ensure_future(self._new_refresher())
        return await asyncio.shield(self._building)

    async def _new_refresher(self) -> Refresher:
        """A refresher on the current config, ready (feeds synced) before anyone can use it."""
        # Imported in a thread: httpx and feedparser take ~0.3 s, the UI keeps its keys.
        refresh = await asyncio.to_thread(importlib.import_module, "tui.pipeline.refresh")
        if self._background is None:
            self._background = BackgroundLoop()
        refresher = refresh.Refresher(
            self.config,
            self.locations.db,
            client=self._client,
            pool=self._pool,
            on_progress=self._on_progress,
            on_feed=self._on_feed,
        )
        await self._background.run(refresher.__aenter__())
        return refresher

    async def _in_background(self, coroutine: Coroutine[Any, Any, T]) -> T:
        assert self._background is not None
        return await self._background.run(coroutine)

    async def on_unmount(self) -> None:
        if self._building is not None:
            try:
                self.refresher = await self._building
            except (Exception, asyncio.CancelledError) as exc:  # its worker reported it
                log.warning("refresher did not start: %r", exc)
        if self.refresher is not None:
            await self._in_background(self.refresher.close())
        if self._background is not None:
            self._background.close()
        self.db.close()
        if self.opened.lock is not None:
            self.opened.lock.release()

    def _restore_theme(self) -> None:
        """The theme chosen last time (kept in the cache's app_state; one indexed row)."""
        try:
            saved = self.db.run(store.get_state, "theme")
        except sqlite3.Error as exc:  # an old read-only cache without the table, say
            log.warning("theme not restored: %s", exc)
            saved = None
        if saved and saved in self.available_themes:
            self.theme = saved
        self.watch(self, "theme", self._remember_theme, init=False)

    def _remember_theme(self, theme: str) -> None:
        if not self.db.readonly:
            self.run_worker(
                lambda: self.db.run(store.set_state, "theme", theme),
                thread=True,
                group="state",
                exit_on_error=False,
            )

    # ── refresh ──
    def action_refresh_all(self) -> None:
        self.refresh_feeds(None)

    def refresh_feeds(self, urls: list[str] | None) -> None:
        if self.db.readonly:
            self.notify("Read-only: another sitrep is refreshing this cache.", severity="warning")
            return
        if self.refresher is None:  # still starting: refresh as soon as it is ready
            self._wanted.append(urls)
            return
        self._refresh(urls)

    def _auto_refresh_tick(self) -> None:
        """Refresh the feeds whose interval has passed, unless a refresh is already running."""
        if self.refresher is None or self.db.readonly:
            return
        if any(w.group == "refresh" and w.is_running for w in self.workers):
            return
        self._refresh(None, due_only=True)

    @work(exclusive=True, group="refresh", exit_on_error=False)
    async def _refresh(self, urls: list[str] | None, due_only: bool = False) -> None:
        """Refresh *urls* (all feeds when None). due_only is the automatic kind: quiet unless
        it brought something new or a feed failed."""
        assert self.refresher is not None
        outcomes = await self._in_background(self.refresher.refresh_feeds(urls, due_only=due_only))
        failed = [o for o in outcomes if o.status == "error"]
        new = sum(o.new for o in outcomes)
        self.bump_data(force=True)
        if outcomes and (not due_only or new or failed):
            count = len(outcomes)
            message = f"Refreshed {count} feed{'s' if count != 1 else ''}: {new} new"
            if failed:
                message += f", {len(failed)} failing (e jumps to them)"
            self.notify(message, severity="warning" if failed else "information", markup=False)
        self._process_queue()

    @work(exclusive=True, group="queue", exit_on_error=False)
    async def _process_queue(self) -> None:
        assert self.refresher is not None
        await self._in_background(self.refresher.process_queue())
        self.refresh_status = ""
        self.bump_data(force=True)
        await asyncio.to_thread(self._tell_pinned_news)

    def _tell_pinned_news(self) -> None:
        """A toast for each pinned entity that new claims mention (claims since the last look)."""
        self._claims_seen, news = self.db.run(pins.claims_mentioning_pins, self._claims_seen)
        for item in news[:3]:
            self.call_from_thread(
                self.notify, item.describe(), title="Pinned", timeout=12, markup=False
            )

    async def process_article_now(self, article_id: int) -> None:
        """The article the user opens jumps the queue."""
        if self.refresher is not None and not self.db.readonly:
            await self._in_background(self.refresher.process_article(article_id))

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
        """Tell screens the store changed; at most twice a second while refreshing. A change
        inside the half second is not dropped: it is told when the half second ends (else the
        last feed of a burst would wait for the end of the whole refresh to be listed)."""
        now = time.monotonic()
        wait = BUMP_SECONDS - (now - self._last_bump)
        if force or wait <= 0:
            if self._bump_timer is not None:
                self._bump_timer.stop()
                self._bump_timer = None
            self._last_bump = now
            self.data_version += 1
        elif self._bump_timer is None:
            self._bump_timer = self.set_timer(wait, self._trailing_bump)

    def _trailing_bump(self) -> None:
        self._bump_timer = None
        self.bump_data(force=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that fails is a bug or an unexpected condition: log it and tell the user."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            log.error("worker %s failed", event.worker.name, exc_info=error)
            # "_load_articles" → "Load articles stopped: …" (the details are in the log)
            task = event.worker.name.strip("_").replace("_", " ").capitalize() or "A task"
            self.notify(f"{task} stopped: {error}", severity="error", markup=False)

    # ── global actions ──
    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, self.screen.active_bindings))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from tui.screens.bookmarks import bookmark_commands
        from tui.screens.read_state import read_commands
        from tui.widgets.palette import commands

        yield from commands(self, screen)
        yield from read_commands(self, screen)
        yield from bookmark_commands(self, screen)
        for command in super().get_system_commands(screen):
            if command.title != "Theme":  # ours is "Switch theme"
                yield command

    def filter_by_entity(self, name: str) -> None:
        """Filter the article list and the claims view by an entity; back to the list."""
        from tui.pipeline.query import parse_query
        from tui.screens.claims import ClaimsScreen
        from tui.screens.main import MainScreen
        from tui.screens.reader import ReaderScreen

        text = 'entity:"{}"'.format(name.replace('"', " ").strip())
        query = parse_query(text, self.now())
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen | ClaimsScreen):
                screen.set_filter(text, query)
        while isinstance(self.screen, ReaderScreen) and len(self.screen_stack) > 2:
            self.pop_screen()

    def on_each_main(self, action: Callable[[Any], object]) -> None:
        from tui.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                action(screen)

    def action_show_failing(self) -> None:
        from tui.screens.main import MainScreen

        while not isinstance(self.screen, MainScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        self.on_each_main(lambda screen: screen.action_next_failing())

    def action_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen, open_bookmarks

        if not isinstance(self.screen, BookmarksScreen):
            open_bookmarks(self)

    def action_export_bookmarks(self) -> None:
        """Palette hook: write the bookmarks as Markdown (the bookmarks screen does the work)."""
        from tui.screens.bookmarks import export_bookmarks_file

        export_bookmarks_file(self, "md")

    def reload_config(self, config: Config) -> None:
        """A new feeds.toml (after "Add feed"): restart the refresher on it, refresh new feeds."""
        old = {f.url for f in self.config.feeds}
        self.config = config
        self._restart_refresher([f.url for f in config.feeds if f.url not in old])

    @work(exclusive=True, group="refresher", exit_on_error=False)
    async def _restart_refresher(self, new_urls: list[str]) -> None:
        for group in ("refresh", "queue"):
            self.workers.cancel_group(self, group)
        if self.refresher is not None:
            await self._in_background(self.refresher.close())
            self.refresher = None
        self.refresher = await self._build_refresher()
        self.bump_data(force=True)
        if new_urls:
            self._refresh(new_urls)


def make_app(config: Config, locations: Locations, opened: OpenedStore, **kwargs: Any) -> SitrepApp:
    """The one way to build the app: used by `sitrep` and by every test."""
    return SitrepApp(config, locations, opened, **kwargs)
