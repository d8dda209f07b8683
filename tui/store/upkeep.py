"""The retention purge and the compacting of the cache, both in short steps, so the app and a
refresh keep working meanwhile.

VACUUM rewrites the whole file in one transaction (minutes at a million articles, with every
other writer waiting), and FTS5's 'optimize' rewrites a whole index in one. Instead:
- the full-text indexes merge their segments a bounded amount of work at a time ('merge');
- free pages go back to the file system through incremental auto-vacuum, a few thousand pages
  per transaction. A cache made since schema v8 is in that mode from its first page; an older
  one needs one full VACUUM to switch, which `compact` runs only when told that nobody else
  has the cache open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from tui.store import stories

FTS_TABLES = (
    "articles_fts", "articles_phrase_fts", "claims_fts", "claims_phrase_fts", "claim_sources_fts",
    "bookmarks_fts",
)  # fmt: skip
# Leaf pages of index work per transaction: up to 0.33 s of CPU at a million articles (the
# claims' phrase index); 200 took as long at its longest and twice the steps.
MERGE_PAGES = 500
# Free pages returned per transaction. Moving a page from the end of the file rewrites its
# parent and pointer-map pages: 2,000 a step took 1 s of CPU at a million articles.
FREE_PAGES = 400


def merge_indexes(conn: sqlite3.Connection, step: Callable[[str], None] = print) -> int:
    """Merge each full-text index's segments in short transactions; returns the steps run."""
    steps = 0
    for table in FTS_TABLES:
        while True:
            before = conn.total_changes
            with conn:
                # negative: merge down to one segment, whatever the levels (FTS5's 'merge')
                conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)",
                             (-MERGE_PAGES,))  # fmt: skip
            steps += 1
            _checkpoint(conn)
            if conn.total_changes - before < 2:  # FTS5's sign that nothing was left to merge
                break
        step(f"{table} merged")
    return steps


def free_pages(conn: sqlite3.Connection) -> int:
    """Give free pages back in short transactions (incremental auto-vacuum); returns how many.
    Does nothing on a cache not in that mode (see `compact`)."""
    if conn.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
        return 0
    start = conn.execute("PRAGMA freelist_count").fetchone()[0]
    free = start
    while free > 0:
        # Each step of the pragma's statement frees one page, and the sqlite3 module steps a
        # statement without result columns once: a script runs it to its end.
        conn.executescript(f"BEGIN IMMEDIATE; PRAGMA incremental_vacuum({FREE_PAGES}); COMMIT;")
        _checkpoint(conn)
        left = conn.execute("PRAGMA freelist_count").fetchone()[0]
        if left >= free:
            break  # nothing moved (a reader holds the pages): the next vacuum goes on
        free = left
    return start - free


def _checkpoint(conn: sqlite3.Connection) -> None:
    """Copy what is in the write-ahead log back into the file now, without waiting for anyone.
    Otherwise the app's next commit past SQLite's threshold (1,000 pages) copies it, and the
    mark-read that commit was waits for pages it did not write (1.5 s at 50k articles, on a
    loaded machine, in bench/bench_upkeep.py)."""
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def compact(
    conn: sqlite3.Connection, *, alone: bool, step: Callable[[str], None] = print
) -> bool:
    """Merge the indexes and free pages, in steps. With *alone* (no other process has the
    cache open), an older cache not yet in incremental mode is switched by one full VACUUM.
    Returns False when such a cache could not be switched (someone else had it open)."""
    merge_indexes(conn, step)
    if conn.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
        if not alone:
            return False
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        conn.commit()
        isolation = conn.isolation_level
        conn.isolation_level = None  # VACUUM runs outside a transaction
        try:
            conn.execute("VACUUM")
        finally:
            conn.isolation_level = isolation
        step("rewritten once (incremental mode from now on)")
    freed = free_pages(conn)
    step(f"{freed:,} free pages returned")
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    return True


# Articles deleted per transaction: other writers get their turn between. Each article takes
# its claims, mentions and index entries along: 500 held the write lock 0.35 s of CPU (1.4 s on
# a loaded machine); 100 keep an app's write waiting well under a keystroke.
PURGE_BATCH = 100


def purge_articles(
    conn: sqlite3.Connection, retention_days: int, *, now: datetime | None = None
) -> int:
    """Delete articles older than the retention window before *now* (the clock's by default).
    Bookmarks are copies: untouched.

    A day of a heavy user's cache is thousands of articles with their claims, mentions and
    index entries: deleted in batches, each its own short transaction, so the app marking an
    article read or another refresh never waits long behind a purge."""
    if retention_days <= 0:
        return 0
    cutoff = ((now or datetime.now(UTC)) - timedelta(days=retention_days)).isoformat(
        timespec="seconds"
    )
    gone = 0
    while True:
        with conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM articles WHERE sort_ts < ? AND fetched < ? LIMIT ?",
                    (cutoff, cutoff, PURGE_BATCH),
                )
            ]
            if ids:
                marks = ",".join("?" * len(ids))
                conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)
        _checkpoint(conn)
        gone += len(ids)
        if len(ids) < PURGE_BATCH:
            break
    if gone:
        stories.forget_purged(conn)
    return gone

