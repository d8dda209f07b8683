"""The small chooser `v` opens on a claim: the five statuses, and back to the analysis's.

It only says what was chosen (a status, ANALYSIS, or None for esc); `tui.app.flows.claim_status`
stores it. The status in force is marked and highlighted first; "back to the analysis" is there
only while the user's word is in force, and names the analysis's status.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.styles import sheet
from tui.app.widgets.status_looks import LOOKS, SET_BY_YOU, glyph_style, look
from tui.core.models import CLAIM_STATUSES

ANALYSIS = "analysis"  # the choice that gives the claim back to the analysis


def _label(status: str, current: bool) -> Content:
    text = f"{look(status).glyph} {status}"
    label = Content.styled(text, glyph_style(status))
    return label + Content("  (now)" if current else "")


class StatusChooser(ModalScreen[str | None]):
    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="prompt_cancel"),
        Binding("j", "move(1)", "Down", show=False, id="cursor_down"),
        Binding("k", "move(-1)", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self, status: str, analysis_status: str, manual: bool) -> None:
        super().__init__()
        self.status = status
        self.analysis_status = analysis_status or status
        self.manual = manual

    def compose(self) -> ComposeResult:
        options: list[Option | None] = [
            Option(_label(status, status == self.status), id=status)
            for status in CLAIM_STATUSES
            if status in LOOKS
        ]
        if self.manual:
            options += [
                None,
                Option(
                    Content(f"back to the analysis ({self.analysis_status})"), id=ANALYSIS
                ),
            ]
        with Vertical():
            yield Static(Content(f"Set the status {SET_BY_YOU}"), id="status-chooser-title")
            yield OptionList(*options)
            yield Static(
                Content("kept apart from the analysis · enter sets · esc closes"),
                id="status-chooser-hint",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.status in CLAIM_STATUSES:
            options.highlighted = CLAIM_STATUSES.index(self.status)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
