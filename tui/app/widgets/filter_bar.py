"""The `/` filter bar: an input for the query language and a one-line message under it.

The bar knows the language, not the lists: it parses as you type and, after a short pause,
posts `Applied` with the parsed query; a malformed query shows its message here and posts
nothing, so the list keeps its last good result. Enter posts `Submitted` (the screen keeps the
filter and closes the bar), Esc posts `Cleared`. `Changed` is posted on every keystroke for
screens that want the raw text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.app.widgets.virtual_list import now_of
from tui.core.query import Query, QueryError, parse_query

DEBOUNCE_SECONDS = 0.12
PLACEHOLDER = 'words  "a phrase"  feed:  tag:  entity:  by:  status:  since:3d  is:unread  -not'


class FilterBar(Vertical):
    DEFAULT_CSS = """
    FilterBar { height: auto; display: none; padding: 0 1; background: $surface; }
    FilterBar.-open { display: block; }
    FilterBar Input { border: none; height: 1; padding: 0 1; background: $boost; }
    FilterBar Input:focus { border: none; background-tint: $accent 12%; }
    FilterBar #filter-error { color: $text-error; height: auto; padding: 0 1; display: none; }
    FilterBar #filter-error.-shown { display: block; }
    """
    BINDINGS = [Binding("escape", "clear", "Clear filter", show=False, id="clear")]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    class Applied(Message):
        """A well-formed query, after the typing paused."""

        def __init__(self, text: str, query: Query) -> None:
            self.text = text
            self.query = query
            super().__init__()

    class Submitted(Message):
        def __init__(self, text: str, query: Query | None = None) -> None:
            self.text = text
            self.query = query
            super().__init__()

    class Cleared(Message):
        pass

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="filter-input", select_on_focus=False)
        yield Static(id="filter-error")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, text: str = "") -> None:
        self.add_class("-open")
        with self.input.prevent(Input.Changed):
            self.input.value = text
        self.input.cursor_position = len(text)
        self.input.focus()

    def close(self) -> None:
        self._stop()
        self.remove_class("-open")
        self.show_error("")

    def show_error(self, message: str) -> None:
        error = self.query_one("#filter-error", Static)
        error.update(Content(message))
        error.set_class(bool(message), "-shown")

    def parse(self, text: str) -> Query | None:
        """The query, or None after showing why it is malformed."""
        try:
            query = parse_query(text, now_of(self.app))
        except QueryError as exc:
            self.show_error(str(exc))
            return None
        self.show_error("")
        return query

    def _stop(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))
        self._stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self._apply(event.value))

    def _apply(self, text: str) -> None:
        self._debounce = None
        query = self.parse(text)
        if query is not None:
            self.post_message(self.Applied(text.strip(), query))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._stop()
        self.post_message(self.Submitted(event.value.strip(), self.parse(event.value)))

    def action_clear(self) -> None:
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.close()
        self.post_message(self.Cleared())


BarEvent = FilterBar.Applied | FilterBar.Submitted | FilterBar.Cleared


def settle(
    event: BarEvent, bar: FilterBar, focus_to: Widget,
    refuse: Callable[[Query], str | None] = lambda query: None,
) -> tuple[str, Query] | None:  # fmt: skip
    """What a list screen does with its bar's message: (text, query) to filter by, or None.

    Cleared is no filter; a malformed query changes nothing (the bar says why); a query the
    screen *refuse*s (its reason shown in the bar) neither; enter also closes the bar and gives
    the list the focus back.
    """
    if isinstance(event, FilterBar.Cleared):
        focus_to.focus()
        return "", Query()
    if event.query is None:
        return None
    reason = refuse(event.query)
    if reason:
        bar.show_error(reason)
        return None
    if isinstance(event, FilterBar.Submitted):
        bar.close()
        focus_to.focus()
    return event.text, event.query
