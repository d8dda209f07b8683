"""Main screen: feeds pane, article list, filter bar, status bar. Wiring, not logic.

State lives here (the filter text, the feed or tag chosen in the pane); the widgets render it.
Every store read runs in a thread worker; a result that arrives after a newer request is
dropped (each request carries a token), so fast typing never shows a stale list.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from tui.app.screens.read_state import UNREAD, ReadState
from tui.app.widgets.article_list import PAGE_SIZE, ArticleList, ArticleRow
from tui.app.widgets.feed_list import FeedInfo, FeedList
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.status_bar import StatusBar
from tui.core.query import Query, Term
from tui.service.library import Library


class MainScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("c", "claims", "Claims", id="claims"),
        Binding("r", "refresh_feed", "Refresh feed", show=False, id="refresh_feed"),
        Binding("m", "toggle_read", "Un/read", id="toggle_read"),
        Binding("M", "toggle_show_read", "Show/hide read", show=False, id="toggle_show_read"),
        Binding("n", "next_unread", "Next unread", show=False, id="next_unread"),
        Binding("N", "previous_unread", "Previous unread", show=False, id="previous_unread"),
        Binding("A", "mark_feed_read", "Mark feed read", show=False, id="mark_feed_read"),
        Binding("u", "undo_read", "Undo mark read", show=False, id="undo_read"),
        Binding("a", "add_feed", "Add feed", show=False, id="add_feed"),
        Binding("f", "feed_menu", "Feed menu", show=False, id="feed_menu"),
        Binding("e", "next_failing", "Next failing feed", show=False, id="next_failing"),
        Binding(
            "E", "previous_failing", "Previous failing feed", show=False, id="previous_failing"
        ),
        Binding("h,left", "focus_feeds", "Feeds pane", show=False, id="focus_feeds"),
        Binding("escape", "clear", "Clear filter", show=False, id="clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""  # the last good filter text
        self.filter_query = Query()
        self.scope: Term | None = None  # feed or tag chosen in the feeds pane
        self.scope_label = ""
        self.hide_read = False  # M: list only unread articles
        self.reading = ReadState(self)
        self._token = 0

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
        return self.app.library  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.articles.focus()
        self.reload()
        self.watch(self.app, "refresh_status", self._show_progress)
        self.watch(self.app, "data_version", lambda: self.reload(keep_cursor=True), init=False)

    def _show_progress(self, text: str) -> None:
        self.status.progress = text

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
        count, rows = self.library.list_articles(query, limit=PAGE_SIZE)
        feeds = [FeedInfo.from_row(r) for r in self.library.feeds_pane()] if with_feeds else None
        if token == self._token:
            self.app.call_from_thread(
                self._show_articles,
                count,
                [ArticleRow.from_row(r) for r in rows],
                keep_cursor,
                token,
                feeds,
            )
        elif feeds is not None:  # the list is stale, the pane is not
            self.app.call_from_thread(self._show_feeds, feeds)

    def _show_articles(
        self,
        count: int,
        rows: list[ArticleRow],
        keep_cursor: bool,
        token: int,
        feeds: list[FeedInfo] | None = None,
    ) -> None:
        if feeds is not None:
            self.feeds.show_feeds(feeds)
        if token != self._token:
            return  # a newer query is on its way
        filtered = bool(self.query_text or self.scope)
        if filtered:
            self.articles.empty_text = "Nothing matches: esc clears the filter"
        elif self.hide_read:
            self.articles.empty_text = "No unread articles: M shows the read ones too"
        else:
            self.articles.empty_text = "No articles yet: R fetches every feed"
        self.articles.reset(count, rows, keep_cursor=keep_cursor)
        self.status.count = count
        parts = (self.scope_label, self.query_text, "unread only" if self.hide_read else "")
        self.status.filter = "  ".join(p for p in parts if p)
        self._show_notice()
        self.app.list_shown()  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def _load_feeds(self) -> None:
        feeds = [FeedInfo.from_row(r) for r in self.library.feeds_pane()]
        self.app.call_from_thread(self._show_feeds, feeds)

    def _show_feeds(self, feeds: list[FeedInfo]) -> None:
        self.feeds.show_feeds(feeds)
        self._show_notice()

    @on(ArticleList.PageWanted)
    def _page_wanted(self, event: ArticleList.PageWanted) -> None:
        self._load_page(self.effective_query(), event.offset, self.articles.generation)

    @work(thread=True, group="pages", exit_on_error=False)
    def _load_page(self, query: Query, offset: int, generation: int) -> None:
        _, rows = self.library.list_articles(query, limit=PAGE_SIZE, offset=offset)
        self.app.call_from_thread(
            self.articles.add_page, generation, offset, [ArticleRow.from_row(r) for r in rows]
        )

    # ── filtering ──
    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    def set_filter(self, text: str, query: Query) -> None:
        """Show the articles *query* selects (with the pane's feed or tag, if any)."""
        self.filter_query, self.query_text = query, text
        self._token += 1
        self._load_articles(self.effective_query(), False, self._token)

    @on(FilterBar.Applied)
    def _filter_applied(self, event: FilterBar.Applied) -> None:
        if event.query.type == "claim":
            self.query_one(FilterBar).show_error("type:claim lists claims: enter opens them")
            return
        self.set_filter(event.text, event.query)

    @on(FilterBar.Submitted)
    def _filter_submitted(self, event: FilterBar.Submitted) -> None:
        if event.query is None:
            return  # malformed: the bar says why, the list keeps its last good result
        self.query_one(FilterBar).close()
        self.articles.focus()
        if event.query.type == "claim":
            from tui.app.screens.claims import ClaimsScreen

            self.app.push_screen(ClaimsScreen(event.text))
            return
        self.set_filter(event.text, event.query)

    @on(FilterBar.Cleared)
    def _filter_cleared(self) -> None:
        self.set_filter("", Query())
        self.articles.focus()

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
        elif event.filter.startswith("feed_id:"):
            self.scope, self.scope_label = Term("feed_id", event.filter[8:]), event.label
        else:
            self.scope, self.scope_label = Term("tag", event.filter[4:]), event.label
        self.set_filter(self.query_text, self.filter_query)
        self.articles.focus()

    # ── opening and read state ──
    @on(ArticleList.Opened)
    def _open(self, event: ArticleList.Opened) -> None:
        from tui.app.screens.reader import ReaderScreen

        self.articles.update_row(event.article_id, read=True)
        self.app.push_screen(ReaderScreen(event.article_id))

    def action_toggle_read(self) -> None:
        row = self.articles.current
        if row is None:
            return
        self.articles.update_row(row.id, read=not row.read)
        self._set_read(row.id, not row.read)

    @work(thread=True, group="writes", exit_on_error=False)
    def _set_read(self, article_id: int, read: bool) -> None:
        self.library.set_read([article_id], read)
        self.app.call_from_thread(self._load_feeds)

    def action_toggle_show_read(self) -> None:
        self.hide_read = not self.hide_read
        self.notify("Showing unread articles only." if self.hide_read else "Showing every article.")
        self._token += 1
        self._load_articles(self.effective_query(), False, self._token)

    def action_next_unread(self) -> None:
        self.reading.jump(1)

    def action_previous_unread(self) -> None:
        self.reading.jump(-1)

    def action_mark_feed_read(self) -> None:
        """A: every unread article of the feed in focus (pane, scope, or the current article)."""
        feed = self.target_feed()
        if feed is None:
            self.notify("No feed here: pick one in the feeds pane (h).", severity="warning")
            return
        self.reading.mark_feed_read(feed.id, feed.name)

    def action_mark_listed_read(self) -> None:
        """Palette: every unread article the list shows (its feed, tag and filter)."""
        label = "  ".join(p for p in (self.scope_label, self.query_text) if p) or "All articles"
        self.reading.mark_listed_read(self.effective_query(), label)

    def action_undo_read(self) -> None:
        self.reading.undo_last()

    # ── feeds ──
    def target_feed(self) -> FeedInfo | None:
        """The feed the user means: highlighted in the pane (when focused), else the feed in
        scope, else the feed of the article under the cursor."""
        if self.focused is self.feeds and self.feeds.highlighted_feed() is not None:
            return self.feeds.highlighted_feed()
        if self.scope is not None and self.scope.key == "feed_id":
            return self.feeds.feed(int(self.scope.value))
        row = self.articles.current
        return self.feeds.feed(row.feed_id) if row is not None and row.feed_id else None

    def action_add_feed(self) -> None:
        from tui.app.screens.feeds_admin import add_feed

        add_feed(self.app)

    def action_feed_menu(self) -> None:
        from tui.app.screens.feeds_admin import feed_menu

        feed_menu(self, self.target_feed())

    def action_refresh_feed(self) -> None:
        """Refresh the feed in scope, else the feed of the article under the cursor."""
        if self.scope is not None and self.scope.key == "feed_id":
            feed_id: int | None = int(self.scope.value)
        elif self.focused is self.feeds and self.feeds.highlighted_feed() is not None:
            feed_id = self.feeds.highlighted_feed().id  # type: ignore[union-attr]
        else:
            feed_id = None
        self._refresh_feed(feed_id, self.articles.current)

    @work(thread=True, group="writes", exit_on_error=False)
    def _refresh_feed(self, feed_id: int | None, row: ArticleRow | None) -> None:
        if feed_id is None and row is not None:
            article = self.library.get_article(row.id)
            feed_id = article["feed_id"] if article else None
        if feed_id is None:
            return
        url = self.library.feed_url(feed_id)
        if url is not None:
            self.app.call_from_thread(self.app.refresh_feeds, [url])  # type: ignore[attr-defined]

    def action_focus_feeds(self) -> None:
        self.feeds.focus()

    def _jump_failing(self, step: int) -> None:
        failing = self.feeds.failing()
        if not failing:
            self.notify("No failing feeds.")
            return
        current = self.feeds.highlighted_feed()
        ids = [f.id for f in failing]
        if current is not None and current.id in ids:
            index = ids.index(current.id) + step
        else:
            index = 0 if step > 0 else -1
        target = failing[index % len(failing)]
        self.feeds.highlighted = self.feeds.get_option_index(f"feed:{target.id}")
        self.feeds.focus()
        self._show_notice()

    def action_next_failing(self) -> None:
        self._jump_failing(1)

    def action_previous_failing(self) -> None:
        self._jump_failing(-1)

    def _show_notice(self) -> None:
        """The error of the highlighted feed (pane focused) or of the feed in scope."""
        info = self.feeds.highlighted_feed() if self.focused is self.feeds else None
        if info is None and self.scope is not None and self.scope.key == "feed_id":
            info = self.feeds.feed(int(self.scope.value))
        self.status.notice = f"✖ {info.name}: {info.error}" if info and info.error else ""

    @on(FeedList.OptionHighlighted)
    def _feed_highlighted(self) -> None:
        self._show_notice()

    def on_descendant_focus(self) -> None:
        self._show_notice()

    def action_claims(self) -> None:
        from tui.app.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen(self.query_text))
