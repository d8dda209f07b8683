"""A person named behind a title in a source phrase the entity rules did not read as a person.

A rank, an honorific or an office written as a title (data/source_titles.txt: "Lt. Col",
"General", "Mayor", "Commodore") and two or more capitalised words after it name a person,
whatever the words around them: "Lt. Col X Y, <force> spokesman", "A Sudanese army
representative, General X Y Z", "Mayor X Y of nearby Z". The name ends at a comma, a
possessive, or "of"/"in"/"at" (the place or the body the holder belongs to); it is no name when
it is a country, a group, a state body or a kind of group ("General Command").
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import describe, names, sides

_WORD = r"[A-Z][\w'’.-]*"
_INNER = r"(?:[A-Z][\w'’.-]*|(?:al|el)-\w+|bin|ibn|de|da|van|von)"  # "Omar al-Beshir"
# A title word, then the capitalised words after it (a lookahead: titles may follow each other).
_TITLED_RE = re.compile(
    r"(?P<title>\b[A-Za-z][\w-]*\.?)(?=\s+(?P<name>" + _WORD + r"(?:\s+" + _INNER + r")+))"
)
# A word before the title that makes the titled name a complement, not the source itself.
_GOVERNED_RE = re.compile(
    r"(?i)\b(?:to|of|for|by|with|under|against|from|behind|near|than|loyal|backed|led|allied|"
    r"close|opposed|linked)\b"
)
# Where the holder's own name ends: "of nearby Tanhuato", "in Naples", "at the ministry".
_AFTER_NAME_RE = re.compile(r"\s+(?:of|in|at|from)\s.*$")


def holder(phrase: str, person: str) -> str:
    """The person `phrase` names: `person` as found, else the one a title introduces; also
    that one where `person` is only the place or body after the name ("Mayor X Y of nearby
    Z": not "Z")."""
    titled = _person(phrase)
    if not person or not titled or person in titled or titled in person:
        return person or titled
    after = re.search(r"\b(?:of|in|at|from)\b.*" + re.escape(person), phrase)
    return titled if after and after.start() > phrase.find(titled) >= 0 else person


def _person(phrase: str) -> str:
    """The person a title in `phrase` introduces ("" when none): the name without the title."""
    for part in re.split(r"[,;(]", phrase):
        part = _AFTER_NAME_RE.sub("", part.strip())
        for m in _TITLED_RE.finditer(part):
            if m.group("title").lower().rstrip(".") not in names.titles():
                continue
            if _GOVERNED_RE.search(part[: m.start()]):
                break  # "rebels loyal to former vice president X Y": the rebels, not X Y
            if m.group("name").endswith(("'s", "’s", "s'")):
                break  # "General Command's": an owner, not a holder
            found = names.person(part[m.start() :])
            if len(found.split()) >= 2 and _is_name(found):
                return found
            break
    return ""


def _is_name(name: str) -> bool:
    """Not a country, a group, a state body or a kind of group written in capitals."""
    if sides.country(name) is not None or sides.group(name) is not None:
        return False
    if names.body(name) is not None or describe.KIND_AFTER_RE.search(" " + name.lower()):
        return False
    return not any(w.isupper() and len(w) > 1 for w in name.split())
