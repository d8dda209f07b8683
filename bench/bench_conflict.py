"""The conflict flag (`is:conflict`, the ≠ mark) against our labels: precision and recall.

    .venv/bin/python bench/bench_conflict.py [--show] [--wire DIR] [--extra DIR]

Pages (259 when every text is there):
- the 181 Zyte benchmark pages (../shared/data/extraction/ground-truth.json, their
  human-written bodies; mostly not about war) and the 10 demo pages (extracted from
  tui/demo/pages), labelled in bench/data/conflict_labels.tsv;
- the 37 wire articles of the entity set (bench/data/wire_entities.jsonl, all reports of
  fighting, strikes and their casualties: conflict), texts read in place from --wire;
- 31 more pages (bench/data/conflict_pages.jsonl: address, search, label, why, SHA-256):
  15 reports of the wars in Somalia, Syria, north-east Nigeria and Amhara, and 16 pages that
  borrow war's words without reporting a war (NATO spending talks, trade wars, mall
  shootings, protests and tear gas), texts read in place from --extra.
The texts of the last two groups are search excerpts kept outside the repository (how to
refill them: bench/README.md); a missing or changed text is skipped and reported.

Each page goes through `analyze_many` as the refresh sends it, so pages in other languages
get no flag. `--show` prints every page whose flag disagrees with its label.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline.analyze import analyze_many  # noqa: E402
from tui.pipeline.extract import extract  # noqa: E402

PAGES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"
DEMO = ROOT / "tui" / "demo" / "pages"
LABELS = ROOT / "bench" / "data" / "conflict_labels.tsv"
WIRE = ROOT / "bench" / "data" / "wire_entities.jsonl"
EXTRA = ROOT / "bench" / "data" / "conflict_pages.jsonl"


def labels() -> dict[str, str]:
    lines = [x for x in LABELS.read_text("utf-8").splitlines() if x and not x.startswith("#")]
    return {key: label for key, label, *_ in (x.split("\t") for x in lines[1:])}


def pages(wire: Path, extra: Path) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """(key, text, is conflict) for every page of the mix, and the pages skipped."""
    marks = labels()
    found = []
    for key, value in json.loads(PAGES.read_text("utf-8")).items():
        label = marks.get(key) or marks.get(key[:8], "other")
        found.append((key[:8], value["articleBody"], label == "conflict"))
    for path in sorted(DEMO.glob("*.html")):
        text = extract(path.read_bytes(), "https://demo.invalid/" + path.name).text
        found.append(("demo:" + path.stem, text, marks.get("demo:*") == "conflict"))
    skipped: list[str] = []
    for source, listing, folder in (("wire", WIRE, wire), ("extra", EXTRA, extra)):
        for line in listing.read_text("utf-8").splitlines():
            record = json.loads(line)
            if record.get("split") in ("heldout2", "heldout4", "heldout5", "heldout6", "heldout7",
                                      "heldout8", "heldout9", "heldout10", "heldout11",
                                      "heldout12", "heldout13", "heldout14",
                                      "heldout15", "heldout16"):
                continue  # the entities' held-out checks: kept unseen here too
            path = folder / f"{record['id']}.txt"
            text = path.read_text("utf-8") if path.exists() else ""
            if hashlib.sha256(text.encode()).hexdigest() != record["sha256"]:
                skipped.append(f"{source}:{record['id']}")
                continue
            label = record.get("label", "conflict")  # every wire article reports fighting
            found.append((f"{source}:{record['id']}", text, label == "conflict"))
    return found, skipped


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print every disagreement")
    ap.add_argument("--wire", type=Path, default=Path("/work/data/wire"))
    ap.add_argument("--extra", type=Path, default=Path("/work/data/conflict_extra"))
    args = ap.parse_args()
    mix, skipped = pages(args.wire, args.extra)
    counts: dict[str, Counter[str]] = {"all": Counter()}
    for (key, text, gold), analysis in zip(mix, analyze_many([t for _, t, _ in mix]), strict=True):
        source = key.split(":")[0] if ":" in key else "zyte"
        outcome = ("tp" if gold else "fp") if analysis.conflict else ("fn" if gold else "tn")
        for group in ("all", source):
            counts.setdefault(group, Counter())[outcome] += 1
        if args.show and gold != analysis.conflict:
            print(f"{'MISS' if gold else 'FALSE'}  {key:28} {' '.join(text.split())[:80]!r}")
    for note in skipped:
        print(f"skipped (text missing or changed): {note}")
    for group, c in counts.items():
        positives, total = c["tp"] + c["fn"], sum(c.values())
        print(
            f"{group:6} pages {total:3d} ({positives:3d} conflict)  "
            f"precision {c['tp'] / max(1, c['tp'] + c['fp']):.3f}  "
            f"recall {c['tp'] / max(1, positives):.3f}  "
            f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']})"
        )


if __name__ == "__main__":
    main()
