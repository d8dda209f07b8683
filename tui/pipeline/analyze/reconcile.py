"""Where a rule's organisation and the model's meet: which of the two spans the name is.

The rules (orgs.py, bodies.py) cut names by their shape and win over the model, so where
their shape stops short of the name the model saw whole, the rule's span is the wrong one:

- a possessive inside a name ("Lord's Resistance Army", "People's Liberation Army of
  China", "Ankara Chief Public Prosecutor's Office"): the unit rule starts after the
  possessive; when the model's organisation ends where the rule's does and opens with one
  capitalised word and its possessive that names no place, no listed organisation and no
  person, the name starts there ("Russia's Airborne Forces", "Hamas's Qassam Brigades" stay
  the owner and the unit); and the model's own span is not cut at such a possessive when the
  words after it end in an organisation's word (`possessive_inside`, for aliases.pieces).

And where the model's span stops short of a place the gazetteer knows by a longer name: a
span of any label that the next capitalised words (and the particles inside Spanish,
Portuguese and French names) make a country's, a region's or a province's name is that
place ("neighboring Central African Republic", the model's "Central African" a people's word;
"Lanao del Sur and Lanao del Norte", the second "Lanao" a product).
"""

from __future__ import annotations

import re
from typing import Any

from tui.pipeline.analyze import aliases, bodies, gazetteer, given_names, labels

# One word or up to three ("Sudan People’s Liberation Army": a people's name, no place's).
_OWNER = re.compile(r"(?P<owner>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})['’]s? $")


def possessive_names(text: str, rules: list[Any], model: list[Any]) -> None:
    """Move a rule's organisation back over an owner word the model's span holds."""
    ends = {m.end: m.start for m in model if m.type == "ORG"}
    for rule in rules:
        if rule.type != "ORG" or rule.end not in ends:
            continue
        start = ends[rule.end]
        owner = _OWNER.fullmatch(text, start, rule.start)
        if owner is None or not _common_owner(owner["owner"]):
            continue
        rule.start = start
        rule.name = ""
        known = bodies.known_key(text[start : rule.end])
        if known is not None:
            rule.key = known  # "People's Defense Forces": the listed organisation's key
        elif rule.key.startswith("unit:"):
            rule.key = "unit:" + text[start : rule.end].lower()


def _common_owner(word: str) -> bool:
    """Whether a possessive's word can open a name: no place, organisation or person owns it."""
    return (
        gazetteer.lookup(word) is None
        and bodies.known_key(word) is None
        and not given_names.is_given_name(word.split()[0])
    )


_PARTICLES = frozenset(("del", "de", "da", "do", "dos", "das", "of", "la", "el"))
_WHOLE_KINDS = frozenset(("country", "region", "subdivision"))


def places_beyond(doc: Any, text: str) -> list[tuple[int, int]]:
    """(start, end) of the places the model's spans stop short of (module docstring)."""
    found: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.end >= len(doc) or not (doc[ent.end].text[:1].isupper() or
                                       doc[ent.end].lower_ in _PARTICLES):
            continue
        first = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
        if first >= ent.end:
            continue
        best = None
        for last in range(ent.end, min(ent.end + 3, len(doc))):
            token = doc[last]
            if not token.text[:1].isupper():
                if token.lower_ in _PARTICLES:
                    continue
                break
            start, end = doc[first].idx, token.idx + len(token.text)
            place = labels.lookup_unlabelled(text[start:end])
            if place is not None and place.kind in _WHOLE_KINDS:
                best = (start, end)
        if best is not None:
            found.append(best)
    return found


_MORE_HEADS = frozenset(("Lab", "Laboratory", "Daily"))
_DETERMINERS = frozenset(("the", "The", "THE", "a", "an"))


def possessive_inside(text: str, start: int, at: int, end: int) -> bool:
    """Whether the possessive ending at `at` is inside one organisation's name (for
    aliases.pieces): the words after it end in (or before "of" hold) an organisation's word
    ("... Resistance Army", "... Office of the Inspector General", "... Research Lab"), and
    the owner is no place ("Ukraine's Kharkiv"), no listed organisation ("Hamas's Qassam
    Brigades") and no person ("Jeff Bezos's Blue Origin": a given name opens it)."""
    tail = text[at:end]
    after = (tail[: tail.index(" of ")] if " of " in tail else tail).split()
    if not after or after[-1] not in labels.ORG_WORDS | _MORE_HEADS:
        return False
    words = aliases.strip_possessive(text[start:at]).split()
    while words and words[0] in _DETERMINERS:
        words.pop(0)
    owner = " ".join(words)
    return (
        bool(words)
        and gazetteer.lookup(owner) is None
        and bodies.known_key(owner) is None
        and not given_names.is_given_name(words[0])
    )
