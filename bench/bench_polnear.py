"""Claims against PolNeAR, real news annotated with attributions (source, cue, content).

    .venv/bin/python bench/bench_polnear.py --data /work/data/polnear [--split dev] [--cache DIR]

`--data` is a directory holding PolNeAR's `data/` folder (or that folder itself). Only the
train and dev splits can be chosen: the test split stays unseen. Where several annotators
annotated one article, the alphabetically first annotation file is used.

Figures (criteria are in bench/README.md, "Claims (PolNeAR dev)"):
- cue P/R/F1: a predicted cue matches a gold cue when their character spans overlap; each gold
  cue is matched at most once (the standard partial-match criterion for attribution cues);
- exact cue F1 for reference: spans equal after trimming whitespace and punctuation;
- source accuracy: over matched attributions that have a gold source, the share whose
  predicted source span equals it exactly after the same trimming.
`--cache DIR` keeps the parsed documents (spaCy DocBin) so that reruns skip the parser.
"""

from __future__ import annotations

import argparse
import string
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.models import Claim  # noqa: E402
from tui.pipeline.analyze import claims, cues, model  # noqa: E402

_STRIP = string.whitespace + string.punctuation + "“”‘’—–…"
Gold = tuple[tuple[int, int], tuple[int, int] | None]  # (cue span, source span or None)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    root = _data_root(Path(args.data)) / args.split
    names = sorted(p.stem for p in (root / "text").glob("*.txt"))[: args.limit or None]
    texts = [(root / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    golds = [_read_gold(_annotation_file(root, n)) for n in names]
    started = time.perf_counter()
    docs = _docs(texts, names, args.cache, args.split)
    parsed = time.perf_counter()
    find = _baseline if args.baseline else (lambda doc: claims.find_claims(doc, ()))
    preds = [find(doc) for doc in docs]
    done = time.perf_counter()
    _report(texts, golds, preds, args.verbose)
    words = sum(len(t.split()) for t in texts)
    print(
        f"articles {len(texts)}  words {words}  parse {parsed - started:.1f}s  "
        f"claims {done - parsed:.2f}s ({words / max(done - parsed, 1e-9):,.0f} words/s)"
    )
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="directory holding PolNeAR's data/")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--cache", help="directory for parsed documents (DocBin)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--verbose", action="store_true", help="print misses and false alarms")
    parser.add_argument(
        "--baseline", action="store_true", help="plain parse: a say-verb and its subject"
    )
    return parser.parse_args(argv)


def _data_root(path: Path) -> Path:
    return path / "data" if (path / "data" / "dev").is_dir() else path


def _annotation_file(root: Path, name: str) -> Path:
    return sorted((root / "attributions").glob(f"{name}_*.ann"))[0]


def _read_gold(path: Path) -> list[Gold]:
    """Cue and source spans of every attribution in a BRAT standoff file."""
    spans: dict[str, tuple[int, int]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, *offsets = parts[1].replace(";", " ").split(" ")
            numbers = [int(x) for x in offsets]
            spans[parts[0]] = (min(numbers), max(numbers))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1])
    gold: list[Gold] = []
    for event in events:
        roles = dict(arg.split(":", 1) for arg in event.split() if ":" in arg)
        if "Cue" in roles and roles["Cue"] in spans:
            source = spans.get(roles.get("Source", ""))
            gold.append((spans[roles["Cue"]], source))
    return gold


def _docs(texts: list[str], names: list[str], cache: str | None, split: str) -> list:
    """Parsed articles; with `cache`, stored once and read back (the model must not change)."""
    nlp = model.get_nlp()
    if cache:
        from spacy.tokens import DocBin

        path = Path(cache) / f"polnear-{split}-{len(names)}.spacy"
        if path.exists():
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
        docs = list(nlp.pipe(texts, batch_size=16))
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
        return docs
    return list(nlp.pipe(texts, batch_size=16))


_SAY = cues.words(
    """
    say says said saying tell tells told telling claim claims claimed add adds added state
    states stated announce announced report reported according
    """
)


def _baseline(doc: Any) -> list[Claim]:
    """The plain spaCy-parse reading: a say-verb with a subject; the subject's subtree."""
    out = []
    for tok in doc:
        if tok.lower_ not in _SAY:
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.lower_ == "according" and tok.i + 2 < len(doc):
            subjects = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        if not subjects:
            continue
        subj = subjects[0]
        lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
        out.append(
            Claim(
                start=0,
                end=0,
                text="",
                source="",
                source_start=lo,
                source_end=hi,
                cue=tok.text,
                cue_start=tok.idx,
                cue_end=tok.idx + len(tok.text),
                content_start=0,
                content_end=0,
                quote="reported",
                status="claimed",
            )
        )
    return out


def _norm(text: str, span: tuple[int, int]) -> tuple[int, int]:
    lo, hi = span
    while lo < hi and text[lo] in _STRIP:
        lo += 1
    while hi > lo and text[hi - 1] in _STRIP:
        hi -= 1
    return lo, hi


def _report(texts: list[str], golds: list[list[Gold]], preds: list, verbose: bool) -> None:
    n_gold = n_pred = matched = exact = with_source = source_ok = 0
    for text, gold, pred in zip(texts, golds, preds, strict=True):
        cues = sorted({(c.cue_start, c.cue_end): c for c in pred}.items())
        n_gold += len(gold)
        n_pred += len(cues)
        used: set[int] = set()
        for g_cue, g_src in gold:
            hit = next(
                (
                    k
                    for k, ((a, b), _) in enumerate(cues)
                    if k not in used and a < g_cue[1] and g_cue[0] < b
                ),
                None,
            )
            if hit is None:
                if verbose:
                    print("MISS", repr(text[g_cue[0] : g_cue[1]]), "|", _context(text, g_cue))
                continue
            used.add(hit)
            matched += 1
            claim = cues[hit][1]
            exact += _norm(text, g_cue) == _norm(text, (claim.cue_start, claim.cue_end))
            if g_src is not None:
                with_source += 1
                ok = _norm(text, g_src) == _norm(text, (claim.source_start, claim.source_end))
                source_ok += ok
                if verbose and not ok:
                    print(
                        "SRC ",
                        repr(text[g_src[0] : g_src[1]]),
                        "<>",
                        repr(text[claim.source_start : claim.source_end]),
                    )
        if verbose:
            for k, ((a, b), _) in enumerate(cues):
                if k not in used:
                    print("FALSE", repr(text[a:b]), "|", _context(text, (a, b)))
    precision = matched / max(n_pred, 1)
    recall = matched / max(n_gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    exact_f1 = 2 * exact / max(n_pred + n_gold, 1)
    print(f"gold cues {n_gold}  predicted {n_pred}  matched {matched}")
    print(f"cue overlap  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print(f"cue exact    F1 {exact_f1:.3f}")
    print(
        f"source exact accuracy {source_ok / max(with_source, 1):.3f} "
        f"({source_ok}/{with_source} matched attributions with a gold source)"
    )


def _context(text: str, span: tuple[int, int]) -> str:
    return text[max(0, span[0] - 70) : span[1] + 50].replace("\n", " ")


if __name__ == "__main__":
    raise SystemExit(main())
