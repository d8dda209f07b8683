"""Changing saved bookmarks from the bookmarks screen: `d` deletes (`u` brings back, newest
first, as many as were deleted while the screen was open), `n` edits the note and tags.

Each write runs in a thread; on success every screen hears of it (a reader opened later
re-marks its claims) and the list reloads. A read-only cache refuses with a warning instead.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.screen import Screen

from tui.app.contract import sitrep
from tui.app.dialogs.note_prompt import NotePrompt, NoteResult
from tui.app.flows.bookmarks import announce_change, run_store, spot_of
from tui.service.library import Library

Record = dict[str, Any]


class BookmarkEdits:
    """Owned by the bookmarks screen: *current* is the record under its cursor, *reload* shows
    the list again."""

    def __init__(
        self, screen: Screen[Any], current: Callable[[], Record | None], reload: Callable[[], None]
    ) -> None:
        self.screen = screen
        self.current = current
        self.reload = reload
        self.deleted: list[Record] = []  # undo stack, newest last

    def run(self, what: str) -> None:
        """d (delete), u (undo) and n (note): see the module's docstring."""
        {"delete": self.delete, "undo": self.undo, "note": self.edit_note}[what]()

    @property
    def library(self) -> Library:
        return sitrep(self.screen).library

    def _writable(self) -> bool:
        if self.library.readonly:
            self.screen.notify("Read-only: another sitrep is running, change bookmarks there.",
                               severity="warning")
            return False
        return True

    def delete(self) -> None:
        record = self.current()
        if record is None or not self._writable():
            return
        run_store(self.screen, self.library.remove_bookmark, record["id"],
                  done=self._deleted)

    def _deleted(self, record: Record | None) -> None:
        if record is not None:
            self.deleted.append(record)
            self.screen.notify("Bookmark deleted. Press u to undo.", timeout=10)
            announce_change(self.screen, record["article_id"], spot_of(record), False)
        self.reload()

    def undo(self) -> None:
        if not self.deleted:
            self.screen.notify("Nothing to undo.")
            return
        if not self._writable():
            return
        record = self.deleted.pop()
        run_store(self.screen, self.library.restore_bookmark, record,
                  done=lambda _: self._restored(record))

    def _restored(self, record: Record) -> None:
        self.screen.notify("Bookmark restored.")
        announce_change(self.screen, record["article_id"], spot_of(record), True)
        self.reload()

    def edit_note(self) -> None:
        record = self.current()
        if record is None or not self._writable():
            return
        prompt = NotePrompt(record["claim_text"], note=record["note"], tags=record["tags"],
                            title="Edit note")
        self.screen.app.push_screen(prompt, partial(self._note_done, record))

    def _note_done(self, record: Record, result: NoteResult | None) -> None:
        if result is None or result.action != "save":
            return
        run_store(self.screen, self.library.update_bookmark_note, record["id"],
                  result.note, result.tags,
                  done=lambda _: (self.screen.notify("Note saved."), self.reload()))
