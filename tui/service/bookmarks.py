"""Bookmarks as the user takes them away: the merged list, citations and the export formats.

What `sitrep bookmarks` shows is the database merged with bookmarks.jsonl (the journal wins, as
open_store would make it), so bookmarks are listed even when the database is missing or damaged;
reading never takes the app's lock, so it works while the app runs.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tui.core.errors import StoreError
from tui.core.sanitize import without_userinfo
from tui.service.locations import Locations
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
    url = without_userinfo(url or "")
    return "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">"


def export_markdown(rows: Sequence[Mapping[str, Any]]) -> str:
    """Citation-ready: the quote, who said it and with what status, outlet, date, URL, note."""
    lines = ["# sitrep bookmarks", "", f"{len(rows)} bookmark{'s' * (len(rows) != 1)}, "
             "newest first.", ""]
    for row in rows:
        date = (row["published"] or "")[:10] or "n.d."
        lines += ["---", "", f"> {_md(row['claim_text'])}", "",
                  f"— {_md(row['source'])} ({status_words(row)}), “{_md(row['article_title'])}”, "
                  f"*{_md(row['feed_name'])}*, {date}. {_md_url(row['article_url'])}", ""]
        if row["note"]:
            lines += [f"**Note:** {_md(row['note'])}", ""]
        if row["tags"]:
            lines += ["**Tags:** " + ", ".join(_md(t) for t in row["tags"].split()), ""]
    return "\n".join(lines)


def status_words(record: Mapping[str, Any]) -> str:
    """The status as a citation gives it: "denied", or "denied, set by you" when the user set
    it rather than the analysis."""
    return f"{record.get('status')}{', set by you' if record.get('status_manual') else ''}"


def export_json(rows: Sequence[Mapping[str, Any]]) -> str:
    """Every field: offsets into the article text and the sha256 of that text included."""
    items = [{f: (row[f].split() if f == "tags" else row[f]) for f in bookmarks.FIELDS}
             for row in _public(rows)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# (OWASP, "CSV Injection"); a feed's author writes the titles, so every text cell is checked.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Text a spreadsheet will show as text: a leading apostrophe turns a formula off, and a
    carriage return becomes a line feed (the writer quotes those; a bare CR would end the row)."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def export_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=bookmarks.FIELDS, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(
        {f: _cell(int(row[f]) if f == "status_manual" else row.get(f)) for f in bookmarks.FIELDS}
        for row in _public(rows)
    )
    return out.getvalue()


def _public(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose article URL carries no credentials (bookmarks saved before ingest dropped
    them keep them in their copy), with the fields of schema 8 filled in for older bookmarks
    (no canonical source or side copied; the status was the analysis's)."""
    return [
        dict(
            row,
            article_url=without_userinfo(row.get("article_url") or ""),
            source_canonical=row.get("source_canonical") or "",
            affiliation=row.get("affiliation") or "",
            status_manual=bool(row.get("status_manual")),
        )
        for row in rows
    ]


def export(rows: Sequence[Mapping[str, Any]], fmt: str) -> str:
    return {"md": export_markdown, "json": export_json, "csv": export_csv}[fmt](rows)


def write_export(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write an export file. Without *overwrite* an existing file is never touched
    (FileExistsError: `-o feeds.toml` must not replace the config); with it, the old file is
    replaced only once the new one is whole on disk. OSError on any failure, nothing
    half-written left behind."""
    data = text.encode("utf-8")
    if not overwrite:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            _write_all(fd, data)
        except BaseException:
            os.close(fd)
            path.unlink(missing_ok=True)
            raise
        os.close(fd)
        return
    target = Path(os.path.realpath(path))  # through a symlink, to the file it names
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


# ── citations ────────────────────────────────────────────────────────────────────────────────


def bookmark_citation(record: Mapping[str, Any]) -> str:
    """One line to paste into a document: the quote, who said it, status, outlet, date, URL."""
    date = (record.get("published") or "")[:10] or "n.d."
    text = " ".join((record.get("claim_text") or "").split())
    return (f"“{text}” — {record.get('source')} ({status_words(record)}), "
            f"{record.get('feed_name')}, “{record.get('article_title')}”, {date}, "
            f"{without_userinfo(record.get('article_url') or '')}")


def claim_citation(
    quoted: str, source: str, status: str, article: Mapping[str, Any], *, manual: bool = False
) -> str:
    """The claim as it reads in the article (`y` in the reader), with who said it, where and
    when; *article* is the article's row with its feed_name; *manual*: the user set the status."""
    quoted = " ".join(quoted.split())
    date = (article["published"] or article["sort_ts"] or "")[:10]
    url = without_userinfo(article["final_url"] or article["url"] or "")
    status = status_words({"status": status, "status_manual": manual})
    return (
        f"“{quoted}” — {source} ({status}). {article['feed_name']}, "
        f"“{article['title']}”, {date}. {url}"
    )
