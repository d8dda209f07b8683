"""Opening the cache whatever state it is in: damaged files are moved aside and rebuilt."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from tui.pipeline.errors import StoreError
from tui.store.handle import InstanceLock, StoreHandle
from tui.store.schema import DamagedStoreError


@dataclass
class OpenedStore:
    handle: StoreHandle
    lock: InstanceLock | None
    notices: list[str]

    @property
    def readonly(self) -> bool:
        return self.handle.readonly


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) out of the way; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(target.with_name(target.name + suffix))
    return target


def open_store(db_path: Path) -> OpenedStore:
    """Open for the app: single writer (others read-only), damaged files rebuilt."""
    notices: list[str] = []
    lock = InstanceLock(db_path.parent)
    try:
        owner = lock.acquire()
    except OSError as exc:
        raise StoreError(f"{db_path.parent}: cannot use the cache directory: {exc}") from None
    if not owner:
        if not db_path.exists():
            raise StoreError("another sitrep is running and no cache exists yet; try again later")
        notices.append("Another sitrep is running: this window is read-only.")
        return OpenedStore(StoreHandle(db_path, readonly=True), None, notices)
    try:
        handle = StoreHandle(db_path)
    except DamagedStoreError as exc:
        moved = move_aside(db_path)
        notices.append(f"The cache was damaged ({exc}); it was moved to {moved.name} "
                       "and rebuilt.")
        handle = StoreHandle(db_path)
    return OpenedStore(handle, lock, notices)
