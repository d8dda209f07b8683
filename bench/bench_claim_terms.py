"""What the claim terms of issue 14 cost: `side:`, `by:` on canonical names, `is:manual` and
spelling variants, beside the terms they resemble, in the article list and the claims view.

    .venv/bin/python bench/bench_claim_terms.py --cache DIR [--manual 200] [--runs 5]

DIR is a cache made by bench/build_cache.py, whose claims carry the canonical names and sides
the analyzer gave them (since schema 15 as ids into `claim_names`); on a copy, this script sets
--manual statuses by hand through the store. Each query runs cold (a
new Searcher: no kept sets) --runs times; the figure is the median CPU time of the count and
the first page of 100 (time.process_time: the machine is shared, wall time would measure the
neighbours).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.query import parse_query  # noqa: E402
from tui.store import manual_status, schema  # noqa: E402
from tui.store.search import Searcher  # noqa: E402

QUERIES = [
    ("status:disputed", "the status term it sits beside"),
    ("side:russia", "affiliation or canonical source"),
    ("side:russia status:denied", ""),
    ("-side:ukraine", ""),
    ('by:"defence ministry"', "written source (FTS) or canonical name"),
    ('by:"russian defence"', "canonical name only"),
    ("is:manual", "statuses set by hand"),
    ("kharkiv", "a word without variants"),
    ("kyiv", "a word with a variant (kiev)"),
    ('"air defence"', "a phrase with a variant"),
    ("kharkiv drone", ""),
    ("kharkov drone", "a variant beside another word"),
]


def prepare(source: Path, target: Path, manual: int) -> None:
    """Copy the cache and set some statuses by hand, spread over its claims."""
    shutil.copy(source, target)
    conn = schema.connect(target)
    rows = conn.execute(
        "SELECT article_id, start, start + source_start FROM claim_rows ORDER BY id LIMIT ?",
        (manual,),  # the row keeps source_start from the claim's start (schema 16)
    ).fetchall()
    for article_id, start, source_start in rows[:: max(1, len(rows) // max(1, manual))]:
        manual_status.set_status(conn, article_id, start, source_start, "confirmed")
    conn.close()


def measure(db: Path, runs: int) -> None:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    schema.register_functions(conn)  # the claims view reads sentences through them
    claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"{articles:,} articles, {claims:,} claims; median CPU ms of count + first page, cold")
    print(f"{'query':<28} {'articles':>9} {'ms':>6} {'claims':>8} {'ms':>6}  note")
    for text, note in QUERIES:
        query = parse_query(text)
        found = []
        for kind in ("article", "claim"):
            times, count = [], 0
            for _ in range(runs):
                searcher = Searcher()
                start = time.process_time()
                if kind == "article":
                    count, _ = searcher.list_articles(conn, query, limit=100)
                else:
                    count, _ = searcher.list_claims(conn, query.as_type("claim"), limit=100)
                times.append((time.process_time() - start) * 1000)
                searcher.forget(conn)
            found.append((count, statistics.median(times)))
        (a, a_ms), (c, c_ms) = found
        print(f"{text:<28} {a:>9,} {a_ms:>6.1f} {c:>8,} {c_ms:>6.1f}  {note}")
    sizes = conn.execute(
        "SELECT name, sum(pgsize) FROM dbstat WHERE name IN ('claim_rows', 'claims_sides', "
        "'claims_canonical', 'claims_manual') GROUP BY name ORDER BY name"
    ).fetchall()
    print("bytes:", ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sizes))
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="a build_cache.py output dir")
    parser.add_argument("--manual", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "sitrep.db"
        prepare(args.cache / "cache" / "sitrep.db", db, args.manual)
        measure(db, args.runs)


if __name__ == "__main__":
    main()
