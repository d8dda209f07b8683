"""Main screen: feeds pane, article list, filter bar, status bar. Wiring, not logic."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import get_current_worker

from tui.pipeline.query import Query, QueryError, Term, parse_query
from tui.store import search, store
from tui.widgets.article_list import PAGE_SIZE, ArticleList, ArticleRow
from tui.widgets.feed_list import FeedInfo, FeedList
from tui.widgets.filter_bar import FilterBar
from tui.widgets.status_bar import StatusBar

DEBOUNCE_SECONDS = 0.12


class MainScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("r", "refresh_feed", "Refresh feed"),
        Binding("m", "toggle_read", "Read/unread"),
        Binding("c", "claims", "Claims"),
        Binding("e", "next_failing", "Next failing feed", show=False),
        Binding("E", "previous_failing", "Previous failing feed", show=False),
        Binding("h,left", "focus_feeds", "Feeds pane", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""  # the last good filter text
        self.filter_query = Query()
        self.scope: Term | None = None  # feed or tag chosen in the feeds pane
        self.scope_label = ""
        self._debounce: Timer | None = None
        self._pending_text = ""

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
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        self.articles.focus()
        self.watch(self.app, "refresh_status", self._show_progress)
        self.watch(self.app, "data_version", self._data_changed, init=False)
        self.reload()

    def _show_progress(self, text: str) -> None:
        self.status.progress = text

    def _data_changed(self) -> None:
        self.reload(keep_cursor=True)

    # ── loading (off the UI thread; stale results dropped) ──
    def effective_query(self) -> Query:
        return self.filter_query.with_terms(self.scope) if self.scope else self.filter_query

    def reload(self, keep_cursor: bool = False) -> None:
        self._load_feeds()
        self._load_articles(self.effective_query(), keep_cursor)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def _load_feeds(self) -> None:
        rows = self.app.db.run(store.list_feeds)  # type: ignore[attr-defined]
        feeds = [FeedInfo.from_row(r) for r in rows]
        self.app.call_from_thread(self.query_one(FeedList).show_feeds, feeds)

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def _load_articles(self, query: Query, keep_cursor: bool) -> None:
        db = self.app.db  # type: ignore[attr-defined]
        count = db.run(search.count_articles, query)
        rows = [ArticleRow.from_row(r) for r in db.run(search.find_articles, query,
                                                      limit=PAGE_SIZE)]
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_articles, count, rows, keep_cursor)

    def _show_articles(self, count: int, rows: list[ArticleRow], keep_cursor: bool) -> None:
        self.articles.reset(count, rows, keep_cursor=keep_cursor)
        self.status.count = count
        parts = [p for p in (self.scope_label, self.query_text) if p]
        self.status.filter = "  ".join(parts)

    @on(ArticleList.PageWanted)
    def _page_wanted(self, event: ArticleList.PageWanted) -> None:
        self._load_page(self.effective_query(), event.offset, self.articles.generation)

    @work(thread=True, group="pages", exit_on_error=False)
    def _load_page(self, query: Query, offset: int, generation: int) -> None:
        rows = self.app.db.run(search.find_articles, query, limit=PAGE_SIZE,  # type: ignore[attr-defined]
                               offset=offset)
        page = [ArticleRow.from_row(r) for r in rows]
        self.app.call_from_thread(self.articles.add_page, generation, offset, page)

    # ── filtering ──
    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        self._pending_text = event.text
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._apply_filter)

    def _apply_filter(self) -> None:
        self.apply_filter(self._pending_text)

    def apply_filter(self, text: str) -> bool:
        """Parse and run *text*; a malformed query keeps the last good result."""
        bar = self.query_one(FilterBar)
        try:
            query = parse_query(text)
        except QueryError as exc:
            bar.show_error(str(exc))
            return False
        bar.show_error("")
        self.filter_query, self.query_text = query, text.strip()
        self._load_articles(self.effective_query(), False)
        return True

    @on(FilterBar.Submitted)
    def _filter_submitted(self, event: FilterBar.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        if self.apply_filter(event.text):
            self.query_one(FilterBar).close()
            self.articles.focus()

    @on(FilterBar.Cleared)
    def _filter_cleared(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self.apply_filter("")
        self.articles.focus()

    @on(FeedList.Chosen)
    def _feed_chosen(self, event: FeedList.Chosen) -> None:
        if not event.filter:
            self.scope, self.scope_label = None, ""
        elif event.filter.startswith("feed_id:"):
            self.scope, self.scope_label = Term("feed_id", event.filter[8:]), event.label
        else:
            self.scope, self.scope_label = Term("tag", event.filter[4:]), event.label
        self._load_articles(self.effective_query(), False)
        self.articles.focus()

    def set_entity_filter(self, name: str) -> None:
        """Used when the user picks an entity in the reader: filter by it."""
        escaped = name.replace('"', "")
        self.apply_filter(f'entity:"{escaped}"')

    # ── opening and read state ──
    @on(ArticleList.Opened)
    def _open(self, event: ArticleList.Opened) -> None:
        from tui.screens.reader import ReaderScreen

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
        self.app.db.run(store.set_read, [article_id], read)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._load_feeds)

    # ── feeds ──
    def action_refresh_feed(self) -> None:
        feed_id = None
        if self.scope is not None and self.scope.key == "feed_id":
            feed_id = int(self.scope.value)
        elif self.articles.current is not None:
            feed_id = self._feed_of_current()
        urls = self._urls_for(feed_id)
        self.app.refresh_feeds(urls)  # type: ignore[attr-defined]

    def _feed_of_current(self) -> int | None:
        row = self.articles.current
        if row is None:
            return None
        article = self.app.db.run(store.get_article, row.id)  # type: ignore[attr-defined]
        return article["feed_id"] if article else None

    def _urls_for(self, feed_id: int | None) -> list[str] | None:
        if feed_id is None:
            return None
        rows = self.app.db.run(lambda c: c.execute(  # type: ignore[attr-defined]
            "SELECT url FROM feeds WHERE id = ?", (feed_id,)).fetchall())
        return [r["url"] for r in rows] or None

    def action_focus_feeds(self) -> None:
        self.query_one(FeedList).focus()

    def _jump_failing(self, step: int) -> None:
        pane = self.query_one(FeedList)
        failing = pane.failing()
        if not failing:
            self.notify("No failing feeds.")
            return
        ids = [f"feed:{f.id}" for f in failing]
        current = pane.highlighted_option.id if pane.highlighted_option else None
        index = ids.index(current) + step if current in ids else (0 if step > 0 else -1)
        target = failing[index % len(failing)]
        pane.highlighted = pane.get_option_index(f"feed:{target.id}")
        pane.focus()
        self.notify(f"{target.name}: {target.error}", severity="error", title="Feed failing",
                    markup=False, timeout=8)

    def action_next_failing(self) -> None:
        self._jump_failing(1)

    def action_previous_failing(self) -> None:
        self._jump_failing(-1)

    def action_claims(self) -> None:
        from tui.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen())

    @on(FeedList.OptionHighlighted)
    def _feed_highlighted(self, event: FeedList.OptionHighlighted) -> None:
        option_id = event.option.id or ""
        info = self.query_one(FeedList).feed(int(option_id[5:])) if option_id.startswith(
            "feed:") else None
        self.status.notice = f"{info.name}: {info.error}" if info and info.error else ""
