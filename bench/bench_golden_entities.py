"""Entity quality on our own golden paragraphs (tests/fixtures/analysis/golden.json).

    .venv/bin/python bench/bench_golden_entities.py [--golden PATH] [--errors]

`--errors` prints every missed and false mention and every gold entity name not found.

Each paragraph lists every entity with its type and mention spans. Scored per type on
mentions (exact span and type): recall = gold mentions found / gold mentions, precision =
found mentions that are gold / found mentions. Entity names are scored too: a gold entity
counts as found when an entity of the same type has the same canonical name. Targets (issue
4): mention recall >= 0.95 per type and PERSON precision >= 0.95.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline.analyze import entities, model  # noqa: E402

GOLDEN = ROOT / "tests" / "fixtures" / "analysis" / "golden.json"
# Entity-only paragraphs for the weapon and organisation families of the lists (issue 15).
FAMILIES = ROOT / "tests" / "fixtures" / "analysis" / "golden_entities_families.json"
TYPES = ("PERSON", "PLACE", "ORG", "WEAPON")


def score(paragraphs: list[dict[str, object]], show_errors: bool = False) -> dict[str, Counter]:
    """Counts per type: gold, found, hit (mentions); names, names_hit (canonical names)."""
    counts: dict[str, Counter] = {t: Counter() for t in TYPES}
    nlp = model.get_nlp()
    texts = [str(p["text"]) for p in paragraphs]
    for paragraph, doc in zip(paragraphs, nlp.pipe(texts), strict=True):
        text = str(paragraph["text"])
        gold_ents = paragraph.get("entities") or []
        found = entities.find_entities(doc)
        gold = {(s, e, g["type"]) for g in gold_ents for s, e in g["mentions"]}  # type: ignore[union-attr,index]
        pred = {(s, e, f.type) for f in found for s, e in f.mentions}
        names = {(f.name, f.type) for f in found}
        for kind in TYPES:
            g = {m for m in gold if m[2] == kind}
            p = {m for m in pred if m[2] == kind}
            counts[kind].update(gold=len(g), found=len(p), hit=len(g & p))
            gold_names = {x["name"] for x in gold_ents if x["type"] == kind}  # type: ignore[index]
            counts[kind].update(names=len(gold_names))
            counts[kind].update(names_hit=sum((n, kind) in names for n in gold_names))
            if show_errors:
                ours = sorted(n for n, k in names if k == kind)
                for name in sorted(gold_names - set(ours)):
                    print(f"NAME  {kind:6} {name!r} not among {ours}")
                for s, e, _ in sorted(g - p):
                    print(f"MISS  {kind:6} {text[s:e]!r}  in {text[max(0, s - 40) : e + 40]!r}")
                for s, e, _ in sorted(p - g):
                    print(f"FALSE {kind:6} {text[s:e]!r}  in {text[max(0, s - 40) : e + 40]!r}")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--golden", type=Path, nargs="+", default=[GOLDEN, FAMILIES])
    ap.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args()
    paragraphs = [p for f in args.golden for p in json.loads(f.read_text("utf-8"))["paragraphs"]]
    counts = score(paragraphs, args.errors)
    names = ", ".join(f.name for f in args.golden)
    print(f"golden entities: {len(paragraphs)} paragraphs ({names})")
    print(f"{'type':7} {'recall':>7} {'precision':>9} {'names':>7} {'gold':>5}")
    for kind in TYPES:
        c = counts[kind]
        recall = c["hit"] / max(1, c["gold"])
        precision = c["hit"] / max(1, c["found"])
        names = c["names_hit"] / max(1, c["names"])
        print(f"{kind:7} {recall:7.3f} {precision:9.3f} {names:7.3f} {c['gold']:5d}")


if __name__ == "__main__":
    main()
