"""The "Add feed" prompt: an address, an optional name and tags, checked before anything is saved.

The first enter fetches and parses the address (the *check* callable, run in a thread: it does
network I/O) and shows what came back — "Frontline Wire — 10 items. Enter saves, Esc cancels" —
or why it failed. Only a second enter, for the address that was checked, gives the feed back to
the caller, which writes feeds.toml; a failure never writes anything. The feed's title and the
error text come from the web: shown as plain `Content`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.styles import sheet
from tui.core.errors import FetchError, ParseError
from tui.service.feeds import CheckedFeed


@dataclass(frozen=True)
class NewFeed:
    url: str
    name: str
    tags: tuple[str, ...]


class AddFeedPrompt(ModalScreen[NewFeed | None]):
    CSS_PATH = sheet("dialogs")
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel", id="prompt_cancel")]

    def __init__(self, check: Callable[[str], CheckedFeed], known: Mapping[str, str]) -> None:
        """*check* fetches and parses an address (raising FetchError or ParseError); *known*
        maps the addresses already in feeds.toml to their names."""
        super().__init__()
        self.check = check
        self.known = known
        self.checked: tuple[str, CheckedFeed] | None = None  # the address checked, its result
        self._token = 0  # a check answered after the address changed is ignored

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Add a feed (enter checks it, esc cancels)"), classes="title")
            yield Input(placeholder="https://example.org/rss.xml", id="add-url")
            yield Input(placeholder="name (optional: the feed's title)", id="add-name")
            yield Input(placeholder="tags, space separated (optional)", id="add-tags")
            yield Static(id="add-status")

    def show_status(self, message: str, kind: str = "") -> None:
        status = self.query_one("#add-status", Static)
        status.set_classes(f"-{kind}" if kind else "")
        status.update(Content(message))

    def show_error(self, message: str) -> None:
        self.show_status(message, "error")

    @on(Input.Changed, "#add-url")
    def _url_changed(self, event: Input.Changed) -> None:
        if self.checked is not None and event.value.strip() != self.checked[0]:
            self.checked = None
            self._token += 1
            self.show_status("The address changed: enter checks it again.")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        url = self.query_one("#add-url", Input).value.strip()
        if self.checked is not None and self.checked[0] == url:
            self._save(url, self.checked[1])
            return
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            self.show_error("The address must start with http:// or https://")
            self.query_one("#add-url", Input).focus()
            return
        if any(char.isspace() or not char.isprintable() for char in url):
            self.show_error("The address holds spaces or control characters.")
            return
        if url in self.known:
            self.show_error(f"Already in feeds.toml, as “{self.known[url]}”.")
            return
        self._token += 1
        self.show_status(f"Checking {url} …")
        self._run_check(url, self._token)

    @work(thread=True, exclusive=True, group="feed-check", exit_on_error=False)
    def _run_check(self, url: str, token: int) -> None:
        try:
            found = self.check(url)
        except FetchError as exc:
            self.app.call_from_thread(self._check_failed, token, f"Not added: {exc}")
        except ParseError as exc:
            self.app.call_from_thread(self._check_failed, token, f"Not added: {url}: {exc}")
        else:
            self.app.call_from_thread(self._check_passed, token, url, found)

    def _check_failed(self, token: int, message: str) -> None:
        if token == self._token and self.is_attached:
            self.show_error(message)

    def _check_passed(self, token: int, url: str, found: CheckedFeed) -> None:
        if token != self._token or not self.is_attached:
            return
        self.checked = (url, found)
        items = "1 item" if found.items == 1 else f"{found.items:,} items"
        title = found.title or "(untitled feed)"
        self.show_status(f"{title} — {items}. Enter saves, Esc cancels", "ok")

    def _save(self, url: str, found: CheckedFeed) -> None:
        name = self.query_one("#add-name", Input).value.strip() or found.title
        tags = tuple(self.query_one("#add-tags", Input).value.replace(",", " ").split())
        self.dismiss(NewFeed(url, name, tags))

    def action_dismiss_none(self) -> None:
        self._token += 1
        self.dismiss(None)
