"""Read state on the main screen: `n`/`N` next/previous unread, `A` mark a feed read, mark
everything listed read, and `u` to undo the last of those.

The article list loads in pages, so the next unread article may not be on screen yet: the
search looks at the loaded rows first and reads further pages in a thread only when it must
(the pages it reads go into the list, so scrolling there later costs nothing).

A mark-read remembers exactly which articles it changed; undo sets those back to unread and
nothing else, so articles read one by one in between keep their state.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from tui.pipeline.query import Query, Term
from tui.store import store
from tui.widgets.article_list import PAGE_SIZE, ArticleRow

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

UNREAD = Term("is", "unread")
UNDO_DEPTH = 20


class ReadState:
    """The main screen's read-state actions (the screen owns the bindings)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.undo: list[tuple[str, list[int]]] = []  # (what was done, ids it changed)
        self._open_it = False

    @property
    def db(self) -> Any:
        return self.screen.app.db  # type: ignore[attr-defined]

    # ── n / N ──
    def jump(self, step: int, open_it: bool = False) -> None:
        """Move the cursor to the next (step 1) or previous (-1) unread article, and open it
        when *open_it* (n/N in the reader)."""
        self._open_it = open_it
        articles = self.screen.articles
        index = articles.cursor + step
        while 0 <= index < articles.count:
            row = articles.loaded(index)
            if row is None:  # beyond what is loaded: read on in a thread
                self.screen.run_worker(
                    partial(self._search_pages, index, step, articles.generation),
                    thread=True,
                    exclusive=True,
                    group="unread",
                    exit_on_error=False,
                )
                return
            if not row.read:
                self._arrive(index, articles.generation)
                return
            index += step
        self.screen.notify("No more unread articles" + (" below." if step > 0 else " above."))

    def _search_pages(self, index: int, step: int, generation: int) -> None:
        screen, app = self.screen, self.screen.app
        searcher = app.searcher  # type: ignore[attr-defined]
        query = screen.effective_query()
        count = screen.articles.count
        while 0 <= index < count:
            offset = index - index % PAGE_SIZE
            _, page = self.db.run(searcher.list_articles, query, limit=PAGE_SIZE, offset=offset)
            rows = [ArticleRow.from_row(r) for r in page]
            app.call_from_thread(screen.articles.add_page, generation, offset, rows)
            while offset <= index < offset + len(rows):
                if not rows[index - offset].read:
                    app.call_from_thread(self._arrive, index, generation)
                    return
                index += step
            if not rows:
                break
        app.call_from_thread(
            screen.notify, "No more unread articles" + (" below." if step > 0 else " above.")
        )

    def _arrive(self, index: int, generation: int) -> None:
        articles = self.screen.articles
        if generation != articles.generation:
            return  # the list changed meanwhile
        articles.cursor = index
        row = articles.loaded(index)
        if self._open_it and row is not None:
            while self.screen.app.screen is not self.screen:  # the reader that asked
                self.screen.app.pop_screen()
            articles.opened(row)

    # ── mark read, undo ──
    def mark_feed_read(self, feed_id: int, name: str) -> None:
        self._run(lambda: self.db.run(store.unread_of_feed, feed_id), name)

    def mark_listed_read(self, query: Query, label: str) -> None:
        def ids() -> list[int]:
            searcher = self.screen.app.searcher  # type: ignore[attr-defined]
            # One search, every row: a negative LIMIT has no upper bound in SQLite.
            _, rows = self.db.run(searcher.list_articles, query.with_terms(UNREAD), limit=-1)
            return [r["id"] for r in rows]

        self._run(ids, label)

    def _run(self, find: Any, label: str) -> None:
        if self.db.readonly:
            self.screen.notify("Read-only: another sitrep owns this cache.", severity="warning")
            return

        def work() -> None:
            ids = find()
            if ids:
                self.db.run(store.set_read, ids, True)
            self.screen.app.call_from_thread(self._marked, label, ids)

        self.screen.run_worker(work, thread=True, group="writes", exit_on_error=False)

    def _marked(self, label: str, ids: list[int]) -> None:
        if not ids:
            self.screen.notify(f"{label}: nothing unread.")
            return
        self.undo = [*self.undo[-(UNDO_DEPTH - 1) :], (label, ids)]
        plural = "s" if len(ids) != 1 else ""
        self.screen.notify(f"{label}: {len(ids)} article{plural} marked read. u undoes.", timeout=8)
        self.screen.reload(keep_cursor=True)

    def undo_last(self) -> None:
        if not self.undo:
            self.screen.notify("Nothing to undo.")
            return
        if self.db.readonly:
            self.screen.notify("Read-only: another sitrep owns this cache.", severity="warning")
            return
        label, ids = self.undo.pop()

        def work() -> None:
            self.db.run(store.set_read, ids, False)
            self.screen.app.call_from_thread(self._undone, label, len(ids))

        self.screen.run_worker(work, thread=True, group="writes", exit_on_error=False)

    def _undone(self, label: str, count: int) -> None:
        self.screen.notify(f"Undone: {count} article{'s' if count != 1 else ''} unread again.")
        self.screen.reload(keep_cursor=True)


def read_commands(app: Any, screen: Any) -> Iterator[SystemCommand]:
    """Palette entries for the main screen's read state (the same actions as the keys)."""
    from tui.screens.main import MainScreen

    if not isinstance(screen, MainScreen):
        return
    yield SystemCommand(
        "Mark all listed read",
        "Every unread article the list shows (its feed, tag and filter); u undoes",
        screen.action_mark_listed_read,
    )
    yield SystemCommand(
        "Mark feed read", "The feed under the cursor (A); u undoes", screen.action_mark_feed_read
    )
    yield SystemCommand(
        "Show or hide read articles",
        "List only unread articles, or all (M)",
        screen.action_toggle_show_read,
    )
    yield SystemCommand("Undo mark read", "Back to unread (u)", screen.action_undo_read)
