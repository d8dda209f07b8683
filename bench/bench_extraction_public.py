"""Reading-text quality on public extraction sets we never tuned on, against open extractors.

Dev sets: Dragnet (news and blog pages, gold = the corrected main content) and CleanEval (the
dev and final pages with a gold text; the one page in both is counted once), read in place from
the byte-identical copies in the public repository j-szulc/html-cleaning-dataset-merged, unpacked
outside the repo (default /work/data/extraction-public, or --data). Only those two parts are read:
the repository's other sets are a held-out yardstick.

Each page is decoded once with our own decoder and the same text goes to every extractor, in the
same run. Scores are ROUGE-LSum F1 per page (bench/rouge_lsum.py), the mean per set, and the macro
average of the set means, as in Bevendorff et al. (SIGIR 2023). CleanEval's gold loses its <p>,
<h> and <l> markers and its URL line; its pages lose their <text> wrapper, as there.

The same run is the no-crash check over every page: ``reading_text`` on the decoded text and
``extract`` on the raw bytes must return or raise ExtractError ("no reading text"), nothing else,
and each within --limit seconds. Times are per page, CPU time of this process (the machine is
shared, so wall time says more about the neighbours than about us).

    .venv/bin/python bench/bench_extraction_public.py                  # all three, both sets
    .venv/bin/python bench/bench_extraction_public.py --only sitrep    # ours alone, quicker
    .venv/bin/python bench/bench_extraction_public.py --worst 20       # pages where we lose most
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib.util
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rouge_lsum import rouge_lsum  # noqa: E402

from tui.core.errors import ExtractError  # noqa: E402
from tui.pipeline.extract import UNREADABLE, extract, reading_text  # noqa: E402
from tui.pipeline.extract.encoding import decode_html  # noqa: E402

DATA = Path("/work/data/extraction-public")
SHARED_BENCH = ROOT.parent / "shared" / "bench" / "extraction.py"
SETS = {"dragnet": ("dragnet_data",), "cleaneval": ("cleaneval-dev", "cleaneval-final")}
_TEXT_WRAPPER = re.compile(r"^<text [^>]+>\s*|\s*</text>\s*$", re.M)
_GOLD_MARKER = re.compile(r"</?(?:p|h|l)\b[^>]*>", re.I)
_URL_LINE = re.compile(r"^\s*URL:[^\n]+\s*")


@dataclass(slots=True)
class Page:
    name: str
    raw: bytes
    html: str
    truth: str


@dataclass(slots=True)
class Run:
    """One extractor over one set: per-page F1, CPU milliseconds and failures."""

    f1: dict[str, float] = field(default_factory=dict)
    ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load(data: Path, name: str) -> list[Page]:
    pages: list[Page] = []
    seen: set[str] = set()
    for part in SETS[name]:
        for gold in sorted((data / part / "GoldStandard").glob("*.txt")):
            source = data / part / "input" / (gold.stem + ".html")
            if not source.exists():
                continue
            raw = source.read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            text = decode_html(raw)
            truth = decode_html(gold.read_bytes())
            if name == "cleaneval":
                text = _TEXT_WRAPPER.sub("", text)
                truth = html.unescape(_GOLD_MARKER.sub("", truth))
                truth = _URL_LINE.sub("", re.sub(r"\n +", "\n", truth))
            pages.append(Page(f"{part}/{gold.stem}", raw, text, truth))
    return pages


def baselines() -> dict[str, Callable[[str], str]]:
    """readability-lxml and trafilatura as the shared Zyte bench calls them (imported)."""
    spec = importlib.util.spec_from_file_location("sitrep_shared_extraction", SHARED_BENCH)
    if spec is None or spec.loader is None or not SHARED_BENCH.exists():
        sys.exit(f"{SHARED_BENCH} is missing: the baselines come from the shared bench")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {"readability-lxml": module.ex_readability, "trafilatura": module.ex_trafilatura}


class Scores:
    """ROUGE-LSum F1 by (reference, output) digest: scoring is deterministic and costs far more
    than extracting, so a rerun scores only the outputs that changed. Kept outside the repo."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, float] = {}
        if path is not None and path.exists():
            self.known = json.loads(path.read_text())

    def f1(self, truth: str, output: str) -> float:
        key = hashlib.sha256(f"{truth}\0{output}".encode("utf-8", "replace")).hexdigest()[:32]
        if key not in self.known:
            self.known[key] = rouge_lsum(truth, output)[2]
        return self.known[key]

    def save(self) -> None:
        if self.path is not None:
            self.path.write_text(json.dumps(self.known))


def run(
    pages: list[Page], func: Callable[[str], str], limit: float, scores: Scores
) -> tuple[Run, list[str]]:
    result = Run()
    outputs = []
    for page in pages:
        start = time.process_time()
        try:
            out = func(page.html) or ""
        except Exception as exc:  # a bench records every failure, whatever raised it
            out = ""
            result.errors.append(f"{page.name}: {type(exc).__name__}: {str(exc)[:120]}")
        spent = time.process_time() - start
        if spent > limit:
            result.errors.append(f"{page.name}: {spent:.1f} s, over the {limit} s limit")
        result.ms.append(spent * 1000)
        outputs.append(out)
        result.f1[page.name] = scores.f1(page.truth, out)
    return result, outputs


def crash_check(pages: list[Page], limit: float) -> list[str]:
    """``extract`` on the raw bytes: an Article or ExtractError, within the limit, nothing else."""
    failures = []
    for page in pages:
        start = time.process_time()
        try:
            extract(page.raw, f"https://dev.example/{page.name}")
        except ExtractError as exc:
            if UNREADABLE in str(exc):  # caught by the last line of defence: still a failure
                failures.append(f"{page.name}: {exc}")
        except Exception as exc:  # the very thing this check exists to count
            failures.append(f"{page.name}: {type(exc).__name__}: {str(exc)[:120]}")
        spent = time.process_time() - start
        if spent > limit:
            failures.append(f"{page.name}: extract took {spent:.1f} s")
    return failures


def report(runs: dict[str, dict[str, Run]], crashes: dict[str, list[str]]) -> None:
    names = list(next(iter(runs.values())))
    head = "| extractor | " + " | ".join(f"{s} ({len(runs[s][names[0]].f1)})" for s in runs)
    print(head + " | **macro** | ms/page median (mean) | exceptions |")
    print("|---" * (len(runs) + 4) + "|")
    for name in names:
        means = [statistics.fmean(runs[s][name].f1.values()) for s in runs]
        ms = [m for s in runs for m in runs[s][name].ms]
        errors = sum(len(runs[s][name].errors) for s in runs)
        cells = " | ".join(f"{m:.3f}" for m in means)
        timing = f"{statistics.median(ms):.1f} ({statistics.fmean(ms):.1f})"
        print(f"| {name} | {cells} | **{statistics.fmean(means):.3f}** | {timing} | {errors} |")
    for s in runs:
        for name in names:
            for line in runs[s][name].errors[:10]:
                print(f"  {name} on {s}: {line}")
    for s, lines in crashes.items():
        print(f"extract() on the raw bytes of {s}: {len(lines)} failures")
        for line in lines[:10]:
            print("  " + line)


def worst(runs: dict[str, dict[str, Run]], count: int) -> None:
    """The pages where ours trails the better baseline most: where to look next."""
    rows = []
    for s, by_name in runs.items():
        ours = by_name["sitrep"].f1
        others = [r.f1 for n, r in by_name.items() if n != "sitrep"]
        for page, f1 in ours.items():
            best = max((o[page] for o in others), default=f1)
            rows.append((f1 - best, s, page, f1, best))
    for gap, _s, page, f1, best in sorted(rows)[:count]:
        print(f"{gap:+.3f}  {page}  ours {f1:.3f}  best other {best:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sets", default="dragnet,cleaneval")
    parser.add_argument("--only", default="", help="comma list of extractors to run")
    parser.add_argument("--limit", type=float, default=2.0, help="seconds a page may take")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages we lose most on")
    parser.add_argument("--no-crash-check", action="store_true")
    parser.add_argument("--cache", type=Path, default=DATA.parent / "extraction-public-scores.json",
                        help="scores of outputs seen before (outside the repo)")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--json-out", type=Path, help="write per-page F1 of every extractor")
    parser.add_argument("--against", type=Path, help="per-page F1 of an earlier --json-out, for "
                        "--worst only (the table holds this run alone)")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data} is missing: unpack the Dragnet and CleanEval parts there")
    extractors: dict[str, Callable[[str], str]] = {"sitrep": reading_text}
    only = set(filter(None, args.only.split(",")))
    if only != {"sitrep"}:
        extractors.update(baselines())
    if only:
        extractors = {n: f for n, f in extractors.items() if n in only}
    scores = Scores(None if args.no_cache else args.cache)
    runs: dict[str, dict[str, Run]] = {}
    crashes: dict[str, list[str]] = {}
    for s in args.sets.split(","):
        pages = load(args.data, s)
        runs[s] = {n: run(pages, f, args.limit, scores)[0] for n, f in extractors.items()}
        scores.save()
        if not args.no_crash_check:
            crashes[s] = crash_check(pages, args.limit)
    report(runs, crashes)
    if args.json_out:
        scores = {s: {n: r.f1 for n, r in by.items()} for s, by in runs.items()}
        args.json_out.write_text(json.dumps(scores))
    if args.worst:
        if args.against:
            for s, by in json.loads(args.against.read_text()).items():
                for n, f1 in by.items():
                    if n != "sitrep" and s in runs:
                        runs[s].setdefault(n, Run(f1=f1))
        worst(runs, args.worst)


if __name__ == "__main__":
    main()
