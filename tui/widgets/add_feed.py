"""The "Add feed" prompt: an address, an optional name and tags, written to feeds.toml.

The file is edited by `tui.feeds_file.add_feeds` (comments kept, a .bak left behind); the app
then reloads the config and refreshes the new feed. Errors come back as a line in the prompt.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


@dataclass(frozen=True)
class NewFeed:
    url: str
    name: str
    tags: tuple[str, ...]


class AddFeedPrompt(ModalScreen[NewFeed | None]):
    DEFAULT_CSS = """
    AddFeedPrompt { align: center middle; background: $background 60%; }
    AddFeedPrompt > Vertical { width: 72; max-width: 95%; height: auto; background: $panel;
        padding: 1 2; }
    AddFeedPrompt Input { border: none; height: 1; margin-bottom: 1; background: $boost; }
    AddFeedPrompt Input:focus { background-tint: $accent 12%; }
    AddFeedPrompt .title { text-style: bold; color: $text-accent; margin-bottom: 1; }
    AddFeedPrompt #add-error { color: $text-error; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Add a feed (enter saves, esc cancels)"), classes="title")
            yield Input(placeholder="https://example.org/rss.xml", id="add-url")
            yield Input(placeholder="name (optional)", id="add-name")
            yield Input(placeholder="tags, space separated (optional)", id="add-tags")
            yield Static(id="add-error")

    def show_error(self, message: str) -> None:
        self.query_one("#add-error", Static).update(Content(message))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        url = self.query_one("#add-url", Input).value.strip()
        if not url.lower().startswith(("http://", "https://")):
            self.show_error("The address must start with http:// or https://")
            self.query_one("#add-url", Input).focus()
            return
        name = self.query_one("#add-name", Input).value.strip()
        tags = tuple(self.query_one("#add-tags", Input).value.split())
        self.dismiss(NewFeed(url, name, tags))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
