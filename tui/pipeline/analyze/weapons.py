"""Weapon systems named in war reporting, found by pattern: the model has no WEAPON type.

Two kinds of name. Distinctive ones (HIMARS, Iskander-M, Shahed-136, S-400, Su-34) are found
wherever they stand. Ordinary words that are also weapons (Patriot, Grad, Lancet, Leopard,
Javelin, Tornado) count only when a weapon noun follows ("Patriot air defence systems",
"Grad rockets", "Lancet drones") or when a model number makes them unambiguous
("Leopard 2", "Challenger 2", "Lancet-3").

The mention covers the name and a plural "s" ("Shaheds", "F-16s"); the generic noun after it
is not part of the name. `name` is the canonical spelling: the table's own casing
("Himars" -> "HIMARS"), a plain hyphen, no plural.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class WeaponMention(NamedTuple):
    start: int
    end: int
    name: str


# Distinctive names, one regex alternative each; written in their canonical casing.
# fmt: off
_DISTINCT = (
    r"HIMARS", r"ATACMS", r"GMLRS", r"NASAMS", r"IRIS-T(?: SLM)?", r"THAAD", r"NLAW",
    r"JDAM(?:-ER)?", r"GLSDB", r"MLRS", r"Iskander(?:-[MK])?", r"Kinzhal", r"Kalibr", r"Oniks",
    r"Tsirkon", r"Zircon", r"Shahed(?:-[0-9]{3})?(?! [A-Z][a-z])", r"Geran-[0-9]", r"Gerbera",
    r"Storm Shadow", r"SCALP(?:-EG)?", r"Bayraktar(?: TB2| Akinci)?", r"TB2", r"Akinci",
    r"Tochka(?:-U)?", r"Smerch",
    r"Uragan", r"Tornado-[SG]", r"Pantsir(?:-S1)?", r"Buk-M[0-9]", r"Tor-M[0-9]", r"Krasnopol",
    r"Orlan-10", r"Iron Dome", r"Iron Beam", r"David's Sling", r"Arrow [23]", r"Scud",
    r"Hwasong-[0-9]{1,2}", r"Fateh-[0-9]{3}", r"Kheibar Shekan", r"Sejjil", r"Zolfaghar", r"M777",
    r"M142", r"M270", r"PzH 2000", r"Leopard [12](?:A[0-9]{1,2})?", r"Challenger [23]",
    r"M1 Abrams", r"M2 Bradley", r"MQ-9(?: Reaper)?", r"Lancet-3", r"Switchblade [0-9]{3}",
    r"Kh-[0-9]{2,3}(?:[A-Z]{1,2})?", r"S-[2345]00(?:[A-Z0-9]{1,3})?",
    r"T-(?:55|62|64|72|80|84|90)(?:[A-Z]{1,3}[0-9]?)?", r"BMP-[123]", r"BTR-[0-9]{2,3}",
    r"BMD-[1-4]", r"BM-(?:21|27|30)", r"Su-(?:24|25|27|30|34|35|57)(?:[A-Z]{1,2})?",
    r"MiG-(?:29|31)(?:[A-Z]{1,2})?", r"Tu-(?:22M3|95(?:MS)?|160)", r"Ka-52", r"Mi-(?:8|24|28)",
    r"F-(?:15|16|18|22|35)(?:[A-Z])?", r"F/A-18", r"A-10", r"B-52", r"FAB-[0-9]{3,4}",
    r"KAB-[0-9]{3,4}",
)
# fmt: on
# Common words or names that are weapons only before a weapon noun.
# fmt: off
_AMBIGUOUS = (
    r"Patriot", r"Grad", r"Lancet", r"Leopard", r"Javelin", r"Stinger", r"Switchblade", r"Abrams",
    r"Bradley", r"Marder", r"Stryker", r"Gepard", r"Caesar", r"Krab", r"Archer", r"Excalibur",
    r"Tomahawk", r"Harpoon", r"Neptune", r"Taurus", r"Hellfire", r"Buk", r"Tor", r"Tornado",
    r"Reaper", r"Predator", r"Mavic", r"Geran",
)
# fmt: on
_NOUNS = (
    r"missiles?|rockets?|(?:air[- ]defen[cs]e |missile |launch |weapons? )?systems?|launchers?"
    r"|batter(?:y|ies)|interceptors?|air[- ]defen[cs]es?|(?:main battle |battle )?tanks?"
    r"|drones?|loitering munitions?|munitions?|howitzers?|artillery|guns?"
    r"|(?:infantry |armou?red )?(?:fighting )?vehicles?|IFVs?|APCs?|(?:fighter )?jets?|fighters?"
    r"|helicopters?|bombs?|shells?|rounds?|cruise|ballistic|anti-(?:tank|aircraft|ship)"
    r"|surface-to-air|multiple[- ]rocket|MLRS|SAMs?|units?"
)
_NAME_CHARS = r"A-Za-z0-9"
_DISTINCT_RE = re.compile(
    rf"(?<![{_NAME_CHARS}-])(?P<name>{'|'.join(_DISTINCT)})(?P<plural>s)?(?![{_NAME_CHARS}-])"
)
_AMBIGUOUS_RE = re.compile(
    rf"(?<![{_NAME_CHARS}-])(?P<name>{'|'.join(_AMBIGUOUS)})(?P<plural>s)?"
    rf"(?=(?:[ -](?:{_NOUNS}))(?![A-Za-z]))"
)
_CANONICAL = {
    alt.upper(): alt
    for alt in ("HIMARS", "ATACMS", "GMLRS", "NASAMS", "NLAW", "JDAM", "GLSDB", "THAAD")
}
_FOLDED = re.compile(r"\b(Himars|Atacms|Nasams|Gmlrs|Nlaw|Jdam|Glsdb|Thaad)(s)?\b")


def find_weapons(text: str) -> list[WeaponMention]:
    """Every weapon-system mention in `text`, in order, without overlaps."""
    found: list[WeaponMention] = []
    for regex in (_DISTINCT_RE, _AMBIGUOUS_RE, _FOLDED):
        for match in regex.finditer(text):
            name = match.group(1)
            end = match.end(2) if match.group(2) else match.end(1)
            found.append(WeaponMention(match.start(1), end, _canonical(name)))
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[WeaponMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


# Short names that stand for one system only: "the TB2" is the Bayraktar TB2.
_FULL_NAMES = {"TB2": "Bayraktar TB2"}


def _canonical(name: str) -> str:
    name = _CANONICAL.get(name.upper(), name)
    return _FULL_NAMES.get(name, name)
