"""A reporting verb's complements as content: its object, topic or to-infinitive.

"denied the report", "called the strike a war crime", "warned of more attacks", "vowed to
retake the town". Circumstances are not content ("said on Monday", "told reporters in Kyiv"),
nor is a document that says nothing ("published a video"), nor a topic for the verbs that need
one ("spoke to reporters": only "spoke about the evacuation" says something).
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.frame import Span, Token, subtree, trim

_COMPLEMENTS = frozenset(("dobj", "dative", "prep", "oprd", "xcomp", "attr", "acomp", "ccomp"))
_LEAD_WORDS = frozenset(
    ("to", "in", "on", "at", "during", "after", "before", "since", "with", "into", "from", "by")
)


def objects(doc: Any, tok: Token, low: str, start: int, end: int) -> Span | None:
    """What the verb's complements say, or None when they are circumstances only."""
    base = cues.VERB_BASE.get(low, "")
    allowed = cues.LEAD_INTO_CONTENT.get(base, frozenset())
    if base in cues.TOPIC_ONLY:
        topics = cues.TOPIC_ONLY[base]
        parts = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in topics]
        return trim(doc, subtree(parts[0], start, end)) if parts else None
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
    objs = [c for c in parts if c.dep_ == "dobj"]
    if not objs and cues.needs_document(low) and parts[0].lower_ != "about":
        return None  # "wrote about the war" says something, "sirens sounded across" does not
    if objs and not cues.object_states(low, objs[0].lower_):
        return None  # "published a video", "released prisoners"; "offered them his view"
    return trim(doc, (max(parts[0].left_edge.i, start), min(parts[-1].right_edge.i + 1, end)))


def infinitive(doc: Any, tok: Token, start: int, end: int) -> Span | None:
    """The verb's xcomp: "vowed to retake the town", "urged them to leave"."""
    for child in tok.rights:
        if child.dep_ == "xcomp":
            return trim(doc, subtree(child, start, end))
    return None


def is_infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
