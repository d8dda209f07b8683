"""Who speaks: the token heading the source of a reporting verb (verbs.py builds the frame).

The source is the verb's subject, or:
- the subject it shares as a conjunct or participle ("denied the report, saying..."; "went on
  to say"; "by saying"; "was quick to point out"; "met on Monday to discuss");
- the noun a participle hangs on ("a statement saying", "a gunman claiming"), or who put that
  statement out ("the council approved a resolution condemning ...");
- the relative pronoun of "who said" (sources.py names it after its antecedent);
- the agent of a passive ("was condemned by Jordan's foreign minister"), also of a reduced one
  ("a plan opposed by the ministry"); the subject of "was quoted as saying", the object of
  "X quoted / cited / reported Y as saying" (Y is the one who speaks, X only relays);
- after a quotation, the name the parser took for the verb's object ('"...," declared X').
When the parser took the subject from another sentence or left the verb without one, the
sentence's own words are read instead (`fallback`): a plain noun phrase opening it, a phrase
set off by commas right before the verb, or the subject of the sentence's main verb.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.cues import words
from tui.pipeline.analyze.frame import CLOSERS, Span, Token

_DASHES = frozenset(("—", "–", "--"))
_NOUN_TAGS = frozenset(("NN", "NNS", "NNP", "NNPS", "PRP"))
_PERCEIVED = words("see view know hear find show recommend")
# Verbs that relay another's words: "X quoted / cited / reported Y as saying" (Y speaks),
# "Y was recorded as saying".
RELAYING_BASES = ("quote", "cite", "report", "record")
_RELAYING = frozenset(form for base in RELAYING_BASES for form in cues.forms(base))


def speaker(tok: Token) -> Token | None:
    """The token heading the subject that verb `tok` speaks for, found as for reporting verbs."""
    return source(tok)[0]


def fallback(doc: Any, tok: Token, start: int, end: int) -> tuple[Token | None, Span | None]:
    """A source from the sentence's own words, when the parse gives none inside it.

    Returns the head token and, for an opening phrase, its span.
    """
    head, opening = trailing_subject(doc, tok, start, end)
    if head is None:
        head, opening = _opening_subject(doc, tok, start)
    if head is None:
        head, opening = _opening_before_aside(doc, tok, start)
    if head is None:
        head = _fronted_subject(doc, tok, start) or _local_subject(doc, tok, start, end)
    return head, opening


_AFTER_VERB = frozenset(("prep", "pobj", "npadvmod", "advmod", "det", "compound", "amod"))
_NP_OPENERS = frozenset(("DT", "JJ", "NNP", "NNPS", "NN", "NNS", "PRP$"))


def trailing_subject(
    doc: Any, tok: Token, start: int, end: int
) -> tuple[Token | None, Span | None]:
    """ "About 2,400 families fled the camp, the UN's humanitarian coordination office, OCHA,
    said": the parser took the trailing name and its apposition for an object of the clause and
    left the verb without a subject. The comma-set parts between the clause and the verb, none
    with a verb of its own, are the subject; the clause before them the content."""
    if tok.dep_ != "ROOT" or tok.i - 3 <= start or doc[tok.i - 1].text != ",":
        return None, None
    if any(not t.is_punct and t.dep_ not in _AFTER_VERB for t in doc[tok.i + 1 : end]):
        return None, None  # the verb must end the sentence ("..., OCHA, said on Monday.")
    commas = [t.i for t in doc[start : tok.i - 1] if t.text == ","]
    lo = None
    for c in reversed(commas):
        part = doc[c + 1 : (lo or tok.i) - 1]
        if not len(part) or any(t.tag_[:2] in ("VB", "MD") for t in part):
            break
        if part[0].tag_ not in _NP_OPENERS:
            break
        lo = c + 1
    if lo is None or not any(t.tag_[:2] == "VB" for t in doc[start : lo - 1]):
        return None, None
    first = doc[lo : tok.i - 1]
    heads = [t for t in first if not lo <= t.head.i < tok.i - 1 or t.head.i == t.i]
    head = next((t for t in heads if t.tag_ in ("NN", "NNS", "NNP", "NNPS")), None)
    if head is None:
        return None, None
    return head, (lo, tok.i - 1)


def _opening_before_aside(doc: Any, tok: Token, start: int) -> tuple[Token | None, Span | None]:
    """ "A senior official, speaking on condition of anonymity ..., said": the parser hung the
    opening noun phrase on the last sentence; the phrase and its aside, up to the comma right
    before the verb, are the subject."""
    if tok.i - 1 <= start or doc[tok.i - 1].text != ",":
        return None, None
    comma = next((t.i for t in doc[start : tok.i - 1] if t.text == ","), None)
    if comma is None or comma - start > 10 or comma == start:
        return None, None
    opening = doc[start:comma]
    last = doc[comma - 1]
    if last.tag_ not in _NOUN_TAGS or any(t.tag_[:2] in ("VB", "MD") for t in opening):
        return None, None
    if opening[0].tag_ not in ("DT", "JJ", "NNP", "NN", "NNS", "PRP$", "CD"):
        return None, None
    return last, (start, tok.i - 1)


def source(tok: Token) -> tuple[Token | None, int]:
    """The token heading the source of verb `tok`, and where the cue phrase begins."""
    cue_lo = tok.i
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if subjects:
        return _subject(tok, subjects), cue_lo
    if any(c.dep_ == "auxpass" for c in tok.children) or reduced_passive(tok):
        agents = [c for c in tok.children if c.dep_ == "agent"] or [
            t for t in tok.doc[tok.i + 1 : tok.right_edge.i + 1] if t.dep_ == "agent"
        ]  # "was attacked on the speeches by Sanders": the parser hung "by" lower down
        objs = [c for a in agents[:1] for c in a.children if c.dep_ == "pobj"]
        return (objs[0] if objs else None), cue_lo
    head = tok.head
    if tok.dep_ == "relcl" and head.i < tok.i:
        return head, cue_lo
    if tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBZ", "VBP"):
        return _left_noun(tok) or _inverted(tok), cue_lo
    if tok.dep_ == "pcomp" and head.lower_ == "as" and head.head.lower_ in _RELAYING:
        relay = head.head
        for child in relay.children:  # "Interfax quoted a commander as saying": the commander
            if child.dep_ == "dobj":
                return child, cue_lo
        for child in relay.children:  # "X was quoted as saying"
            if child.dep_ in ("nsubjpass", "nsubj"):
                lo = min([c.i for c in relay.children if c.dep_ == "auxpass"] + [relay.i])
                return child, lo
        return None, cue_lo
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.i < tok.i and head.tag_[:2] == "NN":
        return _bearer(head), cue_lo
    return _controller(tok), cue_lo


def _subject(tok: Token, subjects: list[Token]) -> Token:
    """The subject that is the source, when a misparse gives several or a dateline leads.

    "RIGA, Latvia — ..., the governor said": the one after the dash. "COGAT, the Israeli
    body that coordinates aid, said": the first (the rest is its apposition). "BANGKOK – The
    Arakan Army said": the name in apposition after the dateline's dash.
    """
    doc = tok.doc
    first = min(subjects, key=lambda c: c.i)
    inverted = [c for c in subjects if c.i > tok.i]
    if first.i < tok.i and inverted and doc[tok.i - 1].text in CLOSERS:
        return inverted[0]  # "..., said Alan Abramowitz": the clause before is no subject
    dashes = [t.i for t in doc[first.i : tok.i] if t.text in _DASHES]
    colons = [t.i for t in doc[first.i : tok.i] if t.text == ":"]
    if not dashes and colons and (_title_dateline(doc, first, tok) or len(subjects) > 1):
        dashes = colons[:1]  # "Background: Earlier on Monday, the army said": after the colon
    if dashes:
        after = [c for c in subjects if c.i > dashes[-1]]
        if after:
            return after[0]
        for child in first.rights:
            if child.dep_ == "appos" and child.i > dashes[-1]:
                return child
        named = _named_before_time(doc, dashes[-1] + 1, tok.i)
        if named is not None:
            return named
    return first


def _title_dateline(doc: Any, first: Token, tok: Token) -> bool:
    """"Juba, South Sudan: rebels said": a place, a comma, a country, a colon, at the start."""
    start = first.sent.start
    colon = next((t.i for t in doc[start : tok.i] if t.text == ":"), None)
    return first.i == start and colon is not None and place_and_country(doc, start, colon)


def place_and_country(doc: Any, start: int, colon: int) -> bool:
    """"Juba, South Sudan" before a colon: capitalised words split by one comma, no more than
    six tokens (a dateline in title case)."""
    words = doc[start:colon]
    commas = [t.i for t in words if t.text == ","]
    return (
        len(words) <= 6
        and len(commas) == 1
        and commas[0] > start
        and all(t.text == "," or t.text[:1].isupper() for t in words)
    )


def _named_before_time(doc: Any, lo: int, verb: int) -> Token | None:
    """"BANGKOK, Thailand -- Laos Saturday accused": the parser hung the name on the day; the
    first proper name between the dateline's dash and the verb that is no date is the source."""
    times = ("DATE", "TIME")
    return next(
        (
            t
            for t in doc[lo:verb]
            if t.tag_ in ("NNP", "NNPS")
            and t.ent_type_ not in times
            and (t.head.ent_type_ in times or t.head.i == verb)
        ),
        None,
    )


def relayed_document(noun: Token) -> bool:
    """A document an outlet quotes, that says something itself: "a military report saying
    ...", "an army press release, which reported ..."."""
    if not _statement(noun):
        return False
    return any(
        (c.dep_ == "acl" and c.tag_ == "VBG" or c.dep_ == "relcl") and c.lower_ in cues.VERB_KIND
        for c in noun.children
    )


def _statement(noun: Token) -> bool:
    """A document or a noun of speech ("statement", "report", "claim"), or a press release."""
    press = noun.lower_ in ("release", "releases") and any(
        c.lower_ == "press" for c in noun.children
    )
    return press or cues.is_document(noun.lower_) or noun.lower_ in cues.NOUN_CUES


def _bearer(noun: Token) -> Token | None:
    """Who speaks through "a statement saying ...", "a gunman claiming ...".

    A statement put out by someone is theirs ("the council approved a resolution condemning
    ..."), unless the verb that puts it out makes its own claim ("issued a statement saying
    ..." is one claim, the issuer's). A subject speaks for itself ("a poll showing ...").
    After an object the participle is usually the parser's misreading of a sentence adverbial
    ("emailed supporters saying ..."): the speaker is the subject of the clause.
    """
    dep = noun.dep_
    if dep in ("nsubj", "nsubjpass", "attr", "appos", "ROOT"):
        return noun
    if dep == "pobj" and noun.head.lower_ == "with":
        return noun  # "with the governor telling reporters ..."
    verb = noun.head
    if dep == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if verb.tag_[:2] != "VB" or dep not in ("dobj", "pobj", "dative"):
        return None
    if verb.lower_ in _RELAYING and dep == "dobj" and _statement(noun):
        return noun  # "quoted a military report saying ...": the report speaks, relayed
    statement = cues.is_document(noun.lower_) or noun.lower_ in cues.NOUN_CUES
    if statement and verb.lower_ in cues.VERB_KIND:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _inverted(tok: Token) -> Token | None:
    """'"...," declared Ivan Petrenko': a name right after a verb that follows the quotation,
    which the parser took for the verb's object."""
    if tok.i == 0 or tok.doc[tok.i - 1].text not in CLOSERS:
        return None
    for child in tok.rights:
        if child.left_edge.i == tok.i + 1 and child.tag_ in ("NNP", "NNPS", "NN"):
            return child
    return None


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
    sequel = tok.dep_ == "conj" or tok.doc[tok.i - 1].text == ","
    for _ in range(3):
        dep, head = tok.dep_, tok.head
        if dep == "pcomp" and tok.tag_ == "VBG" and head.dep_ == "prep":
            head = head.head  # "by saying", "before adding"
        elif dep == "xcomp" and head.dep_ == "acomp" and head.tag_ == "JJ":
            head = head.head  # "was quick to point out", "are more likely to say"
        elif not (
            dep in ("conj", "xcomp")
            or (dep in ("advcl", "acl") and tok.tag_ == "VBG")
            or (dep == "advcl" and _to_infinitive(tok))  # "met on Monday to discuss"
        ):
            return None
        if head.i == tok.i or head.tag_[:2] != "VB":
            return None
        speaker = _speaker_above(head)
        if speaker is not None and sequel:
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


def _to_infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def reduced_passive(tok: Token) -> bool:
    """ "a plan opposed by the ministry", "the claim, echoed by Kyiv": a participle with an agent.

    Not documents put out ("a report released by"), stances ("rebels backed by Ankara", often
    material support) or perceptions ("a memo seen by Reuters").
    """
    base = cues.VERB_BASE.get(tok.lower_, "")
    if cues.needs_document(tok.lower_) or base in cues.STANCE or base in _PERCEIVED:
        return False
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.head.i < tok.i
        and any(c.dep_ == "agent" for c in tok.children)
    )


def _opening_subject(doc: Any, tok: Token, start: int) -> tuple[Token | None, Span | None]:
    """The noun phrase opening the sentence, when the parser took the subject from the last one.

    "9:30 p.m. Donald Trump says ..." can come back with "p.m." as the subject of "says"; the
    words before the verb, if they are one plain noun phrase, are the subject.
    """
    i = tok.i - 1
    while i >= start and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    first = start
    while first < i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if i < first or i - first > 12 or doc[i].tag_ not in _NOUN_TAGS:
        return None, None
    if any(t.tag_[:2] in ("VB", "MD") or t.text in ",;:()" or t.is_space for t in doc[first:i]):
        return None, None
    return doc[i], (first, i + 1)


def _fronted_subject(doc: Any, tok: Token, start: int) -> Token | None:
    """ "In a call on Dec. 2, Col. Ivan Petrenko, a spokesman, said": the parser hung the name
    on the date; the phrase right before the verb, opened by a comma, is its subject."""
    j = tok.i - 1
    while j > start and doc[j].dep_ in ("aux", "auxpass", "neg", "advmod"):
        j -= 1
    if j > start and doc[j].text == ",":
        j -= 1
    best = None
    for t in doc[start : j + 1]:
        lo = t.left_edge.i
        if t.right_edge.i != j or t.tag_ not in _NOUN_TAGS or t.ent_type_ == "DATE":
            continue
        if (lo == start or doc[lo - 1].text == ",") and (best is None or lo < best.left_edge.i):
            best = t
    return best


def _local_subject(doc: Any, tok: Token, start: int, end: int) -> Token | None:
    """ "X defended the plan, saying ..." where the parser tied "saying" to the last sentence:
    the subject of the sentence's own main verb, if the verb continues it."""
    if tok.dep_ not in ("conj", "advcl"):
        return None
    for t in doc[start : tok.i]:
        if t.tag_[:2] == "VB" and not start <= t.head.i < end or t.head.i == t.i:
            subjects = [c for c in t.children if c.dep_ == "nsubj" and start <= c.i < t.i]
            return subjects[0] if subjects else None
    return None
