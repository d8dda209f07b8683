"""What was said: the content span of a reporting verb, in token indices.

In order of preference: a quotation or colon tail right after the verb ('said: "..."', also
after a misparsed addressee: 'told host Ivan Petrov, "..."'), the clause the verb governs, a
for-to clause ("called for both sides to cease fire"), the clause an "as" aside qualifies ("As
the governor noted, ..."), the clause after "told CNN," (a verb the parser hung on it), the
rest of the sentence around a parenthetical ("..., the governor said" / "said Artiukh"), a
clause the parser labelled xcomp or a "that" clause hung further down; then an attitude's
content (attitudes.py), or for the other verbs a to-infinitive ("vowed to retake the town")
or the verb's complements (complements.py: "denied the report", "warned of more attacks").
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import attitudes, complements, cues
from tui.pipeline.analyze.frame import CLOSERS, OPENING, QUOTES, Span, Token, np_span, subtree, trim

SUBJECTS = frozenset(("nsubj", "nsubjpass", "csubj", "expl"))
_LITERAL_PRT = frozenset(("away", "down", "off", "up"))
_BEFORE_QUOTE = frozenset(("dobj", "dative", "npadvmod", "prep"))
_STORIES = cues.words("story stories tale tales")
_RELATIVES = cues.words("who whom which that")
_QUOTE_ONLY = frozenset(("continue",))  # "continued to fight" is aspect, not speech
_TIME_AS = frozenset(("speak", "talk", "continue", "applaud", "chant", "yell", "scream", "ask"))


def _before_colon(doc: Any, child: Token, tok: Token) -> bool:
    """"The mayor spoke to reporters: he says six died": the clause before the colon sets the
    scene; what is said comes after the verb."""
    after = child.right_edge.i + 1
    return child.i < tok.i and after < tok.i and doc[after].text == ":"


def find(doc: Any, tok: Token, kind: str, start: int, end: int) -> Span | None:
    """The content of reporting verb `tok` inside the sentence [start, end), if any."""
    low = tok.lower_
    quoted = _quote_after(doc, tok, end)
    if quoted is not None:
        return trim(doc, (quoted, end))
    if cues.VERB_BASE.get(low) in _QUOTE_ONLY:
        chunk = parenthetical(doc, tok, start, end)  # '"...," he continued'
        return trim(doc, (start, chunk[0])) if chunk and doc[chunk[0] - 1].text in QUOTES else None
    for child in tok.children:
        if (
            child.dep_ in ("ccomp", "parataxis")
            and child.i > start
            and not (child.dep_ == "parataxis" and child.lower_ in cues.VERB_KIND)
            and not _before_colon(doc, child, tok)
        ):
            lo, hi = subtree(child, start, end)
            if lo <= tok.i < hi:  # "what it said were ...": the clause wraps round its verb
                lo = tok.i + 1
            return trim(doc, (lo, hi))
    for child in tok.rights:  # "called for both sides to cease fire": a for-to clause
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in child.lefts
        ):
            return trim(doc, subtree(child, start, end))
    aside = _as_aside(doc, tok, start, end)
    if aside is not None:
        return aside
    head = tok.head
    after = tok.right_edge.i + 1
    if tok.dep_ == "parataxis" and tok.i < head.i and after < end and doc[after].text == ",":
        return trim(doc, (after + 1, min(head.right_edge.i + 1, end)))  # "told CNN, ..."
    chunk = parenthetical(doc, tok, start, end) or _relayed(doc, tok, start, end)
    if chunk is not None:
        lo, hi = chunk
        before_has_verb = any(t.tag_[:2] == "VB" for t in doc[start:lo])
        quoted_before = doc[lo - 1].text in QUOTES or doc[lo - 2].text in QUOTES
        before = before_has_verb or quoted_before or hi >= end - 1  # '"...," X told Y'
        return trim(doc, (start, lo) if before else (hi, end), quotes=quoted_before)
    for child in tok.rights:
        if (
            child.dep_ == "xcomp"
            and not complements.is_infinitive(child)
            and child.tag_[:2] == "VB"
        ):
            return trim(doc, subtree(child, start, end))  # a clause the parser called xcomp
    clause = _that_clause(doc, tok, end) or _that_after(doc, tok, end)
    if clause is not None:
        return clause
    if kind == cues.COGNITIVE:
        return attitudes.content(doc, tok, start, end)
    if cues.takes_infinitive(low) and (found := complements.infinitive(doc, tok, start, end)):
        return found
    if not cues.takes_object(low):
        stories = [c for c in tok.rights if c.dep_ == "dobj" and c.lower_ in _STORIES]
        return trim(doc, subtree(stories[0], start, end)) if stories else None  # "told the story"
    if any(c.dep_ == "prt" and c.lower_ in _LITERAL_PRT for c in tok.children):
        return None  # "backed away", "backed down": not a stance
    return complements.objects(doc, tok, low, start, end)


def _as_aside(doc: Any, tok: Token, start: int, end: int) -> Span | None:
    """ "As the governor noted, ..." / "..., as the ministry put it": the clause it qualifies.

    Only a verb left without its own content reads so ("as X noted"; "as X put it"): "as he
    spoke", "as they recall the war" and "as the talks continue" are times, not sources.
    """
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.lefts):
        return None
    if cues.VERB_BASE.get(tok.lower_) in _TIME_AS or any(
        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and c.lower_ not in ("it", "so")
        for c in tok.children
    ):
        return None
    head = tok.head
    if head.lower_ in cues.VERB_KIND:
        return None  # "X pledged to ..., as she put it": the aside only echoes X's claim
    lo, hi = subtree(head, start, end)
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    if left > start and doc[left - 1].text == "," and right >= end - 1:
        return trim(doc, (start, left))  # set off at the end: all that comes before
    if left == start and right < end and doc[right].text == ",":
        return trim(doc, (right + 1, end))  # set off at the start: all that follows
    if tok.i < head.i:
        return trim(doc, (right, hi))
    return trim(doc, (lo, left))


def _that_clause(doc: Any, tok: Token, end: int) -> Span | None:
    """A "that" clause the parser hung further down: "told Fox News on Sunday that ..."."""
    for t in doc[tok.i + 1 : min(end, tok.right_edge.i + 1)]:
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.tag_[:2] == "VB":
            governor = t.head.head
            if governor.lower_ in cues.VERB_KIND and tok.i < governor.i < t.i:
                return None  # the clause of another reporting verb
            if governor.i != tok.i and governor.dep_ == "conj":
                return None  # "accused X of Y, accusations that ...": another clause's
            return trim(doc, (t.i, min(end, t.head.right_edge.i + 1)))
        if (
            t.lower_ in ("whether", "if")
            and t.dep_ == "mark"
            and cues.VERB_BASE.get(tok.lower_) in ("ask", "wonder", "question")
        ):
            return trim(doc, (t.i, min(end, t.head.right_edge.i + 1)))
    return None


def _that_after(doc: Any, tok: Token, end: int) -> Span | None:
    """ "was quoted as saying by the news site that ...": a "that" a few words after the verb,
    with no other verb between, opens what was said even when the parse hung it elsewhere."""
    if cues.VERB_BASE.get(tok.lower_) not in ("say", "tell", "state", "write", "report", "add"):
        return None
    for t in doc[tok.i + 1 : min(end, tok.i + 10)]:
        if t.tag_[:2] in ("VB", "MD") or t.text in OPENING:
            return None
        if t.lower_ == "that":
            return trim(doc, (t.i, end)) if end - t.i > 3 else None
    return None


def _quote_after(doc: Any, tok: Token, end: int) -> int | None:
    """Start of a quotation or colon tail right after the verb: 'said, "Let them...'."""
    i = tok.i + 1
    for child in tok.rights:  # skip "told reporters", "said on Monday" before the quotation
        if child.left_edge.i != i or child.dep_ not in _BEFORE_QUOTE:
            break
        if child.dep_ == "prep" and child.right_edge.i - child.i > 4:
            break
        opening = next(
            (t.i for t in doc[child.i + 1 : child.right_edge.i] if t.text in OPENING), None
        )
        if opening is not None and doc[opening - 1].text in (",", ":"):
            return opening  # 'told host Matt Boyle, "..."' with the quote hung on the name
        i = child.right_edge.i + 1
    if i < end and doc[i].text in (",", ":"):
        i += 1
    if i + 1 < end and doc[i].text in OPENING and not doc[i + 1].is_punct:
        return i
    if i > tok.i + 1 and doc[i - 1].text == ":" and i + 1 < end:
        return i
    for t in doc[i : min(end - 1, tok.i + 16)]:  # a misparsed addressee before ', "'
        if t.tag_[:2] in ("VB", "MD"):
            break
        if t.text in OPENING and doc[t.i - 1].text in (",", ":") and not doc[t.i + 1].is_punct:
            return t.i
    return None


def _short_opening(doc: Any, lo: int, hi: int, start: int, end: int) -> bool:
    """A parenthetical after one opening word and before a comma and a long rest."""
    if lo - start < 2 or doc[lo - 1].text != ",":
        return False
    return hi < end - 3 and doc[hi].text == ","


def _relayed(doc: Any, tok: Token, start: int, end: int) -> tuple[int, int] | None:
    """ '"...," the agency quoted the statement as saying': the relaying verb's aside."""
    head = tok.head
    if tok.dep_ != "pcomp" or head.lower_ != "as" or head.head.tag_[:2] != "VB":
        return None
    chunk = parenthetical(doc, head.head, start, end)
    return None if chunk is None else (chunk[0], max(chunk[1], tok.i + 1))


def parenthetical(doc: Any, tok: Token, start: int, end: int) -> tuple[int, int] | None:
    """The span of "..., the governor said" or "..., said Artiukh", if the verb is one.

    The verb and its subject must come after at least three tokens and a comma or closing
    quote; after a comma they must be followed by the sentence's end or more punctuation.
    """
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    if not subjects or any(c.lower_ in _RELATIVES for c in subjects):
        return None  # "..., who said": a relative clause says nothing about what precedes
    subj = min(subjects, key=lambda c: abs(c.i - tok.i))
    lo = min(np_span(subj, start, end)[0], tok.i)
    for child in tok.lefts:
        if child.dep_ in ("aux", "auxpass", "advmod", "neg"):
            lo = min(lo, child.i)
    hi = max(subj.right_edge.i, tok.i) + 1
    if lo - start < 3 and _short_opening(doc, lo, hi, start, end):
        return lo, hi  # "Instead, she said, the strike ..."
    if lo - start < 3 or doc[lo - 1].text not in CLOSERS:
        return None
    if doc[lo - 1].text in QUOTES or (lo >= 2 and doc[lo - 2].text in QUOTES):
        return lo, hi
    while hi < end and doc[hi].dep_ in ("npadvmod", "advmod", "prep", "pobj", "det", "compound"):
        hi = doc[hi].right_edge.i + 1 if doc[hi].head.i == tok.i else hi + 1
    if hi >= end or doc[hi].is_punct:
        return lo, hi
    return None
