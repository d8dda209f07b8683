"""statuses.json: the statuses the user set outlive a cache rebuilt from scratch, and a copy
that cannot be written undoes the change instead of keeping it half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_bookmarks import seed, seed_golden
from tui.core.errors import StoreError
from tui.store import manual_status, schema, store
from tui.store.recovery import open_store


def spokesman(db: Path, article_id: int) -> dict:
    conn = schema.connect(db)
    try:
        return dict(store.claims_for(conn, article_id)[1])
    finally:
        conn.close()


def test_a_rebuilt_cache_takes_back_the_statuses_and_their_claims_show_them(tmp_path: Path) -> None:
    db = tmp_path / "cache" / "sitrep.db"
    seed_golden(db)
    copy = json.loads((db.parent / "statuses.json").read_text(encoding="utf-8"))
    assert [s["status"] for s in copy["statuses"]] == ["unconfirmed"]
    db.unlink()
    opened = open_store(db)
    try:
        assert any("Restored 1 status you set" in notice for notice in opened.notices)
    finally:
        opened.handle.close()
        if opened.lock is not None:
            opened.lock.release()
    again = seed(db)  # the articles come back, analysed afresh
    claim = spokesman(db, again["red_sea"])
    assert claim["status"] == "unconfirmed" and claim["analysis_status"] is not None


def test_a_copy_that_cannot_be_written_undoes_the_change(tmp_path: Path) -> None:
    db = tmp_path / "cache" / "sitrep.db"
    ids = seed(db)
    (db.parent / "statuses.json").mkdir()  # the rename over it fails
    claim = spokesman(db, ids["red_sea"])
    conn = schema.connect(db)
    try:
        with pytest.raises(StoreError, match="statuses.json cannot be written"):
            manual_status.set_status(conn, ids["red_sea"], claim["start"],
                                     claim["source_start"], "denied")
        assert manual_status.count_manual(conn) == 0
    finally:
        conn.close()
    assert spokesman(db, ids["red_sea"])["status"] == claim["status"]


def test_an_unreadable_copy_is_one_notice_and_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "cache" / "sitrep.db"
    seed_golden(db)
    (db.parent / "statuses.json").write_text("{not json", encoding="utf-8")
    opened = open_store(db)
    try:
        problem = [n for n in opened.notices if "statuses.json" in n]
        assert len(problem) == 1 and "could not be read" in problem[0]
        assert opened.handle.run(manual_status.count_manual) == 1
    finally:
        opened.handle.close()
        if opened.lock is not None:
            opened.lock.release()
