"""`sitrep bookmarks [list|export --format md|json|csv [-o FILE]]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.common import error, resolve_locations
from tui.pipeline.errors import StoreError
from tui.store import bookmarks, schema


def run_bookmarks(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    rows: list[dict[str, object]] = []
    if locations.db.exists():
        try:
            conn = schema.connect(locations.db, readonly=True)
            rows = bookmarks.list_bookmarks(conn)
            conn.close()
        except StoreError as exc:
            error(str(exc))
            return 2
    if args.action == "list":
        for row in rows:
            note = f"  — {row['note']}" if row["note"] else ""
            print(f"[{row['status']}] {row['source']}: {row['claim_text']}\n"
                  f"    {row['feed_name']} · {row['article_title']} · {row['published'] or ''}{note}")
        if not rows:
            print("no bookmarks yet (press b on a claim in the reader)")
        return 0
    text = bookmarks.export(rows, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {len(rows)} bookmarks to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
