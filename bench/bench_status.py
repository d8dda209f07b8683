"""Claim status, evidence and canonical sources against our status set.

    .venv/bin/python bench/bench_status.py [--split dev|test|all|heldout2] [--verbose]

The set (tests/fixtures/analysis/status_set.json) is 99 paragraphs of our own, each analysed on
its own through the model, the entity rules and the claims finder. Of the first 73, a third is
marked "test": held back while the first rules were written and scored once, then development
data like "dev" ("all" is those 73). 26 more, "heldout2", were held out in the second pass of
issue 14 and are development data from the third (status8): `--verbose` is allowed on them.

Matching, as bench_golden_claims.py: a predicted claim matches a gold claim when its sentence
overlaps the gold sentence and its source span overlaps the gold source words; among several,
the one with the same cue; one prediction per gold claim. Over the matched pairs:
- status accuracy, and "confirmed" precision (of the claims predicted confirmed, the share that
  are confirmed in gold; unmatched predictions count against it);
- evidence precision and recall: a predicted evidence span matches a gold one of the same kind
  that it overlaps (each gold span at most once);
- canonical source and affiliation accuracy (compared without case, articles or punctuation).
Targets are in bench/README.md ("Claims (status set)").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.models import Claim  # noqa: E402
from tui.pipeline.analyze import claims, entities, model  # noqa: E402
from tui.pipeline.analyze.overlap import normal_name  # noqa: E402

STATUS_SET = ROOT / "tests" / "fixtures" / "analysis" / "status_set.json"


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    status_ok: int = 0
    canonical_ok: int = 0
    affiliation_ok: int = 0
    confirmed_predicted: int = 0
    confirmed_right: int = 0
    evidence_gold: int = 0
    evidence_predicted: int = 0
    evidence_found: int = 0
    evidence_right: int = 0
    confusion: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def share(self, count: int, of: int | None = None) -> float:
        total = self.matched if of is None else of
        return count / max(total, 1)

    @property
    def f1(self) -> float:
        p = self.matched / max(self.predicted, 1)
        r = self.matched / max(self.gold, 1)
        return 2 * p * r / max(p + r, 1e-9)


def load(split: str, path: Path = STATUS_SET) -> list[dict]:
    paragraphs = json.loads(path.read_text(encoding="utf-8"))["paragraphs"]
    if split == "all":
        return [p for p in paragraphs if p["split"] in ("dev", "test")]
    return [p for p in paragraphs if p["split"] == split]


def predict(paragraphs: list[dict]) -> list[tuple[Claim, ...]]:
    nlp = model.get_nlp()
    texts = [p["text"] for p in paragraphs]
    return [
        claims.find_claims(doc, entities.find_entities(doc, text))
        for doc, text in zip(nlp.pipe(texts, batch_size=16), texts, strict=True)
    ]


def score(paragraphs: list[dict], predictions: list[tuple[Claim, ...]]) -> Score:
    total = Score()
    for para, preds in zip(paragraphs, predictions, strict=True):
        _paragraph(para, list(preds), total)
    return total


def _paragraph(para: dict, preds: list[Claim], total: Score) -> None:
    text, pid = para["text"], para["id"]
    total.gold += len(para["claims"])
    total.predicted += len(preds)
    used: set[int] = set()
    for gold in para["claims"]:
        chosen = _match(text, gold, preds, used)
        if chosen is None:
            words = gold.get("source_text") or text[slice(*gold["source_span"])]
            total.notes.append(f"MISS  [{pid}] {words!r} {gold['cue']!r}")
            continue
        used.add(chosen)
        pred = preds[chosen]
        total.matched += 1
        words = gold.get("source_text") or text[slice(*gold["source_span"])]
        label = f"[{pid}] {words!r} {gold['cue']!r}"
        total.confusion[gold["status"], pred.status] += 1
        if pred.status == gold["status"]:
            total.status_ok += 1
        else:
            total.notes.append(f"STATUS {label}: gold {gold['status']} got {pred.status}")
        if pred.status == "confirmed":
            total.confirmed_predicted += 1
            total.confirmed_right += gold["status"] == "confirmed"
        if _same_name(pred.source_canonical, gold["source_canonical"]):
            total.canonical_ok += 1
        else:
            total.notes.append(
                f"CANON  {label}: gold {gold['source_canonical']!r} got {pred.source_canonical!r}"
            )
        if _same_name(pred.affiliation, gold["affiliation"]):
            total.affiliation_ok += 1
        else:
            total.notes.append(
                f"SIDE   {label}: gold {gold['affiliation']!r} got {pred.affiliation!r}"
            )
        _evidence(text, gold, pred, total, label)
    for k, pred in enumerate(preds):
        if k not in used:
            total.notes.append(f"FALSE [{pid}] {pred.source!r} {pred.cue!r}: {pred.text[:80]!r}")
            if pred.status == "confirmed":
                total.confirmed_predicted += 1


def _match(text: str, gold: dict, preds: list[Claim], used: set[int]) -> int | None:
    if "sentence_span" in gold:  # the wire set gives offsets, not words (bench_wire.py)
        (s_lo, s_hi), (g_lo, g_hi) = gold["sentence_span"], gold["source_span"]
    else:
        s_lo = text.index(gold["sentence"])
        s_hi = s_lo + len(gold["sentence"])
        m = re.search(r"(?<!\w)" + re.escape(gold["source_text"]) + r"(?!\w)", gold["sentence"])
        if m is None:
            raise ValueError(f"{gold['source_text']!r} is not in {gold['sentence']!r}")
        g_lo, g_hi = s_lo + m.start(), s_lo + m.end()
    options = [
        k
        for k, c in enumerate(preds)
        if k not in used
        and c.start < s_hi
        and s_lo < c.end
        and c.source_start < g_hi
        and g_lo < c.source_end
    ]
    cue = gold["cue"].lower()
    same_cue = [k for k in options if cue in preds[k].cue.lower() or preds[k].cue.lower() in cue]
    return (same_cue or options or [None])[0]


def _evidence(text: str, gold: dict, pred: Claim, total: Score, label: str) -> None:
    golds = [(e["start"], e["end"], e["kind"]) for e in gold["evidence"]]
    total.evidence_gold += len(golds)
    total.evidence_predicted += len(pred.evidence)
    found: set[int] = set()
    for e in pred.evidence:
        hit = [
            k
            for k, (lo, hi, kind) in enumerate(golds)
            if kind == e.kind and lo < e.end and e.start < hi
        ]
        if hit:
            total.evidence_right += 1
            found.update(hit[:1])
        else:
            total.notes.append(f"EV+    {label}: {e.kind} {text[e.start : e.end][:70]!r}")
    total.evidence_found += len(found)
    for k, (lo, hi, kind) in enumerate(golds):
        if k not in found:
            total.notes.append(f"EV-    {label}: {kind} {text[lo:hi][:70]!r}")


def _same_name(a: str, b: str) -> bool:
    return normal_name(a.replace("’", "'")) == normal_name(b.replace("’", "'"))


def report(result: Score, title: str) -> None:
    print(f"{title}: gold claims {result.gold}  predicted {result.predicted}", end="")
    print(f"  matched {result.matched}")
    print(f"  claim F1 {result.f1:.3f}")
    print(f"  status accuracy {result.share(result.status_ok):.3f}")
    confirmed = result.share(result.confirmed_right, result.confirmed_predicted)
    right, predicted = result.confirmed_right, result.confirmed_predicted
    print(f"  confirmed precision {confirmed:.3f} ({right}/{predicted})")
    print(
        f"  evidence P {result.share(result.evidence_right, result.evidence_predicted):.3f}  "
        f"R {result.share(result.evidence_found, result.evidence_gold):.3f}"
    )
    print(f"  canonical source accuracy {result.share(result.canonical_ok):.3f}")
    print(f"  affiliation accuracy {result.share(result.affiliation_ok):.3f}")
    confusion(result)


STATUSES = ("claimed", "denied", "disputed", "confirmed", "unconfirmed")


def confusion(result: Score) -> None:
    """Gold x predicted status counts over the matched claims: aggregates only, so it may be
    printed for a validation split too (it names no item)."""
    print("  status confusion (rows gold, columns predicted):")
    print("    " + " " * 12 + "".join(f"{s[:11]:>12}" for s in STATUSES))
    for gold in STATUSES:
        row = [result.confusion[gold, pred] for pred in STATUSES]
        print(f"    {gold:<12}" + "".join(f"{n:>12}" for n in row))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all", "heldout2"), default="dev")
    parser.add_argument("--verbose", action="store_true", help="list every miss and mismatch")
    args = parser.parse_args(argv)
    paragraphs = load(args.split)
    result = score(paragraphs, predict(paragraphs))
    if args.verbose:
        print("\n".join(result.notes))
    report(result, f"{args.split} ({len(paragraphs)} paragraphs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
