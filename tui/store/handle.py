"""One connection for the UI process, shared by its thread workers under a lock.

Also the single-instance rule: the first running sitrep holds an exclusive lock on
`cache/sitrep.lock`; a second one opens the database read-only and says so. And the
read-only connection of a command that only reads (`connect_reading`).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tui.core.sanitize import clean_line
from tui.store import schema

T = TypeVar("T")


class StoreHandle:
    def __init__(self, path: Path, *, readonly: bool = False, immutable: bool = False) -> None:
        self.path = path
        self.readonly = readonly or immutable
        self.immutable = immutable
        self._lock = threading.RLock()
        self.conn: sqlite3.Connection = schema.connect(
            path, readonly=self.readonly, immutable=immutable
        )

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call fn(conn, ...) under the lock. Use from thread workers, not the event loop."""
        with self._lock:
            return fn(self.conn, *args, **kwargs)

    def close(self) -> None:
        with self._lock:
            self.conn.close()


class InstanceLock:
    """An advisory lock held for the life of the app (released by the OS if it dies)."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / "sitrep.lock"
        self._fd: int | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        try:  # the pid is for people looking at the file; a full disk must not stop the lock
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError:
            pass
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def store_failure(db_path: Path, exc: sqlite3.Error) -> str:
    """One line for a store error met mid-run, with the likely cause when SQLite is terse."""
    reason = clean_line(str(exc)) or type(exc).__name__
    if "disk" in reason or "full" in reason:
        reason += " (is the disk full?)"
    return f"{db_path}: cache error: {reason}"


def connect_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection for a command that only reads (`sitrep search`), on a cache
    upgraded first if an older sitrep made it: its queries need the current tables. The upgrade
    is the one the app and `sitrep fetch` run (backup first); if it cannot be written, that
    StoreError says why in one line."""
    conn = schema.connect(path, readonly=True)
    if conn.execute("PRAGMA user_version").fetchone()[0] < schema.SCHEMA_VERSION:
        conn.close()
        schema.connect(path).close()
        conn = schema.connect(path, readonly=True)
    return conn


def pending_upgrade(path: Path) -> int | None:
    """The schema of an existing cache that opening it will upgrade, else None (read-only
    look, so that a caller can say what the wait is before a long migration starts)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # damaged or locked: opening it says what is wrong
    return version if 0 < version < schema.SCHEMA_VERSION else None
