"""Places known by their context: villages no gazetteer lists, and datelines.

Reports name front-line villages that neither the model nor a gazetteer knows ("Zhuravka").
The sentence says what they are: "the village of X", "X in the Y region", "the Sumy region",
"the Seym river", "near X", "outside X", "the approaches to X". And a wire story opens with
a dateline ("KYIV, Ukraine (AP) -"), whose first words are a place when the gazetteer agrees.

Each finding carries a strength: "named" (the text says it is a settlement or region),
"near" (a preposition of place, weaker: "near Bakhmut" but also "near Google's offices"),
"dateline".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.pipeline.analyze import gazetteer
from tui.pipeline.analyze.demonyms import country_of


class PlaceMention(NamedTuple):
    start: int
    end: int
    strength: str  # "named", "near" or "dateline"


_WORD = r"[A-Z][a-z\u00e0-\u024f]+(?:['’](?!s\b)[a-z]+)?(?:-[A-Za-z\u00e0-\u024f]+)*"
_NAME = rf"(?P<name>{_WORD}(?: {_WORD}){{0,4}})"
_SETTLEMENT = (
    r"villages?|towns?|cit(?:y|ies)|settlements?|hamlets?|ports?|port city|suburbs?|"
    r"districts?|regions?|provinces?|oblasts?|outskirts|neighbou?rhoods?|capital"
)
_KIND_OF = re.compile(
    rf"\b(?:the|a|of|in|and|small|frontline|front-line|border|key|industrial|coastal|strategic)"
    rf" (?:(?:front[- ]?line|border|eastern|southern|northern|western|nearby|small|key|"
    rf"industrial|coastal|strategic|Ukrainian|Russian) )?(?:{_SETTLEMENT}) of {_NAME}"
)
_KIND_AFTER = re.compile(
    rf"{_NAME} (?:regions?|oblasts?|provinces?|governorates?|districts?|raion|county|Region|"
    rf"Oblast|Province|Governorate|District|village|Village|river)\b(?!['’]s? (?:[A-Z]))"
)
# A post named by its village, as the Sahel's army communiqués name them: "the Niafunke post",
# "the Namissiguima military detachment".
_POST = re.compile(
    rf"\b(?:the|a) {_NAME} (?:military |army )?(?:post|detachment|outpost|garrison|military base)\b"
)
_IN_REGION = re.compile(rf"{_NAME},? (?:in|near) the {_WORD} (?:region|oblast|province|area)\b")
_NEAR = re.compile(
    rf"\b(?:near|outside|around|towards?|approaching|approaches to|road to|encircle|encircled"
    rf"|capture|captured|shelled|recaptured|liberated|seized)"
    rf" (?:the (?:town|village|city) of |the )?{_NAME}"
)
# "U.S.-made", "Kyiv-based": a place before a participle of origin.
_MADE_IN = re.compile(
    r"(?<![\w.-])(?P<name>U\.S\.|U\.K\.|US|UK|[A-Z][a-z]+)-(?:made|supplied|built|based|backed|"
    r"funded|brokered|controlled|held|occupied)\b"
)
_DATELINE = re.compile(
    r"(?m)^(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})(?=,| \(|\s+[-—–]| [0-9]{4}-)"
)
# fmt: off
_NOT_PLACE_WORDS = frozenset((
    "The", "A", "An", "This", "That", "His", "Her", "Their", "Its", "Our", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Mr",
    "Mrs", "Ms", "Dr", "President", "General", "Gen", "Sir", "Christmas", "Easter", "Ramadan",
    "He", "She", "It", "They", "We", "I",
))
# fmt: on


def find_context_places(text: str) -> list[PlaceMention]:
    """Spans that the surrounding words mark as places, in order, without overlaps."""
    found: list[PlaceMention] = []
    for regex in (_KIND_OF, _KIND_AFTER, _IN_REGION, _POST):
        for match in regex.finditer(text):
            _add(found, text, match.start("name"), match.end("name"), "named")
    for match in _NEAR.finditer(text):
        _add(found, text, match.start("name"), match.end("name"), "near")
    for match in _MADE_IN.finditer(text):
        place = gazetteer.lookup(match.group("name"), alternates=False)
        if place is not None and place.kind != "subdivision":
            found.append(PlaceMention(match.start("name"), match.end("name"), "named"))
    for match in _DATELINE.finditer(text):
        name = match.group("name").rstrip(".")
        if gazetteer.lookup(name) is not None:
            found.append(
                PlaceMention(match.start("name"), match.start("name") + len(name), "dateline")
            )
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[PlaceMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _add(found: list[PlaceMention], text: str, start: int, end: int, strength: str) -> None:
    words = text[start:end].split()
    while words and words[0] in _NOT_PLACE_WORDS:
        start += len(words.pop(0)) + 1
    while words and (words[-1] in _NOT_PLACE_WORDS or _is_demonym(words[-1])):
        words.pop()  # "near Bakhmut Ukrainian troops", "near Russian positions"
    if words:
        found.append(PlaceMention(start, start + len(" ".join(words)), strength))


def _is_demonym(word: str) -> bool:
    return country_of(word) is not None and gazetteer.lookup(word) is None
