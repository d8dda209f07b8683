"""Claims view: every claim across the cache, filterable with the same query language.

Opened with `c` from the main screen, it starts with the article list's filter (so a list
narrowed to an entity shows that entity's claims); `/` changes it, Esc clears it, Enter opens
the reader at the claim under the cursor. The preview under the list follows the cursor: the
whole sentence and the evidence behind the status (`\\` hides it); `v` sets the status by hand.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from tui.app.contract import ClaimRef, sitrep
from tui.app.flows.bookmarks import bookmark_current_claim
from tui.app.flows.claim_status import set_status_of_current_claim
from tui.app.styles import sheet
from tui.app.widgets.claim_list import ClaimList, ClaimRow
from tui.app.widgets.claim_preview import ClaimPreview
from tui.app.widgets.filter_bar import BarEvent, FilterBar, settle
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.virtual_list import PAGE_SIZE, count_later
from tui.core.query import Query, QueryError, parse_query
from tui.service.library import Library


class ClaimsScreen(Screen[None]):
    CSS_PATH = sheet("claims")
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("q,escape,h", "back", "Back", id="back"),
        Binding("b", "bookmark", "Bookmark claim", id="bookmark"),
        Binding("v", "set_status", "Set status", id="set_status"),
        Binding("backslash", "toggle_pane", "Hide/show preview", show=False, id="toggle_pane"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.query_text = ""
        self.filter_query = Query(type="claim")
        self._initial = text
        self._token = 0
        self._shown: Query | None = None  # the query of the list on screen

    def compose(self) -> ComposeResult:
        yield FilterBar(id="claims-filter")
        yield ClaimList(id="claims")
        yield ClaimPreview(id="claim-preview")
        yield StatusBar(id="claims-status")
        yield Footer()

    @property
    def claims(self) -> ClaimList:
        return self.query_one(ClaimList)

    @property
    def library(self) -> Library:
        return sitrep(self).library

    def on_mount(self) -> None:
        self.query_one(StatusBar).noun = "claim"
        self.claims.focus()
        try:
            query = parse_query(self._initial, sitrep(self).now())
        except QueryError:
            query, self._initial = Query(), ""
        self.set_filter(self._initial.strip(), query)
        self.watch(self.app, "data_version", lambda: self._reload(True), init=False)

    def set_filter(self, text: str, query: Query) -> None:
        self.filter_query, self.query_text = query.as_type("claim"), text
        self._reload(False)

    def _reload(self, keep_cursor: bool) -> None:
        self._token += 1
        self._load(self.filter_query, keep_cursor, self._token)

    @work(thread=True, exclusive=True, group="claims", exit_on_error=False)
    def _load(self, query: Query, keep_cursor: bool, token: int) -> None:
        count, rows = self.library.claims_page(query, limit=PAGE_SIZE)
        marked = self._marked(rows)
        if token == self._token:
            self.app.call_from_thread(
                self._show, count, [ClaimRow.from_row(r, marked) for r in rows], keep_cursor,
                token, query=query,
            )
        if token == self._token and count is None:
            count_later(
                self.claims,
                lambda: self.query_one(StatusBar),
                lambda: self.library.count_claims(query),
                lambda: token == self._token,
            )

    def _marked(self, rows: list[Any]) -> set[tuple[int, int, int]]:
        """(article, claim start, source start) of the bookmarked claims on this page."""
        return self.library.bookmarked_claims({r["article_id"] for r in rows})

    def _show(
        self,
        count: int | None,
        rows: list[ClaimRow],
        keep_cursor: bool,
        token: int,
        query: Query | None = None,
    ) -> None:
        if token != self._token:
            return
        keep_cursor = keep_cursor and query == self._shown  # only on the list shown
        self._shown = query
        self.claims.empty_text = (
            "Nothing matches: / changes the filter"
            if self.query_text
            else "No claims yet: they appear as articles are analysed"
        )
        self.claims.reset(count, rows, keep_cursor)
        status = self.query_one(StatusBar)
        status.count, status.more = (len(rows), True) if count is None else (count, False)
        status.filter = self.query_text

    @on(ClaimList.PageWanted)
    def _page_wanted(self, event: ClaimList.PageWanted) -> None:
        self._load_page(self.filter_query, event.offset, self.claims.generation)

    @work(thread=True, group="pages", exit_on_error=False)
    def _load_page(self, query: Query, offset: int, generation: int) -> None:
        rows = self.library.page_claims(query, limit=PAGE_SIZE, offset=offset)
        marked = self._marked(rows)
        self.app.call_from_thread(
            self.claims.add_page, generation, offset, [ClaimRow.from_row(r, marked) for r in rows]
        )

    # ── filtering ──
    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    @on(FilterBar.Applied)
    @on(FilterBar.Submitted)
    @on(FilterBar.Cleared)
    def _filter_bar(self, event: BarEvent) -> None:
        if (found := settle(event, self.query_one(FilterBar), self.claims)) is not None:
            self.set_filter(*found)

    @on(ClaimList.Opened)
    def _open(self, event: ClaimList.Opened) -> None:
        row = event.row
        sitrep(self).navigate.reader(row.article_id, row.start, row.source_start)

    def claim_ref(self) -> ClaimRef | None:
        """The claim under the cursor (`b` bookmarks it, `v` sets its status)."""
        row = self.claims.current
        if row is None:
            return None
        return ClaimRef(
            row.article_id, row.start, row.source_start, row.status, row.analysis_status,
            row.manual,
        )  # fmt: skip

    def action_bookmark(self) -> None:
        bookmark_current_claim(self)

    def action_set_status(self) -> None:
        set_status_of_current_claim(self)

    # ── the preview ──
    @on(ClaimList.Highlighted)
    def _highlighted(self, event: ClaimList.Highlighted) -> None:
        if event.row is not None and self.preview.display:
            self._preview(event.row.id)
        elif self.claims.count == 0:
            self.preview.show(None)

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _preview(self, claim_id: int) -> None:
        found = self.library.claim_preview(claim_id)
        self.app.call_from_thread(self._show_preview, claim_id, found)

    def _show_preview(self, claim_id: int, found: dict[str, Any] | None) -> None:
        current = self.claims.current
        if current is not None and current.id == claim_id:  # the cursor may have moved on
            self.preview.show(found)

    @property
    def preview(self) -> ClaimPreview:
        return self.query_one(ClaimPreview)

    def action_toggle_pane(self) -> None:
        """\\: hide the preview (the list gets its lines), or show it again."""
        self.preview.display = not self.preview.display
        if self.preview.display and self.claims.current is not None:
            self._preview(self.claims.current.id)

    def action_back(self) -> None:
        self.app.pop_screen()
