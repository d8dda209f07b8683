"""Reporting-verb frames: who said it (the source) and what was said (content.py).

The source is the verb's subject, or:
- the subject it shares as a conjunct or participle ("denied the report, saying..."; "went on
  to say"; "by saying");
- the relative pronoun of "who said" (sources.py names it after its antecedent);
- the agent of a passive ("was condemned by Jordan's foreign minister"), whose subject is then
  the content; the subject of "was quoted as saying";
- when the parser left a finite verb without a subject, the noun right before it.
Not claims: negated or withheld speech ("did not mention", "declined to say"), verification
("independently confirmed", "images confirmed"), evidence that "shows", and a verb used
attributively ("the said report", "so-called").
"""

from __future__ import annotations

import re
from typing import Any

from tui.pipeline.analyze import content, cues
from tui.pipeline.analyze.cues import words
from tui.pipeline.analyze.frame import Found, Token, np_span, overlaps, subtree, trim

_RELATIVE = frozenset(("who", "which", "that", "whom"))
_DASHES = frozenset(("—", "–", "--"))
_ANONYMITY_RE = re.compile(r"^not to be (?:named|identified|quoted)|anonymity", re.IGNORECASE)
_WITHHOLDING = frozenset(
    form
    for base in ("decline", "refuse", "fail", "hesitate", "refrain", "avoid")
    for form in cues.forms(base)
)
# "Declined to say which missiles": the verb under these is withheld speech, no claim.
_EVIDENCE = words(
    """
    image images imagery footage video videos photo photos photograph photographs picture
    pictures data recording recordings satellite
    """
)
_EVIDENCE_ONLY = frozenset(("show", "find", "see", "hear", "learn"))


def frame(doc: Any, tok: Token, kind: str, start: int, end: int) -> Found | None:
    """The attribution a reporting verb makes, or None when it makes none."""
    if tok.dep_ in ("amod", "compound", "nmod") or not _asserted(tok):
        return None
    base = cues.VERB_BASE.get(tok.lower_, "")
    if base in _EVIDENCE_ONLY and tok.tag_ == "VBG":
        return None  # "a video showing soldiers": the video is no source
    if kind == cues.CONFIRM and any(c.lower_ == "independently" for c in tok.children):
        return None  # "independently confirmed": verification, which status.py reads
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if passive and base == "quote":
        return None  # "was quoted by RIA as saying": the "saying" frame holds the claim
    source, cue_lo = _source(tok)
    if source is None or not (start <= source.i < end) or source.lower_ in _EVIDENCE:
        return None
    if source.lower_ in _RELATIVE and tok.dep_ != "relcl":
        return None  # "that" as a demonstrative subject is no source
    found = content.find(doc, tok, kind, start, end)
    if found is not None and _ANONYMITY_RE.search(doc[found[0] : found[1]].text):
        return None  # "who asked not to be named": a request for anonymity, not a statement
    if found is None and passive:
        found = _passive_subject(doc, tok, start, end)
    if found is None and tok.dep_ == "relcl" and kind == cues.DENY:
        found = (tok.head.left_edge.i, tok.head.i + 1)  # "an accusation Moscow rejected"
    if found is None or found[1] <= found[0]:
        return None
    cue = (min(cue_lo, tok.i), tok.i + 1)
    src = np_span(source, start, end)
    for other in tok.children:  # "COGAT, the body that ..., said": the apposition belongs to it
        if other.dep_ == "nsubj" and source.i < other.i < tok.i:
            src = (src[0], max(src[1], min(other.right_edge.i + 1, tok.i)))
    if source.i < tok.i < src[1]:
        src = (src[0], tok.i)  # a subtree that swallowed its own verb (a bad parse)
    if overlaps(src, cue) or overlaps(src, found):
        return None
    return Found(
        cue=cue, source=trim(doc, src, quotes=True), head=source.i, content=found, kind=kind
    )


def _adjectival(tok: Token) -> bool:
    """A bare participle right before a noun is an adjective the parser took for a verb."""
    if tok.tag_ != "VBN" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].tag_[:2] != "NN":
        return False
    return not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def _asserted(tok: Token) -> bool:
    """False for "did not say", "declined to say", "refused to confirm"."""
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    head = tok.head
    withheld = head.lower_ in _WITHHOLDING or any(c.dep_ == "neg" for c in head.children)
    return not (tok.dep_ == "xcomp" and head.i != tok.i and withheld)


def _passive_subject(doc: Any, tok: Token, start: int, end: int) -> tuple[int, int] | None:
    for child in tok.children:
        if child.dep_ == "nsubjpass":
            return trim(doc, subtree(child, start, end))
    return None


def _source(tok: Token) -> tuple[Token | None, int]:
    """The token heading the source of verb `tok`, and where the cue phrase begins."""
    cue_lo = tok.i
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if subjects:
        return _subject(tok, subjects), cue_lo
    if any(c.dep_ == "auxpass" for c in tok.children):
        for child in tok.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                return (objs[0] if objs else None), cue_lo
        return None, cue_lo
    head = tok.head
    if tok.dep_ == "relcl" and head.i < tok.i:
        return head, cue_lo
    if tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBZ", "VBP"):
        return _left_noun(tok), cue_lo
    if tok.dep_ == "pcomp" and head.lower_ == "as" and head.head.lower_ == "quoted":
        quoted = head.head  # "X was quoted as saying"
        for child in quoted.children:
            if child.dep_ in ("nsubjpass", "nsubj"):
                lo = min([c.i for c in quoted.children if c.dep_ == "auxpass"] + [quoted.i])
                return child, lo
        return None, cue_lo
    return _controller(tok), cue_lo


def _subject(tok: Token, subjects: list[Token]) -> Token:
    """The subject that is the source, when a misparse gives several or a dateline leads.

    "RIGA, Latvia — ..., the governor said": the one after the dash. "COGAT, the Israeli
    body that coordinates aid, said": the first (the rest is its apposition). "BANGKOK – The
    Arakan Army said": the name in apposition after the dateline's dash.
    """
    doc = tok.doc
    first = min(subjects, key=lambda c: c.i)
    dashes = [t.i for t in doc[first.i : tok.i] if t.text in _DASHES]
    if dashes:
        after = [c for c in subjects if c.i > dashes[-1]]
        if after:
            return after[0]
        for child in first.rights:
            if child.dep_ == "appos" and child.i > dashes[-1]:
                return child
    return first


def _left_noun(tok: Token) -> Token | None:
    """A subjectless finite verb: the noun right before it, if the parser misattached it."""
    i = tok.i - 1
    doc = tok.doc
    while i >= 0 and doc[i].dep_ in ("advmod", "aux", "neg"):
        i -= 1
    if i < 0 or doc[i].tag_ not in ("NN", "NNS", "NNP", "NNPS", "PRP"):
        return None
    if doc[i].dep_ in ("compound", "poss", "nmod"):
        return None
    return doc[i]


def _controller(tok: Token) -> Token | None:
    """The subject a verb shares: "...and added", "..., saying", "went on to say", "by saying".

    A reporting verb that the parser hung inside another one's content ("denied that its
    forces hit the market, saying ..."; "said there was no threat but called for ...")
    shares the reporting verb's subject, not the content clause's.
    """
    for _ in range(3):
        dep, head = tok.dep_, tok.head
        if dep == "pcomp" and tok.tag_ == "VBG" and head.dep_ == "prep":
            head = head.head  # "by saying", "before adding"
        elif not (dep in ("conj", "xcomp") or (dep in ("advcl", "acl") and tok.tag_ == "VBG")):
            return None
        if head.i == tok.i or head.tag_[:2] != "VB":
            return None
        speaker = _speaker_above(head)
        if speaker is not None and (dep == "conj" or tok.doc[tok.i - 1].text == ","):
            return speaker
        for child in head.children:
            if child.dep_ == "nsubj":
                return child
        tok = head
    return None


def _speaker_above(clause: Token) -> Token | None:
    """The subject of the reporting verb whose content `clause` is, if it is one."""
    if clause.dep_ != "ccomp" or clause.head.lower_ not in cues.VERB_KIND:
        return None
    for child in clause.head.children:
        if child.dep_ == "nsubj":
            return child
    return None
