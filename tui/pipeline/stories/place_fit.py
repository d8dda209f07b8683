"""How an article's focus places meet a story's (grouping.py): a round-up naming a place of
each of two stories, two stories of the article's own town, and one event's places named at
two levels by two reports.
"""

from __future__ import annotations

from typing import Protocol


class Article(Protocol):
    """What these read of features.ArticleFeatures."""

    places: tuple[str, ...]
    title_places: tuple[str, ...]
    terms: dict[str, float]


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
    is named one way only)."""
    return any(p_ in story.terms for p_ in feats.places) and any(
        p_ in feats.terms for p_ in story.places
    )
