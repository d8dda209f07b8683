"""Bookmarks: copies of everything they show, so they outlive articles, feeds and purges."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from typing import Any

FIELDS = ("id", "claim_key", "claim_text", "source", "cue", "status", "quote", "claim_start",
          "claim_end", "article_id", "article_title", "article_url", "feed_name", "published",
          "text_hash", "note", "tags", "created", "updated")


def list_bookmarks(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(row) for row in conn.execute("SELECT * FROM bookmarks ORDER BY created DESC")]


def export(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    lines = ["# sitrep bookmarks", ""]
    for row in rows:
        lines.append(f"> {row['claim_text']}")
        lines.append("")
        lines.append(f"— **{row['source']}** ({row['status']}), *{row['article_title']}*, "
                     f"{row['feed_name']}, {(row['published'] or '')[:10]}. <{row['article_url']}>")
        if row["note"]:
            lines.append(f"\nNote: {row['note']}")
        lines.append("")
    return "\n".join(lines)
