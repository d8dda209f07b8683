"""Attributions carried by a phrase rather than a reporting word of their own.

- "made clear that ...", "made it clear ...", "made the case that ...", "made the point that
  ...": "make" says nothing alone, but with these words it states its clause;
- "as X put it": "put" with "it" after an "as" is "said";
- "in X's view, ...", "in the words of X, ...": the owner of the view holds the clause the
  phrase qualifies;
- "in a poll / survey / report ..., Y": the document is the source of a clause that no
  reporting verb governs ("Kyiv led by six points in a poll released on Monday"). Under a
  reporting verb ("said in a statement") the verb makes the claim, and this is none;
- an adjective of attitude with what it is about: "Kyiv is confident (that) the line will
  hold", "the minister was critical of the plan";
- any other verb with a that-clause: "the court ruled that ...", "he posited that ...". The
  reporting vocabulary covers the common verbs; the rest are nearly all verbs of saying,
  finding and thinking.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues, subjects
from tui.pipeline.analyze.frame import Found, Token, np_span, subtree, trim

_MAKE = frozenset(cues.forms("make"))
MADE_WORDS = frozenset(("clear", "case", "point"))
# Nouns whose owner holds the clause: "in the governor's view", "in his words".
_OPINIONS = cues.words("view views words opinion estimation judgment judgement assessment")
# Documents that speak for themselves: "in a poll", "in a Gallup survey". Not interviews or
# speeches, which have a speaker, nor "in the polls" at large.
_DOCUMENTS = cues.words("poll polls survey surveys study report census tally")
IN_WORDS = _OPINIONS | _DOCUMENTS


def made(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """ "made clear that ...", "made it clear ...", "made the case that ..."."""
    make = tok.head
    if make.lower_ not in _MAKE or make.i >= tok.i or tok.i - make.i > 3:
        return None
    if tok.lower_ == "clear" and tok.dep_ not in ("oprd", "ccomp", "acomp", "xcomp"):
        return None
    if tok.lower_ != "clear" and (tok.dep_ != "dobj" or not _definite(tok)):
        return None
    clause = _clause(make, tok)
    source = subjects.speaker(make)
    if clause is None or source is None or not start <= source.i < make.i:
        return None
    content = trim(doc, subtree(clause, start, end))
    if content[0] <= tok.i:
        content = trim(doc, (tok.i + 1, content[1]))
    if content[1] - content[0] < 2:
        return None
    src = np_span(source, start, end)
    return Found(
        cue=(make.i, tok.i + 1),
        source=trim(doc, (src[0], min(src[1], make.i)), quotes=True),
        head=source.i,
        content=content,
        kind=cues.SPEECH,
    )


def puts_it(tok: Token) -> bool:
    """ "as X put it": "put" with "it" as its object and an "as" before it."""
    if tok.tag_[:2] != "VB" or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _clause(make: Token, tok: Token) -> Token | None:
    """The stated clause: hung on "make", on "clear", or on "case" / "point"."""
    for child in (*tok.rights, *make.rights):
        if child.i <= tok.i or child.tag_[:2] not in ("VB", "MD"):
            continue
        if child.dep_ in ("ccomp", "advcl", "acl", "relcl") and (
            child.dep_ in ("ccomp", "advcl") or _has_that(child)
        ):
            return child
    return None


def _has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def in_phrase(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """ "in X's view, ...", "in the words of X", "in a poll released on Monday, ..."."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.i < start:
        return None
    clause = prep.head
    if clause.tag_[:2] != "VB" or clause.lower_ in cues.VERB_KIND:
        return None  # "said in a statement": the verb makes the claim
    if any(c.lower_ in cues.VERB_KIND and c.tag_[:2] == "VB" for c in clause.children):
        return None  # "in a poll, 60% said ...": the verb in it makes the claim
    owner = _owner(tok)
    if owner is None and not (tok.lower_ in _DOCUMENTS and _particular(doc, tok)):
        return None
    lo, hi = subtree(clause, start, end)
    if prep.i < clause.i:
        content = trim(doc, (max(lo, prep.right_edge.i + 1), hi))
    else:
        content = trim(doc, (lo, prep.i))
    if content[1] - content[0] < 3:
        return None
    if owner is not None:
        src = subtree(owner, start, end)
        if owner.i < tok.i:
            src = (src[0], min(src[1], tok.i))
        if src[1] > src[0] and doc[src[1] - 1].dep_ == "case":
            src = (src[0], src[1] - 1)  # "the governor's" -> "the governor"
        return Found(
            cue=(tok.i, tok.i + 1),
            source=trim(doc, src, quotes=True),
            head=owner.i,
            content=content,
            kind=cues.SPEECH,
        )
    author = _author(tok)  # "in a poll by the Kyiv institute": the institute speaks
    source = subtree(author, start, end) if author else (prep.i + 1, prep.right_edge.i + 1)
    return Found(
        cue=(prep.i, prep.i + 1),
        source=trim(doc, source, quotes=True),
        head=author.i if author else tok.i,
        content=content,
        kind=cues.SPEECH,
    )


def _author(doc_noun: Token) -> Token | None:
    """Who made a document: "a poll by X", "a survey released by X", "a report from X"."""
    for t in doc_noun.subtree:
        if t.dep_ in ("agent", "prep") and t.lower_ in ("by", "from") and t.i > doc_noun.i:
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _particular(doc: Any, tok: Token) -> bool:
    """ "a poll", "a CBS News poll", "the Gallup survey": one document, not "the polls"."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return True
    return any(t.tag_ in ("NNP", "NNPS") for t in doc[tok.left_edge.i : tok.i])


def _owner(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
    return None


# Adjectives of attitude: "Kyiv is confident (that) the line will hold", "residents are
# worried about new strikes", "the minister was adamant that ...".
ATTITUDES = cues.words(
    """
    confident sure certain convinced hopeful optimistic pessimistic worried concerned afraid
    fearful aware skeptical sceptical critical supportive opposed adamant eager determined
    proud unsure uncertain doubtful pleased satisfied dissatisfied disappointed angry upset
    frustrated alarmed wary mistrustful suspicious insistent unhappy furious outraged keen
    willing reluctant clear
    """
)
_COPULAS = frozenset(
    f for base in ("be", "remain", "become", "feel", "seem") for f in cues.forms(base)
) | {"is", "are", "was", "were", "been", "'s", "’s", "'re", "’re", "am", "'m", "’m"}
_ABOUT = frozenset(("about", "of", "in", "with", "on", "at", "over", "to", "that", "for"))
_EMPTY = frozenset(("it", "this", "that", "there", "which", "what"))
_RAISING = frozenset(("sure", "certain"))


def attitude(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """ "X is confident that ...", "X was critical of ...": an attitude with what it is about."""
    copula = tok.head
    if tok.dep_ != "acomp" or copula.lower_ not in _COPULAS or copula.i > tok.i:
        return None
    if any(c.dep_ == "neg" for c in (*copula.children, *tok.children)):
        return None
    topic = None
    for child in (*tok.rights, *copula.rights):
        if child.i <= tok.i:
            continue
        if child.dep_ == "xcomp" and tok.lower_ in _RAISING:
            return None  # "is certain to rise": likelihood, nobody's attitude
        if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "prep" and child.lower_ in _ABOUT):
            topic = child
            break
    source = subjects.speaker(copula)
    if topic is None or source is None or source.lower_ in _EMPTY:
        return None
    if not start <= source.i < copula.i:
        return None
    content = trim(doc, subtree(topic, start, end))
    if content[1] - content[0] < 2:
        return None
    src = np_span(source, start, end)
    return Found(
        cue=(copula.i, tok.i + 1) if tok.i - copula.i <= 2 else (tok.i, tok.i + 1),
        source=trim(doc, (src[0], min(src[1], copula.i)), quotes=True),
        head=source.i,
        content=content,
        kind=cues.COGNITIVE,
    )


# Verbs that take a that-clause without stating it: "is that", "means that", "ensure that".
_NOT_STATING = (
    frozenset(
        f
        for base in cues.words("be mean ensure make require guarantee matter help cause")
        for f in cues.forms(base)
    )
    | _COPULAS
)


def that_clause(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """Any verb with a that-clause states or holds it: "the court ruled that ...", "he
    posited that ...". The reporting vocabulary covers the common verbs; this covers the
    rest, which are nearly all verbs of saying, finding and thinking."""
    clause = tok.head
    verb = clause.head
    if tok.dep_ != "mark" or clause.dep_ != "ccomp" or verb.i > tok.i or verb.i == clause.i:
        return None
    if verb.tag_[:2] != "VB" or verb.lower_ in cues.VERB_KIND or verb.lower_ in _NOT_STATING:
        return None
    if verb.lower_ in cues.NOUN_CUES:
        return None  # "accusations that ...": a noun the parser took for a verb
    if any(c.dep_ in ("neg", "auxpass", "dobj") for c in verb.children):
        return None  # "convinced voters that ...": the voters hold it
    source = subjects.speaker(verb)
    if source is None or source.lower_ in _EMPTY or source.lower_ == "you":
        return None
    if not start <= source.i < verb.i:
        return None
    content = trim(doc, (tok.i, min(clause.right_edge.i + 1, end)))
    src = np_span(source, start, end)
    return Found(
        cue=(verb.i, verb.i + 1),
        source=trim(doc, (src[0], min(src[1], verb.i)), quotes=True),
        head=source.i,
        content=content,
        kind=cues.SPEECH,
    )
