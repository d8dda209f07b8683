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
  labels.place_span); only the bare compass words: "northern Shan state" is Shan;
- in a Title Case headline every word has a name's shape, and the model joins a place to the
  words around it ("Bandits Attack Zamfara Village", "Kill Many Cameroon Soldiers") or drops
  the run: a country, a region, or a place the body names, standing in the headline is that
  place, unless a name the body repeats or a list's name holds it;
- an office held "of" a place before its holder's name is the place, then the person
  ("President of Kazakhstan Kassym-Jomart Tokayev": the model takes the place into the
  person, or calls the whole an organisation).
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import gazetteer, name_evidence
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
    found = _headline_places(text, found)
    found = _office_of_place(text, found)
    return _without_inside(found)


# An office held "of" a place, before its holder's name: "Prime Minister of Armenia Nikol
# Pashinyan", "President of Kazakhstan Kassym-Jomart Tokayev", "the prefect of Tanout X". The
# heads of state, government and the places' offices English so writes (`titles.tsv` holds the
# titles written before a name without "of").
_OFFICE_OF = re.compile(
    r"\b(?:[Pp]resident|[Vv]ice[- ][Pp]resident|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor"
    r"|[Kk]ing|[Qq]ueen|[Ee]mir|[Ss]ultan|[Cc]rown [Pp]rince|[Gg]overnor|[Pp]refect|[Mm]ayor"
    r"|[Aa]mbassador|[Cc]hief [Mm]inister|[Mm]inister(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
    r"|[Ss]peaker) of (?:the )?$"
)


def _office_of_place(text: str, found: list[Found]) -> list[Found]:
    """A name the model found after an office's "of" that opens with a place the gazetteer
    knows and goes on with two capitalised words or more is the place, then the holder."""
    out = []
    for m in found:
        words = text[m.start : m.end].split(" ")
        office = _OFFICE_OF.search(text, max(0, m.start - 40), m.start) if m.rank < 3 else None
        cut = 0
        if office is not None and m.type in ("PERSON", "ORG") and len(words) >= 3:
            cut = next(
                (n for n in (2, 1) if len(words) - n >= 2 and _is_place(" ".join(words[:n]))), 0
            )
        if not cut or not all(w[:1].isupper() for w in words[cut:]):
            out.append(m)
            continue
        place_end = m.start + len(" ".join(words[:cut]))
        out.append(Found(m.start, place_end, "PLACE", 2))
        out.append(Found(place_end + 1, m.end, "PERSON", 2))
    return out


def _is_place(name: str) -> bool:
    return gazetteer.lookup(name) is not None


_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}")
_WIDE_KINDS = frozenset(("country", "region"))


def _headline_places(text: str, found: list[Found]) -> list[Found]:
    """Places standing in a Title Case first line (the module's docstring)."""
    line_end = text.find("\n")
    if line_end == -1 or not name_evidence.is_headline(text[:line_end]):
        return found
    body = text[line_end:]
    named = {text[m.start : m.end] for m in found if m.type == "PLACE" and m.start > line_end}
    for run in _CAPITALISED_RUN.finditer(text, 0, line_end):
        words = run.group().split(" ")
        for size in range(len(words), 0, -1):  # the longest place in the run
            spans = [(i, " ".join(words[i : i + size])) for i in range(len(words) - size + 1)]
            hit = next((p for p in spans if _headline_place(p[1], named)), None)
            if hit is not None:
                start = run.start() + len(" ".join(words[: hit[0]])) + (1 if hit[0] else 0)
                found = _put_place(text, found, start, start + len(hit[1]), body)
                break
    return found


def _headline_place(surface: str, named: set[str]) -> bool:
    place = gazetteer.lookup(surface, alternates=False)
    return surface in named or (place is not None and place.kind in _WIDE_KINDS)


def _put_place(text: str, found: list[Found], start: int, end: int, body: str) -> list[Found]:
    """The place at [start, end) instead of the headline's guesses over it."""
    over = [m for m in found if m.start < end and start < m.end]
    if any((m.start, m.end) == (start, end) for m in over):
        return found
    for m in over:
        surface = text[m.start : m.end]
        if m.key or re.search(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", body):
            return found  # a name the body repeats, a list's name: the headline's own
    kept = [m for m in found if all(m is not o for o in over)]
    kept.append(Found(start, end, "PLACE", 2))
    kept.sort(key=lambda m: m.start)
    return kept


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
