"""A mention's type learned from our annotations: the features and the decision of the
experiment of bench/train_entity_types.py (bench/README.md, "Entities: thirteenth pass").

Each mention `entities.candidates` gives is described by general signals (what the spaCy
model called the span, which rule or list found it, its shape, the words either side of it,
what the rest of the document makes of its words: never a name of a text); a multinomial
logistic regression weighs them, and a mention is retyped or dropped only where it is
confident (thresholds chosen inside the training folds). Measured and not adopted: the
analyzer does not read this module (it stood in the analyzer as `entity_types.py` for the
measurement, commit edc1781).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict

from tui.pipeline.analyze import (
    aliases,
    bodies,
    demonyms,
    gazetteer,
    given_names,
    labels,
    sports,
    weapons,
)
from tui.pipeline.analyze.grouping import Found

CLASSES = ("PERSON", "PLACE", "ORG", "WEAPON", "NONE")

_PLACE_PREPOSITIONS = frozenset((
    "in", "at", "near", "from", "to", "into", "outside", "across", "towards", "toward", "around",
    "between", "inside", "through", "north", "south", "east", "west", "above", "via", "of",
))
_SPEECH_VERBS = frozenset((
    "said", "says", "told", "added", "stated", "wrote", "explained", "noted", "announced",
    "claimed", "denied", "confirmed", "reported", "warned", "insisted", "argued", "asked",
))
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "its", "their", "his", "her"))
_WORD = re.compile(r"[\w’'.-]+")
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\W{0,3}$")
_QUOTES = frozenset("\"“”‘'«»")
_OPENERS = frozenset("([{")


def apply(
    text: str, found: list[Found], probs: list[list[float]], settings: dict[str, float]
) -> list[Found]:
    """Retype a mention when another type is the likeliest, with a probability of at least
    `retype`; drop it when "no entity" is, with at least `drop`. A weapon (the weapon list's,
    spaCy has no such type) is left alone."""
    retype, drop = settings.get("retype", 2.0), settings.get("drop", 2.0)
    if settings.get("pool"):  # a name's mentions in one article weigh in together
        pooled: dict[tuple[str, str], list[float]] = {}
        for m, p in zip(found, probs, strict=True):
            key = (text[m.start : m.end], m.type)
            pooled[key] = [a + b for a, b in zip(pooled.get(key, [0.0] * len(p)), p, strict=True)]
        probs = [_normal(pooled[(text[m.start : m.end], m.type)]) for m in found]
    kept: list[Found] = []
    for m, p in zip(found, probs, strict=True):
        best = max(range(len(CLASSES)), key=p.__getitem__)
        label = CLASSES[best]
        if label == m.type or m.type == "WEAPON":
            kept.append(m)
        elif label == "NONE":
            if p[best] < drop:
                kept.append(m)
        elif p[best] >= retype:
            m.type = label
            kept.append(m)
        else:
            kept.append(m)
    return kept


def _normal(values: list[float]) -> list[float]:
    total = sum(values)
    return [v / total for v in values]


def probabilities(table: dict[str, tuple[float, ...]], row: list[str]) -> list[float]:
    scores = [0.0] * len(CLASSES)
    for name in row:
        w = table.get(name)
        if w is not None:
            for i, v in enumerate(w):
                scores[i] += v
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def features(
    model_ents: list[tuple[int, int, str]], text: str, found: list[Found]
) -> list[list[str]]:
    """The signals of each mention, as the names of binary features; `model_ents` are the
    spaCy model's entities (start, end, label)."""
    ents = sorted(model_ents)
    starts = [e[0] for e in ents]
    surfaces = Counter(text[m.start : m.end] for m in found)
    word_types: dict[str, set[str]] = defaultdict(set)
    for m in found:
        for word in text[m.start : m.end].split():
            word_types[word].add(m.type)
    headline_end = text.find("\n")
    sport = "sport|" if sports.is_sports_text(text) else ""
    rows = []
    for m in found:
        surface = text[m.start : m.end]
        key = m.key.split(":", 1)[0] or "-"
        row = ["bias", f"{sport}type={m.type}", f"rank={m.rank}", f"key={key}"]
        label = _model_label(ents, starts, m.start, m.end)
        row += [f"model={label}", f"model={label}|type={m.type}", f"{sport}model={label}"]
        row.append(f"rank={m.rank}|type={m.type}")
        row += [f"{s}|type={m.type}" for s in _shape(surface)]
        row += [f"{s}|type={m.type}" for s in _lists(surface)]
        row += [f"{s}|type={m.type}" for s in _around(text, m.start, m.end)]
        count = surfaces[surface]
        row.append(f"count={min(count, 4)}|type={m.type}")
        other = set()
        for word in surface.split():
            other |= word_types[word] - {m.type}
        row += [f"elsewhere={t}|type={m.type}" for t in sorted(other)]
        if 0 <= m.start < headline_end:
            row.append(f"headline|type={m.type}")
        rows.append(row)
    return rows


def _model_label(ents: list[tuple[int, int, str]], starts: list[int], start: int, end: int) -> str:
    i = bisect_right(starts, end) - 1
    overlap = ""
    while i >= 0 and ents[i][1] > start - 200:
        s, e, label = ents[i]
        if s == start and e == end:
            return label
        if s < end and start < e and not overlap:
            overlap = "~" + label
        i -= 1
    return overlap or "none"


def _shape(surface: str) -> list[str]:
    words = surface.split()
    out = [f"words={min(len(words), 4)}"]
    if surface.isupper() and len(surface) > 1:
        out.append("capitals")
    if any(w[:1].islower() for w in words):
        out.append("lowerword")
    if "-" in surface:
        out.append("hyphen")
    if any(c.isdigit() for c in surface):
        out.append("digit")
    if any(c in "'’" for c in surface):
        out.append("apostrophe")
    if surface.endswith("s") and not surface.endswith("ss"):
        out.append("ends_s")
    last = words[-1] if words else ""
    if last in labels.ORG_WORDS:
        out.append("orgword")
    if last in labels.PLACE_WORDS:
        out.append("placeword")
    return out


def _lists(surface: str) -> list[str]:
    out = []
    place = gazetteer.lookup(surface)
    if place is not None:
        out.append(f"gazetteer={place.kind}")
        if place.population >= 1_000_000 or place.kind == "country":
            out.append("gazetteer_big")
    if bodies.known_key(surface) is not None:
        out.append("orglist")
    if surface in weapons.names():
        out.append("weaponlist")
    words = surface.split()
    if words and given_names.is_given_name(words[0]):
        out.append("given_first")
    if len(words) > 1 and given_names.is_given_name(words[-1]):
        out.append("given_last")
    if demonyms.is_nationality(surface):
        out.append("nationality")
    if aliases.is_title(words[0] if words else ""):
        out.append("titleword")
    return out


def _around(text: str, start: int, end: int) -> list[str]:
    out = []
    line_start = text.rfind("\n", 0, start) + 1
    before_text = text[max(line_start, start - 40) : start]
    before = _WORD_BEFORE.search(before_text)
    stripped = before_text.rstrip()
    if not stripped or stripped[-1] in ".!?:":
        out.append("opens_sentence")
    if before is not None:
        out += _word_class(before.group(1), "before")
    if stripped[-1:] in _QUOTES or stripped[-1:] in _OPENERS:
        out.append("quoted_or_bracketed")
    after_text = text[end : end + 40]
    if after_text[:2] in ("'s", "’s"):
        out.append("possessive")
    if after_text[:1] == ",":
        out.append("comma_after")
    if after_text[:2] == " (":
        out.append("bracket_after")
    after = _WORD.search(after_text.lstrip(",").lstrip())
    if after is not None and after.start() <= 3:
        out += _word_class(after.group(), "after")
    return out


def _word_class(word: str, side: str) -> list[str]:
    lower = word.lower()
    out = []
    if word[:1].islower():
        out.append(f"{side}={lower}")  # a common word, never a name
        if lower in _PLACE_PREPOSITIONS:
            out.append(f"{side}:place_preposition")
        if lower in _SPEECH_VERBS:
            out.append(f"{side}:speech")
        if lower in _DETERMINERS:
            out.append(f"{side}:determiner")
        if lower in _PLACE_NOUNS:
            out.append(f"{side}:place_noun")
        if lower in _UNIT_NOUNS:
            out.append(f"{side}:unit_noun")
    elif word[:1].isupper():
        if aliases.is_title(word) or word in aliases.HONORIFICS or word in aliases.OFFICES:
            out.append(f"{side}:title")
        elif word.isupper():
            out.append(f"{side}:capitals")
        else:
            out.append(f"{side}:capitalised")
    elif word[:1].isdigit():
        out.append(f"{side}:number")
    return out


_PLACE_NOUNS = frozenset(w.lower() for w in labels.PLACE_WORDS) | frozenset((
    "region", "province", "district", "village", "town", "city", "area", "border", "camp",
))
_UNIT_NOUNS = frozenset((
    "army", "forces", "troops", "militia", "fighters", "rebels", "soldiers", "police", "group",
    "brigade", "battalion", "officials", "spokesman", "spokesperson", "ministry",
))
