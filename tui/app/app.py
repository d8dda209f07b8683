"""SitrepApp: global bindings, toasts, the clock, the theme, and the jobs it owns.

Screens never import each other: they ask the app (through the `Sitrep` protocol in
`tui.app.contract`) to open the reader, the claims view, the stories or the bookmarks; its
Navigator (`tui.app.navigation`), which imports every screen, pushes them. The refresher's
lifetime is in `tui.app.refreshing`.

Start-up is kept light so the first list paints fast whatever the cache size: the network and
parsing stack (httpx, feedparser) is imported in a thread only after the list is on screen, and
the screens other than the main one, the palette's commands and the bookmarks export load when
first used (tui.app.navigation imports each screen as it opens it).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from tui.app.keymap import Scope, checked_keymap
from tui.app.messages import FeedRefreshed, RefreshProgressed
from tui.app.navigation import Navigator
from tui.app.refreshing import Refreshing
from tui.app.screens.main import MainScreen
from tui.app.styles import sheet
from tui.app.terminal_watch import watch_terminal
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.feed_list import FeedList
from tui.service.config import Config
from tui.service.library import Library, OpenedStore
from tui.service.locations import Locations

if TYPE_CHECKING:
    import httpx

    from tui.service.refresh import Refresher, WorkerPool

log = logging.getLogger(__name__)
BUMP_SECONDS = 0.5  # screens reload at most this often while a refresh writes
TOLD_KEPT = 100
# the refresher's phases as the status line names them, in the order it shows them
PHASE_LABELS = {
    "feeds": "refreshing feeds",
    "articles": "reading articles",
    "reprocess": "re-reading articles",
}


@dataclass(frozen=True, slots=True)
class Told:
    """One toast as the user saw it."""

    message: str
    title: str
    severity: str
    markup: bool


class SitrepApp(App[None]):
    CSS_PATH = sheet("app")  # each screen brings its own sheet (tui/app/styles)
    TITLE = "sitrep"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),  # the other screens' q goes back one level
        Binding("Q", "quit", "Quit", show=False, id="quit_all"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("R", "refresh_all", "Refresh all", show=False, id="refresh_all"),
        Binding("B", "bookmarks", "Bookmarks", id="bookmarks"),
        Binding(
            "ctrl+p", "command_palette", "palette", show=False, priority=True, id="command_palette"
        ),
    ]

    # Screens watch these instead of the app calling into them.
    refresh_status = reactive("", init=False)
    data_version = reactive(0, init=False)

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
        self.library = Library(opened)
        self.refreshing = Refreshing(
            self,
            self.library,
            locations,
            config=lambda: self.config,
            bump=lambda: self.bump_data(force=True),
            articles_done=lambda: self._show_progress("reading articles", None),
            client=client,
            pool=pool,
            auto_refresh=auto_refresh,
        )
        self._notices = [*opened.notices, *notices]
        self._key_errors: list[str] = []
        self._frozen_now = now
        self._last_bump = 0.0
        self._progress: dict[str, str] = {}  # phase → "refreshing feeds 3/40"
        self._bump_timer: Timer | None = None
        self.told: deque[Told] = deque(maxlen=TOLD_KEPT)
        self.navigate = Navigator(self, self.now)
        if config.keys:  # `[keys]` in feeds.toml: action name → key(s), e.g. `filter = "/"`
            keymap, clashes = checked_keymap(config.keys, key_scopes(type(self)))
            self.set_keymap(keymap)
            self._key_errors = [clash.describe() for clash in clashes]

    @property
    def refresher(self) -> Refresher | None:
        return self.refreshing.refresher

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a toast, and keep it: the last few are in `told` and every one is in the log,
        so a toast that vanished before it was read is not lost."""
        self.told.append(Told(str(message), title, str(severity), markup))
        log.info("told (%s): %s%s", severity, f"{title}: " if title else "", message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def now(self) -> datetime:
        """The app's clock: ages, `since:3d` and sparklines use it (tests freeze it)."""
        return self._frozen_now or datetime.now(UTC)

    # ── lifecycle ──
    def on_mount(self) -> None:
        self._restore_theme()
        watch_terminal(self)
        self.push_screen(MainScreen())
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        for error in self._key_errors:
            self.notify(error, severity="error", timeout=15, markup=False)

    def list_shown(self) -> None:
        """Called by the main screen once its first list is painted: start the background."""
        self.refreshing.start()

    async def on_unmount(self) -> None:
        await self.refreshing.close()
        self.library.close()

    def _restore_theme(self) -> None:
        """The theme chosen last time (kept in the cache's app_state; one indexed row)."""
        saved = self.library.get_state("theme")
        if saved and saved in self.available_themes:
            self.theme = saved
        self.watch(self, "theme", self._remember_theme, init=False)

    def _remember_theme(self, theme: str) -> None:
        if not self.library.readonly:
            self.run_worker(
                lambda: self.library.set_state("theme", theme),
                thread=True,
                group="state",
                exit_on_error=False,
            )

    # ── refresh ──
    def action_refresh_all(self) -> None:
        self.refresh_feeds(None)

    def refresh_feeds(self, urls: list[str] | None) -> None:
        if self.library.readonly:
            self.notify(
                "Read-only: the disk is full; free some space and start sitrep again."
                if self.library.disk_full
                else "Read-only: another sitrep is refreshing this cache.",
                severity="warning",
            )
            return
        self.refreshing.want(urls)

    async def process_article_now(self, article_id: int) -> None:
        await self.refreshing.process_article(article_id)

    def reload_config(self, config: Config) -> None:
        """A new feeds.toml (after "Add feed"): restart the refresher on it, refresh new feeds."""
        old = {f.url for f in self.config.feeds}
        self.config = config
        self.refreshing.restart([f.url for f in config.feeds if f.url not in old])

    def on_refresh_progressed(self, message: RefreshProgressed) -> None:
        if message.failed:
            self.notify(f"Refresh stopped: {message.failed}", severity="error", markup=False)
        label = PHASE_LABELS.get(message.phase, "reading articles")
        done = message.done >= message.total
        self._show_progress(label, None if done else f"{message.done}/{message.total}")
        if message.phase != "feeds":
            self.bump_data()

    def _show_progress(self, label: str, count: str | None) -> None:
        """Feeds and article pages progress at once (the pages of the first feeds are read while
        slow feeds still load): each phase keeps its part of the status line until it ends."""
        if count is None:
            self._progress.pop(label, None)
        else:
            self._progress[label] = f"{label} {count}"
        self.refresh_status = " · ".join(
            self._progress[k] for k in PHASE_LABELS.values() if k in self._progress
        )

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

    # ── navigation (screens ask; only the app knows the screens) ──
    # ── global actions ──
    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, self.screen.active_bindings))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from tui.app.palette.commands import commands

        yield from commands(self, screen)
        for command in super().get_system_commands(screen):
            if command.title != "Theme":  # ours is "Switch theme"
                yield command

    def action_bookmarks(self) -> None:
        self.navigate.bookmarks()

    def action_export_bookmarks(self) -> None:
        """Bindable action: write the bookmarks as Markdown."""
        from tui.app.flows.bookmarks import export_bookmarks

        export_bookmarks(self, "md")


def key_scopes(app: type) -> list[Scope]:
    """Where keys are read together: the app's, one screen's, and the focused widget's.
    Called only when feeds.toml has `[keys]`: it loads every screen, which the first paint
    otherwise does not (each loads when first opened)."""
    from tui.app.screens.bookmarks import BookmarksScreen
    from tui.app.screens.claims import ClaimsScreen
    from tui.app.screens.help import HelpScreen
    from tui.app.screens.reader import ReaderScreen
    from tui.app.screens.stories import StoriesScreen
    from tui.app.screens.story import StoryScreen
    from tui.app.widgets.bookmark_list import BookmarkList
    from tui.app.widgets.claim_list import ClaimList
    from tui.app.widgets.entity_panel import EntityPanel
    from tui.app.widgets.reader_view import ReaderView
    from tui.app.widgets.story_list import StoryList
    from tui.app.widgets.story_outline import StoryOutline

    return [
        ("on the main screen", [app, MainScreen, ArticleList]),
        ("on the main screen (feeds pane)", [app, MainScreen, FeedList]),
        ("in the reader", [app, ReaderScreen, ReaderView]),
        ("in the reader (entities)", [app, ReaderScreen, EntityPanel]),
        ("in the claims view", [app, ClaimsScreen, ClaimList]),
        ("in the stories view", [app, StoriesScreen, StoryList]),
        ("on the story screen", [app, StoryScreen, StoryOutline]),
        ("on the bookmarks screen", [app, BookmarksScreen, BookmarkList]),
        ("in help", [app, HelpScreen]),
    ]


def make_app(config: Config, locations: Locations, opened: OpenedStore, **kwargs: Any) -> SitrepApp:
    """The one way to build the app: used by `sitrep` and by every test."""
    return SitrepApp(config, locations, opened, **kwargs)
