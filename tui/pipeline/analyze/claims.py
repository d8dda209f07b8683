"""Claims: attributed statements with source, cue, content and status, as character spans.

The pipeline for one article:
1. sentences come from our splitter (sentences.py explains why not `doc.sents`); each is
   mapped onto the parsed tokens, and the parse is read only inside it;
2. attribution.py finds cue, source and content in each sentence (several per sentence);
3. sources.py names the source: the noun phrase without asides ("Volodymyr Artiukh, the
   governor," -> "Volodymyr Artiukh"), and pronouns and short back-references ("he", "the
   ministry") resolved to the nearest fitting source named earlier in the article;
   canonical.py files it under one name per source and finds its affiliation;
4. status.py reads the whole article for denials, contradictions, verification remarks and
   corroboration, and gives each claim its status and the evidence for it (docs/CLAIMS.md).
5. contest.py, a learned model (weights trained by bench/train_contest.py), disputes claims
   the rules left claimed where another party tells the same event otherwise.
No token is visited more than a few times: the work is linear in the article's length.
"""

from __future__ import annotations

import re
from typing import Any

from tui.core.models import Claim, Entity
from tui.pipeline.analyze import (
    attribution,
    blocks,
    canonical,
    contest,
    gazetteer,
    sides,
    sources,
    status,
    verification,
)
from tui.pipeline.analyze.quotes import QuoteMap
from tui.pipeline.analyze.sentences import DATELINE_RE, split_sentences

# "No group has claimed the attack", "Nobody claimed responsibility": a claim said not to have
# been made has no source, so it is no claim (docs/CLAIMS.md, "Not claims"). Only the claim of
# responsibility: "no one could have envisioned ..." is an attribution in PolNeAR's sense.
_NOBODY_RE = re.compile(r"(?:no|none|nobody|no\s+one)\b", re.IGNORECASE)


def _claimed_by_nobody(text: str, d: sources.Draft) -> bool:
    cue = text[d.cue[0] : d.cue[1]].lower().split()
    claiming = bool(cue) and cue[-1] in ("claim", "claims", "claimed", "claiming")
    return claiming and bool(_NOBODY_RE.match(text, d.source[0], d.source[1]))


def find_claims(
    doc: Any, entities: tuple[Entity, ...], text: str | None = None, *, learned: bool = True
) -> tuple[Claim, ...]:
    """Every claim in the article parsed as `doc`, in text order; `text` as in
    `entities.find_entities` (the doc's text, when the caller has it). `learned=False` gives
    the rules' statuses alone, without the learned contest detector (contest.py), as
    bench/train_contest.py needs them."""
    if text is None:
        text = doc.text
    drafts: list[sources.Draft] = []
    candidates = attribution.cue_candidates(doc)
    if not candidates:
        return ()
    sentences = split_sentences(text)
    quoted = QuoteMap(text)
    k = 0
    for sent_start, sent_end in _units(text, sentences):
        span = doc.char_span(sent_start, sent_end, alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        here = []
        while k < len(candidates) and candidates[k] < span.end:
            if candidates[k] >= span.start:
                here.append(candidates[k])
            k += 1
        if not here:
            continue
        for lo, hi in _clauses(doc, span.start, span.end, quoted):
            mine = [i for i in here if lo <= i < hi]
            if not mine:
                continue
            for found in attribution.find_in_sentence(doc, lo, hi, quoted, mine):
                drafts.append(_widen(quoted, _draft(doc, text, found, sent_start, sent_end)))
    drafts = [d for d in drafts if not _claimed_by_nobody(text, d)]
    drafts = blocks.add(doc, text, quoted, sentences, drafts)
    if not drafts:
        return ()
    sources.name_sources(doc, drafts, entities)
    namer = canonical.Namer(text, entities)
    for k, draft in enumerate(drafts):
        draft.canonical, draft.affiliation = namer.name(draft, drafts[:k])
    confirming = verification.confirmations(doc, text, sentences, quoted)
    statuses = status.assign(text, sentences, drafts, confirming)
    found = tuple(
        Claim(
            start=d.sent[0],
            end=d.sent[1],
            text=text[d.sent[0] : d.sent[1]],
            source=d.name,
            source_start=d.source[0],
            source_end=d.source[1],
            cue=text[d.cue[0] : d.cue[1]],
            cue_start=d.cue[0],
            cue_end=d.cue[1],
            content_start=d.content[0],
            content_end=d.content[1],
            quote="direct" if _is_direct(quoted, d) else "reported",
            status=state,
            evidence=evidence,
            source_canonical=d.canonical,
            affiliation=d.affiliation,
        )
        for d, (state, evidence) in zip(drafts, statuses, strict=True)
        if not d.attached
    )
    return contest.revise(text, sentences, found) if learned else found


def _draft(
    doc: Any, text: str, found: attribution.Found, sent_start: int, sent_end: int
) -> sources.Draft:
    def chars(span: tuple[int, int]) -> tuple[int, int]:
        lo, hi = span
        if hi <= lo:
            return doc[lo].idx, doc[lo].idx
        last = doc[hi - 1]
        return doc[lo].idx, last.idx + len(last.text)

    content = chars(found.content)
    dateline = DATELINE_RE.match(text, content[0], content[1])
    if dateline and content[0] == sent_start:
        content = (dateline.end(), content[1])  # "RIGA, Latvia — Russian air defenses ..."
    source = _after_dateline(text, chars(found.source), sent_start)
    relay = _RELAY_TAIL_RE.search(text, content[0], content[1])
    if relay:
        content = (content[0], relay.start())  # "..., the Guardian reports"
    content = _close_quotation(text, content, sent_end)
    return sources.Draft(
        sent=(sent_start, sent_end),
        cue=chars(found.cue),
        source=source,
        content=content,
        kind=found.kind,
        head=found.head,
        tokens=(_token_at(doc, source[0], found.source), found.source[1]),
        attached=found.attached,
    )


def _token_at(doc: Any, pos: int, span: tuple[int, int]) -> int:
    """The first token of `span` that starts at or after character `pos`."""
    return next((i for i in range(*span) if doc[i].idx >= pos), span[0])


def _after_dateline(text: str, source: tuple[int, int], sent_start: int) -> tuple[int, int]:
    """A source opening the story is never its dateline: "BANGKOK: The army said", and in
    title case "Gaza: Gaza's Health Ministry says" when the word before the colon is a place."""
    lo, hi = source
    if lo != sent_start:
        return source
    m = DATELINE_RE.match(text, lo, hi)
    if m is None:
        m = _PLACE_COLON_RE.match(text, lo, hi)
        place = m.group("place") if m is not None else ""
        if place and not (sides.country(place) or gazetteer.lookup(place, alternates=False)):
            m = None
    return (m.end(), hi) if m is not None and m.end() < hi else source


def _clauses(doc: Any, start: int, end: int, quoted: QuoteMap) -> list[tuple[int, int]]:
    """The sentence's token span, cut at semicolons outside quotations: "Russian officials
    say ...; Ukraine says ..." holds two attributions the parser often nests in each other."""
    if ";" not in quoted.text[doc[start].idx : doc[end - 1].idx]:
        return [(start, end)]
    cuts = [
        t.i
        for t in doc[start:end]
        if t.text == ";" and start < t.i < end - 2 and quoted.enclosing(t.idx) is None
    ]
    bounds = [start, *[c + 1 for c in cuts], end + 1]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


def _units(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, where one that ends with a colon takes the next along ("stated:" + quote)."""
    units: list[tuple[int, int]] = []
    k = 0
    while k < len(sentences):
        start, end = sentences[k]
        if text[end - 1] == ":" and k + 1 < len(sentences):
            k += 1
            end = sentences[k][1]
        units.append((start, end))
        k += 1
    return units


def _widen(quoted: QuoteMap, draft: sources.Draft) -> sources.Draft:
    """A quotation that began sentences earlier belongs to this claim: widen it to its start.

    '"The capture is false. Our units hold," it said' is one claim, and the first sentence of
    the quotation is part of what was said.
    """
    lo, hi = draft.content
    inside = quoted.enclosing(lo)
    if inside is not None and inside[0] < draft.sent[0] <= lo:
        draft.content = (inside[0], hi)
        draft.sent = (quoted.opening_mark(inside[0]), draft.sent[1])
    return draft


def _is_direct(quoted: QuoteMap, draft: sources.Draft) -> bool:
    """Direct when the content opens inside a quotation that covers nearly all of it.

    'said: "We will hold"' is direct; 'said its forces had struck "a temporary deployment
    point"' quotes a phrase inside reported speech, and stays reported.
    """
    lo, hi = draft.content
    if hi <= lo:
        return False
    text = quoted.text
    start = lo + 1 if text[lo] in _MARKS else lo
    inside = quoted.enclosing(start)
    if inside is None:
        return False
    covered = min(hi, inside[1]) - max(lo, inside[0])
    return covered >= 0.8 * (hi - lo) - 2


def _close_quotation(text: str, content: tuple[int, int], sent_end: int) -> tuple[int, int]:
    """A content span that opens a quotation and stops before its close takes the close with it
    (`destroyed "a base and 12 motorcycles."`): no claim shows a quotation left open."""
    lo, hi = content
    inner = text[lo:hi]
    if inner.count('"') % 2 == 0 and inner.count("“") <= inner.count("”"):
        return content
    close = _CLOSE_RE.match(text, hi, sent_end)
    return (lo, close.end()) if close else content


_CLOSE_RE = re.compile(r'[.,;:!?…]*["”]')
_MARKS = frozenset("\"“”«»'")
# An outlet relaying the attribution at the end of the sentence: "..., the Guardian reports".
_PLACE_COLON_RE = re.compile(r"\s*(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)\s*:\s+")
_RELAY_TAIL_RE = re.compile(
    r",\s+(?:the\s+|The\s+)?(?:[A-Z][\w.'’&-]*\s+){1,5}(?:reports|reported|writes|wrote)"
    r"(?:\s+on\s+\w+)?\W*$"
)
