"""The `/` filter bar: an input for the query language and a one-line message under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class FilterBar(Vertical):
    DEFAULT_CSS = """
    FilterBar { height: auto; display: none; }
    FilterBar.-open { display: block; }
    FilterBar Input { border: tall $accent; height: 3; }
    FilterBar #filter-error { color: $error; height: auto; padding: 0 1; display: none; }
    FilterBar #filter-error.-shown { display: block; }
    """
    BINDINGS = [Binding("escape", "clear", "Clear filter", show=False)]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    class Cleared(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Input(placeholder='words  "phrase"  feed:  tag:  entity:  by:  status:  since:3d  '
                    "is:unread  -not", id="filter-input")
        yield Static(id="filter-error")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    def open(self, text: str = "") -> None:
        self.add_class("-open")
        self.input.value = text
        self.input.cursor_position = len(text)
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-open")
        self.show_error("")

    def show_error(self, message: str) -> None:
        error = self.query_one("#filter-error", Static)
        error.update(Content(message))
        error.set_class(bool(message), "-shown")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_clear(self) -> None:
        self.input.value = ""
        self.close()
        self.post_message(self.Cleared())
