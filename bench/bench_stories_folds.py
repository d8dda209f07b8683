"""Leave-one-set-out choice of the grouping's parameters: an honest estimate of story BCubed.

    .venv/bin/python bench/bench_stories_folds.py            # the grid, folds over the seen sets
    .venv/bin/python bench/bench_stories_folds.py --quick    # a smaller grid
    .venv/bin/python bench/bench_stories_folds.py --ledger   # the ledger's thresholds instead

Every seen set of tests/fixtures/stories/ (never the current held-out one: SEEN below) is a
fold. For each fold, the grid point with the best mean BCubed F1 on the other sets is chosen
(ties go to the point nearest the defaults), and the fold is scored with it. The mean of those
held-out scores estimates how the grouping does on a set nobody tuned on; the same mean with
the defaults, beside it, says how much of their score is fit. The point best over all folds is
printed last: the candidate defaults. `--ledger` does the same for the ledger's and the
contradictions' thresholds (ledger.STATEMENT_JOIN, ledger.ACROSS_ARTICLES_JOIN,
statements.CORE_JOIN, contradictions.DENIAL_OVERLAP), scoring claim-group F1 and
contradiction F1 (kind counted) with bench_stories.py's own scorer, each chosen on its own.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import re
import sys
from dataclasses import fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_stories  # noqa: E402
from bench_stories import analysed, bcubed, load  # noqa: E402

from tui.pipeline.stories import contradictions, ledger, statements  # noqa: E402
from tui.pipeline.stories.features import article_features  # noqa: E402
from tui.pipeline.stories.grouping import Params, StoryIndex  # noqa: E402

SEEN = bench_stories.DEVELOPMENT
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


LEDGER_GRID = {
    "STATEMENT_JOIN": (0.25, 0.3, 0.35, 0.4),
    "ACROSS_ARTICLES_JOIN": (0.2, 0.25, 0.3),
    "CORE_JOIN": (0.5, 0.6, 0.7),
    "DENIAL_OVERLAP": (0.4, 0.5, 0.6),
}


def ledger_folds() -> None:
    """Leave-one-set-out over the ledger's thresholds (module constants, set for each run)."""
    kept: dict[str, object] = {}

    def once(meta, texts):  # type: ignore[no-untyped-def]
        if meta[0]["id"] not in kept:
            kept[meta[0]["id"]] = analysed(meta, texts)
        return kept[meta[0]["id"]]

    bench_stories.analysed = once  # each set is analysed once, then scored at every point
    defaults = (
        ledger.STATEMENT_JOIN,
        ledger.ACROSS_ARTICLES_JOIN,
        statements.CORE_JOIN,
        contradictions.DENIAL_OVERLAP,
    )
    scores: dict[tuple[float, ...], dict[str, tuple[float, float]]] = {}
    for point in itertools.product(*LEDGER_GRID.values()):
        (
            ledger.STATEMENT_JOIN,
            ledger.ACROSS_ARTICLES_JOIN,
            statements.CORE_JOIN,
            contradictions.DENIAL_OVERLAP,
        ) = point
        row = {}
        for name in SEEN:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                bench_stories.score(name, False)
            text = out.getvalue()
            claims = float(re.search(r"claim-group pairs .*F1 ([0-9.]+)", text).group(1))
            p, r = (
                float(x)
                for x in re.search(r"contradictions\s+P ([0-9.]+)\s+R ([0-9.]+)", text).groups()
            )
            row[name] = (claims, 2 * p * r / (p + r) if p + r else 0.0)
        scores[point] = row
    (
        ledger.STATEMENT_JOIN,
        ledger.ACROSS_ARTICLES_JOIN,
        statements.CORE_JOIN,
        contradictions.DENIAL_OVERLAP,
    ) = defaults
    print(f"{len(scores)} grid points ({', '.join(LEDGER_GRID)}), {len(SEEN)} folds")
    for k, label in enumerate(("claim-group F1", "contradiction F1")):
        held_default, held_chosen = [], []
        for name in SEEN:
            others = [s for s in SEEN if s != name]
            best = max(
                scores,
                key=lambda p: (
                    sum(scores[p][s][k] for s in others),
                    -sum(abs(a - b) / b for a, b in zip(p, defaults, strict=True)),
                ),
            )
            held_default.append(scores[defaults][name][k])
            held_chosen.append(scores[best][name][k])
            print(f"{label:17} {name:10} {held_default[-1]:.3f} {held_chosen[-1]:.3f}  {best}")
        n = len(SEEN)
        print(f"{label:17} {'mean':10} {sum(held_default) / n:.3f} {sum(held_chosen) / n:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--ledger", action="store_true")
    args = parser.parse_args()
    if args.ledger:
        ledger_folds()
        return
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
