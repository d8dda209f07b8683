"""The user has the last word: a claim status set by hand, kept apart from the analysis.

A new analysis of the same page (`sitrep reprocess`, a newer analyzer, the article fetched again
after a purge) deletes and re-inserts its claims with new ids, and may move their spans a little:
a sentence cut one word later, a content span that loses a trailing clause, a source that gains
a canonical name. So a manual status is not tied to a claim row. It is kept with what survives:

- the article's address (as bookmarks know it: its URL, else its final URL);
- a hash of the sentence and a hash of the content span, whitespace and case folded: a claim
  matches when either is unchanged;
- the source as written and its canonical name: a claim matches when the canonical names agree
  (both known) or the written sources do.

`apply_statuses` runs each time an article's claims are stored: every claim starts from the
analysis, then each manual status that matches one of them (oldest first, so the latest wins)
becomes its `status`, the analyzer's moving to `analysis_status`. A match also brings the kept
key up to date with the claim as it is now, so the key follows an analyzer that drifts step by
step.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from tui.core.models import CLAIM_STATUSES
from tui.store.claims import analysis_status, content_of
from tui.store.schema_lean import code
from tui.store.status_copy import write_copy

Row = Mapping[str, Any] | sqlite3.Row


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def _hash(text: str) -> str:
    return hashlib.sha256(_fold(text).encode("utf-8")).hexdigest()[:20]


def article_address(conn: sqlite3.Connection, article_id: int) -> str | None:
    """What identifies an article across caches and purges: its URL (bookmarks use the same),
    else its final URL, else its feed and guid."""
    row = conn.execute(
        "SELECT a.url, a.final_url, a.guid, f.url AS feed_url FROM articles a "
        "JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    return row["url"] or row["final_url"] or f"guid:{row['feed_url']}#{row['guid']}"


def _key(claim: Row) -> dict[str, str]:
    return {
        "sentence_hash": _hash(claim["text"]),
        "content_hash": _hash(content_of(claim)),
        "source": claim["source"],
        "source_canonical": claim["source_canonical"] or "",
    }


def _matches(kept: Row, claim: Row) -> bool:
    key = _key(claim)
    same_words = key["sentence_hash"] == kept["sentence_hash"] or (
        key["content_hash"] == kept["content_hash"] and key["content_hash"] != _hash("")
    )
    if not same_words:
        return False
    if kept["source_canonical"] and key["source_canonical"]:
        return bool(_fold(kept["source_canonical"]) == _fold(key["source_canonical"]))
    return _fold(kept["source"]) == _fold(key["source"])


def apply_statuses(conn: sqlite3.Connection, article_id: int) -> int:
    """Put the user's statuses on one article's claims (inside the caller's transaction).
    Returns how many claims carry one."""
    conn.execute(
        "UPDATE claim_rows SET status = analysis_status, analysis_status = NULL "
        "WHERE article_id = ? AND analysis_status IS NOT NULL",
        (article_id,),
    )
    address = article_address(conn, article_id)
    kept = conn.execute(
        "SELECT * FROM manual_statuses WHERE article_url = ? ORDER BY set_at, id", (address,)
    ).fetchall()
    if not kept:
        return 0
    claims = conn.execute("SELECT * FROM claims WHERE article_id = ?", (article_id,)).fetchall()
    chosen: dict[int, tuple[str, str]] = {}  # claim id -> (status, the analyzer's)
    for status in kept:
        found = [c for c in claims if _matches(status, c)]
        for claim in found:
            chosen[claim["id"]] = (status["status"], claim["status"])
        if found:
            conn.execute(
                "UPDATE manual_statuses SET sentence_hash = :sentence_hash, content_hash = "
                ":content_hash, source = :source, source_canonical = :source_canonical "
                "WHERE id = :id",
                {**_key(found[0]), "id": status["id"]},
            )
    conn.executemany(
        "UPDATE claim_rows SET status = ?, analysis_status = ? WHERE id = ?",
        [(code(status), code(was), claim_id) for claim_id, (status, was) in chosen.items()],
    )
    return len(chosen)


def set_status(
    conn: sqlite3.Connection,
    article_id: int,
    claim_start: int,
    source_start: int,
    status: str | None,
    *,
    now: str | None = None,
) -> sqlite3.Row | None:
    """Set the status of the claim at (claim start, source start), or with None give it back
    to the analysis. Returns the claim row as it is now, None when the claim is gone."""
    if status is not None and status not in CLAIM_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    with conn:
        claim = _claim_at(conn, article_id, claim_start, source_start)
        address = article_address(conn, article_id)
        if claim is None or address is None:
            return None
        kept = conn.execute(
            "SELECT * FROM manual_statuses WHERE article_url = ?", (address,)
        ).fetchall()
        stale = [k["id"] for k in kept if _matches(k, claim)]
        conn.executemany("DELETE FROM manual_statuses WHERE id = ?", [(i,) for i in stale])
        if status is not None:
            conn.execute(
                "INSERT INTO manual_statuses(article_url, sentence_hash, content_hash, source, "
                "source_canonical, status, analysis_status, set_at) VALUES (:url, "
                ":sentence_hash, :content_hash, :source, :source_canonical, :status, "
                ":analysed, :now)",
                {
                    **_key(claim), "url": address, "status": status,
                    "analysed": analysis_status(claim),
                    "now": now or datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
        write_copy(conn)  # before the commit: a copy that cannot be written undoes the change
        apply_statuses(conn, article_id)
        return _claim_at(conn, article_id, claim_start, source_start)


def _claim_at(
    conn: sqlite3.Connection, article_id: int, start: int, source_start: int
) -> sqlite3.Row | None:
    return conn.execute(
        'SELECT * FROM claims WHERE article_id = ? AND start = ? AND source_start = ? '
        'ORDER BY "end" LIMIT 1',
        (article_id, start, source_start),
    ).fetchone()


def count_manual(conn: sqlite3.Connection) -> int:
    """How many statuses the user has set (kept whether or not their article is cached)."""
    return int(conn.execute("SELECT count(*) FROM manual_statuses").fetchone()[0])


def manual_claims(conn: sqlite3.Connection, article_ids: list[int]) -> set[tuple[int, int, int]]:
    """(article, sentence start, source start) of each claim of these articles whose status in
    force the user set."""
    found: set[tuple[int, int, int]] = set()
    for at in range(0, len(article_ids), 500):  # SQLite's bound-parameter limit, with room
        chunk = article_ids[at : at + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            (int(a), int(s), int(ss))
            for a, s, ss in conn.execute(
                f"SELECT article_id, start, source_start FROM claims "
                f"WHERE analysis_status IS NOT NULL AND article_id IN ({marks})",
                chunk,
            )
        )
    return found
