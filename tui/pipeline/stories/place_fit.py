"""How an article's focus places meet a story's (grouping.py): a round-up naming a place of
each of two stories, two stories of the article's own town, one event's places named at two
levels by two reports, and an analysis whose headline spans two places.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

from tui.pipeline.stories.lexicon import CONCEPTS
from tui.pipeline.stories.placenames import skeleton

_PLACE = "@~"  # features.SKELETON_PREFIX
_CONCEPT_KEYS = frozenset(CONCEPTS.values())
_WORD = r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'’-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD})*"
# Two names a headline sets side by side: "X and Y", "from X to Y" (lower-case joiners only:
# a headline in title case capitalises every other word).
_TWO_NAMES = re.compile(
    rf"\b(?:[Ff]rom\s+(?:the\s+)?{_NAME}\s+to\s+(?:the\s+)?{_NAME}|{_NAME}\s+and\s+{_NAME})"
)
_LABEL = re.compile(r"^[^:|–—]*[:|–—]\s*")


class Article(Protocol):
    """What these read of features.ArticleFeatures."""

    title: str
    places: tuple[str, ...]
    title_places: tuple[str, ...]
    terms: dict[str, float]
    trend: bool


class Story(Protocol):
    """What these read of grouping.StoryState."""

    places: dict[str, int]
    terms: dict[str, float]


def names_both(feats: Article, one: Story, other: Story) -> bool:
    """Whether an article's focus places include a place of each of two stories, and not the
    same one: a round-up of two events. A headline that names a town says which one the
    article is about ("Three killed in Zaporizhzhia", with Sumy's strike in its lead)."""
    mine = set(feats.title_places or feats.places)
    first, second = mine & set(one.places), mine & set(other.places)
    return bool(first) and bool(second) and first != second


def one_town(feats: Article, one: Story, other: Story) -> bool:
    """Whether two stories that both fit an article are of its own town: two outlets' accounts
    of one event filed apart (a denial, then a toll), not a round-up of two places. The article
    joins the better one rather than starting a third."""
    mine = set(feats.title_places or feats.places)
    return bool(mine) and bool(mine & set(one.places)) and mine & set(one.places) == mine & set(
        other.places
    )


def nested(feats: Article, story: Story) -> bool:
    """Whether an article and a story that share no focus place each name the other's among
    their terms: one event's places at two levels ("a village north of Nablus" / "near
    Nablus"), not two events (a story's town named as background by a report of another
    is named one way only). A town the analysis did not tag in one report is still among its
    terms as a plain word, and is met by its skeleton ("from the direction of Sotk", "in the
    Maré favelas": `written_as_word`)."""
    return _names(feats.terms, tuple(story.places)) and _names(story.terms, feats.places)


def _names(terms: dict[str, float], places: tuple[str, ...]) -> bool:
    return any(p_ in terms for p_ in places) or written_as_word(terms, places)


def written_as_word(terms: dict[str, float], places: tuple[str, ...]) -> bool:
    """Whether a town is among a report's terms as a plain word of its title or lead (a name
    the analysis did not tag as a place, so filed as a word, not under its skeleton): a word of
    four letters or more, no concept key, whose skeleton is the town's."""
    wanted = {p_ for p_ in places if p_.startswith(_PLACE)}
    return bool(wanted) and any(
        _PLACE + _skeleton(t) in wanted
        for t in terms
        if len(t) >= 4 and not t.startswith("@") and t not in _CONCEPT_KEYS
    )


@functools.lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    return skeleton(word)


def round_up(feats: Article) -> bool:
    """Whether a piece labelled an analysis or opinion spans two places in its headline: it
    names two towns, or sets two names side by side ("Analysis: Tishreen and Hermel show ...",
    "From Kadugli to Gindeberet, drones turn markets into front lines"). It is about neither
    event, and joins no story, whether or not each place has a story of its own in reach."""
    if not feats.trend:
        return False
    headline = _LABEL.sub("", feats.title, count=1)
    return len(feats.title_places) >= 2 or _TWO_NAMES.search(headline) is not None
