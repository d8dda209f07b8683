"""The reading text with claims highlighted by status, sources underlined, entities marked.

Web text never becomes markup: every paragraph is a Content built from plain text plus spans.
One Static per paragraph, so moving to a claim scrolls its paragraph into view and repaints
only the paragraphs it touched.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.widgets import Static

from tui.app.widgets.status_looks import (
    LOOKS,
    SET_BY_YOU,
    SET_BY_YOU_STYLE,
    glyph_style,
    look,
    tint_style,
)
from tui.core.models import Evidence

STATUS_STYLES = {status: tint_style(status) for status in LOOKS}
CURRENT_STYLE = "on $accent 45%"
# The evidence behind the current claim's status: another hue than the claim's, and underlined,
# so it stands out from the status tints and from the current claim at any colour depth.
EVIDENCE_STYLE = "on $primary 50% underline"
BOOKMARKED_STYLE = "overline"
SOURCE_STYLE = "underline bold"
CUE_STYLE = "italic"
ENTITY_STYLE = "$text-primary"
FOCUS_ENTITY_STYLE = "bold reverse"
_MAX_BLOCK = 3000  # long unbroken text (raw HTML) is cut into blocks of about this size


@dataclass(frozen=True)
class ClaimSpan:
    start: int
    end: int
    source_start: int
    source_end: int
    cue_start: int
    cue_end: int
    status: str
    source: str
    evidence: tuple[Evidence, ...] = ()
    manual: bool = False  # the user set the status (`v`)
    analysis_status: str = ""  # the analyzer's status (the same as `status` unless manual)

    @property
    def spot(self) -> tuple[int, int]:
        """Where the claim sits: one sentence can carry two claims with different sources."""
        return (self.start, self.source_start)


def legend() -> Content:
    """One line: each status's glyph and colour, how a source is marked, the hand-set mark."""
    text = ""
    spans = []
    for status in LOOKS:
        spans.append(Span(len(text), len(text) + 1, glyph_style(status)))
        spans.append(Span(len(text) + 2, len(text) + 2 + len(status), STATUS_STYLES[status]))
        text += f"{look(status).glyph} {status}  "
    text += "source underlined"
    start = text.index("source underlined")
    spans.append(Span(start, start + len("source underlined"), SOURCE_STYLE))
    text += f"  {SET_BY_YOU} set by you (v)"
    return Content(text, spans)


def with_markers(content: Content, offset: int, claims: Sequence[ClaimSpan]) -> Content:
    """*content* (the paragraph starting at *offset*) with each claim's status glyph put
    before it. The glyph is not part of the text: offsets into the text stay the text's."""
    for claim in sorted(claims, key=lambda c: c.start, reverse=True):
        at = claim.start - offset
        if 0 <= at <= len(content.plain):
            marker = Content.styled(look(claim.status).glyph, glyph_style(claim.status))
            if claim.manual:
                marker += Content.styled(SET_BY_YOU, SET_BY_YOU_STYLE)
            content = content[:at] + marker + content[at:]
    return content


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blank-line separated); very long ones cut in blocks."""
    bounds = []
    position = 0
    for part in text.split("\n\n"):
        stripped = part.strip("\n")
        if stripped.strip():
            start = position + part.index(stripped)
            bounds += _blocks(text, start, start + len(stripped))
        position += len(part) + 2
    return bounds


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    blocks = []
    while end - start > _MAX_BLOCK:
        cut = text.rfind("\n", start + _MAX_BLOCK // 2, start + _MAX_BLOCK)
        if cut <= start:
            cut = text.rfind(" ", start + _MAX_BLOCK // 2, start + _MAX_BLOCK)
        cut = cut if cut > start else start + _MAX_BLOCK
        blocks.append((start, cut))
        start = cut
    blocks.append((start, end))
    return blocks


class ReaderView(VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    ReaderView { padding: 0 2; background: $surface; scrollbar-size-vertical: 1; }
    ReaderView > .paragraph { margin-bottom: 1; max-width: 100; }
    ReaderView > #legend { color: $text-muted; margin-bottom: 1; }
    ReaderView > #reader-title { text-style: bold; color: $text-accent; margin-top: 1; }
    ReaderView > #reader-meta {
        color: $text-muted; margin-bottom: 1; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ReaderView > #reader-note { color: $text-warning; margin-bottom: 1; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.text = ""
        self.claims: list[ClaimSpan] = []
        self.bookmarked: set[tuple[int, int]] = set()  # spots of bookmarked claims
        self.mentions: list[tuple[int, int]] = []
        self.focus_mentions: set[tuple[int, int]] = set()
        self.current = -1
        self._bounds: list[tuple[int, int]] = []
        self._showing = asyncio.Lock()

    async def show(
        self,
        title: str,
        meta: str,
        text: str,
        claims: Sequence[ClaimSpan],
        mentions: Sequence[tuple[int, int]],
        note: str = "",
    ) -> None:
        """Replace the article shown. Awaitable, and one at a time: a second call while the
        first is still mounting would otherwise remove half-mounted paragraphs."""
        async with self._showing:
            await self._show(title, meta, text, claims, mentions, note)

    async def _show(
        self,
        title: str,
        meta: str,
        text: str,
        claims: Sequence[ClaimSpan],
        mentions: Sequence[tuple[int, int]],
        note: str,
    ) -> None:
        self.text = text
        self.claims = sorted(claims, key=lambda c: (c.start, c.end))
        self.mentions = list(mentions)
        self.focus_mentions = set()
        self.current = -1
        self._bounds = paragraph_bounds(text)
        await self.remove_children()
        widgets = [
            Static(Content(title), id="reader-title"),
            Static(Content(meta), id="reader-meta"),
        ]
        if note:
            widgets.append(Static(Content(note), id="reader-note"))
        if self.claims:
            widgets.append(Static(legend(), id="legend"))
        widgets += [
            Static(self._paragraph(i), classes="paragraph") for i in range(len(self._bounds))
        ]
        await self.mount_all(widgets)
        self.scroll_home(animate=False)

    def _paragraph(self, index: int) -> Content:
        start, end = self._bounds[index]
        spans: list[Span] = []

        def add(s: int, e: int, style: str) -> None:
            s, e = max(s, start), min(e, end)
            if e > s:
                spans.append(Span(s - start, e - start, style))

        for number, claim in enumerate(self.claims):
            if claim.end <= start or claim.start >= end:
                continue
            add(claim.start, claim.end, STATUS_STYLES.get(claim.status, ""))
            if number == self.current:
                add(claim.start, claim.end, CURRENT_STYLE)
            if claim.spot in self.bookmarked:
                add(claim.start, claim.end, BOOKMARKED_STYLE)
            add(claim.cue_start, claim.cue_end, CUE_STYLE)
            add(claim.source_start, claim.source_end, SOURCE_STYLE)
        if 0 <= self.current < len(self.claims):
            for item in self.claims[self.current].evidence:
                add(item.start, item.end, EVIDENCE_STYLE)
        for s, e in self.mentions:
            if start < e and s < end:
                add(s, e, FOCUS_ENTITY_STYLE if (s, e) in self.focus_mentions else ENTITY_STYLE)
        starting = [c for c in self.claims if start <= c.start < end]
        return with_markers(Content(self.text[start:end], spans), start, starting)

    def _paragraphs(self) -> list[Static]:
        return list(self.query(".paragraph").results(Static))

    def _refresh_paragraphs(self, indexes: set[int]) -> None:
        paragraphs = self._paragraphs()
        for index in indexes:
            if 0 <= index < len(paragraphs):
                paragraphs[index].update(self._paragraph(index))

    def _paragraph_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self._bounds):
            if offset < end:
                return index if offset >= start else max(0, index - 1)
        return max(0, len(self._bounds) - 1)

    def _reveal(self, offset: int) -> None:
        paragraphs = self._paragraphs()
        target = self._paragraph_of(offset)
        if 0 <= target < len(paragraphs):
            self.scroll_to_center(paragraphs[target], animate=False)

    def mark_bookmarked(self, spots: set[tuple[int, int]]) -> None:
        """Overline the bookmarked claims (repaints only the paragraphs that change)."""
        changed = spots ^ self.bookmarked
        self.bookmarked = set(spots)
        self._refresh_paragraphs({self._paragraph_of(start) for start, _ in changed})

    def _touches(self, claim: ClaimSpan) -> set[int]:
        """The paragraphs a claim's marks reach: its own and its evidence's."""
        ends = [offset for e in claim.evidence for offset in (e.start, e.end - 1)]
        return {self._paragraph_of(offset) for offset in (claim.start, *ends)}

    def replace_claim(self, number: int, claim: ClaimSpan) -> None:
        """Show a claim's new status (set by the user) where it is."""
        if 0 <= number < len(self.claims):
            touched = self._touches(self.claims[number]) | self._touches(claim)
            self.claims[number] = claim
            self._refresh_paragraphs(touched)

    def select_claim(self, number: int) -> ClaimSpan | None:
        if not self.claims:
            return None
        number = max(0, min(number, len(self.claims) - 1))
        touched = self._touches(self.claims[number])
        if self.current >= 0:
            touched |= self._touches(self.claims[self.current])
        self.current = number
        self._refresh_paragraphs(touched)
        self._reveal(self.claims[number].start)
        return self.claims[number]

    def mark_entity(self, spans: Sequence[tuple[int, int]]) -> None:
        touched = {self._paragraph_of(s) for s, _ in self.focus_mentions}
        self.focus_mentions = set(spans)
        touched |= {self._paragraph_of(s) for s, _ in self.focus_mentions}
        self._refresh_paragraphs(touched)
        if spans:
            self._reveal(min(spans)[0])
