"""What the words around a capitalised name say it is, when the name itself says nothing.

The model calls unknown names persons: villages ("in Ain Baal", "the Zamzam camp", "the
al-Manara neighbourhood"), hospitals ("Kamal Adwan hospital", "Nasser Hospital"), local armed
groups ("Kyauk Lone Gyi PDF"), storms ("Cyclone Mocha"), operations ("operation Keletigui").
English marks each of these by a noun after the name or a word before it; `kind_from_context`
reads those marks. A name that opens with a known given name ("Karen", "Kamal") keeps only the
strongest marks, since a person can stand before a verb that looks like a noun ("Karen states
that...").
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import aliases, bodies, demonyms, gazetteer, site_nouns
from tui.pipeline.analyze.demonyms import country_of, is_people
from tui.pipeline.analyze.given_names import is_given_name

# Nouns after a name that make it a place ("the al-Manara neighbourhood", "Zamzam camp", "on
# Puncak Kabo hill", "Bouka-Toullorom island"); the first group cannot be verbs, so they hold
# even after a given name. Features of the land are in it: no person is followed by "hill".
_PLACE_NOUN = re.compile(
    r"[”\"’']? (?:(?P<sure>(?:refugee |displacement )?camps?|neighbou?rhoods?|districts?|villages?"
    r"|townships?|regions?|provinces?|governorates?|oblasts?|raion|suburbs?|outskirts|crossing"
    r"|border|checkpoint|airport|airfield|air ?base|hills?|mountains?|islands?|valley|river"
    r"|peninsula|plateau|forest|desert|sectors?)|areas?|states|town|city)\b"
)
# Words before a name that make it a place whatever else it looks like: "the suburb of Pacot",
# "the Burkina town of Sole", "the military detachment of Madjoari".
_PLACE_OF = re.compile(
    r"\b(?:towns?|city|cities|villages?|hamlet|suburbs?|districts?|settlements?|localit(?:y|ies)"
    r"|neighbou?rhoods?|provinces?|regions?|governorates?|municipalit(?:y|ies)|communes?|areas?"
    r"|outskirts|(?:military )?(?:detachment|outpost|garrison))"
    r" of (?:the )?$"
)
# The later names of a list after such a word: "the regions of Sool, Sanaag, and Ayn".
_LISTED_NAME = r"(?:(?:Sta|Sto|Ste|St)\. )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}"
_PLACES_OF = re.compile(
    r"\b(?:towns|cities|villages|districts|settlements|localities|neighbou?rhoods|provinces"
    r"|regions|governorates|municipalities|communes|counties|states)"
    rf" of (?:the )?(?:{_LISTED_NAME}, ){{1,5}}(?:{_LISTED_NAME},? and )?$"
)
# What a place is, set after its name: "Nubl and Zahra, two predominantly Shia towns",
# "Stepanakert, the regional capital"; not
# when the noun only qualifies a person or body ("X, a district chief").
_PLACE_APPOSED = re.compile(
    r", (?:a|an|the|two|three|both|twin) (?:[\w-]+ ){0,3}?(?:towns?|villages?|city|cities"
    r"|suburbs?|districts?|settlements?|localit(?:y|ies)|neighbou?rhoods?|capital)\b"
    r"(?! (?:chief|head|commissioner|officer|official|governor|administrator|leader|council"
    r"|court|police|hospital|mayor|elder|resident|councillor|councilor)s?\b)"
)
# Where a place lies, set after its name: "Janay Abdale, located around 60 kilometres from
# Mogadishu", "Bunagana, 5 km from the border".
_PLACE_LOCATED = re.compile(
    r",? (?:(?:which is |that is )?(?:located|situated|lying) (?:about |some |around |roughly "
    r"|nearly |just |[0-9]|in |on |near |along |north|south|east|west)|(?:about |some |around "
    r"|roughly |nearly |just )?[0-9][0-9,.]* ?(?:km|kilomet(?:re|er)s|miles) (?:\([^)]*\) )?"
    r"(?:from|north|south|east|west|outside|of)\b)"
)
# Words that open Arabic and Hebrew names of places and never a person's: "Bab al-Mandeb",
# "Kiryat Shmona", "Wadi Araba", "Khirbet Khuza'a" (given_names.py lists these with the heads
# that open persons' names too, such as "Abu" and "Tal").
PLACE_ONLY_HEADS = frozenset(
    (
        "Ain",
        "Beit",
        "Deir",
        "Dayr",
        "Kfar",
        "Kafr",
        "Tel",
        "Tell",
        "Bab",
        "Wadi",
        "Jebel",
        "Jabal",
        "Bir",
        "Nahr",
        "Marj",
        "Jisr",
        "Khirbet",
        "Kiryat",
        "Qiryat",
        "Givat",
        "Ramat",
        "Ein",
        "Nahal",
        "Maale",
        "Ma'ale",
        "Ma’ale",
        "Mitzpe",
    )
)
# Words before a name that make it a place: "in Ain Baal", "to enter Tawila".
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|around|outside|into|enter|entered|entering|towards?|reached|reaching"
    r"|besieged|shelled|bombed|recaptured|captured|nearby"
    r"|(?:towns|villages|cities|localities|settlements|places|areas|districts|provinces|regions)"
    r" (?:like|such as|including))"
    r"(?:(?: [A-Z][\w’'-]+){1,3},){0,4}(?: [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?,? and)? $"
)  # "in Shati and Daraj Tuffah", "in Kafr Kila, Odaisseh and Houla": places listed after one;
# "from nearby Savanette", "towns like Tarvent": a place's word before the name
# Nouns after a name that make it an organisation ("Kamal Adwan hospital").
# A school is named as a hospital is, and a shelter in a school as its school ("the Nasser
# school", "the Hassan Salame and Nasser schools").
_ORG_NOUN = re.compile(
    r"(?: and [A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})? schools\b"
    r"| (?:hospital|clinic|medical (?:complex|centre|center)|university|school|college)\b"
    r"| (?:newspaper|news agency|news website|news site|news outlet|broadcaster"
    r"|(?:TV|television) channel|radio station)\b"  # "Dawn newspaper quoted ..."
)
_ORG_BEFORE = re.compile(
    r"\b(?:hospital|clinic|school|university|college)s? (?:called|named|known as) $"
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_REGNAL = re.compile(r"X{0,2}(?:IX|IV|V?I{0,3})")  # a king's or a pope's number ("Henry VIII")
# Words that open the names of storms and operations: events, not persons.
_EVENT_HEADS = frozenset(("Cyclone", "Hurricane", "Typhoon", "Storm", "Tropical", "Operation"))
# A name before these names a kin group or a people, not a person ("the al-Fara family", "the
# Sikin and Kaikin tribes", "the Hawiye clans").
_KIN = re.compile(
    r"(?: and [A-Z][\w’'-]+)? (?:family|families|clan|clans|sub-clan|subclan|tribe|tribes"
    r"|household)\b"
)
_OPERATION_BEFORE = re.compile(r"\b(?:operation|Operation|codenamed|code-named) $")
# A faith's adjective names no place or person: "a mainly Muslim region", "near the Orthodox
# monastery".
FAITHS = frozenset((
    "Muslim", "Christian", "Orthodox", "Catholic", "Protestant", "Evangelical", "Coptic", "Sunni",
    "Shia", "Shiite", "Jewish", "Hindu", "Buddhist", "Sikh", "Druze", "Alawite", "Yazidi",
))
# A compass word opens a region's name, never a person's ("Northern Burkina", "North Darfur").
COMPASS = frozenset(
    (
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Northeastern",
        "Northwestern",
        "Southeastern",
        "Southwestern",
        "Upper",
        "Lower",
    )
)


def kind_from_context(text: str, start: int, end: int, sure_only: bool = False) -> str | None:
    """ "PLACE", "ORG" or "" (no entity) when the words around text[start:end] say so; None when
    they say nothing. `sure_only`: only the marks that hold whatever the model thought the
    name was (for its organisations: "the al-Manara neighbourhood", "operation X")."""
    words = text[start:end].split()
    if not words or (len(words) == 1 and (_is_demonym(words[0]) or words[0] in FAITHS)):
        return None  # "the Ukrainian region of Kharkiv": a nationality, no name
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if words[0] in _EVENT_HEADS or _OPERATION_BEFORE.search(before) or _KIN.match(after):
        return ""
    if len(words) >= 2 and _ACRONYM.fullmatch(words[-1]) and not _REGNAL.fullmatch(words[-1]):
        return "ORG"  # "Kyauk Lone Gyi PDF", "Gangaw PDF"; not "Abdullah II", a regnal number
    if _ORG_NOUN.match(after) or _ORG_BEFORE.search(before):
        return "ORG"
    place_noun = _PLACE_NOUN.match(after)
    if (place_noun is not None and place_noun["sure"]) or site_nouns.follows(after):
        return "PLACE"  # "the Shatt al-Arab waterway", "the Ta Prohm temple"
    if _PLACE_OF.search(before) or _PLACES_OF.search(text, max(0, start - 150), start):
        return "PLACE"
    if _PLACE_APPOSED.match(after) or _PLACE_LOCATED.match(after):
        return "PLACE"  # "Nubl and Zahra, two predominantly Shia towns"
    if len(words) >= 2 and words[0] in PLACE_ONLY_HEADS:
        return "PLACE"
    if sure_only:
        return None
    if words[0] in COMPASS and len(words) >= 2:
        return "PLACE"
    if _opens_with_given_name(words) or after.startswith(("'s", "’s")):
        return None
    if place_noun is not None or _listed_after_place(text, start, after):
        return "PLACE"
    return None


def _listed_after_place(text: str, start: int, after: str) -> bool:
    """A place's word before the name, or a list of places it goes on ("in Kafr Kila,
    Odaisseh and Houla"); a name after one place and a comma that no list goes on from is
    in apposition ("in Iraq, Abu Musab al-Zarqawi, who ..."): the model's say stands."""
    before = _PLACE_BEFORE.search(text, max(0, start - 90), start)
    if before is None:
        return False
    if before[0].endswith((", ", ",")) and not before[0].rstrip().endswith(" and"):
        return _LIST_GOES_ON.match(after) is not None
    return True


_LIST_GOES_ON = re.compile(r"(?:,| and| or)(?: and)? [A-Z]")


def _opens_with_given_name(words: list[str]) -> bool:
    """A name of one hyphenated word opens with a given name only if all its parts are given
    names ("Jean-Pierre"): "Sam-Ouandja" and "Wei-Yar-Adiu" are places whose first syllable
    happens to be a given name."""
    if len(words) == 1 and "-" in words[0]:
        return all(is_given_name(part) for part in words[0].split("-"))
    return is_given_name(words[0])


def _is_demonym(word: str) -> bool:
    """A nationality or a people's word ("Kurdish": "the Kurdish region" names no place)."""
    return (country_of(word) is not None or is_people(word)) and gazetteer.lookup(word) is None


_JOINED_NAMES = re.compile(
    r"(?P<a>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}) and (?P<b>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})"
)
_BETWEEN = re.compile(r"\b(?:in|near|around|outside|into|from|between|towards?) $")


def joined_places(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Two names the model joined with "and" after a preposition of place are two places ("the
    army in Tepalcatepec and Aguililla", one of them the gazetteer's, "a road between Baye and
    Pissa"); [] otherwise, and for
    persons' names ("in Trinidad and Tobago" is one name: the gazetteer's). The caller leaves
    out organisations' names ("in Bosnia and the Defence Forces")."""
    match = _JOINED_NAMES.fullmatch(text, start, end)
    if match is None or not _BETWEEN.search(text, max(0, start - 12), start):
        return []
    if gazetteer.lookup(text[start:end]) is not None:
        return []
    parts = [match.span("a"), match.span("b")]
    for s, e in parts:
        words = text[s:e].split()
        if is_given_name(words[0]) or _is_demonym(words[0]):
            return []
    if not text.endswith("between ", 0, start) and not any(
        gazetteer.lookup(text[s:e]) is not None for s, e in parts
    ):
        return []  # "published in Science and Nature", "from Customs and Border Protection"
    return parts


# A leader's followers and rule named through the leader: "Assad loyalists", "the Gbagbo
# regime", "the Reagan administration" (a territory's is its government: bodies.py),
# "pro-Ouattara forces", "pro Assad fighters". The name after "pro"/"anti" is also a listed
# organisation's ("pro-JNIM accounts") or a place's ("anti-Kyiv protests"): then it is that.
_LED = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r" (?:regime|administration|loyalists?|supporters|partisans)\b"
)
_PRO = re.compile(
    r"(?<![\w-])(?:[Pp]ro-|[Aa]nti-|pro |anti )(?P<name>[A-Z][\w’'-]*[A-Za-z])(?=[\s,.;:)])"
)  # not "the Pro Bowl"


# A body led by a name: "a group headed by X", "the SPLM-N led by X", "a battalion led by
# dreaded ultra X" (a few lower-case words of description between): an armed body's noun or
# an acronym before the verb, not "a consortium led by X" (a firm as often as a person). The
# name is a person's unless a list or the gazetteer knows it or its words are an organisation's.
_LED_BY = re.compile(
    r"(?:\b(?:groups?|factions?|battalions?|brigades?|militias?|rebels|fighters|insurgents"
    r"|militants|movement|forces|army|units?|cells?|gangs?|columns?|squads?|wing|councils?"
    r"|junta|troops|men)|\)|\b[A-Z]{2,}(?:-[A-Z]+)?),? (?:led|headed|commanded) by "
    r"(?:(?!the\b|a\b|an\b|his\b|her\b|their\b)[a-z]+ ){0,2}"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: (?:(?:al|el|bin|ibn|ould|ag)[- ])?[A-Z][a-z]+"
    r"(?:-[A-Z][a-z]+)?){0,3})(?![\w'’-])"
)


def led_by_names(text: str) -> list[tuple[int, int]]:
    """Persons named as a body's leader ("a group headed by X"), whatever the model made of
    them; not a place, a listed organisation, a people or a nationality."""
    found: list[tuple[int, int]] = []
    for match in _LED_BY.finditer(text):
        start, end, _ = aliases.trim(text, *match.span("name"))  # "Major X": X
        name = text[start:end]
        words = name.split()
        if not words or aliases.is_title(words[0]):
            continue  # "led by Gov. X": the title's full stop ended the match
        first = words[0].split("-")[0]
        if (
            bodies.known_key(name) is not None
            or gazetteer.lookup(name) is not None
            or any(w in _BODY_WORDS for w in words)
            or demonyms.is_nationality(first)
            or demonyms.is_people(first)
            or first in _NOT_LEADERS
            or first.lower() in stop_words()
            or (len(words) == 1 and gazetteer.lookup(first) is not None)
        ):
            continue
        found.append((start, end))
    return found


# An organisation named after its kind: "Libya's official news agency, JANA, reported", "the
# state broadcaster, RTI.", "a special unit called Group 13". The kind says organisation
# whatever the model made of the name (a person, a place, nothing).
_KIND_NAMED = re.compile(
    r"\b(?:(?:news|press) agency|broadcaster|newspaper|daily|(?:TV|television) (?:channel|station)"
    r"|radio station|news (?:website|site|outlet)),"
    r" (?P<name>[A-Z][\w’'&./-]*(?: [A-Z][\w’'&./-]*){0,3})(?=[,.;:]\s|[,.;:]$)"
    r"|\b(?:unit|group|militia|brigade|battalion|faction|movement|organi[sz]ation)"
    r" (?:called|named|known as) (?P<called>[A-Z][\w’'&-]*(?: (?:[A-Z][\w’'&-]*|[0-9]{1,3})){0,3})"
    r"(?![\w'’-])"
)


def kind_named(text: str) -> list[tuple[int, int]]:
    """Organisations named after their kind (above); not a place's or a person's name."""
    found: list[tuple[int, int]] = []
    for match in _KIND_NAMED.finditer(text):
        group = "name" if match["name"] is not None else "called"
        start, end = match.span(group)
        name = match[group]
        first = name.split()[0]
        if (
            gazetteer.lookup(name) is not None
            or (is_given_name(first) and not name.isupper())  # "JANA" is an acronym
            or first in _NOT_LEADERS
            or first.lower() in stop_words()
        ):
            continue
        found.append((start, end))
    return found


def followed_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of the names a leader's followers or an allegiance names: a person
    unless the name is a listed organisation's (ORG) or a place's (PLACE); not a people's or
    nationality's word ("pro-Russian"), a faith's, a compass word's ("pro-Western")."""
    found: list[tuple[int, int, str]] = []
    for regex in (_LED, _PRO):
        for match in regex.finditer(text):
            start, end = match.span("name")
            name = match["name"]
            if regex is _PRO and text[end : end + 1] == "-":
                continue  # "pro-Kyiv-backed"
            if bodies.known_key(name) is not None:
                found.append((start, end, "ORG"))
                continue
            if name.isupper() or " " in name:
                continue
            if gazetteer.lookup(name) is not None:
                if regex is _PRO:
                    found.append((start, end, "PLACE"))
                continue
            first = name.split("-")[0]
            if (
                demonyms.is_nationality(first)
                or demonyms.is_people(first)
                or first in _NOT_LEADERS
                or _CREED_OR_ADJECTIVE.search(first)  # "the Nationalist regime", "anti-Semitism"
                or first.lower() in stop_words()
            ):
                continue
            found.append((start, end, "PERSON"))
    return found


# Endings of creeds and of adjectives of lands and peoples, no leader's name ("anti-Scottish").
_CREED_OR_ADJECTIVE = re.compile(r"(?:ism|ist|ists|ish|ese|ic|ian|ean)$")
# Capitalised words before "regime" or "loyalists" or after "pro-" that name no leader: a
# compass word, a faith, a creed or a party's kind, a date.
# fmt: off
_NOT_LEADERS = frozenset((
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Muslim", "Christian", "Orthodox", "Catholic", "Protestant", "Sunni", "Shia", "Shiite",
    "Jewish", "Hindu", "Buddhist", "Islamic", "Baath", "Nazi", "Soviet", "Tsarist", "Military",
    "Government", "Democrat", "Democratic", "Republican", "Labour", "Labor", "Conservative",
    "Liberal", "Army", "Party",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
))
# fmt: on
# Words that make a name a body's or a place's, not a leader's.
_BODY_WORDS = frozenset((
    "Army", "Forces", "Force", "Front", "Movement", "Party", "Council", "Government", "Group",
    "Brigade", "Brigades", "Militia", "Coalition", "Alliance", "Union", "Command", "Ministry",
    "Police", "Guard", "Guards", "Committee", "Authority", "Administration", "Regime", "State",
    "Republic", "Kingdom", "Nations", "Mission", "Corps", "Division", "Battalion", "Regiment",
))


@functools.cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
