"""The grouping's index kept between catch-ups of one process (tui/service/story_window.py):
the next batch files against it only while no other writer changed the stories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.story_seed import STORY_OF, build_story_cache
from tui.service import story_window
from tui.service.stories import file_all, file_stories
from tui.store import schema
from tui.store import stories as kept


def _stories(conn) -> list[list[int]]:  # type: ignore[no-untyped-def]
    found: dict[str, list[int]] = {}
    for article_id, story_id in conn.execute("SELECT article_id, story_id FROM story_articles"):
        found.setdefault(story_id, []).append(article_id)
    return sorted(sorted(ids) for ids in found.values())


def _expected(ids: dict[str, int]) -> list[list[int]]:
    return sorted(sorted(ids[key] for key in keys) for keys in STORY_OF.values())


def test_batches_filed_against_the_kept_index_make_the_same_stories(tmp_path: Path) -> None:
    ids = build_story_cache(tmp_path, file=False)
    conn = schema.connect(tmp_path / "cache" / "sitrep.db")
    assert file_stories(conn, limit=3) == 3
    first = story_window.held(conn)
    assert first is not None and first.stamp == kept.filing_stamp(conn)
    while file_stories(conn, limit=3):
        pass
    assert story_window.held(conn) is first  # every later batch filed against the same index
    assert _stories(conn) == _expected(ids)


def test_another_process_filing_makes_the_next_batch_read_the_window_again(
    tmp_path: Path,
) -> None:
    ids = build_story_cache(tmp_path, file=False)
    conn = schema.connect(tmp_path / "cache" / "sitrep.db")
    file_stories(conn, limit=3)
    window = story_window.held(conn)
    assert window is not None
    subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(tmp_path / "feeds.toml"),
         "--cache", str(tmp_path / "cache"), "stories", "--all", "--json"],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert kept.filing_stamp(conn) != window.stamp
    since, until = window.since, window.until
    assert story_window.take(conn, since, until, set(), until - since) is None
    assert story_window.held(conn) is None  # dropped, not kept for later
    file_all(conn)
    assert _stories(conn) == _expected(ids)


def test_a_purge_or_a_start_over_moves_the_stamp(tmp_path: Path) -> None:
    build_story_cache(tmp_path)
    conn = schema.connect(tmp_path / "cache" / "sitrep.db")
    stamp = kept.filing_stamp(conn)
    with conn:
        conn.execute("DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)")
    assert kept.filing_stamp(conn) != stamp  # the cascade, before the stories are mended
    stamp = kept.filing_stamp(conn)
    kept.forget_purged(conn)
    assert kept.filing_stamp(conn) != stamp
    stamp = kept.filing_stamp(conn)
    assert kept.start_over_unless(conn, "another version")
    assert kept.filing_stamp(conn) != stamp
