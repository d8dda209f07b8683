"""The scope of a claim: which event, place and time frame its words are about.

Two outlets' numbers contradict each other only when they count one quantity over one scope:
"seven killed at the market" and "11 killed across the region over the past day" are two
counts, and "the toll rose to nine" two days later updates the first. A claim's scope is read
from its own words, with the cues of data/scope_cues.tsv (each family described there):
- frame: "event" (no cue), "cumulative" ("since the war began", "this year", "since October"),
  "period" ("over the past 24 hours") or "background" ("a day after a strike killed 14");
- reach: "event", "region" ("over the region") or "wide" ("across", "over seven regions");
- places: the towns and districts named in it (features.local_place);
- generic: it tells what ought to be or tends to happen ("schools must never be a target").
Of one amount: whether it updates an earlier count ("rose to") or is a part of a total
("two commanders were among the dead").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from tui.core.tables import read_rows
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.countries import country_of
from tui.pipeline.stories.features import local_place

_WORD = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_UPDATE_REACH = 6
_PART_BEFORE = 8
_PART_AFTER = 4


@dataclass(frozen=True, slots=True)
class Scope:
    frame: str  # event, cumulative, period, background
    reach: str  # event, region, wide
    places: frozenset[str]
    generic: bool

    @property
    def of_event(self) -> bool:
        """Tells the event itself: not a count over a war or a span, not another event, not
        many places at once ("strikes across the Gaza Strip killed 43"), not what ought to
        be."""
        return self.frame == "event" and self.reach != "wide" and not self.generic


NO_SCOPE = Scope("event", "event", frozenset(), False)


@functools.cache
def cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Family -> its cues, each as a tuple of words."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for family, cue in read_rows(Path(__file__).with_name("data") / "scope_cues.tsv"):
        found.setdefault(family, []).append(tuple(cue.split()))
    return {family: tuple(items) for family, items in found.items()}


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@functools.cache
def _by_first_word(family: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A family's cues by their first word: a claim's words are walked once, not once a cue
    (the stories' reports asked this a million times for 5,000 articles)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues()[family]:
        found.setdefault(cue[0], []).append(cue)
    return {word: tuple(items) for word, items in found.items()}


def _has(words: list[str], family: str) -> bool:
    starts = _by_first_word(family)
    for i, word in enumerate(words):
        for cue in starts.get(word, ()):
            if tuple(words[i : i + len(cue)]) == cue:
                return True
    return False


def frame_of(words: list[str]) -> str:
    if _has(words, "background"):
        return "background"
    if _has(words, "cumulative") or _since_date(words):
        return "cumulative"
    heads = {c[0] for c in cues()["period-head"]}
    units = {c[0] for c in cues()["period-unit"]}
    for i, word in enumerate(words):
        if word in heads and units & set(words[i + 1 : i + 4]):
            return "period"
    return "event"


def _since_date(words: list[str]) -> bool:
    """ "since October", "since 2022", "since Russian forces withdrew in November 2022": a
    count from a date, not over one event."""
    for i, word in enumerate(words[:-1]):
        if word != "since":
            continue
        if any(w in _MONTHS or (w.isdigit() and len(w) == 4) for w in words[i + 1 : i + 9]):
            return True
    return False


def _shifted(text: str, start: int) -> bool:
    """Whether the sentence holding `start` opens with a shift to another event
    ("Separately, ...", "Elsewhere, ...")."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind('." ', 0, start))
    opening = words_of(text[lo + 1 : start])[:3]
    return any(tuple(opening[: len(cue)]) == cue for cue in cues()["shift"])


def reach_of(words: list[str], places: frozenset[str] = frozenset()) -> str:
    if _has(words, "wide"):
        return "wide"
    if _has(words, "region") and not places and not _has(words, "local"):
        return "region"
    return "event"


_INSIDE_RE = re.compile(r"\b(?:inside|within)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def _inside_a_country(content: str) -> bool:
    """ "More than 7 million people are displaced inside Congo": a whole country's count."""
    return any(
        (found := country_of(m.group(1))) is not None and m.group(1).split()[-1] in found
        for m in _INSIDE_RE.finditer(content)
    )


def scope_of(content: str, start: int, article: StoryArticle) -> Scope:
    """The scope of a claim's own content, which lies at `start` in the article's text."""
    words = words_of(content)
    end = start + len(content)
    places = set()
    for ent in article.entities:
        if any(start <= lo < end for lo, _ in ent.mentions):
            place = local_place(ent.type, ent.name)
            if place:
                places.add(place)
    found = frozenset(places)
    frame = "background" if _shifted(article.text, start) else frame_of(words)
    reach = "wide" if _inside_a_country(content) else reach_of(words, found)
    return Scope(frame, reach, found, _has(words, "generic"))


def is_update(before: str) -> bool:
    """Whether the words just before an amount raise an earlier count ("rose to 19")."""
    words = words_of(before)[-_UPDATE_REACH:]
    return any(cue[0] in words for cue in cues()["update"])


def is_increment(amount: str) -> bool:
    """Whether an amount counts what was added to an earlier count ("two more bodies were
    brought in", "five more people died"): a part of a toll, none of its own."""
    return "more" in words_of(amount)[1:3]


def is_part(before: str, after: str) -> bool:
    """Whether an amount is a part of a total ("among the dead were 11 children", "two
    commanders were among those killed", "24 bodies, three of them children")."""
    ahead, behind = words_of(before)[-_PART_BEFORE:], words_of(after)[:_PART_AFTER]
    return (
        any(cue[0] in ahead for cue in cues()["part"])
        or any(cue[0] in behind for cue in cues()["part-after"])
        or any(tuple(behind[: len(cue)]) == cue for cue in cues().get("part-of", ()))
    )


def same_places(one: frozenset[str], other: frozenset[str]) -> bool:
    """Places agree when either names none or they share one. A town's skeleton that begins
    another's is the same town (the analysis split "Krivoy Rog" and kept "Krivoy": "@~krv"
    against "@~krvrh")."""
    if not one or not other or one & other:
        return True
    return any(_begins(a, b) or _begins(b, a) for a in one for b in other)


_SKELETON = "@~"
_MIN_PREFIX = 3  # letters of a skeleton: placenames.MIN_SKELETON


def _begins(short: str, long: str) -> bool:
    return (
        short.startswith(_SKELETON)
        and long.startswith(short)
        and len(short) - len(_SKELETON) >= _MIN_PREFIX
    )
