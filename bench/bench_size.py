"""Where a cache's bytes go: each table and index (full-text shadow tables grouped under their
index), in KB an article, from SQLite's `dbstat` table (pages of the object × page size, so a
half-empty page counts whole: what the file costs, not what the rows hold).

    .venv/bin/python bench/bench_size.py --cache /tmp/size/c50k
    .venv/bin/python bench/bench_size.py --cache DIR --json

Reads the cache read-only; give it a cache no process is writing (the WAL is not counted).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def _owner(name: str, tables: set[str]) -> str:
    """A full-text index's shadow table is counted under the index."""
    for suffix in _FTS_SHADOWS:
        base = name.removesuffix(suffix)
        if base != name and base in tables:
            return base
    return name


def breakdown(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0] or 1
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    tables = {n for n, k in kinds.items() if k == "table"}
    parents = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"))
    sizes: dict[str, list[int]] = {}
    for name, pages, payload in conn.execute(
        "SELECT name, count(*), sum(payload) FROM dbstat GROUP BY name"
    ):
        owner = _owner(name, tables)
        entry = sizes.setdefault(owner, [0, 0])
        entry[0] += pages * page
        entry[1] += payload
    free = conn.execute("PRAGMA freelist_count").fetchone()[0] * page
    total = conn.execute("PRAGMA page_count").fetchone()[0] * page
    conn.close()
    rows = [
        {
            "object": name,
            "of": parents.get(name, name) if name.startswith("sqlite_autoindex") or
            kinds.get(name) == "index" else "",
            "kb_per_article": round(size / articles / 1000, 3),
            "payload_kb_per_article": round(payload / articles / 1000, 3),
            "mb": round(size / 1e6, 1),
        }
        for name, (size, payload) in sorted(sizes.items(), key=lambda kv: -kv[1][0])
    ]
    return {
        "articles": articles,
        "page_size": page,
        "file_mb": round(total / 1e6, 1),
        "kb_per_article": round(total / articles / 1000, 2),
        "free_kb_per_article": round(free / articles / 1000, 3),
        "objects": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True, help="a bench cache folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    db = args.cache / "cache" / "sitrep.db" if args.cache.is_dir() else args.cache
    found = breakdown(db)
    if args.json:
        print(json.dumps(found, indent=1))
        return
    print(f"{db}: {found['articles']:,} articles, {found['file_mb']:,} MB, "
          f"{found['kb_per_article']} KB an article (free pages {found['free_kb_per_article']})")
    print(f"{'object':<34} {'of':<16} {'KB/art':>7} {'payload':>8} {'MB':>8}")
    for row in found["objects"]:  # type: ignore[attr-defined]
        print(f"{row['object']:<34} {row['of']:<16} {row['kb_per_article']:>7.3f} "
              f"{row['payload_kb_per_article']:>8.3f} {row['mb']:>8.1f}")


if __name__ == "__main__":
    main()
