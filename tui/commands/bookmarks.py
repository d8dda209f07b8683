"""`sitrep bookmarks [list|export --format md|json|csv [-o FILE]]`, and the export formats.

Headless and read-only: it never takes the app's lock, so it works while the app runs. What it
shows is the database merged with bookmarks.jsonl (the journal wins, as open_store would make
it), so bookmarks are listed even when the database is missing or damaged.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tui.commands.common import error, resolve_locations
from tui.locations import Locations
from tui.pipeline.errors import StoreError
from tui.store import bookmarks, schema
from tui.store.journal import read_journal

FORMATS = ("md", "json", "csv")


def current_bookmarks(locations: Locations) -> tuple[list[dict[str, Any]], list[str]]:
    """Every bookmark, newest first, and warnings about what could not be read."""
    warnings: list[str] = []
    rows: dict[str, dict[str, Any]] = {}
    if locations.db.exists():
        try:
            conn = schema.connect(locations.db, readonly=True)
            try:
                rows = {r["claim_key"]: r for r in bookmarks.list_bookmarks(conn)}
            finally:
                conn.close()
        except StoreError as exc:
            warnings.append(f"{exc}; showing the bookmarks in {locations.bookmarks_journal.name}")
    try:
        state = read_journal(locations.bookmarks_journal)
    except StoreError as exc:
        warnings.append(str(exc))
    else:
        for key in state.removed:
            rows.pop(key, None)
        for key, record in state.live.items():
            row = rows.get(key)
            if row is None or any(row[f] != record.get(f) for f in bookmarks.CONTENT_FIELDS):
                rows[key] = {f: record.get(f) for f in bookmarks.FIELDS}
    ordered = sorted(rows.values(), key=lambda r: (r["created"] or "", r["id"] or 0), reverse=True)
    return ordered, warnings


# ── formats ──────────────────────────────────────────────────────────────────────────────────


def _md(text: str) -> str:
    """Plain text that Markdown shows as written (web text must not become markup)."""
    text = " ".join(str(text or "").split())
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def _md_url(url: str) -> str:
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def export_markdown(rows: Sequence[Mapping[str, Any]]) -> str:
    """Citation-ready: the quote, who said it and with what status, outlet, date, URL, note."""
    lines = [
        "# sitrep bookmarks",
        "",
        f"{len(rows)} bookmark{'s' * (len(rows) != 1)}, newest first.",
        "",
    ]
    for row in rows:
        date = (row["published"] or "")[:10] or "n.d."
        lines += [
            "---",
            "",
            f"> {_md(row['claim_text'])}",
            "",
            f"— {_md(row['source'])} ({row['status']}), “{_md(row['article_title'])}”, "
            f"*{_md(row['feed_name'])}*, {date}. {_md_url(row['article_url'])}",
            "",
        ]
        if row["note"]:
            lines += [f"**Note:** {_md(row['note'])}", ""]
        if row["tags"]:
            lines += ["**Tags:** " + ", ".join(_md(t) for t in row["tags"].split()), ""]
    return "\n".join(lines)


def export_json(rows: Sequence[Mapping[str, Any]]) -> str:
    """Every field: offsets into the article text and the sha256 of that text included."""
    items = [
        {f: (row[f].split() if f == "tags" else row[f]) for f in bookmarks.FIELDS} for row in rows
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def export_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=bookmarks.FIELDS, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def export(rows: Sequence[Mapping[str, Any]], fmt: str) -> str:
    return {"md": export_markdown, "json": export_json, "csv": export_csv}[fmt](rows)


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
            print(
                f"[{row['status']}] {row['source']}: {row['claim_text']}\n"
                f"    {row['feed_name']} · {row['article_title']} · "
                f"{(row['published'] or '')[:10]}{note}{tags}"
            )
        if not rows:
            print("no bookmarks yet (press b on a claim in the reader)")
        return 0
    text = export(rows, args.format)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        error(f"cannot write {args.output}: {exc.strerror or exc}")
        return 2
    print(f"wrote {len(rows)} bookmarks to {args.output}", file=sys.stderr)
    return 0
