"""Main screen: feeds pane, article list, filter bar, status bar. Wiring, not logic.

State lives here (the filter text, the feed or tag chosen in the pane); the widgets render it.
Every store read runs in a thread worker; a result that arrives after a newer request is
dropped (each request carries a token), so fast typing never shows a stale list.

Two jobs live beside it: read state (`m`, `M`, `n`/`N`, `A`, `u`: ReadState) and the feeds pane
(`a`, `f`, `r`, `e`/`E`, `h`: FeedPane); their keys reach them through one parametrised action
each (`read('next')`, `feed('menu')`), so the screen keeps only the wiring.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from tui.app.contract import sitrep
from tui.app.flows import feeds as feed_flows
from tui.app.screens.feed_pane import FeedPane
from tui.app.screens.read_state import UNREAD, ReadState
from tui.app.styles import sheet
from tui.app.widgets.article_list import CONFLICT_MEANING, PAGE_SIZE, ArticleList, ArticleRow
from tui.app.widgets.feed_list import FeedInfo, FeedList, SearchInfo
from tui.app.widgets.filter_bar import BarEvent, FilterBar
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.virtual_list import count_later
from tui.core.query import Query, QueryError, Term, parse_query
from tui.service.library import Library


class MainScreen(Screen[None]):
    CSS_PATH = sheet("main")
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("n", "read('next')", "Next unread", id="next_unread"),
        Binding("c", "view('claims')", "Claims", id="claims"),
        Binding("s", "view('stories')", "Stories", id="stories"),
        Binding("r", "feed('refresh')", "Refresh feed", show=False, id="refresh_feed"),
        Binding("m", "read('toggle')", "Un/read", show=False, id="toggle_read"),
        Binding("M", "read('toggle_shown')", "Show/hide read", show=False, id="toggle_show_read"),
        Binding("N", "read('previous')", "Previous unread", show=False, id="previous_unread"),
        Binding("A", "read('feed')", "Mark feed read", show=False, id="mark_feed_read"),
        Binding("u", "read('undo')", "Undo mark read", show=False, id="undo_read"),
        Binding("a", "feed('add')", "Add feed", show=False, id="add_feed"),
        Binding("f", "feed('menu')", "Feed menu", show=False, id="feed_menu"),
        Binding("e", "feed('next_failing')", "Next failing feed", show=False, id="next_failing"),
        Binding(
            "E", "feed('previous_failing')", "Previous failing feed", show=False,
            id="previous_failing",
        ),
        Binding("h,left", "feed('focus')", "Feeds pane", show=False, id="focus_feeds"),
        Binding("backslash", "feed('toggle')", "Hide/show feeds pane", show=False,
                id="toggle_pane"),
        Binding("escape", "clear", "Clear filter", show=False, id="clear"),
        Binding("ctrl+s", "save_search", "Save filter as search", show=False, id="save_search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""  # the last good filter text
        self.filter_query = Query()
        self.scope: Term | None = None  # feed or tag chosen in the feeds pane
        self.scope_label = ""
        self.hide_read = False  # M: list only unread articles
        self.reading = ReadState(self)
        self.pane = FeedPane(self)
        self._token = 0
        self._shown: Query | None = None  # the query of the list on screen

    def compose(self) -> ComposeResult:
        with Horizontal(id="main-panes"):
            yield FeedList(id="feeds")
            with Vertical(id="list-column"):
                yield FilterBar(id="filter-bar")
                yield ArticleList(id="articles")
        yield StatusBar(id="status")
        yield Footer()

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def feeds(self) -> FeedList:
        return self.query_one(FeedList)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def library(self) -> Library:
        return sitrep(self).library

    def on_mount(self) -> None:
        self.articles.focus()
        self.reload()
        self.watch(self.app, "refresh_status", lambda text: setattr(self.status, "progress", text))
        self.watch(self.app, "data_version", lambda: self.reload(keep_cursor=True), init=False)
        self.watch(self.articles, "cursor", self._explain_row)

    def _explain_row(self) -> None:
        """The ≠ mark is explained where it is shown: under the list, while on such a row."""
        row = self.articles.current if self.focused is self.articles else None
        self.status.hint = f"≠ {CONFLICT_MEANING}" if row is not None and row.conflict else ""

    # ── loading (off the UI thread; stale results dropped) ──
    def effective_query(self) -> Query:
        extra = [t for t in (self.scope, UNREAD if self.hide_read else None) if t is not None]
        return self.filter_query.with_terms(*extra)

    def reload(self, keep_cursor: bool = False) -> None:
        """The list and the feeds pane, read in one trip and shown in one go."""
        self._token += 1
        self._load_articles(self.effective_query(), keep_cursor, self._token, with_feeds=True)

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def _load_articles(
        self, query: Query, keep_cursor: bool, token: int, with_feeds: bool = False
    ) -> None:
        count, rows = self.library.articles_page(query, limit=PAGE_SIZE)
        pane = self.read_pane() if with_feeds else None
        if token == self._token:
            self.app.call_from_thread(
                self._show_articles,
                count,
                [ArticleRow.from_row(r) for r in rows],
                keep_cursor,
                token,
                pane,
                query=query,
            )
        elif pane is not None:  # the list is stale, the pane is not
            self.app.call_from_thread(self.show_feeds, *pane)
        if token == self._token and count is None:
            count_later(
                self.articles,
                lambda: self.status,
                lambda: self.library.count_articles(query),
                lambda: token == self._token,
            )

    def read_pane(self) -> tuple[list[FeedInfo], list[SearchInfo]]:
        """The feeds with their unread counts, and each saved search's (runs in a thread)."""
        order = [feed.url for feed in sitrep(self).config.feeds]
        feeds = [FeedInfo.from_row(r) for r in self.library.feeds_pane(order)]
        searches = []
        for saved in sitrep(self).config.searches:
            try:
                query = parse_query(saved.query, sitrep(self).now())
            except QueryError:  # the config checked it; a date that no longer parses is skipped
                continue
            unread = self.library.count_within(query.with_terms(UNREAD))
            searches.append(SearchInfo(saved.name, saved.query, unread))
        return feeds, searches

    def _show_articles(
        self,
        count: int | None,
        rows: list[ArticleRow],
        keep_cursor: bool,
        token: int,
        pane: tuple[list[FeedInfo], list[SearchInfo]] | None = None,
        query: Query | None = None,
    ) -> None:
        if pane is not None:
            self.feeds.show_feeds(*pane)
        if token != self._token:
            return  # a newer query is on its way
        # A reload keeps the cursor (and an open-ended list its length) only on the list shown:
        # a new filter's result can be overtaken by a reload of that filter before it is shown.
        keep_cursor = keep_cursor and query == self._shown
        self._shown = query
        filtered = bool(self.query_text or self.scope)
        if filtered:
            self.articles.empty_text = "Nothing matches: esc clears the filter"
        elif self.hide_read:
            self.articles.empty_text = "No unread articles: M shows the read ones too"
        else:
            self.articles.empty_text = "No articles yet: R fetches every feed"
        self.articles.reset(count, rows, keep_cursor=keep_cursor)
        self.status.count, self.status.more = (len(rows), True) if count is None else (count, False)
        parts = (self.scope_label, self.query_text, "unread only" if self.hide_read else "")
        self.status.filter = "  ".join(p for p in parts if p)
        self.pane.show_notice()
        sitrep(self).list_shown()

    def show_feeds(self, feeds: list[FeedInfo], searches: list[SearchInfo]) -> None:
        self.feeds.show_feeds(feeds, searches)
        self.pane.show_notice()

    @on(ArticleList.PageWanted)
    def _page_wanted(self, event: ArticleList.PageWanted) -> None:
        """The list scrolled near the end of what it has: the next page, in a thread."""
        query, offset, generation = self.effective_query(), event.offset, self.articles.generation

        def load() -> None:
            rows = self.library.page_articles(query, limit=PAGE_SIZE, offset=offset)
            self.app.call_from_thread(
                self.articles.add_page, generation, offset, [ArticleRow.from_row(r) for r in rows]
            )

        self.run_worker(load, thread=True, group="pages", name="_load_page", exit_on_error=False)

    # ── filtering ──
    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    def set_filter(self, text: str, query: Query) -> None:
        """Show the articles *query* selects (with the pane's feed or tag, if any)."""
        self.filter_query, self.query_text = query, text
        self._token += 1
        self._load_articles(self.effective_query(), False, self._token)

    @on(FilterBar.Applied)
    @on(FilterBar.Submitted)
    @on(FilterBar.Cleared)
    def _filter_bar(self, event: BarEvent) -> None:
        """A query typed (Applied: as it is typed; Submitted: enter) or cleared in the bar."""
        bar = self.query_one(FilterBar)
        if isinstance(event, FilterBar.Cleared):
            self.set_filter("", Query())
            self.articles.focus()
            return
        if event.query is None:
            return  # malformed: the bar says why, the list keeps its last good result
        submitted = isinstance(event, FilterBar.Submitted)
        if submitted:
            bar.close()
            self.articles.focus()
        if event.query.type == "claim":
            if submitted:
                sitrep(self).navigate.claims(event.text)
            else:
                bar.show_error("type:claim lists claims: enter opens them")
            return
        self.set_filter(event.text, event.query)

    def action_clear(self) -> None:
        """Esc on the list: back to every article (filter and feed/tag cleared)."""
        if not self.query_text and self.scope is None:
            return
        self.scope, self.scope_label = None, ""
        self.feeds.highlighted = 0
        self.set_filter("", Query())

    @on(FeedList.Chosen)
    def _feed_chosen(self, event: FeedList.Chosen) -> None:
        if not event.filter:
            self.scope, self.scope_label = None, ""
        elif event.filter.startswith("search:"):  # a saved search: its query is the filter
            self.scope, self.scope_label = None, ""
            text = event.filter[7:]
            self.set_filter(text, parse_query(text, sitrep(self).now()))
            self.articles.focus()
            return
        elif event.filter.startswith("feed_id:"):
            self.scope, self.scope_label = Term("feed_id", event.filter[8:]), event.label
        else:
            self.scope, self.scope_label = Term("tag", event.filter[4:]), event.label
        self.set_filter(self.query_text, self.filter_query)
        self.articles.focus()

    # ── opening, read state, the feeds pane ──
    @on(ArticleList.Opened)
    def _open(self, event: ArticleList.Opened) -> None:
        self.articles.update_row(event.article_id, read=True)
        sitrep(self).navigate.reader(event.article_id)

    def action_read(self, what: str) -> None:
        """m, M, n, N, A, u: see ReadState.run."""
        self.reading.run(what)

    def action_feed(self, what: str) -> None:
        """a, f, r, e, E, h: see FeedPane.run."""
        self.pane.run(what)

    def target_feed(self) -> FeedInfo | None:
        return self.pane.target_feed()

    @on(FeedList.OptionHighlighted)
    @on(events.DescendantFocus)
    def _show_notice(self) -> None:
        self.pane.show_notice()
        self._explain_row()

    def action_view(self, which: str) -> None:
        """c and s: the claims or the stories view, starting with this list's filter."""
        navigate = sitrep(self).navigate
        (navigate.claims if which == "claims" else navigate.stories)(self.query_text)

    def action_save_search(self) -> None:
        feed_flows.save_search(self.app, self.query_text)

    def commands(self) -> Iterator[SystemCommand]:
        """Palette entries of this screen: the feed under the cursor, read state, searches."""
        yield SystemCommand(
            "Save filter as search…",
            "Keep the current filter under a name: it shows in the feeds pane (ctrl+s)",
            self.action_save_search,
        )
        yield from self.pane.commands()
        yield from self.reading.commands()
