"""Reporting-verb frames: the source (subjects.py) and what was said (content.py).

Not claims: negated or withheld speech ("did not mention", "declined to say"), verification
("independently confirmed", "images confirmed"), evidence that "shows" ("a video showing";
but "a poll showing" reports a finding), a verb used attributively ("the said report",
"pledged delegates"), the reader addressed as "you", and stances that are military actions:
"support", "back", "defend", "attack" state a position only when someone takes one ("the
minister defended the decision"), never "troops defended the town" or "drones attacked Kharkiv".
"""

from __future__ import annotations

import re
from typing import Any

from tui.pipeline.analyze import content, cues, lexicon, positions, subjects
from tui.pipeline.analyze.cues import words
from tui.pipeline.analyze.frame import (
    Found,
    Span,
    Token,
    np_span,
    overlaps,
    subtree,
    trim,
)

_ANONYMITY_RE = re.compile(
    r"^not to be (?:named|identified|quoted)|anonymity|"
    r"\bnames? (?:not )?(?:be )?(?:used|published|given|withheld|disclosed|revealed)\b",
    re.IGNORECASE,
)
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
# Checks that confirm: "an analysis of the video confirmed", "a review by the outlet verified".
_CHECKS = words("analysis analyses review examination geolocation check checks verification")
_COMMON = frozenset(("NN", "NNS"))
_VERBAL = frozenset(("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "oprd", "ccomp", "xcomp"))
_PERSONAL = words("him her them himself herself themselves me us you")
_SHE = words("he she i we")
_REFLEXIVE = words("itself themselves himself herself")
# Aims and orders told of a party inside its own description ("rebels seeking to carve out a
# homeland", "the group, which wants to topple the government", "the president, who ordered
# the mobilisation"): the outlet's background, not a position anyone stated.
_AIMS = frozenset(("want", "wish", "intend", "seek", "plan", "order"))
_DAYS = words("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")
# Verbs that name their reflexive object: "calling itself X", "identifying himself as X".
_NAMING = frozenset(("call", "dub", "name", "term", "identify", "introduce"))
# What a declaration brings into being rather than asserts ("declared a unilateral ceasefire",
# "proclaimed a state of emergency", "declaring war"): an act, not a claim. "Declared the
# town liberated" or "declared that ..." still report a statement.
_DECLARED_ACTS = words(
    """
    ceasefire cease-fire truce armistice war emergency curfew independence mourning holiday
    amnesty mobilisation mobilization blockade jihad law annexation sovereignty autonomy
    """
)


def frame(doc: Any, tok: Token, kind: str, start: int, end: int) -> Found | None:
    """The attribution a reporting verb makes, or None when it makes none."""
    if tok.dep_ in ("amod", "compound", "nmod") or not _asserted(tok) or _adjectival(tok):
        return None  # "pledged delegates", "the alleged attack"
    base = cues.VERB_BASE.get(tok.lower_, "")
    if _evidence_participle(tok, base):
        return None  # "a video showing soldiers": the video is no source ("a poll showing" is)
    if kind == cues.CONFIRM and any(c.lower_ == "independently" for c in tok.children):
        return None  # "independently confirmed": verification, which status.py reads
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if passive and base in subjects.RELAYING_BASES:
        return None  # "was quoted / cited by RIA as saying": the "saying" frame holds the claim;
        # "the rebels' claims were reported by a local radio", "were reported killed": a relay
    if base in subjects.RELAYING_BASES and _relays(tok):
        return None  # "Interfax quoted a commander as saying": the commander's frame holds it
    if positions.standing_position(tok, base):
        return None  # "Most villagers support the separatists": a position held, no statement
    source, cue_lo = subjects.source(tok)
    opening = None
    if (source is not None and not start <= source.i < end) or (
        source is None and tok.dep_ == "ROOT" and not passive
    ):
        source, opening = subjects.fallback(doc, tok, start, end)
    if source is None or source.lower_ in _EVIDENCE or source.lower_ == "you":
        return None  # "you" outside a quotation is the reader ("Do you support ...?")
    if source.lower_ in lexicon.WEAPONS:
        return None  # "a missile slammed into a building": weapons do not speak
    if kind == cues.CONFIRM and source.lower_ in _CHECKS:
        return None  # "an analysis of the video confirmed": verification, which status.py reads
    if source.lower_ == "that" and tok.dep_ != "relcl":
        return None  # "that" as a demonstrative subject is no source
    if positions.impersonal(source, tok):
        return None  # "It was impossible to confirm the claims": the empty "it" is no source
    if base in cues.STANCE and not _position(source, tok, base):
        return None
    if base in cues.STANCE and tok.dep_ == "acl" and tok.tag_ == "VBG":
        return None  # "a movement supporting the army": a description, not a stance taken
    if base in _AIMS and tok.dep_ in ("relcl", "acl"):
        return None
    if base in ("declare", "proclaim") and _declares_act(tok):
        return None
    if base == "dispute" and _disputed_ground(doc, tok):
        return None  # "near the countries disputed maritime border": an adjective, no denial
    if base == "threaten" and _endangers(tok):
        return None  # "the fighting threatened the stability of the country": no threat made
    if base in cues.STANCE and passive:
        return None  # "rebels who are backed by Kigali": support given, not a stance said
    if base == "claim" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        return None  # "the region which it has claimed as its base": territory, not speech
    if base == "claim" and positions.claims_ground(tok):
        return None  # "the area claimed by India": ground demanded, not a statement
    if base in _NAMING and any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVE for c in tok.children):
        return None  # "a faction calling itself X", "identifying himself as X": a name
    found = content.find(doc, tok, kind, start, end)
    if found is not None and tok.tag_ == "VBG" and _topic_only(doc, found):
        return None  # "Commenting on these reports, the embassy said": what it spoke about
    if found is not None and _ANONYMITY_RE.search(doc[found[0] : found[1]].text):
        return None  # "who asked not to be named": a request for anonymity, not a statement
    if found is None and passive and kind != cues.COGNITIVE:
        found = _passive_subject(doc, tok, start, end)  # not "cases decided by 5-4 votes"
    if found is None and subjects.reduced_passive(tok):
        found = trim(doc, (max(tok.head.left_edge.i, start), tok.left_edge.i))  # "a call echoed by"

    if found is not None and found[1] - found[0] == 1 and doc[found[0]].tag_ in ("WDT", "WP"):
        # "a plan which was welcomed by India": what is welcomed or denied is the antecedent; a
        # denial keeps it as its content, any other verb there tells a reaction, no statement
        found = None
        if kind != cues.DENY:
            return None
    if found is None and tok.dep_ == "relcl" and kind == cues.DENY:
        found = (tok.head.left_edge.i, tok.head.i + 1)  # "an accusation Moscow rejected"
    elif found is None and kind == cues.DENY and tok.head.lower_ in cues.NOUN_CUES:
        found = (tok.head.i, tok.head.i + 1)  # "accusations that the government rejected"
    if found is not None and opening is not None and found[0] < opening[0] < found[1]:
        found = trim(doc, (found[0], opening[0]))  # "..., the UN's office, OCHA, said"
    if found is None or found[1] <= found[0]:
        return None
    cue = (min(cue_lo, tok.i), tok.i + 1)
    src = opening or np_span(source, start, end)
    for other in tok.children:  # "COGAT, the body that ..., said": the apposition belongs to it
        if other.dep_ == "nsubj" and source.i < other.i < tok.i:
            src = (src[0], max(src[1], min(other.right_edge.i + 1, tok.i)))
    if source.i < tok.i < src[1]:
        src = (src[0], tok.i)  # a subtree that swallowed its own verb (a bad parse)
    if source.tag_ in ("NN", "NNS"):
        src = (_name_before(doc, src[0], start), src[1])
    src = _without_lead(doc, src, tok)
    src = (src[0], _before_time(source, src[1]))
    if overlaps(src, cue) or overlaps(src, found):
        return None
    return Found(
        cue=cue, source=trim(doc, src, quotes=True), head=source.i, content=found, kind=kind
    )


def _without_lead(doc: Any, src: Span, tok: Token) -> Span:
    """The source without what the parser hung before it: a time ("Early Monday, M23 rebels")
    or, after the content, an object the subject was taken for ("... killed more than 38,000
    Palestinians, medical authorities in Gaza say": the words after the last comma)."""
    lo, hi = src
    commas = [t.i for t in doc[lo:hi] if t.text == ","]
    if commas and all(t.ent_type_ in ("DATE", "TIME") for t in doc[lo : commas[0]]):
        lo = commas[0] + 1
    if commas and hi == tok.i and lo > 0 and doc[lo - 1].text == "," and tok.i > 0:
        last = [c for c in commas if c < hi - 1]
        if last and doc[last[-1] + 1].tag_ in ("NN", "NNS", "JJ", "DT"):
            lo = last[-1] + 1  # "..., medical authorities in Gaza say"
    return lo, hi


def _name_before(doc: Any, lo: int, start: int) -> int:
    """ "Col. Ivan Petrenko, a spokesman for the command, said": the parser made the title the
    subject and hung the name elsewhere; the name set off before it belongs to the source."""
    k = lo - 2
    if k < start or doc[lo - 1].text != "," or doc[k].tag_ not in ("NNP", "NNPS"):
        return lo
    while k > start and (doc[k - 1].tag_ in ("NNP", "NNPS") or doc[k - 1].dep_ == "compound"):
        k -= 1
    return k if k == start or doc[k - 1].text == "," else lo


def _position(source: Token, tok: Token, base: str) -> bool:
    """Is "X supports / attacks Y" a position taken, not a military action?

    Armed forces and weapons take no positions; a place is attacked or defended, not argued
    with. "Attack" and "defend" state a position only against people, groups and what
    someone said or did ("attacked the judge", "defended his decision").
    """
    if source.lower_ in cues.MILITARY or any(
        c.dep_ == "compound" and c.lower_ in cues.MILITARY for c in source.children
    ):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs:
        return True
    obj = objs[0]
    if obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lower_ in lexicon.PLACE_NOUNS:
        return False  # "the brigade defending the area"
    if base not in cues.PHYSICAL_STANCE or _person(source):
        return True  # a person attacks or defends with words
    if obj.ent_type_ in ("PERSON", "NORP") or obj.lower_ in _PERSONAL:
        return True
    if obj.lower_ in lexicon.ACTS or cues.is_document(obj.lower_):
        return True  # "defended the decision", "attacked the statement"
    return any(c.dep_ == "poss" for c in obj.children)


def _before_time(source: Token, hi: int) -> int:
    """Where the source ends before a day the parser hung at its end: "The government on
    Wednesday", "Officials in the capital on Tuesday" (the day is when it spoke; "an ad in
    2008" or "a poll released Friday" keep theirs: which ad, which poll)."""
    for t in source.doc[source.i + 1 : hi]:
        day = t if t.dep_ == "npadvmod" else next((g for g in t.children if g.dep_ == "pobj"), t)
        if (
            day.lower_ in _DAYS
            and day.ent_type_ in ("DATE", "TIME")  # not "a reporter for USA Today"
            and t.dep_ in ("prep", "npadvmod")
            and t.head.pos_ in ("NOUN", "PROPN")
            and t.right_edge.i + 1 >= hi
        ):
            return t.left_edge.i
    return hi


def _disputed_ground(doc: Any, tok: Token) -> bool:
    """"disputed" right before a noun phrase of ground or sea ("disputed border lines", "the
    countries disputed maritime border") describes it, whatever the parser made of it."""
    if tok.lower_ != "disputed":
        return False
    for t in doc[tok.i + 1 : tok.i + 4]:
        if t.lower_ in positions.GROUND:
            return True
        if t.pos_ not in ("ADJ", "NOUN", "PROPN"):
            return False
    return False


def _endangers(tok: Token) -> bool:
    """"Threatened the last stronghold": a direct object and no infinitive or clause is danger
    put on something, not a threat someone utters ("threatened to blow up the speakers")."""
    deps = {c.dep_ for c in tok.children}
    conditional = any(
        c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
        for c in tok.children
    )  # "threatened reprisals if the shelling went on": a threat made
    return "dobj" in deps and not deps & {"xcomp", "ccomp", "prep"} and not conditional


def _topic_only(doc: Any, found: tuple[int, int]) -> bool:
    """A participle's content that is one prepositional phrase ("on these reports", "to the
    claims", "about the raid"), with no clause in it: the topic it spoke on, no statement."""
    first = doc[found[0]]
    return (
        first.dep_ == "prep"
        and first.right_edge.i + 1 >= found[1]
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[found[0] : found[1]])
    )  # "referring to the claim that it had ...": a clause inside stays a statement


def _declares_act(tok: Token) -> bool:
    """"Declared a ceasefire", "proclaimed a state of emergency": the object is what the act set
    up. Not "declared the vote void" (a predicate) nor "declared that ..." (a statement)."""
    if any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in tok.children):
        return False
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        head = obj.doc[obj.left_edge.i : obj.i + 1].text.lower()
        if obj.lower_ in _DECLARED_ACTS or head.endswith("cease-fire"):
            return True
        if obj.lower_ == "state" and any(t.lower_ in _DECLARED_ACTS for t in obj.subtree):
            return True  # "a state of emergency / war"
    return False


def _person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lower_ in lexicon.PERSON_NOUNS or tok.lower_ in _SHE


def _adjectival(tok: Token) -> bool:
    """A bare participle right before a noun is an adjective the parser took for a verb."""
    if tok.tag_ != "VBN" or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].tag_ not in _COMMON:
        return False
    return not any(c.dep_ in _VERBAL for c in tok.children)


def _asserted(tok: Token) -> bool:
    """False for "did not say", "declined to say", "refused to confirm"."""
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "xcomp" and head.lower_ == "unable":
        return False  # "was unable to confirm"
    if tok.dep_ == "pcomp" and head.lower_ == "without":
        return False  # "without saying how many"
    withheld = head.lower_ in _WITHHOLDING or any(c.dep_ == "neg" for c in head.children)
    return not (tok.dep_ == "xcomp" and head.i != tok.i and withheld)


def _passive_subject(doc: Any, tok: Token, start: int, end: int) -> tuple[int, int] | None:
    for child in tok.children:
        if child.dep_ == "nsubjpass":
            return trim(doc, subtree(child, start, end))
    return None


def _evidence_participle(tok: Token, base: str) -> bool:
    if base not in _EVIDENCE_ONLY or tok.tag_ != "VBG" or _has_aux(tok):
        return False
    return not cues.states_findings(tok.lower_, tok.head.lower_)


def _relays(tok: Token) -> bool:
    """ "quoted / cited / reported Y as saying": the verb passes on Y's words (subjects.py);
    likewise "quoted a military report saying ..." and "cited a press release, which reported
    ...": the document speaks (subjects.relayed_document)."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and (
        any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children)
            for c in tok.children
        )
        or any(subjects.relayed_document(o) for o in objects)
    )


def _has_aux(tok: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in tok.children)
