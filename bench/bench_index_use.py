"""Which indexes the filter's queries read: every statement the store runs for bench_filter.py's
keystrokes and the query conformance table (tests/test_query_conformance.py), in both views
(page and count), asked to EXPLAIN QUERY PLAN; prints each index with the number of
statements whose plan reads it, and the indexes none reads, with their size (bench_size.py).

    .venv/bin/python bench/bench_index_use.py --cache /tmp/size3/a50k

An index no filter reads may still be read elsewhere (the refresher's queue, purges, stories,
foreign keys): the list of unread ones is where to look, not a list to drop.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_filter import QUERIES, keystrokes  # noqa: E402
from bench_size import breakdown  # noqa: E402

from tui.core.query import QueryError, parse_query  # noqa: E402
from tui.store import schema  # noqa: E402
from tui.store.searcher import Searcher  # noqa: E402

# The conformance table's queries (tests/test_query_conformance.py), kept here as text
CONFORMANCE = (
    "drone", "status:denied", "entity:Kharkiv", "tag:ukraine", "tag:energy",
    'by:"defence ministry"', "feed:gulf", "is:bookmarked", "-status:claimed tag:ukraine",
    "since:2d", "lang:uk", "convoy -lang:uk", "outlets:>=2", "is:contested", "side:russia",
    "-side:russia tag:ukraine", "is:manual", "story:kharkiv",
)  # fmt: skip
_MISSING = re.compile(r"no such table: (?:temp\.)?(\w+)")
_USING = re.compile(r"(?:USING (?:COVERING )?INDEX|USING INDEX) (\w+)")


def statements(conn: sqlite3.Connection) -> list[str]:
    """Every statement the searcher sends for the queries, page and count, both views."""
    sent: list[str] = []
    conn.set_trace_callback(sent.append)
    finder = Searcher()
    now = datetime.now(UTC)
    texts = {k for q in QUERIES for k in keystrokes(q)} | set(CONFORMANCE)
    for text in sorted(texts):
        try:
            query = parse_query(text, now)
        except QueryError:
            continue
        finder.page_articles(conn, query, limit=100)
        finder.count_articles(conn, query)
        finder.page_claims(conn, query, limit=100)
        finder.count_claims(conn, query)
    conn.set_trace_callback(None)
    return sent


def _plan(conn: sqlite3.Connection, sql: str) -> list[sqlite3.Row] | None:
    """The statement's plan; a set's temp table dropped since (the searcher keeps a few) is
    made again, empty, as it was made (an id column), so the plan is the one the walk had."""
    for _ in range(8):
        try:
            return conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        except sqlite3.OperationalError as exc:
            missing = _MISSING.search(str(exc))
            if missing is None:
                return None
            conn.execute(f"CREATE TEMP TABLE {missing[1]} (id INTEGER PRIMARY KEY)")
    return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True, help="a build_cache.py --out dir")
    args = parser.parse_args()
    db = args.cache / "cache" / "sitrep.db"
    conn = schema.connect(db, readonly=True)
    read: Counter[str] = Counter()
    planned = failed = 0
    for sql in dict.fromkeys(statements(conn)):
        if not sql.lstrip().upper().startswith(("SELECT", "WITH", "INSERT")):
            continue  # the temp tables' DDL and drops
        plan = _plan(conn, sql)
        if plan is None:
            failed += 1
            continue
        planned += 1
        for name in {m for row in plan for m in _USING.findall(row[3])}:
            read[name] += 1
    print(f"{planned} distinct statements planned, {failed} not")
    indexes = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")]
    conn.close()
    sizes = {row["object"]: row["kb_per_article"] for row in breakdown(db)["objects"]}  # type: ignore[index, union-attr]
    for name, count in read.most_common():
        print(f"{name:32} read by {count:4} statements  {sizes.get(name, 0):.3f} KB/article")
    for name in sorted(set(indexes) - set(read)):
        print(f"{name:32} read by none              {sizes.get(name, 0):.3f} KB/article")


if __name__ == "__main__":
    main()
