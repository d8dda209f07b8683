"""One attribution frame in token indices, and the span arithmetic the frame finders share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Token = Any
Span = tuple[int, int]  # token indices, end exclusive

QUOTES = frozenset("\"“”'‘’«»") | {"``", "''"}
OPENING = frozenset(("“", '"', "``", "‘", "«"))
CLOSERS = frozenset((",", "”", '"', "''", "’", "—", "–"))


@dataclass(slots=True)
class Found:
    """One attribution: cue, source and content token spans, and the cue's kind."""

    cue: Span
    source: Span
    head: int  # the source's head token
    content: Span
    kind: str
    attached: bool = False  # a participle with no content of its own ("rejecting X"): no claim


def subtree(tok: Token, start: int, end: int) -> Span:
    """The token's phrase, clipped to the sentence [start, end)."""
    return max(tok.left_edge.i, start), min(tok.right_edge.i + 1, end)


_CLAUSAL = frozenset(("ccomp", "advcl", "parataxis", "relcl", "acl", "punct", "csubj", "xcomp"))


def np_span(tok: Token, start: int, end: int) -> Span:
    """A noun phrase: the token's subtree, less clauses hung on its left by a misparse.

    '"That's a legitimate concern," Sarandon told MSNBC' may come back with the quotation as
    a child of "Sarandon"; the phrase is still just "Sarandon".
    """
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ not in _CLAUSAL:
            lo = min(lo, child.left_edge.i)
    return max(lo, start), min(tok.right_edge.i + 1, end)


def trim(doc: Any, span: Span, *, quotes: bool = False) -> Span:
    """Drop punctuation at both ends of a span; quotation marks too when `quotes`."""
    lo, hi = span
    while lo < hi and doc[lo].is_punct and (quotes or doc[lo].text not in QUOTES):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and (quotes or doc[hi - 1].text not in QUOTES):
        hi -= 1
    return lo, hi


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
