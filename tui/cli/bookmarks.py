"""`sitrep bookmarks [list|export --format md|json|csv [-o FILE [--force]]]`.

Headless and read-only: it never takes the app's lock, so it works while the app runs (the list
and formats are in tui.service.bookmarks).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import error, resolve_locations
from tui.service.bookmarks import current_bookmarks, export, status_words, write_export

# ── the command ──────────────────────────────────────────────────────────────────────────────


def run_bookmarks(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    rows, warnings = current_bookmarks(locations)
    for warning in warnings:
        error(warning)
    if args.action == "list":
        for row in rows:
            note = f"  — {row['note']}" if row["note"] else ""
            tags = f"  [{row['tags']}]" if row["tags"] else ""
            print(f"[{status_words(row)}] {row['source']}: {row['claim_text']}\n"
                  f"    {row['feed_name']} · {row['article_title']} · "
                  f"{(row['published'] or '')[:10]}{note}{tags}")
        if not rows:
            print("no bookmarks yet (press b on a claim in the reader)")
        return 0
    text = export(rows, args.format)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        write_export(Path(args.output), text, overwrite=args.force)
    except FileExistsError:
        error(f"{args.output} exists; choose another name, or add --force to replace it")
        return 2
    except OSError as exc:
        error(f"cannot write {args.output}: {exc.strerror or exc}")
        return 2
    print(f"wrote {len(rows)} bookmarks to {args.output}", file=sys.stderr)
    return 0
