"""What an article says about which event it reports: weighted terms, focus places, time.

The features of one article are computed once, when it is analysed, and kept as plain data:
the grouping compares only these, so an index can be rebuilt from stored features without
reading any article again.

- terms: comparison keys (words.keys) of the title (weight 2) and the lead (the first
  paragraph, and the second when the first is short: weight 1), plus one term per entity:
  `@place:<gazetteer key>` for a place, `@<name>` for any other, weighted 1.5 when the entity
  is in the title or lead and 0.5 otherwise; the words of its mentions are not counted
  again. The title and lead say what happened; the body drifts to background, other events
  and history. Only the TERMS_KEPT heaviest terms are kept, which bounds the cost of every
  comparison.
- places: the focus places: places named in the title or first paragraph that are towns,
  cities, villages or districts (not countries, regions or provinces, which many events share,
  nor buildings). Two strikes on the same night are told apart by these.
- time: the publication time, in seconds since the epoch.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from tui.pipeline.analyze import gazetteer
from tui.pipeline.analyze.aliases import place_key
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.words import keys

TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.0
ENTITY_IN_LEAD = 1.5
ENTITY_ELSEWHERE = 0.5
TERMS_KEPT = 40
SHORT_LEAD = 220  # characters: a first paragraph shorter than this takes the second along
_BROAD_PLACES = frozenset(("country", "region", "subdivision"))
_FACILITIES = frozenset(
    [
        "hospital",
        "school",
        "airport",
        "port",
        "base",
        "camp",
        "market",
        "station",
        "plant",
        "factory",
        "prison",
        "university",
        "mosque",
        "church",
        "monastery",
        "bridge",
        "dam",
        "square",
        "street",
        "road",
    ]
)


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    article_id: str
    time: float
    title: str
    terms: dict[str, float] = field(default_factory=dict)
    places: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "time": self.time,
            "title": self.title,
            "terms": dict(self.terms),
            "places": list(self.places),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ArticleFeatures:
        terms = data.get("terms") or {}
        places = data.get("places") or []
        return cls(
            article_id=str(data["article_id"]),
            time=float(data["time"]),  # type: ignore[arg-type]
            title=str(data.get("title", "")),
            terms={str(k): float(v) for k, v in terms.items()},  # type: ignore[union-attr]
            places=tuple(str(p) for p in places),  # type: ignore[union-attr]
        )


def article_features(article: StoryArticle) -> ArticleFeatures:
    text = article.text
    lead_end = _lead_end(text)
    first_end = min(lead_end, _first_paragraph_end(text))
    weights: dict[str, float] = defaultdict(float)
    places = set()
    title = article.title
    blanked = list(text[:lead_end])
    for ent in article.entities:
        in_title = _in_title(ent.name, title)
        in_lead = in_title or any(lo < lead_end for lo, _ in ent.mentions)
        term = _entity_term(ent.type, ent.name)
        weights[term] += ENTITY_IN_LEAD if in_lead else ENTITY_ELSEWHERE
        focus = in_title or any(lo < first_end for lo, _ in ent.mentions)
        if focus and term.startswith("@place:") and _is_local(ent.type, ent.name):
            places.add(term)
        if in_title:
            title = re.sub(r"\b" + re.escape(ent.name) + r"\b", " ", title)
        for lo, hi in ent.mentions:  # the entity term stands for its words
            if lo < lead_end:
                blanked[lo:hi] = " " * (min(hi, lead_end) - lo)
    for key in keys(title):
        weights[key] += TITLE_WEIGHT
    for key in keys("".join(blanked)):
        weights[key] += LEAD_WEIGHT
    kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS_KEPT]
    return ArticleFeatures(
        article_id=article.id,
        time=article.timestamp,
        title=article.title,
        terms=dict(kept),
        places=tuple(sorted(places)),
    )


def _lead_end(text: str) -> int:
    end = text.find("\n\n")
    if end < 0:
        return len(text)
    if end < SHORT_LEAD:
        second = text.find("\n\n", end + 2)
        return len(text) if second < 0 else second
    return end


def _in_title(name: str, title: str) -> bool:
    return bool(name) and re.search(r"\b" + re.escape(name) + r"\b", title) is not None


def _first_paragraph_end(text: str) -> int:
    end = text.find("\n\n")
    return len(text) if end < 0 else end


def _entity_term(kind: str, name: str) -> str:
    """One term per referent, whatever type the analysis gave it in this article: a name the
    gazetteer knows is a place, under the gazetteer's key (Kiev and Kyiv are one term)."""
    if kind == "PLACE" or _gazetteer_place(name) is not None:
        return "@" + _place_key(name)
    return "@" + " ".join(name.casefold().split())


@functools.lru_cache(maxsize=65536)
def _place_key(name: str) -> str:
    return place_key(name)


def local_place(kind: str, name: str) -> str | None:
    """The place term of an entity that is a town, village or district, else None."""
    term = _entity_term(kind, name)
    return term if term.startswith("@place:") and _is_local(kind, name) else None


@functools.lru_cache(maxsize=65536)
def _gazetteer_place(name: str) -> object:
    return gazetteer.lookup(name, alternates=False)


def _is_local(kind: str, name: str) -> bool:
    """A town, city, village or district: not a country, region or province, which many events
    share, and not a building ("Nasser Hospital"), which the analysis may call a place."""
    place = _gazetteer_place(name)
    if place is not None:
        return place.kind not in _BROAD_PLACES  # type: ignore[attr-defined]
    words = set(name.casefold().split())
    return kind == "PLACE" and not words & _FACILITIES
