"""Incremental story grouping: each article joins the story it fits best, or starts one.

An article is compared with the stories that share one of its rarest terms and were seen in
the last `window_hours`. Its score with a story is

    cosine(tf-idf of the article, tf-idf of the story's summed terms)
      x place factor (1, or `place_mismatch` when both have focus places, share none, and
        do not each name the other's: place_fit.nested)
      x kind factor (`kind_mismatch` for each of weapon, target and — when they share no
        focus place — country that both name and share none of: a missile on a block and a
        drone on a bus in one city are two; an army post in Niger and a camp in Mali too)
      x time decay 1 / (1 + (dt / tau)^2), dt = hours between the article and the story's span

It joins the best story whose score reaches `join`, or `join_anchored` for a story of its own
place whose kinds do not disagree with it (a headline that leads with a denial or a toll shares
few rare words with the event's other reports, but it names the town; an article whose title
and first paragraph name no town counts the towns of its lead and body). When its headline
(or, naming none, its first paragraph) names the town of some of the stories that qualify,
only those count; an article of no town joins under `join` the one story it fits `CLEAR_LEAD`
times better than any other. It starts its own story
when a second story also qualifies with at least `ambiguous` of the best score (unless both
are stories of the article's own town: one event's accounts filed apart, which it joins the
better of), or when the article's focus places (its headline's, if it names any) name a place
of each of the two: an article that fits two stories (a round-up, an analysis naming two
events) is about neither.
A piece its headline labels an analysis or opinion joins only a story whose town that
headline names, and none when the headline spans two places (place_fit.round_up). Two reports
that each name the other's place are one place at two levels: anchored, no mismatch.

Nothing older is recomputed: joining adds the article's terms to one story's sums. Removing
an article (on reprocess) subtracts them; the rest of its story stays as it is. The result is
deterministic for a given order of calls; the order matters as in any single-pass clustering
(an article that arrives before the one that would have linked it to a story may start its
own). Feeding articles in publication order, as `rebuild` does, gives the intended result.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from tui.pipeline.stories.features import ArticleFeatures
from tui.pipeline.stories.kinds import CLASSES, IN_ONE_TOWN, disagree
from tui.pipeline.stories.place_fit import names_both, nested, one_town, round_up

CLEAR_LEAD = 2.0  # an article naming no town joins under `join` only this far ahead


@dataclass(frozen=True, slots=True)
class Params:
    join: float = 0.25
    join_anchored: float = 0.15  # a story of the article's place whose kinds agree with it
    ambiguous: float = 0.85
    place_mismatch: float = 0.6
    kind_mismatch: float = 0.6
    tau_hours: float = 72.0
    window_hours: float = 240.0
    idf_cap: float = 3.5
    common: float = 0.2  # terms in more than this share of articles find no candidates
    probe_floor: int = 50  # ... unless in at most this many articles (a young index)
    probes: int = 16  # the article's most telling terms look for candidates ...
    per_probe: int = 400  # ... each among its newest live stories ...
    shortlist: int = 64  # ... and the stories sharing the most weight are scored in full


@dataclass(slots=True)
class StoryState:
    """One story's part of the index, as plain data (a row of a `stories` table)."""

    id: str
    first_seen: float
    last_seen: float
    title: str  # of its earliest article
    article_ids: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)  # summed over its articles
    places: dict[str, int] = field(default_factory=dict)  # focus place -> articles naming it
    norm: float = 0.0  # of its tf-idf vector, as of its last change
    kinds: dict[str, int] = field(default_factory=dict)  # event kind -> articles naming it

    def to_row(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict[str, object]) -> StoryState:
        return cls(
            id=str(row["id"]),
            first_seen=float(row["first_seen"]),  # type: ignore[arg-type]
            last_seen=float(row["last_seen"]),  # type: ignore[arg-type]
            title=str(row.get("title", "")),
            article_ids=[str(a) for a in row.get("article_ids", [])],  # type: ignore[attr-defined]
            terms={str(k): float(v) for k, v in dict(row.get("terms", {})).items()},  # type: ignore[call-overload]
            places={str(k): int(v) for k, v in dict(row.get("places", {})).items()},  # type: ignore[call-overload]
            norm=float(row.get("norm", 0.0)),  # type: ignore[arg-type]
            kinds={str(k): int(v) for k, v in dict(row.get("kinds", {})).items()},  # type: ignore[call-overload]
        )


class StoryIndex:
    """Stories of the articles seen so far; see the module docstring for the rules."""

    def __init__(self, params: Params | None = None) -> None:
        self.params = params or Params()
        self.stories: dict[str, StoryState] = {}
        self.df: dict[str, int] = {}
        self.n_docs = 0
        self.story_of: dict[str, str] = {}  # article id -> story id
        self.features: dict[str, ArticleFeatures] = {}  # what removal subtracts
        self._postings: dict[str, list[str]] = {}  # term -> story ids, oldest first

    # ── assigning ───────────────────────────────────────────────────────────────────────
    def assign(self, feats: ArticleFeatures) -> str:
        """File one new article under a story; returns the story id."""
        if feats.article_id in self.story_of:
            return self.reassign(feats)
        self._count(feats, +1)
        story_id = self._best_story(feats)
        if story_id is None:
            story_id = self._new_story_id(feats.article_id)
            self.stories[story_id] = StoryState(story_id, feats.time, feats.time, feats.title)
        self._add(self.stories[story_id], feats)
        return story_id

    def reassign(self, feats: ArticleFeatures) -> str:
        """An article analysed again: taken out of its story, then assigned afresh."""
        self.remove(feats.article_id)
        return self.assign(feats)

    def remove(self, article_id: str, feats: ArticleFeatures | None = None) -> None:
        """Take an article out of its story; a story left empty is dropped."""
        story_id = self.story_of.pop(article_id, None)
        feats = self.features.pop(article_id, None) or feats
        if story_id is None or feats is None:
            return
        self._count(feats, -1)
        story = self.stories[story_id]
        story.article_ids.remove(article_id)
        if not story.article_ids:
            del self.stories[story_id]
            return
        kinds = story.kinds
        for kind in feats.kinds:
            if kinds.get(kind, 0) > 1:
                kinds[kind] -= 1
            else:
                kinds.pop(kind, None)
        for term, weight in feats.terms.items():
            left = story.terms.get(term, 0.0) - weight
            if left > 1e-9:
                story.terms[term] = left
            else:
                story.terms.pop(term, None)
        for place in feats.places:
            if story.places.get(place, 0) > 1:
                story.places[place] -= 1
            else:
                story.places.pop(place, None)
        times = [self.features[a].time for a in story.article_ids if a in self.features]
        if times:
            story.first_seen, story.last_seen = min(times), max(times)
        story.norm = self._norm(story.terms)

    def rebuild(self, articles: Iterable[ArticleFeatures]) -> None:
        """Assign every article from scratch, in publication order."""
        for feats in sorted(articles, key=lambda f: (f.time, f.article_id)):
            self.assign(feats)

    # ── plain data, for a store ─────────────────────────────────────────────────────────
    def to_state(self) -> dict[str, object]:
        """Everything the index holds, as JSON-able data: `stories` rows, `articles` rows
        (article id, story id, features), and the document frequencies."""
        return {
            "n_docs": self.n_docs,
            "df": dict(self.df),
            "stories": [s.to_row() for s in self.stories.values()],
            "articles": [
                {"article_id": a, "story_id": s, "features": self.features[a].to_dict()}
                for a, s in self.story_of.items()
            ],
        }

    @classmethod
    def from_state(cls, state: dict[str, object], params: Params | None = None) -> StoryIndex:
        """The index as `to_state` left it. `articles` rows may leave out `features` (then
        `remove` needs them passed in), and `df`/`n_docs` may be left out when every row has
        its features (they are counted again from them). A story row carries its kinds (the
        mismatch rule needs them for a story filed in an earlier batch, whose articles' rows
        come without features); a row of before they were kept has them counted from the
        features its articles' rows carry."""
        index = cls(params)
        given = state.get("stories", [])
        counted = {str(r["id"]) for r in given if "kinds" not in r}  # type: ignore[attr-defined, index]
        rows = sorted(
            (StoryState.from_row(r) for r in given),  # type: ignore[attr-defined]
            key=lambda s: (s.last_seen, s.id),
        )
        for story in rows:
            index.stories[story.id] = story
            for term in story.terms:
                index._postings.setdefault(term, []).append(story.id)
        for row in state.get("articles", []):  # type: ignore[attr-defined]
            index.story_of[str(row["article_id"])] = str(row["story_id"])
            if row.get("features"):
                feats = ArticleFeatures.from_dict(row["features"])
                index.features[feats.article_id] = feats
                story = index.stories.get(str(row["story_id"]))
                if story is not None and story.id in counted:
                    for kind in feats.kinds:
                        story.kinds[kind] = story.kinds.get(kind, 0) + 1
        if "df" in state:
            index.df = {str(k): int(v) for k, v in dict(state["df"]).items()}  # type: ignore[call-overload]
            index.n_docs = int(state.get("n_docs", len(index.story_of)))  # type: ignore[call-overload]
        else:
            for feats in index.features.values():
                index._count(feats, +1)
        return index

    # ── scoring ─────────────────────────────────────────────────────────────────────────
    def idf(self, term: str) -> float:
        """Inverse document frequency, capped: a term rarer than one article in e^(cap-1)
        weighs as much as any rarer one, so scores do not drift as the cache grows (an
        uncapped idf lets each article's own wording outweigh what it shares with a story)."""
        raw = math.log((self.n_docs + 1) / (self.df.get(term, 0) + 1)) + 1.0
        return min(raw, self.params.idf_cap)

    def score(self, feats: ArticleFeatures, story: StoryState) -> float:
        """How well an article fits a story (0 when outside the time window)."""
        p = self.params
        dt = max(0.0, feats.time - story.last_seen, story.first_seen - feats.time) / 3600.0
        if dt > p.window_hours or story.norm <= 0.0:
            return 0.0
        dot = 0.0
        norm = 0.0
        for term, weight in feats.terms.items():
            w = weight * self.idf(term)
            norm += w * w
            summed = story.terms.get(term)
            if summed:
                dot += w * summed * self.idf(term)
        if dot <= 0.0:
            return 0.0
        cosine = dot / (math.sqrt(norm) * story.norm)
        shared = any(p_ in story.places for p_ in feats.places)
        if feats.places and story.places and not shared and not nested(feats, story):
            cosine *= p.place_mismatch
        if feats.kinds:
            classes = IN_ONE_TOWN if shared else CLASSES
            found = disagree(feats.kinds, story.kinds, classes)
            cosine *= p.kind_mismatch**found
        return cosine / (1.0 + (dt / p.tau_hours) ** 2)

    def anchored(self, feats: ArticleFeatures, story: StoryState) -> bool:
        """Whether an article and a story are of one place and one kind of event: they share a
        focus place or each name the other's (`nested`; for an article whose title and first
        paragraph name no town, its lead or body names the story's, and the other way round),
        and their weapons and targets do not disagree."""
        if feats.places and story.places:
            shared = any(p_ in story.places for p_ in feats.places) or nested(feats, story)
        elif feats.places:  # a story whose reports name no town in their leads: their terms
            shared = any(p_ in story.terms for p_ in feats.places)
        else:
            shared = any(t.startswith("@~") and t in story.places for t in feats.terms)
        return shared and not disagree(feats.kinds, story.kinds, IN_ONE_TOWN)

    def _best_story(self, feats: ArticleFeatures) -> str | None:
        """The story the article joins: the best that reaches its threshold (`join`, or
        `join_anchored` for a story of its place and kind), unless a second one also does and
        comes close, or the article names a place of each (a round-up). When its headline
        names the town of some of them, only those count. An analysis piece joins only a
        story whose place its headline names, and none when it names the places of two."""
        p = self.params
        scored, placeless = [], []
        candidates = self._candidates(feats)
        if round_up(feats) or feats.trend and sum(
            any(t in self.stories[sid].places for t in feats.title_places) for sid in candidates
        ) >= 2:
            return None  # "Analysis: Nikopol and Kurakhove show ...": about neither
        for sid in candidates:
            story = self.stories[sid]
            if feats.trend and not any(t in story.places for t in feats.title_places):
                continue
            score = self.score(feats, story)
            if score >= p.join or score >= p.join_anchored and self.anchored(feats, story):
                scored.append((score, sid))
            elif score >= p.join_anchored and not feats.places:
                placeless.append((score, sid))
        if not scored and placeless:
            scored = self._clear_lead(feats, candidates, max(placeless))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        own = feats.title_places or feats.places
        titled = [
            pair for pair in scored if any(t in self.stories[pair[1]].places for t in own)
        ]
        if titled and len(titled) < len(scored):
            scored = titled  # the headline's town says which of them it tells
        if not scored:
            return None
        if len(scored) > 1:
            best, second = self.stories[scored[0][1]], self.stories[scored[1][1]]
            if names_both(feats, best, second):
                return None
            if scored[1][0] >= p.ambiguous * scored[0][0] and not one_town(feats, best, second):
                return None
        return scored[0][1]

    def _clear_lead(
        self, feats: ArticleFeatures, candidates: list[str], best: tuple[float, str]
    ) -> list[tuple[float, str]]:
        """For an article that names no town in its headline or first paragraph (a denial, a
        counter-claim: "Al-Qaeda affiliate says it overran army post"), the one story it fits
        under `join` but over `join_anchored` when no kind of it disagrees and no other story
        comes within `CLEAR_LEAD` of its score."""
        score, sid = best
        if disagree(feats.kinds, self.stories[sid].kinds, CLASSES):
            return []
        for other in candidates:
            if other != sid and CLEAR_LEAD * self.score(feats, self.stories[other]) > score:
                return []
        return [best]

    def _candidates(self, feats: ArticleFeatures) -> list[str]:
        """Live stories seen within the window that share the article's most telling terms,
        those that share the most weight first.

        Terms carried by more than `common` of all articles are no probe (they name no
        event, and their postings are long). Postings are in order of change, so each is read
        from its end and left at the first run of stories older than the window. At a heavy
        reader's pace (7,500 articles a day, 50,000 stories in the window) every story shares
        some word with a new article: scoring them all cost 0.8 s an article. Only the
        `probes` terms of highest tf-idf look (an event's towns, names and rare nouns), each
        among its `per_probe` newest stories, and the `shortlist` stories they point to most
        are scored.
        """
        p = self.params
        horizon = feats.time - p.window_hours * 3600.0
        limit = max(p.probe_floor, p.common * self.n_docs)
        telling = sorted(
            ((weight * self.idf(term), term) for term, weight in feats.terms.items()
             if 1 < self.df.get(term, 0) <= limit),  # it counts itself
            reverse=True,
        )[: p.probes]  # fmt: skip
        shared: dict[str, float] = {}
        for weight, term in telling:
            stale, seen = 0, set()
            for sid in reversed(self._postings.get(term, ())):
                story = self.stories.get(sid)
                if story is None or sid in seen:
                    continue
                if story.last_seen < horizon:
                    stale += 1
                    if stale > 8:
                        break
                    continue
                seen.add(sid)
                shared[sid] = shared.get(sid, 0.0) + weight
                if len(seen) >= p.per_probe:
                    break
        return heapq.nlargest(p.shortlist, shared, key=lambda sid: (shared[sid], sid))

    # ── bookkeeping ─────────────────────────────────────────────────────────────────────
    def _count(self, feats: ArticleFeatures, sign: int) -> None:
        self.n_docs += sign
        for term in feats.terms:
            count = self.df.get(term, 0) + sign
            if count > 0:
                self.df[term] = count
            else:
                self.df.pop(term, None)

    def _add(self, story: StoryState, feats: ArticleFeatures) -> None:
        story.article_ids.append(feats.article_id)
        if feats.time < story.first_seen:
            story.first_seen, story.title = feats.time, feats.title
        story.last_seen = max(story.last_seen, feats.time)
        for term, weight in feats.terms.items():
            story.terms[term] = story.terms.get(term, 0.0) + weight
            self._postings.setdefault(term, []).append(story.id)
        for place in feats.places:
            story.places[place] = story.places.get(place, 0) + 1
        for kind in feats.kinds:
            story.kinds[kind] = story.kinds.get(kind, 0) + 1
        story.norm = self._norm(story.terms)
        self.story_of[feats.article_id] = story.id
        self.features[feats.article_id] = feats

    def _norm(self, terms: dict[str, float]) -> float:
        return math.sqrt(sum((w * self.idf(t)) ** 2 for t, w in terms.items()))

    def _new_story_id(self, article_id: str) -> str:
        digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]
        story_id = f"s{digest}"
        n = 1
        while story_id in self.stories:  # the same first article, removed and back
            n += 1
            story_id = f"s{digest}-{n}"
        return story_id
