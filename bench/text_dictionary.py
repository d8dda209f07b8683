"""Write a preset dictionary for the store's texts (tui/store/text_pack.py) from our own texts.

    .venv/bin/python bench/text_dictionary.py --out tui/store/data/texts-1.zdict
    .venv/bin/python bench/text_dictionary.py --check tui/store/data/texts-1.zdict

The sources are texts written by us for this project: the story fixtures' articles
(tests/fixtures/stories/*/articles) and the demo's pages (tui/demo), their markup taken out.
No web text. The words, and runs of two and three words, that occur at least twice are scored
by occurrences × length; the best are kept until the dictionary is full (32 KB, what deflate's
window holds), each left out when a better one already contains it, the best last (deflate
reaches the dictionary's end with the shortest distances). A dictionary, once a stored value
names it, never changes: `--check` says whether a file is what these sources give today (they
grow; a new dictionary is a new number).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 32768
HEADER = """\
# A preset dictionary for sitrep's stored texts (tui/store/text_pack.py). Written by
# bench/text_dictionary.py from texts written for this project: the story fixtures' articles
# (tests/fixtures/stories/*/articles) and the demo's pages (tui/demo). No web text.
# Stored values name this file by its number: never change it; a new one takes a new number.
"""


def sources() -> list[str]:
    articles = sorted(ROOT.glob("tests/fixtures/stories/*/articles/*.txt"))
    texts = [path.read_text("utf-8") for path in articles]
    for page in sorted(ROOT.glob("tui/demo/**/*.html")):
        markup = re.sub(r"(?s)<script.*?</script>|<style.*?</style>", "", page.read_text("utf-8"))
        texts.append(re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))))
    return texts


def build(texts: list[str], size: int = SIZE) -> str:
    words = "\n".join(texts).split()
    grams: Counter[str] = Counter()
    for n in (1, 2, 3):
        for at in range(len(words) - n + 1):
            grams[" " + " ".join(words[at : at + n])] += 1
    scored = sorted(
        ((count * (len(gram) - 2), gram) for gram, count in grams.items()
         if count >= 2 and len(gram) > 3),
        reverse=True,
    )  # fmt: skip
    chosen: list[str] = []
    total, joined = 0, ""
    for _, gram in scored:
        length = len(gram.encode("utf-8"))
        if gram in joined or total + length > size:
            continue
        chosen.append(gram)
        total += length
        joined += gram
    return "".join(reversed(chosen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--check", type=Path)
    args = parser.parse_args()
    found = build(sources())
    if args.out:
        args.out.write_text(HEADER + found + "\n", encoding="utf-8")
        print(f"{args.out}: {len(found.encode('utf-8'))} bytes")
    if args.check:
        lines = args.check.read_text("utf-8").split("\n")
        kept = "".join(line for line in lines if line and not line.startswith("#"))
        same = kept == found
        print(f"{args.check}: {'the same as' if same else 'not what'} today's sources give")
        sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
