"""Places written in forms the model cuts: repairs to the resolved mentions (sixteenth pass).

Each is a fact of how place names are written, not a list of the places seen:

- a saint's name abbreviated opens a place's name ("Sta. Catalina", "Sto. Niño", "Ste.
  Marie", "St. Louis"): Spanish and Filipino Santa/Santo, French Sainte, English Saint. The
  tokenizer keeps the abbreviation one token (model.SAINT_ABBREVIATIONS); a name the model
  found after one takes it in, and a "person" so named is a place;
- an apostrophe inside a word that is no possessive or contraction belongs to the name: the
  Arabic and Hebrew hamza and ayin as English transliterates them ("Sana'a", "Beit She’an"),
  the French elision ("N’Djamena"); a word so written, alone or after the capitalised word
  before it, that the gazetteer knows is that place, whatever the model made of it (it cuts
  the name at the apostrophe or tags the word as foreign);
- a compass word before a place with a unit word after it, or after "the province of", is
  part of the unit's name ("West Azerbaijan province", "the province of East Azerbaijan"), where
  alone it only says where in the place ("West Azerbaijan" would otherwise be Azerbaijan,
  labels.place_span); only the bare compass words: "northern Shan state" is Shan.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import gazetteer
from tui.pipeline.analyze.grouping import Found

# "Sta. ", "Sto. ", "Ste. " (and "St. " before a place) right before a name.
_SAINT_BEFORE = re.compile(r"(?<![\w.])(?P<abbr>Sta|Sto|Ste|St)\. $")
_SAINT_SPAN = re.compile(r"(?:Sta|Sto|Ste)\. [A-Z]")


def repair(text: str, found: list[Found]) -> list[Found]:
    """The mentions with the repairs above."""
    for m in found:
        _saint(text, m)
    found = _inner_apostrophes(text, found)
    for m in found:
        if m.type == "PLACE" and not m.key:
            _compass_unit(text, m)
    return _without_inside(found)


_COMPASS_BEFORE = re.compile(r"(?<![\w-])(?:North|South|East|West)(?:-?(?:east|west))? $")
_UNIT_AFTER = re.compile(
    r" (?:province|region|state|governorate|district|oblast|county|department|Province|Region"
    r"|State|Governorate|District|Oblast|County|Department)\b"
)
_UNIT_OF_BEFORE = re.compile(
    r"\b(?:province|region|state|governorate|district|oblast|county|department) of $"
)


def _compass_unit(text: str, m: Found) -> None:
    """ "West Azerbaijan province": the compass word is the unit's name's."""
    compass = _COMPASS_BEFORE.search(text, max(0, m.start - 11), m.start)
    if compass is None:
        return
    if _UNIT_AFTER.match(text, m.end) or _UNIT_OF_BEFORE.search(
        text, max(0, compass.start() - 14), compass.start()
    ):
        m.start = compass.start()


# A word with an apostrophe inside that is no English possessive or contraction ("Sana'a",
# "She’an", "N’Djamena"), with the capitalised word before it when there is one.
_APOSTROPHE_WORD = re.compile(
    r"(?<![\w'’-])(?:(?P<first>[A-Z][a-z]+) )?(?P<word>[A-Z][a-z]*['’](?!(?:s|ll|re|ve|d|t|m)\b)"
    r"[A-Za-z][a-z]*)(?![\w'’-])"
)


def _inner_apostrophes(text: str, found: list[Found]) -> list[Found]:
    """Places the gazetteer knows whose name holds an apostrophe, whole."""
    for match in _APOSTROPHE_WORD.finditer(text):
        starts = [match.start(), match.start("word")] if match["first"] else [match.start()]
        for start in starts:
            end = match.end()
            if gazetteer.lookup(text[start:end]) is None:
                continue
            if any(
                m.start < end
                and start < m.end
                and ((m.key or m.type != "PLACE") and m.rank >= 2 or m.end > end or m.start < start)
                for m in found
            ):
                break  # a rule's name, a longer name ("N'Djamena University"): not the place
            found = [m for m in found if not (m.start < end and start < m.end)]
            found.append(Found(start, end, "PLACE", 2))
            break
    found.sort(key=lambda m: m.start)
    return found


def _without_inside(found: list[Found]) -> list[Found]:
    """No mention inside a longer one (a repair took it in)."""
    spans = [(m.start, m.end) for m in found]
    return [
        m
        for m in found
        if not any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in spans)
    ]


def _saint(text: str, m: Found) -> None:
    """ "Sta. Catalina": the abbreviation belongs to the name, which is a place's ("St. "
    only before what is a place already: "St. Barbara" may be the saint)."""
    if m.type not in ("PLACE", "PERSON") or m.key:
        return
    if _SAINT_SPAN.match(text, m.start, m.end):
        m.type = "PLACE"
        return
    before = _SAINT_BEFORE.search(text, max(0, m.start - 6), m.start)
    if before is None or (before["abbr"] == "St" and m.type != "PLACE"):
        return
    m.start = before.start()
    m.type = "PLACE"
