"""Claim groups learned across outlets (issue 16, fifteenth pass): train, measure, write.

    .venv/bin/python bench/train_ledger.py --folds            # leave-one-set-out, rules vs model
    .venv/bin/python bench/train_ledger.py --folds --rows     # a claim against a row as a whole
    .venv/bin/python bench/train_ledger.py --ceiling          # a join deciding as the gold would
    .venv/bin/python bench/train_ledger.py --write [--rows]   # train on every development set
    .venv/bin/python bench/train_ledger.py --write --out /tmp/m.tsv  # a model the app does not read
    .venv/bin/python bench/train_ledger.py --score heldout14 --model /tmp/m.tsv  # figures only
    (any of them with --cache DIR: each set's analysis kept there between runs)

For every pair of claims in two articles of one gold story of the development sets (DEVELOPMENT
below, never the validation set), `joins.pair_features` gives general signals of the two (their
speakers' keys and sides, their statements' overlap and its parts, cues, time apart, place in
the article); the label says whether the two gold mentions they stand for share a gold claim
group (a claim stands for the gold mention whose quote covers half of its content span, as
bench_stories.py maps them; a claim that stands for none is a negative: a row joining it is a
false pair). A logistic regression (L2, Newton's method, numpy) is fitted on them. With
`--rows` the examples are a claim against each row of the ledger as the gold would build it
(`joins.row_features`), the model deciding for a row as a whole.

`--folds`: for each development set, the model is trained on the others, and its threshold and
mode (`grid`) are chosen on those others with bench_stories.py's own scorer (the mean of
claim-group F1 and contradiction F1); the set left out is then scored with the rules alone and
with the model: claim-group F1, contradictions P / R and story F1, per fold and the mean.
`--write` trains on all of them, chooses the point the same way and writes the model (by
default tui/pipeline/stories/data/claim_joins.tsv, which the app then reads), its header
recording the sets, the example counts, the date and the command. `--score` prints one set's
figures only, rules against a model: the one way the validation set is run here.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import pickle
import re
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_stories  # noqa: E402
import logistic  # noqa: E402

from tui.pipeline.analyze import analyze_many  # noqa: E402
from tui.pipeline.stories import joins, ledger  # noqa: E402
from tui.pipeline.stories.statements import similarity  # noqa: E402

DEVELOPMENT = bench_stories.DEVELOPMENT
L2 = 1.0


def grid(weights: tuple[float, ...], per_row: bool = False) -> list[joins.Model]:
    """The ways the ledger may use one model (joins.Model), chosen among inside each fold:
    beside the rules (a row of its speaker, or of another above `across`), as a veto of the
    rules' join (the row's mean probability under it), in place of them across outlets, or
    clustering one speaker's claims by average link; with --rows, against a row as a whole,
    in place of the rules across outlets."""
    if per_row:
        return [
            joins.Model(weights, t, across, per_row=True)
            for t in (0.15, 0.2, 0.25, 0.3)
            for across in (None, 0.3, 0.5)
        ]
    points = [
        joins.Model(weights, t, across)
        for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
        for across in (None, 0.8)
    ]
    points += [joins.Model(weights, 0.5, veto=v, mean=True) for v in (0.1, 0.2)]
    points += [joins.Model(weights, t, replaces=True) for t in (0.3, 0.4, 0.5)]
    points += [joins.Model(weights, t, cluster=True) for t in (0.2, 0.3, 0.4)]
    return points


class Sets:
    """Each set's articles, analysed once (kept in --cache DIR between runs when given)."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self.found: dict[str, list] = {}

    def analysis(self, name: str) -> list:
        if name not in self.found:
            path = self.cache / f"{name}.pkl" if self.cache else None
            if path and path.exists():
                self.found[name] = pickle.loads(path.read_bytes())
            else:
                meta, texts, _ = bench_stories.load(name)
                self.found[name] = list(analyze_many([texts[m["id"]] for m in meta]))
                if path:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(pickle.dumps(self.found[name]))
        return self.found[name]

    def score(self, name: str, model: joins.Model | None) -> dict[str, float]:
        """bench_stories.py's own scores of one set with the ledger's model set to `model`."""
        found = self.analysis(name)
        bench_stories.analyze_many = lambda texts: found
        ledger.MODEL = model
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                bench_stories.score(name, False)
        finally:
            ledger.MODEL = None
        text = out.getvalue()
        story = float(re.search(r"story BCubed .* F1 ([\d.]+)", text)[1])
        claims = float(re.search(r"claim-group pairs .* F1 ([\d.]+)", text)[1])
        contra = re.search(r"contradictions\s+P ([\d.]+)\s+R ([\d.]+)", text)
        p, r = float(contra[1]), float(contra[2])
        false = int(re.search(r"predicted, (\d+) false", text)[1])
        figures = float(re.search(r"figures\s+R ([\d.]+)", text)[1])
        contra_f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"story": story, "claims": claims, "p": p, "r": r, "false": false,
                "figures": figures, "contra": contra_f1}  # fmt: skip

    def gold(self, name: str) -> tuple[dict, list, dict]:
        """The set's analysed articles by id, its gold mentions (group, article, span), gold."""
        meta, texts, gold = bench_stories.load(name)
        articles = {a.id: a for a in bench_stories.analysed(meta, texts, self.analysis(name))}
        spans = [
            (g["id"], m["article"], bench_stories.span_of(texts, m["article"], m["quote"]))
            for g in gold["claim_groups"]
            for m in g["mentions"]
        ]
        return articles, spans, gold

    def pairs(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Features and labels of every pair of claims in two articles of one gold story."""
        articles, spans, gold = self.gold(name)
        rows, labels = [], []
        for ids in gold["stories"].values():
            items, weight = ledger.ledger_items([articles[i] for i in ids])
            group = _gold_groups(items, spans)
            for i, j in itertools.combinations(range(len(items)), 2):
                if items[i].mention.article_id == items[j].mention.article_id:
                    continue
                rows.append(joins.pair_features(items[i], items[j], weight))
                labels.append(float(group[i] is not None and group[i] == group[j]))
        return np.array(rows), np.array(labels)

    def row_examples(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """`--rows`: a claim against each row of the ledger as it is built (joins.row_features),
        the label saying whether the claim's gold group is the one most of the row's mentions
        in other articles stand for; the rows are built as the gold would have them (a claim
        joins the first row so labelled; within one article, by the hand-set join)."""
        articles, spans, gold = self.gold(name)
        rows, labels = [], []
        for ids in gold["stories"].values():
            items, weight = ledger.ledger_items([articles[i] for i in ids])
            group = _gold_groups(items, spans)
            drafts: list[tuple[list[int], list]] = []  # item indices, statements matched
            for i, item in enumerate(items):
                chosen = None
                for members, match in drafts:
                    first = items[members[0]]
                    if first.mention.denial != item.mention.denial:
                        continue
                    if item.mention.denial:  # one speaker's denials are one row
                        chosen = chosen or (members, match) if first.key == item.key else chosen
                        continue
                    row = [items[j] for j in members]
                    own = any(m.mention.article_id == item.mention.article_id for m in row)
                    join = ledger.STATEMENT_JOIN if own else ledger.ACROSS_ARTICLES_JOIN
                    found = joins.row_features(item, row, match, weight, join)
                    if found is None:
                        if first.key == item.key and chosen is None and any(
                            similarity(part, match, weight, ledger.STATEMENT_JOIN) > 0
                            for part in item.parts
                        ):
                            chosen = (members, match)
                        continue
                    theirs = Counter(
                        group[j] for j in members
                        if items[j].mention.article_id != item.mention.article_id
                    ).most_common(1)[0][0]  # fmt: skip
                    label = group[i] is not None and theirs == group[i]
                    rows.append(found)
                    labels.append(float(label))
                    if label and chosen is None:
                        chosen = (members, match)
                if chosen is None:
                    drafts.append(([i], list(item.parts)))
                else:
                    chosen[0].append(i)
                    chosen[1].append(item.statement)
        return np.array(rows), np.array(labels)


def _gold_groups(items: list, spans: list) -> list[str | None]:
    """The gold group each item stands for (bench_stories.py's mapping), or None."""
    taken: set[int] = set()
    groups: list[str | None] = []
    for item in items:
        c = item.mention.claim
        lo, hi = (c.content_start, c.content_end)
        if hi <= lo:
            lo, hi = c.start, c.end
        best = max(
            ((bench_stories.covers(lo, hi, span), -span[0], k)
             for k, (_, art, span) in enumerate(spans) if art == item.mention.article_id),
            default=(0.0, 0, -1),
        )  # fmt: skip
        if best[0] >= 0.5 and best[2] not in taken:
            taken.add(best[2])
            groups.append(spans[best[2]][0])
        else:
            groups.append(None)
    return groups


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, ...]:
    """Logistic regression, L2 on every weight but the bias, by Newton's method."""
    return tuple(float(v) for v in logistic.fit(x, y, L2, ridge=1e-9, tol=1e-8))


def choose(
    sets: Sets, names: list[str], weights: tuple[float, ...], per_row: bool
) -> tuple[joins.Model, float]:
    """The point of `grid` best on `names`: the mean of claim-group and contradiction F1."""
    best, best_value = None, -1.0
    for model in grid(weights, per_row):
        value = sum(
            (s := sets.score(n, model))["claims"] + s["contra"] for n in names
        ) / (2 * len(names))
        if value > best_value + 1e-9:
            best, best_value = model, value
    assert best is not None
    return best, best_value


def folds(sets: Sets, per_row: bool) -> None:
    data = {n: sets.row_examples(n) if per_row else sets.pairs(n) for n in DEVELOPMENT}
    kind = "claim-row" if per_row else "pair"
    total = sum(len(y) for _, y in data.values())
    print(f"{kind} examples: {total:,} "
          f"({int(sum(y.sum() for _, y in data.values())):,} in one gold group)")  # fmt: skip
    print(f"{'left out':10} {'claims rules':>12} {'model':>6}  {'contra P/R rules':>16} "
          f"{'model':>11}  {'story':>11}  chosen")  # fmt: skip
    totals: dict[str, list[float]] = defaultdict(list)
    for name in DEVELOPMENT:
        others = [n for n in DEVELOPMENT if n != name]
        x = np.vstack([data[n][0] for n in others])
        y = np.concatenate([data[n][1] for n in others])
        model, _ = choose(sets, others, fit(x, y), per_row)
        rules, learned = sets.score(name, None), sets.score(name, model)
        for k in ("claims", "p", "r", "story"):
            totals[f"rules {k}"].append(rules[k])
            totals[f"model {k}"].append(learned[k])
        print(
            f"{name:10} {rules['claims']:12.3f} {learned['claims']:6.3f}  "
            f"{rules['p']:7.3f} / {rules['r']:.3f} {learned['p']:.3f} / {learned['r']:.3f}  "
            f"{rules['story']:.3f} {learned['story']:.3f}  {mode(model)}",
            flush=True,
        )
    mean = {k: sum(v) / len(v) for k, v in totals.items()}
    print(
        f"{'mean':10} {mean['rules claims']:12.3f} {mean['model claims']:6.3f}  "
        f"{mean['rules p']:7.3f} / {mean['rules r']:.3f} {mean['model p']:.3f} / "
        f"{mean['model r']:.3f}  {mean['rules story']:.3f} {mean['model story']:.3f}"
    )


def ceiling(sets: Sets) -> None:
    """The development sets' mean figures when the ledger's join across outlets decides as the
    gold would (a claim joins a row when its gold group is the one most of the row's mentions
    in other articles stand for): how far a better join could take the rows."""
    real = ledger.row_features
    spans: list = []

    def oracle(item, row, match, weight, join):  # type: ignore[no-untyped-def]
        if real(item, row, match, weight, join) is None:
            return None
        mine, = _gold_groups([item], spans) or [None]
        theirs = Counter(
            g for g in _gold_groups(row, spans)
            if g is not None
        ).most_common(1)  # fmt: skip
        return [1.0 if mine is not None and theirs and theirs[0][0] == mine else -1.0]

    ledger.row_features = oracle
    try:
        for label, across in (("its speaker's rows", None), ("and other speakers'", 0.5)):
            found = []
            for name in DEVELOPMENT:
                spans[:] = sets.gold(name)[1]
                found.append(sets.score(name, joins.Model((30.0,), 0.5, across, per_row=True)))
            mean = {k: sum(f[k] for f in found) / len(found) for k in ("claims", "p", "r")}
            print(f"gold's join, {label}: claim groups {mean['claims']:.3f}, contradictions "
                  f"P {mean['p']:.3f} R {mean['r']:.3f}")  # fmt: skip
    finally:
        ledger.row_features = real


def mode(model: joins.Model) -> str:
    if model.per_row:
        return f"per row {model.threshold}" + (f" across {model.across}" if model.across else "")
    if model.cluster:
        return f"cluster {model.threshold}"
    if model.replaces:
        return f"replaces {model.threshold}"
    if model.veto is not None:
        return f"veto {model.veto}"
    return f"beside {model.threshold}" + (f" across {model.across}" if model.across else "")


def write(sets: Sets, path: Path, per_row: bool) -> None:
    data = {n: sets.row_examples(n) if per_row else sets.pairs(n) for n in DEVELOPMENT}
    x = np.vstack([d[0] for d in data.values()])
    y = np.concatenate([d[1] for d in data.values()])
    model, value = choose(sets, list(DEVELOPMENT), fit(x, y), per_row)
    header = [
        "The learned join of the claim ledger (tui/pipeline/stories/joins.py): logistic",
        "regression weights, one per joins.FEATURES (or, per row, ROW_FEATURES) name, then",
        "the threshold a row must clear, the threshold for a row of another speaker (none:",
        "never), whether across outlets the model alone joins (replaces) or joins beside the",
        "hand-set rules, and the other modes of joins.Model (veto, mean, cluster, per_row).",
        f"Trained on: {', '.join(DEVELOPMENT)} (tests/fixtures/stories/, development sets),",
        f"{len(y):,} {'claim-row decisions' if per_row else 'pairs of claims in two articles'} "
        f"of one gold story, {int(y.sum()):,} of",
        f"them in one gold claim group; L2 {L2}. Threshold and mode chosen on the same sets",
        f"with bench_stories.py's scorer (mean of claim-group and contradiction F1: {value:.3f}).",
        f"Written {datetime.now(UTC):%Y-%m-%d} by: .venv/bin/python bench/train_ledger.py --write"
        + (" --rows" if per_row else ""),
        "Retrain with that command after the ledger's statements or speakers change, or a",
        "development set is added (add it to DEVELOPMENT first); measure with --folds.",
        "",
    ]
    joins.write(model, path, header)
    print(f"wrote {path}: {mode(model)}; {len(y):,} examples")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--rows", action="store_true",
                        help="a claim against a row as a whole (joins.ROW_FEATURES)")
    parser.add_argument("--ceiling", action="store_true",
                        help="what a join that always decides as the gold would gives")
    parser.add_argument("--out", type=Path, default=joins.DATA, metavar="PATH",
                        help="where --write puts the model (default: the app's data file)")
    parser.add_argument("--score", metavar="SET",
                        help="one set's figures, rules against the model of --model")
    parser.add_argument("--model", type=Path, default=joins.DATA, metavar="PATH")
    parser.add_argument("--cache", type=Path, default=None, metavar="DIR")
    args = parser.parse_args()
    sets = Sets(args.cache)
    if args.ceiling:
        ceiling(sets)
    if args.folds:
        folds(sets, args.rows)
    if args.write:
        write(sets, args.out, args.rows)
    if args.score:  # figures only: the validation set's errors are not read
        model = joins.read(args.model)
        for label, used in (("rules", None), (f"model ({mode(model)})", model)):
            s = sets.score(args.score, used)
            print(f"{args.score} {label}: story F1 {s['story']:.3f}, claim groups "
                  f"{s['claims']:.3f}, contradictions P {s['p']:.3f} R {s['r']:.3f} "
                  f"({s['false']} false), figures R {s['figures']:.3f}")


if __name__ == "__main__":
    main()
