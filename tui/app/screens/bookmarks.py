"""Bookmarks (`B`): saved claims, newest first, filtered with the query language.

Enter opens the claim in the reader (through the app), or the stored copy when its article was
purged; `n` edits the note, `d` deletes (`u` undoes), `y` copies the citation. The `b` flow of
the reader and the claims view is in `tui.app.flows.bookmarks`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList

from tui.app.contract import sitrep
from tui.app.dialogs.stored_copy import StoredCopyScreen
from tui.app.flows.clipboard import copy_text
from tui.app.screens.bookmark_edits import BookmarkEdits
from tui.app.styles import sheet
from tui.app.widgets.bookmark_list import BookmarkList
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.status_bar import StatusBar
from tui.core.query import Query, QueryError, check_for_bookmarks, parse_query
from tui.service.bookmarks import bookmark_citation
from tui.service.library import Library


class BookmarksScreen(Screen[None]):
    """Saved claims, newest first; `/` filters them with the query language."""

    CSS_PATH = sheet("bookmarks")
    BINDINGS = [
        Binding("q,escape,h", "back", "Back", id="back"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("n", "edit('note')", "Note", id="edit_note"),
        Binding("d", "edit('delete')", "Delete", id="delete_bookmark"),
        Binding("u", "edit('undo')", "Undo delete", id="undo_delete"),
        Binding("y", "copy_citation", "Copy citation", id="copy_citation"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.query_text = text
        self.filter_query = Query()
        self.records: list[dict[str, Any]] = []
        self.edits = BookmarkEdits(self, lambda: self.current, self.reload)

    def compose(self) -> ComposeResult:
        yield FilterBar(id="bookmarks-filter")
        yield BookmarkList(id="bookmarks")
        yield StatusBar(id="bookmarks-status")
        yield Footer()

    @property
    def bookmark_list(self) -> BookmarkList:
        return self.query_one(BookmarkList)

    @property
    def library(self) -> Library:
        return sitrep(self).library

    @property
    def current(self) -> dict[str, Any] | None:
        return self.bookmark_list.current

    def on_mount(self) -> None:
        self.query_one(StatusBar).noun = "bookmark"
        self.bookmark_list.focus()
        self.call_after_refresh(self.apply_filter, self.query_text)  # once the bar is composed

    def on_screen_resume(self) -> None:
        self.reload()  # a bookmark may have been made or removed from a reader opened here

    # ── loading and filtering ──
    def reload(self) -> None:
        self._load(self.filter_query)

    @work(thread=True, exclusive=True, group="bookmarks", exit_on_error=False)
    def _load(self, query: Query) -> None:
        """The bookmarks the filter selects (the store runs the query language, as for articles
        and claims), and whether there are any at all (for the empty list's words)."""
        library = self.library
        records = library.list_bookmarks(query)
        anything = bool(records) or (bool(query.terms) and bool(library.list_bookmarks(Query())))
        self.app.call_from_thread(self._show, records, anything)

    def _show(self, records: list[dict[str, Any]], anything: bool) -> None:
        self.records = records
        self.bookmark_list.empty_text = (
            "No bookmark matches this filter." if anything else
            "No bookmarks yet: press b on a claim in the reader or the claims view.")
        self.bookmark_list.show(records)
        status = self.query_one(StatusBar)
        status.count = len(records)
        status.filter = self.query_text

    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    def apply_filter(self, text: str, query: Query | None = None) -> bool:
        """Filter with *text* (already parsed as *query* when the bar did it); False if bad."""
        bar = self.query_one(FilterBar)
        try:
            if query is None:
                query = parse_query(text, sitrep(self).now())
            check_for_bookmarks(query)  # rejects filters that mean nothing here
        except QueryError as exc:
            bar.show_error(str(exc))
            return False
        bar.show_error("")
        self.filter_query = query
        self.query_text = text.strip()
        self.reload()
        return True

    @on(FilterBar.Applied)
    def _applied(self, event: FilterBar.Applied) -> None:
        self.apply_filter(event.text, event.query)

    @on(FilterBar.Submitted)
    def _submitted(self, event: FilterBar.Submitted) -> None:
        if event.query is not None and self.apply_filter(event.text, event.query):
            self.query_one(FilterBar).close()
            self.bookmark_list.focus()

    @on(FilterBar.Cleared)
    def _cleared(self) -> None:
        self.apply_filter("")
        self.bookmark_list.focus()

    # ── actions ──
    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        record = self.current
        if record is not None:
            self._open(record)

    @work(thread=True, group="open", exit_on_error=False)
    def _open(self, record: dict[str, Any]) -> None:
        article_id = self.library.bookmark_article(record)
        self.app.call_from_thread(self._show_article, record, article_id)

    def _show_article(self, record: dict[str, Any], article_id: int | None) -> None:
        if article_id is None:
            self.app.push_screen(StoredCopyScreen(record))
            return
        sitrep(self).navigate.reader(article_id, record["claim_start"], record["source_start"])

    def action_edit(self, what: str) -> None:
        """d, u and n: see BookmarkEdits."""
        self.edits.run(what)

    def action_copy_citation(self) -> None:
        record = self.current
        if record is None:
            return
        copy_text(self, bookmark_citation(record))

    def action_back(self) -> None:
        self.app.pop_screen()

    def commands(self) -> Iterator[SystemCommand]:
        """Palette entries of this screen."""
        if self.edits.deleted:
            yield SystemCommand("Undo bookmark delete", "Bring back the last deleted bookmark (u)",
                                self.edits.undo)
