"""Claims against our golden paragraphs (tests/fixtures/analysis/golden.json).

    .venv/bin/python bench/bench_golden_claims.py [--verbose]

Each paragraph is analysed on its own, through the same steps as the analyzer (model, entities,
claims). A predicted claim matches a gold claim when its sentence overlaps the gold sentence and
its source span overlaps the gold source words (`source_text`); when several qualify, the one
with the same cue wins; each prediction matches at most one gold claim. Then, over the matched
pairs: source accuracy (names equal after lower-casing and dropping articles, possessives and
punctuation), status accuracy and quote accuracy. Targets: F1 >= 0.92, source >= 0.92,
status >= 0.85 (bench/README.md, "Claims (golden)").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.models import Claim  # noqa: E402
from tui.pipeline.analyze import claims, entities, model  # noqa: E402
from tui.pipeline.analyze.overlap import normal_name  # noqa: E402

GOLDEN = ROOT / "tests" / "fixtures" / "analysis" / "golden.json"


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    source_ok: int = 0
    status_ok: int = 0
    quote_ok: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / max(self.predicted, 1)

    @property
    def recall(self) -> float:
        return self.matched / max(self.gold, 1)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / max(p + r, 1e-9)

    def share(self, count: int) -> float:
        return count / max(self.matched, 1)


def load_golden(path: Path = GOLDEN) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["paragraphs"]


def predict(paragraphs: list[dict]) -> list[tuple[Claim, ...]]:
    """Claims for every paragraph, each analysed alone, the model loaded once."""
    nlp = model.get_nlp()
    out = []
    for doc in nlp.pipe([p["text"] for p in paragraphs], batch_size=16):
        out.append(claims.find_claims(doc, entities.find_entities(doc)))
    return out


def score(paragraphs: list[dict], predictions: list[tuple[Claim, ...]]) -> Score:
    total = Score()
    for para, preds in zip(paragraphs, predictions, strict=True):
        _score_paragraph(para, list(preds), total)
    return total


def _score_paragraph(para: dict, preds: list[Claim], total: Score) -> None:
    text = para["text"]
    total.gold += len(para["claims"])
    total.predicted += len(preds)
    used: set[int] = set()
    for gold in para["claims"]:
        s_lo = text.index(gold["sentence"])
        s_hi = s_lo + len(gold["sentence"])
        g_lo, g_hi = _word_span(gold["sentence"], gold["source_text"], s_lo)
        options = [
            k
            for k, c in enumerate(preds)
            if k not in used
            and c.start < s_hi
            and s_lo < c.end
            and c.source_start < g_hi
            and g_lo < c.source_end
        ]
        same_cue = [k for k in options if _cue_agrees(preds[k].cue, gold["cue"])]
        chosen = (same_cue or options or [None])[0]
        if chosen is None:
            total.notes.append(
                f"MISS  [{para['id']}] {gold['source']!r} {gold['cue']!r}: "
                f"{gold['sentence'][:90]!r}"
            )
            continue
        used.add(chosen)
        pred = preds[chosen]
        total.matched += 1
        if normal_name(pred.source) == normal_name(gold["source"]):
            total.source_ok += 1
        else:
            total.notes.append(f"SOURCE [{para['id']}] gold {gold['source']!r} got {pred.source!r}")
        if pred.status == gold["status"]:
            total.status_ok += 1
        else:
            total.notes.append(
                f"STATUS [{para['id']}] {gold['source']!r} {gold['cue']!r}: "
                f"gold {gold['status']} got {pred.status}"
            )
        if pred.quote == gold["quote"]:
            total.quote_ok += 1
        else:
            total.notes.append(f"QUOTE [{para['id']}] {gold['cue']!r}: gold {gold['quote']}")
    for k, pred in enumerate(preds):
        if k not in used:
            total.notes.append(
                f"FALSE [{para['id']}] {pred.source!r} {pred.cue!r}: {pred.text[:90]!r}"
            )


def _word_span(sentence: str, words: str, offset: int) -> tuple[int, int]:
    """Where `words` stand as whole words in `sentence` ("he" is not the one in "There")."""
    match = re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", sentence)
    if match is None:
        raise ValueError(f"{words!r} is not in {sentence!r}")
    return offset + match.start(), offset + match.end()


def _cue_agrees(predicted: str, gold: str) -> bool:
    a, b = predicted.lower(), gold.lower()
    return a in b or b in a


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss and mismatch")
    args = parser.parse_args(argv)
    paragraphs = load_golden()
    predictions = predict(paragraphs)
    result = score(paragraphs, predictions)
    if args.verbose:
        print("\n".join(result.notes))
    held = [k for k, p in enumerate(paragraphs) if p["id"].startswith("heldout-")]
    if held:
        part = score([paragraphs[k] for k in held], [predictions[k] for k in held])
        print(
            f"held-out part ({len(held)} paragraphs annotated before the first run): "
            f"F1 {part.f1:.3f}  source {part.share(part.source_ok):.3f}  "
            f"status {part.share(part.status_ok):.3f}"
        )
    print(
        f"paragraphs {len(paragraphs)}  gold claims {result.gold}  predicted {result.predicted}  "
        f"matched {result.matched}"
    )
    print(
        f"claim P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}  (target 0.92)"
    )
    print(f"source accuracy {result.share(result.source_ok):.3f}  (target 0.92)")
    print(f"status accuracy {result.share(result.status_ok):.3f}  (target 0.85)")
    print(f"quote accuracy  {result.share(result.quote_ok):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
