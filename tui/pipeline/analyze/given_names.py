"""Given names as evidence that a capitalised pair of words is a person.

The small model misses or mistypes many names it has not seen ("Mark Philippoussis" as
nothing, "Mihai Tararache" as an organisation, "Nawal Khalil" as a place), and it calls
unknown villages and groups persons ("in Ain Baal", "Kyauk Lone Gyi"). A name that opens with
a known given name is a person; a "person" that does not, in a place's context, is a place.

The list is gender-guesser's dictionary of about 48,000 given names and spellings by country
(Jörg Michael's nam_dict, shipped inside the package), read through its public `get_gender`
(anything but "unknown" is a given name). It loads in about 0.16 s of CPU, once per process,
and only in the process that analyses: nothing imports it at module level.

Not evidence: given names that are also places the gazetteer knows as countries, regions or
cities of a million people ("Chad", "Israel", "Georgia", "Paris"), titles ("General"), months,
and the Arabic words that open place and organisation names ("Al", "Ain", "Beit", "Deir",
"Khan"...), listed below because they describe the language, not any one name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Container
from typing import Any

from tui.pipeline.analyze import aliases, gazetteer
from tui.pipeline.analyze.demonyms import country_of

# Words that open Arabic, Hebrew and Persian place and organisation names ("Ain Baal", "Beit
# Lahia", "Deir al-Balah", "Khan Younis", "Kfar Shuba", "Tel Aviv", "Al Jazeera", "Bab
# al-Mandab", "Ras Baalbek", "Wadi Araba", "Jebel Marra", "Sheikh Jarrah", "Umm Qasr", "Bir
# Zeit", "Abu Dhabi", "Dar es Salaam") and that the name list also has as given names.
# fmt: off
_PLACE_HEADS = frozenset((
    "Al", "El", "Ain", "Beit", "Bet", "Deir", "Dayr", "Khan", "Kfar", "Tel", "Bab", "Ras", "Wadi",
    "Jebel", "Jabal", "Sheikh", "Umm", "Bir", "Abu", "Dar", "Qasr", "Tal", "Kafr", "Ein", "Ben",
    "Nahr", "Marj", "Jisr", "Hay", "Sidi", "Bani", "Beni", "Bou", "Hassi", "Port", "Saint", "San",
    "Santa", "Star", "Cape", "Mount", "Fort", "Lake", "New", "North", "South", "East", "West",
))
# fmt: on


def heads_a_place(word: str) -> bool:
    """Whether `word` opens place names ("Sheikh Jarrah", "Saint-Denis"), title or not."""
    return word in _PLACE_HEADS


# Titles and offices the list also has as given names ("General", "Major", "King"), and
# months and other words that open a sentence or a date before a name ("in March Kaczmarek").
# fmt: off
NOT_GIVEN = _PLACE_HEADS | aliases.HONORIFICS | aliases.OFFICES | frozenset((
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Red", "Man", "Pan", "Ice", "Royal", "Grand", "Union", "Liberty",
))
# fmt: on


@functools.cache
def _detector() -> object:
    import gender_guesser.detector  # imported here: only the analysing process pays for it

    return gender_guesser.detector.Detector(case_sensitive=True)


@functools.cache
def _unaccented() -> frozenset[str]:
    """The list's given names with accents, written without them ("Joaquin", "Jose")."""
    names = _detector().names  # type: ignore[attr-defined]
    plain = (
        "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c))
        for n in names
    )
    return frozenset(p for p, n in zip(plain, names, strict=True) if p != n)


@functools.cache
def is_given_name(word: str) -> bool:
    """Whether `word` (as written, or title-cased if in capitals) is a given name and not a
    place's or a place-name head word."""
    if len(word) < 3 or not word[0].isupper() or word in NOT_GIVEN:
        return False
    name = word.title() if word.isupper() else word
    name = name.split("-", 1)[0]  # "Anne-Gaelle": the first of a double given name
    if name in NOT_GIVEN or not name[1:].islower():
        return False
    if _detector().get_gender(name) == "unknown" and name not in _unaccented():  # type: ignore[attr-defined]
        return False  # "Joaquin", "Jose": the press drops the accent of "Joaquín", "José"
    place = gazetteer.lookup(name, alternates=False)
    return place is None or (place.kind == "city" and place.population < 1_000_000)


# A given name and one or two more parts of a name: "Mark Philippoussis", "Abdel Fattah
# al-Burhan", "Tim O'Gorman", "Ruud van Nistelrooy".
_UP, _LO = f"[{aliases.UPPER}]", f"[{aliases.LOWER}]"
_PERSON = re.compile(
    rf"(?<![\w'’.-])(?P<given>{_UP}{_LO}+(?:-{_UP}{_LO}+)?)(?P<rest>(?: (?:(?:al|el|bin|ibn|van"
    r"|von|de|der|den|da|di|du|la|le|dos|das|El|Al|Ould|Ag)[- ])?(?:Mc|Mac|O['’])?"
    rf"{_UP}{_LO}+(?:['’-](?!s\b)[A-Za-z]{_LO}*)*)"
    r"{1,3})(?![\w-])"
)


_CAPITALISED = re.compile(rf"(?<![\w'’.-]){_UP}{_LO}")


def person_spans(
    text: str, proper: Container[int], not_parts: Container[str]
) -> list[tuple[int, int]]:
    """Spans of names that open with a given name, every word a proper noun (`proper` holds the
    start offsets of the tokens the tagger calls proper nouns) and none of them a word of
    `not_parts` (organisation and place nouns), a country or a nationality."""
    spans: list[tuple[int, int]] = []
    for word in _CAPITALISED.finditer(text):
        if (spans and word.start() < spans[-1][1]) or word.start() not in proper:
            continue
        match = _PERSON.match(text, word.start())
        if aliases.title_at(text, word.start()) is not None:
            continue  # "Lance Naik Sabz Ali": a rank, not a given name, opens the name
        if match is None or not is_given_name(match["given"]):
            continue
        at, end = match.end("given") + 1, 0
        for word in match["rest"].split():
            if (
                word in not_parts
                or country_of(word) is not None
                or _is_big_place(word)
                or (word[0].isupper() and at not in proper)
            ):
                break
            end = at + len(word)
            at = end + 1
        if not end:
            continue
        words = text[match.start() : end].split()
        if len(words) == 4 and text[end : end + 2] in _CAPITAL_NEXT:
            end -= len(words[-1]) + 1  # "Lexus Project Manager Fumihiko Hazama": a name runs on
        whole = text[match.start() : end]  # "Sri Lankan": a nationality of two words
        if gazetteer.lookup(whole, alternates=False) is None and country_of(whole) is None:
            spans.append((match.start(), end))
    return spans


_CAPITAL_NEXT = frozenset(" " + c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _is_big_place(word: str) -> bool:
    place = gazetteer.lookup(word, alternates=False)
    return place is not None and (place.kind != "city" or place.population >= 100_000)


def opens_with_no_name(token: Any) -> bool:
    """A sentence that opens with a verb in -ing ("Seizing Kanyabayonga represents ...") or a
    preposition ("Outside Bujumbura, the rebels ...", "Near Goma, ..."): the model, seeing two
    capitalised words, takes the verb or the preposition into the name. A given name or a
    place that ends so ("Sterling", "Beijing") is not a verb."""
    word = token.text
    if not token.is_sent_start or not word[1:].islower() or gazetteer.lookup(word) is not None:
        return False
    if word.lower() in _PREPOSITIONS:
        return True
    return len(word) > 5 and word.endswith("ing") and not is_given_name(word)


# Prepositions of place and time that open a sentence before a name (not "Under" nor "Over":
# "Under-Secretary-General X").
_PREPOSITIONS = frozenset((
    "outside", "inside", "near", "beyond", "across", "around", "along", "behind", "beside",
    "beneath", "throughout", "within", "towards", "toward", "despite", "after", "before", "since",
    "until", "during", "amid", "amidst", "against", "among", "between", "from", "into",
    "through", "upon", "unlike", "in", "on", "at", "by", "for", "with",
))
