"""What was said: the content span of a reporting verb, in token indices.

In order of preference: a quotation or colon tail right after the verb ('said: "..."'), the
clause the verb governs, the rest of the sentence around a parenthetical ("..., the governor
said" / "said Artiukh"), a clause the parser labelled xcomp, then, for the verbs that allow
it (cues.py), a to-infinitive ("vowed to retake the town") or the verb's complements ("denied
the report", "called the strike a war crime", "warned of more attacks"). Attitude verbs
("believe", "fear") take only a clause: "believes him" says nothing.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.frame import CLOSERS, OPENING, QUOTES, Span, Token, np_span, subtree, trim

SUBJECTS = frozenset(("nsubj", "nsubjpass", "csubj", "expl"))
_COMPLEMENTS = frozenset(("dobj", "dative", "prep", "oprd", "xcomp", "attr", "acomp", "ccomp"))
_LEAD_WORDS = frozenset(
    ("to", "in", "on", "at", "during", "after", "before", "since", "with", "into", "from", "by")
)
_LITERAL_PRT = frozenset(("away", "down", "off", "up"))
_BEFORE_QUOTE = frozenset(("dobj", "dative", "npadvmod", "prep"))


def find(doc: Any, tok: Token, kind: str, start: int, end: int) -> Span | None:
    """The content of reporting verb `tok` inside the sentence [start, end), if any."""
    low = tok.lower_
    quoted = _quote_after(doc, tok, end)
    if quoted is not None:
        return trim(doc, (quoted, end))
    for child in tok.children:
        if (
            child.dep_ in ("ccomp", "parataxis")
            and child.i > start
            and not (child.dep_ == "parataxis" and child.lower_ in cues.VERB_KIND)
        ):
            lo, hi = subtree(child, start, end)
            if lo <= tok.i < hi:  # "what it said were ...": the clause wraps round its verb
                lo = tok.i + 1
            return trim(doc, (lo, hi))
    chunk = parenthetical(doc, tok, start, end)
    if chunk is not None:
        lo, hi = chunk
        before_has_verb = any(t.tag_[:2] == "VB" for t in doc[start:lo])
        return trim(doc, (start, lo) if before_has_verb or hi >= end - 1 else (hi, end))
    for child in tok.rights:
        if child.dep_ == "xcomp" and not _is_infinitive(child) and child.tag_[:2] == "VB":
            return trim(doc, subtree(child, start, end))  # a clause the parser called xcomp
    clause = _that_clause(doc, tok, end)
    if clause is not None:
        return clause
    infinitive = cues.takes_infinitive(low)
    if kind == cues.COGNITIVE:
        return _infinitive(doc, tok, start, end) if infinitive else None
    if infinitive and (found := _infinitive(doc, tok, start, end)) is not None:
        return found
    if not cues.takes_object(low):
        return None
    if any(c.dep_ == "prt" and c.lower_ in _LITERAL_PRT for c in tok.children):
        return None  # "backed away", "backed down": not a stance
    return _complements(doc, tok, low, start, end)


def _complements(doc: Any, tok: Token, low: str, start: int, end: int) -> Span | None:
    allowed = cues.LEAD_INTO_CONTENT.get(cues.VERB_BASE.get(low, ""), frozenset())
    parts = [
        c
        for c in tok.rights
        if c.dep_ in _COMPLEMENTS
        and not (c.dep_ == "prep" and c.lower_ in _LEAD_WORDS and c.lower_ not in allowed)
    ]
    if not parts or cues.is_not_content(parts[0].lower_):
        return None
    if parts[0].dep_ == "dobj" and parts[0].lower_ in ("what", "which"):
        return None  # "what it called 'long-range weapons'": naming, not a statement
    if cues.needs_document(low) and not cues.is_document(parts[0].lower_):
        return None  # "published a video", "released prisoners"
    return trim(doc, (max(parts[0].left_edge.i, start), min(parts[-1].right_edge.i + 1, end)))


def _that_clause(doc: Any, tok: Token, end: int) -> Span | None:
    """A "that" clause the parser hung further down: "told Fox News on Sunday that ..."."""
    for t in doc[tok.i + 1 : min(end, tok.right_edge.i + 1)]:
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.tag_[:2] == "VB":
            if t.head.lower_ in cues.VERB_KIND and t.head.i != tok.i:
                return None  # the clause of another reporting verb
            return trim(doc, (t.i, min(end, t.head.right_edge.i + 1)))
        if (
            t.lower_ in ("whether", "if")
            and t.dep_ == "mark"
            and cues.VERB_BASE.get(tok.lower_) in ("ask", "wonder", "question")
        ):
            return trim(doc, (t.i, min(end, t.head.right_edge.i + 1)))
    return None


def _infinitive(doc: Any, tok: Token, start: int, end: int) -> Span | None:
    for child in tok.rights:
        if child.dep_ == "xcomp":
            return trim(doc, subtree(child, start, end))
    return None


def _is_infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _quote_after(doc: Any, tok: Token, end: int) -> int | None:
    """Start of a quotation or colon tail right after the verb: 'said, "Let them...'."""
    i = tok.i + 1
    for child in tok.rights:  # skip "told reporters", "said on Monday" before the quotation
        if child.left_edge.i != i or child.dep_ not in _BEFORE_QUOTE:
            break
        if child.dep_ == "prep" and child.right_edge.i - child.i > 4:
            break
        i = child.right_edge.i + 1
    if i < end and doc[i].text in (",", ":"):
        i += 1
    if i + 1 < end and doc[i].text in OPENING and not doc[i + 1].is_punct:
        return i
    if i > tok.i + 1 and doc[i - 1].text == ":" and i + 1 < end:
        return i
    return None


def parenthetical(doc: Any, tok: Token, start: int, end: int) -> tuple[int, int] | None:
    """The span of "..., the governor said" or "..., said Artiukh", if the verb is one.

    The verb and its subject must come after at least three tokens and a comma or closing
    quote; after a comma they must be followed by the sentence's end or more punctuation.
    """
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    if not subjects:
        return None
    subj = min(subjects, key=lambda c: abs(c.i - tok.i))
    lo = min(np_span(subj, start, end)[0], tok.i)
    for child in tok.lefts:
        if child.dep_ in ("aux", "auxpass", "advmod", "neg"):
            lo = min(lo, child.i)
    hi = max(subj.right_edge.i, tok.i) + 1
    if lo - start < 3 or doc[lo - 1].text not in CLOSERS:
        return None
    if doc[lo - 1].text in QUOTES or (lo >= 2 and doc[lo - 2].text in QUOTES):
        return lo, hi
    while hi < end and doc[hi].dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "compound"):
        hi = doc[hi].right_edge.i + 1 if doc[hi].head.i == tok.i else hi + 1
    if hi >= end or doc[hi].is_punct:
        return lo, hi
    return None
