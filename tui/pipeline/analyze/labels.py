"""Which type a span is: corrections to the model's labels from the gazetteer and the context.

- A gazetteer place the model calls an organisation, with no organisation word, is a place.
- An organisation right after a role word ("governor Volodymyr Artiukh", "spokesman Dmitry
  Peskov") or after an honorific is a person, if it looks like a name.
- A name after an honorific ("Mr Artiukh", "Gen. Syrskyi") is a person even when the model
  saw nothing there (`titled_names`).
"""

from __future__ import annotations

import re
from typing import Any

from tui.pipeline.analyze import aliases, gazetteer, given_names
from tui.pipeline.analyze.demonyms import is_demonym, people_only
from tui.pipeline.analyze.given_names import heads_a_place
from tui.pipeline.analyze.name_context import COMPASS, kind_from_context

# fmt: off
ORG_WORDS = frozenset((
    "Ministry", "Ministries", "Army", "Forces", "Force", "Council", "Party", "Parliament", "Bank",
    "Inc", "Ltd", "Corp", "Corporation", "Company", "Group", "Agency", "Committee", "University",
    "College", "School", "Institute", "Union", "Federation", "Court", "Office", "Service",
    "Services", "Guard", "Guards", "Brigade", "Regiment", "Battalion", "Division", "Corps",
    "Fleet", "Navy", "Police", "Department", "Government", "Administration", "Association",
    "Organisation", "Organization", "Commission", "Authority", "Foundation", "Fund", "Club",
    "Team", "United", "City", "Network", "News", "Times", "Post", "Press", "Media", "Airlines",
    "Airways", "Hospital", "Center", "Centre", "Church", "Movement", "Front", "Alliance", "Bureau",
    "Assembly", "Congress", "Senate", "Cabinet", "Kremlin", "Pentagon", "Staff", "Command",
    "Council", "Board", "Trust", "Holdings", "Industries", "Systems", "Technologies", "Motors",
    "Energy", "Oil", "Gas", "Airport", "Station", "Stadium", "FC", "AFC", "Rovers", "Athletic",
    "Wanderers", "Society", "Secretariat", "Mission", "Embassy", "Consulate", "Brigades",
    "Committees", "Shipping", "Lines", "Logistics", "Hospitals", "Clinic", "Shipyard",
    "Shipyards", "Works", "Holding", "Partners", "Aid", "Relief", "Medical", "Controls",
    "International",
    "Pharmaceuticals", "Pharmaceutical", "Motor", "Communications", "Community", "National",
    "Co", "Cos", "Authority", "Building", "Bldg", "Electric", "Electronics", "Financial",
    "Securities", "Insurance", "Investments", "Resources", "Steel", "Mining", "Chemicals",
    "Foods", "Brands", "Media", "Studios", "Records", "Publishing", "Standard", "Herald",
    "Tribune", "Journal", "Gazette", "Telegraph", "Daily", "Weekly",
))
# Nouns that end a place's name, not a person's ("Jordan Valley", "Victoria Falls").
PLACE_WORDS = frozenset((
    "Valley", "River", "Sea", "Ocean", "Mountains", "Mountain", "Street", "Square", "Bridge",
    "Island", "Islands", "Lake", "Bay", "Strait", "Gulf", "Road", "Avenue", "Park", "Camp",
    "Gate", "Falls", "Hill", "Hills", "Palace", "Beach", "Coast", "Desert", "Plain", "Canal",
    "Port", "Harbour", "Harbor", "Heights", "Corridor", "Crossing", "Base", "Township", "Region",
    "Province", "Division", "State", "District", "County", "Oblast", "Governorate", "Village",
    "Town", "City", "Airport", "Dam", "Plant", "Field", "Fields", "Peninsula", "Delta", "Pass",
    "Open", "Cup", "Games", "Championship", "Championships", "Trophy", "Prix", "Stakes", "Day",
))
# fmt: on
# fmt: off
ROLE_WORDS = frozenset((
    "governor", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "commander",
    "chief", "head", "leader", "mayor", "official", "general", "colonel", "ambassador", "envoy",
    "adviser", "advisor", "aide", "secretary", "director", "chairman", "chairwoman", "prosecutor",
    "lawyer", "analyst", "correspondent", "reporter", "soldier", "resident", "deputy",
    "lieutenant", "captain", "sergeant", "MP", "senator", "lawmaker", "diplomat", "negotiator",
    "officer", "journalist", "editor", "writer", "author", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "player", "actor", "singer", "professor", "premier",
    "chancellor", "king", "queen", "prince", "emir", "sheikh", "pope", "bishop", "priest", "imam",
    "rabbi", "judge", "envoy", "photographer", "blogger", "activist", "volunteer", "medic",
    "doctor", "nurse", "survivor", "witness", "father", "mother", "son", "daughter", "wife",
    "husband", "brother", "sister", "Governor", "Spokesman", "Minister", "President", "Commander",
    "Chief", "Head", "Leader", "Mayor", "General", "Colonel", "Ambassador", "Secretary",
    "Director", "Chairman", "Prosecutor", "Senator", "Premier", "Chancellor", "King", "Queen",
    "Prince", "Emir", "Sheikh", "Pope", "Judge",
))
# fmt: on
_MODERN = frozenset(aliases.MODERN_SPELLINGS.values())
# "J. Smith", "T.O'Gorman": initials before a surname are a person's.
_INITIALS = re.compile(r"(?:[A-Z]\. ?){1,3}[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+)*[a-z]")
_ROLE_AFTER = re.compile(  # and "X Y, who served on ...": a relative clause of persons
    r", who\b|,? (?:the |a |an )?(?:head|governor|mayor|spokesman|spokeswoman|spokesperson|aide|"
    r"commander|chief|leader|minister|president|director|chairman|deputy|advis[eo]r|official)\b"
)
# "X, a Syrian national guard at ...": what a person is, set after the name.
_PERSON_APPOSED = re.compile(
    r",? (?:a|an) (?:[\w-]+ ){0,3}?(?:guard|resident|farmer|teacher|student|worker|driver|man"
    r"|woman|boy|girl|doctor|nurse|paramedic|medic|soldier|officer|official|journalist"
    r"|photographer|villager|shopkeeper|trader|fisherman|labou?rer|engineer|volunteer|survivor"
    r"|witness|mechanic|merchant|pharmacist|widow|mother|father|grandmother|grandfather)"
    r"(?=[,.;:]| (?:at|in|from|who|with|for|of|whose)\b)"
)
_VERIFIES = re.compile(
    r" (?:could not|was unable to|was not able to|has not been able to|cannot|did not) "
    r"(?:independently )?(?:verify|confirm)"
)
_OUTLET_BEFORE = re.compile(r"\b(?:reviewed|seen|obtained|verified|analy[sz]ed) by $")
_LOWER_WORD = re.compile(r"(?<= )[a-z]+\b")
# Lower-case words inside a place's name: English and Arabic ones, and the Romance particles
# ("Mocimboa da Praia", "Norte de Santander").
# fmt: off
_NAME_PARTICLES = frozenset((
    "of", "and", "de", "del", "la", "le", "al", "el", "on", "upon", "am", "da", "do", "dos", "das",
    "du", "des", "della", "di",
))
# fmt: on
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|into|from|on|to) $")
_PLACE_CONTEXT = re.compile(
    r"\b(?:in|near|outside|across|into|from|around|towards?|(?:north|south|east|west)"
    r"(?:east|west)? of) $"
)
_SPEAKS_AFTER = re.compile(r",? (?:said|says|told|added|stated|wrote|explained|noted)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he $")
_SCORE = re.compile(r"[0-9]+(?:[-/][0-9]+)?")
# fmt: off
_RESULT_WORDS = frozenset((
    "beat", "beats", "drew", "draw", "lost", "won", "defeated", "edged", "routed", "thrashed",
    "trailed", "led", "captain", "coach", "striker", "midfielder", "defender", "goalkeeper",
    "manager", "batsman", "bowler", "v", "vs", "v.", "vs.",
))
# fmt: on
_BEFORE_TEAM = frozenset(("v", "vs", "v.", "vs.", "beat", "beating", "defeated"))
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)*\.?$")
_UP, _LO = f"[{aliases.UPPER}]", f"[{aliases.LOWER}]"
# Honorific + one to three capitalised words: a person whatever the model says.
_TITLED = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Sen|Rep|Gov|Prof)\.? )+"
    rf"(?P<name>{_UP}{_LO}+(?:['’-][A-Za-z][a-z]+)*"
    r"(?: (?:(?:de la|de las|de los|van der|van den|von der|al|el|bin|ibn|van|von|de|der|del"
    r"|da|das|do|dos|di|du|la|le)[- ])?"  # "Billy de la Rosa", "Ana dos Santos"
    rf"{_UP}{_LO}+(?:-{_UP}{_LO}+)*){{0,2}})"
)


# A headline that quotes someone: "Marek Novak: NATO must move more air defence east".
_SPEAKER = re.compile(r"(?m)^(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}): ")


def titled_names(text: str) -> list[tuple[int, int]]:
    """Spans of names after an honorific or an office ("Mr Zelensky", "Defence Minister
    Rustem Umerov", "spokesman Dmitry Peskov") or before a headline's colon ("Marek Novak:
    ..."): persons whatever the model says."""
    spans = []
    for regex, least in ((_TITLED, 1), (_OFFICE, 1), (_ROLE, 2), (_SPEAKER, 2)):
        for match in regex.finditer(text):
            start, end = match.span("name")
            words = text[start:end].split()
            while len(words) > 1 and aliases.is_title(words[0]):
                start += len(words.pop(0)) + 1  # "minister General X": the rank is no name
            while words and (words[-1] in ORG_WORDS or is_demonym(words[-1])):
                words.pop()
            if regex is _SPEAKER and not given_names.is_given_name(words[0]):
                continue  # "Heightened Tensions: ...": a headline, not a speaker
            if regex is _OFFICE and _title_case(text, start):
                continue  # "Ukraine Commander Acknowledges Significant Russian Forces"
            if (
                len(words) >= least
                and words[0] not in COMPASS
                and not is_demonym(words[0])
                and not gazetteer.lookup(words[0], alternates=False)
            ):
                spans.append((start, start + len(" ".join(words))))
    return spans


def _title_case(text: str, at: int) -> bool:
    """Whether the line around `at` capitalises (nearly) every word, as headlines do."""
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


_NAME = (
    rf"(?P<name>{_UP}{_LO}+(?:['’-][A-Za-z]{_LO}+)*"
    r"(?: (?:(?:de la|de las|de los|van der|van den|von der|al|el|bin|ibn|van|von|de|der|del"
    r"|da|das|do|dos|di|du|la|le)[- ])?"  # "Billy de la Rosa", "Ana dos Santos"
    rf"{_UP}{_LO}+(?:-{_UP}{_LO}+)*){{0,2}})"
)
_OFFICE = re.compile(
    r"\b(?:President|Prime Minister|(?:Foreign|Defen[cs]e|Interior|Finance) Minister|Minister|"
    r"Chancellor|Governor|Mayor|King|Queen|Prince|Pope|Senator|Secretary of State|Ambassador|"
    r"Commander|Marshal|General|Admiral|Colonel|Lieutenant General|Major General) " + _NAME
)
_ROLE = re.compile(
    r"\b(?:spokesman|spokeswoman|spokesperson|governor|mayor|commander|president|minister|"
    r"chief|envoy|ambassador|adviser|advisor|aide|official|head) " + _NAME
)


def looks_like_name(surface: str) -> bool:
    """Two to four capitalised words, none of them an organisation word."""
    words = surface.split()
    return (
        1 <= len(words) <= 4
        and all(_NAME_WORD.match(w) or w in ("al", "bin", "van", "von", "de") for w in words)
        and not any(w in ORG_WORDS for w in words)
    )


def retype(doc: Any, ent: Any, kind: str, text: str, start: int, end: int, titled: bool) -> str:
    """The type the model's span text[start:end] should have; '' to drop it."""
    surface = text[start:end]
    if (titled and looks_like_name(surface)) or _INITIALS.fullmatch(surface):
        return "PERSON"
    words = surface.split()
    plural = surface if gazetteer.lookup(surface) else surface.removesuffix("s")  # "Philippines"
    if kind == "PLACE" and len(words) == 1 and (is_demonym(plural) or people_only(surface)):
        return ""  # "Ukrainian troops", "Tutsi ex-general": a nationality or a people
    if kind == "PLACE" and len(words) == 1 and surface in COMPASS:
        return ""  # "the Southern, Central and Western regions"
    after = text[end : end + 40]
    if kind == "ORG":
        if _ROLE_AFTER.match(after) and len(words) >= 2 and looks_like_name(surface):
            return "PERSON"  # "Volodymyr Artiukh, the head of the regional administration"
        if _PERSON_APPOSED.match(after) and looks_like_name(surface):
            return "PERSON"  # "Haitham, a Syrian national guard at a nearby company"
        place = gazetteer.lookup(surface)
        if place is not None and not any(w in ORG_WORDS for w in words):
            # A national side is its country ("England won by 5 wickets"), as in "Ukraine says".
            team = not is_national(place) and is_team(doc, ent.start, ent.end)
            return "ORG" if team else "PLACE"
        previous = doc[ent.start - 1].text if ent.start > 0 else ""
        if previous in ROLE_WORDS and len(words) >= 2 and looks_like_name(surface):
            return "PERSON"
        plain = not any(w in ORG_WORDS for w in words) and not surface.isupper()
        if plain and len(words) >= 2 and words[-1] in FEATURE_WORDS:
            return "PLACE"  # "Flamingo Naval Base", "Ramree Island", "Gegharkunik Provinces"
        if plain and len(words) <= 2 and kind_from_context(text, start, end) == "PLACE":
            return "PLACE"  # "ambushed in Doonka and Bullalow", "the Seiyana area"
        if (
            len(words) >= 2
            and words[-1] in UNIT_WORDS
            and gazetteer.lookup(" ".join(words[:-1])) is not None
        ):
            return "PLACE"  # "Mandalay Division": a unit of a known place
        return "ORG"
    if not kind:
        # "on Mocimboa da Praia" (a "work of art" to the model): a known place after a
        # preposition of place, whatever its size
        known = _PLACE_BEFORE.search(text[max(0, start - 12) : start]) and gazetteer.lookup(
            surface
        )
        return "PLACE" if len(words) <= 3 and (_is_big_place(surface) or known) else ""
    if kind == "PERSON":
        return _retype_person(text, start, end, words)
    return kind


def _retype_person(text: str, start: int, end: int, words: list[str]) -> str:
    surface = text[start:end]
    before, after = text[max(0, start - 12) : start], text[end : end + 40]
    if _VERIFIES.match(after) or _OUTLET_BEFORE.search(before):
        return "ORG"  # "Frontline Wire could not independently verify": an outlet
    if any(w in ORG_WORDS for w in words[1:]):
        return "ORG"  # "Nasser Hospital", "Furadino Shipping", "Resistance Brigades"
    last = before.split()[-1].rstrip(".") if before.split() else ""
    if last and (aliases.is_title(last) or last in ROLE_WORDS) and not heads_a_place(last):
        return "PERSON"  # "President Bush" (not Būsh, Egypt), "diplomat Christopher Hill"
    if len(words) >= 2 and words[-1] in PLACE_WORDS and words[-1] not in _EVENT_WORDS:
        return "PLACE"  # "Victoria Falls", "Daraj Valley"
    context = kind_from_context(text, start, end)
    if context is not None:
        return context  # "in Ain Baal", "Kamal Adwan hospital", "Cyclone Mocha"
    if _PLACE_BEFORE.search(before) and gazetteer.lookup(surface) is not None:
        return "PLACE"  # "in Khan Younis"
    if len(words) >= 2 and _is_big_place(surface, alternates=True):
        return "PLACE"  # "strikes on Khan Younis", "Kryvyi Rih": a city under a known name
    if len(words) == 1 and _is_big_place(surface):
        return "PLACE"  # "the Zaporizhzhia nuclear power plant"
    if len(words) == 1 and _known_place_not_person(text, surface, before, after):
        return "PLACE"  # "parts of Aleppo, Hama, and Latakia", "north of Kanyabayonga"
    if _THE_BEFORE.search(before) or after.startswith("-"):
        return ""  # "the Aster Grace" (a ship), "Tuareg-led": not a person's name
    return "PERSON"


def _known_place_not_person(text: str, surface: str, before: str, after: str) -> bool:
    """One word after a preposition of place ("north of Kanyabayonga") that the gazetteer
    knows under any spelling as a town of some size, a region or a country, and that nothing
    marks as a person's name: no given name, no speech verb after it (a title before it made it
    a person already), never written after a given name in the text (as a surname is: "Inacio
    Dina ... Dina said")."""
    if not _PLACE_CONTEXT.search(before) or given_names.is_given_name(surface):
        return False
    if _SPEAKS_AFTER.match(after):
        return False
    place = gazetteer.lookup(surface)
    if place is None or (place.kind == "city" and place.population < 20_000):
        return False
    return not any(
        given_names.is_given_name(m[1])
        for m in re.finditer(rf"([A-Z][\w'’-]+) {re.escape(surface)}\b", text)
    )


def place_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A place's name without what is not its name: it ends before its first lower-case word
    ("Zaporizhzhia nuclear power plant" is Zaporizhzhia; "Rostov-on-Don", "Bosnia and
    Herzegovina" stay whole), an administrative unit is its place ("Kani Township", "North
    Darfur State"), and a compass word that only says where in a known place goes ("Northern
    Burkina"; "North Darfur" and "South Sudan" stay whole). A name the gazetteer knows whole
    keeps its lower-case words ("Deir ez-Zor")."""
    known = gazetteer.lookup(text[start:end]) is not None
    for match in _LOWER_WORD.finditer(text, start, end):
        if match.group() not in _NAME_PARTICLES and not known:
            end = len(text[start : match.start()].rstrip()) + start
            break
    words = text[start:end].split()
    if len(words) >= 2 and (words[-1] in UNIT_WORDS or words[-1] in _FORCE_WORDS):
        end -= len(words[-1]) + 1  # "Kani Township"; "Susungpara Army camp": the camp's place
    words = text[start:end].split()
    if len(words) >= 2 and words[0] in _UNIT_HEADS:
        start += len(words[0]) + 1  # "Barangay Lamin": the unit written first
    words = text[start:end].split()
    if (
        len(words) >= 2
        and words[0] in COMPASS
        and gazetteer.lookup(text[start:end]) is None
        and gazetteer.lookup(" ".join(words[1:])) is not None
    ):
        start += len(words[0]) + 1
    return start, end


# Last words of the names of places that are no settlement (and of units in the plural): what
# the model calls an organisation with one of these is a place.
FEATURE_WORDS = frozenset((
    "Base", "Airbase", "Island", "Islands", "Highway", "Road", "Street", "Bridge", "Valley",
    "Heights", "Strait", "Gulf", "Bay", "Canal", "Dam", "Mountains", "Hills", "Desert",
    "Provinces", "Regions", "Districts", "Townships", "Governorates", "Oblasts", "States",
))
_FORCE_WORDS = frozenset(("Army", "Police", "Military"))
# Units the Philippines and Thailand write before the name (data/admin_units.tsv's reading).
_UNIT_HEADS = frozenset(("Barangay", "Brgy.", "Tambon", "Amphoe"))
_EVENT_WORDS = frozenset(
    ("Open", "Cup", "Games", "Championship", "Championships", "Trophy", "Prix", "Stakes", "Day")
)
UNIT_WORDS = frozenset(
    (
        "Township",
        "Region",
        "State",
        "Division",
        "Province",
        "Oblast",
        "District",
        "Governorate",
        "County",
        "Raion",
        "Prefecture",
        "Provinces",
        "Regions",
        "Districts",
        "Townships",
        "Governorates",
        "Oblasts",
    )
)


def is_national(place: gazetteer.Place) -> bool:
    """A country or a nation of one (England): its side is the country itself."""
    return place.kind == "country" or place.name in gazetteer.nations()


def is_team(doc: Any, start: int, end: int) -> bool:
    """Whether tokens [start, end) name a sports side: a place name followed by a score or a
    result ("Somerset 83", "Leicestershire beat Somerset", "Surrey captain", "v Durham")."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and (
        _SCORE.fullmatch(after.text) or after.lower_ in _RESULT_WORDS or after.text == "AT"
    ):
        return True
    return before is not None and before.lower_ in _BEFORE_TEAM


def _is_big_place(surface: str, alternates: bool = False) -> bool:
    """A place under its own name (or any spelling of it), big enough to be meant when the
    model says person."""
    place = gazetteer.lookup(surface) if alternates else lookup_unlabelled(surface)
    if place is not None and place.kind == "locality":
        return True  # a village at a front line (data/localities.tsv)
    return place is not None and (place.kind != "city" or place.population >= 50_000)


def lookup_unlabelled(surface: str) -> gazetteer.Place | None:
    """The gazetteer entry for a name the model left unlabelled: own names and our spellings
    only, since alternate names include too many surnames and words."""
    if surface in aliases.MODERN_SPELLINGS or surface in _MODERN:
        return gazetteer.lookup(surface)
    return gazetteer.lookup(surface, alternates=False)


def plausible_place(place: gazetteer.Place, sentence_start: bool) -> bool:
    """Whether an unlabelled proper noun that the gazetteer knows should count as a place."""
    if place.kind in ("country", "region", "locality"):
        return True
    if place.kind == "subdivision":
        return False  # provinces share names with words ("Maritime", "Centre"): context only
    if sentence_start:
        return place.population >= 1_000_000
    return place.population >= 100_000

