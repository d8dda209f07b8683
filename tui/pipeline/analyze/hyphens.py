"""Names that hyphens join or that run into one another, as the model's spans cut them.

The small model stops a name at a hyphen ("Canapé" of "Canapé-Vert"), joins two names into
one ("Israel-Hamas" is Israel and Hamas), finds a place inside a longer hyphenated one
("Karabakh" of "Nagorno-Karabakh"), and runs a byline's last name into the outlet after it
("Iyad Abuheweila New York Times"). These functions say where such names begin and end.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import aliases, bodies, gazetteer, given_names, labels

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
