"""Train the learned entity types (bench/entity_types_model.py) and measure them.

    .venv/bin/python bench/train_entity_types.py [--folds] [--write] [--score-validation]
        [--conll-weight W] [--data /work/data/wire] [--conll /work/data/conll/eng.train]

Every mention `entities.candidates` gives on the development texts (the wire splits dev,
heldout ... heldout10 and CoNLL-2003 train) becomes a row of the features `entity_types`
computes, labelled with its gold type (PERSON, PLACE, ORG, WEAPON) where the span is an
annotated mention and NONE where it is not. A multinomial logistic regression (ours, numpy,
L2, full batch) learns one weight per feature and class.

`--folds`: leave-one-split-out over the eleven wire development splits. Each fold trains on
the other ten plus CoNLL train, chooses its two thresholds (retype, drop) by micro F1 over
three inner folds of its own training splits, and scores the left-out split with the rules
alone and with the rules + the model (exact span and type, as bench_wire_entities.py).
`--write`: trains on every development split plus CoNLL train, chooses the thresholds on the
pooled leave-one-split-out predictions and writes cache/entity_types.tsv (for reading only:
the analyzer does not use it; at commit edc1781 it read it from its data folder).
`--sweep`: the pooled leave-one-split-out figures at a few fixed thresholds, to see what the
model would do if it were let act (a diagnostic: no threshold is chosen this way).
`--score-validation`: scores the validation split heldout11 (figures only) with the final
model trained as `--write` does. The extracted features are cached under cache/ (by the code's
and data's fingerprint): delete cache/entity_types_*.pkl to extract again.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import pickle
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_conll  # noqa: E402
import bench_wire_entities  # noqa: E402
import entity_types_model as entity_types  # noqa: E402

from tui.pipeline.analyze import entities, model  # noqa: E402
from tui.pipeline.analyze.grouping import group_mentions  # noqa: E402

DEV_SPLITS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
              "heldout7", "heldout8", "heldout9", "heldout10")
VALIDATION = "heldout11"
TYPES = ("PERSON", "PLACE", "ORG", "WEAPON")
CONLL_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
OUT = ROOT / "cache" / "entity_types.tsv"  # not read by the analyzer: the model was not adopted
POOL = 1.0
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: never


def extract(data: Path, conll: Path) -> list[dict[str, object]]:
    """One record per document: split, text, gold, candidate mentions, features, labels."""
    sources = [ROOT / "tui" / "pipeline" / "analyze", ROOT / "bench" / "data"]
    digest = hashlib.sha256()
    for folder in sources:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".jsonl", ".toml"):
                digest.update(path.read_bytes())
    cache = ROOT / "cache" / f"entity_types_{digest.hexdigest()[:12]}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    docs: list[tuple[str, str, set[tuple[int, int, str]]]] = []
    for split in (*DEV_SPLITS, VALIDATION):
        articles, skipped = bench_wire_entities.load(data, split)
        for note in skipped:
            print(f"skipped: {note}", file=sys.stderr)
        docs += [(split, text, gold) for _, text, gold in articles]
    for text, gold in bench_conll.read_documents(conll):
        docs.append(("conll", text, {(s, e, CONLL_TYPES[k]) for s, e, k in gold}))
    nlp = model.get_nlp()
    records: list[dict[str, object]] = []
    for (split, text, gold), doc in zip(docs, nlp.pipe([d[1] for d in docs]), strict=True):
        found = entities.candidates(doc, text)
        spans = {(s, e): k for s, e, k in gold}
        records.append({
            "split": split, "text": text, "gold": gold, "found": found,
            "ents": [(e.start_char, e.end_char, e.label_) for e in doc.ents],
            "labels": [spans.get((m.start, m.end), "NONE") for m in found],
        })
    cache.write_bytes(pickle.dumps(records))
    return records


def with_features(records: list[dict[str, object]], augment: bool) -> list[dict[str, object]]:
    """The features of each record; with `augment`, each feature also once more under its
    corpus's name (wire or CoNLL), so that what holds in one corpus only is learnt apart."""
    for r in records:
        rows = entity_types.features(r["ents"], str(r["text"]), r["found"])  # type: ignore[arg-type]
        if augment:
            corpus = "conll:" if r["split"] == "conll" else "wire:"
            rows = [row + [corpus + f for f in row] for row in rows]
        r["rows"] = rows
    return records


class Model:
    """Multinomial logistic regression over binary features."""

    def __init__(self, vocab: dict[str, int], weights: numpy.ndarray) -> None:
        self.vocab, self.weights = vocab, weights

    def table(self) -> dict[str, tuple[float, ...]]:
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        return {n: tuple(float(v) for v in self.weights[i]) for i, n in enumerate(names)}

    def predict(self, rows: list[list[str]]) -> list[list[float]]:
        table = self.table()
        return [entity_types.probabilities(table, row) for row in rows]


def train(records: list[dict[str, object]], conll_weight: float, l2: float = 1.0,
          steps: int = 300) -> Model:
    seen: Counter[str] = Counter()
    for r in records:
        for row in r["rows"]:  # type: ignore[attr-defined]
            seen.update(row)
    vocab = {name: i for i, name in enumerate(sorted(n for n, c in seen.items() if c >= 2))}
    groups: Counter[tuple[tuple[int, ...], int]] = Counter()
    for r in records:
        w = conll_weight if r["split"] == "conll" else 1.0
        if not w:
            continue
        for row, label in zip(r["rows"], r["labels"], strict=True):  # type: ignore[call-overload]
            idx = tuple(sorted({vocab[n] for n in row if n in vocab}))
            groups[(idx, entity_types.CLASSES.index(label))] += w
    keys = list(groups)
    lengths = numpy.array([len(k[0]) for k in keys])
    flat = numpy.concatenate([numpy.array(k[0]) for k in keys])
    row_of = numpy.repeat(numpy.arange(len(keys)), lengths)
    offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
    y = numpy.array([k[1] for k in keys])
    count = numpy.array([groups[k] for k in keys])
    n_classes = len(entity_types.CLASSES)
    weights = numpy.zeros((len(vocab), n_classes))
    onehot = numpy.zeros((len(keys), n_classes))
    onehot[numpy.arange(len(keys)), y] = 1.0
    m1, m2 = numpy.zeros_like(weights), numpy.zeros_like(weights)
    total = count.sum()
    for step in range(1, steps + 1):  # Adam on the mean log loss plus L2
        scores = numpy.add.reduceat(weights[flat], offsets, axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        probs = numpy.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        residual = (probs - onehot) * count[:, None] / total
        grad = numpy.zeros_like(weights)
        numpy.add.at(grad, flat, residual[row_of])
        grad += l2 * weights / total
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad**2
        weights -= 0.1 * (m1 / (1 - 0.9**step)) / (numpy.sqrt(m2 / (1 - 0.999**step)) + 1e-8)
    return Model(vocab, weights)


def score(records: list[dict[str, object]], probs: list[list[list[float]]] | None,
          settings: dict[str, float]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    for i, r in enumerate(records):
        found = [replace(m) for m in r["found"]]  # type: ignore[attr-defined]
        if probs is not None:
            found = entity_types.apply(str(r["text"]), found, probs[i], settings)
        text = str(r["text"])
        out = {(s, e, ent.type) for ent in group_mentions(text, found) for s, e in ent.mentions}
        gold = r["gold"]
        for kind in TYPES:
            g = {m for m in gold if m[2] == kind}  # type: ignore[attr-defined]
            p = {m for m in out if m[2] == kind}
            counts[kind].update(gold=len(g), found=len(p), hit=len(g & p))
    return counts


def micro_f1(counts: dict[str, Counter[str]]) -> float:
    hit = sum(c["hit"] for c in counts.values())
    gold = sum(c["gold"] for c in counts.values())
    found = sum(c["found"] for c in counts.values())
    return 2 * hit / max(1, gold + found)


def choose(records: list[dict[str, object]], probs: list[list[list[float]]]) -> dict[str, float]:
    best = (-1.0, {"retype": 1.01, "drop": 1.01, "pool": POOL})
    for retype in GRID:
        for drop in GRID:
            settings = {"retype": retype, "drop": drop, "pool": POOL}
            f1 = micro_f1(score(records, probs, settings))
            if f1 > best[0] + 1e-9:
                best = (f1, settings)
    return best[1]


def loso(records: list[dict[str, object]], splits: tuple[str, ...], conll_weight: float,
         inner: bool) -> tuple[dict[str, list[list[list[float]]]], dict[str, dict[str, float]]]:
    """Predictions for each split from a model trained without it; with `inner`, the
    thresholds each fold chose inside its own training splits."""
    probs: dict[str, list[list[list[float]]]] = {}
    chosen: dict[str, dict[str, float]] = {}
    for held in splits:
        rest = [s for s in splits if s != held]
        if inner:
            pooled_records, pooled_probs = [], []
            for k in range(3):
                out = set(rest[k::3])
                m = train([r for r in records if r["split"] not in out and r["split"] != held],
                          conll_weight)
                part = [r for r in records if r["split"] in out]
                pooled_records += part
                pooled_probs += [m.predict(r["rows"]) for r in part]  # type: ignore[arg-type]
            chosen[held] = choose(pooled_records, pooled_probs)
        m = train([r for r in records if r["split"] != held], conll_weight)
        probs[held] = [m.predict(r["rows"]) for r in records if r["split"] == held]  # type: ignore[arg-type]
        print(f"  fold {held} trained", file=sys.stderr, flush=True)
    return probs, chosen


def line(name: str, counts: dict[str, Counter[str]]) -> str:
    cells = []
    for kind in TYPES:
        c = counts[kind]
        cells.append(f"{c['hit'] / max(1, c['gold']):.3f} / {c['hit'] / max(1, c['found']):.3f}")
    return f"| {name} | " + " | ".join(cells) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=bench_wire_entities.DEFAULT_DATA)
    ap.add_argument("--conll", type=Path, default=Path("/work/data/conll/eng.train"))
    ap.add_argument("--conll-weight", type=float, default=0.5)
    ap.add_argument("--folds", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--score-validation", action="store_true")
    ap.add_argument("--sweep", action="store_true",
                    help="pooled leave-one-split-out figures at fixed thresholds (a diagnostic)")
    ap.add_argument("--augment", action="store_true",
                    help="each feature also under its corpus's name (wire, CoNLL)")
    ap.add_argument("--no-pool", action="store_true", help="decide each mention alone")
    args = ap.parse_args()
    global POOL
    POOL = 0.0 if args.no_pool else 1.0
    if args.conll.name != "eng.train":
        sys.exit("CoNLL train only: dev and test are scored by bench_conll.py, never trained on")
    records = with_features(extract(args.data, args.conll), args.augment)
    development = [r for r in records if r["split"] != VALIDATION]
    n_wire = sum(len(r["labels"]) for r in development if r["split"] != "conll")  # type: ignore[arg-type]
    n_conll = sum(len(r["labels"]) for r in development if r["split"] == "conll")  # type: ignore[arg-type]
    print(f"mentions: wire development {n_wire}, CoNLL train {n_conll}")
    if args.folds:
        probs, chosen = loso(development, DEV_SPLITS, args.conll_weight, inner=True)
        print("| split | thresholds | rules alone: PERSON R / P | PLACE | ORG | WEAPON |")
        total_rules: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
        total_model: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
        for held in DEV_SPLITS:
            part = [r for r in development if r["split"] == held]
            rules = score(part, None, {})
            learned = score(part, probs[held], chosen[held])
            for kind in TYPES:
                total_rules[kind] += rules[kind]
                total_model[kind] += learned[kind]
            s = chosen[held]
            print(line(f"{held} rules", rules))
            print(line(f"{held} +model ({s['retype']:.2f}/{s['drop']:.2f})", learned))
        print(line("pooled rules", total_rules))
        print(line("pooled +model", total_model))
    if args.sweep:
        probs, _ = loso(development, DEV_SPLITS, args.conll_weight, inner=False)
        wire = [r for s in DEV_SPLITS for r in development if r["split"] == s]
        pooled = [p for s in DEV_SPLITS for p in probs[s]]
        print(line("rules alone", score(wire, None, {})))
        for retype, drop in ((0.5, 1.01), (0.6, 1.01), (0.7, 1.01), (1.01, 0.5), (1.01, 0.6),
                             (1.01, 0.7), (0.6, 0.6), (0.8, 0.8)):
            settings = {"retype": retype, "drop": drop, "pool": POOL}
            print(line(f"retype {retype} drop {drop}", score(wire, pooled, settings)))
    if args.write or args.score_validation:
        probs, _ = loso(development, DEV_SPLITS, args.conll_weight, inner=False)
        wire = [r for s in DEV_SPLITS for r in development if r["split"] == s]
        pooled = [p for s in DEV_SPLITS for p in probs[s]]
        settings = choose(wire, pooled)
        final = train(development, args.conll_weight)
        print(f"final thresholds: retype {settings['retype']}, drop {settings['drop']}")
        if args.write:
            write(final, settings, n_wire, n_conll, args.conll_weight)
        if args.score_validation:
            held = [r for r in records if r["split"] == VALIDATION]
            held_probs = [final.predict(r["rows"]) for r in held]  # type: ignore[arg-type]
            print(line(f"{VALIDATION} rules", score(held, None, {})))
            print(line(f"{VALIDATION} +model", score(held, held_probs, settings)))


def write(final: Model, settings: dict[str, float], n_wire: int, n_conll: int,
          conll_weight: float) -> None:
    table = final.table()
    augmented = any(name.startswith("wire:") for name in table)
    if augmented:  # --augment: wire's own weights added
        shared = {n: w for n, w in table.items() if not n.startswith(("wire:", "conll:"))}
        for name, weights in table.items():
            if name.startswith("wire:"):
                base = shared.get(name[5:], (0.0,) * len(weights))
                shared[name[5:]] = tuple(a + b for a, b in zip(base, weights, strict=True))
        table = shared
    lines = [
        "# Weights of the learned entity types (bench/entity_types_model.py).",
        f"# Trained {datetime.date.today().isoformat()} by bench/train_entity_types.py --write on",
        f"# the wire development splits {', '.join(DEV_SPLITS)}",
        f"# ({n_wire} mentions of entities.candidates, our annotations in",
        f"# bench/data/wire_entities.jsonl) and CoNLL-2003 eng.train ({n_conll} mentions, weight",
        f"# {conll_weight}); never on heldout11, CoNLL dev or test. Thresholds chosen on the",
        "# pooled leave-one-split-out predictions. Retrain: delete cache/entity_types_*.pkl if the",
        "# analyzer changed, then run the command above (bench/README.md has the figures).",
        "# Options: " + ("--augment (each weight here is the shared one plus wire's own), "
                         if augmented else "") + f"--conll-weight {conll_weight}.",
        "# Columns: feature, then one weight per class " + " ".join(entity_types.CLASSES) + ".",
        f"@retype\t{settings['retype']}",
        f"@drop\t{settings['drop']}",
        f"@pool\t{settings['pool']}",
    ]
    for name, weights in sorted(table.items()):
        if max(abs(w) for w in weights) >= 0.005:
            lines.append(name + "\t" + "\t".join(f"{w:.3f}" for w in weights))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} lines")


if __name__ == "__main__":
    main()
