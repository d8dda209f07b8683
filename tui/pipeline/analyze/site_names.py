"""Named sites: a name whose last word is a site's noun, written as part of the name, is a
place (nineteenth pass).

English names a built or natural site with its noun capitalised at the end: "the Federal
Legislative Palace", "the Akıncılar Air Base", "the Jebs Gate", "National Highway 2", "the
Kunming Train Station". The model calls many of these organisations ("Station" and
"Airport" are organisation words for the labels, since stations broadcast and airports are
run by companies) or finds nothing at all when the first word is unknown to it. The nouns are
data/name_nouns.tsv's places (the GeoNames feature classes of roads, buildings and sites,
areas, relief and water) and the words of labels.FEATURE_WORDS ("Base", "Island", "Valley").

Not a site: a name with a force's word before the noun ("Agwa Police Station",
"Borno Military Base": the town is the place, places.py's rule), a name in a Title Case
headline (every word has a name's shape there), a name in capitals, a name a rule listed or
found as something else (a weapon, a listed organisation), a given name before a noun that is
also a surname ("Nathan Lane"), two names joined by a hyphen before the noun (a route
between two places, span_repair.py's), a nationality or "The" opening the run (left out of the name:
"the Moroccan Western Sahara Wall" is "Western Sahara Wall"), and so does a word of English's
closed classes or an adverb ("On Wall Street", "One Home Depot", "Formerly X Arena"). The
nouns that end shops' and firms' names too ("Home Depot", "the U.S. Market") are left out.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import demonyms, given_names, labels, name_evidence, names
from tui.pipeline.analyze.datafiles import rows
from tui.pipeline.analyze.grouping import Found

_WORD = r"(?:[A-Z][\w’'.&-]*|of|al|el|de|&)"
# Nouns that also end shops' and firms' names ("Home Depot", "the U.S. Market"): left to the
# model and to entities.py's reading of them.
_TRADE = frozenset(("Depot", "Outlets", "Mall", "Market", "Bazaar", "Souk"))
# Only a road's noun takes a number after it ("National Highway 2"; "Palm Bay 18" is a score).
_NUMBERED = frozenset(("Highway", "Motorway", "Expressway", "Freeway", "Road"))
# A force's word before the noun makes the site a post of that force at a town ("Agwa Police
# Station", "Borno Military Base": the town is the place, places.py's rule).
_FORCES = frozenset(("Army", "Police", "Military", "Gendarmerie", "Guard", "Militia"))


@functools.cache
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    """The site nouns, and those of them that are also surnames."""
    places = [row for row in rows("name_nouns.tsv") if row[1] == "place"]
    features = labels.FEATURE_WORDS - labels.UNIT_WORDS - {"States"}  # units leave the name
    nouns = frozenset(row[0] for row in places) | features
    return nouns, frozenset(row[0] for row in places if row[2] == "yes")


@functools.cache
def _closed_class() -> frozenset[str]:
    """English's closed-class words (the model package's stop words), loaded on first need:
    importing the analyzer loads no spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.cache
def _pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(_nouns()[0] - _TRADE, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w’'.-])(?P<name>(?:{_WORD} ){{1,5}}(?:{nouns}))(?P<number> \d{{1,3}})?(?![\w’'-])"
    )


def sites(text: str) -> list[tuple[int, int]]:
    """The spans of the named sites in `text`, without "The" or a nationality before them."""
    found = []
    for match in _pattern().finditer(text):
        start, end = match.start(), match.end()
        words = match["name"].split(" ")
        while words and (
            words[0].lower() in _closed_class()
            or words[0] in ("al", "el", "de", "&")
            or words[0].endswith("ly")
            or demonyms.is_nationality(words[0])
        ):
            start += len(words.pop(0)) + 1  # "The", "On Wall Street", "Formerly X Arena"
        if match["number"] and words and words[-1] not in _NUMBERED:
            end -= len(match["number"])
        if len(words) < 2 or not words[0][:1].isupper():
            continue
        if any(w in _FORCES for w in words[:-1]) or match["name"].isupper():
            continue  # "Agwa Police Station", "BORNO AIR BASE"
        if len(words) == 2 and "-" in words[0]:
            continue  # "the Kumba-Mbonge Road": a route between two places (span_repair.py)
        if words[-1] in _nouns()[1] and given_names.is_given_name(words[0]):
            continue  # "Nathan Lane", "Gordon Hall"
        titled = len(words) > 2 and words[0].lower().rstrip(".") in names.titles()
        if titled and given_names.is_given_name(words[1]):
            continue  # "Director Michael Bay": a title and a given name make a person
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        if line_start == 0 and name_evidence.is_headline(line):
            continue
        found.append((start, end))
    return found


def repaired(text: str, kept: list[Found], rank: int) -> list[Found]:
    """The mentions with every named site a place: the model's organisations and persons
    inside it give way, and a site nothing found is added. A site that a rule's mention
    (a weapon, a listed organisation, a state body) overlaps, or that a mention runs past,
    is left alone."""
    spans = sites(text)
    if not spans:
        return kept
    for start, end in spans:
        inside = [m for m in kept if m.start < end and start < m.end]
        if len(inside) > 1 or any(m.start < start or m.end > end for m in inside):
            continue
        if any(m.type == "WEAPON" or m.key.startswith(("org:", "body:")) for m in inside):
            continue
        kept = [m for m in kept if m not in inside]
        kept.append(Found(start, end, "PLACE", rank))
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
