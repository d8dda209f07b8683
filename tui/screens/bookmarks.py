"""Bookmarks: the screen (`B`), `b` for the reader and the claims view, the palette entries.

Every store call runs in a thread worker through `app.db.run`; a StoreError (read-only window,
full disk, unwritable journal) comes back as an error notice, never silently.

Wiring for other screens: `bookmark_current_claim(screen)` is the whole `b` action of the reader
and the claims view; after a change the screen receives `BookmarkChanged` to re-mark its claims.
`open_bookmarks(app)` is the `B` action; `bookmark_commands(app, screen)` yields palette entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList

from tui.pipeline.errors import StoreError
from tui.pipeline.query import Query, QueryError, parse_query
from tui.store import bookmarks, store
from tui.widgets.bookmark_list import BookmarkList, StoredCopyScreen
from tui.widgets.filter_bar import FilterBar
from tui.widgets.note_prompt import NotePrompt, NoteResult
from tui.widgets.status_bar import StatusBar


class BookmarkChanged(Message):
    """Posted to the screen that bookmarked a claim, so it can mark (or unmark) it."""

    def __init__(
        self, article_id: int | None, spot: tuple[int, int | None] | None, bookmarked: bool
    ) -> None:
        self.article_id = article_id
        self.spot = spot  # (claim start, source start): two claims can share a sentence
        self.bookmarked = bookmarked
        super().__init__()


# ── `b` in the reader and the claims view ────────────────────────────────────────────────────


def current_claim(screen: Screen[Any]) -> tuple[int, int, int] | None:
    """(article_id, claim start, source start) of the claim under the cursor of a reader or
    claims view."""
    from tui.screens.claims import ClaimsScreen
    from tui.screens.reader import ReaderScreen

    if isinstance(screen, ReaderScreen):
        if screen.data is None or not 0 <= screen.current_claim < len(screen.reader.claims):
            return None
        claim = screen.reader.claims[screen.current_claim]
        return screen.article_id, claim.start, claim.source_start
    if isinstance(screen, ClaimsScreen):
        row = screen.claims.current
        return (row.article_id, row.start, row.source_start) if row is not None else None
    return None


def bookmark_current_claim(screen: Screen[Any]) -> None:
    """The `b` action: bookmark the current claim and ask for a note (or edit/remove it)."""
    target = current_claim(screen)
    if target is None:
        screen.notify("Move to a claim first (] in the reader).", severity="warning")
        return
    bookmark_claim(screen, *target)


def bookmark_claim(
    screen: Screen[Any], article_id: int, claim_start: int, source_start: int
) -> None:
    if screen.app.db.readonly:  # type: ignore[attr-defined]
        screen.notify(
            "Read-only: another sitrep is running, bookmark in that one.", severity="warning"
        )
        return
    screen.run_worker(
        partial(_bookmark_in_thread, screen, article_id, claim_start, source_start),
        thread=True,
        group="bookmark",
        exit_on_error=False,
    )


def _bookmark_in_thread(
    screen: Screen[Any], article_id: int, claim_start: int, source_start: int
) -> None:
    app = screen.app
    db = app.db  # type: ignore[attr-defined]
    try:
        record = db.run(bookmarks.bookmark_for_claim, article_id, claim_start, source_start)
        existing = record is not None
        if record is None:
            article = db.run(store.get_article, article_id)
            claim = db.run(bookmarks.claim_at, article_id, claim_start, source_start)
            if article is None or claim is None:
                app.call_from_thread(
                    screen.notify, "That claim is no longer in the cache.", severity="warning"
                )
                return
            record = db.run(bookmarks.get_bookmark, db.run(bookmarks.add_bookmark, claim, article))
    except StoreError as exc:
        app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
        return
    if not existing:
        app.call_from_thread(_changed, screen, article_id, (claim_start, source_start), True)
    prompt = NotePrompt(
        record["claim_text"],
        note=record["note"],
        tags=record["tags"],
        title="Bookmark" if existing else "Bookmarked — add a note?",
        existing=existing,
    )
    app.call_from_thread(
        app.push_screen,
        prompt,
        partial(_prompt_done, screen, record, article_id, (claim_start, source_start)),
    )


def _spot(record: dict[str, Any]) -> tuple[int, int | None] | None:
    start = record.get("claim_start")
    return (start, record.get("source_start")) if start is not None else None


def _changed(
    screen: Screen[Any],
    article_id: int | None,
    spot: tuple[int, int | None] | None,
    bookmarked: bool,
) -> None:
    screen.post_message(BookmarkChanged(article_id, spot, bookmarked))
    bump = getattr(screen.app, "bump_data", None)
    if bump is not None:
        bump(force=True)


def _prompt_done(
    screen: Screen[Any],
    record: dict[str, Any],
    article_id: int | None,
    spot: tuple[int, int],
    result: NoteResult | None,
) -> None:
    if result is None or result.action == "keep":
        return
    if result.action == "save":
        run_store(
            screen,
            bookmarks.update_bookmark_note,
            record["id"],
            result.note,
            result.tags,
            done=lambda _: screen.notify("Bookmark saved."),
        )
        return

    def removed(_: object) -> None:
        _changed(screen, article_id, spot, False)
        screen.notify("Bookmark removed.")

    run_store(screen, bookmarks.remove_bookmark, record["id"], done=removed)


def run_store(
    screen: Screen[Any],
    fn: Callable[..., Any],
    *args: Any,
    done: Callable[[Any], object] | None = None,
) -> None:
    """Run one store call in a thread worker; *done* gets its result on the UI thread."""

    def call() -> None:
        app = screen.app
        try:
            result = app.db.run(fn, *args)  # type: ignore[attr-defined]
        except StoreError as exc:
            app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
            return
        if done is not None:
            app.call_from_thread(done, result)

    screen.run_worker(call, thread=True, group="bookmark-writes", exit_on_error=False)


# ── app-level entry points ───────────────────────────────────────────────────────────────────


def open_bookmarks(app: App[Any]) -> None:
    """The `B` action."""
    if not isinstance(app.screen, BookmarksScreen):
        app.push_screen(BookmarksScreen())


def export_bookmarks_file(app: App[Any], fmt: str, directory: Path | None = None) -> None:
    """Palette export: sitrep-bookmarks.<fmt> in the current directory."""
    from tui.commands.bookmarks import export

    def write() -> None:
        target = (directory or Path.cwd()) / f"sitrep-bookmarks.{fmt}"
        try:
            rows = app.db.run(bookmarks.list_bookmarks)  # type: ignore[attr-defined]
            target.write_text(export(rows, fmt), encoding="utf-8")
        except (OSError, StoreError) as exc:
            app.call_from_thread(
                app.notify, f"Export failed: {exc}", severity="error", markup=False
            )
            return
        app.call_from_thread(
            app.notify, f"Exported {len(rows)} bookmarks to {target}", markup=False
        )

    app.run_worker(write, thread=True, group="export", exit_on_error=False)


def bookmark_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Palette entries for App.get_system_commands: open, export, and undo on the screen."""
    yield SystemCommand("Bookmarks", "Show saved claims (B)", partial(open_bookmarks, app))
    for fmt, label in (("md", "Markdown"), ("json", "JSON"), ("csv", "CSV")):
        yield SystemCommand(
            f"Export bookmarks as {label}",
            f"Write sitrep-bookmarks.{fmt} in the current directory",
            partial(export_bookmarks_file, app, fmt),
        )
    if isinstance(screen, BookmarksScreen) and screen.deleted:
        yield SystemCommand(
            "Undo bookmark delete", "Bring back the last deleted bookmark (u)", screen.action_undo
        )


# ── the screen ───────────────────────────────────────────────────────────────────────────────


class BookmarksScreen(Screen[None]):
    """Saved claims, newest first; `/` filters them with the query language."""

    DEFAULT_CSS = """
    BookmarksScreen #bookmarks { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape,h", "back", "Back", id="back"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("n", "edit_note", "Note", id="edit_note"),
        Binding("d", "delete", "Delete", id="delete_bookmark"),
        Binding("u", "undo", "Undo delete", id="undo_delete"),
        Binding("y", "copy_citation", "Copy citation", id="copy_citation"),
    ]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.query_text = text
        self.filter_query = Query()
        self.records: list[dict[str, Any]] = []
        self.deleted: list[dict[str, Any]] = []  # undo stack, newest last

    def compose(self) -> ComposeResult:
        yield FilterBar(id="bookmarks-filter")
        yield BookmarkList(id="bookmarks")
        yield StatusBar(id="bookmarks-status")
        yield Footer()

    @property
    def bookmark_list(self) -> BookmarkList:
        return self.query_one(BookmarkList)

    @property
    def current(self) -> dict[str, Any] | None:
        return self.bookmark_list.current

    def on_mount(self) -> None:
        self.query_one(StatusBar).noun = "bookmarks"
        self.bookmark_list.focus()
        self.call_after_refresh(self.apply_filter, self.query_text)  # once the bar is composed

    def on_screen_resume(self) -> None:
        self.reload()  # a bookmark may have been made or removed from a reader opened here

    # ── loading and filtering ──
    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="bookmarks", exit_on_error=False)
    def _load(self) -> None:
        db = self.app.db  # type: ignore[attr-defined]
        records = db.run(bookmarks.list_bookmarks)
        present = db.run(bookmarks.bookmarks_with_article)
        for record in records:
            record["article_present"] = record["id"] in present
        self.app.call_from_thread(self._loaded, records)

    def _loaded(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self._show()

    def _show(self) -> None:
        try:
            shown = bookmarks.filter_bookmarks(self.records, self.filter_query)
        except QueryError as exc:
            self.query_one(FilterBar).show_error(str(exc))
            return
        self.bookmark_list.empty_text = (
            "No bookmark matches this filter."
            if self.records
            else "No bookmarks yet: press b on a claim in the reader or the claims view."
        )
        self.bookmark_list.show(shown)
        status = self.query_one(StatusBar)
        status.count = len(shown)
        status.filter = self.query_text

    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.query_text)

    def apply_filter(self, text: str, query: Query | None = None) -> bool:
        """Filter with *text* (already parsed as *query* when the bar did it); False if bad."""
        bar = self.query_one(FilterBar)
        try:
            if query is None:
                now = getattr(self.app, "now", None)  # the app's clock, frozen in tests
                query = parse_query(text, now() if callable(now) else None)
            bookmarks.filter_bookmarks([], query)  # rejects filters that mean nothing here
        except QueryError as exc:
            bar.show_error(str(exc))
            return False
        bar.show_error("")
        self.filter_query = query
        self.query_text = text.strip()
        if self.records:
            self._show()
        else:
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
    def _writable(self) -> bool:
        if self.app.db.readonly:  # type: ignore[attr-defined]
            self.notify(
                "Read-only: another sitrep is running, change bookmarks there.", severity="warning"
            )
            return False
        return True

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        record = self.current
        if record is not None:
            self._open(record)

    @work(thread=True, group="open", exit_on_error=False)
    def _open(self, record: dict[str, Any]) -> None:
        article_id = self.app.db.run(bookmarks.find_bookmark_article, record)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show_article, record, article_id)

    def _show_article(self, record: dict[str, Any], article_id: int | None) -> None:
        if article_id is None:
            self.app.push_screen(StoredCopyScreen(record))
            return
        from tui.screens.reader import ReaderScreen

        self.app.push_screen(
            ReaderScreen(
                article_id, claim_start=record["claim_start"], source_start=record["source_start"]
            )
        )

    def action_delete(self) -> None:
        record = self.current
        if record is None or not self._writable():
            return
        run_store(self, bookmarks.remove_bookmark, record["id"], done=self._deleted)

    def _deleted(self, record: dict[str, Any] | None) -> None:
        if record is not None:
            self.deleted.append(record)
            self.notify("Bookmark deleted. Press u to undo.", timeout=10)
            _changed(self, record["article_id"], _spot(record), False)
        self.reload()

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.")
            return
        if not self._writable():
            return
        record = self.deleted.pop()
        run_store(self, bookmarks.restore_bookmark, record, done=lambda _: self._restored(record))

    def _restored(self, record: dict[str, Any]) -> None:
        self.notify("Bookmark restored.")
        _changed(self, record["article_id"], _spot(record), True)
        self.reload()

    def action_edit_note(self) -> None:
        record = self.current
        if record is None or not self._writable():
            return
        prompt = NotePrompt(
            record["claim_text"], note=record["note"], tags=record["tags"], title="Edit note"
        )
        self.app.push_screen(prompt, partial(self._note_done, record))

    def _note_done(self, record: dict[str, Any], result: NoteResult | None) -> None:
        if result is None or result.action != "save":
            return
        run_store(
            self,
            bookmarks.update_bookmark_note,
            record["id"],
            result.note,
            result.tags,
            done=lambda _: (self.notify("Note saved."), self.reload()),
        )

    def action_copy_citation(self) -> None:
        record = self.current
        if record is None:
            return
        self.app.copy_to_clipboard(bookmarks.citation(record))
        self.notify("Citation copied.")

    def action_back(self) -> None:
        self.app.pop_screen()
