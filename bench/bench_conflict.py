"""The conflict flag (`is:conflict`, the ≠ mark) against our labels: precision and recall.

    .venv/bin/python bench/bench_conflict.py [--show]

Pages: the 181 Zyte benchmark pages (../shared/data/extraction/ground-truth.json, their
human-written bodies; mostly not about war) and the 10 demo pages (extracted from
tui/demo/pages), labelled in bench/data/conflict_labels.tsv. Each page goes through
`analyze_many` as the refresh sends it, so pages in other languages get no flag.
`--show` prints every page whose flag disagrees with its label, with its score.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline.analyze import analyze_many  # noqa: E402
from tui.pipeline.extract import extract  # noqa: E402

PAGES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"
DEMO = ROOT / "tui" / "demo" / "pages"
LABELS = ROOT / "bench" / "data" / "conflict_labels.tsv"


def labels() -> dict[str, str]:
    lines = [x for x in LABELS.read_text("utf-8").splitlines() if x and not x.startswith("#")]
    return {key: label for key, label, *_ in (x.split("\t") for x in lines[1:])}


def pages() -> list[tuple[str, str, bool]]:
    """(key, text, is conflict) for every page of the mix."""
    marks = labels()
    found = []
    for key, value in json.loads(PAGES.read_text("utf-8")).items():
        label = marks.get(key) or marks.get(key[:8], "other")
        found.append((key[:8], value["articleBody"], label == "conflict"))
    for path in sorted(DEMO.glob("*.html")):
        text = extract(path.read_bytes(), "https://demo.invalid/" + path.name).text
        found.append(("demo:" + path.stem, text, marks.get("demo:*") == "conflict"))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print every disagreement")
    args = ap.parse_args()
    mix = pages()
    tp = fp = fn = 0
    for (key, text, gold), analysis in zip(mix, analyze_many([t for _, t, _ in mix]), strict=True):
        tp += gold and analysis.conflict
        fp += analysis.conflict and not gold
        fn += gold and not analysis.conflict
        if args.show and gold != analysis.conflict:
            print(f"{'MISS' if gold else 'FALSE'}  {key:28} {' '.join(text.split())[:80]!r}")
    positives = sum(g for _, _, g in mix)
    print(f"pages: {len(mix)} ({positives} conflict, {len(mix) - positives} other)")
    print(
        f"precision {tp / max(1, tp + fp):.3f}  recall {tp / max(1, tp + fn):.3f}  "
        f"(tp {tp}, fp {fp}, fn {fn})"
    )


if __name__ == "__main__":
    main()
