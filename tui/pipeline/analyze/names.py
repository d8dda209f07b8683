"""The words of a source phrase made into a name: what canonical.py works on.

Pure string functions, no article context: cleaning (apostrophes, datelines, bracketed
acronyms, "in a statement", "one of the", quantifiers), a person's name without titles, a
proper name after a role ("Ukraine's nuclear operator Energoatom" -> "Energoatom"), state
bodies ("Russia's defence ministry" -> "Russian Defence Ministry"), possessive owners, and the
acronyms an article spells out. docs/CLAIMS.md gives the conventions.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import demonyms, sides
from tui.pipeline.analyze.datafiles import rows, split_list
from tui.pipeline.analyze.lexicon import words
from tui.pipeline.analyze.sentences import DATELINE_RE

# Words before a name that are no part of it: articles, counts, "one of the", and a possessive
# with "own" ("formed their own Alliance of Sahel States").
LEADING_RE = re.compile(
    r"^(?:(?:the|a|an|this|that|these|those|another|some|several|many|multiple|numerous|"
    r"various|two|three|four|five|six|seven|eight|nine|ten|dozens of|\d+|one of(?: the)?|"
    r"two of(?: the)?|some of(?: the)?|(?:their|its|his|her|our) own|one|other)\s+)+"
    r"(?!who\b|which\b|that\b)",
    re.IGNORECASE,
)
_BRACKETS_RE = re.compile(r"\s*\([^)]*\)|\s*\([^)]*$")
# Circumstances after a name: "Hezbollah in a statement", "the ministry on Telegram".
_CIRCUMSTANCE_RE = re.compile(
    r"\s+(?:in|on|via|through)\s+(?:a|an|the|its|their|his|her)?\s*(?:\w+\s+)?"
    r"(?:statement|statements|post|posts|message|video|interview|briefing|tweet|email|"
    r"Telegram|X|Facebook|television|radio)\b.*$"
)
NAME_WORD_RE = re.compile(r"^(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|van|von|da|du|el-\w+)$")
PLACE_WORDS = words("of in at for from to near by on the with and")
_POSSESSIVE_RE = re.compile(r"^(?P<owner>.+?)['’]s?\s+(?P<rest>.+)$")
_OF_RE = re.compile(r"^(?P<body>.+?)\s+of\s+(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_ACRONYM_AFTER_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*\s+)(?:(?:of|for|the|and)\s+|[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)"
    r"\s+\((?P<acr>[A-Z][A-Z0-9]{1,7})\)"
)
_ACRONYM_BEFORE_RE = re.compile(
    r"\b(?P<acr>[A-Z][A-Z0-9]{1,7}),\s+the\s+"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the))*\s*[A-Z][\w'’-]*)"
)
# Sub-units named through their force: "the Naypyitaw chapter of the People's Defence Force".
_UNIT_OF_RE = re.compile(
    r"\b(?:chapter|branch|wing|unit|units|faction|cell|battalion|brigade|division|office|"
    r"bureau|command|spokesperson|spokesman|spokeswoman|members?|fighters?|leader)\s+of\s+"
    r"(?:the\s+)?(?P<force>.+)$",
    re.IGNORECASE,
)


@functools.cache
def bodies() -> dict[str, str]:
    """Lower-case variant -> canonical body name ("ministry of defense" -> "Defence Ministry")."""
    out = {}
    for row in rows("state_bodies.tsv"):
        canonical, variants = row[0], row[1] if len(row) > 1 else ""
        for form in (canonical.lower(), *split_list(variants)):
            out[form] = canonical
    return out


@functools.cache
def body_re() -> re.Pattern[str]:
    """Any body variant as whole words, longest first."""
    variants = sorted(bodies(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in variants) + r")\b")


@functools.cache
def titles() -> frozenset[str]:
    return frozenset(row[0].lower().rstrip(".") for row in rows("source_titles.txt"))


def adjective(country: str) -> str:
    """ "Russia" -> "Russian"; "United States" -> "U.S."; the country itself when none is known."""
    return sides.adjectives().get(country) or demonyms.demonym_of(country) or country


def clean(name: str) -> str:
    """Straight apostrophes, no dateline, bracketed acronym or trailing circumstance."""
    name = name.replace("’", "'").replace("‘", "'")
    dateline = DATELINE_RE.match(name) or _CAPS_PLACE_RE.match(name)
    if dateline and (dateline.re is DATELINE_RE or sides.country(dateline.group(1))):
        name = name[dateline.end() :]  # "KHARTOUM South Sudan's army": a dateline, no dash
    name = _CIRCUMSTANCE_RE.sub("", _BRACKETS_RE.sub("", name))
    name = _RELATIVE_RE.sub("", name)  # "The attack, which the government said killed ..."
    return " ".join(name.strip(' \t\n"“”,;:').split())


# A relative pronoun the parser left before the source of a relative clause: "which the
# government said killed 11 soldiers" is the government's.
_RELATIVE_RE = re.compile(r"^\s*(?:which|whom)\s+(?=\S)", re.IGNORECASE)
# An outlet or agency named with its owner after "of": "The Sahara News Agency of the Polisario
# Front" is filed under the agency's name (its owner gives its side).
_OUTLET_OF_RE = re.compile(
    r"^(?P<outlet>.*\b(?:Agency|Television|TV|Radio|Channel))\s+of\s+(?:the\s+)?[A-Z].*$"
)


# An outlet's name and what kind of outlet it is, in lower case after it: "the Interfax news
# agency", "Russia's Interfax news agency", "The Sudan Tribune website" are filed as the name
# ("Interfax", "Sudan Tribune"); a kind written in capitals is part of the name ("Sahara News
# Agency"), and one word of a possessive owner before it is no part of it.
_OUTLET_KIND_RE = re.compile(
    r"^(?:(?:the|The)\s+)?(?:[A-Z][\w.-]*['’]s?\s+)?(?P<outlet>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})"
    r"\s+(?:news\s+agency|news\s+website|website|web\s+site|newspaper|daily|news\s+site)$"
)


def outlet_of(name: str) -> str:
    """ "The Sahara News Agency of the Polisario Front" -> "Sahara News Agency"; "the Interfax
    news agency" -> "Interfax"; else ""."""
    m = _OUTLET_OF_RE.match(name) or _OUTLET_KIND_RE.match(name)
    return bare(m.group("outlet")) if m else ""


_ISSUED_RE = re.compile(
    r"^(?P<body>.+?)\s+(?:statement|communique|communiqué|bulletin|report|press\s+release)$",
    re.I,
)


_ISSUED_BY_RE = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|communique|communiqué|bulletin|report|"
    r"press\s+release)\s+(?:(?:issued|released|put\s+out)\s+)?(?:by|from)\s+(?P<body>.+)$",
    re.I,
)


def issuer(name: str) -> str:
    """ "a Russian defense ministry statement", "a late statement by the Russian defense
    ministry", "a communique issued by Peru's joint chiefs of staff", "a statement from the
    Ethiopian National Defense Forces" -> the body or named force; else ""."""
    m = _ISSUED_RE.match(name) or _ISSUED_BY_RE.match(name)
    if m is None:
        return ""
    found = bare(m.group("body"))
    proper = len(found.split()) > 1 and all(w[:1].isupper() for w in found.split())
    if proper or body(found) is not None or sides.group(found):
        return m.group("body")
    return found if found.lower() in bodies() else ""  # "an army statement": the army's


# A place in capitals opening the story with no dash or colon after it ("KHARTOUM South
# Sudan's army denied ..."): a dateline when the place is a country or a capital.
_CAPS_PLACE_RE = re.compile(r"^\s*([A-Z][A-Z'’-]{3,}(?:\s+[A-Z][A-Z'’-]{2,})*)\s+(?=[A-Z][a-z])")
_TALLY_RE = re.compile(
    r"^(?:an?|the)\s+(?P<org>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)\s+(?:tally|count)$|"
    r"^(?:(?:an?|the)\s+)?(?:\w+\s+)?(?:tally|count)\s+(?:by|from|of)\s+(?:the\s+|The\s+)?"
    r"(?P<by>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})$"
)


def tallier(name: str) -> str:
    """ "an AFP tally", "a Reuters count", "a count by The Associated Press" -> the agency that
    keeps it; else ""."""
    m = _TALLY_RE.match(name)
    return (m.group("org") or m.group("by")) if m else ""


def bare(name: str) -> str:
    """The name without leading articles, quantifiers and partitives ("one of the")."""
    return LEADING_RE.sub("", name).strip()


def person(name: str) -> str:
    """A person's name without titles or the role before it, or "" when there is none."""
    parts = bare(name).split()
    tail: list[str] = []
    for k in range(len(parts) - 1, -1, -1):
        word = parts[k]
        if not NAME_WORD_RE.match(word) or (_title(word) and not _inner(parts, k, tail)):
            break
        tail.insert(0, word)
    while tail and _title(tail[0]):
        tail.pop(0)
    if not tail or (len(parts) > len(tail) and parts[-len(tail) - 1].lower() in PLACE_WORDS):
        owner = _OF_OWNER_RE.match(bare(name))  # "Arnu Ngutulu Lodi of the SPLM-N": the name
        if owner and len(found := person(owner.group(1)).split()) >= 2:
            return " ".join(found)
        return _after_body(tail)
    return " ".join(tail)


# A person's name followed by the body they belong to: "X Y of the Sudan People's Liberation
# Movement-North", "X Y of Amnesty International".
_OF_OWNER_RE = re.compile(r"^((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\s+of\s+(?:the\s+)?[A-Z]")


# The head of a body a role belongs to, right before the person holding it: "spokesman of the
# SAF Khalid Saad", "The head of Somalia's Army Odawa Yusuf".
_BODY_HEADS = words(
    "army navy forces force police ministry government office council party front movement "
    "agency command guard guards corps"
)


def _after_body(tail: list[str]) -> str:
    """ "SAF Al- Sawarmy Khalid Saad" -> "Al- Sawarmy Khalid Saad": a name of two words or more
    after the last word that closes a body's name (an acronym, a possessive, a body's head)."""
    for i in range(len(tail) - 2, -1, -1):
        word = tail[i]
        if (
            (len(word) > 1 and word.isupper())
            or re.search(r"['’]s?$", word)
            or word.lower().rstrip(".,") in _BODY_HEADS
        ):
            rest = tail[i + 1 :]
            if len(rest) >= 2 and not any(w.isupper() or w.lower() in _BODY_HEADS for w in rest):
                return " ".join(rest)
            return ""
    return ""


def fullest(short: str, known: list[str]) -> str:
    """The longest known name `short` is a short form of: its end ("Nov" of "Nuon Nov"; the
    Arabic article in any case or none: "Al-Bashir" and "Malki" of "Omar al-Bashir", "Turki
    al-Malki"), or, ending none, the first of two words ("Jiang" of "Jiang Yu": a family name
    written first, or a given name used alone) or a given name before a patronymic ("Khaled" of
    "Khaled bin Sultan bin Abdul-Aziz")."""
    key = name_key(short)
    fuller = [p for p in known if p == short or name_key(p).endswith(" " + key)]
    if not fuller and " " not in short:
        fuller = [
            p
            for p in known
            if p.startswith(short + " ")
            and (len(p.split()) == 2 or p.split()[1].lower() in _PATRONYMIC)
        ]
    return max(fuller, key=len) if fuller else short


# Words that join a given name to a father's or a family's ("bin Sultan", "ould Abdel Aziz").
_PATRONYMIC = words("bin ibn ben bint ould")
_ARTICLE_RE = re.compile(r"^(?:al|el)[-‐]", re.IGNORECASE)


def name_key(name: str) -> str:
    """A person's name compared: lower case, the Arabic article left off each word ("Al-Bashir",
    "al-Bashir", "Bashir" are one name)."""
    return " ".join(_ARTICLE_RE.sub("", w.lower()) for w in name.split())


# Titles that are also parts of a name between two names ("Sharif Sheikh Ahmed", "Hassan Sheikh
# Mohamud": Somali and Arabic names carry "Sheikh" inside them).
_NAME_TITLES = words("sheikh sheik")


def _inner(parts: list[str], k: int, tail: list[str]) -> bool:
    """Is the title at `k` inside a name: one of _NAME_TITLES between a name after it and a name
    word before it that is no title, country or demonym?"""
    if parts[k].lower() not in _NAME_TITLES or not tail or k == 0:
        return False
    before = parts[k - 1]
    return bool(NAME_WORD_RE.match(before)) and not _title(before) and not sides.country(before)


def _title(word: str) -> bool:
    """A title or rank, also a compound one: "Lieutenant-Colonel", "Major-General"."""
    parts = word.lower().rstrip(".").split("-")
    return all(p.rstrip(".") in titles() for p in parts)


def proper_tail(name: str) -> str:
    """ "Ukraine's nuclear operator Energoatom" -> "Energoatom": a proper name after a role."""
    parts = name.split()
    tail: list[str] = []
    for word in reversed(parts):
        if not word[:1].isupper():
            break
        tail.insert(0, word)
    if not tail or len(tail) == len(parts):
        return ""
    before = parts[-len(tail) - 1]
    if before.lower() in PLACE_WORDS or before.endswith(("ern", "'s")):
        return ""  # "of the Kharkiv region", "northern Gaza"
    if not before.replace("-", "").isalpha():
        return ""  # "59th Brigade"
    return " ".join(tail)


def body(name: str) -> tuple[str, str] | None:
    """(body, country) of "Russia's defence ministry", "the Russian MoD", "armed forces of
    Ukraine"; None for anything else."""
    table = bodies()
    parts = name.replace("’", "'").split()
    for n in (3, 2, 1):
        if len(parts) <= n:
            continue
        owner = " ".join(parts[:n]).removesuffix("'s").removesuffix("'")
        rest = " ".join(parts[n:]).lower()
        if rest not in table:
            continue
        c = sides.country(owner)
        if c is not None:
            return f"{adjective(c)} {table[rest]}", c
    of = _OF_RE.match(name)
    if of and of.group("body").lower() in table:
        c = sides.country(of.group("owner"))
        if c is not None:
            return f"{adjective(c)} {table[of.group('body').lower()]}", c
    return None


def is_state_body(canonical: str) -> bool:
    low = canonical.lower()
    return any(low == b or low.endswith(" " + b) for b in bodies())


def possessive(name: str) -> tuple[str, str] | None:
    """(owner, rest) of "Ukraine's southern command", "the British military's UKMTO"."""
    m = _POSSESSIVE_RE.match(name)
    if m is None or len(m.group("owner").split()) > 4:
        return None
    return m.group("owner"), m.group("rest")


def unit_of(name: str) -> str:
    """ "the Naypyitaw chapter of the People's Defence Force" -> "People's Defence Force"."""
    m = _UNIT_OF_RE.search(name)
    return m.group("force") if m else ""


def acronyms(text: str) -> dict[str, str]:
    """Acronyms an article spells out: "Rapid Support Forces (RSF)", "JNIM, the Group for ..."."""
    out = {}
    for m in _ACRONYM_AFTER_RE.finditer(text):
        out[m.group("acr")] = _initials_match(m.group("name"), m.group("acr"))
    for m in _ACRONYM_BEFORE_RE.finditer(text):
        out.setdefault(m.group("acr"), m.group("name").strip())
    return {k: v for k, v in out.items() if v}


def initials(name: str) -> str:
    """ "United Kingdom Maritime Trade Operations center" -> "UKMTO" (capitalised words)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).upper()


def _initials_match(name: str, acr: str) -> str:
    """The shortest end of `name` whose initials spell `acr` ("... the Rapid Support Forces")."""
    parts = name.split()
    for k in range(len(parts) - 1, -1, -1):
        if initials(" ".join(parts[k:])) == acr.upper():
            return " ".join(parts[k:])
    return name if len(parts) >= 2 else ""
