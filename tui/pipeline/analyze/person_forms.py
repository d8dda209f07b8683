"""What a person the model or a rule found is, said by the shape of the name itself.

Run once the mentions are resolved (entities.py), these rules read the words of each person
and right around it, never a list of persons:
- a regnal number after a name is part of it ("Abdullah II", "Henry VIII");
- a feature of the land as the head or the tail of a name makes it a place ("Cape Erimo",
  "Mount Kenya", "Sir Creek"), as no person is named so;
- a company's legal form at a name's end makes it an organisation ("X Line Limited", "X SpA"),
  and so do a hotel's or a restaurant's noun after it ("the X Inn hotels"); the company's name
  without its form is the company too, and a word of it found again alone is nobody;
- a nationality's noun or a two-word demonym in the plural names a people ("Britons", "Sri
  Lankans"), no person;
- a surname of several words stands whole when it is written again alone ("Tagme Na Waie ...
  Na Waie's office", "Aravinda de Silva ... de Silva").
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import demonyms, given_names
from tui.pipeline.analyze.grouping import Found
from tui.pipeline.analyze.lists import rows, split_forms

# A regnal number, the Roman numeral of a king, pope or emperor after the name ("Abdullah II",
# "Henry VIII", "John Paul II"); "I" is left out, which is the pronoun as often.
REGNAL = re.compile(r"(?=[IVX]{2})X{0,2}(?:IX|IV|V?I{0,3})|V|X")
_REGNAL_AFTER = re.compile(r" (?P<numeral>(?=[IVX]{2})X{0,2}(?:IX|IV|V?I{0,3})|V|X)(?![\w-])")

# Features of the land that open a place's name ("Cape Erimo", "Mount Sinjar", "Lake Chad",
# "Gulf of Aden") or close it ("Sir Creek", "Litani River", "Sinai Peninsula"): the generic
# terms of the gazetteers (GeoNames' feature classes H and T, in English), only those that are
# no common surname or given name (not "Hill", "Lake" at a name's end, "Bay", "Ford", "Brook").
_LAND_HEADS = frozenset((
    "Cape", "Mount", "Mt", "Mt.", "Lake", "Gulf", "Strait", "Straits", "Isle", "Bay",
    "Fort", "Port", "Lac", "Jebel", "Wadi",
))
_LAND_TAILS = frozenset((
    "Creek", "River", "Strait", "Straits", "Peninsula", "Canal", "Desert", "Mountains",
    "Islands", "Island", "Valley", "Gulf", "Sea", "Ocean", "Plateau", "Lagoon", "Estuary",
    "Archipelago", "Waterway", "Glacier", "Reservoir", "Heights",
))
# The legal forms that close a company's name in English copy and its neighbours' (Limited,
# Inc., plc, GmbH, SpA, N.V., ...), and the nouns of the trades whose houses bear a name
# ("the X Inn hotels", "the Raja restaurant").
_LEGAL_FORMS = frozenset((
    "Limited", "Ltd", "Ltd.", "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation",
    "Co.", "LLC", "LLP", "PLC", "plc", "GmbH", "AG", "SA", "S.A.", "SpA", "S.p.A.", "NV",
    "N.V.", "BV", "B.V.", "AB", "ASA", "Oyj", "Bros", "Bros.", "Holdings", "Pty",
))
_HOUSE_AFTER = re.compile(r"['’]?s? (?:hotels?|motels?|restaurants?|caf[eé]s?|casinos?)\b")


def apply(text: str, found: list[Found], below: int) -> list[Found]:
    """The mentions with the rules above applied; persons ranked `below` or higher (rules that
    read a title or an office) keep their type but take a regnal number."""
    surname_tails(text, found)
    _regnal(text, found)
    companies: set[str] = set()
    kept: list[Found] = []
    for m in found:
        if m.type != "PERSON":
            kept.append(m)
            continue
        words = text[m.start : m.end].split()
        if m.rank < below and _land(words):
            m.type = "PLACE"
            if len(words) == 1 and (start := _word_before(text, m.start)) is not None:
                m.start = start  # "Sir Creek": the model took "Sir" for a title
        elif m.rank < below and (
            words[-1] in _LEGAL_FORMS or _HOUSE_AFTER.match(text, m.end) is not None
        ):
            m.type = "ORG"
            if words[-1] in _LEGAL_FORMS and len(words) > 1:
                companies.add(" ".join(words[:-1]))
        elif m.rank < below and _people(" ".join(words)):
            continue
        kept.append(m)
    return _company_names(text, kept, companies)


def _regnal(text: str, found: list[Found]) -> None:
    for m in found:
        if m.type in ("PERSON", "ORG") and not m.key:
            words = text[m.start : m.end].split()
            numeral = _REGNAL_AFTER.match(text, m.end)
            if m.type == "PERSON" and numeral is not None and given_names.is_given_name(words[0]):
                m.end = numeral.end()  # "Edward IV"; not "Final Cut Pro X"
            elif (
                m.type == "ORG"
                and len(words) >= 2
                and REGNAL.fullmatch(words[-1])
                and given_names.is_given_name(words[0])
            ):
                m.type = "PERSON"


def _land(words: list[str]) -> bool:
    return (len(words) >= 2 and words[0] in _LAND_HEADS) or words[-1] in _LAND_TAILS


_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+ $")


def _word_before(text: str, start: int) -> int | None:
    match = _CAPITALISED_BEFORE.search(text, max(0, start - 20), start)
    if match is None or text[max(0, match.start() - 2) : match.start()].strip() in (".", ""):
        return None  # no capitalised word, or one that opens a sentence
    return match.start()


def _people(surface: str) -> bool:
    """A nationality's noun ("Briton", "Britons") or demonym in the plural ("Sri Lankans")."""
    nouns = _nationality_nouns()
    return (
        surface in nouns
        or (surface.endswith("s") and surface[:-1] in nouns)
        or (" " in surface and surface.endswith("s") and demonyms.is_nationality(surface[:-1]))
    )


@functools.cache
def _nationality_nouns() -> frozenset[str]:
    return frozenset(noun for row in rows("nationality_nouns.tsv") for noun in split_forms(row[1]))


def _company_names(text: str, found: list[Found], companies: set[str]) -> list[Found]:
    """A company's name without its legal form is the company ("X Line" of "X Line Limited");
    a word of it found again alone (the surname rule's guess) is nobody."""
    if not companies:
        return found
    parts = {w for name in companies for w in name.split()}
    kept = []
    for m in found:
        surface = text[m.start : m.end]
        if m.type == "PERSON" and surface in companies:
            m.type = "ORG"
        elif m.type == "PERSON" and m.rank < 0 and surface in parts:
            continue
        kept.append(m)
    return kept


def surname_tails(text: str, found: list[Found]) -> None:
    """A person's surname found again alone (rank below 0) takes the words of the full name
    right before it that the text repeats: "Na Waie" of "Tagme Na Waie", not its given name."""
    full = [text[m.start : m.end].split() for m in found if m.type == "PERSON" and m.rank >= 0]
    for m in found:
        if m.type != "PERSON" or m.rank >= 0:
            continue
        surface = text[m.start : m.end]
        for words in full:
            if len(words) < 3 or words[-1] != surface:
                continue
            for k in range(len(words) - 2, 0, -1):  # the longest run the text repeats
                if not words[-1 - k][:1].isupper():
                    continue  # a run opens with a name's word ("Na Waie"), not "der" or "d."
                middle = " ".join(words[-1 - k : -1]) + " "
                at = m.start - len(middle)
                if text.endswith(middle, 0, m.start) and not text[at - 1 : at].isalnum():
                    m.start = at
                    break
            else:
                continue
            break
