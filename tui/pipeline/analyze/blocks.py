"""Statements printed whole: a paragraph in quotation marks under a line naming who issued it.

Monitoring services and papers print a party's statement as a block ("Communiqué of the
Ministry of Defence, read on state radio on 9 May." / "Statement by the Office for X,
published on 14 May." / "The Guards issued the following statement:"), then the statement's
text in quotation marks, one paragraph or several. No sentence of the block has a reporting
verb, yet each is the issuer's statement: each becomes a claim of the issuer, its source and
cue the header's ("Communiqué", "Statement", "issued"), its sentence and content the block's
sentence. A sentence that holds a claim of its own is left to it.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.quotes import QuoteMap
from tui.pipeline.analyze.sources import Draft

_NOUN = r"(?:[Ss]tatement|[Cc]ommuniqu[ée]|[Cc]ommunique|[Dd]eclaration|[Mm]essage|[Tt]ext)"
# "Statement by the Serbian government's Office for Kosovo, published on 14 May."
# "Communiqué of the Ministry of Defence of Cameroon, read on the state broadcaster ..."
# "Full text of a statement issued by the Taliban's spokesman on Sunday:"
_TITLE_RE = re.compile(
    r"\s*(?:(?:The\s+)?(?:[Ff]ull\s+)?[Tt]ext\s+of\s+(?:the|a|an)\s+)?(?P<cue>" + _NOUN + r")"
    r"\s+(?:(?:issued|released|published)\s+)?(?:of|by|from)\s+(?P<issuer>[^,.;:\n]+?)"
    r"(?=\s*[,.;:]|\s+(?:read|published|issued|released|broadcast|posted|carried|on|dated|"
    r"in|at)\b)"
)
# "... issued the following statement", "The ministry's statement reads as follows:"
_FOLLOWING_RE = re.compile(r"\bthe\s+following\s+" + _NOUN + r"|\bas\s+follows\s*:?\s*$")
_OPENING = frozenset('"“')


def add(
    doc: Any, text: str, quoted: QuoteMap, sentences: list[tuple[int, int]], drafts: list[Draft]
) -> list[Draft]:
    """`drafts` with a claim for each sentence of every statement block, in text order; a
    draft whose whole content is "the following statement" gives way to its block."""
    paragraphs = _paragraphs(text)
    found: list[Draft] = []
    dropped: set[int] = set()
    for k in range(1, len(paragraphs)):
        block = _block(text, quoted, paragraphs, k)
        if not block:
            continue
        head_lo, head_hi = paragraphs[k - 1]
        issuer = _issuer(doc, text, head_lo, head_hi, drafts, dropped)
        if issuer is None:
            continue
        for lo, hi in block:
            for s, e in sentences:
                if s < lo - 1 or e > hi + 2 or any(d.sent[0] < e and s < d.sent[1] for d in drafts):
                    continue
                content = (max(s, lo), min(e, hi))
                if content[1] - content[0] < 3:
                    continue
                found.append(
                    Draft(sent=(s, e), cue=issuer.cue, source=issuer.source, content=content,
                          kind=cues.SPEECH, head=issuer.head, tokens=issuer.tokens)
                )
    if not found:
        return drafts
    kept = [d for n, d in enumerate(drafts) if n not in dropped]
    return sorted(kept + found, key=lambda d: (d.sent[0], d.source[0]))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(lo + len(text[lo:hi]) - len(text[lo:hi].lstrip()), hi) for lo, hi in out]


def _block(
    text: str, quoted: QuoteMap, paragraphs: list[tuple[int, int]], k: int
) -> list[tuple[int, int]]:
    """The quotation spans of paragraph k and the wholly quoted paragraphs after it, when
    paragraph k is itself wholly in quotation marks; else []."""
    spans = []
    for lo, hi in paragraphs[k:]:
        inner = _whole_quotation(text, quoted, lo, hi)
        if inner is None:
            break
        spans.append(inner)
    return spans


def _whole_quotation(text: str, quoted: QuoteMap, lo: int, hi: int) -> tuple[int, int] | None:
    body = text[lo:hi].rstrip()
    if len(body) < 20 or body[0] not in _OPENING:
        return None
    inside = quoted.enclosing(lo + 1)
    if inside is None or inside[0] != lo + 1 or inside[1] < lo + len(body) - 3:
        return None
    return inside


class _Issuer(NamedTuple):
    """The header's issuer: its span and cue (characters), head token and token span."""

    source: tuple[int, int]
    cue: tuple[int, int]
    head: int
    tokens: tuple[int, int]


def _issuer(
    doc: Any, text: str, lo: int, hi: int, drafts: list[Draft], dropped: set[int]
) -> _Issuer | None:
    """Who issued the statement the header at text[lo:hi] introduces."""
    for n, d in enumerate(drafts):  # "The Guards issued the following statement, read ..."
        if lo <= d.cue[0] < hi and _FOLLOWING_RE.search(text, d.content[0], d.content[1]):
            dropped.add(n)
            return _Issuer(d.source, d.cue, d.head, d.tokens)
    m = _TITLE_RE.match(text, lo, hi)
    if m is None:
        return None
    span = doc.char_span(m.start("issuer"), m.end("issuer"), alignment_mode="contract")
    if span is None or not len(span):
        return None
    return _Issuer((m.start("issuer"), m.end("issuer")), (m.start("cue"), m.end("cue")),
                   span.root.i, (span.start, span.end))
