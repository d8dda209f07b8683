"""Two small modal questions used when managing feeds: one line of text, and yes or no.

They look like the note prompt (a bordered box in the middle of the screen) so every question
sitrep asks feels the same. Titles and messages may quote web text (a feed's name), so they are
always shown as plain `Content`, never parsed as markup.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.styles import sheet


class TextPrompt(ModalScreen[str | None]):
    """One line of text; enter gives it back (stripped), esc gives None."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt_cancel")]

    def __init__(
        self, title: str, value: str = "", *, placeholder: str = "", hint: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint or "enter confirms · esc cancels"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="prompt-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static(Content(self.hint), classes="prompt-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmPrompt(ModalScreen[bool]):
    """A yes/no question: y or enter say yes, n or esc say no."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, title: str, message: str, *, hint: str = "y/enter yes · n/esc no") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="prompt-title")
            yield Static(Content(self.message), classes="prompt-message")
            yield Static(Content(self.hint), classes="prompt-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
