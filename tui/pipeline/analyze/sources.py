"""Naming the source of each claim, and resolving "he said" / "the ministry said".

The source *span* stays the full noun phrase in the sentence, asides included ("Volodymyr
Artiukh, the governor of Sumy"), because that is the phrase the reader sees underlined. The
source *name* is what the claim is filed under: the phrase without its non-restrictive asides,
the proper name when a title stands in apposition to it ("the regional governor, Oleh
Syniehubov" -> "Oleh Syniehubov"), and for a pronoun or a short definite description the name
of the nearest fitting source earlier in the article:
- "he"/"she": the last person who spoke, unless a person entity was the subject of a sentence
  since ("Governor X visited the site. He said..."); "it"/"they" likewise with
  organisations, countries and groups;
- "who"/"which" (relative clauses): the phrase the clause hangs on;
- "the ministry", "the governor": the nearest earlier source, or named phrase, holding that noun.
When nothing fits, the span's own text is the name. A person named by surname ("Sikorski",
"Mr Sikorski") is filed under the fullest name the article gives them ("Radoslaw Sikorski").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from tui.core.models import Entity
from tui.pipeline.analyze import lexicon, names, sides

_PERSON_PRONOUNS = frozenset(("he", "she", "him", "her"))
_GROUP_PRONOUNS = frozenset(("it", "they"))
_RELATIVES = frozenset(("who", "whom", "which", "that"))
_DEFINITE = frozenset(("the", "this", "that", "these", "those"))
_ASIDES = frozenset(("appos", "relcl", "acl", "advcl", "parataxis"))
_LOOK_BACK = 3000  # characters searched back for the named phrase behind "the ministry"
_PERSON_NOUNS = lexicon.PERSON_NOUNS
_STATE_ARMS = frozenset(("army", "military"))
_HONORIFICS = frozenset(("mr", "mrs", "ms", "dr", "miss"))


@dataclass(slots=True)
class Draft:
    """A claim under construction: character spans, then a name and a status."""

    sent: tuple[int, int]
    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[int, int]
    kind: str
    head: int  # token index of the source's head
    tokens: tuple[int, int]  # token span of the source
    name: str = ""
    person: bool = False  # whether the source is a person (for "he"/"she")
    group: bool = False  # organisation, country, group (for "it"/"they")
    antecedent: int = -1  # the earlier draft a pronoun or back-reference resolved to
    canonical: str = ""  # canonical.py: one name per source
    affiliation: str = ""  # canonical.py: the side the text ties the source to
    attached: bool = False  # a participle without content of its own ("rejecting X"): no claim


def name_sources(doc: Any, drafts: list[Draft], entities: tuple[Entity, ...]) -> None:
    """Fill `name`, `person` and `group` of every draft, in text order."""
    people = _mentions(entities, ("PERSON",))
    groups = _mentions(entities, ("ORG", "PLACE"))
    for k, draft in enumerate(drafts):
        head = doc[draft.head]
        low = head.lower_
        lo, hi = draft.tokens
        earlier = drafts[:k]
        clause = head.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "..., who fled and who now says ..."
        if hi - lo == 1 and low in _RELATIVES and clause.dep_ == "relcl":
            named = clause.head  # "Artiukh, who said...": the phrase the clause hangs on
            while named.dep_ == "pobj" and named.head.lower_ == "of" and (
                named.head.head.tag_ in ("NNP", "NNPS")
            ):
                named = named.head.head  # "the Alliance of Sahel States, which ..."
            stop = clause.left_edge.i if clause.left_edge.i > named.i else named.i + 1
            draft.name = core_name(doc, named, named.left_edge.i, stop)
            draft.person = low in ("who", "whom")
            draft.group = not draft.person
        elif hi - lo == 1 and low in _PERSON_PRONOUNS:
            draft.person = True
            draft.name, draft.antecedent = _antecedent(
                doc, earlier, people, draft.source[0], person=True
            )
        elif hi - lo == 1 and low in _GROUP_PRONOUNS:
            draft.group = True
            subject = _clause_subject(doc, head, draft.sent[0]) if low == "they" else None
            if subject is not None:  # "the bloggers posted videos that they said showed ..."
                draft.name = core_name(doc, subject, np_start(subject), subject.i + 1)
                draft.antecedent = next(
                    (j for j in range(k - 1, -1, -1) if earlier[j].head == subject.i), -1
                )
            else:
                draft.name, draft.antecedent = _antecedent(
                    doc, earlier, groups, draft.source[0], person=False
                )
        elif _is_back_reference(doc, lo, hi):
            draft.name, draft.antecedent = _by_noun(doc, earlier, low, draft.source[0])
            draft.person = low in _PERSON_NOUNS
            draft.group = not draft.person
        else:
            draft.name = core_name(doc, head, lo, hi)
            draft.person = _is_person(doc, head, people, groups)
            draft.group = not draft.person
            if draft.person:
                draft.name = _full_name(draft.name, entities)
        if not draft.name:
            draft.name = _text(doc, lo, hi)


def _clause_subject(doc: Any, pronoun: Any, sent_start: int) -> Any | None:
    """The subject of the clause a "they"/"it" is embedded in, when it stands earlier in the
    same sentence: "Russian bloggers posted videos that they said showed ..." -> the bloggers."""
    plural = pronoun.lower_ == "they"
    tok = pronoun.head
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        subjects = [
            c
            for c in tok.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and c.i < pronoun.i
            and doc[c.i].idx >= sent_start
            and c.tag_ in (("NNS", "NNPS") if plural else ("NN", "NNP"))
        ]
        if subjects:
            return subjects[0]
    return None


def _full_name(name: str, entities: tuple[Entity, ...]) -> str:
    """ "Sikorski" (or "Mr Sikorski") under the fullest name the article gives the person."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _HONORIFICS:
        words = words[1:]
    if not words or len(words) > 2 or not all(w[:1].isupper() for w in words):
        return name
    tail = " " + " ".join(words)
    for ent in entities:
        if ent.type == "PERSON" and ent.name.endswith(tail):
            return ent.name
    return name


def _mentions(entities: tuple[Entity, ...], kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    return sorted(m for ent in entities if ent.type in kinds for m in ent.mentions)


def _antecedent(
    doc: Any, earlier: list[Draft], mentions: list[tuple[int, int]], before: int, *, person: bool
) -> tuple[str, int]:
    """Name of the nearest earlier source of the wanted kind, or of a nearer named subject.

    A pronoun subject usually continues the last subject: the last speaker, or a named
    subject in between ("Ukraine's General Staff gave a different account. It said ...").
    Named objects ("a kindergarten in the Holosiivskyi district") are passed over. Returns the
    name and the index of the draft it came from (-1 for a named subject that is no source).
    """
    index = next(
        (k for k in range(len(earlier) - 1, -1, -1)
         if (earlier[k].person if person else earlier[k].group) and earlier[k].name),
        -1,
    )
    draft = earlier[index] if index >= 0 else None
    k = bisect_left(mentions, (before, -1)) - 1
    while k >= 0 and (draft is None or mentions[k][0] > draft.source[0]):
        span = doc.char_span(*mentions[k], alignment_mode="expand")
        root = span.root if span is not None else None
        if (
            root is not None
            and root.dep_ in ("nsubj", "nsubjpass")
            and root.head.dep_ != "relcl"  # not "a photo, which Reuters could not verify"
            and not _in_source(earlier, root.idx)
        ):
            return core_name(doc, root, np_start(root), root.i + 1), -1
        k -= 1
    if draft is not None:
        return draft.name, index
    for j in range(len(earlier) - 1, -1, -1):  # a named speaker of unknown kind
        if doc[earlier[j].head].tag_ in ("NNP", "NNPS") and earlier[j].name:
            return earlier[j].name, j
    return "", -1


def _in_source(drafts: list[Draft], pos: int) -> bool:
    return any(d.source[0] <= pos < d.source[1] for d in drafts[-3:])


def np_start(tok: Any) -> int:
    """Where the noun phrase headed by `tok` begins (left modifiers only)."""
    lo = tok.i
    for child in tok.lefts:
        if child.dep_ not in ("punct", "advcl", "ccomp", "relcl", "acl"):
            lo = min(lo, child.left_edge.i)
    return lo


def _is_back_reference(doc: Any, lo: int, hi: int) -> bool:
    """ "the ministry", "the regional governor": definite, short, no proper noun."""
    comma = next((t.i for t in doc[lo:hi] if t.text == ","), hi)
    if comma + 1 < hi and (
        doc[comma + 1].lower_ in ("who", "which", "whose") or doc[comma + 1].tag_ in ("VBG", "VBN")
    ):
        hi = comma  # "The spokesperson, who declined to be identified, ..."
    if hi - lo < 2 or hi - lo > 4 or doc[lo].lower_ not in _DEFINITE:
        return False
    if any(t.text[:1].isupper() and sides.country(t.text) for t in doc[lo + 1 : hi]):
        return False  # "The Israeli military" names its body; it refers back to nothing
    return all(t.tag_ in ("NN", "NNS", "JJ") for t in doc[lo + 1 : hi])


def _by_noun(doc: Any, earlier: list[Draft], noun: str, before: int) -> tuple[str, int]:
    """The nearest earlier source, or named phrase, that holds `noun` ("ministry"), and the
    index of that source's draft (-1 for a named phrase that is no source)."""
    for j in range(len(earlier) - 1, -1, -1):  # a source headed by the noun: "Mali's army"
        if noun in _STATE_ARMS and _armed_group(earlier[j].name):
            continue  # "the army" is no "Baloch Liberation Army": the state's, named as a body
        if doc[earlier[j].head].lower_ == noun:
            return earlier[j].name, j
    for j in range(len(earlier) - 1, -1, -1):
        lo, hi = earlier[j].tokens
        named = any(t.lower_ == noun for t in doc[lo:hi])
        if earlier[j].person and named and noun not in _PERSON_NOUNS:
            continue  # "Col. X, an army spokesman" is no "army"; "X, the commander of" is one
        head = next((t.i for t in doc[lo:hi] if t.tag_ == "IN"), hi)
        if noun in _STATE_ARMS and _armed_group(earlier[j].name):
            continue
        if any(t.lower_ == noun for t in doc[lo:head]):  # not "sources close to the junta"
            return earlier[j].name, j
    limit = doc.char_span(max(0, before - _LOOK_BACK), before, alignment_mode="contract")
    for tok in reversed(limit if limit is not None else []):
        if tok.lower_ != noun:
            continue
        root = tok
        while root.dep_ in ("compound", "amod") and root.head.i != root.i:
            root = root.head
        lo, hi = root.left_edge.i, root.i + 1
        if noun in _STATE_ARMS and _armed_group(_text(doc, lo, hi)):
            continue
        if any(t.tag_ in ("NNP", "NNPS") for t in doc[lo:hi]):
            return _text(doc, lo, hi), -1
    return "", -1


def _armed_group(name: str) -> bool:
    """Is `name` a listed armed group of no state ("the Baloch Liberation Army")?"""
    found = sides.group(re.sub(r"^(?:the|The)\s+", "", name))
    return found is not None and sides.country(found[1]) != found[1]


def _rank_only(words: str) -> bool:
    """Is `words` a title or rank and nothing else ("Lt-Gen", "Brig.-Gen.")?"""
    parts = [p.lower().rstrip(".") for p in re.split(r"[-\s]+", words) if p.strip(".")]
    return bool(parts) and all(p in names.titles() for p in parts)


def core_name(doc: Any, head: Any, lo: int, hi: int) -> str:
    """The source phrase without its asides; an apposed proper name beats a bare title."""
    if head.tag_ in ("NN", "NNS"):
        for child in head.rights:
            if child.dep_ == "appos" and child.tag_ in ("NNP", "NNPS"):
                apposed = _text(doc, max(child.left_edge.i, lo), min(child.right_edge.i + 1, hi))
                if sides.country(apposed) is not None:
                    continue  # "the ministry in the capital, Sanaa": a place, not its name
                if _rank_only(apposed):
                    continue  # "spokesman Lt-Gen X Y": the parser's apposed rank, not the name
                return apposed
        for i in range(lo + 1, head.i):  # "Col. Ivan Petrenko, a spokesman for ..."
            if doc[i].text == "," and doc[i - 1].tag_ in ("NNP", "NNPS"):
                return _text(doc, lo, i)
    end = hi
    for child in head.rights:
        if child.dep_ in _ASIDES:
            end = min(end, child.left_edge.i)
            break
    for i in range(head.i + 1, end):
        if doc[i].text in ",(—–":
            end = i
            break
    return _text(doc, lo, max(end, head.i + 1))


def _is_person(
    doc: Any, head: Any, people: list[tuple[int, int]], groups: list[tuple[int, int]]
) -> bool:
    """Is a named source a person? Entity types first, an apposed role beats an ORG tag.

    "Volodymyr Artiukh, the head of ..." is a person even when the model calls him ORG; the
    title in "General Staff" makes no person of an ORG.
    """
    if _inside(people, head.idx):
        return True
    if any(c.dep_ == "appos" and c.lower_ in _PERSON_NOUNS for c in head.children):
        return True
    if _inside(groups, head.idx):
        return False
    if head.lower_ in _PERSON_NOUNS:
        return True
    if any(c.dep_ == "compound" and c.lower_ in _PERSON_NOUNS for c in head.children):
        return True
    if head.ent_type_ == "PERSON":
        return True
    # "Natalia Moroz, 43, who lives ...": two capitalised words the model left untyped, with an
    # age or a relative "who" beside them, name a person.
    named = head.tag_ == "NNP" and head.i > 0 and doc[head.i - 1].tag_ == "NNP"
    return named and head.ent_type_ not in ("ORG", "GPE", "NORP", "FAC") and any(
        (c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children))
        or (c.dep_ in ("appos", "amod", "npadvmod", "nummod") and c.like_num)
        for c in head.children
    )


def _inside(mentions: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_left(mentions, (pos + 1, -1)) - 1
    return k >= 0 and mentions[k][0] <= pos < mentions[k][1]


def _text(doc: Any, lo: int, hi: int) -> str:
    """The text of tokens [lo, hi) without leading/trailing punctuation."""
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    if hi <= lo:
        return ""
    return doc[lo:hi].text
