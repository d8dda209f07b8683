"""Military units, and organisations that the sentence itself names as such.

Units: "47th Mechanised Brigade", "the 3rd Separate Assault Brigade", "Azov Regiment", "Black
Sea Fleet", "Rapid Support Forces", "the General Staff". The model tags the ordinal as a number
and the rest as nothing or a fragment; a pattern gets the whole name.

Described organisations: a name set beside a description of what it is ("Halcyon Maritime,
the Athens-based company that manages the ship", "COGAT, the Israeli defense ministry body
that..."), and names built as "<Group|Movement|Front|...> for <cause>" ("the Group for the
Support of Islam and Muslims", "the Syrian Observatory for Human Rights"), whose parts the model
tags as nationalities or misses. An acronym set before or after such a name ("JNIM, the Group
for ...") is the same organisation. State bodies named through their country ("Ukraine's air
force") are in bodies.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.pipeline.analyze import bodies, gazetteer
from tui.pipeline.analyze.demonyms import country_of, is_people
from tui.pipeline.analyze.given_names import is_given_name
from tui.pipeline.analyze.labels import ROLE_WORDS


class OrgMention(NamedTuple):
    start: int
    end: int
    name: str
    key: str  # merges spellings of one unit: "unit:47th mechanised brigade"


_UNIT_NOUNS = (
    "Brigade|Regiment|Battalion|Division|Army|Corps|Fleet|Flotilla|Squadron|Detachment|Legion"
)
_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# An ordinal makes a unit unambiguous, whatever the casing ("the 47th mechanised brigade").
_ORDINAL_UNIT = re.compile(
    rf"\b(?P<n>[1-9][0-9]{{0,2}}(?:st|nd|rd|th))(?P<words>(?: [A-Za-z][a-z]+(?:-[a-z]+)?){{0,4}}?)"
    rf" (?P<noun>(?:{_UNIT_NOUNS}|{_UNIT_NOUNS.lower()}))s?\b"
)
# A unit numbered with a cardinal, as South Asian, British and Israeli armies number theirs
# ("18 Grenadiers", "11 Gorkha Rifles", "42 Marine Commando", "the 16 Bihar regiment", "769
# brigade"), or with the U.S. Army's "2d"/"3d" ("2d Army Corps"); a plural is a count.
_NUMBERED_UNIT = re.compile(
    r"(?<![\w.,:/$£€-])[1-9][0-9]{0,3}d? (?:[A-Z][a-z]+ ){0,2}(?:Rifles|Grenadiers|Commando"
    r"|[Rr]egiment|[Bb]rigade|[Bb]attalion|[Dd]ivision|Corps|Squadron|Fusiliers)\b(?!s)"
)
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? $")
# Without an ordinal, only capitalised names ending in a unit noun ("Azov Regiment").
_NAMED_UNIT = re.compile(
    rf"\b(?P<words>{_CAP}(?: (?:of )?{_CAP}){{0,3}}) (?P<noun>{_UNIT_NOUNS}|Forces|Guards|Force)\b"
    rf"(?: of (?:the )?{_CAP})?"
)
NOT_UNIT_START = frozenset((
    "The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "In",
    "On", "At", "By", "For", "From", "With", "And", "But", "Mr", "Mrs", "Ms", "Dr", "When",
    "While", "After", "Before", "If", "As", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
    "Eight", "Nine", "Ten", "Eleven", "Twelve", "Twenty", "Dozens", "Scores", "Hundreds",
    "Thousands", "Several", "Many", "Some", "Few", "Most", "All", "Both", "Other",
))  # fmt: skip  (numbers and quantifiers count a group's members: "Ten Tiger fighters")
_GENERAL_STAFF = re.compile(r"\bGeneral Staff\b")
_CAMP_AFTER = re.compile(r" (?:[Cc]amp|[Bb]ase|[Pp]ost)\b")
# Governments of national unity named as such: "Government of National Accord", "Transitional
# Government of National Unity".
_NATIONAL_GOVERNMENT = re.compile(
    r"\b(?:(?:Revitali[sz]ed |Transitional |Interim )*)Government of National [A-Z][a-z]+\b"
)
_OWNED_UNIT = re.compile(
    r"\b[A-Z][\w-]+['’]s (?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?:unit|brigade|battalion|force)\b"
)
# Local groups of a movement named by their place or founder: "Kyauk Lone Gyi People's
# Defense Force", "Gangaw PDF", "El-Fasher Resistance Committees".
_LOCAL_GROUP = re.compile(
    rf"(?<![\w-])(?P<words>{_CAP}(?: {_CAP}){{0,3}}) (?P<group>People['’]s Defen[cs]e Forces?"
    r"|PDFs?|Resistance Committees?|Local Defen[cs]e Forces?)\b"
)


_WORD = r"(?:[A-Z]\.){2,}|[A-Z][\w&-]*"  # "Halcyon", "U.N." (not "Affairs." at a full stop)
# What a described organisation can be: "the Athens-based company", "an aid group".
_ORG_NOUNS = (
    r"company|firm|group|organi[sz]ation|agency|body|charity|operator|broadcaster|network"
    r"|newspaper|outlet|militia|movement|coalition|alliance|party|NGO|contractor|manufacturer"
    r"|insurer|airline|regulator|watchdog|monitor|institute|think tank|foundation|consortium"
    r"|conglomerate|subsidiary|union"
)
# The model's organisation run on into the lower-case noun of its kind: "Interfax news
# agency", "Ebuteli research institute" are Interfax and Ebuteli (a name is capitalised); not
# the heads that English writes in lower case inside names ("the Communist party", "the
# Future movement", "the Northern alliance", "a trade union").
_KIND_TAIL = re.compile(
    r"(?: [a-z]+)*? (?:agency|institute|company|firm|group|newspaper|daily|broadcaster|outlet"
    r"|network|think tank|watchdog|monitor|charity|organi[sz]ation|operator|contractor"
    r"|manufacturer|airline|militia)$"
)


def without_kind_tail(text: str, start: int, end: int) -> int:
    """Where the model's organisation text[start:end] ends once a lower-case kind noun after
    the name is left out; `end` when there is none or nothing capitalised would be left."""
    tail = _KIND_TAIL.search(text, start, end)
    if tail is None or not any(c.isupper() for c in text[start : tail.start()]):
        return end
    return tail.start()


_DESCRIBED = re.compile(
    rf"(?P<name>(?:{_WORD})(?: (?:& )?(?:{_WORD})){{0,5}}), (?:the|an?) "
    r"(?:(?!(?:of|for|at|in|on|to|from|with|by|and|or|but|who|whose|that|which)\b)[\w.-]+ ){0,4}?"
    rf"(?:{_ORG_NOUNS})"
    r"(?= (?:that|which|whose|based|in|for|with|behind|linked|founded|owned|run)\b|[,.;:)—–])"
)
_HEADS = (
    r"Group|Movement|Front|Council|Committee|Union|Alliance|Organi[sz]ation|Association|Coalition"
    r"|Party|Institute|Agency|Commission|Federation|League|Bureau|Office|Centre|Center|Foundation"
    r"|Fund|Observatory|Society|Network|Campaign|Initiative|Forces|Brigades?"
)
# "X Front for the Liberation of Y", and with the people or land it speaks for between the head
# and its cause: "Movement of Nigeriens for Justice", "Union of Forces for Democracy".
_CAUSE_NAME = re.compile(
    rf"(?P<pre>(?:(?:{_WORD}) ){{0,3}})(?:{_HEADS})(?: of (?:the )?(?:{_WORD}))?"
    rf" for (?:the )?(?:{_WORD})"
    rf"(?: (?:(?:of|for|and|the|&) )*(?:{_WORD}))*"
)
_ACRONYM_BEFORE = re.compile(r"(?P<acronym>[A-Z]{2,8}), (?:the )?$")
_ACRONYM_AFTER = re.compile(r" \((?P<acronym>[A-Z]{2,8})\)")
_LEADING_PREPOSITIONS = frozenset(
    ("In", "On", "At", "By", "For", "From", "With", "After", "Before", "When", "While", "If", "As")
)
_NAME_JOINERS = frozenset(("of", "for", "and", "the", "&"))
_AFTER_PREPOSITION = re.compile(
    r"\b(?:[Ii]n|[Oo]n|[Aa]t|by|for|from|with|near|to|into|over|across|outside|inside|around"
    r"|against|about|between|under|of|after|before|towards?|through|via|hit|struck|attacked"
    r"|shelled) $"
)


# Armed groups and parties named with the words such names are made of: "Moro Islamic
# Liberation Front", "Bangsamoro Islamic Freedom Fighters", "Tehreek-e-Labbaik Pakistan" is
# not one (no head noun), "Ambazonia Defence Forces" is a unit (above).
_GROUP_WORD = r"[A-Z][\w'’-]*"
_GROUP_NAME = re.compile(
    rf"(?<![\w-])(?P<words>{_GROUP_WORD}(?: (?:of |for |and |the )?{_GROUP_WORD}){{1,5}})"
    r" (?P<head>Front|Movement|Party|Alliance|Coalition|Fighters|Militia|Brigades)\b"
)
_GROUP_VOCABULARY = frozenset((
    "Liberation", "Islamic", "National", "People's", "People’s", "Peoples", "Democratic",
    "Revolutionary", "Popular", "Resistance", "Patriotic", "United", "Freedom", "Salvation",
    "Justice", "Unity", "Independence", "Socialist", "Communist", "Jihad", "Mujahideen",
    "Defence", "Defense", "Self-Defence", "Self-Defense", "Armed", "Transitional", "Sovereignty",
    "Restoration", "Emancipation", "Redemption", "Unification",
))
# Members of a named group: "the Imbonerakure militia", "Fano fighters", "ISWAP militants".
_MEMBERS = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}) (?:fighters|militants|rebels"
    r"|insurgents|militiamen|militias?|jihadists|paramilitaries)\b"
)
# Capitalised words that describe fighters rather than name their group.
# fmt: off
_NOT_GROUPS = frozenset((
    "Islamist", "Jihadist", "Maoist", "Marxist", "Islamic", "Rebel", "Armed", "Suspected",
    "Foreign", "Western", "Allied", "Government", "Opposition", "Tribal", "Ethnic", "Local",
    "Separatist", "Militant", "Insurgent", "Extremist", "Terrorist", "Regime", "State", "Army",
    "Pro-government", "Pro-Russian", "Anti-government",
))
# fmt: on


# Words that hedge a name at a sentence's head and are never part of one: "Suspected Oromo
# Liberation Army (OLA) rebels have killed ...".
HEDGES = frozenset(("Suspected", "Alleged", "Presumed", "Purported", "Reported", "So-called"))


def find_orgs(text: str) -> list[OrgMention]:
    """Units and described organisations in `text`, in order, without overlaps."""
    found = _units(text)
    found += _group_names(text)
    found += _members_of(text)
    found += _described(text)
    found += _cause_names(text)
    found += _local_groups(text)
    found += _owned_units(text)
    found += [
        OrgMention(m.start(), m.end(), "General Staff", "unit:general staff")
        for m in _GENERAL_STAFF.finditer(text)
    ]
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[OrgMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _units(text: str) -> list[OrgMention]:
    found = []
    for match in _ORDINAL_UNIT.finditer(text):
        name = " ".join(w[:1].upper() + w[1:] for w in match.group(0).split())
        found.append(OrgMention(match.start(), match.end(), name, "unit:" + name.lower()))
    for match in _NUMBERED_UNIT.finditer(text):
        if _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "on May 18 Division commanders met": a date
        name = match.group(0)
        found.append(OrgMention(match.start(), match.end(), name, "unit:" + name.lower()))
    for match in _NAMED_UNIT.finditer(text):
        if _in_title_case_line(text, match.start()):
            continue  # "Commander Acknowledges Significant Russian Forces": a headline's capitals
        words = match.group("words").split()
        while words and (words[0] in NOT_UNIT_START or words[0] in HEDGES):
            words.pop(0)
        if not words or (
            match.group("noun") in ("Forces", "Force", "Guards")
            and len(words) < 2
            and country_of(words[0]) is not None
        ):
            continue  # "Russian Forces" is not a unit's name
        if (
            len(words) > 1
            and country_of(words[0]) is not None
            and bodies.known_key(" ".join(words[1:]) + " " + match.group("noun")) is not None
        ):
            words.pop(0)  # "the Russian Black Sea Fleet", "the Iranian Quds Force": listed
        if match.group("noun") == "Division" and gazetteer.lookup(" ".join(words)) is not None:
            continue  # "Mandalay Division": an administrative division of Myanmar, a place
        if (
            match.group("noun") == "Army"
            and _CAMP_AFTER.match(text, match.end())
            and country_of(words[0]) is None
        ):
            continue  # "Susungpara Army camp": a camp named by its place (places.py)
        start = match.end("noun") - len(" ".join(words)) - len(match.group("noun")) - 1
        end = match.end()
        tail = text[match.end("noun") : end].split()
        if tail and is_given_name(tail[-1]):
            end = match.end("noun")  # "Libyan National Army of Khalifa Haftar": its leader
        name = text[start:end]
        found.append(OrgMention(start, end, name, "unit:" + name.lower()))
    for match in _NATIONAL_GOVERNMENT.finditer(text):
        name = match[0]
        found.append(OrgMention(match.start(), match.end(), name, "org:" + name.casefold()))
    return found


def _owned_units(text: str) -> list[OrgMention]:
    """A unit named by one proper word after its force: "Hezbollah's Naser unit", "Israel's
    Golani brigade" (the name is the proper word)."""
    found = []
    for match in _OWNED_UNIT.finditer(text):
        name = match["name"]
        if country_of(name) is None and gazetteer.lookup(name, alternates=False) is None:
            found.append(OrgMention(*match.span("name"), name, "unit:" + name.casefold()))
    return found


def _local_groups(text: str) -> list[OrgMention]:
    found = []
    for match in _LOCAL_GROUP.finditer(text):
        start, words = match.start(), match["words"].split()
        while words and (words[0] in NOT_UNIT_START or country_of(words[0]) is not None):
            start += len(words.pop(0)) + 1
        if words:
            name = text[start : match.end()]
            found.append(OrgMention(start, match.end(), name, "unit:" + name.casefold()))
    return found


def _described(text: str) -> list[OrgMention]:
    """ "Halcyon Maritime, the Athens-based company that ...": the name is an organisation."""
    found = []
    for match in _DESCRIBED.finditer(text):
        start, words = match.start("name"), match["name"].split()
        while words and words[0] in NOT_UNIT_START:
            if words[0] in _LEADING_PREPOSITIONS:
                words = []  # "In Kyiv, the company that ...": a place, not the company
                break
            start += len(words.pop(0)) + 1
        if not words or (start > 0 and text[start - 1] not in ' \n\t"“(—–'):
            continue
        if _AFTER_PREPOSITION.search(text, max(0, start - 12), start):
            continue  # "a strike on Gaza, the group that ..."
        name = " ".join(words)
        if country_of(name) is not None or gazetteer.lookup(name) is not None:
            continue
        found.append(OrgMention(start, match.end("name"), name, "org:" + name.casefold()))
    return found


def _cause_names(text: str) -> list[OrgMention]:
    """ "the Group for the Support of Islam and Muslims", with an acronym set beside it."""
    found = []
    for match in _CAUSE_NAME.finditer(text):
        if _in_title_case_line(text, match.start()):
            continue  # "Voters Abandon Republican Party for Hillary Clinton": a headline
        start, words = match.start(), match[0].split()
        while words and words[0] in NOT_UNIT_START:
            start += len(words.pop(0)) + 1
        words = _name_words(words)
        if len(words) < 3:
            continue
        name = " ".join(words)
        end, key = start + len(name), "org:" + name.casefold()
        found.append(OrgMention(start, end, name, key))
        before = _ACRONYM_BEFORE.search(text, max(0, start - 16), start)
        after = _ACRONYM_AFTER.match(text, end)
        for acronym in (before, after):
            if acronym is not None:
                span = acronym.span("acronym")
                found.append(OrgMention(*span, acronym["acronym"], key))
    return found


def _in_title_case_line(text: str, at: int) -> bool:
    """Whether the line around `at` capitalises (nearly) every word, as headlines do."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = text[start : end if end != -1 else len(text)].split()
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) >= 5 and capitalised >= 0.8 * len(words)


def _name_words(words: list[str]) -> list[str]:
    """The words of a name up to where a person's title or another actor begins ("... Fund for
    Peace director Jane Doe", "... Institute for the Study of War and Russia's ministry")."""
    kept: list[str] = []
    for k, word in enumerate(words):
        if word in ROLE_WORDS:
            break
        following = words[k + 1] if k + 1 < len(words) else ""
        if word in ("and", "&") and (
            country_of(following) is not None or gazetteer.lookup(following) is not None
        ):
            break
        kept.append(word)
    while kept and kept[-1] in _NAME_JOINERS:
        kept.pop()
    return kept


def _group_names(text: str) -> list[OrgMention]:
    found = []
    for match in _GROUP_NAME.finditer(text):
        words = match["words"].split()
        if not _GROUP_VOCABULARY.intersection(words) or _in_title_case_line(text, match.start()):
            continue
        start = match.start()
        while words and (
            words[0] in NOT_UNIT_START
            or words[0] in HEDGES
            or _not_in_name(words[0])
            or words[0] in ROLE_WORDS
            or is_given_name(words[0])
            or (country_of(words[0]) is not None and words[0] not in _GROUP_VOCABULARY)
        ):  # "the Hezbollah-linked Resistance Brigades", "Former ...", "Congolese ..."
            start += len(words.pop(0)) + 1
        if not words:
            continue
        name = text[start : match.end()]
        found.append(OrgMention(start, match.end(), name, "org:" + name.casefold()))
    return found


def _members_of(text: str) -> list[OrgMention]:
    """ "Fano fighters", "the Imbonerakure militia": the name before the members is a group's,
    unless it names a nation, a people or a place ("Tigrayan fighters", "Baloch militants",
    "Kachin rebels")."""
    found = []
    for match in _MEMBERS.finditer(text):
        start, words = match.start("name"), match["name"].split()
        while words and (
            words[0] in NOT_UNIT_START
            or any(_not_in_name(w) for w in words)
            or (len(words) > 1 and country_of(words[0]) is not None)
        ):  # "Yemen's Houthi rebels", "Congolese M23 rebels": the group is after
            start += len(words.pop(0)) + 1
        if not words or words[0] in _NOT_GROUPS:
            continue
        if _ALLEGIANCE.search(text, max(0, start - 5), start):
            continue  # "pro Assad fighters": a leader's, no group's (name_context)
        name = " ".join(words)
        sentence_start = text[max(0, start - 2) : start].strip() in ("", ".", '"', "“")
        if (len(words) == 1 and sentence_start and not name.isupper()) or is_people(name):
            continue
        if country_of(words[-1]) is not None or gazetteer.lookup(name) is not None:
            continue
        if _in_title_case_line(text, start):
            continue
        found.append(OrgMention(start, start + len(name), name, "org:" + name.casefold()))
    return found


_ALLEGIANCE = re.compile(r"\b(?:[Pp]ro|[Aa]nti)[- ]$")
_POSSESSIVE_OR_TAIL = re.compile(r"['’]s?$|-[a-z]+$")


def _not_in_name(word: str) -> bool:
    """A possessive ("Yemen's") or a hyphenated modifier ("Hezbollah-linked") opens no name."""
    return _POSSESSIVE_OR_TAIL.search(word) is not None
