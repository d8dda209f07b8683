"""Country <-> demonym ("Russia" <-> "Russian"), so that "Russia's defence ministry" and "the
Russian Defense Ministry" are recognised as one body.

The table holds the demonyms that news about wars uses; other demonyms are recognised (not
produced) by suffix from the gazetteer's country names (Chad+ian, Nepal+i).
"""

from __future__ import annotations

import functools

from tui.pipeline.analyze import gazetteer

# fmt: off
_DEMONYMS = {
    "Russia": "Russian", "Ukraine": "Ukrainian", "Belarus": "Belarusian", "Moldova": "Moldovan",
    "Georgia": "Georgian", "Armenia": "Armenian", "Azerbaijan": "Azerbaijani",
    "United States": "American", "United Kingdom": "British", "France": "French",
    "Germany": "German", "Italy": "Italian", "Spain": "Spanish", "Poland": "Polish",
    "Netherlands": "Dutch", "Belgium": "Belgian", "Sweden": "Swedish", "Finland": "Finnish",
    "Norway": "Norwegian", "Denmark": "Danish", "Estonia": "Estonian", "Latvia": "Latvian",
    "Lithuania": "Lithuanian", "Romania": "Romanian", "Hungary": "Hungarian", "Czechia": "Czech",
    "Slovakia": "Slovak", "Bulgaria": "Bulgarian", "Serbia": "Serbian", "Croatia": "Croatian",
    "Greece": "Greek", "Turkey": "Turkish", "Ireland": "Irish", "Switzerland": "Swiss",
    "Austria": "Austrian", "Portugal": "Portuguese", "Israel": "Israeli", "Iran": "Iranian",
    "Iraq": "Iraqi", "Syria": "Syrian", "Lebanon": "Lebanese", "Jordan": "Jordanian",
    "Egypt": "Egyptian", "Libya": "Libyan", "Yemen": "Yemeni", "Saudi Arabia": "Saudi",
    "United Arab Emirates": "Emirati", "Qatar": "Qatari", "Kuwait": "Kuwaiti", "Oman": "Omani",
    "Bahrain": "Bahraini", "Palestinian Territory": "Palestinian", "Afghanistan": "Afghan",
    "Pakistan": "Pakistani", "India": "Indian", "China": "Chinese", "Taiwan": "Taiwanese",
    "Japan": "Japanese", "North Korea": "North Korean", "South Korea": "South Korean",
    "Vietnam": "Vietnamese", "Myanmar": "Myanmar", "Sudan": "Sudanese",
    "South Sudan": "South Sudanese", "Ethiopia": "Ethiopian", "Eritrea": "Eritrean",
    "Somalia": "Somali", "Kenya": "Kenyan", "Nigeria": "Nigerian", "Mali": "Malian",
    "Niger": "Nigerien", "Chad": "Chadian", "Burkina Faso": "Burkinabe", "Algeria": "Algerian",
    "Morocco": "Moroccan", "Tunisia": "Tunisian", "Canada": "Canadian", "Mexico": "Mexican",
    "Brazil": "Brazilian", "Colombia": "Colombian", "Venezuela": "Venezuelan", "Cuba": "Cuban",
    "Australia": "Australian", "Kazakhstan": "Kazakh", "Uzbekistan": "Uzbek",
    "Tajikistan": "Tajik", "Indonesia": "Indonesian", "Philippines": "Filipino",
}
# fmt: on
_BY_DEMONYM = {demonym: country for country, demonym in _DEMONYMS.items()}
# fmt: off
_SUFFIXES = (
    ("ian", ""), ("ian", "e"), ("ian", "ia"), ("an", "a"), ("n", ""), ("i", ""), ("ese", ""),
    ("ese", "a"),
)
# fmt: on


@functools.lru_cache(maxsize=4096)
def country_of(word: str) -> str | None:
    """The country a country name or demonym names ("Russian" -> "Russia"), else None."""
    if word in _BY_DEMONYM:
        return _BY_DEMONYM[word]
    place = gazetteer.lookup(word)
    if place is not None and place.kind == "country":
        return place.name
    for ending, restore in _SUFFIXES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            place = gazetteer.lookup(word[: -len(ending)] + restore)
            if place is not None and place.kind == "country":
                return place.name
    return None


def demonym_of(country: str) -> str | None:
    """The adjective for a country ("Russia" -> "Russian"), if the table has it."""
    return _DEMONYMS.get(country)
