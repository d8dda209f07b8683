"""What an article says about which event it reports: weighted terms, focus places, time.

The features of one article are computed once, when it is analysed, and kept as plain data:
the grouping compares only these, so an index can be rebuilt from stored features without
reading any article again.

- terms: comparison keys (words.keys) of the title (weight 2) and the lead (the first
  paragraph, and the second when the first is short: weight 1), plus one term per entity:
  `@place:<gazetteer key>` for a wider place, `@~<skeleton>` for a town and for any other
  name (the model types a town it does not know a person or a body as often as a place),
  weighted 1.5 when the entity is in the title or lead (and not only as a speaker)
  and 0.5 otherwise; the words of its mentions are not counted again. The title and lead
  say what happened; the body drifts to background, other events and history. Only the
  TERMS_KEPT heaviest terms are kept, which bounds the cost of every comparison.
- places: the focus places: towns, cities, villages or districts named in the title or first
  paragraph (not countries, regions or provinces, which many events share, nor buildings),
  each as its skeleton (placenames.skeleton: Krivoy Rog and Kryvyi Rih are one), plus names a
  locative or facility word marks that the analysis did not tag ("in Aguelhok", "the
  Boulkessi camp"). A place that speaks ("Ankara says"), qualifies a speaker ("Gaza medics
  say") or names a region ("southern Gaza", "Borno State") is no focus place. Two strikes on
  the same night are told apart by these.
- kinds: the weapon and target its headline names, and the countries of its headline and
  first paragraph (kinds.py); title_places: the focus places its headline names; trend:
  whether its headline is labelled an analysis or opinion piece.
- time: the publication time, in seconds since the epoch.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from tui.pipeline.analyze import gazetteer
from tui.pipeline.analyze.aliases import MODERN_SPELLINGS, place_key
from tui.pipeline.analyze.demonyms import country_of as demonym_country
from tui.pipeline.analyze.demonyms import is_people
from tui.pipeline.stories import placenames
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.countries import country_of
from tui.pipeline.stories.kinds import event_kinds
from tui.pipeline.stories.openings import opening_end
from tui.pipeline.stories.place_words import FACILITY_WORDS, TREND_LABELS
from tui.pipeline.stories.words import keys

TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.0
ENTITY_IN_LEAD = 1.5
ENTITY_ELSEWHERE = 0.5
TERMS_KEPT = 40
SKELETON_PREFIX = "@~"  # a place's spelling-free key (placenames.skeleton)
SHORT_LEAD = 220  # characters: a first paragraph shorter than this takes the second along
_BROAD_PLACES = frozenset(("country", "region", "subdivision"))
_FACILITIES = FACILITY_WORDS
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
_BEFORE = re.compile(
    r"\b(?:hours|minutes|days|weeks|a\s+day|a\s+week|the\s+day|two\s+days|three\s+days|shortly)"
    r"\s+after\b",
    re.IGNORECASE,
)
_NEIGHBOURING = re.compile(r"\bneighbou?ring\b", re.IGNORECASE)
_TREND_LABEL = re.compile(
    r"^\s*(?:" + "|".join(sorted(TREND_LABELS)) + r")\s*[:|\-–—]", re.IGNORECASE
)



@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    article_id: str
    time: float
    title: str
    terms: dict[str, float] = field(default_factory=dict)
    places: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # kinds.event_kinds of the title; countries of title and lead
    title_places: tuple[str, ...] = ()  # the focus places its title names
    trend: bool = False  # its title labels it an analysis or opinion piece

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "time": self.time,
            "title": self.title,
            "terms": dict(self.terms),
            "places": list(self.places),
            "kinds": list(self.kinds),
            "title_places": list(self.title_places),
            "trend": self.trend,
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
            kinds=tuple(str(k) for k in data.get("kinds") or ()),  # type: ignore[union-attr]
            title_places=tuple(str(p) for p in data.get("title_places") or ()),  # type: ignore[union-attr]
            trend=bool(data.get("trend", False)),
        )


def article_features(article: StoryArticle) -> ArticleFeatures:
    text = article.text
    lead_end = _lead_end(text)
    first_end = min(lead_end, _first_paragraph_end(text))
    opening = opening_end(text)  # a dateline or a document's header: no place of the event
    weights: dict[str, float] = defaultdict(float)
    places = set()
    titled: set[str] = set()
    title = article.title
    blanked = list(text[:lead_end])
    covered: list[tuple[int, int]] = []  # lead spans of place entities
    aside = _background(text[:first_end])  # "hours after a blast in neighbouring Narathiwat"
    if opening:
        aside.append((0, opening))
    for ent in article.entities:
        in_title = _in_title(ent.name, title)
        in_lead = in_title or any(
            lo < lead_end and lo >= opening for lo, _ in ent.mentions
        )  # a dateline's town is where the story was filed, a header's where it was read
        town = local_place(ent.type, ent.name)
        term = town or _entity_term(ent.type, ent.name)
        placed = town is not None or term.startswith("@place:")
        said, headed = False, in_title
        if placed:
            said, headed = _spoken(ent.name, ent.mentions, article.title, text, first_end)
        weights[term] += ENTITY_IN_LEAD if in_lead and not said else ENTITY_ELSEWHERE
        focus = in_title or any(
            lo < first_end and not any(a <= lo < b for a, b in aside) for lo, _ in ent.mentions
        )
        if focus and not said and town is not None:
            places.update((term, SKELETON_PREFIX + placenames.skeleton(ent.name)))
            if headed:
                titled.add(term)
        if in_title:
            title = re.sub(r"\b" + re.escape(ent.name) + r"\b", " ", title)
        for lo, hi in ent.mentions:  # the entity term stands for its words
            if lo < lead_end:
                blanked[lo:hi] = " " * (min(hi, lead_end) - lo)
                if placed:
                    covered.append((lo, hi))
    bodies = frozenset(e.name.casefold() for e in article.entities if e.type == "ORG")
    for skel, focus, in_title in _located(
        article.title, text[:lead_end], first_end, covered + aside, bodies
    ):
        if skel not in weights:  # a town no place entity stands for already
            weights[skel] += ENTITY_IN_LEAD
        if focus:
            places.add(skel)
        if in_title:
            titled.add(skel)
    first = " " * opening + "".join(blanked[opening:first_end])
    for skel, in_title in _unlabelled_towns(title, first, text):
        weights[skel] = max(weights[skel], ENTITY_IN_LEAD)
        places.add(skel)
        if in_title:
            titled.add(skel)
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
        kinds=event_kinds(article.title)
        + _countries(article.title + "\n" + text[opening:first_end]),
        title_places=tuple(sorted(titled)),
        trend=_TREND_LABEL.match(article.title) is not None,
    )


def _spoken(
    name: str, mentions: tuple[tuple[int, int], ...], title: str, text: str, first_end: int
) -> tuple[bool, bool]:
    """Whether every mention of a place in the title and first paragraph says who speaks or
    names a region (placenames.speaker_spans: "Ankara says", "southern Gaza"), and whether the
    title names it as a place of the event."""
    lead = [m for m in mentions if m[0] < first_end]
    heads = [(m.start(), m.end()) for m in _find(name, title)]
    said_heads = len(placenames.speaker_spans(title, heads)) if heads else 0
    said = bool(lead or heads) and (
        len(placenames.speaker_spans(text, lead)) == len(lead) and said_heads == len(heads)
    )
    return said, said_heads < len(heads)


def _located(
    title: str,
    lead: str,
    first_end: int,
    covered: list[tuple[int, int]],
    bodies: frozenset[str] = frozenset(),
) -> list[tuple[str, bool, bool]]:
    """Skeleton terms of the towns that a preposition or facility word marks in the title and
    lead but no place entity covers (a name the analysis did not know, or typed otherwise);
    with whether each is a focus place (title or first paragraph), and named in the title.
    Not a name the analysis calls an organisation (`bodies`: "an attack on Hamas")."""
    found: dict[str, tuple[bool, bool]] = {}
    for where, text in (("title", title), ("lead", lead)):
        for lo, hi, name in placenames.located_names(text):
            if where == "lead" and any(a < hi and lo < b for a, b in covered):
                continue
            if name.casefold() in bodies:
                continue
            if placenames.speaker_spans(text, [(lo, hi)]):
                continue  # "in Donetsk region": a region
            if not _unknown_local(name):
                continue
            skel = SKELETON_PREFIX + placenames.skeleton(_canonical(name))
            focus, titled = found.get(skel, (False, False))
            in_title = where == "title"
            found[skel] = (focus or in_title or lo < first_end, titled or in_title)
    return [(skel, focus, titled) for skel, (focus, titled) in found.items()]


def _unlabelled_towns(title: str, lead: str, text: str) -> list[tuple[str, bool]]:
    """Towns the gazetteer knows by their own name that the title or first paragraph writes
    capitalised inside a sentence with no entity over them (ninth pass: the analysis missed
    "Macomia" in "Mozambique army says Macomia still in its hands"), as skeleton terms with
    whether the title names them. Not a word the article also writes in lower case."""
    found: dict[str, bool] = {}
    for in_title, part in ((True, title), (False, lead)):
        for match in _CAPITALISED.finditer(part):
            name = re.sub(r"['’]s?$", "", match.group())
            place = _gazetteer_place(name) if len(name) >= 4 else None
            if place is None or place.kind in _BROAD_PLACES:  # type: ignore[attr-defined]
                continue
            before = part[: match.start()].rstrip()
            if not before or before[-1] in ".!?:;\"“‘'" or demonym_country(name):
                continue  # a sentence's first word is capitalised whatever it is
            if re.search(r"\b" + re.escape(name.casefold()) + r"\b", text):
                continue  # a word the article also writes in lower case
            if placenames.speaker_spans(part, [(match.start(), match.start() + len(name))]):
                continue  # "Moscow says", "Gaza's civil defence": who speaks
            skel = SKELETON_PREFIX + placenames.skeleton(_canonical(name))
            found[skel] = found.get(skel, False) or in_title
    return list(found.items())


@functools.lru_cache(maxsize=65536)
def _unknown_local(name: str) -> bool:
    """A located name that is a town: not a country, region, demonym or people the tables
    know ("a strike on Kurdish gas fields")."""
    if demonym_country(name) or demonym_country(name.split()[0]) or is_people(name.split()[0]):
        return False
    place = gazetteer.lookup(name)
    return place is None or place.kind not in _BROAD_PLACES


def _countries(text: str) -> tuple[str, ...]:
    """The countries a headline and first paragraph name, by name, demonym or capital, as
    "country:<name>" kinds: two reports that name countries and share none are two events (an
    army post in Niger, a camp in Mali, the same day)."""
    found = set()
    for match in _CAPITALISED.finditer(text):
        following = text[match.end() : match.end() + 30].split()[:1]
        if following and following[0].casefold().strip(",.;:") in FACILITY_WORDS:
            continue  # a name of a building: "the Saudi Hospital"
        country = country_of(match.group().removesuffix("'s").removesuffix("’s"))
        if country:
            found.add("country:" + country)
    return tuple(sorted(found))


def _find(name: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"\b" + re.escape(name) + r"\b", text)) if name else []


def _background(first: str) -> list[tuple[int, int]]:
    """Spans of the first paragraph that tell another event than the article's: a clause of
    what came before ("..., hours after a deadly blast at a market in Narathiwat", "a day after
    a missile strike on Sumy"), to the end of its sentence, and a place called neighbouring
    ("in neighbouring Narathiwat"). Its towns are no focus places (twelfth pass)."""
    found = []
    for match in _BEFORE.finditer(first):
        end = re.search(r"[.!?](?:\s|$)", first[match.end() :])
        found.append((match.start(), match.end() + end.start() if end else len(first)))
    found.extend((m.start(), m.end() + 40) for m in _NEIGHBOURING.finditer(first))
    return found


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
    gazetteer knows is a place, under the gazetteer's key (Kiev and Kyiv are one term); any
    other name under its skeleton (placenames.skeleton), the key a town has, since the model
    that calls a town it does not know a place in one article may call it a person in the
    next ("Chasiv Yar: what we know"), and outlets spell names their own way (eighth pass)."""
    if kind == "PLACE" or _gazetteer_place(name) is not None:
        return "@" + _place_key(name)
    return SKELETON_PREFIX + placenames.skeleton(name)


@functools.lru_cache(maxsize=65536)
def _place_key(name: str) -> str:
    return place_key(name)


def local_place(kind: str, name: str) -> str | None:
    """The term of an entity that is a town, village or district, else None: the skeleton of
    the name the gazetteer gives it (placenames.skeleton), so that Kharkov and Kharkiv, and
    Krivoy Rog (which it may not know) and Kryvyi Rih, are one term."""
    if not (kind == "PLACE" or _gazetteer_place(name) is not None) or not _is_local(kind, name):
        return None
    return SKELETON_PREFIX + placenames.skeleton(_canonical(name))


@functools.lru_cache(maxsize=65536)
def _canonical(name: str) -> str:
    place = gazetteer.lookup(MODERN_SPELLINGS.get(name, name))
    return place.name if place is not None else name


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
