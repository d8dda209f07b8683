"""Claims view: every claim across the cache, filterable with the same query language."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import get_current_worker

from tui.pipeline.query import Query, QueryError, parse_query
from tui.store import search
from tui.widgets.claim_list import ClaimList, ClaimRow
from tui.widgets.filter_bar import FilterBar
from tui.widgets.status_bar import StatusBar
from tui.widgets.virtual_list import PAGE_SIZE

DEBOUNCE_SECONDS = 0.12


class ClaimsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,h", "back", "Back"),
        Binding("slash", "filter", "Filter"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.query_text = text
        self.filter_query = Query(type="claim")
        self._debounce: Timer | None = None
        self._pending_text = ""

    def compose(self) -> ComposeResult:
        yield FilterBar(id="claims-filter")
        yield ClaimList(id="claims")
        yield StatusBar(id="claims-status")
        yield Footer()

    @property
    def claims(self) -> ClaimList:
        return self.query_one(ClaimList)

    def on_mount(self) -> None:
        self.query_one(StatusBar).noun = "claims"
        self.claims.focus()
        self.watch(self.app, "data_version", lambda: self._load(self.filter_query, True), init=False)
        self.apply_filter(self.query_text)

    @work(thread=True, exclusive=True, group="claims", exit_on_error=False)
    def _load(self, query: Query, keep_cursor: bool = False) -> None:
        db = self.app.db  # type: ignore[attr-defined]
        count = db.run(search.count_claims, query)
        rows = [ClaimRow.from_row(r) for r in db.run(search.find_claims, query, limit=PAGE_SIZE)]
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show, count, rows, keep_cursor)

    def _show(self, count: int, rows: list[ClaimRow], keep_cursor: bool) -> None:
        self.claims.reset(count, rows, keep_cursor)
        status = self.query_one(StatusBar)
        status.count = count
        status.filter = self.query_text

    @on(ClaimList.PageWanted)
    def _page_wanted(self, event: ClaimList.PageWanted) -> None:
        self._load_page(self.filter_query, event.offset, self.claims.generation)

    @work(thread=True, group="pages", exit_on_error=False)
    def _load_page(self, query: Query, offset: int, generation: int) -> None:
        rows = self.app.db.run(search.find_claims, query, limit=PAGE_SIZE,  # type: ignore[attr-defined]
                               offset=offset)
        self.app.call_from_thread(self.claims.add_page, generation, offset,
                                  [ClaimRow.from_row(r) for r in rows])

    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    def apply_filter(self, text: str) -> bool:
        bar = self.query_one(FilterBar)
        try:
            query = parse_query(text)
        except QueryError as exc:
            bar.show_error(str(exc))
            return False
        bar.show_error("")
        self.filter_query = Query(query.terms, "claim", query.text)
        self.query_text = text.strip()
        self._load(self.filter_query)
        return True

    @on(FilterBar.Changed)
    def _changed(self, event: FilterBar.Changed) -> None:
        self._pending_text = event.text
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS,
                                        lambda: self.apply_filter(self._pending_text))

    @on(FilterBar.Submitted)
    def _submitted(self, event: FilterBar.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        if self.apply_filter(event.text):
            self.query_one(FilterBar).close()
            self.claims.focus()

    @on(FilterBar.Cleared)
    def _cleared(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self.apply_filter("")
        self.claims.focus()

    @on(ClaimList.Opened)
    def _open(self, event: ClaimList.Opened) -> None:
        from tui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(event.row.article_id, claim_start=event.row.start))

    def action_back(self) -> None:
        self.app.pop_screen()
