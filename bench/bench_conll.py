"""Entity quality on the CoNLL-2003 English dev split (eng.testa): exact-span F1 per type.

    .venv/bin/python bench/bench_conll.py [--data /work/data/conll/eng.testa] [--limit N]
                                          [--baseline] [--errors TYPE]

Each CoNLL document (between -DOCSTART- lines) becomes one text: tokens joined by spaces,
sentences by newlines, so it reads like an article and the rules see a whole document. Our
types map to CoNLL's: PERSON -> PER, PLACE -> LOC, ORG -> ORG; WEAPON and CoNLL's MISC are not
scored. A predicted mention counts only if its span and type both match a gold entity.
`--baseline` scores the spaCy model's own labels (PERSON -> PER, GPE/LOC -> LOC, ORG -> ORG)
for comparison. The data is not part of the repository: see bench/README.md. Never run this on
the test split (eng.testb); rules are tuned on the dev split only.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.pipeline.analyze import entities, model  # noqa: E402

DEFAULT_DATA = Path("/work/data/conll/eng.testa")
OUR_TO_CONLL = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}
SPACY_TO_CONLL = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}
SCORED = ("PER", "LOC", "ORG")
Span = tuple[int, int, str]


def read_documents(path: Path) -> list[tuple[str, set[Span]]]:
    """CoNLL IOB1 columns -> (text, gold spans) per document."""
    docs: list[tuple[str, set[Span]]] = []
    lines: list[list[tuple[str, str]]] = [[]]

    def close_document() -> None:
        sentences = [s for s in lines if s]
        if sentences:
            docs.append(_build(sentences))
        lines.clear()
        lines.append([])

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("-DOCSTART-"):
            close_document()
        elif not raw.strip():
            lines.append([])
        else:
            cols = raw.split()
            lines[-1].append((cols[0], cols[-1]))
    close_document()
    return docs


def _build(sentences: list[list[tuple[str, str]]]) -> tuple[str, set[Span]]:
    parts: list[str] = []
    gold: set[Span] = set()
    pos = 0
    for n, sentence in enumerate(sentences):
        if n:
            parts.append("\n")
            pos += 1
        open_span: list[object] | None = None
        for i, (word, tag) in enumerate(sentence):
            if i:
                parts.append(" ")
                pos += 1
            kind = tag[2:] if tag != "O" else ""
            starts = tag.startswith("B-") or (open_span is not None and open_span[2] != kind)
            if open_span is not None and (not kind or starts):
                gold.add((open_span[0], open_span[1], open_span[2]))  # type: ignore[arg-type]
                open_span = None
            if kind:
                if open_span is None:
                    open_span = [pos, pos + len(word), kind]
                else:
                    open_span[1] = pos + len(word)
            parts.append(word)
            pos += len(word)
        if open_span is not None:
            gold.add((open_span[0], open_span[1], open_span[2]))  # type: ignore[arg-type]
    return "".join(parts), {g for g in gold if g[2] in SCORED}


def predict(doc: object, baseline: bool) -> set[Span]:
    if baseline:
        return {
            (e.start_char, e.end_char, SPACY_TO_CONLL[e.label_])
            for e in doc.ents  # type: ignore[attr-defined]
            if e.label_ in SPACY_TO_CONLL
        }
    return {
        (s, e, OUR_TO_CONLL[ent.type])
        for ent in entities.find_entities(doc)
        if ent.type in OUR_TO_CONLL
        for s, e in ent.mentions
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--baseline", action="store_true", help="score spaCy's own labels")
    ap.add_argument("--errors", default="", help="print misses/false alarms of this type")
    args = ap.parse_args()
    if "testb" in args.data.name:
        sys.exit("refusing to run on the test split: tune and report on eng.testa only")
    docs = read_documents(args.data)
    if args.limit:
        docs = docs[: args.limit]
    nlp = model.get_nlp()
    counts: dict[str, Counter[str]] = {t: Counter() for t in SCORED}
    started = time.perf_counter()
    for (text, gold), doc in zip(docs, nlp.pipe([t for t, _ in docs], batch_size=32), strict=True):
        found = predict(doc, args.baseline)
        for kind in SCORED:
            g = {s for s in gold if s[2] == kind}
            p = {s for s in found if s[2] == kind}
            counts[kind].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))
            if args.errors == kind:
                for s in sorted(g - p):
                    print(f"MISS  {text[s[0] : s[1]]!r:40} {_context(text, s)}")
                for s in sorted(p - g):
                    print(f"FALSE {text[s[0] : s[1]]!r:40} {_context(text, s)}")
    elapsed = time.perf_counter() - started
    label = "spaCy labels" if args.baseline else "sitrep entities"
    print(f"{label} on {args.data.name}: {len(docs)} documents, {elapsed:.1f} s")
    print(f"{'type':5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind in SCORED:
        c = counts[kind]
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        f = 2 * p * r / max(1e-9, p + r)
        print(f"{kind:5} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp'] + c['fn']:6d}")


def _context(text: str, span: Span) -> str:
    left = text.rfind("\n", 0, span[0]) + 1
    right = text.find("\n", span[1])
    line = text[left : right if right >= 0 else len(text)]
    return " ".join(line.split())[:110]


if __name__ == "__main__":
    main()
