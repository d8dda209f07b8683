"""The reading text with claims highlighted by status, sources underlined, entities marked.

Web text never becomes markup: every paragraph is a Content built from plain text plus spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.widgets import Static

STATUS_STYLES = {
    "claimed": "on #4d4216",
    "denied": "on #5c1f1f",
    "disputed": "on #5a2a55",
    "unconfirmed": "on #2c3a4f",
    "confirmed": "on #1f4d2c",
}
CURRENT_STYLE = "bold reverse"
SOURCE_STYLE = "underline bold"
CUE_STYLE = "italic"
ENTITY_STYLE = "underline dim"
FOCUS_ENTITY_STYLE = "bold reverse"


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


def legend() -> Content:
    text = ""
    spans = []
    for status, style in STATUS_STYLES.items():
        label = f" {status} "
        spans.append(Span(len(text), len(text) + len(label), style))
        text += label + " "
    text += " source underlined"
    spans.append(Span(len(text) - len("source underlined"), len(text), SOURCE_STYLE))
    return Content(text, spans)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    bounds = []
    position = 0
    for part in text.split("\n\n"):
        stripped = part.strip("\n")
        if stripped.strip():
            start = position + part.index(stripped)
            bounds.append((start, start + len(stripped)))
        position += len(part) + 2
    return bounds


class ReaderView(VerticalScroll, can_focus=True):
    """Paragraph widgets, so that moving to a claim can scroll its paragraph into view."""

    DEFAULT_CSS = """
    ReaderView { padding: 0 2; }
    ReaderView > .paragraph { margin-bottom: 1; }
    ReaderView > #legend { color: $text-muted; margin-bottom: 1; }
    ReaderView > #reader-title { text-style: bold; color: $accent; }
    ReaderView > #reader-meta { color: $text-muted; margin-bottom: 1; }
    ReaderView > #reader-note { color: $warning; margin-bottom: 1; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.text = ""
        self.claims: list[ClaimSpan] = []
        self.mentions: list[tuple[int, int]] = []
        self.focus_mentions: set[tuple[int, int]] = set()
        self.current = -1
        self._bounds: list[tuple[int, int]] = []

    def show(self, title: str, meta: str, text: str, claims: Sequence[ClaimSpan],
             mentions: Sequence[tuple[int, int]], note: str = "") -> None:
        self.text = text
        self.claims = sorted(claims, key=lambda c: (c.start, c.end))
        self.mentions = list(mentions)
        self.current = -1
        self._bounds = paragraph_bounds(text)
        self.remove_children()
        widgets = [Static(Content(title), id="reader-title"), Static(Content(meta), id="reader-meta")]
        if note:
            widgets.append(Static(Content(note), id="reader-note"))
        if self.claims:
            widgets.append(Static(legend(), id="legend"))
        widgets += [Static(self._paragraph(i), classes="paragraph")
                    for i in range(len(self._bounds))]
        self.mount_all(widgets)
        self.scroll_home(animate=False)

    def _paragraph(self, index: int) -> Content:
        start, end = self._bounds[index]
        spans: list[Span] = []

        def add(s: int, e: int, style: str) -> None:
            s, e = max(s, start), min(e, end)
            if e > s:
                spans.append(Span(s - start, e - start, style))

        for s, e in self.mentions:
            add(s, e, FOCUS_ENTITY_STYLE if (s, e) in self.focus_mentions else ENTITY_STYLE)
        for number, claim in enumerate(self.claims):
            add(claim.start, claim.end, STATUS_STYLES.get(claim.status, ""))
            if number == self.current:
                add(claim.start, claim.end, CURRENT_STYLE)
            add(claim.cue_start, claim.cue_end, CUE_STYLE)
            add(claim.source_start, claim.source_end, SOURCE_STYLE)
        return Content(self.text[start:end], spans)

    def _refresh_paragraphs(self, indexes: set[int]) -> None:
        paragraphs = list(self.query(".paragraph").results(Static))
        for index in indexes:
            if 0 <= index < len(paragraphs):
                paragraphs[index].update(self._paragraph(index))

    def _paragraph_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self._bounds):
            if offset < end:
                return index if offset >= start else max(0, index - 1)
        return max(0, len(self._bounds) - 1)

    def select_claim(self, number: int) -> ClaimSpan | None:
        if not self.claims:
            return None
        number = max(0, min(number, len(self.claims) - 1))
        touched = {self._paragraph_of(self.claims[number].start)}
        if self.current >= 0:
            touched.add(self._paragraph_of(self.claims[self.current].start))
        self.current = number
        self._refresh_paragraphs(touched)
        paragraphs = list(self.query(".paragraph").results(Static))
        target = self._paragraph_of(self.claims[number].start)
        if 0 <= target < len(paragraphs):
            self.scroll_to_widget(paragraphs[target], animate=False, top=False)
        return self.claims[number]

    def mark_entity(self, spans: Sequence[tuple[int, int]]) -> None:
        touched = {self._paragraph_of(s) for s, _ in self.focus_mentions}
        self.focus_mentions = set(spans)
        touched |= {self._paragraph_of(s) for s, _ in self.focus_mentions}
        self._refresh_paragraphs(touched)
        if spans:
            paragraphs = list(self.query(".paragraph").results(Static))
            first = self._paragraph_of(min(spans)[0])
            if 0 <= first < len(paragraphs):
                self.scroll_to_widget(paragraphs[first], animate=False, top=False)
