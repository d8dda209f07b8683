"""Content words of a text as comparable keys: lower case, concepts for paraphrases, light stems.

Two outlets never word an event alike ("took control of" / "seized", "killed" / "dead"), so
each word is first looked up in the concept families (lexicon.CONCEPTS) and otherwise cut to a
crude stem: plural and verb endings go ("positions" -> "position", "trained" -> "train").
The stem is only a key for comparison, never shown. Numbers are left out: outlets disagree on
them, and figures.py reads them separately.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.stories.lexicon import (
    CLAIM_CONCEPTS,
    CONCEPTS,
    LIGHT_TAKE,
    NEGATIONS,
    STOPWORDS,
    TAKE_FORMS,
)

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*")
_SUFFIXES = ("ings", "ing", "ies", "ed", "es", "s")


def keys(text: str) -> list[str]:
    """The comparison keys of `text`, in order, stopwords dropped."""
    found = []
    for match in _WORD.finditer(text):
        key = word_key(match.group())
        if key:
            found.append(key)
    return found


def negated_keys(text: str) -> list[str]:
    """Keys as `keys` gives them, the first after a negation "not:"-prefixed ("was not
    damaged" -> "not:damag", "had not been captured" -> "not:capture"): a statement and its
    negation must not look alike. "Take" as a light verb ("taken place") gives no key."""
    found = []
    negated = False
    tokens = [m.group() for m in _WORD.finditer(text)]
    for i, word in enumerate(tokens):
        low = word.lower()
        if low in NEGATIONS or low.endswith("n't"):
            negated = True
            continue
        if low in TAKE_FORMS and i + 1 < len(tokens) and tokens[i + 1].lower() in LIGHT_TAKE:
            continue  # "had taken place", "taken to hospital": no capture (lexicon.LIGHT_TAKE)
        key = claim_key(word)
        if key:
            found.append(f"not:{key}" if negated else key)
            negated = False
    return found


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one word: its concept, else its stem; "" for a stopword or a short word."""
    return _key(word, CONCEPTS)


@functools.lru_cache(maxsize=65536)
def claim_key(word: str) -> str:
    """The key of one word of a claim's content: as `word_key`, with the claims' families."""
    return _key(word, CLAIM_CONCEPTS)


def _key(word: str, concepts: dict[str, str]) -> str:
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    low = low.strip("'-")
    if low in concepts:
        return concepts[low]
    if low in STOPWORDS or len(low) < 3:
        return ""
    return stem(low)


def stem(word: str) -> str:
    """A crude English stem, enough to make "positions"/"position" and "trained"/"train" meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            return base
    return word


def pole_keys(words: frozenset[str]) -> frozenset[str]:
    """The keys of a pole of lexicon.OPPOSITIONS ("not:damaged" -> "not:damag")."""
    found = set()
    for word in words:
        negated = word.startswith("not:")
        key = claim_key(word.removeprefix("not:"))
        if key:
            found.add(f"not:{key}" if negated else key)
    return frozenset(found)
