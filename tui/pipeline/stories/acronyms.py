"""Acronyms of speakers (sources.py): the one a body goes by, its name's initials, and the one
a story's copy declares for a name in parentheses.

Outlets name one armed group or agency by its full name in one report and by its acronym in the
next; the acronym is often of a name in another language ("the West Papua National Liberation
Army (TPNPB)", "the Democratic Forces for the Liberation of Rwanda (FDLR)"), so its letters are
not the English initials. Copy that introduces an acronym writes it in parentheses after the
name: within one story that declaration makes the name and the acronym one speaker (twelfth
pass). Known acronyms of names in other languages are lexicon.ACRONYMS.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from tui.pipeline.stories import lexicon
from tui.pipeline.stories.countries import country_of

_ARTICLES = frozenset(("the", "a", "an"))
_LINKS = frozenset(("of", "for", "in", "at", "and", "on", "to", "the"))
_DECLARED = re.compile(r"\(([A-Z][A-Z0-9]{1,9})\)")
_TOKEN = re.compile(r"[\w'’.-]+")
_NAMES = {a: tuple(n.replace("'s", "") for n in ns) for a, ns in lexicon.ACRONYMS.items()}


def is_acronym(token: str) -> bool:
    """ "RSF", "JNIM", and the letters-and-digits names of armed groups ("M23")."""
    bare = token.removesuffix("'s")
    return len(bare) >= 2 and bare.isupper() and bare.isalnum() and bare[:1].isalpha()


def acronym_of(tokens: list[str]) -> str | None:
    """The acronym a body goes by: the one its name is known for, else its last own acronym
    ("the United Nations humanitarian office OCHA" -> OCHA)."""
    plain = " ".join(t.casefold().removesuffix("'s") for t in tokens if t not in _ARTICLES)
    for acronym, names in _NAMES.items():  # possessives dropped on both sides
        if any(plain == n or plain.endswith(" " + n) for n in names):
            return acronym
    for token in reversed(tokens):
        bare = token.removesuffix("'s")
        if is_acronym(bare) and country_of(bare) is None:
            return bare
    return None


def by_initials(initials: str, keys: Counter[str]) -> str | None:
    """The acronym key that a name's initials spell, or hold (3 letters or more), or spell in
    another order (`_reordered`)."""
    if len(initials) < 2:
        return None
    found = {
        k
        for k in keys
        if k.startswith("org:")
        and k[4:].isupper()
        and (
            k[4:] == initials
            or (len(k) >= 7 and k[4:] in initials)
            or _reordered(k[4:], initials)
        )
    }
    return found.pop() if len(found) == 1 else None


def _reordered(acronym: str, initials: str) -> bool:
    """The initials of a name in another word order, as the body's own language or an older
    name orders them ("the Democratic Party of Iranian Kurdistan" for the KDPI, the Kurdistan
    Democratic Party of Iran): the same letters, three at least, with no digit."""
    return len(acronym) >= 3 and acronym.isalpha() and sorted(acronym) == sorted(initials)


def declared(texts: Iterable[str]) -> dict[str, str]:
    """Name as written -> the acronym the texts declare for it in parentheses: the run of
    capitalised words (and the small words between them) just before "(TPNPB)", from each of
    its capitals (two at least, no country). A name given two acronyms declares neither."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for match in _DECLARED.finditer(text):
            words = _TOKEN.findall(text[max(0, match.start() - 120) : match.start()])
            name: list[str] = []
            for word in reversed(words):
                if word[:1].isupper() or (name and word.casefold() in _LINKS):
                    name.insert(0, word)
                else:
                    break
            for start, word in enumerate(name):  # "Fighters of the West Papua ...": from
                tail = name[start:]  # each capital, the run's first word may open a sentence
                capitals = sum(w[:1].isupper() for w in tail)
                if word[:1].isupper() and capitals >= 2 and country_of(" ".join(tail)) is None:
                    found.setdefault(" ".join(tail), set()).add(match.group(1))
    return {name: next(iter(acr)) for name, acr in found.items() if len(acr) == 1}
