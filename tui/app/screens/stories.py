"""Stories view: the same event across outlets, one row per story, newest first.

Opened with `s` from the main screen, it starts with the article list's filter; `/` changes it
(the same language, plus `outlets:>=3` and `is:contested`: a story matches a term about
articles when one of its articles does), Enter opens the story screen, `q`/Esc goes back.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from tui.app.contract import sitrep
from tui.app.styles import sheet
from tui.app.widgets.filter_bar import BarEvent, FilterBar, settle
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.story_list import StoryList, StoryRow
from tui.app.widgets.virtual_list import PAGE_SIZE, count_later
from tui.core.query import Query, QueryError, parse_query
from tui.service.library import Library

NOT_FOR_STORIES = "type: picks articles or claims; the stories view lists stories"


class StoriesScreen(Screen[None]):
    CSS_PATH = sheet("stories")
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("q,escape,h", "back", "Back", id="back"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.query_text = ""
        self.filter_query = Query()
        self._initial = text
        self._token = 0

    def compose(self) -> ComposeResult:
        yield FilterBar(id="stories-filter")
        yield StoryList(id="stories")
        yield StatusBar(id="stories-status")
        yield Footer()

    @property
    def stories(self) -> StoryList:
        return self.query_one(StoryList)

    @property
    def library(self) -> Library:
        return sitrep(self).library

    def on_mount(self) -> None:
        self.query_one(StatusBar).noun = "story"
        self.stories.focus()
        try:
            query = parse_query(self._initial, sitrep(self).now())
        except QueryError:
            query, self._initial = Query(), ""
        if query.type is not None:  # the article list's `type:claim` says nothing of stories
            query, self._initial = Query(), ""
        self.set_filter(self._initial.strip(), query)
        self.watch(self.app, "data_version", lambda: self._reload(True), init=False)

    def set_filter(self, text: str, query: Query) -> None:
        self.filter_query, self.query_text = query, text
        self._reload(False)

    def _reload(self, keep_cursor: bool) -> None:
        self._token += 1
        self._load(self.filter_query, self.query_text, keep_cursor, self._token)

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def _load(self, query: Query, text: str, keep_cursor: bool, token: int) -> None:
        try:
            count, rows = self.library.stories_page(query, limit=PAGE_SIZE)
        except QueryError as exc:  # a term the store does not keep yet (side:, is:manual)
            if token == self._token:
                self.app.call_from_thread(self._refused, str(exc))
            return
        if token == self._token:
            self.app.call_from_thread(
                self._show, count, [StoryRow.from_row(r) for r in rows], text, keep_cursor, token
            )
        if token == self._token and count is None:  # a term of many articles: counted apart
            count_later(
                self.stories,
                lambda: self.query_one(StatusBar),
                lambda: self.library.count_stories(query),
                lambda: token == self._token,
            )

    def _refused(self, message: str) -> None:
        bar = self.query_one(FilterBar)
        if not bar.is_open:
            bar.open(self.query_text)
        bar.show_error(message)

    def _show(
        self, count: int | None, rows: list[StoryRow], text: str, keep_cursor: bool, token: int
    ) -> None:
        if token != self._token:
            return
        self.stories.empty_text = (
            "Nothing matches: / changes the filter"
            if text
            else "No stories yet: articles are filed into stories once they are analysed"
        )
        self.stories.reset(count, rows, keep_cursor)
        status = self.query_one(StatusBar)
        status.count, status.more = (len(rows), True) if count is None else (count, False)
        status.filter = text

    @on(StoryList.PageWanted)
    def _page_wanted(self, event: StoryList.PageWanted) -> None:
        self._load_page(self.filter_query, event.offset, self.stories.generation)

    @work(thread=True, group="pages", exit_on_error=False)
    def _load_page(self, query: Query, offset: int, generation: int) -> None:
        rows = self.library.page_stories(query, limit=PAGE_SIZE, offset=offset)
        self.app.call_from_thread(
            self.stories.add_page, generation, offset, [StoryRow.from_row(r) for r in rows]
        )

    # ── filtering ──
    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    @on(FilterBar.Applied)
    @on(FilterBar.Submitted)
    @on(FilterBar.Cleared)
    def _filter_bar(self, event: BarEvent) -> None:
        found = settle(event, self.query_one(FilterBar), self.stories,
                       refuse=lambda query: NOT_FOR_STORIES if query.type is not None else None)
        if found is not None:
            self.set_filter(*found)

    def filter_to(self, text: str) -> None:
        """A palette shortcut: *text* as the filter."""
        self.set_filter(text, parse_query(text, sitrep(self).now()))

    # ── opening ──
    @on(StoryList.Opened)
    def _open(self, event: StoryList.Opened) -> None:
        sitrep(self).navigate.story(event.row.id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def commands(self) -> Iterator[SystemCommand]:
        """Palette entries of this view: the filters a reader of stories reaches for first."""
        for title, text, help_text in (
            ("Stories in two or more outlets", "outlets:>=2", "The filter outlets:>=2"),
            ("Contested stories", "is:contested", "Stories holding a contradiction (⚡)"),
            ("Every story", "", "Clear the filter"),
        ):
            yield SystemCommand(title, help_text, lambda text=text: self.filter_to(text))
