"""What the article says about checking a claim: "could not be verified", "confirmed by...".

Two kinds of remarks, found per sentence:
- unverified: "could not be independently verified", "neither account could be verified",
  "is difficult to verify", "has yet to be confirmed", "remains to be confirmed",
  "without providing evidence", "provided no evidence", "unconfirmed reports"; a remark in the
  claim's own sentence counts unless it is part of what the source said, and a remark in a
  later sentence goes to the nearest earlier claim, or to the recent ones when it is plural
  ("neither account", "the claims", "the figures");
- confirmed: a form of "confirm", "verify" or "corroborate" used as a verb, not negated (also
  by a negative adverb: "have rarely been confirmed") and not inside a quotation ("satellite
  images confirmed a large fire", "was independently confirmed by Frontline Wire", "Israel's
  military confirmed that rockets had crossed"); not
  "verify" with a statement as its object, which authenticates the statement ("the statement
  was verified by SITE").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from tui.pipeline.analyze.cues import words
from tui.pipeline.analyze.quotes import QuoteMap

UNVERIFIED_RE = re.compile(
    r"\b(?:(?:could|can|was|were|is|are|has|have|had|did|would)\s*(?:not|n't)\s+"
    r"(?:be\s+|been\s+)?(?:immediately\s+|independently\s+|yet\s+|so far\s+)*"
    r"(?:be\s+)?(?:verif|confirm|corroborat)\w*|"
    r"cannot (?:be )?(?:independently )?(?:verif|confirm)\w*|"
    r"(?:neither|none)\b[^.;]{0,60}?\b(?:could|can|was|were|has|have)\s+(?:been\s+|be\s+)?"
    r"(?:independently\s+|immediately\s+)*(?:verif|confirm|corroborat)\w*|"
    r"unable(?: immediately| independently)* to (?:immediately |independently )*"
    r"(?:verify|confirm|corroborate)|"
    r"(?:was|were|is|are|has been|have been)\s+(?:not|n't)\s+(?:\w+\s+){0,2}able"
    r"(?:\s+immediately|\s+independently)*\s+to\s+"
    r"(?:immediately\s+|independently\s+)*(?:verify|confirm|corroborate)|"
    r"(?:impossible|not possible|no way|no means)(?: immediately| independently)* (?:to|of) "
    r"(?:immediately |independently )*(?:verify|verifying|confirm|confirming)|"
    r"without (?:providing|offering|giving|citing|presenting|producing|showing) "
    r"(?:any )?(?:evidence|proof)|"
    r"(?:provided|offered|gave|presented|produced|cited|showed) no (?:evidence|proof)|"
    r"(?:neither|none)\b[^.;]{0,40}?\b(?:provided|offered|gave|presented|produced) (?:any )?"
    r"(?:evidence|proof)|"
    r"no (?:evidence|proof) (?:was|has been|had been|were) (?:provided|offered|given|presented)|"
    r"(?:no|without) (?:immediate )?(?:independent )?(?:confirmation|verification)|"
    r"(?:hard|difficult)(?: immediately| independently)* to (?:immediately |independently )*"
    r"(?:verify|confirm|corroborate)|"
    r"\byet to (?:be )?(?:independently )?(?:verif|confirm|corroborat)\w*|"
    r"remains? to be (?:independently )?(?:verified|confirmed|corroborated)|"
    r"unverified|unconfirmed|not (?:been )?independently (?:verified|confirmed))",
    re.IGNORECASE,
)
# "the Iranian and Iraqi claims", "Russian or Ukrainian reports": two parties' statements.
_TWO_OWNERS_RE = re.compile(
    r"\b(?P<a>[A-Z][\w'’-]*)\s+(?:and|or|nor)\s+(?P<b>[A-Z][\w'’-]*)\s+"
    r"(?:claims|reports|accounts|statements|figures|tolls|versions|assertions)\b"
)


def two_owners(text: str, lo: int, hi: int) -> tuple[str, ...]:
    """The two owners of "the Iranian and Iraqi claims" in text[lo:hi], or ()."""
    m = _TWO_OWNERS_RE.search(text, lo, hi)
    return () if m is None else (m["a"], m["b"])


# Remarks about the speaker rather than the statement: they hold even inside the content.
SPEAKER_RE = re.compile(r"without (?:providing|offering|giving|citing|presenting)", re.I)
# "offered no evidence", "provided no proof": what the source did not give.
OFFERED_NONE_RE = re.compile(
    r"(?:provided|offered|gave|presented|produced|cited|showed) no (?:evidence|proof)", re.I
)
# "..., a claim that could not be independently verified": the remark is an aside on the claim.
ASIDE_RE = re.compile(
    r"\b(?:a|the|which|that|this)\s+(?:claim|report|assertion|account|figure|allegation)s?"
    r"\s+(?:that|which)?\s*$",
    re.IGNORECASE,
)
PLURAL_RE = re.compile(
    r"\b(?:neither|either|both|claims|reports|figures|accounts|statements|allegations|"
    r"numbers|tolls|versions|these|those|they|them)\b",
    re.IGNORECASE,
)
_CONFIRM_FORMS = words(
    """
    confirm confirms confirmed confirming verify verifies verified corroborate corroborates
    corroborated corroborating
    """
)


def confirmations(
    doc: Any, text: str, sentences: list[tuple[int, int]], quoted: QuoteMap
) -> dict[int, str]:
    """The sentences in which something is confirmed (verb use, not negated), by index, each
    with who or what confirms as the sentence writes it: the verb's subject, or its agent in
    the passive ("confirmed by satellite imagery"); "" when the sentence names none."""
    from tui.pipeline.analyze.attribution import cue_candidates

    found: dict[int, str] = {}
    starts = [s for s, _ in sentences]
    for i in cue_candidates(doc, _CONFIRM_FORMS):
        tok = doc[i]
        if tok.tag_[:2] != "VB" or tok.dep_ == "amod" or quoted.enclosing(tok.idx) is not None:
            continue
        k = bisect_right(starts, tok.idx) - 1
        if k < 0 or k in found:
            continue
        lo, hi = sentences[k]
        if _negated(tok) or not asserted(tok) or UNVERIFIED_RE.search(text, lo, hi):
            continue
        if _authenticates(tok):
            continue
        found[k] = _confirmer_words(tok)
    return found


# Adverbs that deny what they modify as "not" does: "claims ... have rarely been independently
# confirmed", "was seldom verified", "could hardly be confirmed" (English grammars' negative
# adverbs of frequency and degree).
_NEGATIVE_ADVERBS = words("never rarely seldom hardly scarcely barely")


def _negated(tok: Any) -> bool:
    """Is the confirming verb negated: "did not confirm", "have rarely been confirmed"?"""
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATIVE_ADVERBS)
        for c in tok.children
    )


# A confirming verb that asserts no confirmation (docs/CLAIMS.md, "What is confirmed"): one in
# a condition or question ("if confirmed", "asked whether it had been verified"), under a modal
# of prospect or doubt ("may confirm", "would confirm": "can" and "could" say what one is able
# to), or set off by "neither ... nor" ("neither confirmed nor denied"). The closed families:
# English subordinators of condition and question, and the modal auxiliaries.
_CONDITIONAL_MARKS = words("if whether unless until")
_PROSPECT_MODALS = words("may might would should must will shall")
_NEITHER_NOR = words("neither nor")


def asserted(tok: Any) -> bool:
    """Does the sentence say that this confirming verb's act took place?"""
    children = list(tok.children)
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _PROSPECT_MODALS for c in children):
        return False
    pair = children + (list(tok.head.children) if tok.dep_ == "conj" else [])
    return not any(c.lower_ in _NEITHER_NOR for c in pair)


_CONFIRM_RE = re.compile(r"\b(?:confirm|verifie|verify|corroborat)\w*", re.IGNORECASE)
_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def confirmed_at(text: str, lo: int, hi: int) -> int:
    """Where sentence text[lo:hi]'s first form of confirming stands (-1 when none)."""
    m = _CONFIRM_RE.search(text, lo, hi)
    return -1 if m is None else m.start()


def confirmed_part(text: str, lo: int, hi: int) -> str:
    """The part of sentence text[lo:hi] that its confirming verb governs: the words after it
    ("satellite images confirmed a fire at the depot"), or before it in the passive ("reports
    of a fire were confirmed by ...")."""
    m = _CONFIRM_RE.search(text, lo, hi)
    if m is None:
        return text[lo:hi]
    return text[lo : m.start()] if _PASSIVE_RE.search(text, lo, m.start()) else text[m.end() : hi]


def _confirmer_words(tok: Any) -> str:
    """The confirming verb's subject ("the WHO had verified"), or the agent of its passive
    ("was independently confirmed by Frontline Wire")."""
    for child in tok.children:
        if child.dep_ == "nsubj":
            return " ".join(t.text for t in child.subtree)
    for child in tok.children:
        if child.dep_ == "agent":
            return " ".join(t.text for c in child.children for t in c.subtree)
    return ""


# What a statement is carried in: verifying one of these says that the group really issued it
# ("the statement was verified by SITE"), not that what it says is true. Footage and images
# are not here: verifying them is checking what they show.
_DOCUMENTS = words(
    """
    statement communique communiqué message post audio letter
    """
)
_VERIFY_FORMS = words("verify verifies verified verifying")


def _authenticates(tok: Any) -> bool:
    """Is this "verify" the authentication of a statement (its subject in the passive, its
    object in the active, a statement noun)? "Confirm" keeps its sense of corroborating."""
    if tok.lower_ not in _VERIFY_FORMS:
        return False
    near = [*tok.children]
    near += [g for c in tok.children if c.dep_ in ("aux", "auxpass") for g in c.children]
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_.removesuffix("s") in _DOCUMENTS
        for c in near
    )
