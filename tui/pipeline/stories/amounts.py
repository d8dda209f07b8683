"""Amounts in a claim and what they count: the parsing half of figures.

In a span of text every amount is found ("14", "1,240", "eighteen", "twenty-three", "a dozen",
"dozens", with "at least", "more than", "about" kept in its words), then what it counts:
- the noun after it ("people", "children", "drones"; "two of the dead were children" counts
  children), grouped in classes (lexicon.FIGURE_CLASSES) so that "bodies" and "people" compare;
- the quantity, from the nearest cue word on either side within the clause ("killing 14",
  "52 wounded", "the toll rose to 19", "shot down 22 of 30 drones": 22 downed, 30 launched).
  An amount after "including" or "among them" counts the same quantity as the one before it;
  one after "of which" counts the same things. Drones and missiles with no cue were launched;
  bodies with no cue were killed.
Amounts of time, distance, weight, years and ages are no figures (lexicon.NOT_COUNTS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.pipeline.stories import lexicon

QUANTITIES = ("killed", "wounded", "missing", "displaced", "detained", "launched", "downed")
# A thousands comma before a clause comma stays one number ("45,000, and"); digits in a word
# are no count: names of groups and weapons ("M23", "S-300", "BM-21", "Shahed-136"),
# ordinals and units ("4th", "155mm").
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?!\d|,\d)|(?:\d+[A-Za-z]|[A-Za-z])[A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*"
    r"|\d+(?:\.\d+)?|[.,;:()\"“”]"
)
_QUALIFIERS = (
    "at least", "more than", "over", "about", "some", "around", "nearly", "almost", "up to",
    "roughly", "approximately", "at most", "fewer than", "less than",
)  # fmt: skip
_STOPS = frozenset(";:.()")
_INHERIT = ("including", "among them", "of them", "of whom", "among whom")
_TENS = {w: v for w, v in lexicon.NUMBER_WORDS.items() if v % 10 == 0 and 20 <= v <= 90}
_CUE_OF = {word: what for what in QUANTITIES for word in lexicon.FIGURE_CUES[what]}
_CLASS_OF = {word: kind for kind, nouns in lexicon.FIGURE_CLASSES.items() for word in nouns}


def _singular(noun: str) -> str:
    """The singular of a plural class noun: "soldiers", "policemen", "militias" (an amount of
    one counts a singular noun: "one soldier was killed"; contra21)."""
    if noun.endswith("men"):
        return noun[:-3] + "man"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


_CLASS_OF |= {_singular(w): k for w, k in list(_CLASS_OF.items()) if w != "others"} | {
    w: k for w, k in _CLASS_OF.items()
}  # a plural's own class wins ("people" is no singular of anything)
_WEAPONS = ("drones", "missiles")


@dataclass(frozen=True, slots=True)
class Amount:
    """One figure found in one claim: offsets index the article text."""

    what: str
    low: int
    high: int
    words: str  # the amount as written, qualifier included ("at least 31", "dozens")
    of: str  # the counted noun as written ("civilians"), or its class when none is written
    kind: str  # the noun's class (people, children, soldiers, drones...)
    start: int
    end: int


def amounts_in(text: str, start: int, end: int) -> list[Amount]:
    """Every counted amount in text[start:end], in order."""
    tokens = [
        (m.group(), m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])
    ]
    lows = [t[0].lower() for t in tokens]
    found: list[Amount] = []
    k = 0
    while k < len(tokens):
        parsed = _amount_at(lows, k)
        if parsed is None:
            k += 1
            continue
        low, high, width = parsed
        after = k + width
        if _not_a_count(lows, k, after):
            k = after
            continue
        first = _qualifier_start(lows, k)
        noun_at, noun = _counted_noun(lows, after)
        kind = _CLASS_OF.get(noun, "people") if noun else "people"
        if not noun and found and " ".join(lows[max(0, k - 2) : k]) == "of which":
            noun, kind = found[-1].of, found[-1].kind  # "63 drones, of which 41 were shot down"
        what = _quantity(lows, k, after, kind, found)
        if kind == "families" and what not in ("displaced", "killed"):
            what = None  # "40,000 households without power, two workers injured": no wounded
        if what is not None:
            stop = noun_at + 1 if noun_at is not None and noun_at < after + 3 else after
            words_text = text[tokens[first][1] : tokens[after - 1][2]]
            found.append(
                Amount(what, low, high, words_text, noun or kind, kind,
                       tokens[first][1], tokens[stop - 1][2])
            )  # fmt: skip
        k = after
    return found


def _digits(word: str) -> bool:
    """A number written in digits ("45,000", "2.5"), not a word with digits in it ("4th")."""
    return word[0].isdigit() and not word[-1].isalpha()


_SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000
}  # fmt: skip
# "several dozen", "a few hundred": the vague amount of the scale's plural ("dozens")
_SOME = frozenset(("several", "few"))
_PLURAL_OF = {"dozen": "dozens", "hundred": "hundreds", "thousand": "thousands"}


def _amount_at(lows: list[str], k: int) -> tuple[int, int, int] | None:
    """(low, high, tokens used) of an amount starting at token k, else None; a scale word after
    it multiplies ("7 million", "1.5 million", "two thousand", "two dozen"); "several" or "a
    few" before one is its plural's range ("several dozen" as "dozens"; nineteenth pass)."""
    scale = _SCALES.get(lows[k + 1], 0) if k + 1 < len(lows) else 0
    word = lows[k]
    some = 2 if word == "a" and k + 1 < len(lows) and lows[k + 1] == "few" else 1
    if (word in _SOME or some == 2) and k + some < len(lows) and lows[k + some] in _PLURAL_OF:
        return (*lexicon.VAGUE_AMOUNTS[_PLURAL_OF[lows[k + some]]], some + 1)
    if scale and (_digits(word) or word in lexicon.NUMBER_WORDS):
        value = float(word.replace(",", "")) if _digits(word) else lexicon.NUMBER_WORDS[word]
        return int(value * scale), int(value * scale), 2
    return _plain_amount_at(lows, k)


def _plain_amount_at(lows: list[str], k: int) -> tuple[int, int, int] | None:
    word = lows[k]
    if _digits(word):
        value = float(word.replace(",", ""))
        return (int(value), int(value), 1) if value == int(value) else None
    if k + 2 < len(lows) and " ".join(lows[k : k + 3]) in lexicon.VAGUE_AMOUNTS:
        return (*lexicon.VAGUE_AMOUNTS[" ".join(lows[k : k + 3])], 3)
    if word in lexicon.VAGUE_AMOUNTS and k + 1 < len(lows) and lows[k + 1] in ("of", "were", "had"):
        return (*lexicon.VAGUE_AMOUNTS[word], 1)
    if k + 1 < len(lows) and f"{word} {lows[k + 1]}" in lexicon.NUMBER_WORDS:
        value = lexicon.NUMBER_WORDS[f"{word} {lows[k + 1]}"]
        return value, value, 2
    head, _, tail = word.partition("-")
    if head in _TENS and tail in lexicon.NUMBER_WORDS and lexicon.NUMBER_WORDS[tail] < 10:
        value = _TENS[head] + lexicon.NUMBER_WORDS[tail]
        return value, value, 1
    if word in lexicon.NUMBER_WORDS and word not in ("a dozen", "a single"):
        value = lexicon.NUMBER_WORDS[word]
        return value, value, 1
    return None


def _not_a_count(lows: list[str], k: int, after: int) -> bool:
    nxt = lows[after] if after < len(lows) else ""
    if nxt.split("-")[0] in lexicon.NOT_COUNTS or nxt == ":":
        return True
    if _is_month(lows, after) or (k > 0 and _is_month(lows, k - 1) and after == k + 1
                                   and not _CLASS_OF.get(nxt)):
        return True  # a day of the month ("on 8 May", "May 8, 2025"), not a count
    if lows[k].isdigit() and 1900 <= int(lows[k]) <= 2100 and len(lows[k]) == 4:
        return True
    if lows[k] == "one" and k > 0 and lows[k - 1] in _ONE_NO_COUNT:
        return True  # "every one of the dead was a civilian", "from one family": no count
    j = k - 1  # "aged 34 and 51", "aged 5, 7 and 12": every number of the list is an age
    while j > 0 and (lows[j] in (",", "and", "or") or _digits(lows[j])):
        j -= 1
    if j < k - 1 and lows[j] in ("aged", "ages"):
        return True
    return k > 0 and lows[k - 1] in ("aged", "age", "since", "in")


def _is_month(lows: list[str], at: int) -> bool:
    """Whether the token at `at` names a month ("may" only before a stop or a number: "23
    may have died" holds no date)."""
    word = lows[at].rstrip(".") if at < len(lows) else ""
    if word != "may":
        return word in _MONTHS
    nxt = lows[at + 1] if at + 1 < len(lows) else ""
    return not nxt or nxt in ",;.)" or nxt[:1].isdigit()


_MONTHS = lexicon.words(  # and their abbreviations; "may" is read apart (`_is_month`)
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_ONE_NO_COUNT = frozenset(("every", "each", "any", "not", "from", "at", "on", "by", "with"))


def _partitive(lows: list[str], after: int) -> bool:
    """Whether the amount ending before `after` is a part of the one before ("one of them")."""
    return " ".join(lows[after : after + 2]) in ("of them", "of whom")


def _qualifier_start(lows: list[str], k: int) -> int:
    for qualifier in _QUALIFIERS:
        n = qualifier.count(" ") + 1
        if k >= n and " ".join(lows[k - n : k]) == qualifier:
            return k - n
    return k


def _counted_noun(lows: list[str], after: int) -> tuple[int | None, str]:
    """The counted noun just after an amount (a few modifiers may stand between)."""
    k = after
    if k + 1 < len(lows) and lows[k] == "of" and lows[k + 1] in ("them", "whom", "the", "which"):
        for j in range(k + 2, min(k + 6, len(lows))):
            if lows[j] in _CLASS_OF:
                return j, lows[j]
        return None, ""
    if k + 1 < len(lows) and lows[k] == "of" and _amount_at(lows, k + 1):
        k += 2  # "31 of 47 drones"
    for j in range(k, min(k + 4, len(lows))):
        if lows[j] in _CLASS_OF:
            return j, lows[j]
        if lows[j] in _STOPS or lows[j] == "," or _amount_at(lows, j):
            break
    return None, ""


def _quantity(lows: list[str], k: int, after: int, kind: str, found: list[Amount]) -> str | None:
    """The quantity an amount counts, from the nearest cue in its clause."""
    before = " ".join(lows[max(0, k - 3) : k])
    if found and any(before.endswith(w) for w in _INHERIT):
        return found[-1].what
    partitive = after + 1 < len(lows) and lows[after] == "of" and lows[after + 1] in ("the", "them")
    if partitive:
        nxt = lows[after + 2] if after + 2 < len(lows) else ""
        if nxt in _CUE_OF:
            return _CUE_OF[nxt]  # "two of the dead"
        if found and _partitive(lows, after) and nxt in _CLASS_OF:
            return found[-1].what  # "killing 14 people, six of them children": of the 14
    reach = 20 if k > 0 and lows[k - 1] in ("to", "at") else 12  # "the toll ... rose to 19"
    left = _scan(lows, range(k - 1, max(-1, k - reach), -1), kind)
    start = _past_aside(lows, after)  # "Nine civilians, among them two farmers, were killed"
    right = _scan(lows, range(start, min(len(lows), start + 10)), kind)
    if left and right:
        if k > 0 and lows[k - 1] == "and":  # "two died and three were wounded"
            return right[1]
        return left[1] if left[0] <= right[0] else right[1]
    if left or right:
        return (left or right)[1]  # type: ignore[index]
    if kind in _WEAPONS and not partitive:  # "one of the drones hit" counts no launch
        return "launched"
    if kind == "people" and after < len(lows) and lows[after] == "bodies":
        return "killed"
    return None


def _past_aside(lows: list[str], at: int) -> int:
    """Where the words after an amount go on past an aside naming its parts (", among them a
    teacher and two farmers,", ", including four children,"): the word after its closing
    comma; `at` itself when none opens there (thirteenth pass)."""
    comma = next((j for j in (at, at + 1) if j < len(lows) and lows[j] == ","), None)
    if comma is None:  # the amount's noun may come first: "Nine civilians, among them"
        return at
    opener = " ".join(lows[comma + 1 : comma + 3])
    if not any(opener.startswith(w) for w in _INHERIT):
        return at
    close = next((j for j in range(comma + 2, min(len(lows), comma + 16)) if lows[j] == ","), None)
    return close + 1 if close is not None else at


def _scan(lows: list[str], positions: range, kind: str) -> tuple[int, str] | None:
    """(distance, quantity) of the first cue met, or None at a clause stop or another amount."""
    for distance, j in enumerate(positions):
        word = lows[j]
        if word in _STOPS:
            return None
        parsed = _amount_at(lows, j) if distance > 0 else None
        if parsed and lows[j - 1] != "of" and not _not_a_count(lows, j, j + parsed[2]):
            if _partitive(lows, j + parsed[2]):
                continue  # "three civilians, one of them a woman, were killed": a part of it
            return None  # another count; an age ("a 12-year-old girl") is none
        what = _CUE_OF.get(word)
        if what in ("launched", "downed") and kind not in _WEAPONS:
            what = "killed" if word in ("neutralised", "neutralized", "neutralising") else None
        if what == "killed" and kind in _WEAPONS:
            what = None
        if word == "shot" and (j + 1 >= len(lows) or lows[j + 1] != "down"):
            what = None
        if what:
            return distance, what
    return None
