"""`sitrep stories [--since SPAN] [--all] [--json]`: the same event across outlets.

Files what is not in a story yet first (a cache from before stories, or articles analysed since
the last refresh), unless the cache is read-only here; then lists the stories, newest first.
`--json` prints the contract of docs/STORIES.md, one JSON object a line.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from tui.cli.common import announce_upgrade, error, resolve_locations
from tui.core.errors import StoreError
from tui.core.query import QueryError, parse_query
from tui.core.sanitize import clean_line
from tui.service.stories import file_all, stories_json
from tui.store import schema


def run_stories(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    since = ""
    if args.since:
        try:
            (term,) = parse_query(f"since:{args.since}", datetime.now(UTC)).terms
        except (QueryError, ValueError):
            given = clean_line(args.since)
            error(f"--since takes 3d, 12h, 2w or a date like 2026-10-01, not “{given}”")
            return 2
        since = term.value
    if not locations.db.exists():
        error(f"no cache at {locations.db}: run sitrep fetch first")
        return 2
    try:
        announce_upgrade(locations)
        conn = schema.connect(locations.db)
        try:
            file_all(conn)
            found = stories_json(conn, since=since, include_single=args.all)
        finally:
            conn.close()
    except StoreError as exc:
        error(str(exc))
        return 2
    for story in found:
        if args.json:
            sys.stdout.write(json.dumps(story, ensure_ascii=False) + "\n")
            continue
        outlets = len({a["feed"] for a in story["articles"]})  # type: ignore[attr-defined]
        count = len(story["articles"])  # type: ignore[arg-type]
        mark = "⚡" if story["contradictions"] else " "
        print(f"{mark} {str(story['last_seen'])[:16]}  {outlets} outlet{'s' * (outlets != 1)}, "
              f"{count} article{'s' * (count != 1)}  {story['title']}")  # fmt: skip
    return 0
