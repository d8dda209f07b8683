"""Attributions found in one sentence's dependency parse: cue, source and content spans.

A candidate cue is a reporting verb (verbs.py), "according to", a reporting noun with an owner
("the ministry's claim that..."), or a headline colon ("Zelensky: ...") (nominal.py), or one of
the phrases that attribute without a reporting word of their own: "made clear", "in X's view",
"in a poll", "is confident that", a that-clause (phrases.py), "lashed out at", "took aim at"
(idioms.py). It becomes an attribution only when both a source and some content are found for
it. A title-case headline in which the parse finds nothing is read by its shape (headlines.py).

Two clean-ups work on the sentence as a whole:
- a verb inside someone's quotation, with its subject ("'I think we held,' he said"), is
  part of that quotation, not a claim the article attributes;
- an attribution inside another one's content ("X said Y had claimed Z") is dropped: the outer
  speaker is the one the article cites. Contrasted clauses ("..., while Ukraine said ...")
  are kept, and the outer content ends where they begin.
"""

from __future__ import annotations

import functools
from typing import Any

from tui.pipeline.analyze import cues, headlines, idioms, lexicon, nominal, phrases, verbs
from tui.pipeline.analyze.frame import OPENING, Found, Token, trim
from tui.pipeline.analyze.quotes import QuoteMap

_CONTRAST = frozenset(("while", "whereas", "but", "although", "though"))


def find_in_sentence(
    doc: Any, start: int, end: int, quoted: QuoteMap, candidates: list[int]
) -> list[Found]:
    """Attributions among tokens [start, end) of `doc` (one sentence).

    `candidates` are the token indices of the sentence whose word can be a cue
    (`cue_candidates`), so that only those few tokens are ever looked at one by one.
    """
    found: list[Found] = []
    for i in candidates:
        item = _attribution_at(doc, doc[i], start, end)
        if item is not None and not _quoted(doc, item, quoted):
            found.append(item)
    if not found and (item := headlines.read(doc, start, end)) is not None:
        found.append(item)
    kept = _drop_issuing(doc, _drop_nested(doc, found))
    _mark_attached(doc, kept)
    return kept


def _drop_issuing(doc: Any, found: list[Found]) -> list[Found]:
    """ "X released a statement announcing that ...": one claim, the one with the content.

    The verb that puts a document out says nothing of its own when a participle on the
    document carries what the document says."""
    if len(found) < 2:
        return found
    out = []
    for item in found:
        verb = doc[item.cue[1] - 1]
        heads = {doc[i].i for i in range(*item.content) if doc[i].tag_[:2] == "NN"}
        documents = {c.i for c in verb.children if c.dep_ == "dobj" and cues.is_document(c.lower_)}
        carried = any(
            other is not item
            and doc[other.cue[1] - 1].tag_ == "VBG"
            and (
                doc[other.cue[1] - 1].head.i in heads
                or (doc[other.cue[1] - 1].head.i == verb.i and documents)
            )
            for other in found
        )
        if carried and cues.needs_document(verb.lower_):
            continue
        out.append(item)
    return out


def _attribution_at(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """The attribution whose cue is `tok`, trying each reading its word allows."""
    low, tag = tok.lower_, tok.tag_[:2]
    kind = cues.VERB_KIND.get(low)
    item = None
    if kind is not None and tag == "VB":
        item = verbs.frame(doc, tok, kind, start, end)
        if item is not None and _press_sight(doc, tok, item):
            return None
    elif low == "according" and tok.i + 1 < end and doc[tok.i + 1].lower_ == "to":
        return nominal.according(doc, tok, start, end)
    elif low == ":" and tok.i > start:
        return nominal.colon(doc, tok, start, end)
    elif low == "that":
        return phrases.that_clause(doc, tok, start, end)
    elif low == "put" and phrases.puts_it(tok):
        return verbs.frame(doc, tok, cues.SPEECH, start, end)  # "as the minister put it"
    elif low in idioms.FIGURE_VERBS and tag == "VB":
        item = idioms.put_figure(doc, tok, start, end)  # "put the death toll at 27"
    elif low in cues.NOUN_CUES and tag == "NN":
        item = nominal.noun(doc, tok, start, end)
    elif low in phrases.MADE_WORDS:
        item = phrases.made(doc, tok, start, end)
    if item is None and low in phrases.ATTITUDES and tok.tag_ == "JJ":
        item = phrases.attitude(doc, tok, start, end)
    if item is None and low in idioms.IDIOM_BASE and tag == "VB":
        item = idioms.idiom(doc, tok, start, end)
    if item is None and low in phrases.IN_WORDS and tag == "NN":
        item = phrases.in_phrase(doc, tok, start, end)
    return item


CANDIDATES = (
    cues.CUE_WORDS
    | phrases.MADE_WORDS
    | phrases.IN_WORDS
    | phrases.ATTITUDES
    | frozenset(idioms.IDIOM_BASE)
    | idioms.FIGURE_VERBS
    | {"that"}
)


def cue_candidates(doc: Any, words: frozenset[str] = CANDIDATES) -> list[int]:
    """Indices of the tokens whose lower-case form is in `words`, found in one array pass."""
    import numpy
    from spacy.attrs import LOWER

    lowers = doc.to_array(LOWER)
    return numpy.flatnonzero(numpy.isin(lowers, _hashes(words))).tolist()


@functools.cache
def _hashes(words: frozenset[str]) -> Any:
    """The string-store hashes of `words` (they depend on the words only, not on the model)."""
    import numpy
    from spacy.strings import hash_string

    return numpy.fromiter((hash_string(w) for w in words), dtype="uint64", count=len(words))


def _quoted(doc: Any, item: Found, quoted: QuoteMap) -> bool:
    inside = quoted.enclosing(doc[item.cue[0]].idx)
    return inside is not None and inside[0] <= doc[item.source[0]].idx < inside[1]


def _mark_attached(doc: Any, found: list[Found]) -> None:
    """A participle that continues another claim by the same source is a claim of its own only
    when it brings a clause or a quotation ("..., adding that ...", "..., saying ..."); with a
    mere object ("..., rejecting Moscow's account", "calling it propaganda", "asking not to be
    named") it is part of the claim before it (status.py still reads it as a denial)."""
    for k, item in enumerate(found):
        tok = doc[item.cue[1] - 1]
        if tok.tag_ != "VBG" or not any(
            other.source == item.source and other.cue[0] < item.cue[0] for other in found[:k]
        ):
            continue
        item.attached = not _own_clause(doc, tok, item)


def _own_clause(doc: Any, tok: Token, item: Found) -> bool:
    """Does the participle `tok` bring a clause or a quotation of its own? A rejection of a
    statement does not: "rejecting Moscow's statement that ..." (the clause is the statement's)."""
    if cues.verb_kind(tok.lower_) == cues.DENY and any(
        c.dep_ == "dobj" and c.lower_ in cues.NOUN_CUES for c in tok.children
    ):
        return False
    if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return True
    first = doc[item.content[0]]
    if first.lower_ in ("that", "whether", "if"):
        return True
    inside = doc[item.content[0] : item.content[1]]
    return first.text in OPENING and any(t.tag_[:2] in ("VB", "MD") for t in inside)


def _drop_nested(doc: Any, found: list[Found]) -> list[Found]:
    """Keep only outermost attributions, except contrasted clauses and shared-subject sequels."""
    if len(found) < 2:
        return found
    relays = [o for o in found if _relays(doc, o, found)]
    kept = []
    for item in found:
        if item in relays:
            continue
        outer = [
            o
            for o in found
            if o is not item and o not in relays and o.content[0] <= item.cue[0] < o.content[1]
        ]
        if outer and not _sequel(doc, item, outer[0]):
            continue
        kept.append(item)
    for relay in relays:
        for item in kept:
            start = min(relay.source[0], relay.cue[0])  # "according to Y": from its cue
            if relay.content[0] <= item.cue[0] < relay.content[1] and start > item.cue[0]:
                _cut(doc, item, start)  # "... , the Guardian reports" is no content
    return kept


def _relays(doc: Any, outer: Found, found: list[Found]) -> bool:
    """ "X said ..., the Guardian reports" / "..., according to the Kyiv Independent": an outlet
    relaying an attribution. The inner speaker is the source; the relay is no claim."""
    last = doc[outer.cue[1] - 1].lower_
    if outer.kind != "according" and cues.VERB_BASE.get(last) not in ("report", "write"):
        return False
    if outer.source[0] < outer.content[0]:
        return False  # "Reuters reported that X said ...": the report is the outlet's own
    return any(
        item is not outer
        and outer.content[0] <= item.source[0]
        and item.cue[0] < outer.content[1]
        and item.kind != "according"
        and not _after_an_act(doc[item.cue[1] - 1])
        for item in found
    )


def _after_an_act(tok: Token) -> bool:
    """ "X gave the rebels maps and described morale as low, according to the statement": the
    verb joins an act the relay tells, so the whole sentence is the statement's claim. Likewise
    "A claim by X that ... is a lie, according to Y": the claim is what Y speaks of."""
    if tok.tag_[:2] == "NN" and tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ == "conj" and tok.head.lower_ not in cues.VERB_KIND


def _sequel(doc: Any, inner: Found, outer: Found) -> bool:
    """Is `inner` a statement of its own that the parser hung inside `outer`'s content?

    Two cases: a clause set against the outer one ("..., while Ukraine said ...", "... but
    Kyiv denied ..."), and a continuation by the same source ("denied the report, saying ...",
    "said ..., adding ..."). The outer content is then cut where the inner clause begins.
    """
    tok = doc[inner.cue[1] - 1]
    if (
        inner.source == outer.source
        and tok.tag_ == "VBG"
        or tok.dep_ == "conj"
        and (inner.source == outer.source)
    ):
        _cut(doc, outer, tok.left_edge.i)
        return True
    if (
        tok.dep_ in ("relcl", "acl")
        and tok.head.lower_ in cues.NOUN_CUES
        and not any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    ):
        _cut(doc, outer, tok.head.left_edge.i)  # "..., a claim (that) the spokesman rejected"
        return True
    if outer.kind == "according" and _after_an_act(tok):
        return False  # "gave maps and described ..., according to the statement": all its
    which = _sentential_which(doc, tok, inner)
    if which is not None:
        _cut(doc, outer, which)  # "X said A, which Kyiv denied": a denial of the whole clause
        return True
    for _ in range(6):
        if tok.i == outer.cue[1] - 1:
            return False  # reached the outer verb: the inner one is inside what it says
        marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in _CONTRAST]
        if tok.dep_ == "conj" or marks:
            cut = tok.left_edge.i
            if tok.dep_ == "conj":
                ccs = [c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
                cut = min([cut, *ccs[-1:]])
            _cut(doc, outer, cut)
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _sentential_which(doc: Any, tok: Token, inner: Found) -> int | None:
    """ "..., which the Taliban government denied": a denial or confirmation in a relative
    clause after a comma answers the clause before it, whatever noun the parser hung it on.
    The index of its "which", or None."""
    if tok.dep_ != "relcl" or inner.kind not in (cues.DENY, cues.CONFIRM):
        return None
    for child in tok.children:
        comma = child.i > 0 and doc[child.i - 1].text == ","
        if child.lower_ == "which" and comma and child.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return child.i
    return None


def _press_sight(doc: Any, tok: Token, item: Found) -> bool:
    """ "AP journalists at the scene saw seven bodies": what the outlet's own people saw is its
    reporting (evidence, when it bears on a claim), not an attribution to a source."""
    if cues.VERB_BASE.get(tok.lower_) not in lexicon.PERCEPTION_VERBS:
        return False
    head = doc[item.head]
    return head.lower_ in lexicon.PRESS_NOUNS


def _cut(doc: Any, outer: Found, at: int) -> None:
    lo, hi = trim(doc, (outer.content[0], min(outer.content[1], at)))
    while hi > lo and doc[hi - 1].lower_ in ("and", "but", "while", "whereas", ","):
        hi -= 1
    outer.content = (lo, hi)
