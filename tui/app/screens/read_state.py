"""Read state on the main screen: `m` toggle, `M` show/hide read, `n`/`N` next/previous unread,
`A` mark a feed read, mark everything listed read, and `u` to undo the last of those.

The article list loads in pages, so the next unread article may not be on screen yet: the
search looks at the loaded rows first and reads further pages in a thread only when it must
(the pages it reads go into the list, so scrolling there later costs nothing).

A mark-read remembers exactly which articles it changed; undo sets those back to unread and
nothing else, so articles read one by one in between keep their state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, Protocol

from textual.app import App, SystemCommand

from tui.app.widgets.article_list import PAGE_SIZE, ArticleList, ArticleRow
from tui.app.widgets.feed_list import FeedInfo, FeedList, SearchInfo
from tui.core.query import Query, Term
from tui.service.library import Library

UNREAD = Term("is", "unread")
UNDO_DEPTH = 20


class ListScreen(Protocol):
    """What ReadState needs of the screen it serves (the main screen)."""

    app: App[Any]
    hide_read: bool
    query_text: str
    scope_label: str
    filter_query: Query

    @property
    def articles(self) -> ArticleList: ...
    @property
    def feeds(self) -> FeedList: ...
    @property
    def library(self) -> Library: ...
    def effective_query(self) -> Query: ...
    def reload(self, keep_cursor: bool = False) -> None: ...
    def set_filter(self, text: str, query: Query) -> None: ...
    def show_feeds(self, feeds: list[FeedInfo], searches: list[SearchInfo]) -> None: ...
    def read_pane(self) -> tuple[list[FeedInfo], list[SearchInfo]]: ...
    def target_feed(self) -> FeedInfo | None: ...
    def notify(self, message: str, *, severity: Any = ..., timeout: float | None = ...) -> None:
        ...
    def run_worker(self, work: Callable[[], None], **kwargs: Any) -> Any: ...


class ReadState:
    """The main screen's read-state actions (the screen owns the bindings)."""

    def __init__(self, screen: ListScreen) -> None:
        self.screen = screen
        self.undo: list[tuple[str, list[int]]] = []  # (what was done, ids it changed)
        self._open_it = False

    @property
    def library(self) -> Library:
        return self.screen.library

    def run(self, what: str) -> None:
        """One of the screen's read-state keys, by name."""
        actions: dict[str, Callable[[], None]] = {
            "toggle": self.toggle,
            "toggle_shown": self.toggle_shown,
            "next": lambda: self.jump(1, open_it=True, here=True),
            "previous": lambda: self.jump(-1, open_it=True),
            "feed": self.mark_target_feed_read,
            "undo": self.undo_last,
        }
        actions[what]()

    # ── m / M ──
    def toggle(self) -> None:
        articles = self.screen.articles
        row = articles.current
        if row is None:
            return
        articles.update_row(row.id, read=not row.read)
        self.screen.run_worker(
            partial(self._set_read, row.id, not row.read),
            thread=True, group="writes", exit_on_error=False,
        )

    def _set_read(self, article_id: int, read: bool) -> None:
        self.library.set_read([article_id], read)
        self.screen.app.call_from_thread(self.screen.show_feeds, *self.screen.read_pane())

    def toggle_shown(self) -> None:
        screen = self.screen
        screen.hide_read = not screen.hide_read
        screen.notify(
            "Showing unread articles only." if screen.hide_read else "Showing every article."
        )
        screen.set_filter(screen.query_text, screen.filter_query)  # the same filter, again

    # ── n / N ──
    def jump(self, step: int, open_it: bool = False, here: bool = False) -> None:
        """Move the cursor to the next (step 1) or previous (-1) unread article, and open it
        when *open_it* (n/N, as in newsboat). *here*: the article under the cursor counts when
        it is unread (n on the list opens it)."""
        self._open_it = open_it
        articles = self.screen.articles
        index = articles.cursor + (0 if here else step)
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
        query = screen.effective_query()
        count = screen.articles.count
        while 0 <= index < count:
            offset = index - index % PAGE_SIZE
            page = self.library.page_articles(query, limit=PAGE_SIZE, offset=offset)
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
    def mark_target_feed_read(self) -> None:
        """A: every unread article of the feed in focus (pane, scope, or the current article)."""
        feed = self.screen.target_feed()
        if feed is None:
            self.screen.notify("No feed here: pick one in the feeds pane (h).", severity="warning")
            return
        self.mark_feed_read(feed.id, feed.name)

    def mark_feed_read(self, feed_id: int, name: str) -> None:
        self._run(lambda: self.library.unread_of_feed(feed_id), name)

    def mark_listed_read(self) -> None:
        """Palette: every unread article the list shows (its feed, tag and filter)."""
        screen = self.screen
        label = "  ".join(p for p in (screen.scope_label, screen.query_text) if p)
        query = screen.effective_query()

        def ids() -> list[int]:
            # One search, every row: a negative LIMIT has no upper bound in SQLite.
            rows = self.library.page_articles(query.with_terms(UNREAD), limit=-1)
            return [r["id"] for r in rows]

        self._run(ids, label or "All articles")

    def _run(self, find: Any, label: str) -> None:
        if self.library.readonly:
            self.screen.notify("Read-only: another sitrep owns this cache.", severity="warning")
            return

        def work() -> None:
            ids = find()
            if ids:
                self.library.set_read(ids, True)
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
        if self.library.readonly:
            self.screen.notify("Read-only: another sitrep owns this cache.", severity="warning")
            return
        label, ids = self.undo.pop()

        def work() -> None:
            self.library.set_read(ids, False)
            self.screen.app.call_from_thread(self._undone, label, len(ids))

        self.screen.run_worker(work, thread=True, group="writes", exit_on_error=False)

    def _undone(self, label: str, count: int) -> None:
        self.screen.notify(f"Undone: {count} article{'s' if count != 1 else ''} unread again.")
        self.screen.reload(keep_cursor=True)

    def commands(self) -> Iterator[SystemCommand]:
        """Palette entries for read state (the same actions as the keys)."""
        yield SystemCommand(
            "Mark all listed read",
            "Every unread article the list shows (its feed, tag and filter); u undoes",
            self.mark_listed_read,
        )
        yield SystemCommand(
            "Mark feed read", "The feed under the cursor (A); u undoes", self.mark_target_feed_read
        )
        yield SystemCommand(
            "Show or hide read articles", "List only unread articles, or all (M)",
            self.toggle_shown,
        )
        yield SystemCommand("Undo mark read", "Back to unread (u)", self.undo_last)
