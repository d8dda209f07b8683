"""The claims view's preview: the claim under the cursor in full.

First its status and why ("disputed by Ukrainian Air Force", or the user's word and the
analysis's), its source (canonical name, side, and the words the article used), then the whole
sentence, then each piece of evidence with its kind and whose it is. Web text is plain Content.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.app.widgets.status_looks import SET_BY_YOU_STYLE, glyph_style, look, marker
from tui.app.widgets.status_words import KIND_WORDS, STATUS_OF_KIND, status_line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _same_name(written: str, canonical: str) -> bool:
    """The words the article used say nothing more than the canonical name ("the main hospital"
    for "main hospital", other case, curly apostrophes)."""

    def plain(name: str) -> str:
        name = _one_line(name).replace("\u2019", "'").casefold()
        return name.removeprefix("the ")

    return plain(written) == plain(canonical)


def preview_content(claim: Mapping[str, Any]) -> Content:
    """The preview of one claim (`Library.claim_preview`)."""
    status = claim["status"]
    why = status_line(
        status, claim["evidence"], manual=claim["manual"], analysis_status=claim["analysis_status"]
    )
    head = Content.styled(f"{marker(status, claim['manual'])}{why}", glyph_style(status))
    if claim["manual"]:
        head = head.stylize(SET_BY_YOU_STYLE, 1, 2)
    who = claim["source_canonical"] or claim["source"]
    side = f" ({claim['affiliation']})" if claim["affiliation"] else ""
    written = (
        "" if _same_name(claim["source"], who) else f" · written “{_one_line(claim['source'])}”"
    )
    lines = [
        head,
        Content.styled(f"{who}{side}", "bold") + Content.styled(written, "$text-muted"),
        Content(_one_line(claim["text"])),
    ]
    for item, text in zip(claim["evidence"], claim["evidence_text"], strict=False):
        backed = STATUS_OF_KIND.get(item.kind, "")
        label = KIND_WORDS.get(item.kind, item.kind)
        if item.by and item.kind != "denial":
            label += f" {item.by}"
        lines.append(
            Content.styled(f"{look(backed).glyph} {label}: ", glyph_style(backed))
            + Content.styled(f"“{text}”", "italic")
        )
    if not claim["evidence"]:
        lines.append(Content.styled("no evidence about it in the article", "$text-muted"))
    return Content("\n").join(lines)


class ClaimPreview(VerticalScroll, can_focus=False):
    """A few lines under the list; `\\` hides it."""

    DEFAULT_CSS = """
    ClaimPreview { height: 8; background: $panel; border-top: hkey $panel-lighten-1;
        padding: 0 1; scrollbar-size-vertical: 1; }
    ClaimPreview > Static { width: 1fr; }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="claim-preview-text")

    def show(self, claim: Mapping[str, Any] | None) -> None:
        text = self.query_one("#claim-preview-text", Static)
        text.update(preview_content(claim) if claim is not None else Content(""))
        self.scroll_home(animate=False)
