"""Moving between screens, for the screens: they never import each other, so they ask the app's
Navigator (through `sitrep(node).navigate`) to open the reader, the claims view, the stories,
one story or the bookmarks, and to go back to the article list filtered by an entity.

Each screen but the main one is imported where it is opened, so the first paint loads only
the main screen. It knows the screen stack's few rules: a view already on top is not stacked
again, a reader opened from a story goes back to that story, and n/N in the reader are the
article list's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.app import App

from tui.app.screens.main import MainScreen
from tui.core.query import parse_query


class Navigator:
    def __init__(self, app: App[Any], now: Callable[[], datetime]) -> None:
        self.app = app
        self.now = now  # the app's clock: `since:` in a filter means the same as elsewhere

    def reader(
        self, article_id: int, claim_start: int | None = None, source_start: int | None = None
    ) -> None:
        from tui.app.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(article_id, claim_start, source_start))

    def claims(self, text: str = "") -> None:
        from tui.app.screens.claims import ClaimsScreen

        if not isinstance(self.app.screen, ClaimsScreen):
            self.app.push_screen(ClaimsScreen(text))

    def bookmarks(self) -> None:
        from tui.app.screens.bookmarks import BookmarksScreen

        if not isinstance(self.app.screen, BookmarksScreen):
            self.app.push_screen(BookmarksScreen())

    def stories(self, text: str = "") -> None:
        from tui.app.screens.stories import StoriesScreen

        if not isinstance(self.app.screen, StoriesScreen):
            self.app.push_screen(StoriesScreen(text))

    def story(self, story_id: str) -> None:
        """The story screen; from a reader opened on that story's screen, back to it."""
        from tui.app.screens.story import StoryScreen

        below = self._below()
        if isinstance(below, StoryScreen) and below.story_id == story_id:
            self.app.pop_screen()
        else:
            screen = self.app.screen
            if not (isinstance(screen, StoryScreen) and screen.story_id == story_id):
                self.app.push_screen(StoryScreen(story_id))

    def next_unread(self, step: int) -> bool:
        """The reader's n/N: the article list under it opens its next/previous unread article
        (closing the reader once it finds one). False when no article list is under it."""
        below = self._below()
        if not isinstance(below, MainScreen):
            return False
        below.reading.jump(step, open_it=True)
        return True

    def by_entity(self, name: str) -> None:
        """Filter the article list and the claims view by an entity; back to the list."""
        from tui.app.screens.claims import ClaimsScreen
        from tui.app.screens.reader import ReaderScreen

        text = 'entity:"{}"'.format(name.replace('"', " ").strip())
        query = parse_query(text, self.now())
        for screen in self.app.screen_stack:
            if isinstance(screen, MainScreen | ClaimsScreen):
                screen.set_filter(text, query)
        while isinstance(self.app.screen, ReaderScreen) and len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def failing(self) -> None:
        """The palette's "Show failing feeds": back to the list, on the first failing feed."""
        while not isinstance(self.app.screen, MainScreen) and len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        for screen in self.app.screen_stack:
            if isinstance(screen, MainScreen):
                screen.pane.jump_failing(1)

    def _below(self) -> object:
        stack = self.app.screen_stack
        return stack[-2] if len(stack) >= 2 else None
