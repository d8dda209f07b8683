"""Place names as outlets write them: one key for a name's spellings, places the analysis left
unnamed, and capitals that speak for their state.

Outlets transliterate one town several ways (Kryvyi Rih / Kryvyy Rih / Krivoy Rog, Chasiv Yar /
Chasov Yar, Kismayo / Kismaayo / Kismayu, Bureij / al-Bureij): the gazetteer knows some of
these, and a name it does not know is otherwise kept as written. `skeleton` reduces a name to
the consonants that survive transliteration (vowels and y/w dropped, Arabic articles dropped,
digraphs and the Ukrainian/Russian h/g folded, doubled letters collapsed): two spellings of one
name share a skeleton, and two different names rarely do within the days a story lives.

`located_names` finds names the entity analysis may miss: capitalised words after a locative
preposition ("in Aguelhok", "near Marte") or before a facility word ("the Boulkessi camp",
"the Zamzam displacement camp"), in the title and the lead. `speaker_spans` finds a place that
stands for its government ("Ankara says", "Moscow's defence ministry"): it says who speaks,
not where the event was.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from tui.pipeline.stories.place_words import (
    ACTS_OF,
    ACTS_ON,
    ADMINISTRATIVE_WORDS,
    COMPASS_WORDS,
    FACILITY_WORDS,
    LOCATIVES,
    NAME_ARTICLES,
    NOT_PLACE_NAMES,
    SPEECH_VERBS,
)

_DIGRAPHS = (("kh", "h"), ("gh", "h"), ("zh", "j"), ("dj", "j"), ("ph", "f"), ("ck", "k"))
_FOLD = str.maketrans({"g": "h", "q": "k", "c": "k", "x": "ks"})
_DROPPED = re.compile(r"[aeiouyw]")
_NAME = r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'’-]*"
_NAMES = re.compile(rf"(?:\b(?:al|el|ad|ar|as|an|ash|at|az)-)?{_NAME}(?:\s+{_NAME})*")
_WORDS_AFTER = re.compile(r"(?<=\s)[\w-]+")
MIN_SKELETON = 3


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The spelling-free key of a place name ("Krivoy Rog" and "Kryvyi Rih" -> "krvrh"); a
    name too short to keep three consonants keeps its folded letters ("Kyiv" -> "kyiv")."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c)
    )
    parts = [p for p in re.split(r"[^a-z]+", folded) if p]
    while len(parts) > 1 and parts[0] in NAME_ARTICLES:
        parts = parts[1:]
    plain = "".join(parts)
    key = plain
    for pair, into in _DIGRAPHS:
        key = key.replace(pair, into)
    key = _DROPPED.sub("", key.translate(_FOLD))
    key = re.sub(r"(.)\1+", r"\1", key)
    return key if len(key) >= MIN_SKELETON else re.sub(r"(.)\1+", r"\1", plain)


def located_names(text: str) -> list[tuple[int, int, str]]:
    """Capitalised names that a locative preposition or a facility word marks as a place:
    (start, end, name). Titles capitalise every word, so there the preposition must be lower
    case and the name is cut at the next lower-case word or capitalised function word."""
    found = []
    for match in _NAMES.finditer(text):
        start, name = match.start(), match.group()
        before = text[max(0, start - 24) : start].split()
        possessor = re.match(r".*['’]s\s+", name)  # "Nigeria's Borno": the place is Borno
        if possessor is not None:
            start, name = start + possessor.end(), name[possessor.end() :]
        name = re.sub(r"['’]s?$", "", name)
        words = name.split()
        if not words or all(w.casefold() in NOT_PLACE_NAMES or w.isupper() for w in words):
            continue  # a month, or an acronym ("in RSF attack")
        after = [w.strip(",.;:") for w in text[start + len(name) :].split()[:3]]
        marked = bool(before) and (
            before[-1] in LOCATIVES
            or (len(before) > 1 and before[-1] == "on" and before[-2].casefold() in ACTS_ON)
            or (len(before) > 1 and before[-1] == "of" and before[-2].casefold() in ACTS_OF)
        )
        opening = not before or before[-1][-1] in ".!?:;\"“‘'"
        faced = any(w in FACILITY_WORDS for w in after[: 1 if opening else 2]) and all(
            w.islower() for w in after[:1]
        )  # a sentence's first word is capitalised whatever it is: "Villagers block road"
        if marked or faced:
            found.append((start, start + len(name), name))
    return found


def _reference_point(before: list[str]) -> bool:
    """A place named as where another lies ("a village north of Bambari", "40 kilometres
    south of El Obeid", "the base east of Oog"): the compass word and "of" before it."""
    return len(before) >= 2 and before[-1] == "of" and before[-2].casefold() in COMPASS_WORDS


def speaker_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of a place name that say who speaks or what contains the event, not where it
    was: followed (after up to three lower-case words) by a speech verb ("Ankara says", "Gaza
    medics say"); in the possessive before anything but a facility ("Moscow's defence
    ministry", "Gaza's civil defence", "Nigeria's Borno"; not "Dnipro's port"); after a
    compass word or before an administrative word ("southern Gaza", "Borno State", "the
    Gaza Strip"), which make it a region; after a compass word and "of", a reference point
    ("a village north of Bambari": twelfth pass)."""
    found = []
    for lo, hi in spans:
        after = _WORDS_AFTER.findall(re.split(r"[,;:.!?()]", text[hi : hi + 60])[0])
        before = text[max(0, lo - 16) : lo].split()
        possessive = text[hi : hi + 2] in ("'s", "’s")
        spoken = False
        for word in after[:4]:
            if word in SPEECH_VERBS:
                spoken = True
                break
            if not word.islower():
                break
        if (
            spoken
            or (possessive and not any(w in FACILITY_WORDS for w in after[:3]))
            or (before and before[-1].casefold() in COMPASS_WORDS)
            or _reference_point(before)
            or (after[:1] and after[0].casefold() in ADMINISTRATIVE_WORDS and not possessive)
        ):
            found.append((lo, hi))
    return found
