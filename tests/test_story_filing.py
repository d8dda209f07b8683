"""Stories are filed in a process of their own (tui/service/story_filing.py): the grouping is
pure Python, and in a thread of the app it held the interpreter against the UI."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.story_seed import STORY_ARTICLES, build_story_cache

SCRIPT = """
import asyncio, json, os, sys
from pathlib import Path
from tui.service.config import load_config
from tui.service.refresh import Refresher

async def main():
    here = Path(sys.argv[1])
    async with Refresher(load_config(here / "feeds.toml"), here / "cache" / "sitrep.db") as r:
        filed = await r.file_stories()
        again = await r.file_stories()
    loaded = [m for m in ("tui.service.stories", "tui.pipeline.stories.grouping")
              if m in sys.modules]
    print(json.dumps({"filed": filed, "again": again, "loaded": loaded}))

asyncio.run(main())
"""


def test_a_catch_up_files_every_article_in_a_child_process(tmp_path: Path) -> None:
    build_story_cache(tmp_path, file=False)
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result == {"filed": len(STORY_ARTICLES), "again": 0, "loaded": []}
    conn = sqlite3.connect(tmp_path / "cache" / "sitrep.db")
    filed = conn.execute("SELECT count(*) FROM story_articles").fetchone()[0]
    stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    assert filed == len(STORY_ARTICLES) and 0 < stories < filed


def test_stories_filed_by_older_features_are_filed_again_from_scratch(tmp_path: Path) -> None:
    from tui.service.stories import file_all
    from tui.store import schema

    build_story_cache(tmp_path)
    conn = schema.connect(tmp_path / "cache" / "sitrep.db")
    before = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    with conn:
        conn.execute("UPDATE app_state SET value = '1' WHERE key = 'stories_version'")
        conn.execute("INSERT INTO stories(id, first_seen, last_seen) VALUES ('old', '', '')")
    assert file_all(conn) == len(STORY_ARTICLES)
    ids = {row[0] for row in conn.execute("SELECT id FROM stories")}
    assert "old" not in ids and len(ids) == before
    assert file_all(conn) == 0  # the new version is kept: no second start


def test_a_catch_up_asks_the_store_before_starting_the_story_process(tmp_path: Path) -> None:
    from tui.pipeline.stories import FEATURES_VERSION
    from tui.store import schema
    from tui.store.stories import forget_purged, needs_filing

    build_story_cache(tmp_path)
    conn = schema.connect(tmp_path / "cache" / "sitrep.db")
    assert not needs_filing(conn, FEATURES_VERSION)  # all filed: no process is started
    assert needs_filing(conn, "another")
    with conn:
        conn.execute("UPDATE story_articles SET stale = 1 WHERE rowid IN "
                     "(SELECT rowid FROM story_articles LIMIT 1)")  # fmt: skip
    assert needs_filing(conn, FEATURES_VERSION)
    with conn:
        conn.execute("UPDATE story_articles SET stale = 0")
        conn.execute("DELETE FROM story_articles WHERE rowid IN "
                     "(SELECT rowid FROM story_articles LIMIT 1)")  # fmt: skip
    forget_purged(conn)  # the count of filed articles follows: one done article is unfiled
    assert needs_filing(conn, FEATURES_VERSION)


def test_slow_catch_ups_are_spaced_out_so_filing_keeps_to_a_quarter_of_a_refresh() -> None:
    from tui.service.story_filing import FILING_SHARE, filing_pause

    assert filing_pause(5.0, 0.05) == 5.0  # a small cache: every 5 s, as before
    assert filing_pause(5.0, 3.0) == 9.0  # a million articles: 3 s of filing, then 9 s of pages
    took = 4.0
    assert took / (took + filing_pause(5.0, took)) == FILING_SHARE
