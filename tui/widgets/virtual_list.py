"""A virtual list: renders only visible rows and loads pages on demand.

With 50k cached articles only the count and the first page are read at start-up; scrolling asks
for further pages through the PageWanted message, which the screen answers off the UI thread.
Subclasses say how a row looks (`render_row`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Generic, TypeVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

PAGE_SIZE = 200
RowT = TypeVar("RowT")


def fit(text: str, width: int) -> str:
    """Pad or cut *text* to exactly *width* cells (one cell per character assumed)."""
    if width <= 0:
        return ""
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(0, width - 1)] + "…"


class VirtualList(ScrollView, Generic[RowT], can_focus=True):
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("G,end", "last", "Bottom", show=False),
        Binding("home", "first", "Top", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter,l", "open", "Open"),
    ]
    COMPONENT_CLASSES = {"virtual-list--cursor", "virtual-list--muted"}
    DEFAULT_CSS = """
    VirtualList { background: $surface; }
    VirtualList > .virtual-list--cursor { background: $accent 40%; }
    VirtualList:focus > .virtual-list--cursor { background: $accent; color: $text; }
    VirtualList > .virtual-list--muted { color: $text-muted; }
    """

    cursor = reactive(0, always_update=True)

    class PageWanted(Message):
        def __init__(self, offset: int) -> None:
            self.offset = offset
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.count = 0
        self._rows: dict[int, RowT] = {}
        self._pending: set[int] = set()
        self._pending_g = False
        self.generation = 0

    # ── data ──
    def reset(self, count: int, first_page: list[RowT], keep_cursor: bool = False) -> None:
        """Show a new result: its total count and its first page."""
        self.generation += 1
        self.count = count
        self._rows = dict(enumerate(first_page))
        self._pending.clear()
        self.virtual_size = Size(self.size.width, count)
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
        self.refresh()

    @property
    def current(self) -> RowT | None:
        return self._rows.get(self.cursor)

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
        width = self.size.width
        if index >= self.count:
            return Strip.blank(width, self.rich_style)
        row = self._rows.get(index)
        if row is None:
            self._want(index)
            muted = self.get_component_rich_style("virtual-list--muted")
            return Strip([Segment(fit("  …", width), muted)])
        strip = Strip(self.render_row(row, width))
        if index == self.cursor:
            strip = strip.apply_style(self.get_component_rich_style("virtual-list--cursor"))
        return strip.crop_extend(0, width, self.rich_style)

    def _want(self, index: int) -> None:
        offset = index - index % PAGE_SIZE
        if offset not in self._pending:
            self._pending.add(offset)
            self.post_message(self.PageWanted(offset))

    # ── cursor ──
    def watch_cursor(self, new: int) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()

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
        self.virtual_size = Size(event.size.width, self.count)
