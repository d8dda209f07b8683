"""The stored copy of a bookmark whose article was purged: read-only, with its citation."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.flows.browser import open_in_browser
from tui.app.flows.clipboard import copy_text
from tui.app.styles import sheet
from tui.service.bookmarks import bookmark_citation


class StoredCopyScreen(ModalScreen[None]):
    """A bookmark whose article was purged: the copy kept with the bookmark, read-only."""

    CSS_PATH = sheet("dialogs")
    BINDINGS = [
        Binding("escape,h,q", "dismiss", "Close", id="back"),
        Binding("y", "copy_citation", "Copy citation", id="copy_citation"),
        Binding("o", "open_browser", "Open in browser", id="open_browser"),
    ]

    def __init__(self, record: dict[str, Any]) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        r = self.record
        claim = " ".join((r["claim_text"] or "").split())
        spans = []
        at = claim.find(r["source"]) if r["source"] else -1
        if at >= 0:
            spans.append(Span(at, at + len(r["source"]), "underline bold"))
        meta = " · ".join(p for p in (r["feed_name"], (r["published"] or "")[:16].replace(
            "T", " "), r["article_url"]) if p)
        details = f"{r['source']} · {r['status']} · {r['cue']} · {r['quote']}"
        with VerticalScroll(id="stored-copy"):
            yield Static(Content(r["article_title"] or "(untitled)"), classes="stored-title")
            yield Static(Content(meta), classes="stored-muted")
            yield Static(Content("The article is no longer in the cache: this is the copy kept "
                                 "with the bookmark."), classes="stored-muted")
            yield Static(Content(claim, spans), classes="stored-claim")
            yield Static(Content(details), classes="stored-muted")
            if r["note"]:
                yield Static(Content(f"Note: {r['note']}"))
            if r["tags"]:
                yield Static(Content("Tags: " + ", ".join(r["tags"].split())))

    def action_copy_citation(self) -> None:
        copy_text(self, bookmark_citation(self.record))

    def action_open_browser(self) -> None:
        open_in_browser(self, self.record["article_url"] or "", schemes=("http://", "https://"),
                        missing="This bookmark has no web address.")
