"""Attributions without a reporting verb: "according to X", "X: ...", "X's claim that ...".

- "according to X": X is the source, the rest of the sentence the content;
- a headline colon: a short capitalised name before it ("Zelensky: we will not give up
  Kharkiv"), never a rubric ("Analysis:", "Update:") and only before a clause;
- a reporting noun with an owner: "the ministry's claim that...", "a statement from Kyiv
  saying...", "remarks by the governor about..."; the owner is the source and the clause or
  topic the content.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.frame import Found, Token, subtree, trim

_RUBRICS = cues.words(
    """
    analysis update updates exclusive watch live explainer opinion editorial comment
    breaking video photos photo note correction factbox timeline interview name age city job
    pay source sources credit read more related listen map chart graphic warning
    """
)
_OWNER_PREPS = frozenset(("by", "from"))
_TOPIC_PREPS = frozenset(("about", "on", "of", "over", "for", "against", "to"))


def according(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = subtree(objs[0], start, end)
    cue = (tok.i, tok.i + 2)
    if src[1] >= end - 1 or src[0] <= start + 2:  # the phrase closes or opens the sentence
        content = (start, cue[0]) if cue[0] - start > end - src[1] else (src[1], end)
    else:
        content = (start, end)
    content = trim(doc, content)
    if content[1] - content[0] < 2:
        return None
    return Found(
        cue=cue,
        source=trim(doc, src, quotes=True),
        head=objs[0].i,
        content=content,
        kind="according",
    )


def colon(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """Headline style "Zelensky: we will not give up Kharkiv"; a short name before the colon."""
    before = doc[start : tok.i]
    if not 1 <= len(before) <= 5 or end - tok.i < 4:
        return None
    last = doc[tok.i - 1]
    if not last.text[:1].isupper() or last.lower_ in _RUBRICS or last.tag_[:2] != "NN":
        return None
    if any(t.tag_[:2] == "VB" or t.is_digit for t in before):
        return None
    if not any(t.tag_[:2] in ("VB", "MD") for t in doc[tok.i + 1 : end]):
        return None  # "Clinton: 1,769" is a tally, not a statement
    return Found(
        cue=(tok.i, tok.i + 1),
        source=trim(doc, (start, tok.i), quotes=True),
        head=tok.i - 1,
        content=trim(doc, (tok.i + 1, end)),
        kind=cues.SPEECH,
    )


def noun(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """A reporting noun with an owner and a content: "the ministry's claim that ..."."""
    owner = None
    content = None
    for child in tok.children:
        if child.dep_ == "poss" and child.i < tok.i:
            owner = child
        elif child.dep_ == "prep" and child.lower_ in _OWNER_PREPS and owner is None:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            owner = objs[0] if objs else None
        elif (
            child.dep_ in ("acl", "ccomp", "relcl")
            and child.i > tok.i
            and _is_that_clause(child)
            or child.dep_ == "prep"
            and child.lower_ in _TOPIC_PREPS
            and content is None
        ):
            content = subtree(child, start, end)
    if owner is None or content is None:
        return None
    source = subtree(owner, start, end)
    if owner.i < tok.i:
        source = (source[0], min(source[1], tok.i))
    if source[1] > source[0] and doc[source[1] - 1].dep_ == "case":
        source = (source[0], source[1] - 1)  # "the ministry's" -> "the ministry"
    content = trim(doc, content)
    if content[1] <= content[0]:
        return None
    return Found(
        cue=(tok.i, tok.i + 1),
        source=trim(doc, source, quotes=True),
        head=owner.i,
        content=content,
        kind=cues.NOUN_CUES[tok.lower_],
    )


def _is_that_clause(tok: Token) -> bool:
    """ "claim that ...", "a statement saying ...": a clause, not "the claim it made"."""
    if tok.tag_ == "VBG":
        return tok.lower_ in cues.VERB_KIND
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
