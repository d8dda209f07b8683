"""Train and measure the learned contest detector (tui/pipeline/analyze/contest.py).

    .venv/bin/python bench/train_contest.py [--data /work/data/wire/claims] [--cache FILE]
        [--write]

Development data only: the wire splits wire1-wire15 (bench_wire.py) and the status set's
`dev` split (bench_status.py). wire16, this session's validation set, is never loaded here
(the splits are named one by one; `--split all` would take it in).

1. Every article is analysed once with the rules alone (`find_claims(..., learned=False)`;
   `--cache` keeps those claims in a pickle so later runs skip the parse).
2. Each predicted claim the rules left `claimed` and that matches a gold claim (as
   bench_status matches them) is an example, with one feature vector (contest.features) per
   claim that may contest it (contest.candidates): the pair is labelled 1 when the claim is
   gold `disputed` and the other claim's sentence holds one of its gold dispute spans. One
   logistic model over the pairs (L2, Newton's method, numpy); a claim's score is its most
   probable pair's. (A second model for `unconfirmed` was dropped: the rules leave 2 gold
   unconfirmed claims `claimed` in all the development data, nothing to learn from.)
3. A threshold, chosen on scores the training data did not fit (leave one split out inside
   the training splits): the one that most raises status accuracy, counting a flip +1 when
   gold is `disputed`, -1 when gold is `claimed`, 0 otherwise. None gains: the threshold is
   above 1 and the model never acts.
4. Leave-one-split-out over wire3-wire15: train on the other splits and the
   status dev split, score the left-out split with bench_status's scorer, rules alone and
   rules + model; prints
   status accuracy and "confirmed" precision per fold and the mean.
5. `--write`: train on every development split and write the weights and thresholds to
   tui/pipeline/analyze/data/contest_weights.tsv, with a header naming the splits, the
   count, the date and this command. `--cache` is reused while it holds as many articles:
   remove it after a rule changes.
"""

from __future__ import annotations

import argparse
import datetime
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_status  # noqa: E402
import bench_wire  # noqa: E402
import logistic  # noqa: E402

from tui.pipeline.analyze import claims, contest, entities, model  # noqa: E402
from tui.pipeline.analyze.sentences import split_sentences  # noqa: E402

WIRE = (
    "wire1", "wire2", "wire3", "wire4", "wire5", "wire6", "wire7", "wire8", "wire9", "wire10",
    "wire11", "wire12", "wire13", "wire14", "wire15",
)
FOLDS = ("wire3", "wire4", "wire5", "wire6", "wire7", "wire8", "wire9", "wire10", "wire11",
         "wire12", "wire13", "wire14", "wire15")
VALIDATION = "wire16"  # never loaded here
assert VALIDATION not in WIRE
STATUS_DEV = "status-dev"

WEIGHTS = ROOT / "tui" / "pipeline" / "analyze" / "data" / "contest_weights.tsv"
L2 = 1.0


def load(data: Path) -> list[dict]:
    """Development paragraphs, each with its split; never the validation split."""
    out = []
    for split in WIRE:
        for para in bench_wire.load(data, split=split):
            out.append({**para, "split": split})
    for para in bench_status.load("dev"):
        out.append({**para, "split": STATUS_DEV})
    return out


def rules_alone(paragraphs: list[dict], cache: Path | None) -> list[tuple]:
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if len(stored) == len(paragraphs):
            return stored
    nlp = model.get_nlp()
    texts = [p["text"] for p in paragraphs]
    out = [
        claims.find_claims(doc, entities.find_entities(doc, text), text, learned=False)
        for doc, text in zip(nlp.pipe(texts, batch_size=16), texts, strict=True)
    ]
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def examples(paragraphs: list[dict], predicted: list[tuple]) -> list[dict]:
    """One row per predicted claim the rules left `claimed` that matches a gold claim, with
    a feature vector per candidate partner (contest.candidates) and its label: the claim is
    gold `disputed` and the partner's sentence holds one of its gold dispute spans."""
    rows = []
    for para, preds in zip(paragraphs, predicted, strict=True):
        gold_of: dict[int, dict] = {}
        used: set[int] = set()
        for gold in para["claims"]:
            chosen = bench_status._match(para["text"], gold, list(preds), used)
            if chosen is not None:
                used.add(chosen)
                gold_of[chosen] = gold
        art = contest.Article.read(para["text"], split_sentences(para["text"]), preds)
        for k, claim in enumerate(preds):
            if claim.status != "claimed" or k not in gold_of:
                continue
            gold = gold_of[k]
            spans = [(e["start"], e["end"]) for e in gold["evidence"] if e["kind"] == "dispute"]
            pairs, labels = [], []
            for j in contest.candidates(art, k):
                lo, hi = art.sentences[art.at[j]]
                pairs.append(contest.features(art, k, j))
                labels.append(
                    gold["status"] == "disputed" and any(a < hi and lo < b for a, b in spans)
                )
            rows.append({"split": para["split"], "gold": gold["status"], "x": pairs, "y": labels})
    return rows


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression with an L2 penalty (not on the bias), by Newton's method."""
    return logistic.fit(x, y, L2)


def claim_scores(rows: list[dict], w: np.ndarray) -> np.ndarray:
    """Each claim's score: its most probable pair's (0 without a candidate)."""
    out = np.zeros(len(rows))
    for k, row in enumerate(rows):
        if row["x"]:
            z = np.clip(np.array(row["x"], dtype=float) @ w, -30, 30)
            out[k] = float((1.0 / (1.0 + np.exp(-z))).max())
    return out


def gain(rows: list[dict], scores: np.ndarray, threshold: float) -> int:
    """Status accuracy gained by flipping to disputed the claims at or above `threshold`."""
    total = 0
    for row, score in zip(rows, scores, strict=True):
        if row["x"] and score >= threshold:
            total += (row["gold"] == "disputed") - (row["gold"] == "claimed")
    return total


def threshold(rows: list[dict]) -> float:
    """The threshold that most raises status accuracy on out-of-split scores of `rows`."""
    scores = np.zeros(len(rows))
    for held in sorted({r["split"] for r in rows}):
        w = fit(*_arrays([r for r in rows if r["split"] != held]))
        inside = [k for k, r in enumerate(rows) if r["split"] == held]
        scores[inside] = claim_scores([rows[k] for k in inside], w)
    best, best_gain = 1.01, 0
    for t in sorted(set(np.round(scores, 4))):
        g = gain(rows, scores, float(t))
        if t > 0 and g > best_gain:
            best, best_gain = float(t), g
    return best


def _arrays(rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([v for r in rows for v in r["x"]], dtype=float)
    y = np.array([v for r in rows for v in r["y"]], dtype=float)
    return x, y


def train(rows: list[dict]) -> dict[str, contest.Model]:
    w = fit(*_arrays(rows))
    return {"disputed": contest.Model(tuple(float(v) for v in w), threshold(rows))}


def score(paragraphs: list[dict], predicted: list[tuple], table: dict | None) -> bench_status.Score:
    if table is None:
        return bench_status.score(paragraphs, predicted)
    revised = [
        contest.revise(p["text"], split_sentences(p["text"]), preds, table)
        for p, preds in zip(paragraphs, predicted, strict=True)
    ]
    return bench_status.score(paragraphs, revised)


def _figures(result: bench_status.Score) -> tuple[float, str]:
    acc = result.share(result.status_ok)
    right, predicted = result.confirmed_right, result.confirmed_predicted
    conf = f"{right / predicted:.3f} ({right}/{predicted})" if predicted else "- (0/0)"
    return acc, conf


def folds(paragraphs: list[dict], predicted: list[tuple], rows: list[dict]) -> None:
    print(
        "| left out | claims (matched) | rules: status | rules + model: status | "
        "confirmed P rules → model | threshold |"
    )
    print("|---|---|---|---|---|---|")
    before, after = [], []
    for held in FOLDS:
        table = train([r for r in rows if r["split"] != held])
        chosen = [k for k, p in enumerate(paragraphs) if p["split"] == held]
        paras = [paragraphs[k] for k in chosen]
        preds = [predicted[k] for k in chosen]
        rules = score(paras, preds, None)
        learned = score(paras, preds, table)
        (a0, c0), (a1, c1) = _figures(rules), _figures(learned)
        before.append(a0)
        after.append(a1)
        thresholds = f"{table['disputed'].threshold:.3f}"
        print(f"| {held} | {rules.matched} | {a0:.3f} | {a1:.3f} | {c0} → {c1} | {thresholds} |")
    print(f"| mean | | {np.mean(before):.3f} | {np.mean(after):.3f} | | |")


def write(rows: list[dict], table: dict[str, contest.Model], argv: list[str]) -> None:
    splits = ", ".join(sorted({r["split"] for r in rows}))
    disputed = sum(r["gold"] == "disputed" for r in rows)
    pairs = sum(len(r["y"]) for r in rows)
    lines = [
        "# The learned contest detector's weights (tui/pipeline/analyze/contest.py reads them;",
        "# nothing is trained at run time). Columns: status the model gives, feature (contest.",
        '# FEATURES) or "threshold", value. A logistic model over pairs (a claim the rules',
        '# leave "claimed", a claim of another party that may contest it); a claim becomes',
        "# disputed when its most probable pair reaches the threshold.",
        f"# Trained on the development splits {splits}:",
        f"# {len(rows)} claims the rules left claimed and that match a gold claim (gold",
        f"# disputed {disputed}), {pairs} pairs of such a claim and a claim that may contest it;",
        f"# L2 {L2}, threshold chosen on leave-one-split-out scores; {datetime.date.today()}.",
        "# Retrain (after a rule changes what the rules leave claimed, or a feature changes):",
        "#   rm -f /tmp/contest.pkl; .venv/bin/python bench/train_contest.py \\",
        "#       --cache /tmp/contest.pkl --write",
        f"# (this file: {' '.join(['bench/train_contest.py', *argv])}); "
        f"{VALIDATION} is never read.",
    ]
    for target, m in table.items():
        for name, w in zip(contest.FEATURES, m.weights, strict=True):
            lines.append(f"{target}\t{name}\t{w:.6f}")
        lines.append(f"{target}\tthreshold\t{m.threshold:.6f}")
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/work/data/wire/claims", help="folder of <id>.txt")
    parser.add_argument("--cache", type=Path, help="pickle of the rules' claims, reused")
    parser.add_argument("--write", action="store_true", help="train on all and write weights")
    args = parser.parse_args(argv)
    paragraphs = load(Path(args.data))
    predicted = rules_alone(paragraphs, args.cache)
    rows = examples(paragraphs, predicted)
    pairs = sum(len(r["y"]) for r in rows)
    positive = sum(sum(r["y"]) for r in rows)
    disputed = sum(r["gold"] == "disputed" for r in rows)
    print(f"claims {len(rows)} (gold disputed {disputed}); pairs {pairs} (leaned on {positive})")
    folds(paragraphs, predicted, rows)
    if args.write:
        table = train(rows)
        write(rows, table, argv)
        for target, m in table.items():
            pairs = zip(contest.FEATURES, m.weights, strict=True)
            top = sorted(pairs, key=lambda f: -abs(f[1]))[:8]
            weights = ", ".join(f"{n} {w:+.2f}" for n, w in top)
            print(target, f"threshold {m.threshold:.3f}", weights)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
