"""Where the text is inside quotation marks, paragraph by paragraph.

Two uses: a claim whose content is quoted is a direct quote, and a reporting verb spoken inside
someone else's quotation ("'I think we won,' he said"; "'They told us to leave,' she said")
is part of that quote, not a claim the article attributes.

Curly quotes pair by direction, straight double quotes in order. A quotation left open at the
end of a paragraph runs to that paragraph's end (news style reopens it in the next paragraph,
which then pairs by itself). Single quotes are left alone: they are apostrophes far more often
than quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_MARK_RE = re.compile(r"[\"“”«»]|''|``")
_OPENERS = frozenset(("“", "«", "``"))
_TOGGLES = frozenset(('"', "''"))  # the same mark opens and closes


class QuoteMap:
    """Sorted, non-overlapping quotation spans with a fast `inside` test."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = _quote_spans(text)
        self._starts = [s for s, _ in self.spans]

    def enclosing(self, pos: int) -> tuple[int, int] | None:
        """The quotation span holding character `pos` (marks excluded), if any."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]:
            return self.spans[k]
        return None

    def opening_mark(self, inner_start: int) -> int:
        """Where the quotation mark that opens the span starting at `inner_start` begins."""
        two = self.text[max(0, inner_start - 2) : inner_start]
        return inner_start - 2 if two in ("``", "''") else inner_start - 1


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for end in [m.start() for m in _PARAGRAPH_RE.finditer(text)] + [len(text)]:
        _paragraph(text, pos, end, spans)
        pos = end
    return spans


def _paragraph(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Quotation spans of one paragraph; one left open runs to the paragraph's end."""
    open_at: int | None = None
    for m in _MARK_RE.finditer(text, start, end):
        mark = m.group()
        if mark in _OPENERS or (mark in _TOGGLES and open_at is None):
            if open_at is None:
                open_at = m.end()
        elif open_at is not None:
            out.append((open_at, m.start()))
            open_at = None
    if open_at is not None:
        out.append((open_at, end))
