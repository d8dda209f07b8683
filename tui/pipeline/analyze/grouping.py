"""From mentions to entities: one type per name, names found again, aliases merged.

- `harmonise`: a surface gets one type in a document (the model may call "Kharkiv" a place
  three times and an organisation once), and a lone surname takes the type of the full name
  it belongs to ("Simmons" after "Phil Simmons").
- `propagate`: a name found once is found everywhere it recurs, where the model missed it.
- `group_mentions`: mentions merge by alias key (aliases.py) into Entities with a canonical
  name: the fullest form of a person's name, a place's modern spelling, the longest form of
  an organisation or weapon.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from tui.core.models import Entity
from tui.pipeline.analyze import aliases, gazetteer
from tui.pipeline.analyze.demonyms import country_of

_TYPE_ORDER = {"PERSON": 0, "PLACE": 1, "ORG": 2, "WEAPON": 3}
_PROPAGATE_RANK = -1
# fmt: off
_NOT_NAMES = frozenset((
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Mr",
    "Mrs", "Ms", "Dr",
))
# fmt: on


@dataclass(slots=True)
class Found:
    """A mention on its way to an entity. `rank` says how much to trust its type."""

    start: int
    end: int
    type: str
    rank: int
    key: str = ""  # alias key given by a rule (weapons, ministries, units)
    name: str = ""  # canonical name given by a rule


def harmonise(text: str, found: list[Found]) -> list[Found]:
    """One type per surface; a surname alone takes its full name's type."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in found:
        votes[text[m.start : m.end]][m.type] += 1 + 2 * m.rank
    # What a rule found a surface to be, it is wherever the model saw it in the document
    # ("Neptune missiles" makes a lone "Neptune" a weapon, "analysed by Frontline Wire" makes
    # "told Frontline Wire" an organisation).
    ruled = {text[m.start : m.end]: m.type for m in found if m.key and m.rank >= 2}
    surnames: dict[str, str] = {}
    for m in found:
        words = aliases.person_parts(text[m.start : m.end])
        if m.type == "PERSON" and len(words) >= 2:
            for part in _name_parts(words):
                surnames.setdefault(part, "PERSON")
        if m.type == "PERSON":  # Joaquin "El Chapo" Guzman: "El Chapo" alone is he
            for nickname in _NICKNAME.findall(text, m.start, m.end):
                surnames.setdefault(nickname, "PERSON")
    for m in found:
        if m.key:
            continue  # rule mentions keep their type
        surface = text[m.start : m.end]
        if m.rank <= 1 and surface in ruled:
            m.type = ruled[surface]
            continue
        if m.rank <= 1 and surface in surnames:
            m.type = "PERSON"  # at every mention, not only where the model disagreed
            continue
        best = votes[surface].most_common(1)[0][0]
        if m.rank <= 1:
            m.type = best
    return found


_NICKNAME = re.compile(r"(?<=\w )[\"“]([A-Z][^\"“”]{1,30})[\"”](?= \w)")


def _name_parts(words: list[str]) -> list[str]:
    """The parts of a full name that stand for it alone later: the surname, and the given name
    where news uses it so ("Abiy" for Abiy Ahmed, "Fikadu" for Fikadu Tsega), unless it is also
    a place ("Jordan", "Georgia")."""
    first = words[0]
    place = gazetteer.lookup(first, alternates=False)
    if len(first) < 3 or place is not None or country_of(first) is not None:
        return [words[-1]]
    return [words[-1], first]


def propagate(text: str, found: list[Found]) -> list[Found]:
    """Further mentions of the names already found, where nothing else was found."""
    types: dict[str, str] = {}
    for m in found:
        surface = text[m.start : m.end]
        if m.key.startswith("body:"):
            continue
        types.setdefault(surface, m.type)
        if m.type == "PERSON":
            words = aliases.person_parts(surface)
            if len(words) >= 2:
                for part in _name_parts(words):
                    types.setdefault(part, "PERSON")
    ruled = {text[m.start : m.end] for m in found if m.key}
    names = [
        n
        for n in types
        if (len(n) > 2 or (n in ruled and n.isupper())) and n not in _NOT_NAMES and n[:1].isupper()
    ]  # "AA", once the article has spelt it out ("the Arakan Army (AA)")
    if not names:
        return []
    taken = bytearray(len(text))
    for m in found:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    added = []
    for start, end, name in find_names(text, names, 0, len(text)):
        if not any(taken[start:end]):
            added.append(Found(start, end, types[name], _PROPAGATE_RANK))
    # Headlines in capitals: the same names, in capitals, on lines written in capitals.
    lines = _capital_lines(text)
    upper = {n.upper(): types[n] for n in names} if lines else {}
    for line_start, line_end in lines:
        for start, end, name in find_names(text, list(upper), line_start, line_end):
            if not any(taken[start:end]):
                added.append(Found(start, end, upper[name], _PROPAGATE_RANK))
    return added


def find_names(text: str, names: list[str], start: int, end: int) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of `names` in text[start:end]: leftmost first, the longest name
    where several start at one place, none overlapping (what a regex alternation of the
    names, longest first, would find).

    Plain `str.find` per name rather than that regex: the names differ from one article to the
    next, and compiling an alternation of a few dozen names cost more than the rest of the
    entity rules together.
    """
    hits = []
    for name in names:
        at = text.find(name, start, end)
        while at != -1:
            after = at + len(name)
            if (at == 0 or not _word_char(text[at - 1], "'’-") or _joined_before(text, at)) and (
                after == len(text) or not _word_char(text[after], "-") or _joined_after(text, after)
            ):
                hits.append((at, -len(name), name))
            at = text.find(name, at + 1, end)
    hits.sort()
    kept = []
    free_from = start
    for at, minus_length, name in hits:
        if at >= free_from:
            kept.append((at, at - minus_length, name))
            free_from = at - minus_length
    return kept


def _joined_before(text: str, at: int) -> bool:
    """A name after a hyphen that joins two names: "Hamas" in "Israel-Hamas" (not "Assad" in
    "al-Assad" or "Al-Assad")."""
    if text[at - 1] != "-":
        return False
    word_start = at - 1
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    head = text[word_start : at - 1]
    return head[:1].isupper() and head not in ("Al", "El")


def _joined_after(text: str, after: int) -> bool:
    """A name before a hyphen that joins it to a name or a word: "Israel-Hamas", "Hamas-run",
    "U.S.-led"."""
    return text[after] == "-" and text[after + 1 : after + 2].isalpha()


def _word_char(char: str, also: str) -> bool:
    """Whether `char` continues a word: what regex `\\w` matches, or one of `also`."""
    return char.isalnum() or char == "_" or char in also


def _capital_lines(text: str) -> list[tuple[int, int]]:
    lines = []
    start = 0
    for line in text.split("\n"):
        if len(line) >= 8 and line.isupper():
            lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def group_mentions(text: str, found: list[Found]) -> tuple[Entity, ...]:
    """Merge mentions by alias into entities, ordered by first mention."""
    keys = _alias_keys(text, found)
    groups: dict[str, list[Found]] = defaultdict(list)
    for m, key in zip(found, keys, strict=True):
        groups[key].append(m)
    entities = []
    for members in groups.values():
        members.sort(key=lambda m: m.start)
        kind = Counter(m.type for m in members).most_common(1)[0][0]
        mentions = tuple(sorted({(m.start, m.end) for m in members if m.end > m.start}))
        name = _canonical(text, kind, members).strip()
        if name and mentions:
            entities.append(Entity(name, kind, mentions))
    entities.sort(key=lambda e: (e.mentions[0], _TYPE_ORDER[e.type]))
    return tuple(entities)


def _title(name: str) -> str:
    return " ".join(w.title() for w in name.split())


def _alias_keys(text: str, found: list[Found]) -> list[str]:
    people = _person_keys(text, found)
    bodies = {m.key for m in found if m.key.startswith("body:")}
    # A name found again where a rule named it first ("the CSH" after "... Harbours (CSH)").
    ruled = {text[m.start : m.end]: (m.type, m.key) for m in found if m.key}
    keys = []
    for i, m in enumerate(found):
        surface = text[m.start : m.end]
        if not m.key and ruled.get(surface, ("", ""))[0] == m.type:
            keys.append(ruled[surface][1])
        elif m.key.startswith("body:?:"):
            kind = m.key.rsplit(":", 1)[1]
            known = [k for k in bodies if k.endswith(":" + kind) and ":?:" not in k]
            keys.append(known[0] if len(known) == 1 else m.key)
        elif m.key:
            keys.append(m.key)
        elif m.type == "PERSON":
            keys.append(people[i])
        elif m.type == "PLACE":
            keys.append(aliases.place_key(surface))
        else:
            keys.append(f"{m.type}:" + " ".join(surface.casefold().split()))
    return _weapon_short_forms(keys)


def _weapon_short_forms(keys: list[str]) -> list[str]:
    """A weapon named in short joins the one longer name it begins or ends ("Iskander" with
    "Iskander-M", "Akinci" with "Bayraktar Akinci"); with two candidates ("Iskander-M" and
    "Iskander-K") the short name stays on its own, since it could be either."""
    names = {k for k in keys if k.startswith("weapon:")}
    parts = {k: re.split(r"[ -]", k[7:].casefold()) for k in names}
    merged = {}
    for short in names:
        n = len(parts[short])
        longer = [
            k for k in names if len(parts[k]) > n and parts[short] in (parts[k][:n], parts[k][-n:])
        ]
        if len(longer) == 1:
            merged[short] = longer[0]
    return [merged.get(k, k) for k in keys]


def _person_keys(text: str, found: list[Found]) -> dict[int, str]:
    """Full names key themselves; a surname joins the nearest full name before it, or the
    only one it fits; a shorter full name joins a longer one that contains its words."""
    full: list[tuple[int, list[str]]] = []
    for m in found:
        if m.type == "PERSON":
            words = aliases.person_parts(text[m.start : m.end])
            if len(words) >= 2:
                full.append((m.start, words))
    longest: dict[str, list[str]] = {}
    for _, words in sorted(full, key=lambda f: -len(f[1])):
        key = " ".join(words)
        for other in longest.values():
            if words[-1] == other[-1] and set(words) <= set(other):
                longest[key] = other
                break
        else:
            longest[key] = words
    keys: dict[int, str] = {}
    for i, m in enumerate(found):
        if m.type != "PERSON":
            continue
        words = aliases.person_parts(text[m.start : m.end])
        if len(words) >= 2:
            keys[i] = "person:" + " ".join(longest[" ".join(words)])
            continue
        fits = [(start, w) for start, w in full if w[-1].casefold() == words[0].casefold()]
        fits = fits or [(start, w) for start, w in full if w[0].casefold() == words[0].casefold()]
        if fits:
            before = [f for f in fits if f[0] < m.start] or fits
            keys[i] = "person:" + " ".join(longest[" ".join(before[-1][1])])
        else:
            keys[i] = "person:" + words[0]
    return keys


def _canonical(text: str, kind: str, members: list[Found]) -> str:
    forms = Counter(text[m.start : m.end] for m in members if m.type == kind)
    if not forms:
        forms = Counter(text[m.start : m.end] for m in members)
    acronym = 3 if kind in ("PERSON", "PLACE") else 5
    written = Counter({f: n for f, n in forms.items() if not f.isupper() or len(f) <= acronym})
    # A headline's capitals are not the name's spelling.
    forms = written or Counter({_title(f): n for f, n in forms.items()})
    ruled = [m.name for m in members if m.name]
    if kind == "WEAPON" and ruled:
        return max(ruled, key=len)
    if kind == "PERSON":
        return " ".join(
            max((aliases.person_parts(f) for f in forms), key=lambda w: (len(w), len(" ".join(w))))
        )
    ordered = sorted(forms, key=lambda f: (-forms[f], -len(f)))
    if kind == "PLACE":
        return aliases.place_name(ordered)
    return max(forms, key=len)  # the fullest form; the first seen among equals
