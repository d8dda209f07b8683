"""The note + tags prompt shown after `b`, and for `n` on the bookmarks screen.

Enter (in either field) saves; Esc leaves the note as it was — for a claim just bookmarked, that
is "saved without a note", because the bookmark was made durable before the prompt opened. For
a claim that is already bookmarked the prompt first offers a choice: `e` edit the note, `r`
remove the bookmark, Esc keep it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.app.styles import sheet

Action = Literal["save", "keep", "remove"]


@dataclass(frozen=True)
class NoteResult:
    action: Action
    note: str = ""
    tags: str = ""


class NotePrompt(ModalScreen[NoteResult]):
    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("escape", "keep", "Keep as it is", id="note_keep"),
        Binding("e", "edit", "Edit note", show=False, id="note_edit"),
        Binding("r", "remove", "Remove bookmark", show=False, id="note_remove"),
    ]

    def __init__(self, claim_text: str, *, note: str = "", tags: str = "",
                 title: str = "Bookmarked", existing: bool = False) -> None:
        super().__init__()
        self.claim_text = " ".join(claim_text.split())
        self.note = note
        self.tags = tags
        self.title_text = title
        self.choosing = existing

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="-choosing" if self.choosing else "-editing"):
            yield Static(Content(self.title_text), id="note-title")
            yield Static(Content(f"“{self.claim_text}”"), id="note-claim")
            with Vertical(id="note-choice"):
                yield Static(Content("This claim is already bookmarked."
                                     + (f" Note: {self.note}" if self.note else "")))
                with Horizontal():
                    yield Button("Edit note (e)", id="note-edit", variant="primary")
                    yield Button("Remove bookmark (r)", id="note-remove", variant="error")
                    yield Button("Keep (esc)", id="note-keep")
            with Vertical(id="note-fields"):
                yield Input(self.note, placeholder="Note (optional)", id="note-input")
                yield Input(self.tags, placeholder="Tags, separated by spaces or commas",
                            id="tags-input")
                yield Static(Content("enter save · tab next field · esc keep as it is"),
                             id="note-hint")

    def on_mount(self) -> None:
        if self.choosing:
            self.query_one("#note-edit", Button).focus()
        else:
            self.query_one("#note-input", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove"):
            return self.choosing
        return True

    def action_edit(self) -> None:
        self.choosing = False
        self.query_one("#note-dialog").set_classes("-editing")
        self.query_one("#note-input", Input).focus()
        self.refresh_bindings()

    def action_remove(self) -> None:
        self.dismiss(NoteResult("remove", self.note, self.tags))

    def action_keep(self) -> None:
        self.dismiss(NoteResult("keep", self.note, self.tags))

    @on(Button.Pressed, "#note-edit")
    def _edit_pressed(self) -> None:
        self.action_edit()

    @on(Button.Pressed, "#note-remove")
    def _remove_pressed(self) -> None:
        self.action_remove()

    @on(Button.Pressed, "#note-keep")
    def _keep_pressed(self) -> None:
        self.action_keep()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        note = self.query_one("#note-input", Input).value
        tags = self.query_one("#tags-input", Input).value
        self.dismiss(NoteResult("save", note.strip(), tags.strip()))
