"""Country <-> demonym ("Russia" <-> "Russian"), so that "Russia's defence ministry" and "the
Russian Defense Ministry" are recognised as one body.

data/demonyms.tsv holds the demonyms that news about wars uses; other demonyms are recognised
(not produced) by suffix from the gazetteer's country names (Chad+ian, Nepal+i).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from tui.pipeline.analyze import gazetteer
from tui.pipeline.analyze.lists import rows, split_forms

_DEMONYMS: dict[str, str] = {}
for _row in rows("demonyms.tsv"):
    _DEMONYMS.setdefault(_row[0], _row[1])  # the first row: the adjective bodies are named with
_BY_DEMONYM = {row[1]: row[0] for row in rows("demonyms.tsv")}


@functools.cache
def _listed_adjectives() -> dict[str, str]:
    """The adjectives of data/country_adjectives.tsv ("Congolese", "Haitian", "Burkinabe"), read
    backwards: a demonym the table above lacks is still a nationality, not a name."""
    return {row[1]: row[0] for row in rows("country_adjectives.tsv") if len(row) > 1}


# fmt: off
_SUFFIXES = (
    ("ian", ""), ("ian", "e"), ("ian", "ia"), ("an", "a"), ("n", ""), ("i", ""), ("ese", ""),
    ("ese", "a"),
)
# fmt: on


@functools.lru_cache(maxsize=4096)
def country_of(word: str) -> str | None:
    """The country a country name or demonym names ("Russian" -> "Russia"), else None; a
    demonym written with its accent is the demonym ("Burkinabè", "Ivoirien")."""
    if not word.isascii() and (folded := gazetteer.fold(word)) != word:
        return country_of(folded)
    if word in _BY_DEMONYM:
        return _BY_DEMONYM[word]
    listed = _listed_adjectives().get(word)
    if listed is not None and " " not in word and not word.isupper():
        return listed
    place = gazetteer.lookup(word)
    if place is not None and place.kind == "country":
        return place.name
    for ending, restore in _SUFFIXES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            place = gazetteer.lookup(word[: -len(ending)] + restore)
            if place is not None and place.kind == "country":
                return place.name
    return None


@functools.cache
def _regions() -> dict[str, str]:
    return {row[0]: row[1] for row in rows("region_adjectives.tsv")}


def region_of(adjective: str) -> str | None:
    """The territory with bodies of its own that `adjective` names ("Abkhaz" -> Abkhazia,
    "Bosnian Serb" -> Republika Srpska; data/region_adjectives.tsv), else None."""
    return _regions().get(adjective)


def demonym_of(country: str) -> str | None:
    """The adjective for a country ("Russia" -> "Russian"), if the table has it."""
    return _DEMONYMS.get(country)


_REGION_KINDS = frozenset(("country", "region", "subdivision"))


@functools.lru_cache(maxsize=4096)
def is_nationality(word: str, given: Callable[[str], bool] = lambda _: False) -> bool:
    """Whether one capitalised word names a people, not a person, place or body: a country's
    demonym ("Azerbaijani", "Congolese"), or a region's made the same way ("Tigrayan" from
    Tigray, "Burman" from Burma), singular or plural ("Azerbaijanis"). A given name that looks
    like one ("Adrian" from Adria) is not: `given` says what is a given name (given_names.py,
    which itself reads this module)."""
    if not word[:1].isupper() or word.isupper():
        return False
    if " " in word:  # "Sri Lankan", "Costa Rican", "Central African": listed whole only
        return word in _BY_DEMONYM and gazetteer.lookup(word) is None
    if "-" in word:  # "the Armenian-Azerbaijani border"
        parts = word.split("-")
        return len(parts) == 2 and all(p and is_nationality(p, given) for p in parts)
    for form in (word, word[:-1] if word.endswith("s") else ""):
        if not form:
            continue
        if gazetteer.lookup(form) is not None:
            return False  # "Myanmar", "Jordan": the place itself
        if country_of(form) is not None:
            return True
        if given(form):
            return False
        for ending, restore in (*_SUFFIXES, ("an", "")):
            if form.endswith(ending) and len(form) > len(ending) + 2:
                place = gazetteer.lookup(form[: -len(ending)] + restore, alternates=False)
                if place is not None and place.kind in _REGION_KINDS:
                    return True
    return False


@functools.cache
def peoples() -> tuple[frozenset[str], frozenset[str]]:
    """The words of data/peoples.tsv: (every form, the plural forms)."""
    every: set[str] = set()
    plural: set[str] = set()
    for row in rows("peoples.tsv"):
        forms = [row[0], *(f for f in split_forms(row[1]) if f != "-")]
        every.update(forms)
        plural.update(f for f in forms if f.endswith("s"))
    return frozenset(every), frozenset(plural)


def is_people(surface: str) -> bool:
    """Whether every word of `surface` names a people or a community rather than a person,
    place or body: "Kukis", "Sunni Muslims", "the Druze" (data/peoples.tsv), or a nationality."""
    words = surface.split()
    every, _ = peoples()
    return bool(words) and all(w in every or is_nationality(w) for w in words)


def is_demonym(word: str) -> bool:
    """A country's adjective that names no place too ("Ukrainian"; not "Georgia")."""
    return country_of(word) is not None and gazetteer.lookup(word) is None


def people_only(word: str) -> bool:
    """A people's name that names no place too: "Tutsi", "Fulani" (not "Amhara", a region)."""
    return is_people(word) and gazetteer.lookup(word) is None


def is_peoples_plural(surface: str) -> bool:
    """Whether `surface` is the plural of a people ("Alawites", "Meiteis"), which no place or
    organisation is named as, unlike the singular ("Amhara" is also a region)."""
    words = surface.split()
    every, plural = peoples()
    return bool(words) and words[-1] in plural and all(w in every for w in words)
