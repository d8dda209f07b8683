"""Places known by their context: villages no gazetteer lists, and datelines.

Reports name front-line villages that neither the model nor a gazetteer knows ("Zhuravka").
The sentence says what they are: "the village of X", "X in the Y region", "the Sumy region",
"the Seym river", "near X", "outside X", "the approaches to X". And a wire story opens with
a dateline ("KYIV, Ukraine (AP) -"), whose first words are a place when the gazetteer agrees.

Each finding carries a strength: "named" (the text says it is a settlement or region),
"near" (a preposition of place, weaker: "near Bakhmut" but also "near Google's offices"),
"dateline".

Names that hyphens join or that run into one another, as the model's spans cut them: the model
stops a name at a hyphen ("Canapé" of "Canapé-Vert"), joins two names into one ("Israel-Hamas"
is Israel and Hamas), finds a place inside a longer hyphenated one ("Karabakh" of
"Nagorno-Karabakh"), and runs a byline's last name into the outlet after it ("Iyad Abuheweila
New York Times"); `one_name`, `pair`, `compound` and `before_known_org` say where such names
begin and end.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.pipeline.analyze import aliases, bodies, demonyms, gazetteer, given_names, labels
from tui.pipeline.analyze.demonyms import country_of
from tui.pipeline.analyze.lists import rows
from tui.pipeline.analyze.name_context import COMPASS, FAITHS


class PlaceMention(NamedTuple):
    start: int
    end: int
    strength: str  # "named", "near" or "dateline"


# A saint's name abbreviated opens a name ("Sta. Catalina"; place_forms.py).
_WORD = (
    r"(?:(?:Sta|Sto|Ste|St)\. )?"
    r"[A-Z][a-z\u00e0-\u024f]+(?:['’](?!s\b)[a-z]+)?(?:-[A-Za-z\u00e0-\u024f]+)*"
)
_NAME = rf"(?P<name>{_WORD}(?: {_WORD}){{0,4}})"
_SETTLEMENT = (
    r"villages?|towns?|cit(?:y|ies)|settlements?|hamlets?|ports?|port city|suburbs?|"
    r"districts?|regions?|provinces?|oblasts?|outskirts|neighbou?rhoods?|capital"
)
_KIND_OF = re.compile(
    rf"\b(?:the|a|of|in|and|small|frontline|front-line|border|key|industrial|coastal|strategic)"
    rf" (?:(?:front[- ]?line|border|eastern|southern|northern|western|nearby|small|key|"
    rf"industrial|coastal|strategic|Ukrainian|Russian) )?(?:{_SETTLEMENT})"
    rf" (?:of|called|named|known as) {_NAME}"  # "a town called Potocari"
)
# A unit in the singular before its name, after a nationality or none: "the department of
# Torodi", "the Mexican state of Michoacán", "the Bokkos Local Government Area of Plateau" (in
# lower case only where the capitalised one names a body: "the Department of Defense").
_UNIT_OF = re.compile(
    rf"\b(?:(?:the|a) (?:(?P<adj>[A-Z][a-z]+) )?(?:department|state|municipality|commune"
    rf"|prefecture|county|governorate|territory|local government area|emirate)"
    rf"|Local Government Area|LGA) of {_NAME}"
)
# The subdivision words of the other countries at war (data/admin_units.tsv), longest first.
# "state" only where it cannot be the adjective ("Borno state," but not "state media").
# In lower case, as running text writes them ("Gwoza local government area"), and capitalised
# as official usage writes them ("Zurmi Local Government Area", "Mucojo Administrative
# Post"), the administrative ones only: a capitalised relief word is part of the name ("Bekaa
# Valley", "Nuba Mountains"), and "Department" names ministries ("Justice Department").
UNIT_NAMES = frozenset(row[0] for row in rows("admin_units.tsv") if row[0] != "state")
_CAPITALISED_UNITS = frozenset(
    unit.title()
    for unit, countries in rows("admin_units.tsv")
    if countries != "-" and unit not in ("state", "department")
)
_UNITS = "|".join(sorted((re.escape(u) for u in UNIT_NAMES), key=len, reverse=True))
# Not before an organisation's word: "the Federal Capital Territory Command" is a body.
_CAPITALISED = "|".join(sorted((re.escape(u) for u in _CAPITALISED_UNITS), key=len, reverse=True))
_BODY_WORD = "|".join(sorted(labels.ORG_WORDS, key=len, reverse=True))
_STATE = (
    r"[Ss]tate(?=[,.;:)]| (?:in|of|on|and|or|where|which|that|after|since|near|to|from|was|is"
    r"|has|had|were|are)\b)"
)
_IN_NAME = rf"(?<![\w-]){_WORD}(?: (?:(?:al|el|ad|as|ash|an|ar|at|az)-)?{_WORD}){{0,4}}"
_KIND_AFTER = re.compile(
    rf"(?P<name>{_IN_NAME}) (?:regions?|oblasts?|provinces?|governorates?|districts?|raion"
    rf"|county|Region|Oblast|Province|Governorate|District|village|Village|river|{_UNITS}"
    rf"|areas?|sectors?"
    rf"|(?:{_CAPITALISED})(?! (?:{_BODY_WORD})\b)|{_STATE})\b"
    rf"(?!['’]s? (?:[A-Z])| (?:media|television|TV|news|radio|broadcaster|agency|officials?"
    rf"|security|forces|department|-run|-owned))"
)
# Two places before one plural unit: "Bajaur and Mohmand districts".
_PAIR_AFTER = re.compile(
    rf"(?P<name>{_WORD}) and {_WORD} (?:districts|provinces|regions|governorates|counties"
    rf"|villages|towns|territories|states|townships|areas|sectors)\b"
)
_PAIR_SECOND = re.compile(
    rf"{_WORD} and (?P<name>{_WORD}) (?:districts|provinces|regions|governorates|counties"
    rf"|villages|towns|territories|states|townships|areas|sectors)\b"
)
# More than two places before one plural unit: "Ruma, Rowangchhari and Thanchi upazilas".
_LIST_UNITS = re.compile(
    rf"(?<![\w-]){_WORD}(?:, {_WORD}){{1,5}},? and {_WORD} (?:districts|provinces|regions"
    rf"|governorates|counties|villages|towns|territories|states|townships|upazilas|tehsils"
    rf"|woredas|barangays|communes|municipalities|areas|sectors)\b"
)
# The unit written before the name, as the Philippines and Thailand write them: "Barangay
# Lamin", "Tambon Ban Na" (a sitio is written as part of its name: "Sitio Bajada").
_UNIT_BEFORE = re.compile(rf"\b(?:Barangay|Brgy\.|Tambon|Amphoe) {_NAME}")
# A post named by its village, as the Sahel's army communiqués name them: "the Niafunke post",
# "the Namissiguima military detachment".
_POST = re.compile(
    rf"\b(?:the|a) {_NAME} (?:military |army )?(?:post|detachment|outpost|garrison|military base)\b"
)
# A police station or camp named by its place: "Agwa Police Station", "the Susungpara Army
# camp", "Agwa divisional headquarters" (not a country's or a listed force's: "the Bangladesh
# Army camp").
_STATION = re.compile(
    rf"(?<![\w-]){_NAME} (?:[Pp]olice [Ss]tation|[Pp]olice [Pp]ost|[Aa]rmy [Cc]amp"
    rf"|[Mm]ilitary [Cc]amp|[Aa]rmy [Bb]ase|divisional (?:police )?headquarters)\b"
)
_IN_REGION = re.compile(rf"{_NAME},? (?:in|near) the {_WORD} (?:region|oblast|province|area)\b")
_NEAR = re.compile(
    rf"\b(?:near|outside|around|towards?|approaching|approaches to|road to|encircle|encircled"
    rf"|capture|captured|shelled|recaptured|liberated|seized|conquer|conquered|overran|overrun"
    rf"|retake|retook|retaken|besiege|besieged)"  # the verbs of taking ground, whole
    rf" (?:the (?:town|village|city) of |the )?{_NAME}(?: and (?P<second>{_WORD})(?![\w-]))?"
)
# "U.S.-made", "Kyiv-based": a place before a participle of origin.
_MADE_IN = re.compile(
    r"(?<![\w.-])(?P<name>U\.S\.|U\.K\.|US|UK|(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)-(?:made|supplied|"
    r"built|based|backed|funded|brokered|controlled|held|occupied|flagged|registered)\b"
)
# In capitals with their accents ("PONT-SONDÉ", "SÃO TOMÉ"), before a comma, the agency in
# brackets ("(AP) —", "[SMN] –"), a dash, the date or a colon ("GUWAHATI: ...", as South
# Asian papers write them; the gazetteer must know a name before a colon).
_CAPS = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_DATELINE = re.compile(
    rf"(?m)^(?P<name>[{_CAPS}][{_CAPS}.'’-]+(?: [{_CAPS}][{_CAPS}.'’-]+){{0,2}})"
    r"(?=,| [(\[]|\s+[-—–]| [0-9]{4}-| >>|:)"
)
# "BELDWEYNE [SMN] –": a town the gazetteer lacks, then the agency's initials in brackets and
# a dash, as wire services open a report.
_DATELINE_AGENCY = re.compile(r" [(\[][A-Z][A-Za-z.&/ -]{0,14}[)\]] ?[-—–]")
# "PAHALGAM, April 22:": a dateline's town with the date after it, which no other line opens.
_DATELINE_DATE = re.compile(
    r", (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? [0-9]{1,2}\b"
)
_DATELINE_COUNTRY = re.compile(
    r", (?P<where>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?=,| \(|\s+[-—–]| [0-9]{4}-)"
)
# fmt: off
_NOT_PLACE_WORDS = frozenset((
    "The", "A", "An", "This", "That", "His", "Her", "Their", "Its", "Our", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Mr",
    "Mrs", "Ms", "Dr", "President", "General", "Gen", "Sir", "Christmas", "Easter", "Ramadan",
    "He", "She", "It", "They", "We", "I", "But", "And", "Or", "So", "Yet", "Meanwhile",
    "However", "Also", "Then", "Now", "Still", "Since", "While", "When", "After", "Before",
))
# fmt: on


# A war or conflict named after its place: the place ("the Kargil conflict", "the Persian Gulf
# War"); not after a people's or a nation's adjective ("the Korean War" names no place).
_WAR_IN = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:[Ww]ar|[Cc]onflict)\b")

def find_context_places(text: str) -> list[PlaceMention]:
    """Spans that the surrounding words mark as places, in order, without overlaps."""
    found: list[PlaceMention] = []
    for regex in (_KIND_OF, _KIND_AFTER, _IN_REGION, _POST, _PAIR_AFTER, _PAIR_SECOND):
        for match in regex.finditer(text):
            if regex in (_PAIR_AFTER, _PAIR_SECOND) and match["name"] in COMPASS:
                continue  # "the Southern, Central and Western regions": parts of a country
            if regex is _KIND_AFTER and _adjective_before_unit(text, match):
                continue  # "the Jewish state", "Azeri territory": a people's, not a name
            last = match["name"].split()[-1]
            if last in labels.ORG_WORDS or re.search(r"-[a-z]+$", last):
                continue  # "the Columbia University department", "Houthi-controlled territory"
            _add(found, text, match.start("name"), match.end("name"), "named")
    for match in _UNIT_OF.finditer(text):
        if match["adj"] and not demonyms.is_nationality(match["adj"]):
            continue  # "the Islamic state of ...": no nationality, no unit
        _add(found, text, match.start("name"), match.end("name"), "named")
    for match in _LIST_UNITS.finditer(text):
        for word in re.finditer(_WORD, match.group()):
            if word.group() not in COMPASS:
                _add(found, text, match.start() + word.start(), match.start() + word.end(), "named")
    for match in _STATION.finditer(text):
        known = gazetteer.lookup(match["name"], alternates=False)
        if (known is None or known.kind != "country") and bodies.known_key(match["name"]) is None:
            _add(found, text, match.start("name"), match.end("name"), "named")
    for match in _UNIT_BEFORE.finditer(text):
        _add(found, text, match.start("name"), match.end("name"), "named")
    for match in _NEAR.finditer(text):
        _add(found, text, match.start("name"), match.end("name"), "near")
        if match["second"]:  # "conquered Anaba and Rokha"
            _add(found, text, match.start("second"), match.end("second"), "near")
    for match in _WAR_IN.finditer(text):  # "the Kargil conflict", "the Persian Gulf War"
        if gazetteer.lookup(match["name"], alternates=False) is not None:
            _add(found, text, match.start("name"), match.end("name"), "named")
    for match in _ROUTE_PAIR.finditer(text):
        if _route_ends(match["a"], match["b"]):  # "the Delling-Kadugli road": two towns
            found.append(PlaceMention(match.start("a"), match.end("a"), "named"))
            found.append(PlaceMention(match.start("b"), match.end("b"), "named"))
    for match in _MADE_IN.finditer(text):
        # "a Hong Kong-based firm", "the Marshall Islands-flagged tanker": the longest name
        # before the hyphen that the gazetteer knows
        words = match.group("name").split(" ")
        for k in range(len(words)):
            start = match.start("name") + len(" ".join(words[:k])) + (1 if k else 0)
            place = gazetteer.lookup(text[start : match.end("name")], alternates=False)
            if place is not None and place.kind != "subdivision":
                found.append(PlaceMention(start, match.end("name"), "named"))
                break
    for match in _DATELINE.finditer(text):
        name = match.group("name").rstrip(".")
        country = _DATELINE_COUNTRY.match(text, match.end("name"))
        after = match.end("name")
        if (
            gazetteer.lookup(name) is not None
            or _DATELINE_DATE.match(text, after)
            or _DATELINE_AGENCY.match(text, after)
        ) or (
            country is not None
            and (known := gazetteer.lookup(country["where"])) is not None
            and known.kind in ("country", "subdivision", "region")
        ):  # "TAVILDARA, Tajikistan, Aug 30 (Reuters) -": a town the gazetteer lacks
            found.append(
                PlaceMention(match.start("name"), match.start("name") + len(name), "dateline")
            )
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[PlaceMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


_ADJECTIVE_END = re.compile(r"(?:ish|ic|ean|ian|an|ese|i)$")
_LAND_ADJECTIVE = re.compile(r"(?:ish|ic|ean|ian|ese)$")


def _adjective_before_unit(text: str, match: re.Match[str]) -> bool:
    """Whether the word before "state", "territory", "area" or "sector" is an adjective of a
    people or a land, not a name the gazetteer knows ("the Jewish state", "Azeri territory",
    "Andean areas"; not "Michoacan state")."""
    unit = text[match.end("name") : match.end()].strip()
    name = match["name"]
    if unit in ("area", "areas", "sector", "sectors"):
        # "the Kuki area": a people's, even where a town has the name; "Andean areas"
        if name in demonyms.peoples()[0]:
            return True
        return _LAND_ADJECTIVE.search(name) is not None and gazetteer.lookup(name) is None
    return (
        unit in ("state", "territory")
        and _ADJECTIVE_END.search(name) is not None
        and gazetteer.lookup(name) is None
    )


# Two names joined by a hyphen before a route's noun are its two ends ("the Delling-Kadugli
# road", "the Srinagar-Leh highway"), when one of them is a known place and neither is a
# people's, a nationality's or an organisation's word.
_ROUTE_PAIR = re.compile(
    r"(?<![\w'’-])(?P<a>[A-Z][a-z]{2,})-(?P<b>[A-Z][a-z]{2,}) (?:road|highway|route|railway"
    r"|railroad|rail line|stretch|corridor|axis|motorway|expressway|pipeline|supply line)s?\b"
)


def _route_ends(a: str, b: str) -> bool:
    if gazetteer.lookup(f"{a}-{b}") is not None:
        return False  # "Nagorno-Karabakh"
    parts = (a, b)
    if any(demonyms.is_people(p) or _is_demonym(p) or bodies.known_key(p) for p in parts):
        return False
    return any(gazetteer.lookup(p, alternates=False) is not None for p in parts)


def _add(found: list[PlaceMention], text: str, start: int, end: int, strength: str) -> None:
    words = text[start:end].split()
    while words and (words[0] in _NOT_PLACE_WORDS or words[0] in FAITHS):
        start += len(words.pop(0)) + 1
    while words and (
        words[-1] in _NOT_PLACE_WORDS
        or _is_demonym(words[-1])
        or words[-1] in FAITHS
        or words[-1] == "Autonomous"  # "Gorno-Badakhshan Autonomous Province": the unit's
    ):
        words.pop()  # "near Bakhmut Ukrainian troops", "near Russian positions"
    if words:
        found.append(PlaceMention(start, start + len(" ".join(words)), strength))


def _is_demonym(word: str) -> bool:
    """A nationality or a people's word, or its adjective ("Ukrainian", "Kurdish": "the
    autonomous Kurdish region" names no place), unless the gazetteer knows it ("Amhara")."""
    return (
        country_of(word) is not None or demonyms.is_people(word)
    ) and gazetteer.lookup(word) is None


HYPHEN_TAIL = re.compile(rf"(?:-[{aliases.UPPER}][\w']*)+(?![\w-])")
_COMPOUND = re.compile(r"[\w'’]+(?:-[\w'’]+)+")


def one_name(whole: str, tail: str) -> bool:
    """Whether a hyphenated tail belongs to the name before it ("Canapé-Vert") rather than
    naming something of its own ("Israel-Hamas")."""
    if gazetteer.lookup(whole) is not None:
        return True
    return bodies.known_key(tail) is None and gazetteer.lookup(tail, alternates=False) is None


def pair(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The two names of a hyphenated pair of known names ("Israel-Hamas", "Russia-Ukraine"),
    each with its type; [] for anything else ("Nagorno-Karabakh", "Port-au-Prince")."""
    surface = text[start:end].strip()
    parts = surface.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts) or gazetteer.lookup(surface):
        return []
    found: list[tuple[int, int, str]] = []
    at = start + text[start:end].index(surface)
    for part in parts:
        place = gazetteer.lookup(part, alternates=False)
        if place is not None and place.kind in ("country", "region", "city"):
            found.append((at, at + len(part), "PLACE"))
        elif bodies.known_key(part) is not None:
            found.append((at, at + len(part), "ORG"))
        else:
            return []
        at += len(part) + 1
    return found


def before_known_org(text: str, start: int, end: int) -> int:
    """The end of a person's name that runs on into a listed organisation, as a byline does
    ("By Vivian Yee and Iyad Abuheweila New York Times")."""
    words = text[start:end].split()
    if not words or not given_names.is_given_name(words[0]):
        return end
    for k in range(2, len(words) - 1):
        if bodies.known_key(" ".join(words[k:])) is not None:
            return start + len(" ".join(words[:k]))
    return end


def compound(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The hyphenated name around text[start:end] ("Nagorno-Karabakh", "Port-au-Prince") if the
    gazetteer knows it (then True); else the span itself, and whether it may stand alone (the
    other parts are lower case: "Kyiv-based", "pro-Russia")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    for match in _COMPOUND.finditer(text, line_start, line_end if line_end != -1 else len(text)):
        if match.start() <= start and end <= match.end():
            if labels.lookup_unlabelled(match.group()) is not None:
                return match.start(), match.end(), True
            others = text[match.start() : start] + text[end : match.end()]
            names = [w for w in others.split("-") if w[:1].isupper()]
            alone = all(gazetteer.lookup(w, alternates=False) or bodies.known_key(w) for w in names)
            return start, end, alone  # "Russia-Ukraine": two names; "Kyiv-based": one
    return start, end, True
