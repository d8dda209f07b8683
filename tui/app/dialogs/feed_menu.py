"""The small menu `f` opens for one feed: rename, tags, remove, mark all read, refresh now.

It only says which entry was chosen (its id, or None for esc); `tui.app.flows.feeds` does
the work, so the palette and the menu run the same code. The feed's name is web text when it
came from the feed itself: shown as plain `Content`.
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

ENTRIES = (
    ("rename", "Rename…"),
    ("tags", "Tags…"),
    ("remove", "Remove…"),
    ("mark_read", "Mark all read"),
    ("refresh", "Refresh now"),
)


class FeedMenu(ModalScreen[str | None]):
    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="prompt_cancel"),
        Binding("j", "move(1)", "Down", show=False, id="cursor_down"),
        Binding("k", "move(-1)", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self, feed_name: str) -> None:
        super().__init__()
        self.feed_name = feed_name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.feed_name), id="feed-menu-title")
            yield OptionList(*(Option(label, id=key) for key, label in ENTRIES))
            yield Static(Content("enter chooses · esc closes"), id="feed-menu-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

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
