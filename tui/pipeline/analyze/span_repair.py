"""Repairs to the resolved mentions where the model cut, joined or typed a name against the
patterns English (and the languages it borrows place names from) names things by.

Each repair is a family that holds beyond the articles it was found in (bench/README.md,
"Fifth pass"):

- a name in a Romance language joined by its particle is one name ("Mocimboa da Praia",
  "Norte de Santander"), a place when either half is one; a person's name goes on past a
  middle initial ("Jonathan Binsar P. Sianipar") and past "Ould", "bin", "ibn" ("Najem Ould
  Ed'Dia");
- two names joined by a hyphen before a road, a border or a front line are two places ("the
  Kumba-Mbonge road"), a nationality among them none ("the Armenian-Nakhchivan border");
- a name before "-based", "-dominated", "-held" ... is a name of its own, not the start of the
  next one ("Britain-based Syrian Observatory", "Kuki-dominated Kangpokpi");
- "group" after an organisation's name is no part of it ("the Islamic State group"), nor a
  people or a religion before it ("Muslim Seleka rebels"); a people alone is no organisation
  ("Kurdish militants", "armed Nuer youth");
- in a list of places ("Aleppo, Hama, and Latakia"), a name the model typed otherwise is a
  place too, when nothing in it says person;
- a state body after its country's possessive, or before "of" and its country, is named
  through the country, which belongs to its name ("Cambodia's Ministry of National
  Defence", "the Ministry of Defense of Armenia", "the Communist Party of the Philippines");
- a sea, gulf or strait "of" a place is one place ("the Red Sea and Gulf of Aden");
- two words joined by "and" before an organisation's head word are its name ("The Defence
  and Security Forces", the forces of the Francophone and Lusophone states);
- an acronym made of the initials of an organisation named in the same article is that
  organisation ("the New People's Army ... the NPA", "NPAs").
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import (
    bodies,
    demonyms,
    gazetteer,
    given_names,
    labels,
    names,
    place_forms,
)
from tui.pipeline.analyze.grouping import Found

_PARTICLE = re.compile(r" (?:da|de|do|dos|das|del|della|di|du|des|de la|de los|de las) (?=[A-Z])")
_ROUTE_AFTER = re.compile(
    r"(?: \([^()]{1,40}\))? (?:road|highway|motorway|axis|route|corridor|stretch|railway"
    r"|rail line|pipeline|border|frontier|front line|frontline|boundary|crossing)\b"
)
# The road's own name, in capitals, is still named after the two places ("X-Y Road").
_ROUTE_NAMED = re.compile(r" (?:Road|Highway|Motorway|Railway|Border)$")
_PAIR = re.compile(r"[A-ZÀ-Ý][\w'’]+-[A-ZÀ-Ý][\w'’]+")
_PREFIXED = re.compile(
    r"(?P<name>[A-ZÀ-Ý][\w'’.]*)-(?:based|dominated|held|controlled|led|backed|run|majority"
    r"|populated|occupied|allied|aligned|linked|affiliated|funded|supported|sponsored|born) "
    r"(?=[A-ZÀ-Ý])"
)
# fmt: off
_RELIGIONS = frozenset((
    "Muslim", "Christian", "Sunni", "Shia", "Shiite", "Shi'ite", "Jewish", "Hindu", "Buddhist",
    "Catholic", "Protestant", "Orthodox",
))
_ADVERBS = frozenset(("Mostly", "Predominantly", "Largely", "Mainly", "Overwhelmingly"))
# Nouns a people's name qualifies ("Tuareg rebels", "Amhara fighters"): the name is the people's
# there, not the region of the same name ("in Amhara", "the Amhara region").
_PEOPLE_NOUN = re.compile(
    r" (?:rebels?|fighters?|militia(?:s|men)?|separatists?|insurgents?|nationalists?|gunmen"
    r"|youths?|elders?|herders?|farmers?|civilians|communit(?:y|ies)|leaders?|population|people"
    r"|men|women|tribesmen|groups?|movements?|armed groups?)\b",
    re.IGNORECASE,
)
# Nouns that make a religion's word the start of an organisation's name ("Muslim Brotherhood")
_BODY_NOUNS = frozenset(("Brotherhood", "League", "Brothers", "Youth", "Relief", "Aid"))
# fmt: on
_LIST_GAP = re.compile(r"(?:,| and|, and|, or| or) ?")
_SMALL = frozenset(("of", "the", "for", "and", "in", "on", "al", "el", "de", "du", "des", "la"))
_PEOPLE_ADJECTIVE = ("ish", "i", "ic", "ian", "an")


def repair(text: str, found: list[Found]) -> list[Found]:
    """The mentions with the repairs above; a listed organisation's span is left as it is."""
    for m in found:
        _trim_org(text, m)
    found = [m for m in found if not _is_people(text, m)]
    found = _split_prefixed(text, found)
    found = _join_particles(text, found)
    found = _split_route_pairs(text, found)
    found = _merge_owned(text, found)
    found = _feature_of(text, found)
    found = _coordinated_heads(text, found)
    found = place_forms.repair(text, found)
    _list_places(text, found)
    found += _acronyms(text, found)
    found.sort(key=lambda m: m.start)
    return found


def _is_people(text: str, m: Found) -> bool:
    """ "Kurdish militants", "armed Nuer youth": one word naming a people is no organisation
    or person (data/peoples.tsv; the adjective made from it too), nor a place where it
    qualifies a people's noun ("Tuareg rebels")."""
    word = text[m.start : m.end]
    if m.type == "PLACE" and m.rank <= 1 and " " not in word and _PEOPLE_NOUN.match(text, m.end):
        every, _ = demonyms.peoples()
        return word in every  # "Tuareg rebels", "a group of Amhara fighters"
    if m.type not in ("ORG", "PERSON") or not _unlisted(word, m):
        return False
    first, _, rest = word.partition(" ")
    if first in _ADVERBS and rest and demonyms.is_people(rest):
        return True  # "Mostly Christian militias"
    if " " in word or (m.type == "PERSON" and given_names.is_given_name(word)):
        return False
    if demonyms.is_people(word):
        return True
    return any(
        word.endswith(end) and demonyms.is_people(word[: -len(end)])
        for end in _PEOPLE_ADJECTIVE
        if len(word) > len(end) + 2
    )


def _unlisted(surface: str, m: Found) -> bool:
    """Whether a mention is the model's or a pattern's, not a listed organisation's."""
    return m.rank < 3 or not m.key or m.key == "org:" + surface.lower()


def _trim_org(text: str, m: Found) -> None:
    if m.type != "ORG":
        return
    if text.endswith(" group", m.start, m.end) and m.end - m.start > 8:
        m.end -= len(" group")  # "the Islamic State group"
    surface = text[m.start : m.end]
    if surface.startswith("The ") and bodies.known_key(surface) is None and _unlisted(surface, m):
        m.start += 4  # "The Tehrik-i-Taliban Pakistan (TTP) claimed ..." opening a sentence
        m.key = "org:" + surface[4:].lower() if m.key else ""
        surface = surface[4:]
    first, _, rest = surface.partition(" ")
    if (
        first in _RELIGIONS
        and rest[:1].isupper()
        and _unlisted(surface, m)
        and rest.split()[-1] not in labels.ORG_WORDS | _BODY_NOUNS
    ):
        m.start += len(first) + 1  # "predominantly Muslim Seleka rebels"
        m.key = "org:" + rest.lower() if m.key else ""


def _split_prefixed(text: str, found: list[Found]) -> list[Found]:
    out = []
    for m in found:
        hit = _PREFIXED.match(text, m.start, m.end)
        if hit is None or not _unlisted(text[m.start : m.end], m):
            out.append(m)
            continue
        name = hit["name"]
        m.start = hit.end()
        if m.key:
            m.key = "org:" + text[m.start : m.end].lower()
        out.append(m)
        if gazetteer.lookup(name) is not None and not demonyms.is_people(name):
            out.append(Found(hit.start(), hit.start() + len(name), "PLACE", 1))
    return out


# A person's name goes on past a middle initial ("Jonathan Binsar" + "P. Sianipar") and past
# the Arabic and Berber word for "son of" ("Najem Ould Ed'Dia", "Hamza bin Laden").
_MIDDLE_INITIAL = re.compile(r"[A-Z]\. [A-Z]")
_SON_OF = re.compile(r" (?:Ould|ould|bin|ibn|Ibn|ben|wad|ag)$")
_NEXT_NAME = re.compile(r" [A-Z][\w'’]*[a-z]")


def _join_particles(text: str, found: list[Found]) -> list[Found]:
    """ "Mocimboa" + " da " + "Praia" -> "Mocimboa da Praia"; "Norte de" + "Santander";
    "Jammu" + " and " + "Kashmir", a place the gazetteer knows whole."""
    out: list[Found] = []
    for m in found:
        if out and out[-1].type == "PERSON" and out[-1].rank < 3:
            prev = out[-1]
            if _SON_OF.search(text, prev.start, prev.end):
                name = _NEXT_NAME.match(text, prev.end)
                if name is not None:
                    prev.end = max(prev.end, name.end())
                if m.start < prev.end:
                    continue
            elif (
                m.type == "PERSON"
                and text[prev.end : m.start] == " "
                and _MIDDLE_INITIAL.match(text, m.start)
            ):
                out[-1] = Found(prev.start, m.end, "PERSON", max(prev.rank, m.rank))
                continue
        if out:
            prev = out[-1]
            gap = text[prev.end : m.start]
            inside = text[prev.start : prev.end]
            particle = _PARTICLE.fullmatch(gap + " ") if gap else None
            ends_with = re.search(r" (?:da|de|do|dos|das|del|di|du)$", inside) and gap == " "
            if (
                (gap == " and " or (gap == " " and inside.endswith(" and")))
                and prev.type == m.type == "PLACE"
                and max(prev.rank, m.rank) < 3
                and gazetteer.lookup(text[prev.start : m.end]) is not None
            ):  # "Jammu and Kashmir", "Bosnia and Herzegovina": one place the gazetteer knows
                out[-1] = Found(prev.start, m.end, "PLACE", max(prev.rank, m.rank))
                continue
            if (particle or ends_with) and max(prev.rank, m.rank) < 3:
                kinds = {prev.type, m.type}
                whole = text[prev.start : m.end]
                if "PLACE" in kinds or gazetteer.lookup(whole) is not None:
                    kind = "PLACE"
                elif kinds == {"PERSON"}:
                    kind = "PERSON"
                else:
                    kind = ""
                if kind:
                    out[-1] = Found(prev.start, m.end, kind, max(prev.rank, m.rank))
                    continue
        out.append(m)
    return out


def _split_route_pairs(text: str, found: list[Found]) -> list[Found]:
    out = []
    for m in found:
        surface = text[m.start : m.end]
        named = _ROUTE_NAMED.search(surface)
        if named is not None:
            surface = surface[: named.start()]
        if (
            m.rank >= 3
            or not _PAIR.fullmatch(surface)
            or (named is None and not _ROUTE_AFTER.match(text, m.end))
            or gazetteer.lookup(surface) is not None
        ):
            out.append(m)
            continue
        first, second = surface.split("-", 1)
        for start, word in ((m.start, first), (m.start + len(first) + 1, second)):
            if not demonyms.is_nationality(word):
                out.append(Found(start, start + len(word), "PLACE", 2))
    return out


def _merge_owned(text: str, found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None:
            gap = text[prev.end : m.start]
            before, after = text[prev.start : prev.end], text[m.start : m.end]
            owned = (
                prev.type == "PLACE"
                and m.type == "ORG"
                and gap in ("’s ", "'s ")
                and _is_state(before)
                and (_is_state_body(after) or bodies.owned_through(before, after))
            )
            of_state = (
                prev.type == "ORG"
                and m.type == "PLACE"
                and gap in (" of ", " of the ")
                and _headed(before)
                and _is_state(after)
            )
            if owned or of_state:
                org = m if owned else prev
                out[-1] = Found(prev.start, m.end, "ORG", max(prev.rank, m.rank), org.key)
                continue
        out.append(m)
    for i, m in enumerate(out):  # "the Ministry of Defense of Armenia", Armenia not yet found
        hit = _OF_NAME.match(text, m.end) if m.type == "ORG" else None
        if (
            hit is not None
            and _headed(text[m.start : m.end])
            and _is_state(hit["name"])
            and not any(o.start < hit.end() and hit.start() < o.end for o in out)
        ):
            out[i] = Found(m.start, hit.end(), "ORG", m.rank, m.key)
    return out


_FEATURE_OF = re.compile(
    r"(?<![\w-])(?:Gulf|Bay|Strait|Straits|Sea|Lake|Isle|Island|Horn|Cape|Gulf) of (?:the )?$"
)
_OF_NAME = re.compile(r" of (?:the )?(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?![\w'’-])")
_COORDINATED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+ and $")


def _feature_of(text: str, found: list[Found]) -> list[Found]:
    out: list[Found] = []
    for m in found:
        hit = _FEATURE_OF.search(text, max(0, m.start - 20), m.start) if m.type == "PLACE" else None
        if hit is not None:
            out = [o for o in out if o.end <= hit.start()]
            out.append(Found(hit.start(), m.end, "PLACE", max(m.rank, 1)))
            continue
        out.append(m)
    return out


def _coordinated_heads(text: str, found: list[Found]) -> list[Found]:
    ends = {m.end for m in found}
    for m in found:
        if m.type != "ORG" or text[m.start : m.end].split()[-1] not in labels.ORG_WORDS:
            continue
        hit = _COORDINATED.search(text, max(0, m.start - 30), m.start)
        if hit is None or hit.group().split()[0] in ("The", "And") or hit.start() in ends:
            continue
        if any(o.start <= hit.start() < o.end for o in found):
            continue
        m.start = hit.start()
        if m.key:
            m.key = "org:" + text[m.start : m.end].lower()
    return found


def _headed(surface: str) -> bool:
    """An organisation's name that ends in its kind ("Communist Party") or is a state body
    ("Ministry of Defense")."""
    return surface.split()[-1] in labels.ORG_WORDS or _is_state_body(surface)


def _is_state(surface: str) -> bool:
    place = gazetteer.lookup(surface)
    return place is not None and place.kind != "city"


def _is_state_body(surface: str) -> bool:
    """ "Ministry of National Defence", "National Police": a body of state/state_bodies.tsv
    lists, in any of its spellings."""
    lower = surface.lower()
    return lower in names.bodies() or lower.removeprefix("national ") in names.bodies()


def _list_places(text: str, found: list[Found]) -> None:
    """Names listed with places are places: a run of mentions separated only by commas and
    "and", at least two of them places, turns the model's other one-word names into places."""
    run: list[Found] = []

    def settle() -> None:
        places = sum(1 for r in run if r.type == "PLACE")
        if len(run) >= 3 and places >= 2:
            for r in run:
                word = text[r.start : r.end]
                if (
                    (r.type == "PERSON" or places >= 3)
                    and r.rank <= 1
                    and not r.key
                    and " " not in word
                    and not given_names.is_given_name(word)
                ):
                    r.type = "PLACE"

    for m in found:
        if run and _LIST_GAP.fullmatch(text[run[-1].end : m.start]):
            run.append(m)
            continue
        settle()
        run = [m]
    settle()


def _acronyms(text: str, found: list[Found]) -> list[Found]:
    initials: dict[str, Found] = {}
    for m in found:
        if m.type != "ORG":
            continue
        words = [w for w in re.split(r"[\s-]+", text[m.start : m.end]) if w]
        caps = [w for w in words if w not in _SMALL]
        bodylike = m.key or m.rank >= 2 or any(w in labels.ORG_WORDS for w in caps)
        if len(caps) >= 3 and bodylike and all(w[0].isupper() for w in caps):
            initials.setdefault("".join(w[0] for w in caps), m)
    if not initials:
        return []
    taken = {(m.start, m.end): m for m in found}
    extra = []
    for hit in re.finditer(r"(?<![\w-])([A-Z]{2,6})(s?|-[A-Z]{1,3})(?![\w-])", text):
        org = initials.get(hit[1])
        if org is None:
            continue
        start, end = hit.start(), hit.end()
        key, name = (org.key, org.name) if len(hit[2]) < 2 else ("org:" + hit[0].lower(), "")
        same = taken.get((start, end))  # "SPLA-IO": a faction of the SPLA, its own name
        if same is not None:
            if same.rank <= 1 and not same.key:  # one entity with its full name
                same.type, same.key, same.name = "ORG", key, name
            continue
        if any(m.start < end and start < m.end for m in found):
            continue
        extra.append(Found(start, end, "ORG", 2, key, name))
    return extra
