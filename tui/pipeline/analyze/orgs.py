"""Military units, which the model misses or splits.

"47th Mechanised Brigade", "the 3rd Separate Assault Brigade", "Azov Regiment", "Black Sea
Fleet", "Rapid Support Forces", "the General Staff". The model tags the ordinal as a number and
the rest as nothing or a fragment; a pattern gets the whole name. State bodies named through
their country ("Ukraine's air force") are in bodies.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.pipeline.analyze.demonyms import country_of


class OrgMention(NamedTuple):
    start: int
    end: int
    name: str
    key: str  # merges spellings of one unit: "unit:47th mechanised brigade"


_UNIT_NOUNS = (
    "Brigade|Regiment|Battalion|Division|Army|Corps|Fleet|Flotilla|Squadron|Detachment|Legion"
)
_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# An ordinal makes a unit unambiguous, whatever the casing ("the 47th mechanised brigade").
_ORDINAL_UNIT = re.compile(
    rf"\b(?P<n>[1-9][0-9]{{0,2}}(?:st|nd|rd|th))(?P<words>(?: [A-Za-z][a-z]+(?:-[a-z]+)?){{0,4}}?)"
    rf" (?P<noun>(?:{_UNIT_NOUNS}|{_UNIT_NOUNS.lower()}))s?\b"
)
# Without an ordinal, only capitalised names ending in a unit noun ("Azov Regiment").
_NAMED_UNIT = re.compile(
    rf"\b(?P<words>{_CAP}(?: (?:of )?{_CAP}){{0,3}}) (?P<noun>{_UNIT_NOUNS}|Forces|Guards|Force)\b"
    rf"(?: of (?:the )?{_CAP})?"
)
# fmt: off
_NOT_UNIT_START = frozenset((
    "The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "In",
    "On", "At", "By", "For", "From", "With", "And", "But", "Mr", "Mrs", "Ms", "Dr", "When",
    "While", "After", "Before", "If", "As",
))
# fmt: on
_GENERAL_STAFF = re.compile(r"\bGeneral Staff\b")


def find_orgs(text: str) -> list[OrgMention]:
    """Units in `text`, in order, without overlaps."""
    found = _units(text)
    found += [
        OrgMention(m.start(), m.end(), "General Staff", "unit:general staff")
        for m in _GENERAL_STAFF.finditer(text)
    ]
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[OrgMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _units(text: str) -> list[OrgMention]:
    found = []
    for match in _ORDINAL_UNIT.finditer(text):
        name = " ".join(w[:1].upper() + w[1:] for w in match.group(0).split())
        found.append(OrgMention(match.start(), match.end(), name, "unit:" + name.lower()))
    for match in _NAMED_UNIT.finditer(text):
        words = match.group("words").split()
        while words and words[0] in _NOT_UNIT_START:
            words.pop(0)
        if not words or (
            match.group("noun") in ("Forces", "Force", "Guards")
            and len(words) < 2
            and country_of(words[0]) is not None
        ):
            continue  # "Russian Forces" is not a unit's name
        start = match.end("noun") - len(" ".join(words)) - len(match.group("noun")) - 1
        name = text[start : match.end()]
        found.append(OrgMention(start, match.end(), name, "unit:" + name.lower()))
    return found
