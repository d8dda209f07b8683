"""Language detection: accuracy on our labelled samples, what it says of the 181 benchmark
pages, and its cost per article (CPU time).

    .venv/bin/python bench/bench_language.py [--show]

Samples: tests/fixtures/language/samples.json (short wire-style texts we wrote, labelled).
Pages: the human-written article bodies of ../shared/data/extraction/ground-truth.json; most
are English, some are not (their language is printed with `--show`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.pipeline.analyze.language import detect_language  # noqa: E402

SAMPLES = ROOT / "tests" / "fixtures" / "language" / "samples.json"
PAGES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print every non-English page")
    args = ap.parse_args()
    started = time.process_time()
    detect_language("warm up: the model loads on first use")
    print(f"model load: {time.process_time() - started:.2f} s CPU")
    samples = json.loads(SAMPLES.read_text("utf-8"))["samples"]
    cpu = time.process_time()
    right = sum(detect_language(s["text"]) == s["lang"] for s in samples)
    per_sample = (time.process_time() - cpu) / len(samples)
    print(f"samples: {right}/{len(samples)} right, {per_sample * 1000:.2f} ms CPU each")
    truth = json.loads(PAGES.read_text("utf-8"))
    bodies = [(v.get("url", k), v["articleBody"]) for k, v in truth.items()]
    cpu = time.process_time()
    found = [(url, body, detect_language(body)) for url, body in bodies]
    per_page = (time.process_time() - cpu) / len(bodies)
    print(f"pages: {len(bodies)}, {per_page * 1000:.2f} ms CPU each")
    print("languages:", dict(Counter(lang for _, _, lang in found).most_common()))
    if args.show:
        for url, body, lang in found:
            if lang != "en":
                print(f"{lang}  {url[:70]}  {' '.join(body.split())[:60]!r}")


if __name__ == "__main__":
    main()
