"""`sitrep search QUERY [--json] [--limit N]` (or `--saved NAME`, a `[[search]]` of feeds.toml):
the query language over the cache."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys

from tui.cli.common import announce_upgrade, error, load_or_report, resolve_locations
from tui.core.errors import StoreError
from tui.core.query import QueryError, about_claims, parse_query
from tui.store import search
from tui.store.handle import connect_reading


def run_search(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    text = args.query
    if getattr(args, "saved", None):
        config = load_or_report(locations)
        saved = config.search(args.saved) if config is not None else None
        if saved is None:
            error(f"no saved search named {args.saved!r} in {locations.config}")
            return 2
        text = saved.query
    try:
        query = parse_query(text)
    except QueryError as exc:
        error(f"bad query: {exc}")
        return 2
    if query.type is None and about_claims(query):
        query = query.as_type("claim")  # `status:denied` asks for claims, not articles
    if not locations.db.is_file():
        error(f"{locations.db}: no cache here yet (sitrep fetch fills it; --cache DIR names "
              "another)")
        return 2
    try:
        announce_upgrade(locations)
        conn = connect_reading(locations.db)
        try:
            rows = search.search(conn, query, limit=args.limit)
        finally:
            conn.close()
    except StoreError as exc:
        error(str(exc))
        return 2
    except sqlite3.Error as exc:
        error(f"{locations.db}: cannot search the cache: {exc}")
        return 2
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        if row.get("type") == "claim":
            status = row["status"] + (" (set by you)" if row["status_manual"] else "")
            print(f"{row['published'] or '':<25.10} {status:<11} {row['source']}: {row['text']}")
        else:
            print(f"{row['published'] or '':<25.10} {row['feed']}: {row['title']}")
    return 0
