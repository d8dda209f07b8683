"""What kind of event a report tells: its weapon and what was hit, from its title and first
paragraph, by the families of data/event_kinds.tsv.

Reports of one city in the same days are often two events (a missile on an apartment block,
then a drone on a bus the next morning); the grouping reads these kinds to keep them apart when
both reports name them and they share none. A report that names no weapon (or no target)
agrees with any: headlines that lead with a denial or a toll often name neither.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from tui.core.tables import read_rows

_WORD = re.compile(r"[a-z\u00e0-\u024f][a-z\u00e0-\u024f-]*|[,;:.!?()\u2013\u2014]")
CLASSES = ("weapon", "target", "country")
# Two reports of one town may each name only their own side's state ("Russia says it captured
# the village" / "Kyiv denies its loss"): countries tell events apart only where no town does.
IN_ONE_TOWN = ("weapon", "target")
# Kinds of one event type of the datasets the table follows (ACLED's "air/drone strike"): an
# outlet calls a drone's strike an air strike ("Ankara claims air strike" / "Turkish drone hits
# car"), so the two never disagree; so are shelling and a missile attack (ACLED's
# "shelling/artillery/missile attack", fourteenth pass): outlets call one barrage of artillery
# rockets "rockets" and "shelling" ("Cambodian rockets kill six" / "Cambodia denies shelling").
_ONE_TYPE = {"weapon:drone": "weapon:air", "weapon:shelling": "weapon:missile"}
# A headline's verbs of saying: a target word before one, within three words, names who
# speaks, not what was hit ("Papua church says villagers killed", "Hospital staff say ..."),
# as a place before one does (placenames.speaker_spans). Twelfth pass.
_SAYS = frozenset(("says", "say", "denies", "deny", "accuses", "accuse", "insists", "warns",
                   "blames", "confirms"))  # fmt: skip


@functools.cache
def table() -> dict[str, str]:
    """Word or underscore-joined phrase -> "class:kind"."""
    found = {}
    for klass, kind, words in _rows():
        for word in words.split():
            if klass != "user":
                found.setdefault(word, f"{klass}:{kind}")
    return found


@functools.cache
def users() -> frozenset[str]:
    """Words for who works, makes or keeps a weapon (class user of the table)."""
    return frozenset(w for klass, _, words in _rows() if klass == "user" for w in words.split())


def _rows() -> tuple[tuple[str, ...], ...]:
    return read_rows(Path(__file__).with_name("data") / "event_kinds.tsv")


def event_kinds(text: str) -> tuple[str, ...]:
    """The kinds ("weapon:drone", "target:vehicle") the words of `text` name, sorted."""
    words = _WORD.findall(text.casefold())
    known = table()
    found = set()
    i = 0
    while i < len(words):
        phrase = f"{words[i]}_{words[i + 1]}" if i + 1 < len(words) else ""
        if phrase in known:  # "car bomb" is a weapon, not a car that was hit
            if not known[phrase].startswith("none:"):  # "port city" names no target
                found.add(known[phrase])
            i += 2
            continue
        kind = known.get(words[i], "")
        if kind.startswith("weapon:") and words[i + 1 : i + 2] and words[i + 1] in users():
            kind = ""  # "drone operators", "a missile factory": no weapon that struck
        if kind.startswith("target:") and _speaks(words, i):
            kind = ""  # "Papua church says ...": who speaks
        if kind:
            found.add(kind)
        i += 1
    return tuple(sorted(found))


def _speaks(words: list[str], i: int) -> bool:
    """Whether the word at i names who speaks: a verb of saying follows within three words,
    none of which names a kind ("church leaders say", not "market strike: officials say")."""
    for word in words[i + 1 : i + 4]:
        if word in _SAYS:
            return True
        if word in table() or not word[0].isalpha():
            return False
    return False


def disagree(
    mine: tuple[str, ...] | set[str],
    theirs: set[str] | dict[str, int],
    classes: tuple[str, ...] = CLASSES,
) -> int:
    """In how many of `classes` two sets of kinds both name kinds and share none (0: they
    agree)."""
    found = 0
    for klass in classes:
        a = {_ONE_TYPE.get(k, k) for k in mine if k.startswith(klass)}
        b = {_ONE_TYPE.get(k, k) for k in theirs if k.startswith(klass)}
        if a and b and not a & b:
            found += 1
    return found
