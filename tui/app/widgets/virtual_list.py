"""A virtual list: renders only visible rows and loads pages on demand.

With a million cached articles only the count and the first page are read at start-up;
scrolling asks for further pages through the PageWanted message, which the screen answers off
the UI thread. A list may come before its count (a filter whose count takes long): it then
ends in one row that stands for "more", each page extends it, and `set_count` settles it.
Subclasses say how a row looks (`render_row`). The scroll bindings of ScrollView are not
inherited: rows never scroll sideways, and left/h belong to the screen (back, feeds pane).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.status_bar import StatusBar

PAGE_SIZE = 100
RowT = TypeVar("RowT")


def now_of(app: object) -> datetime:
    """The app's clock (tests freeze it through `make_app(now=...)`), else real time."""
    now = getattr(app, "now", None)
    return now() if callable(now) else datetime.now(UTC)


def fit(text: str, width: int) -> str:
    """Pad or cut *text* to exactly *width* terminal cells (wide characters count double)."""
    if width <= 0:
        return ""
    if text.isascii():
        return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class VirtualList(ScrollView, Generic[RowT], can_focus=True, inherit_bindings=False):
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("G,end", "last", "Bottom", show=False, id="last"),
        Binding("home", "first", "Top", show=False, id="first"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("enter,l", "open", "Open", id="open"),
    ]
    COMPONENT_CLASSES = {"virtual-list--cursor", "virtual-list--muted"}
    DEFAULT_CSS = """
    VirtualList { background: $surface; overflow-x: hidden; scrollbar-size-vertical: 1; }
    VirtualList > .virtual-list--cursor { background: $block-cursor-blurred-background; }
    VirtualList:focus > .virtual-list--cursor { background: $block-cursor-background;
        color: $block-cursor-foreground; text-style: $block-cursor-text-style; }
    VirtualList > .virtual-list--muted { color: $text-muted; }
    """

    cursor = reactive(0, always_update=True, repaint=False)  # watch_cursor repaints 2 lines

    class PageWanted(Message):
        def __init__(self, offset: int) -> None:
            self.offset = offset
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.count = 0
        self.open_ended = False  # the count is not known yet: the last row stands for more
        self._rows: dict[int, RowT] = {}
        self._pending: set[int] = set()
        self._pending_g = False
        self.generation = 0
        self.empty_text = ""  # shown when a result has no rows

    # ── data ──
    def reset(self, count: int | None, first_page: list[RowT], keep_cursor: bool = False) -> None:
        """Show a new result: its total count (None: not known yet) and its first page."""
        self.generation += 1
        self.open_ended = count is None
        if count is None:  # a reload keeps its length until the count comes
            count = max(len(first_page) + 1, self.count if keep_cursor else 0)
        self.count = count
        self._rows = dict(enumerate(first_page))
        self._pending.clear()
        self.virtual_size = Size(0, count)
        if keep_cursor:
            self.cursor = min(self.cursor, max(0, count - 1))
        else:
            self.scroll_to(y=0, animate=False)
            self.cursor = 0
        self.refresh()

    def add_page(self, generation: int, offset: int, rows: list[RowT]) -> None:
        if generation != self.generation:
            return  # a page for an older query: drop it
        self._pending.discard(offset)
        for index, row in enumerate(rows, start=offset):
            self._rows[index] = row
        if self.open_ended:
            end = offset + len(rows)
            self._settle(end if len(rows) < PAGE_SIZE else max(self.count, end + 1),
                         len(rows) < PAGE_SIZE)  # fmt: skip
        self.refresh()

    def set_count(self, generation: int, count: int) -> None:
        """The count of the result shown, once known."""
        if generation == self.generation and self.open_ended:
            self._settle(count, True)
            self.refresh()

    def _settle(self, count: int, known: bool) -> None:
        self.count = count
        self.open_ended = not known
        self.virtual_size = Size(0, count)
        self.cursor = min(self.cursor, max(0, count - 1))

    @property
    def current(self) -> RowT | None:
        return self._rows.get(self.cursor)

    def loaded(self, index: int) -> RowT | None:
        """The row at *index* if its page is here (None: not loaded yet, or out of range)."""
        return self._rows.get(index)

    def update_row(self, row_id: int, **changes: Any) -> None:
        for index, row in self._rows.items():
            if getattr(row, "id", None) == row_id:
                self._rows[index] = replace(row, **changes)  # type: ignore[type-var]
                self.refresh()
                return

    # ── rendering ──
    def render_row(self, row: RowT, width: int) -> list[Segment]:
        raise NotImplementedError

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= self.count:
            if index == 1 and self.count == 0 and self.empty_text:
                muted = self.get_component_rich_style("virtual-list--muted")
                return Strip([Segment(fit("  " + self.empty_text, width), muted)])
            return Strip.blank(width, self.rich_style)
        row = self._rows.get(index)
        if row is None:
            self._want(index)
            muted = self.get_component_rich_style("virtual-list--muted")
            return Strip([Segment(fit("  …", width), muted)])
        segments = self.render_row(row, width)
        if index == self.cursor:
            # The cursor goes on top of each cell's own style (Strip.apply_style goes under).
            cursor = self.get_component_rich_style("virtual-list--cursor")
            segments = [Segment(s.text, (s.style or cursor) + cursor) for s in segments]
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def _want(self, index: int) -> None:
        offset = index - index % PAGE_SIZE
        if offset not in self._pending:
            self._pending.add(offset)
            self.post_message(self.PageWanted(offset))

    # ── cursor ──
    def watch_cursor(self, old: int, new: int) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        else:  # no scroll: only the two rows whose look changed are painted again
            self.refresh_line(old)
            self.refresh_line(new)

    def action_cursor_down(self) -> None:
        if self.cursor < self.count - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, self.count - 1)

    def action_page_down(self) -> None:
        step = self.scrollable_content_region.height or 1
        self.cursor = min(max(0, self.count - 1), self.cursor + step)

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - (self.scrollable_content_region.height or 1))

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.opened(row)

    def opened(self, row: RowT) -> None:
        """Subclasses post their own Opened message."""

    def on_key(self, event: events.Key) -> None:
        """`g g` goes to the top, as in vim and newsboat."""
        if event.character == "g":
            event.stop()
            if self._pending_g:
                self._pending_g = False
                self.action_first()
            else:
                self._pending_g = True
                self.set_timer(0.8, self._clear_g)
        else:
            self._pending_g = False

    def _clear_g(self) -> None:
        self._pending_g = False

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.count:
            if index == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(0, self.count)


TRIES = 4  # None: an older list's count, stopped on its way out, stopped this one too


def count_later(
    rows: VirtualList[Any],
    status: Callable[[], StatusBar],
    count: Callable[[], int | None],
    current: Callable[[], bool],
) -> None:
    """A list shown before its count was known (a page may wait only so long for it,
    tui/store/pages.py) gets it from a thread of its own; shown on *rows* and the status bar
    if the list is still *current* (both read in the UI thread)."""

    def show(found: int) -> None:
        if current():
            rows.set_count(rows.generation, found)
            bar = status()
            bar.count, bar.more = found, False

    def run() -> None:
        for _ in range(TRIES):
            if not current():
                return
            if (found := count()) is not None:
                rows.app.call_from_thread(show, found)
                return

    rows.run_worker(
        run, thread=True, exclusive=True, group="counts", name="count", exit_on_error=False
    )
