"""Leave-one-set-out choice of the grouping's parameters: an honest estimate of story BCubed.

    .venv/bin/python bench/bench_stories_folds.py            # the grid, folds over the seen sets
    .venv/bin/python bench/bench_stories_folds.py --quick    # a smaller grid

Every seen set of tests/fixtures/stories/ (never the current held-out one: SEEN below) is a
fold. For each fold, the grid point with the best mean BCubed F1 on the other sets is chosen
(ties go to the point nearest the defaults), and the fold is scored with it. The mean of those
held-out scores estimates how the grouping does on a set nobody tuned on; the same mean with
the defaults, beside it, says how much of their score is fit. The point best over all folds is
printed last: the candidate defaults.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_stories import analysed, bcubed, load  # noqa: E402

from tui.pipeline.stories.features import article_features  # noqa: E402
from tui.pipeline.stories.grouping import Params, StoryIndex  # noqa: E402

SEEN = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
GRID = {
    "join": (0.18, 0.2, 0.22, 0.25, 0.28),
    "join_anchored": (0.08, 0.1, 0.12, 0.15, 0.18),
    "ambiguous": (0.8, 0.85, 0.9, 0.95),
    "place_mismatch": (0.4, 0.6, 0.8),
    "kind_mismatch": (0.4, 0.6, 0.8),
    "tau_hours": (48.0, 72.0, 120.0),
}
QUICK = {
    "join": (0.2, 0.25, 0.28),
    "join_anchored": (0.1, 0.12, 0.15),
    "ambiguous": (0.85, 0.95),
    "place_mismatch": (0.6,),
    "kind_mismatch": (0.6,),
    "tau_hours": (72.0,),
}


def distance(params: Params) -> float:
    """How far a grid point is from the defaults, each parameter relative to its default."""
    base = Params()
    return sum(
        abs(getattr(params, f.name) - getattr(base, f.name)) / abs(getattr(base, f.name))
        for f in fields(Params)
        if f.name in GRID
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    grid = QUICK if args.quick else GRID
    sets = {}
    for name in SEEN:
        meta, texts, gold = load(name)
        feats = [article_features(a) for a in analysed(meta, texts)]
        truth = {a: s for s, arts in gold["stories"].items() for a in arts}
        sets[name] = (feats, truth)
    points = [
        replace(Params(), **dict(zip(grid, values, strict=True)))
        for values in itertools.product(*grid.values())
    ]
    scores: dict[Params, dict[str, float]] = {}
    for params in points:
        row = {}
        for name, (feats, truth) in sets.items():
            index = StoryIndex(params)
            index.rebuild(feats)
            row[name] = bcubed(index.story_of, truth)[2]
        scores[params] = row
    defaults = Params()
    if defaults not in scores:
        row = {}
        for name, (feats, truth) in sets.items():
            index = StoryIndex(defaults)
            index.rebuild(feats)
            row[name] = bcubed(index.story_of, truth)[2]
        scores[defaults] = row
    print(f"{len(points)} grid points, {len(SEEN)} folds")
    print(f"{'held out':10} {'defaults':>8} {'chosen':>8}  chosen on the other sets")
    held_default, held_chosen = [], []
    for name in SEEN:
        others = [s for s in SEEN if s != name]
        best = max(
            points,
            key=lambda p: (sum(scores[p][s] for s in others) / len(others), -distance(p)),
        )
        held_default.append(scores[defaults][name])
        held_chosen.append(scores[best][name])
        shown = ", ".join(f"{k}={getattr(best, k)}" for k in grid)
        print(f"{name:10} {scores[defaults][name]:8.3f} {scores[best][name]:8.3f}  {shown}")
    n = len(SEEN)
    print(f"{'mean':10} {sum(held_default) / n:8.3f} {sum(held_chosen) / n:8.3f}")
    overall = max(points, key=lambda p: (sum(scores[p].values()), -distance(p)))
    shown = ", ".join(f"{k}={getattr(overall, k)}" for k in grid)
    print(f"best over all folds: {shown}; mean {sum(scores[overall].values()) / n:.3f}")


if __name__ == "__main__":
    main()
