"""Attributions without a reporting verb: "according to X", "X: ...", "X's claim that ...".

- "according to X": X is the source, the rest of the sentence the content;
- a headline colon: a short capitalised name before it ("Zelensky: we will not give up
  Kharkiv"), never a rubric ("Analysis:", "Update:") nor a transcript's "Q:"/"A:", and only
  before a clause or a quotation; in running text, a name right before a colon and a
  quotation ("... the analyst Ivan Petrenko: '...'") unless a reporting verb comes first;
- a reporting noun with an owner: "the ministry's claim that...", "a statement from Kyiv
  saying...", "remarks by the governor that..."; the owner is the source and the clause or
  topic the content. A light verb lends the noun its speaker ("X raised concerns that",
  "X made comments about"); a statement received names its giver ("the plan drew criticism
  from Berlin": Berlin criticised the plan). Nouns that only name a statement ("his remarks
  on the war") need a that-clause.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues, lexicon, subjects
from tui.pipeline.analyze.frame import OPENING, Found, Span, Token, np_span, subtree, trim

_RUBRICS = cues.words(
    """
    analysis update updates exclusive watch live explainer opinion editorial comment
    breaking video photos photo note correction factbox timeline interview name age city job
    pay source sources credit read more related listen map chart graphic warning
    """
)
_OWNER_PREPS = frozenset(("by", "from"))
_NOT_SPEAKERS = frozenset(("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"))
# Verbs that lend a reporting noun its speaker: "made comments about", "raised concerns that",
# "gave an interview", "signed a letter". Not "faced criticism", "drew condemnation".
_LIGHT_VERBS = frozenset(
    form
    for base in cues.words(
        "make give deliver raise send sign level lodge file pen share renew air present put"
    )
    for form in cues.forms(base)
)
# Verbs by which a statement is received, not made: "the plan drew criticism from Berlin".
_RECEIVING = frozenset(
    form
    for base in cues.words("draw face receive spark prompt trigger attract earn provoke meet")
    for form in cues.forms(base)
) | {"drew", "drawn", "met"}
# Nouns that name a statement without saying it: "his remarks on the war" gives a topic, "his
# warning of new strikes" what was said. These need a that-clause to make a claim.
_VESSELS = cues.words("statement statements speech speeches remark remarks position message")
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
    """Headline style "Zelensky: we will not give up Kharkiv"; a short name before the colon.

    In running text, a name right before a colon and a quotation ("... the analyst Ivan Petrov:
    'The front will hold'") introduces that quotation as well.
    """
    if end - tok.i < 4:
        return None
    quoted = doc[tok.i + 1].text in OPENING
    before = doc[start : tok.i]
    last = doc[tok.i - 1]
    if not last.text[:1].isupper() or last.lower_ in _RUBRICS or last.tag_[:2] != "NN":
        return None
    if tok.i - start <= 3 and (last.text.isupper() or _reporting_after(doc, tok.i, end)):
        return None  # "KYIV: Moscow said ...", "Gaza: Gaza's Health Ministry says ...": a dateline
    if subjects.place_and_country(doc, start, tok.i) and _reporting_after(doc, tok.i, end):
        return None  # "Juba, South Sudan: rebels said ...": a dateline in title case
    if len(last.text.rstrip(".")) == 1:
        return None  # "Q:" and "A:" mark a transcript's turns, not who speaks
    hi = tok.i
    if 1 <= len(before) <= 5 and not any(t.tag_[:2] == "VB" or t.is_digit for t in before):
        lo = _after_dash(doc, start, tok.i)  # "EXCLUSIVE - Roger Stone:"
        hi = next((t.i for t in doc[lo + 1 : tok.i] if t.tag_ in ("IN", "TO")), tok.i)
        if not quoted and not any(t.tag_[:2] in ("VB", "MD") for t in doc[tok.i + 1 : end]):
            return None  # "Clinton: 1,769" is a tally, not a statement
    elif quoted and last.ent_type_ not in _NOT_SPEAKERS:
        lo = _name_before(doc, tok.i, start)
        if lo is None or any(t.lower_ in cues.VERB_KIND and t.tag_[:2] == "VB" for t in before):
            return None  # "wrote on Telegram: '...'": the verb's quotation
    else:
        return None
    return Found(
        cue=(tok.i, tok.i + 1),
        source=trim(doc, (lo, hi), quotes=True),  # "Clinton to Planned Parenthood:" -> Clinton
        head=hi - 1,
        content=trim(doc, (tok.i + 1, end)),
        kind=cues.SPEECH,
    )


def _reporting_after(doc: Any, colon: int, end: int) -> bool:
    """Does a reporting verb follow the colon? Then the words before it only say where."""
    return any(
        t.lower_ in cues.VERB_KIND and t.tag_[:2] == "VB" for t in doc[colon + 1 : end]
    )


def _name_before(doc: Any, colon: int, start: int) -> int | None:
    """Where the name that ends at the colon begins: "pollster Daron Shaw:", "A and B:"."""
    head = doc[colon - 1]
    while head.dep_ in ("compound", "conj", "flat") and start <= head.head.i < head.i:
        head = head.head
    lo = max(_after_dash(doc, start, colon), min(np_span(head, start, colon)[0], head.i))
    return lo if colon - lo <= 8 else None


def _after_dash(doc: Any, start: int, end: int) -> int:
    """Where the text after the last dash or punctuation mark before `end` begins."""
    floor = start
    for t in doc[start:end]:
        spaced = t.i > start and bool(doc[t.i - 1].whitespace_)  # " - " is a dash, "-" joins
        if t.is_punct and t.text not in ("'", "’", ".") and (t.tag_ != "HYPH" or spaced):
            floor = t.i + 1
    return floor


def noun(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """A reporting noun with an owner and a content: "the ministry's claim that ...". Not the
    object of a rejection ("rejecting Moscow's statement that ..."): the rejection is the claim,
    the statement what it answers (disputes.py reads it there)."""
    if tok.dep_ in ("dobj", "pobj") and cues.verb_kind(tok.head.lower_) == cues.DENY:
        return None
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
            and tok.lower_ not in _VESSELS
        ):
            content = subtree(child, start, end)
    cue_lo = tok.i
    if owner is None and tok.dep_ == "dobj" and tok.head.lower_ in _RECEIVING:
        owner = _giver(tok.head)  # "drew criticism from Budapest"
    if content is None and owner is not None and owner.i > tok.i:
        content = _received(tok, start, end)  # "the plan drew criticism from Berlin"
    if owner is None and tok.dep_ == "dobj" and tok.head.lower_ in _LIGHT_VERBS:
        owner = subjects.speaker(tok.head)  # "X made comments about", "X raised concerns that"
        cue_lo = tok.head.i if tok.i - tok.head.i <= 3 else tok.i
        if owner is not None and (
            owner.lower_ in lexicon.EVENTS or owner.lower_ in lexicon.WEAPONS
        ):
            return None  # "the attack raised fears of a wider war": an event speaks no fears
    if owner is None or content is None or not start <= owner.i < end:
        return None
    source = np_span(owner, start, end) if owner.i < cue_lo else subtree(owner, start, end)
    if owner.i < cue_lo:
        source = (source[0], min(source[1], cue_lo))
    if source[1] > source[0] and doc[source[1] - 1].dep_ == "case":
        source = (source[0], source[1] - 1)  # "the ministry's" -> "the ministry"
    content = trim(doc, content)
    if content[1] <= content[0]:
        return None
    return Found(
        cue=(cue_lo, tok.i + 1),
        source=trim(doc, source, quotes=True),
        head=owner.i,
        content=content,
        kind=cues.NOUN_CUES[tok.lower_],
    )


def _giver(verb: Token) -> Token | None:
    for prep in verb.rights:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in _OWNER_PREPS:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
    return None


def _received(tok: Token, start: int, end: int) -> Span | None:
    """What drew the criticism: the subject of "drew", "faced", "sparked" ..."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lower_ not in _RECEIVING:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subtree(subjects[0], start, end) if subjects else None


def _is_that_clause(tok: Token) -> bool:
    """ "claim that ...", "a statement saying ...": a clause, not "the claim it made"."""
    if tok.tag_ == "VBG":
        return tok.lower_ in cues.VERB_KIND
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
