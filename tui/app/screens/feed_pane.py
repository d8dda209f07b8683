"""The main screen's feeds-pane keys: `a` add a feed, `f` the feed menu, `r` refresh a feed,
`e`/`E` next/previous failing feed, `h` focus the pane, `\\` hide or show it; and the status
bar's notice (the error of the feed highlighted or in scope). The editing itself is in
`tui.app.flows.feeds`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, Protocol

from textual.app import App, SystemCommand
from textual.widget import Widget

from tui.app.contract import sitrep
from tui.app.flows import feeds as feed_flows
from tui.app.widgets.article_list import ArticleList, ArticleRow
from tui.app.widgets.feed_list import FeedInfo, FeedList
from tui.app.widgets.status_bar import StatusBar
from tui.core.query import Term
from tui.service.library import Library


class PaneScreen(feed_flows.FeedMenuHost, Protocol):
    """What FeedPane needs of the screen it serves (the main screen)."""

    app: App[Any]
    scope: Term | None
    focused: Widget | None

    @property
    def articles(self) -> ArticleList: ...
    @property
    def feeds(self) -> FeedList: ...
    @property
    def status(self) -> StatusBar: ...
    @property
    def library(self) -> Library: ...
    def run_worker(self, work: Callable[[], None], **kwargs: Any) -> Any: ...


class FeedPane:
    def __init__(self, screen: PaneScreen) -> None:
        self.screen = screen

    def run(self, what: str) -> None:
        """One of the screen's feeds-pane keys, by name."""
        screen = self.screen
        actions: dict[str, Callable[[], None]] = {
            "add": lambda: feed_flows.add_feed(screen.app),
            "menu": lambda: feed_flows.feed_menu(screen, screen.target_feed()),
            "refresh": self.refresh_feed,
            "next_failing": lambda: self.jump_failing(1),
            "previous_failing": lambda: self.jump_failing(-1),
            "focus": self.focus,
            "toggle": self.toggle,
        }
        actions[what]()

    def focus(self) -> None:
        """h: into the pane (shown again if it was hidden)."""
        self.screen.feeds.display = True
        self.screen.feeds.focus()

    def toggle(self) -> None:
        """\\: hide the pane (the titles get its columns), or show it again."""
        feeds = self.screen.feeds
        feeds.display = not feeds.display
        if not feeds.display and self.screen.focused is feeds:
            self.screen.articles.focus()

    def target_feed(self) -> FeedInfo | None:
        """The feed the user means: highlighted in the pane (when focused), else the feed in
        scope, else the feed of the article under the cursor."""
        screen = self.screen
        highlighted = screen.feeds.highlighted_feed()
        if screen.focused is screen.feeds and highlighted is not None:
            return highlighted
        if screen.scope is not None and screen.scope.key == "feed_id":
            return screen.feeds.feed(int(screen.scope.value))
        row = screen.articles.current
        return screen.feeds.feed(row.feed_id) if row is not None and row.feed_id else None

    def refresh_feed(self) -> None:
        """Refresh the feed in scope, else the feed of the article under the cursor."""
        screen = self.screen
        highlighted = screen.feeds.highlighted_feed()
        feed_id: int | None = None
        if screen.scope is not None and screen.scope.key == "feed_id":
            feed_id = int(screen.scope.value)
        elif screen.focused is screen.feeds and highlighted is not None:
            feed_id = highlighted.id
        screen.run_worker(
            partial(self._refresh_feed, feed_id, screen.articles.current),
            thread=True, group="writes", exit_on_error=False, name="_refresh_feed",
        )

    def _refresh_feed(self, feed_id: int | None, row: ArticleRow | None) -> None:
        library = self.screen.library
        if feed_id is None and row is not None:
            article = library.get_article(row.id)
            feed_id = article["feed_id"] if article else None
        if feed_id is None:
            return
        url = library.feed_url(feed_id)
        if url is not None:
            app = self.screen.app
            app.call_from_thread(sitrep(app).refresh_feeds, [url])

    def jump_failing(self, step: int) -> None:
        feeds = self.screen.feeds
        failing = feeds.failing()
        if not failing:
            self.screen.notify("No failing feeds.")
            return
        current = feeds.highlighted_feed()
        ids = [f.id for f in failing]
        if current is not None and current.id in ids:
            index = ids.index(current.id) + step
        else:
            index = 0 if step > 0 else -1
        target = failing[index % len(failing)]
        feeds.highlighted = feeds.get_option_index(f"feed:{target.id}")
        feeds.focus()
        self.show_notice()

    def show_notice(self) -> None:
        """The error of the highlighted feed (pane focused) or of the feed in scope."""
        screen = self.screen
        info = screen.feeds.highlighted_feed() if screen.focused is screen.feeds else None
        if info is None and screen.scope is not None and screen.scope.key == "feed_id":
            info = screen.feeds.feed(int(screen.scope.value))
        screen.status.notice = f"✖ {info.name}: {info.error}" if info and info.error else ""

    def commands(self) -> Iterator[SystemCommand]:
        """Palette entries that act on the feed under the cursor."""
        for title, help_text, action in (
            ("Rename feed…", "Rename the feed under the cursor", feed_flows.rename),
            ("Tag feed…", "Change the tags of the feed under the cursor", feed_flows.retag),
            ("Remove feed…", "Remove the feed under the cursor from feeds.toml", feed_flows.remove),
            (
                "Feed menu…",
                "Rename, tag, remove, mark read or refresh a feed (f)",
                feed_flows.feed_menu,
            ),
        ):
            yield SystemCommand(title, help_text, partial(self._on_target_feed, action))

    def _on_target_feed(self, action: Callable[[Any, FeedInfo], None]) -> None:
        """Run *action(screen, feed)* on the feed under the cursor, or say there is none."""
        feed = self.screen.target_feed()
        if feed is None:
            feed_flows.feed_menu(self.screen, None)  # says so
        else:
            action(self.screen, feed)
