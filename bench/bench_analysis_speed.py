"""Analysis throughput in words per second: `analyze_many` over real article texts.

    .venv/bin/python bench/bench_analysis_speed.py [--extract] [--processes N] [--batch-size B]
                                                  [--chunk C] [--limit N] [--repeat R]

Texts: the human-written `articleBody` of the 181 pages in
../shared/data/extraction/ground-truth.json (about 132,000 words). With `--extract`, the
workers start from the saved HTML pages instead (html/<id>.html.gz): decompress, extract the
reading text (tui.pipeline.extract), then analyse it, so the figure is extraction + analysis.
Words are whitespace-separated tokens of the analysed text. One worker process per core
(default: all cores), each loading the model and the gazetteer once in its initializer, as the
refresh worker does; texts go to the workers in chunks, longest first, so that no worker
idles at the end.

Three figures: "steady" times the analysis alone, after every worker has loaded (what a long
refresh sees); "with start-up" adds the pool start and the model loads (what one
`sitrep analyze` run of this size sees); "CPU time" divides the words by the CPU seconds the
workers spent on them, which other programs on a shared machine cannot inflate.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from multiprocessing import Barrier, Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"
_BATCH = 8


def _load_worker(batch_size: int, barrier: Any) -> None:
    """Load the model and the gazetteer, then wait until every worker has: the clock for the
    steady figure starts when the first task returns."""
    global _BATCH
    _BATCH = batch_size
    from tui.pipeline.analyze import analyze

    analyze("Warm-up: Russian troops shelled Kharkiv, the governor said.")
    barrier.wait()


def _ready(_: int) -> int:
    return os.getpid()


def _analyze_chunk(items: list[str]) -> tuple[int, int, int, float]:
    """Analyse texts, or (with --extract) pages given as (path, url) joined by a tab."""
    from tui.pipeline.analyze import analyze_many

    cpu = time.process_time()
    if items and items[0].startswith("page\t"):
        import gzip

        from tui.pipeline.extract import extract

        texts = []
        for item in items:
            _, path, url = item.split("\t")
            texts.append(extract(gzip.decompress(Path(path).read_bytes()), url).text)
    else:
        texts = items
    words = claims = entities = 0
    for text, analysis in zip(texts, analyze_many(texts, batch_size=_BATCH), strict=True):
        words += len(text.split())
        claims += len(analysis.claims)
        entities += len(analysis.entities)
    return words, claims, entities, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--extract", action="store_true", help="start from the HTML pages")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    ap.add_argument(
        "--batch-size", type=int, default=8, help="nlp.pipe batch size (parser, ner: 32)"
    )
    ap.add_argument("--chunk", type=int, default=8, help="texts sent to a worker at a time")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=1, help="go over the texts R times")
    args = ap.parse_args()

    truth = json.loads(DATA.read_text("utf-8"))
    if args.extract:
        pages = DATA.parent / "html"
        items = [f"page\t{pages / (key + '.html.gz')}\t{v['url']}" for key, v in truth.items()]
        sizes = {item: Path(item.split("\t")[1]).stat().st_size for item in items}
    else:
        items = [v["articleBody"] for v in truth.values()]
        sizes = {item: len(item) for item in items}
    if args.limit:
        items = items[: args.limit]
    items = sorted(items * args.repeat, key=sizes.__getitem__, reverse=True)
    chunks = [items[i : i + args.chunk] for i in range(0, len(items), args.chunk)]

    started = time.perf_counter()
    barrier = Barrier(args.processes)
    with Pool(
        args.processes, initializer=_load_worker, initargs=(args.batch_size, barrier)
    ) as pool:
        pool.map(_ready, range(args.processes), chunksize=1)
        loaded = time.perf_counter()
        totals = [0, 0, 0, 0.0]
        for done in pool.imap_unordered(_analyze_chunk, chunks):
            totals = [a + b for a, b in zip(totals, done, strict=True)]
        finished = time.perf_counter()

    steady = finished - loaded
    whole = finished - started
    words = totals[0]
    what = "pages extracted and analysed" if args.extract else "texts analysed"
    print(
        f"{len(items)} {what}, {words} words, {args.processes} worker processes, "
        f"batch {args.batch_size}, chunk {args.chunk}"
    )
    print(f"found {totals[1]} claims and {totals[2]} entities")
    print(f"start-up (pool + model loads): {loaded - started:.2f} s")
    print(f"steady:        {steady:6.2f} s  {words / steady:8.0f} words/s")
    print(f"with start-up: {whole:6.2f} s  {words / whole:8.0f} words/s")
    # CPU seconds do not count time lost to other programs on a shared machine: the figure a
    # machine of this many otherwise idle cores would reach.
    per_core = words / max(totals[3], 1e-9)
    print(
        f"CPU time:      {totals[3]:6.2f} s  {per_core:8.0f} words/s per core, "
        f"{per_core * args.processes:8.0f} words/s on {args.processes} idle cores"
    )


if __name__ == "__main__":
    main()
