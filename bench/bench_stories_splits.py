"""Where the story grouping splits a gold story or merges two, by cause, on development sets.

    .venv/bin/python bench/bench_stories_splits.py                     # counts, every set
    .venv/bin/python bench/bench_stories_splits.py --set heldout13 -v  # and each decision

Each article is scored, in publication order, as `StoryIndex.assign` scores it (against the index
before it joins). A **split** is an article whose gold mates are already in a story it does not
join; its cause is the first that holds:
- `not a candidate`: the mates' story is not among the stories its rarest terms reach;
- `qualified, joined another` / `qualified, started its own`: it reached the threshold with the
  mates' story but another was chosen, or a round-up or a close second made it start its own;
- under the threshold, the factors applied: `place` (both name focus places, share none, and
  do not each name the other's: x place_mismatch), `kind` (a weapon, target or country that
  disagrees: x kind_mismatch per class), `time` (the decay under 0.8);
- none applied: `words, anchored` (a story of its place, under join_anchored) or `words, no
  anchor` (under join: the two accounts share too few rare words and no town).
A **merge** is an article that joins a story holding none of its gold mates but an article of
another gold story, by how it qualified: `score >= join`, `anchored` (a story of its place, over
join_anchored), `clear lead`.
A set held out (a pass's unread development set) takes counts only: `-v` prints nothing of it.
The validation set is not offered.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_stories as bench  # noqa: E402

from tui.pipeline.stories.features import ArticleFeatures, article_features  # noqa: E402
from tui.pipeline.stories.grouping import StoryIndex, StoryState  # noqa: E402
from tui.pipeline.stories.kinds import CLASSES, IN_ONE_TOWN, disagree  # noqa: E402
from tui.pipeline.stories.place_fit import nested  # noqa: E402

UNREAD = ("heldout17",)  # groups21's development set not read: counts only


def _factors(index: StoryIndex, feats: ArticleFeatures, story: StoryState) -> dict[str, float]:
    """The parts of `StoryIndex.score`: cosine, place and kind factors, time decay."""
    p = index.params
    dt = max(0.0, feats.time - story.last_seen, story.first_seen - feats.time) / 3600.0
    dot = norm = 0.0
    for term, weight in feats.terms.items():
        w = weight * index.idf(term)
        norm += w * w
        if term in story.terms:
            dot += w * story.terms[term] * index.idf(term)
    cosine = dot / (math.sqrt(norm) * story.norm) if dot > 0 and story.norm else 0.0
    shared = any(x in story.places for x in feats.places)
    mismatch = bool(feats.places and story.places and not shared and not nested(feats, story))
    kinds = disagree(feats.kinds, story.kinds, IN_ONE_TOWN if shared else CLASSES)
    return {
        "cosine": cosine,
        "place": p.place_mismatch if mismatch else 1.0,
        "kind": p.kind_mismatch ** kinds if feats.kinds else 1.0,
        "time": 1.0 / (1.0 + (dt / p.tau_hours) ** 2),
        "shared": float(shared),
    }


def _split_cause(
    index: StoryIndex, feats: ArticleFeatures, sid: str, chosen: str | None, candidates: list[str]
) -> str:
    story = index.stories[sid]
    p = index.params
    if sid not in candidates:
        return "not a candidate"
    score = index.score(feats, story)
    if score >= (p.join_anchored if index.anchored(feats, story) else p.join):
        return "qualified, " + ("joined another" if chosen else "started its own")
    f = _factors(index, feats, story)
    parts = [name for name in ("place", "kind") if f[name] < 1.0]
    if f["time"] < 0.8:
        parts.append("time")
    if parts:
        return "+".join(parts)
    return "words, anchored" if index.anchored(feats, story) else "words, no anchor"


def causes(name: str, verbose: bool) -> tuple[Counter[str], Counter[str]]:
    """Splits and merges of one set by cause; with `verbose`, each decision printed."""
    meta, texts, gold = bench.load(name)
    articles = {a.id: a for a in bench.analysed(meta, texts)}
    truth = {a: s for s, members in gold["stories"].items() for a in members}
    feats = sorted(
        (article_features(a) for a in articles.values()), key=lambda f: (f.time, f.article_id)
    )
    index, p = StoryIndex(), StoryIndex().params
    splits: Counter[str] = Counter()
    merges: Counter[str] = Counter()
    for f in feats:
        index._count(f, +1)  # scored as `assign` scores it, against the index before it joins
        chosen = index._best_story(f)
        candidates = index._candidates(f)
        mates = Counter(s for a, s in index.story_of.items() if truth[a] == truth[f.article_id])
        line = ""
        if mates and mates.most_common(1)[0][0] != chosen:
            sid = mates.most_common(1)[0][0]
            why = _split_cause(index, f, sid, chosen, candidates)
            splits[why] += 1
            title = articles[f.article_id].title
            line = f"split ({why}): {title!r} from {index.stories[sid].title!r}"
        if chosen is not None and chosen not in mates:
            story = index.stories[chosen]
            score = index.score(f, story)
            how = "score >= join" if score >= p.join else (
                "anchored" if index.anchored(f, story) else "clear lead"
            )  # fmt: skip
            merges[how] += 1
            line = f"merge ({how}): {articles[f.article_id].title!r} into {story.title!r}"
        if verbose and line and name not in UNREAD:
            print("  " + line)
        index._count(f, -1)
        index.assign(f)
    return splits, merges


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", choices=bench.DEVELOPMENT)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    total_splits: Counter[str] = Counter()
    total_merges: Counter[str] = Counter()
    for name in (args.set,) if args.set else bench.DEVELOPMENT:
        splits, merges = causes(name, args.verbose)
        total_splits.update(splits)
        total_merges.update(merges)
        print(f"== {name}: splits " + (", ".join(f"{k} {n}" for k, n in sorted(splits.items()))
              or "none") + "; merges " + (", ".join(f"{k} {n}" for k, n in sorted(merges.items()))
              or "none"))  # fmt: skip
    print("== all: splits " + ", ".join(f"{k} {n}" for k, n in total_splits.most_common()))
    print("== all: merges " + ", ".join(f"{k} {n}" for k, n in total_merges.most_common()))


if __name__ == "__main__":
    main()
