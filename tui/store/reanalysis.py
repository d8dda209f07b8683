"""Stored pages read again: after an upgrade of the analyzer (the app does it on start, once a
version) or on demand (`sitrep reprocess`). The raw pages are kept for this (schema: raw_html)."""

from __future__ import annotations

import sqlite3

from tui.store.store import get_state, set_state

# app_state: the analyzer version every stored page was brought up to (the app's re-reading after
# an upgrade, or a whole `sitrep reprocess`), so that a start after it costs one row's read.
ANALYSES_KEY = "analyses_version"


def _stale(analysed_only: bool) -> str:
    """A stored page another analyzer read, or whose claims' evidence the store did not keep
    (schema 8); unless *analysed_only*, also one no analyzer read (fetched with the analysis
    off, or failed)."""
    unread = "" if analysed_only else "analyzer_version IS NULL OR "
    return (
        f"raw_html IS NOT NULL AND ({unread}analyzer_version != ?"
        " OR id IN (SELECT article_id FROM claims WHERE evidence IS NULL))"
    )


def requeue_articles(
    conn: sqlite3.Connection,
    *,
    all_articles: bool = False,
    version: str | None = None,
    analysed_only: bool = False,
) -> int:
    """Mark stored raw pages for reprocessing: all, or the stale ones (`_stale`) for *version*."""
    where, params = "raw_html IS NOT NULL", ()
    if not all_articles and version is not None:
        where, params = _stale(analysed_only), (version,)
    with conn:
        return conn.execute(
            f"UPDATE articles SET state = 'reprocess' WHERE {where}", params
        ).rowcount


def stale_analyses(conn: sqlite3.Connection, version: str) -> int:
    """How many stored pages an analyzer other than *version* read, with those a stopped
    reprocess left marked: what the app reads again after an upgrade."""
    sql = f"SELECT count(*) FROM articles WHERE state = 'reprocess' OR ({_stale(True)})"
    return int(conn.execute(sql, (version,)).fetchone()[0])


def upgrade_pending(conn: sqlite3.Connection, version: str) -> int:
    """The stored pages to read again for *version* (`stale_analyses`), or 0 at once when the
    cache was already brought up to it; a cache found with none is marked so (the count reads
    every article: seconds at a million, for each `sitrep fetch` until then)."""
    if get_state(conn, ANALYSES_KEY) == version:
        return 0
    stale = stale_analyses(conn, version)
    if not stale:
        set_state(conn, ANALYSES_KEY, version)
    return stale


def reprocess_candidates(conn: sqlite3.Connection, limit: int = 50) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, url, raw_html, raw_headers FROM articles WHERE state = 'reprocess' "
        "ORDER BY sort_ts DESC LIMIT ?",
        (limit,),
    ).fetchall()
