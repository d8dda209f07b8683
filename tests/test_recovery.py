"""open_store: whatever state the cache is in, the app starts with every bookmark."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_bookmarks import bookmark, seed, seed_golden
from tui.core.errors import StoreError
from tui.store import bookmarks, schema
from tui.store.journal import journal_line, read_journal
from tui.store.recovery import OpenedStore, open_store
from tui.store.store import claims_for, get_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cache" / "sitrep.db"
    seed_golden(path)
    return path


@pytest.fixture
def opened() -> Iterator[list[OpenedStore]]:
    """Stores opened by a test, closed (and their locks released) afterwards."""
    stores: list[OpenedStore] = []
    yield stores
    for item in reversed(stores):
        item.handle.close()
        if item.lock is not None:
            item.lock.release()


def start(db: Path, opened: list[OpenedStore]) -> OpenedStore:
    store = open_store(db)
    opened.append(store)
    return store


def notes(store: OpenedStore) -> list[str]:
    return sorted(r["note"] + "|" + r["tags"] for r in store.handle.run(bookmarks.list_bookmarks))


EXPECTED = sorted(["Compare with the governor; check *satellite* imagery [FIRMS] before quoting."
                   "|kharkiv energy", "|", "|kharkiv civilians"])


def test_healthy_cache_opens_without_notices(db: Path, opened: list[OpenedStore]) -> None:
    store = start(db, opened)
    assert store.notices == [] and not store.readonly
    assert notes(store) == EXPECTED


def test_deleted_database_is_rebuilt_from_the_journal(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    db.unlink()
    store = start(db, opened)
    assert store.notices == [
        "Restored 3 bookmarks from bookmarks.jsonl into a new cache database.",
        "Restored 1 status you set from statuses.json (shown again as their articles come back).",
    ]
    assert notes(store) == EXPECTED
    rows = store.handle.run(bookmarks.list_bookmarks)
    assert [r["id"] for r in rows] == [3, 2, 1]  # ids kept, so undo and exports stay stable
    assert all(r["article_id"] is None for r in rows)  # the articles are not in the new cache


@pytest.mark.parametrize("size", [0, 4096, "half"])
def test_truncated_database_is_moved_aside_and_bookmarks_restored(db: Path, opened,  # type: ignore[no-untyped-def]
                                                                  size: int | str) -> None:
    length = db.stat().st_size // 2 if size == "half" else int(size)
    with open(db, "r+b") as handle:
        handle.truncate(length)
    store = start(db, opened)
    assert store.notices[-2].startswith("Restored 3 bookmarks from bookmarks.jsonl")
    assert store.notices[-1].startswith("Restored 1 status you set from statuses.json")
    if length:  # an empty file is simply a new database; a cut one is kept for inspection
        assert "damaged" in store.notices[0]
        assert len(list(db.parent.glob("sitrep.db.damaged-*"))) >= 1
    assert notes(store) == EXPECTED
    assert store.handle.run(lambda c: c.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"


def test_file_that_is_not_a_database(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    db.write_bytes(b"this is not sqlite at all\n" * 400)
    store = start(db, opened)
    assert "not a database" in store.notices[0] and "moved to sitrep.db.damaged-" in \
        store.notices[0]
    assert notes(store) == EXPECTED


def test_database_behind_the_journal_catches_up(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    """A kill after the journal fsync but before the commit: the change is applied at start."""
    conn = schema.connect(db)
    rows = {r["claim_text"][:10]: r for r in bookmarks.list_bookmarks(conn)}
    red_sea = conn.execute("SELECT id FROM articles WHERE guid = 'hp-red-sea-carrier'"
                           ).fetchone()[0]
    new = bookmarks.make_record(claims_for(conn, red_sea)[0], get_article(conn, red_sea),
                                "in flight")
    conn.close()
    new.update(id=4, article_id=999)  # an id from whichever database wrote the journal
    edited = dict(rows["“We will k"], note="edited in flight")
    with open(db.parent / "bookmarks.jsonl", "ab") as journal:
        journal.write(journal_line("add", new, "2026-11-20T11:00:00+00:00"))
        journal.write(journal_line("edit", edited, "2026-11-20T11:00:00+00:00"))
        journal.write(journal_line("remove", rows["Oleh Sineg"], "2026-11-20T11:00:00+00:00"))
    store = start(db, opened)
    assert store.notices == [
        "Restored 1 bookmark from bookmarks.jsonl (the database was missing them).",
        "Applied 2 bookmark change(s) from bookmarks.jsonl that the database had missed."]
    after = store.handle.run(bookmarks.list_bookmarks)
    assert sorted(r["note"] for r in after) == sorted(
        [rows["Russia's d"]["note"], "edited in flight", "in flight"])
    assert next(r for r in after if r["note"] == "in flight")["article_id"] == red_sea


def test_bookmarks_missing_from_the_journal_are_added_to_it(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    (db.parent / "bookmarks.jsonl").unlink()
    store = start(db, opened)
    assert store.notices == []
    state = read_journal(db.parent / "bookmarks.jsonl")
    assert len(state.live) == 3
    # ...so deleting the database now still loses nothing.
    store.handle.close()
    store.lock.release()  # type: ignore[union-attr]
    opened.clear()
    db.unlink()
    assert notes(start(db, opened)) == EXPECTED


def test_unreadable_journal_lines_are_kept_aside_with_a_notice(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    journal = db.parent / "bookmarks.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    damaged = lines[0] + b"\x00garbage\n" + b"".join(lines[1:])
    journal.write_bytes(damaged)
    db.unlink()
    store = start(db, opened)
    (notice,) = [n for n in store.notices if "unreadable" in n]
    assert notice.startswith("bookmarks.jsonl: skipped 1 unreadable line(s); the file as it was "
                             "is kept as bookmarks.jsonl.unreadable-")
    assert notes(store) == EXPECTED
    (kept,) = db.parent.glob("bookmarks.jsonl.unreadable-*")
    assert kept.read_bytes() == damaged
    assert read_journal(journal).skipped == 0  # rewritten: the notice is shown once
    assert len(read_journal(journal).live) == 3


def test_torn_tail_is_cut_without_a_notice(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    journal = db.parent / "bookmarks.jsonl"
    whole = journal.read_bytes()
    journal.write_bytes(whole + b'{"v": 1, "op": "add", "rec')  # killed mid-append
    store = start(db, opened)
    assert store.notices == [] and notes(store) == EXPECTED
    assert journal.read_bytes() == whole


def test_long_journal_is_compacted(tmp_path: Path, opened) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "cache" / "sitrep.db"
    ids = seed(db)
    conn = schema.connect(db)
    record = bookmarks.get_bookmark(conn, bookmark(conn, ids["kharkiv"], 0))
    with open(db.parent / "bookmarks.jsonl", "ab") as journal:  # 210 edits made elsewhere
        for number in range(210):
            journal.write(journal_line("edit", dict(record, note=f"edit {number}"), "t"))
    conn.close()
    store = start(db, opened)
    lines = (db.parent / "bookmarks.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["op"] for line in lines] == ["snapshot"]
    assert json.loads(lines[0])["record"]["note"] == "edit 209"
    assert notes(store) == ["edit 209|"]


def test_second_instance_is_read_only_and_cannot_write(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    first = start(db, opened)
    second = start(db, opened)
    assert not first.readonly and second.readonly and second.lock is None
    assert "Another sitrep is running: this window is read-only" in second.notices[0]
    assert notes(second) == EXPECTED  # it can read everything
    record = second.handle.run(bookmarks.list_bookmarks)[0]
    with pytest.raises(StoreError, match="read-only"):
        second.handle.run(bookmarks.update_bookmark_note, record["id"], "from the second")
    first.handle.run(bookmarks.update_bookmark_note, record["id"], "from the first")
    assert second.handle.run(bookmarks.get_bookmark, record["id"])["note"] == "from the first"
    assert first.handle.run(lambda c: c.execute("PRAGMA integrity_check").fetchone()[0]) == "ok"


def test_unusable_cache_directory_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    with pytest.raises(StoreError, match="cannot use the cache directory"):
        open_store(blocker / "sitrep.db")


def test_second_instance_on_a_damaged_cache_says_so(db: Path, opened) -> None:  # type: ignore[no-untyped-def]
    start(db, opened)
    db.with_name("other.db").write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError, match="another sitrep is running"):
        open_store(db.with_name("other.db"))
    assert sqlite3.connect(db).execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_writes_after_start_survive_another_process_closing_the_cache(
    db: Path, opened: list[OpenedStore]
) -> None:
    """Start-up checks must not drop this process's locks on the database: if they did, a
    `sitrep search` (any other process) closing its connection would take itself for the last
    one and delete the WAL, and the app's next commits would be written where nobody reads."""
    import subprocess
    import sys

    store = start(db, opened)  # the golden cache: three bookmarks
    conn = store.handle.conn
    read_elsewhere = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                      "print(c.execute('SELECT count(*) FROM bookmarks').fetchone()[0]); c.close()")
    run = [sys.executable, "-c", read_elsewhere, str(db)]
    assert subprocess.run(run, capture_output=True, text=True, check=True).stdout.strip() == "3"
    red_sea = conn.execute("SELECT id FROM articles WHERE guid = 'hp-red-sea-carrier'").fetchone()
    bookmark(conn, red_sea[0], 0, "after the other process closed")
    seen = subprocess.run(run, capture_output=True, text=True, check=True).stdout.strip()
    assert seen == "4"  # the WAL this process wrote to is still the one others read
