"""Repairs to the resolved mentions where the model cut, joined or typed a name against the
patterns English (and the languages it borrows place names from) names things by.

Each repair is a family that holds beyond the articles it was found in (bench/README.md,
"Fifth pass"):

- a name in a Romance language joined by its particle is one name ("Mocimboa da Praia",
  "Norte de Santander"), a place when either half is one;
- two names joined by a hyphen before a road, a border or a front line are two places ("the
  Kumba-Mbonge road"), a nationality among them none ("the Armenian-Nakhchivan border");
- a name before "-based", "-dominated", "-held" ... is a name of its own, not the start of the
  next one ("Britain-based Syrian Observatory", "Kuki-dominated Kangpokpi");
- "group" after an organisation's name is no part of it ("the Islamic State group"), nor a
  people or a religion before it ("Muslim Seleka rebels"); a people alone is no organisation
  ("Kurdish militants", "armed Nuer youth");
- in a list of places ("Aleppo, Hama, and Latakia"), a name the model typed otherwise is a
  place too, when nothing in it says person;
- an acronym made of the initials of an organisation named in the same article is that
  organisation ("the New People's Army ... the NPA", "NPAs").
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import demonyms, gazetteer, given_names
from tui.pipeline.analyze.grouping import Found

_PARTICLE = re.compile(r" (?:da|de|do|dos|das|del|della|di|du|des|de la|de los|de las) (?=[A-Z])")
_NAME_WORDS = re.compile(r"[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2}")
_ROUTE_AFTER = re.compile(
    r" (?:road|highway|motorway|axis|route|corridor|stretch|railway|rail line|pipeline|border"
    r"|frontier|front line|frontline|boundary|crossing)\b"
)
_PAIR = re.compile(r"[A-ZÀ-Ý][\w'’]+-[A-ZÀ-Ý][\w'’]+")
_PREFIXED = re.compile(
    r"(?P<name>[A-ZÀ-Ý][\w'’.]*)-(?:based|dominated|held|controlled|led|backed|run|majority"
    r"|populated|occupied|allied|aligned|linked|affiliated|funded|supported|sponsored|born) "
    r"(?=[A-ZÀ-Ý])"
)
_RELIGIONS = frozenset(
    (
        "Muslim",
        "Christian",
        "Sunni",
        "Shia",
        "Shiite",
        "Shi'ite",
        "Jewish",
        "Hindu",
        "Buddhist",
        "Catholic",
        "Protestant",
        "Orthodox",
        "Mostly",
        "Predominantly",
        "Largely",
        "Mainly",
    )
)
_LIST_GAP = re.compile(r"(?:,| and|, and|, or| or) ?")
_SMALL = frozenset(("of", "the", "for", "and", "in", "on", "al", "el", "de", "du", "des", "la"))
_PEOPLE_ADJECTIVE = ("ish", "i", "ic", "ian", "an")


def repair(text: str, found: list[Found]) -> list[Found]:
    """The mentions with the repairs above; ruled mentions (rank 3) are left as they are."""
    for m in found:
        _trim_org(text, m)
    found = [m for m in found if not _is_people(text, m)]
    found = _split_prefixed(text, found)
    found = _join_particles(text, found)
    found = _split_route_pairs(text, found)
    _list_places(text, found)
    found += _acronyms(text, found)
    found.sort(key=lambda m: m.start)
    return found


def _is_people(text: str, m: Found) -> bool:
    """ "Kurdish militants", "armed Nuer youth": one word naming a people is no organisation
    or person (data/peoples.tsv; the adjective made from it too)."""
    word = text[m.start : m.end]
    if m.type not in ("ORG", "PERSON") or not _unlisted(word, m):
        return False
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
    first, _, rest = surface.partition(" ")
    if first in _RELIGIONS and rest[:1].isupper() and _unlisted(surface, m):
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
        if gazetteer.lookup(name) is not None and not demonyms.is_nationality(name):
            out.append(Found(hit.start(), hit.start() + len(name), "PLACE", 1))
    return out


def _join_particles(text: str, found: list[Found]) -> list[Found]:
    """ "Mocimboa" + " da " + "Praia" -> "Mocimboa da Praia"; "Norte de" + "Santander"."""
    out: list[Found] = []
    for m in found:
        if out:
            prev = out[-1]
            gap = text[prev.end : m.start]
            inside = text[prev.start : prev.end]
            particle = _PARTICLE.fullmatch(gap + " ") if gap else None
            ends_with = re.search(r" (?:da|de|do|dos|das|del|di|du)$", inside) and gap == " "
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
        if (
            m.rank >= 3
            or not _PAIR.fullmatch(surface)
            or not _ROUTE_AFTER.match(text, m.end)
            or gazetteer.lookup(surface) is not None
        ):
            out.append(m)
            continue
        first, second = surface.split("-", 1)
        for start, word in ((m.start, first), (m.start + len(first) + 1, second)):
            if not demonyms.is_nationality(word):
                out.append(Found(start, start + len(word), "PLACE", 2))
    return out


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
                    r.type != "PLACE"
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
        if len(caps) >= 2 and all(w[0].isupper() for w in caps):
            initials.setdefault("".join(w[0] for w in caps), m)
    if not initials:
        return []
    taken = {(m.start, m.end): m for m in found}
    extra = []
    for hit in re.finditer(r"(?<![\w-])([A-Z]{2,6})(s?)(?![\w-])", text):
        org = initials.get(hit[1])
        if org is None:
            continue
        start, end = hit.start(), hit.end()
        same = taken.get((start, end))
        if same is not None:
            if same.type != "ORG" and same.rank <= 1:
                same.type, same.key = "ORG", org.key
            continue
        if any(m.start < end and start < m.end for m in found):
            continue
        extra.append(Found(start, end, "ORG", 2, org.key, org.name))
    return extra
