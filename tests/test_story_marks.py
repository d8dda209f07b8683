"""A story keeps its contested mark (⚡, `is:contested`) as articles join, so new rules for the
ledger and its contradictions (REPORT_VERSION) would reach only the stories that lose or change
an article: the story process checks every story's mark again, a batch at a time, once a
version."""

from __future__ import annotations

from pathlib import Path

from tui.pipeline.stories import FEATURES_VERSION, REPORT_VERSION
from tui.service.stories import check_marks, file_all
from tui.store import schema
from tui.store.stories import needs_filing


def marks(conn) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return dict(conn.execute("SELECT id, contested FROM stories").fetchall())


def test_marks_set_by_other_rules_are_checked_again_in_batches_once_a_version(
    story_cache: tuple[Path, dict],
) -> None:
    directory, _ = story_cache
    conn = schema.connect(directory / "cache" / "sitrep.db")
    truth = marks(conn)
    assert 0 < sum(truth.values()) < len(truth)  # some contested, some not
    assert not needs_filing(conn, FEATURES_VERSION, REPORT_VERSION)  # filed and marked: idle
    with conn:  # as marks set by earlier rules: every one the other way
        conn.execute("UPDATE stories SET contested = 1 - contested")
        conn.execute("UPDATE app_state SET value = 'earlier' WHERE key = 'marks_version'")
    assert needs_filing(conn, FEATURES_VERSION, REPORT_VERSION)
    assert check_marks(conn, limit=2) == 2  # a batch, and where it stopped is kept
    assert sum(marks(conn)[s] == truth[s] for s in truth) == 2
    assert file_all(conn) == len(truth) - 2  # the rest, in the story process's loop
    assert marks(conn) == truth
    assert not needs_filing(conn, FEATURES_VERSION, REPORT_VERSION)
    assert check_marks(conn) == 0  # once a version
    conn.close()


def test_a_cache_filed_from_scratch_needs_no_check(tmp_path: Path) -> None:
    """Stories filed anew (a new cache, or new features) are marked as they are filed."""
    conn = schema.connect(tmp_path / "sitrep.db")
    assert file_all(conn) == 0
    row = conn.execute("SELECT value FROM app_state WHERE key = 'marks_version'").fetchone()
    assert tuple(row) == (REPORT_VERSION,)
    conn.close()
