"""Weapon systems named in war reporting, from the list in data/weapons.tsv: the model has no
WEAPON type.

Two kinds of spelling (the list says which). Distinctive ones (HIMARS, Iskander-M, Shahed-136,
S-400, Su-34, RPG-7, DShK) are found wherever they stand. Ordinary words that are also weapons
(Patriot, Grad, Lancet, Leopard, Javelin, Neptune) count only when a weapon noun follows
("Patriot air defence systems", "Grad rockets", "Neptune missiles") or after their maker
("Aerospatiale Gazelles"). A designation ending in a digit also takes a variant suffix
("T-72B3", "Su-27SM", "F-16C"), and any name a plural ("Shaheds", "F-16s", "Rafales"); copy's
other ways of writing a designation ("C160", "MI-24", "Mi 24") are made from the listed form
(`spellings`). A maker before a model ("Lockheed Martin C-130H") is an organisation of its own
(data/orgs.tsv, kind "arms maker") and no part of the weapon's mention.

The mention covers the name and its plural; the generic noun after it is not part of the name.
`name` is the system's canonical name from the list: every spelling of one system is one
entity ("Geran-2" is the Shahed-136, "Army Tactical Missile System" is ATACMS, "BM-21" is the
Grad).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from tui.pipeline.analyze import gazetteer
from tui.pipeline.analyze.demonyms import country_of
from tui.pipeline.analyze.given_names import is_given_name
from tui.pipeline.analyze.lists import PhraseIndex, org_rows, split_forms, weapon_rows


class WeaponMention(NamedTuple):
    start: int
    end: int
    name: str
    kind: str = ""


_NOUNS = (
    r"missiles?|rockets?|(?:air[- ]defen[cs]e |missile |launch |weapons? |rocket )?systems?"
    r"|launchers?|batter(?:y|ies)|interceptors?|air[- ]defen[cs]es?|(?:main battle |battle )?tanks?"
    r"|drones?|UAVs?|loitering munitions?|munitions?|howitzers?|artillery|guns?|cannons?|mortars?"
    r"|(?:infantry |armou?red )?(?:fighting )?vehicles?|IFVs?|APCs?|(?:fighter )?jets?|fighters?"
    r"|bombers?|aircraft|warplanes?|planes?|gunships?|helicopters?|bombs?|shells?|rounds?|cruise"
    r"|ballistic|hypersonic|anti-(?:tank|aircraft|ship)|surface-to-air|multiple[- ]rocket|MLRS"
    r"|SAMs?|units?|(?:assault |sniper |automatic )?rifles?|carbines?|machine ?guns?|pistols?"
    r"|grenade launchers?|carriers?|frigates?|tankers?|transports?|airlifters?|choppers?"
    r"|destroyers?|corvettes?|submarines?|warships?|complex(?:es)?|salvos?|barrages?|strikes?"
    r"|attacks?|crews?|variants?|interceptions?|MANPADS|kamikaze|attack drones?|UCAVs?"
    r"|unmanned (?:combat )?(?:aerial |surface |ground )?(?:vehicles?|aircraft|systems?)"
)
_NOUN_AFTER = re.compile(rf"(?:[ -](?:{_NOUNS}))(?![A-Za-z])", re.IGNORECASE)
# The noun after the last of two or three names shared by all of them: "Grad and Uragan
# rockets", "M-4 and AK assault rifles".
_NOUN_AFTER_LIST = re.compile(
    rf"(?:,? (?:and|or)|,) (?-i:[A-Z][\w-]*(?: [A-Z][\w-]*)?)(?:[ -](?:{_NOUNS}))(?![A-Za-z])",
    re.IGNORECASE,
)
# A designation's variant ("T-72B3", "Su-30SM2", "F-16C") and a plural ("F-16s", "Shaheds").
_VARIANT = re.compile(r"(?P<base>.*[0-9])(?P<variant>[A-Z]{1,3}[0-9]?)?(?P<plural>s|es)?$")
_CAPITALISED_NEXT = re.compile(r" (?P<word>[A-Z][a-z]+)")


class _Entry(NamedTuple):
    name: str
    kind: str
    needs_noun: bool


# A designation of letters, hyphen, digits ("BM-21", "Su-25", "T-72B3"), which copy also
# writes without the hyphen, with a space, or with its letters in capitals ("MI-24", "SU-25");
# and one of one or two letters and two digits or more written without it ("M16", "M777",
# "HK416", "NH90"), which copy also writes with one ("M-16", "M-777").
_DESIGNATION = re.compile(
    r"(?P<letters>[A-Z][A-Za-z]{0,3})-(?P<digits>[0-9]{1,4})(?P<tail>[A-Z0-9]{0,3})"
)
_UNHYPHENATED = re.compile(r"(?P<letters>[A-Z]{1,2})(?P<rest>[0-9]{2,4}[A-Z0-9]{0,3})")
# Two-letter words of English that a designation's letters may spell: no spaced form of these
# ("An 12-hour", "Be 12"), only the hyphenated one.
_WORDS = frozenset(("An", "As", "At", "Be", "By", "Do", "Go", "He", "If", "In", "Is", "It", "Me",
                    "My", "No", "Of", "On", "Or", "So", "To", "Up", "Us", "We", "AN", "AS", "AT",
                    "BE", "BY", "DO", "GO", "HE", "IF", "IN", "IS", "IT", "ME", "MY", "NO", "OF",
                    "ON", "OR", "SO", "TO", "UP", "US", "WE"))


def _word_spellings(word: str) -> set[str]:
    """How copy writes one word of a designation: the word itself; without its hyphen ("BM21",
    "C160": four characters or more), with a space instead ("Mi 24", "Su 25": two letters or
    more that are no English word, two digits or more), with its letters in capitals ("MI-24",
    "MIG-29"); with a hyphen where the list has none ("M-16", "NH-90")."""
    out = {word}
    hyphen = _DESIGNATION.fullmatch(word)
    if hyphen is not None:
        letters, digits, tail = hyphen["letters"], hyphen["digits"], hyphen["tail"]
        cases = {letters, letters.upper()}
        for case in cases:
            out.add(f"{case}-{digits}{tail}")
            if len(case) + len(digits) >= 4:
                out.add(f"{case}{digits}{tail}")
            if len(case) >= 2 and len(digits) >= 2 and case not in _WORDS:
                out.add(f"{case} {digits}{tail}")
    bare = _UNHYPHENATED.fullmatch(word)
    if bare is not None:
        out.add(f"{bare['letters']}-{bare['rest']}")
    if hyphen is not None and hyphen["letters"] in _BUREAUS:  # "Sukhoi-25", "Ilyushin-76"
        out.add(f"{_BUREAUS[hyphen['letters']]}-{hyphen['digits']}{hyphen['tail']}")
    return out


# The Soviet and Russian design bureaus whose initials open their aircraft's designations,
# which copy also writes with the bureau's whole name ("Sukhoi-25", "Tupolev-22M3",
# "Antonov-26", "Kamov-52"); "Mi" (Mil) and "MiG" (Mikoyan-Gurevich) are not so written.
_BUREAUS = {
    "Su": "Sukhoi", "Tu": "Tupolev", "Il": "Ilyushin", "An": "Antonov", "Yak": "Yakovlev",
    "Ka": "Kamov", "Be": "Beriev",
}


def spellings(form: str) -> set[str]:
    """Every way copy writes a listed form, word by word ("C-160 Transall": "C160 Transall",
    "C 160 Transall" is not made, "C" being one letter)."""
    out = {""}
    for word in form.split(" "):
        out = {f"{head} {variant}".lstrip() for head in out for variant in _word_spellings(word)}
        if len(out) > 32:
            return {form}
    return out


@functools.cache
def _index() -> PhraseIndex:
    index = PhraseIndex()
    for name, kind, forms, words in (row + [""] * (4 - len(row)) for row in weapon_rows()):
        ambiguous = split_forms(words)
        distinct = [f for f in [name, *split_forms(forms)] if f not in ambiguous]
        for form in distinct:
            for spelling in sorted(spellings(form), key=lambda f: f != form):
                index.add(spelling, _Entry(name, kind, False))
            letters = form.replace("-", "")
            if form.isupper() and letters.isalpha() and len(letters) >= 4:
                index.add(form.title(), _Entry(name, kind, False))  # "Himars", "Atacms"
            if form.startswith("Kh-"):
                # Russian missiles as Ukrainian sources write them, the Cyrillic "Х" kept or
                # read as a Latin X: "X-22", "Х-101"
                index.add("X" + form[2:], _Entry(name, kind, False))
                index.add("\u0425" + form[2:], _Entry(name, kind, False))
        for form in ambiguous:
            index.add(form, _Entry(name, kind, True))
    return index


@functools.cache
def _makers() -> tuple[str, ...]:
    """The names of arms and aircraft makers (data/orgs.tsv, kind "arms maker"), longest
    first: "Lockheed Martin", "Dassault", "Aerospatiale"."""
    out = {
        form.replace("’", "'")
        for name, kind, forms, _country in org_rows()
        if kind == "arms maker"
        for form in (name, *split_forms(forms))
    }
    return tuple(sorted(out, key=len, reverse=True))


def _maker_before(text: str, start: int) -> bool:
    """A maker's name right before a weapon's ("Aerospatiale Gazelles", "Boeing C-135"): it
    says the next word is the maker's model, as a weapon noun after it would."""
    before = text[max(0, start - 40) : start].replace("’", "'")
    return before.endswith(" ") and any(
        before[:-1].endswith(maker) and not before[: -1 - len(maker)][-1:].isalnum()
        for maker in _makers()
    )


def _maker_inside(form: str) -> int:
    """Where the model starts in a listed form that opens with its maker ("Saab Gripen",
    "Westland Sea King"): the maker is an organisation of its own, not part of the weapon."""
    for maker in _makers():
        if form.startswith(maker + " "):
            return len(maker) + 1
    return 0


def names() -> dict[str, str]:
    """Every canonical name in the list, with its kind."""
    return {row[0]: row[1] for row in weapon_rows()}


def find_weapons(text: str) -> list[WeaponMention]:
    """Every weapon-system mention in `text`, in order, without overlaps."""
    index = _index()
    found = []
    for hit in index.find(text, _variants):
        entry = hit.value
        assert isinstance(entry, _Entry)
        if (
            entry.needs_noun
            and not _NOUN_AFTER.match(text, hit.end)
            and not _NOUN_AFTER_LIST.match(text, hit.end)
            and not _maker_before(text, hit.start)
        ):
            continue
        if not entry.needs_noun and _part_of_a_longer_name(text, hit.form, hit.end):
            continue
        if _surname_after_a_name(text, hit.form, hit.start, hit.end):
            continue
        start = hit.start + _maker_inside(hit.form)
        found.append(WeaponMention(start, hit.end, entry.name, entry.kind))
    for match in _DESIGNATED.finditer(text):  # "K-9 artillery", "Type 99 tanks": unlisted
        if not any(w.start < match.end() and match.start() < w.end for w in found):
            found.append(WeaponMention(match.start(), match.end(), match["name"]))
    found.sort(key=lambda w: w.start)
    return found


# A designation the list lacks, right before a noun of weapons hardware, is a weapon system:
# letters and a number ("K-9 artillery", "J-10 fighter jets", "Z-19 helicopters"), or China's
# and Japan's "Type" and a number ("Type 99 tanks", "Type 052D destroyers"). Not before nouns
# that may name people or events ("M23 fighters", "F-16 strikes"), not after a slash or hyphen
# ("F/A-18" is listed whole).
_HARDWARE = (
    r"missiles?|rockets?|launchers?|(?:main battle )?tanks?|drones?|howitzers?|artillery"
    r"|(?:machine |anti-aircraft )?guns?|cannons?|mortars?|(?:assault |sniper )?rifles?|pistols?"
    r"|carbines?|(?:fighter )?jets?|bombers?|aircraft|warplanes?|helicopters?|gunships?"
    r"|armou?red vehicles?|frigates?|submarines?|destroyers?|corvettes?|warships?|interceptors?"
    r"|grenades?|grenade launchers?"
)
_DESIGNATED = re.compile(
    r"(?<![\w/.-])(?P<name>[A-Z][A-Za-z]{0,3}-?[0-9]{1,4}[A-Z]{0,2}|Type [0-9]{2,3}[A-Z]?)s?"
    rf"(?= (?:{_HARDWARE})\b)"
)


def _variants(phrase: str, end: int) -> list[tuple[str, int]]:
    """Keys to try for a phrase whose last word may carry a variant suffix or a plural. The
    mention keeps the variant and the plural ("T-72B3", "Shaheds", "Rafales", "Mirage
    2000Ds")."""
    keys = []
    match = _VARIANT.fullmatch(phrase)
    if match is not None and (match["variant"] or match["plural"]):
        keys.append((match["base"], end))
    for plural in ("s", "es"):
        base = phrase.removesuffix(plural)
        if base != phrase and len(base) >= 3 and base[-1:] not in "'’":
            keys.append((base, end))
    return keys


_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])(?P<word>[A-Z][a-z]+) $")


def _surname_after_a_name(text: str, form: str, start: int, end: int) -> bool:
    """A weapon's name that is also a person's ("Fateh", "Shahed") after another capitalised
    word that is no nationality or place is part of a person's name ("Qari Fateh"), unless a
    weapon noun follows ("Iranian Fateh missiles" stays a weapon either way)."""
    if " " in form or not form.isalpha() or form.isupper() or not is_given_name(form):
        return False
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    if before is None or _NOUN_AFTER.match(text, end):
        return False
    word = before["word"]
    place = gazetteer.lookup(word, alternates=False)
    if place is not None and place.kind in ("country", "region", "subdivision"):
        return False  # "Gaza Shahed", "Crimea Neptune": where, not whose
    return country_of(word) is None and word not in _NOT_NAMES


# Capitalised words before a weapon's name that are no part of a person's name: determiners
# and numbers at a sentence's head ("One Iskander was shot down").
# fmt: off
_NOT_NAMES = frozenset((
    "The", "A", "An", "Its", "Their", "His", "Her", "Our", "This", "That", "These", "Those",
    "New", "Old", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Each", "Every", "Another", "Some", "Both", "Several", "No",
))
# fmt: on


def _part_of_a_longer_name(text: str, form: str, end: int) -> bool:
    """A one-word name followed by another capitalised word is part of another name
    ("Shahed Ahmed", "Kalibr Cup"), unless that word is a weapon noun ("Kinzhal Missiles")."""
    if " " in form or not form.isalpha() or form.isupper():
        return False
    following = _CAPITALISED_NEXT.match(text, end)
    return following is not None and not _NOUN_AFTER.match(text, end)
