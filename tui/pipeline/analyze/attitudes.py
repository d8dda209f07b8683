"""What an attitude is about: the content of believing, wanting, seeing, recognising.

Attitude verbs (COGNITIVE in cues.py) take a clause, which content.py finds; beyond it:
- a desire takes its object or infinitive ("Kyiv wants guarantees", "Moscow wants to annex the
  region"), but advice or a hypothesis holds no position ("may want to check", "you want");
- a finding states its object when a document finds it ("a poll showed Kyiv ahead");
- a judgement of something as something ("sees the offensive as a bluff", "identified him as");
- "believes in talks", "hopes for a ceasefire", "worries about the dam";
- an acknowledgement of a fact ("recognised the need for talks");
- some take a to-infinitive ("intends to run", "decided to withdraw").
"Believes him" says nothing.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import complements, cues
from tui.pipeline.analyze.frame import Span, Token, subtree, trim

_AS_VERBS = cues.words("see view regard consider identify deem paint depict")
_DESIRES = cues.words("want wish")
_PREPS = {"believe": ("in",), "hope": ("for",), "wish": ("for",), "worry": ("about",)}
_GRANTING = cues.words("recognize recognise acknowledge realize realise understand")


def content(doc: Any, tok: Token, start: int, end: int) -> Span | None:
    """The content of attitude verb `tok` when no clause gives it."""
    low = tok.lower_
    base = cues.VERB_BASE.get(low, "")
    if base in _DESIRES and _hypothetical(tok):
        return None  # "may want to check", "would want someone": advice, no position
    if _findings(tok):
        return complements.objects(doc, tok, low, start, end)
    if base in _AS_VERBS:
        return _object_as(doc, tok, start, end)
    for child in tok.rights:  # "believes in talks", "hopes for a ceasefire"
        if child.dep_ == "prep" and child.lower_ in _PREPS.get(base, ()):
            return trim(doc, subtree(child, start, end))
    xcomp = any(c.dep_ == "xcomp" for c in tok.children)
    if base in _GRANTING and not xcomp:
        return complements.objects(doc, tok, low, start, end)  # "recognized the need for talks"
    if base in _DESIRES and not xcomp:
        objs = [c for c in tok.rights if c.dep_ == "dobj"]  # "Kyiv wants guarantees"
        return trim(doc, subtree(objs[0], start, end)) if objs else None
    if cues.takes_infinitive(low):
        return complements.infinitive(doc, tok, start, end)
    return None


def _hypothetical(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children) or any(
        c.dep_ == "nsubj" and c.lower_ == "you" for c in tok.children
    )


def _findings(tok: Token) -> bool:
    return any(
        c.dep_ == "nsubj" and cues.states_findings(tok.lower_, c.lower_) for c in tok.children
    )


def _object_as(doc: Any, tok: Token, start: int, end: int) -> Span | None:
    """An object and its "as" complement: "sees the offensive as a bluff" is a judgement."""
    objs = [c for c in tok.rights if c.dep_ == "dobj"]
    if not objs:
        return None
    preps = [c for c in (*tok.rights, *objs[0].rights) if c.dep_ == "prep" and c.lower_ == "as"]
    if not preps:
        return None
    return trim(doc, (max(objs[0].left_edge.i, start), min(preps[0].right_edge.i + 1, end)))
