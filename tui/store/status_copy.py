"""statuses.json: a plain-text copy of the statuses the user set, beside the database.

A damaged cache is moved aside and rebuilt (recovery.py); bookmarks come back from their
journal, and the statuses set by hand come back from this copy. They are few and change one at
a time, so the copy is the whole manual_statuses table, rewritten inside the transaction that
changes the table: written to a temporary file, synced and renamed over the old copy, so a kill
leaves one whole copy or the other, and a copy that cannot be written rolls the change back
(the user is told, nothing is half-kept).

    {"v": 1, "statuses": [{"article_url": ..., "sentence_hash": ..., "content_hash": ...,
                           "source": ..., "source_canonical": ..., "status": ...,
                           "analysis_status": ..., "set_at": ...}, ...]}
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from tui.core.errors import StoreError
from tui.core.models import CLAIM_STATUSES
from tui.store.schema import database_dir

COPY_NAME = "statuses.json"
VERSION = 1
FIELDS = (
    "article_url", "sentence_hash", "content_hash", "source", "source_canonical", "status",
    "analysis_status", "set_at",
)  # fmt: skip


def copy_path(conn: sqlite3.Connection) -> Path | None:
    """statuses.json beside the database file; None for a database without a file."""
    folder = database_dir(conn)
    return folder / COPY_NAME if folder is not None else None


def write_copy(conn: sqlite3.Connection) -> None:
    """The table as it is in the caller's transaction, written whole (atomic rename)."""
    path = copy_path(conn)
    if path is None:
        return
    rows = conn.execute(
        f"SELECT {', '.join(FIELDS)} FROM manual_statuses ORDER BY set_at, id"
    ).fetchall()
    data = {"v": VERSION, "statuses": [dict(zip(FIELDS, row, strict=True)) for row in rows]}
    temporary = path.with_name(f".{COPY_NAME}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=0)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise StoreError(
            f"the status was not set: {path.name} cannot be written ({exc.strerror or exc})"
        ) from None


def restore_from_copy(conn: sqlite3.Connection) -> tuple[int, str]:
    """Put back the statuses the copy has and the table lacks (a rebuilt cache): how many, and
    a one-line problem when the copy cannot be read ("" otherwise). They apply to their claims
    when the articles are stored again."""
    path = copy_path(conn)
    if path is None or not path.exists():
        return 0, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        kept = [s for s in data["statuses"] if _valid(s)]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        why = f"The copy {path.name} could not be read ({exc})"
        return 0, f"{why}; the statuses you set stay as cached"
    have = {
        tuple(row)
        for row in conn.execute("SELECT article_url, sentence_hash, source FROM manual_statuses")
    }
    missing = [s for s in kept if (s["article_url"], s["sentence_hash"], s["source"]) not in have]
    if missing:
        with conn:
            conn.executemany(
                f"INSERT INTO manual_statuses({', '.join(FIELDS)}) "
                f"VALUES ({', '.join(':' + f for f in FIELDS)})",
                missing,
            )
    return len(missing), ""


def _valid(status: object) -> bool:
    return (
        isinstance(status, dict)
        and all(isinstance(status.get(field), str) for field in FIELDS)
        and status["status"] in CLAIM_STATUSES
    )
