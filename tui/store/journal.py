"""bookmarks.jsonl: the plain-text safety net the bookmarks table can always be rebuilt from.

One JSON object a line, appended on every change and fsync'd before the change is acknowledged:

    {"v": 1, "op": "add", "at": "2026-11-20T10:00:00+00:00", "record": {...every field...}}

`op` is add, edit, remove, restore or snapshot (a bookmark found in the database but not in the
journal, written so the journal stays complete). Replaying the lines in order, the last state per
claim_key wins and a remove drops it. A line cut short by a crash is skipped, and the next append
starts on a fresh line so that a torn tail never swallows a good record.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.errors import StoreError

JOURNAL_NAME = "bookmarks.jsonl"
OPS = ("add", "edit", "remove", "restore", "snapshot")
VERSION = 1


class JournalError(StoreError):
    """bookmarks.jsonl cannot be written (read-only directory, full disk, not a file)."""


@dataclass
class JournalState:
    """The bookmarks a journal describes after replaying it."""

    live: dict[str, dict[str, Any]] = field(default_factory=dict)  # claim_key → record
    removed: set[str] = field(default_factory=set)
    entries: int = 0
    skipped: int = 0  # unreadable lines (not counting a torn last line)
    torn: bool = False
    whole_bytes: int = 0  # length of the file up to the end of its last complete line


def journal_line(op: str, record: dict[str, Any], at: str) -> bytes:
    if op not in OPS:
        raise ValueError(f"unknown journal op {op!r}")
    entry = {"v": VERSION, "op": op, "at": at, "record": record}
    return (json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def append_entries(path: Path, lines: list[bytes]) -> None:
    """Append whole lines and fsync them (and the directory when the file is new).

    Raises JournalError with a message fit for the user: the caller must not acknowledge a
    change whose journal line did not reach the disk.
    """
    if not lines:
        return
    try:
        created = not path.exists()
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            payload = b"".join(lines)
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                payload = b"\n" + payload  # a crash left half a line: start afresh
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            _fsync_dir(path.parent)
    except OSError as exc:
        raise JournalError(f"cannot write {path}: {exc.strerror or exc}") from None


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_journal(path: Path) -> JournalState:
    """Replay the journal. A missing file is an empty journal; unreadable lines are counted."""
    state = JournalState()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return state
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None
    lines = data.split(b"\n")
    state.whole_bytes = len(data) - len(lines[-1])
    for number, raw in enumerate(lines):
        if not raw.strip():
            continue
        entry = _parse(raw)
        if entry is None:
            if number == len(lines) - 1:
                state.torn = True  # the last write was cut short; it was never acknowledged
            else:
                state.skipped += 1
            continue
        state.entries += 1
        op, record = entry["op"], entry["record"]
        key = record["claim_key"]
        if op == "remove":
            state.live.pop(key, None)
            state.removed.add(key)
        else:
            state.live[key] = record
            state.removed.discard(key)
    return state


def _parse(raw: bytes) -> dict[str, Any] | None:
    try:
        entry = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(entry, dict) or entry.get("op") not in OPS:
        return None
    record = entry.get("record")
    if not isinstance(record, dict) or not isinstance(record.get("claim_key"), str):
        return None
    return entry


def rewrite_journal(path: Path, records: list[dict[str, Any]], at: str) -> None:
    """Replace the journal by one snapshot line per live bookmark, atomically.

    Used to compact a journal that grew long with edits: the new file is written and fsync'd
    beside the old one, then renamed over it, so a crash leaves one or the other, never neither.
    """
    temporary = path.with_name(path.name + ".compact")
    try:
        with open(temporary, "wb") as handle:
            handle.write(b"".join(journal_line("snapshot", r, at) for r in records))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise JournalError(f"cannot compact {path}: {exc.strerror or exc}") from None


def drop_torn_tail(path: Path, whole_bytes: int) -> None:
    """Cut the half line a crash left at the end (it was never acknowledged to anyone)."""
    try:
        with open(path, "r+b") as handle:
            handle.truncate(whole_bytes)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise JournalError(f"cannot repair {path}: {exc.strerror or exc}") from None


def keep_aside(path: Path, stamp: str) -> Path:
    """Keep a journal with unreadable lines as it is, before it is rewritten."""
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    try:
        target.write_bytes(path.read_bytes())
    except OSError as exc:
        raise JournalError(f"cannot copy {path}: {exc.strerror or exc}") from None
    return target
