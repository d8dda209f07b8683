"""What a span the model calls a person really is, from its own words.

The small model calls a person whatever has the shape of one; news copy is full of names of
that shape that are none (each family read in bench/README.md, "Fourth pass"):
- a photo credit joined by a slash ("Ahmed Hassan/AFP") is split before this runs
  (aliases.pieces), and a name after an agency's slash is its photographer ("REUTERS/VALENTYN
  OGIRENKO", `is_credited`); a span with "@" or a web address is no name
  ("pic.twitter.com/..."), and a name ends before a number ("Mekhi Robinson 1 goal"; "2016"
  is none);
- a name inside a hyphenated compound: "pro-Clinton" is Clinton, "Marshall Islands-flagged"
  and "Hong Kong-based" are the place before a participle of origin;
- an office inside the span: "New York Democrat Charles Rangel" gives the person after the
  office, "Allen Fire Chief" none;
- a people or a community: "Sunni Muslims", "Meiteis" (demonyms.is_people); a nationality
  before a name says where the person is from and is no part of the name ("Spaniard Carlos
  Sainz", "American Dennis Mitchell"; data/nationality_nouns.tsv and demonyms.py);
- a noun that ends names of places, events and documents: "Coral Sky Amphitheatre" is a
  place, "the Fair Sentencing Act" and "the Yom Kippur War" no entity (data/name_nouns.tsv);
- and the model's person of one word may have left out the given name before it, when that
  name is one it has not learnt ("Mahamadou Touré, a researcher", the model: "Touré"): a proper
  noun right before it that nothing else claims (no title, month or day, place, nationality,
  organisation word, and no entity of the model's) is its given name (`given_left_out`).

And persons the words next to a name mark, whatever the model made of it: an age in commas
("Chelsea, 16, was ..."; `aged_names`), a role noun before it in apposition ("a surgeon, Usaeed
Jabareen, from ..."; `role_named`), a quoted nickname inside it (Ismael "El Mayo" Zambada, one
name; `nicknamed_names`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from tui.pipeline.analyze import aliases, bodies, demonyms, gazetteer, given_names, labels
from tui.pipeline.analyze.lists import rows, split_forms

_NOT_NAME = re.compile(r"@|www\.|https?:|\.com\b|\.org\b|\.net\b")
_DIGIT_WORD = re.compile(r"(?<!\S)\S*[0-9]")
PREFIX = re.compile(r"(?:pro|anti|ex|non|post|pre|neo|self)-(?=[A-Z])")
# Participles of origin after a place: "Hong Kong-based", "Marshall Islands-flagged".
_ORIGIN = re.compile(r"-(?:based|born|flagged|registered|headquartered|listed|bound)$")
# A participle or adjective joined to a name ("Hamas-run", "Trump-backed", "Kremlin-friendly");
# not the lower-case syllables of Korean and Chinese given names ("Kim In-so", "Chen Chun-yeh").
_HYPHEN_TAIL = re.compile(r"-(?:[a-z]+(?:ed|ing|ly)|run|led|born|made|built|held|bound|owned)$")
# fmt: off
_MONTHS = frozenset((
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
))
_DAYS = frozenset((
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue",
    "Wed", "Thu", "Fri", "Sat", "Sun",
))
# fmt: on
_NUMBER_AFTER = re.compile(r"\.? [0-9]{1,2}\b")
_NEXT_WORD = re.compile(r" (?P<word>[A-Z][a-z]+)\b")
# A member of a service written with its capital, a common noun: "a U.S. Marine" (not "the
# Rangers", a side as often as a unit).
SERVICE_MEMBERS = frozenset((
    "Marine", "Marines", "Commando", "Commandos", "Paratrooper", "Paratroopers", "Guardsman",
    "Guardsmen", "Gurkha", "Gurkhas", "Legionnaire", "Legionnaires",
    "Airman", "Airmen", "SEAL", "SEALs",
))
# Offices that, inside a span, stand between a qualifier and the person ("New York Democrat
# Charles Rangel", "Charlotte Mayor Jennifer Roberts"); not those that are also surnames
# ("King", "Prince", "Major", "Bishop").
_INNER_OFFICES = frozenset(
    (
        "Mayor",
        "Governor",
        "Minister",
        "President",
        "Chief",
        "Secretary",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Commissioner",
        "Director",
        "Chairman",
        "Chairwoman",
        "Ambassador",
        "Senator",
        "Congressman",
        "Congresswoman",
        "Commander",
        "Premier",
        "Chancellor",
        "Envoy",
        "Democrat",
        "Republican",
        "Superintendent",
        "Inspector",
        "Detective",
        "Sheriff",
    )
)


@functools.cache
def _nouns() -> dict[str, tuple[str, bool]]:
    """data/name_nouns.tsv: noun -> (kind, also a surname)."""
    return {row[0]: (row[1], row[2] == "yes") for row in rows("name_nouns.tsv")}


def place_nouns() -> frozenset[str]:
    """Nouns that end places' names and are no surname: a given name's run stops there
    ("Jolinda Drive" is no person)."""
    nouns = _nouns().items()
    return frozenset(n for n, (kind, surname) in nouns if kind == "place" and not surname)


def names_a_place(surface: str, organisation: bool = False) -> bool:
    """A name of several words that ends in a place's noun and does not open with a given
    name ("Ta Moan Thom Temple"; "Shirley Temple" opens with one). For a name the model
    called an organisation, a given name matters only before a noun that is also a surname:
    no person is called "X Shrine" or "X Airport"."""
    words = surface.split()
    kind = _nouns().get(words[-1]) if len(words) >= 2 else None
    if kind is None or kind[0] != "place":
        return False
    return (organisation and not kind[1]) or not given_names.is_given_name(words[0])


def check(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """(start, end, kind) for the model's person text[start:end]: the span trimmed to the
    name, and "PLACE", "" (no entity) or None (a person, as far as its words say)."""
    if _NOT_NAME.search(text, start, end):
        return start, end, ""  # "pic.twitter.com/...", "@AFP"
    digit = _DIGIT_WORD.search(text, start, end)
    if digit is not None:  # "Mekhi Robinson 1 goal", "2016": a name ends before a number
        end = text.rfind(" ", start, digit.start()) if digit.start() > start else start
        if end <= start:
            return start, start, ""
    prefix = PREFIX.match(text, start, end)
    if prefix is not None:
        start = prefix.end()  # "pro-Clinton" is Clinton
    start = _after_nationality(text, start, end)
    tail = _HYPHEN_TAIL.search(text, start, end)
    if tail is not None:
        origin = _ORIGIN.fullmatch(tail.group())
        end = tail.start()
        if demonyms.is_people(text[start:end]):
            return start, end, ""  # "Russian-controlled", "Tuareg-led"
        if origin is not None or gazetteer.lookup(text[start:end]) is not None:
            return start, end, "PLACE"  # "Marshall Islands-flagged", "Hong Kong-based"
    words = text[start:end].split()
    if not words:
        return start, end, ""
    after = _NEXT_WORD.match(text, end)
    if after is not None and after["word"] in _nouns():
        kind, surname = _nouns()[after["word"]]
        if not surname:  # "the Coral Sky Amphitheatre": the model left the noun out
            return start, after.end(), "PLACE" if kind == "place" else ""
    for i in range(len(words) - 1, 0, -1):
        if words[i] in _INNER_OFFICES:
            if i == len(words) - 1:
                return start, end, ""  # "Allen Fire Chief": an office, no name
            cut = start + len(" ".join(words[: i + 1])) + 1
            return cut, end, None  # "Charlotte Mayor Jennifer Roberts"
    surface = " ".join(words)
    ranked = len(words) > 1 and words[-1] in aliases.HONORIFICS and text[end : end + 1] == "."
    if surface in SERVICE_MEMBERS or ranked:
        return start, end, ""  # "One Marine said", "Marine Col. X" (the name follows the rank)
    if len(words) == 1 and surface.rstrip(".") in _MONTHS and _NUMBER_AFTER.match(text, end):
        return start, end, ""  # "(Jun 5)": a date
    if demonyms.is_people(surface):
        return start, end, ""  # "Sunni Muslims", "Meiteis"
    noun = _nouns().get(words[-1])
    if noun is not None and len(words) >= 2:
        kind, surname = noun
        if not (surname and given_names.is_given_name(words[0])):
            return start, end, "PLACE" if kind == "place" else ""
    return start, end, None


def _after_nationality(text: str, start: int, end: int) -> int:
    """Where the name starts after a nationality that opens the span: "Briton Graeme Obree",
    "Belgian Bruno Thiry". A nationality noun that is also a given name ("Finn", "Dane") goes
    only before two more words ("Finn Russell" is a person, "Finn Teemu Selanne" a Finn)."""
    words = text[start:end].split(" ")
    if len(words) < 2 or not words[1][:1].isupper():
        return start
    first = words[0]
    if first not in _nationality_nouns() and not demonyms.is_nationality(
        first, given_names.is_given_name
    ):
        return start
    if len(words) < 3 and given_names.is_given_name(first):
        return start
    return start + len(first) + 1


@functools.cache
def _nationality_nouns() -> frozenset[str]:
    return frozenset(noun for row in rows("nationality_nouns.tsv") for noun in split_forms(row[1]))


# A name with an age set off by commas ("Santa Puglisi, 22, and ...", "Takeda , 18 , showed"):
# English gives ages in apposition to persons (and pets), never to places or bodies.
_AGED = re.compile(
    rf"(?<![\w'’.-])(?P<name>[{aliases.UPPER}][{aliases.LOWER}'’-]+"
    rf"(?: [{aliases.UPPER}][{aliases.LOWER}'’-]+){{0,3}}) ?, [1-9][0-9]? ?,"
    # ... or with the age before the name: "60-year-old Amina Bello", "a 34-year-old Ko Min"
    rf"|(?<![\w-])[1-9][0-9]?-year-old (?P<after>[{aliases.UPPER}][{aliases.LOWER}'’-]+"
    rf"(?: [{aliases.UPPER}][{aliases.LOWER}'’-]+){{0,3}})(?![\w'’-])"
)


# A person named in apposition after what they are ("a surgeon, Usaeed Jabareen, from the
# hospital", "the resident, Amina Bello, said"): the role noun closes a noun phrase opened by
# an article, and the name stands between commas or before a speech verb.
_WORD = rf"[{aliases.UPPER}][{aliases.LOWER}'’-]+"
_ROLE_NOUNS = (
    "surgeon|doctor|nurse|paramedic|medic|teacher|student|farmer|trader|driver|worker|engineer"
    "|resident|villager|witness|survivor|journalist|reporter|photographer|activist|lawyer"
    "|official|spokesman|spokeswoman|spokesperson|commander|officer|soldier|fighter|pastor"
    "|priest|imam|cleric|elder|leader|chief|analyst|researcher|volunteer|mother|father|widow"
    "|shopkeeper|fisherman|herder|miner|mechanic|pharmacist|businessman|businesswoman"
)
_ROLE_NAMED = re.compile(
    rf"\b(?:a|an|the|one|another) (?:[\w-]+ ){{0,2}}?(?:{_ROLE_NOUNS}) ?, "
    rf"(?P<name>{_WORD}(?: {_WORD}){{0,2}})"
    r"(?= ?,| said\b| told\b)"
)


def role_named(text: str) -> list[tuple[int, int]]:
    """Persons named after "a surgeon, ..." (above), whatever the model made of them."""
    found: list[tuple[int, int]] = []
    if "," not in text:
        return found
    for match in _ROLE_NAMED.finditer(text):
        start, end, verdict = check(text, *match.span("name"))
        if verdict is None and end > start and not aliases.is_title(text[start:end].split()[0]):
            found.append((start, end))
    return found


def aged_names(text: str) -> list[tuple[int, int]]:
    """Persons named with their age ("Chelsea, 16, was at her father's side"), whatever the
    model made of them: the words say person. Months, titles and nationalities stay out
    ("May, 12,", "Belgians An Marchal, 19,")."""
    found: list[tuple[int, int]] = []
    if "," not in text and "-year-old " not in text:
        return found  # the scan is linear but not free on a 10 MB page
    for match in _AGED.finditer(text):
        start, end = match.span("name" if match["name"] else "after")
        start, end, _ = aliases.trim(text, start, end, titles=True)
        words = text[start:end].split()
        while words and words[0].lower() in stop_words():  # "In May, 12, ..."
            start += len(words.pop(0)) + 1
        if not words or words[0] in _MONTHS or words[0] in _DAYS or aliases.is_title(words[0]):
            continue
        if not match["name"] and any(
            gazetteer.lookup(name) is not None or bodies.known_key(name) is not None
            for name in (words[0], " ".join(words))
        ):
            continue  # "a 50-year-old Kabul resident", "a 25-year-old Hamas fighter"
        start, end, verdict = check(text, start, end)
        if verdict is None and end > start:
            found.append((start, end))
    return found


@functools.cache
def stop_words() -> frozenset[str]:
    """English function words (spaCy's list): a sentence's capitalised first word, no name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


# A nickname in quotation marks between a given name and a surname is part of the name, as
# English press writes it: Ismael "El Mayo" Zambada, Mohamed Hamdan "Hemedti" Dagalo.
_NICKNAMED = re.compile(
    rf"(?<![\w'’.-])(?P<given>{_WORD})(?: {_WORD}){{0,2}} [\"“] ?{_WORD}(?: {_WORD}){{0,2}} ?[\"”]"
    rf"(?: {_WORD}){{1,2}}(?![\w'’-])"
)


def nicknamed_names(text: str) -> list[tuple[int, int]]:
    """Persons written with a quoted nickname inside the name ('Ismael "El Mayo" Zambada'):
    the whole is the name when it opens with a given name."""
    if '"' not in text and "“" not in text:
        return []
    return [
        match.span()
        for match in _NICKNAMED.finditer(text)
        if given_names.is_given_name(match["given"]) and not aliases.is_title(match["given"])
    ]


# A nom de guerre in brackets after a person's name: "Fahad Maruhom (alias Abu Zacaria)".
_ALIAS = re.compile(
    rf"\((?:alias|a\.k\.a\.|aka|also known as|nom de guerre) (?P<name>{_WORD}(?: {_WORD}){{0,2}})\)"
)


def aliased_names(text: str) -> list[tuple[int, int]]:
    """A person's other name after "alias" in brackets is a person too."""
    if "(" not in text:
        return []
    return [match.span("name") for match in _ALIAS.finditer(text)]


_CREDITED = re.compile(r"[A-Za-zÀ-ÿ'’-]+(?: [A-Za-zÀ-ÿ'’-]+){1,2}")


def is_credited(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the photographer of a credit after an agency's slash:
    "REUTERS/VALENTYN OGIRENKO", "AP Photo/Efrem Lukatsky" (two or three words of letters)."""
    if text[start - 1 : start] != "/" or not _CREDITED.fullmatch(text, start, end):
        return False
    agency = text[max(0, start - 30) : start - 1].split()
    for k in (1, 2):
        name = " ".join(agency[-k:]) if len(agency) >= k else ""
        if name and (bodies.known_key(name) or bodies.known_key(name.title())) is not None:
            return True  # "AP Photo/...", "REUTERS/..."
    return False


_AFTER_SLASH = re.compile(
    r"(?<=/)(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’-]+){1,2}"
    r"|[A-ZÀ-Þ][a-zß-ÿ'’-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’-]+){1,2})(?![\w-])"
)


def credit_names(text: str) -> list[tuple[int, int]]:
    """Photographers named after an agency's slash that the model left out ("REUTERS/VALENTYN
    OGIRENKO"): two or three words, all in capitals or all capitalised."""
    return [
        match.span("name")
        for match in _AFTER_SLASH.finditer(text)
        if is_credited(text, *match.span("name"))
    ]


# Nouns of built places that, after a person's name, name the place after the person ("the
# Osman Digna Air Base", "Ben Gurion Airport"); "Air"/"Naval" before "Base" are in the name.
# fmt: off
FEATURE_AFTER = frozenset((
    "Airport", "Airbase", "Airfield", "Base", "Bridge", "Street", "Square", "Avenue", "Dam",
    "Stadium", "Prison", "Camp", "Crossing", "Port", "Harbour", "Harbor",
))
# fmt: on


_GIVEN_SHAPE = re.compile(rf"[{aliases.UPPER}][{aliases.LOWER}]{{2,}}")
_OPENING_SHAPE = re.compile(rf"(?:(?:El|Al)-)?[{aliases.UPPER}][{aliases.LOWER}]{{2,}}")


def given_left_out(doc: Any, text: str, start: int, end: int) -> int:
    """Where a person really starts: at the proper noun right before it that can only be its
    given name (module docstring), else at `start`. A name of several words takes it only
    after a comma, an opening quote or bracket ("his son, Mahamat Idriss Deby") or when it is
    written with the Arabic article ("El-Sadiq Ali El-Nour, a spokesperson"). `text` is the
    doc's text (never `doc.text`, which spaCy rebuilds from every token on each access)."""
    if not start or text[start - 1] != " ":
        return start
    span = doc.char_span(start, end)
    if span is None or span.start == 0:
        return start
    before = doc[span.start - 1]
    word = before.text
    if " " in text[start:end] and not (
        _OPENING_SHAPE.fullmatch(word)
        and word.lower() not in stop_words()
        and (
            (before.i > 0 and doc[before.i - 1].text in _OPENING_PUNCT)
            or _ARTICLE_BEFORE.search(text, max(0, before.idx - 4), before.idx) is not None
        )
    ):
        return start  # at a sentence's start, "Coach X" and "Defenseman X": a role's word
    if (
        before.tag_ != "NNP"
        or before.ent_type_
        or not (_OPENING_SHAPE if " " in text[start:end] else _GIVEN_SHAPE).fullmatch(word)
        or before.idx + len(word) + 1 != start
        or word in given_names.NOT_GIVEN
        or word in labels.ORG_WORDS
        or word in labels.PLACE_WORDS
        or aliases.is_title(word)
        or gazetteer.lookup(word) is not None
        or demonyms.is_nationality(word, given_names.is_given_name)
    ):
        return start
    article = _ARTICLE_BEFORE.search(text, max(0, before.idx - 4), before.idx)
    return article.start() if article is not None and " " in text[start:end] else before.idx


_OPENING_PUNCT = frozenset((",", "“", "(", '"'))
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:El|Al)-$")  # "El-Sadiq", split by the tokenizer
