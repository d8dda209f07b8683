"""Bookmarks: copies of everything they show, so they outlive articles, feeds and purges.

A bookmark is worth more than the whole cache, so every change is made durable twice before the
call returns (`_durable_change`): BEGIN IMMEDIATE takes the write lock first (a read-only or busy
database fails before anything is journaled), the row is written, its journal line is appended to
bookmarks.jsonl and fsync'd, and only then the transaction commits with synchronous=FULL. A kill
at any moment leaves nothing, the journal line alone (open_store applies it at the next start), or
both. The journal sits beside the database, so these functions need only the connection.

Identity is the claim_key (article URL + claim span + source start + hash of the claim
text): bookmarking the same claim again edits it. The source start matters because one sentence
can hold two claims ("Kyiv said X; Moscow denied it") that share the sentence span. A claim's
"spot" in its article is (claim start, source start). article_id is only a hint into this
cache: it dangles after a purge and means nothing after a rebuild, so lookups of "the article of
this bookmark" check the URL too.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.core.errors import StoreError
from tui.store.journal import JOURNAL_NAME, append_entries, journal_line
from tui.store.schema import database_dir

FIELDS = ("id", "claim_key", "claim_text", "source", "source_canonical", "affiliation", "cue",
          "status", "status_manual", "quote", "claim_start", "claim_end", "source_start",
          "source_end", "article_id", "article_title", "article_url", "feed_name", "published",
          "text_hash", "note", "tags", "created", "updated")
# Copied since schema 8 (None in a bookmark made before): the claim's canonical source and side,
# and whether its status was set by the user (1) or is the analysis's (0).
# What a bookmark *is*; id and article_id are local to one database and differ after a rebuild.
CONTENT_FIELDS = tuple(f for f in FIELDS if f not in ("id", "article_id"))

Entry = tuple[str, dict[str, Any]]  # (journal op, full record)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _get(row: Mapping[str, Any] | sqlite3.Row, key: str, default: Any = "") -> Any:
    # sqlite3.Row's `in` looks at values, hence keys()
    return row[key] if key in row.keys() and row[key] is not None else default  # noqa: SIM118


def claim_key(url: str, start: int, end: int, source_start: int, claim_text: str) -> str:
    digest = hashlib.sha256(claim_text.encode("utf-8")).hexdigest()[:16]
    return f"{url}#{start}-{end}@{source_start}:{digest}"


def normalize_tags(tags: str | Iterable[str]) -> str:
    """Tags typed as "a, b c" or given as a list → "a b c" (space-separated, no duplicates)."""
    words = re.split(r"[,\s]+", tags) if isinstance(tags, str) else list(tags)
    seen: dict[str, str] = {}
    for word in words:
        word = word.strip().lstrip("#")
        if word and word.casefold() not in seen:
            seen[word.casefold()] = word
    return " ".join(seen.values())


def make_record(claim: Mapping[str, Any] | sqlite3.Row, article: Mapping[str, Any] | sqlite3.Row,
                note: str = "", tags: str | Iterable[str] = "", *, now: str | None = None
                ) -> dict[str, Any]:
    """The bookmark of *claim* (a claims row) in *article* (an articles row with feed_name)."""
    now = now or utc_now()
    url = _get(article, "url") or _get(article, "final_url")
    identity = url or f"guid:{_get(article, 'guid')}#{_get(article, 'id')}"
    text = _get(article, "text")
    return {
        "id": None,
        "claim_key": claim_key(identity, claim["start"], claim["end"], claim["source_start"],
                               claim["text"]),
        "claim_text": claim["text"], "source": claim["source"],
        "source_canonical": _get(claim, "source_canonical"),
        "affiliation": _get(claim, "affiliation"), "cue": _get(claim, "cue"),
        "status": claim["status"],
        "status_manual": int(_get(claim, "analysis_status", None) is not None),
        "quote": _get(claim, "quote"),
        "claim_start": claim["start"], "claim_end": claim["end"],
        "source_start": claim["source_start"], "source_end": claim["source_end"],
        "article_id": _get(article, "id", None), "article_title": _get(article, "title"),
        "article_url": url, "feed_name": _get(article, "feed_name"),
        "published": _get(article, "published", None),
        "text_hash": hashlib.sha256(text.encode("utf-8")).hexdigest() if text else "",
        "note": note.strip(), "tags": normalize_tags(tags), "created": now, "updated": now,
    }


# ── durable writes ───────────────────────────────────────────────────────────────────────────


def journal_path(conn: sqlite3.Connection) -> Path:
    folder = database_dir(conn)
    if folder is not None:
        return folder / JOURNAL_NAME
    raise StoreError("bookmarks need a database file: there is no cache directory for the journal")


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "readonly" in text:
        return "the cache is read-only here (is another sitrep running?)"
    if "locked" in text or "busy" in text:
        return "the cache is busy with another writer; try again in a moment"
    return text


def _durable_change(conn: sqlite3.Connection, at: str,
                    change: Callable[[sqlite3.Connection], list[Entry]]) -> list[Entry]:
    journal = journal_path(conn)
    if conn.in_transaction:
        conn.commit()  # never fold someone's open transaction into ours
    try:
        conn.execute("PRAGMA synchronous = FULL")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"bookmark not saved: {_explain(exc)}") from None
        try:
            entries = change(conn)
            append_entries(journal, [journal_line(op, record, at) for op, record in entries])
        except sqlite3.Error as exc:
            conn.rollback()
            raise StoreError(f"bookmark not saved: {_explain(exc)}") from None
        except StoreError as exc:
            conn.rollback()
            raise StoreError(f"bookmark not saved: {exc}") from None
        except BaseException:
            conn.rollback()
            raise
        try:
            conn.commit()
        except sqlite3.Error as exc:
            conn.rollback()
            raise StoreError(f"bookmark kept in {journal.name} but the database write failed "
                             f"({_explain(exc)}); it is restored when sitrep next starts") from None
        return entries
    finally:
        conn.execute("PRAGMA synchronous = NORMAL")


def write_row(conn: sqlite3.Connection, record: dict[str, Any]) -> int:
    """Insert or update by claim_key, keeping record['id'] when that id is free. Returns the id."""
    existing = conn.execute("SELECT id FROM bookmarks WHERE claim_key = ?",
                            (record["claim_key"],)).fetchone()
    columns = [f for f in FIELDS if f != "id"]
    if existing is not None:
        assignments = ", ".join(f"{c} = ?" for c in columns)
        conn.execute(f"UPDATE bookmarks SET {assignments} WHERE id = ?",
                     [record.get(c) for c in columns] + [existing[0]])
        return int(existing[0])
    wanted = record.get("id")
    if wanted is not None and conn.execute("SELECT 1 FROM bookmarks WHERE id = ?",
                                           (wanted,)).fetchone() is None:
        columns = list(FIELDS)
    marks = ", ".join("?" * len(columns))
    cursor = conn.execute(f"INSERT INTO bookmarks({', '.join(columns)}) VALUES ({marks})",
                          [record.get(c) for c in columns])
    return int(cursor.lastrowid or 0)


def add_bookmark(conn: sqlite3.Connection, claim_row: Mapping[str, Any] | sqlite3.Row,
                 article_row: Mapping[str, Any] | sqlite3.Row, note: str = "",
                 tags: str | Iterable[str] = "", *, now: str | None = None) -> int:
    """Bookmark a claim (or edit its bookmark if it has one). Durable when this returns."""
    record = make_record(claim_row, article_row, note, tags, now=now)

    def change(c: sqlite3.Connection) -> list[Entry]:
        old = c.execute("SELECT id, created FROM bookmarks WHERE claim_key = ?",
                        (record["claim_key"],)).fetchone()
        if old is not None:
            record["created"] = old["created"]
        record["id"] = write_row(c, record)
        return [("edit" if old is not None else "add", record)]

    _durable_change(conn, record["updated"], change)
    return int(record["id"])


def update_bookmark_note(conn: sqlite3.Connection, bookmark_id: int, note: str,
                         tags: str | Iterable[str] | None = None, *, now: str | None = None
                         ) -> dict[str, Any]:
    """Change the note (and tags, unless None). Returns the updated bookmark."""
    now = now or utc_now()
    record = get_bookmark(conn, bookmark_id)
    if record is None:
        raise StoreError("that bookmark no longer exists")
    record.update(note=note.strip(), updated=now)
    if tags is not None:
        record["tags"] = normalize_tags(tags)

    def change(c: sqlite3.Connection) -> list[Entry]:
        write_row(c, record)
        return [("edit", record)]

    _durable_change(conn, now, change)
    return record


def update_bookmark_status(conn: sqlite3.Connection, bookmark_id: int, status: str,
                           manual: bool, *, now: str | None = None) -> dict[str, Any] | None:
    """Copy a claim's new status (the user's, or the analysis's again) into its bookmark.
    Returns the updated bookmark, None when it is gone."""
    now = now or utc_now()
    record = get_bookmark(conn, bookmark_id)
    if record is None:
        return None
    if record["status"] == status and bool(record["status_manual"]) == manual:
        return record
    record.update(status=status, status_manual=int(manual), updated=now)

    def change(c: sqlite3.Connection) -> list[Entry]:
        write_row(c, record)
        return [("edit", record)]

    _durable_change(conn, now, change)
    return record


def follow_claim_status(conn: sqlite3.Connection, article_id: int, claim: Mapping[str, Any]
                        | sqlite3.Row) -> dict[str, Any] | None:
    """After the user set (or gave back) a claim's status: its bookmark's copy follows.
    Returns the bookmark when there is one."""
    found = bookmark_for_claim(conn, article_id, claim["start"], claim["source_start"])
    if found is None:
        return None
    manual = _get(claim, "analysis_status", None) is not None
    return update_bookmark_status(conn, found["id"], claim["status"], manual)


def remove_bookmark(conn: sqlite3.Connection, bookmark_id: int, *, now: str | None = None
                    ) -> dict[str, Any] | None:
    """Delete a bookmark; returns what was deleted (keep it to undo), None if it was not there."""
    record = get_bookmark(conn, bookmark_id)
    if record is None:
        return None

    def change(c: sqlite3.Connection) -> list[Entry]:
        c.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        return [("remove", record)]

    _durable_change(conn, now or utc_now(), change)
    return record


def restore_bookmark(conn: sqlite3.Connection, record: Mapping[str, Any], *,
                     now: str | None = None) -> int:
    """Undo a removal: the same bookmark back, with its id when that is still free."""
    restored = {f: record.get(f) for f in FIELDS}

    def change(c: sqlite3.Connection) -> list[Entry]:
        restored["id"] = write_row(c, restored)
        return [("restore", restored)]

    _durable_change(conn, now or utc_now(), change)
    return int(restored["id"])


# ── reading ──────────────────────────────────────────────────────────────────────────────────


def get_bookmark(conn: sqlite3.Connection, bookmark_id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (bookmark_id,)).fetchone()
    return {f: row[f] for f in FIELDS} if row else None


def list_bookmarks(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every bookmark, newest first."""
    rows = conn.execute("SELECT * FROM bookmarks ORDER BY created DESC, id DESC").fetchall()
    return [{f: row[f] for f in FIELDS} for row in rows]


# A bookmark belongs to a cached article when their URLs agree (ids change when the cache is
# rebuilt, and a purged article's id can be reused); without a URL, the id is all there is.
_BELONGS = ("((b.article_url != '' AND b.article_url IN (a.url, a.final_url)) "
            "OR (b.article_url = '' AND b.article_id = a.id))")


# Where a bookmark sits among its article's claims. Bookmarks made before schema v3 have no
# source_start: they stand for the claim at their start whose source matches.
_SPOT = ("COALESCE(b.source_start, (SELECT min(c.source_start) FROM claims c WHERE "
         "c.article_id = a.id AND c.start = b.claim_start AND c.source = b.source))")


def bookmark_for_claim(conn: sqlite3.Connection, article_id: int, claim_start: int,
                       source_start: int) -> dict[str, Any] | None:
    row = conn.execute(f"SELECT b.* FROM articles a JOIN bookmarks b ON {_BELONGS} "
                       f"WHERE a.id = ? AND b.claim_start = ? AND {_SPOT} = ? ORDER BY b.id "
                       "LIMIT 1", (article_id, claim_start, source_start)).fetchone()
    return {f: row[f] for f in FIELDS} if row else None


def bookmarked_claims(conn: sqlite3.Connection, article_ids: Iterable[int]
                      ) -> set[tuple[int, int, int]]:
    """(article_id, claim start, source start) of the bookmarked claims among these articles."""
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    rows = conn.execute(f"SELECT a.id, b.claim_start, {_SPOT} FROM articles a JOIN bookmarks b "
                        f"ON {_BELONGS} WHERE a.id IN ({','.join('?' * len(ids))})", ids)
    return {(row[0], row[1], row[2]) for row in rows if row[1] is not None and row[2] is not None}


def bookmarked_spots(conn: sqlite3.Connection, article_id: int) -> set[tuple[int, int]]:
    """(claim start, source start) of one article's bookmarked claims, for the reader."""
    return {(start, source) for _, start, source in bookmarked_claims(conn, [article_id])}


def relink_bookmarks(conn: sqlite3.Connection) -> int:
    """Point bookmarks whose article_id is unset or stale at the cached article with their URL.

    Only `is:bookmarked` in the article and claim lists needs this (everything here matches by
    URL): worth calling after a refresh, in a worker — each stale bookmark scans the articles.
    """
    with conn:
        return conn.execute(
            "UPDATE bookmarks SET article_id = (SELECT a.id FROM articles a WHERE a.url = "
            "bookmarks.article_url OR a.final_url = bookmarks.article_url ORDER BY a.id DESC "
            "LIMIT 1) WHERE article_url != '' AND NOT EXISTS (SELECT 1 FROM articles a WHERE "
            "a.id = bookmarks.article_id AND bookmarks.article_url IN (a.url, a.final_url)) AND "
            "EXISTS (SELECT 1 FROM articles a WHERE a.url = bookmarks.article_url OR "
            "a.final_url = bookmarks.article_url)").rowcount


def bookmarks_with_article(conn: sqlite3.Connection) -> set[int]:
    """Ids of the bookmarks whose article is still in the cache (one indexed pass)."""
    rows = conn.execute(
        "SELECT b.id FROM bookmarks b JOIN articles a ON a.id = b.article_id "
        "WHERE b.article_url = '' OR b.article_url IN (a.url, a.final_url)").fetchall()
    return {row[0] for row in rows}


def claim_at(conn: sqlite3.Connection, article_id: int, start: int, source_start: int
             ) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM claims WHERE article_id = ? AND start = ? AND "
                        'source_start = ? ORDER BY "end" LIMIT 1',
                        (article_id, start, source_start)).fetchone()


def find_bookmark_article(conn: sqlite3.Connection, bookmark: Mapping[str, Any]) -> int | None:
    """The cached article a bookmark came from, or None when it was purged (or never here)."""
    url, article_id = bookmark.get("article_url") or "", bookmark.get("article_id")
    if article_id is not None:
        row = conn.execute("SELECT url, final_url FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
        if row is not None and (not url or url in (row["url"], row["final_url"])):
            return int(article_id)
    if not url:
        return None
    row = conn.execute("SELECT id FROM articles WHERE url = ? OR final_url = ? ORDER BY id DESC "
                       "LIMIT 1", (url, url)).fetchone()
    return int(row[0]) if row else None
