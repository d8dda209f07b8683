"""Opening the cache whatever state it is in, and never starting without the user's bookmarks.

    missing / empty db             → a new one; bookmarks restored from bookmarks.jsonl
    unreadable, not a database,    → moved aside as sitrep.db.damaged-<time>, rebuilt, bookmarks
    truncated, bookmarks damaged     restored from bookmarks.jsonl
    fine, but behind the journal   → the missing changes applied (a kill between the journal
                                     write and the commit, or a db copied from elsewhere)
    bookmarks not in the journal   → appended to it, so the journal stays a complete copy
    another sitrep holds the lock  → read-only, with a notice
    the disk is full               → read-only, with a notice (the cache can still be read)

The health check stays cheap (it runs before the first paint): the file header against the file
size, the schema, and `PRAGMA quick_check` on the bookmarks table — or on everything when the
database is small enough for that to take a few milliseconds.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import StoreError
from tui.store import bookmarks
from tui.store.handle import InstanceLock, StoreHandle
from tui.store.journal import (
    JOURNAL_NAME,
    append_entries,
    drop_torn_tail,
    journal_line,
    keep_aside,
    read_journal,
    rewrite_journal,
)
from tui.store.schema import DamagedStoreError
from tui.store.status_copy import COPY_NAME, restore_from_copy

FULL_CHECK_BYTES = 32 * 1024 * 1024  # below this, quick_check the whole file
COMPACT_FACTOR = 4  # rewrite the journal once it holds this many lines per live bookmark


@dataclass
class OpenedStore:
    handle: StoreHandle
    lock: InstanceLock | None
    notices: list[str]
    why_readonly: str = ""  # "another sitrep", "disk full" or "" (writable)

    @property
    def readonly(self) -> bool:
        return self.handle.readonly


@dataclass
class JournalSync:
    restored: int = 0  # bookmarks the database lacked
    updated: int = 0  # bookmarks whose database copy was older than the journal
    removed: int = 0  # bookmarks the journal says were deleted
    journaled: int = 0  # bookmarks only the database had, now appended to the journal
    skipped: int = 0  # unreadable journal lines
    lines: int = 0  # lines in the journal before this sync


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) out of the way; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(target.with_name(target.name + suffix))
    return target


def health_problem(conn: sqlite3.Connection, path: Path) -> str | None:
    """Why this open database cannot be trusted, or None. Cheap enough for every start.

    Never open the file with Python I/O here: closing any descriptor of a database releases
    every POSIX lock this process holds on it, so another process closing its connection then
    takes itself for the last one and deletes the WAL, and the commits this process makes next
    vanish. SQLite itself says "file is not a database" for a foreign file.
    """
    try:
        # Once every WAL frame is in the file, the file must hold every page the db has.
        _, wal_frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        size = path.stat().st_size
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        if wal_frames == copied and size < pages * page_size:
            return f"truncated ({size} bytes for {pages} pages of {page_size})"
        target = "" if size <= FULL_CHECK_BYTES else "(bookmarks)"
        result = conn.execute(f"PRAGMA quick_check{target}").fetchone()[0]
        if result != "ok":
            return f"quick_check: {result}"
    except sqlite3.DatabaseError as exc:
        return str(exc)
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    return None


def sync_with_journal(conn: sqlite3.Connection, journal: Path, *,
                      now: str | None = None) -> JournalSync:
    """Make the bookmarks table match the journal; journal what only the table has.

    The journal is written before each commit, so where the two disagree the journal is newer.
    """
    state = read_journal(journal)
    if state.torn:
        drop_torn_tail(journal, state.whole_bytes)
    result = JournalSync(skipped=state.skipped, lines=state.entries + state.skipped)
    rows = {r["claim_key"]: r for r in bookmarks.list_bookmarks(conn)}
    stale = [rec for key, rec in state.live.items()
             if key not in rows or any(rows[key][f] != rec.get(f)
                                       for f in bookmarks.CONTENT_FIELDS)]
    gone = [rows[key] for key in state.removed if key in rows]
    known = state.live.keys() | state.removed
    unjournaled = [r for key, r in rows.items() if key not in known]
    if not (stale or gone or unjournaled):
        return result
    now = now or bookmarks.utc_now()
    article_ids = _articles_by_url(conn, {r.get("article_url") or "" for r in stale} - {""})
    with conn:
        for record in stale:
            full = {f: record.get(f) for f in bookmarks.FIELDS}
            if record["claim_key"] in rows:
                full["article_id"] = rows[record["claim_key"]]["article_id"]
                result.updated += 1
            else:  # the journal's article_id belongs to whatever database wrote it
                full["article_id"] = article_ids.get(full["article_url"] or "")
                result.restored += 1
            bookmarks.write_row(conn, full)
        for record in gone:
            conn.execute("DELETE FROM bookmarks WHERE id = ?", (record["id"],))
            result.removed += 1
        if unjournaled:
            append_entries(journal, [journal_line("snapshot", r, now) for r in unjournaled])
            result.journaled = len(unjournaled)
    return result


def _articles_by_url(conn: sqlite3.Connection, urls: set[str]) -> dict[str, int]:
    """Cached article ids for these URLs, in a few passes however many bookmarks come back."""
    found: dict[str, int] = {}
    ordered = sorted(urls)
    for first in range(0, len(ordered), 400):
        chunk = ordered[first:first + 400]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, url, final_url FROM articles WHERE url IN ({marks})"
                                f" OR final_url IN ({marks}) ORDER BY id", chunk + chunk):
            for url in (row["url"], row["final_url"]):
                if url in urls:
                    found[url] = row["id"]
    return found


def compact_if_long(conn: sqlite3.Connection, journal: Path, lines: int,
                    force: bool = False) -> bool:
    """Rewrite a journal grown long with edits as one line per bookmark (atomic rename)."""
    live = conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0]
    if not force and lines <= COMPACT_FACTOR * live + 200:
        return False
    rewrite_journal(journal, list(reversed(bookmarks.list_bookmarks(conn))), bookmarks.utc_now())
    return True


def open_store(db_path: Path, journal: Path | None = None) -> OpenedStore:
    """Open for the app: single writer (others read-only), damage repaired, bookmarks complete."""
    journal = journal or db_path.parent / JOURNAL_NAME
    notices: list[str] = []
    lock = InstanceLock(db_path.parent)
    try:
        owner = lock.acquire()
    except OSError as exc:
        raise StoreError(f"{db_path.parent}: cannot use the cache directory: {exc}") from None
    if not owner:
        return _open_readonly(db_path, notices)
    try:
        try:
            handle, fresh = _open_writable(db_path, notices)
        except StoreError as exc:
            full = _full_disk(db_path.parent)
            if not full or not db_path.exists():
                raise
            return _open_on_full_disk(db_path, lock, notices, full, exc)
        notices += _sync_notices(handle, journal, fresh)
        notices += _status_notices(handle)
    except BaseException:
        lock.release()
        raise
    return OpenedStore(handle, lock, notices)


def _full_disk(directory: Path) -> str:
    """Why nothing can be written in *directory* ("no space left on device"), or "" when a
    small file can be written there (the failure was something else)."""
    try:
        with tempfile.TemporaryFile(dir=directory) as probe:
            probe.write(b"\0" * 65536)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS):
            return (exc.strerror or str(exc)).lower()
    return ""


def _open_on_full_disk(
    db_path: Path, lock: InstanceLock, notices: list[str], why: str, failure: StoreError
) -> OpenedStore:
    """The cache opened read-only (immutable as a last resort) so the offline articles and the
    bookmarks stay readable. The lock stays held: no other sitrep should try to write either."""
    try:
        handle = StoreHandle(db_path, readonly=True)
    except StoreError:
        try:
            handle = StoreHandle(db_path, immutable=True)
        except StoreError:
            raise failure from None
    notices.append(
        f"The disk holding the cache is full ({why}): sitrep opened it read-only. Articles and "
        "bookmarks can be read; nothing new is saved until some space is freed and sitrep "
        "restarted."
    )
    return OpenedStore(handle, lock, notices, why_readonly="disk full")


def _open_readonly(db_path: Path, notices: list[str]) -> OpenedStore:
    if not db_path.exists():
        raise StoreError("another sitrep is running and no cache exists yet; try again later")
    try:
        handle = StoreHandle(db_path, readonly=True)
    except StoreError as exc:
        raise StoreError(f"another sitrep is running and the cache cannot be read ({exc}); "
                         "close the other one and start again") from None
    notices.append("Another sitrep is running: this window is read-only "
                   "(bookmarks and refreshes are made in the other one).")
    return OpenedStore(handle, None, notices, why_readonly="another sitrep")


def _open_writable(db_path: Path, notices: list[str]) -> tuple[StoreHandle, bool]:
    """The handle, and whether the database is new (missing, empty or rebuilt)."""
    fresh = not db_path.exists() or db_path.stat().st_size == 0
    try:
        if db_path.exists():
            # Unreadable (permissions, I/O error) → rebuilt beside it. Read before this process
            # connects: once it has, closing a descriptor of the file would drop its locks.
            with open(db_path, "rb") as handle:
                handle.read(100)
        store = StoreHandle(db_path)
        problem = store.run(health_problem, db_path)
        if problem is None:
            return store, fresh
        store.close()
        reason = problem
    except DamagedStoreError as exc:
        reason = str(exc).removeprefix(f"{db_path}: ")
    except OSError as exc:
        reason = f"unreadable: {exc.strerror or exc}"
    try:
        moved = move_aside(db_path)
    except OSError as exc:
        raise StoreError(f"the cache database is damaged ({reason}) and cannot be moved aside: "
                         f"{exc.strerror or exc}") from None
    notices.append(f"The cache database was damaged ({reason}); it was moved to {moved.name} "
                   "and rebuilt.")
    return StoreHandle(db_path), True


def _sync_notices(handle: StoreHandle, journal: Path, fresh: bool) -> list[str]:
    try:
        result = handle.run(sync_with_journal, journal)
        kept = keep_aside(journal, time.strftime("%Y%m%d-%H%M%S")) if result.skipped else None
        handle.run(compact_if_long, journal, result.lines + result.journaled, kept is not None)
    except StoreError as exc:
        return [f"Bookmarks could not be checked against {journal.name}: {exc}"]
    notices = []
    if result.restored:
        why = " into a new cache database" if fresh else " (the database was missing them)"
        notices.append(f"Restored {result.restored} bookmark{'s' * (result.restored != 1)} "
                       f"from {journal.name}{why}.")
    if result.updated or result.removed:
        notices.append(f"Applied {result.updated + result.removed} bookmark change(s) from "
                       f"{journal.name} that the database had missed.")
    if kept is not None:
        notices.append(f"{journal.name}: skipped {result.skipped} unreadable line(s); the file "
                       f"as it was is kept as {kept.name}.")
    return notices


def _status_notices(handle: StoreHandle) -> list[str]:
    """Statuses set by hand that a rebuilt cache lacks, back from statuses.json."""
    try:
        restored, problem = handle.run(restore_from_copy)
    except StoreError as exc:
        return [f"The statuses you set could not be checked against {COPY_NAME}: {exc}"]
    if problem:
        return [problem + "."]
    if restored:
        return [f"Restored {restored} status{'es' * (restored != 1)} you set from {COPY_NAME} "
                "(shown again as their articles come back)."]
    return []
