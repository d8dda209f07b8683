"""Class 2: terminal control sequences in web text are stripped at ingest.

OSC 52 (write the clipboard), OSC 8 (hyperlinks), OSC 0 (window title), CSI clear/cursor-report,
DCS strings, their 8-bit C1 spellings, BEL, NUL, DEL. Written to a terminal they act instead of
showing; so neither the store nor the screen may ever hold one. The hostile cache of
tests/hostile/seed.py carries them in the feed title, item title, guid, author, summary and the
page's paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import build_app, wait_for
from tests.hostile import seed
from tests.hostile.payloads import CONTROLS, rss
from tests.hostile.screen import screen_text
from tests.server import LocalServer
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.reader_view import ReaderView
from tui.core.sanitize import clean_line, clean_text
from tui.pipeline.parse import html_to_text, parse_feed
from tui.store import schema

UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab/newline, DEL, C1


@pytest.mark.parametrize("sequence", CONTROLS)
def test_each_sequence_is_removed_and_the_words_around_it_kept(sequence: str) -> None:
    for clean in (clean_text, clean_line):
        cleaned = clean(f"before {sequence} after")
        assert not UNPRINTABLE.search(cleaned)
        assert cleaned.startswith("before") and cleaned.endswith("after")


@pytest.mark.parametrize("reference", ["&#27;[2J", "&#x1b;]0;t&#7;", "&#155;31m", "&#0;", "&#x9d;"])
def test_character_references_cannot_smuggle_controls(reference: str) -> None:
    text = html_to_text(f"<p>before {reference} after</p>")
    assert not UNPRINTABLE.search(text) and "\x1b" not in text


def test_raw_controls_in_a_feed_never_leave_the_parser() -> None:
    items = [
        {
            "title": f"t{c}",
            "description": f"<p>d{c}</p>",
            "author": f"a{c}",
            "guid": f"g{c}",
            "link": f"https://wire.example/{c}x",
        }
        for c in CONTROLS
    ]
    feed = parse_feed(rss(items, title="Wire" + CONTROLS[0]), "https://wire.example/feed")
    assert len(feed.entries) == len(CONTROLS)
    values = [feed.title, feed.link] + [
        v for e in feed.entries for v in (e.title, e.summary, e.author, e.guid, e.link)
    ]
    assert [v for v in values if UNPRINTABLE.search(v)] == []


def stored_strings(db: Path) -> list[str]:
    """Every text the store holds, as its readers get it: an article's text is kept compressed
    and claims' sentences are read from it (schema 11), so both are read through the store's
    functions; a view's computed columns have no declared type."""
    conn = schema.connect(db, readonly=True)
    try:
        values: list[str] = []
        for table in ("feeds", "articles", "claims", "entities"):
            columns = [
                "sitrep_text(text)" if (table, r[1]) == ("articles", "text") else f'"{r[1]}"'
                for r in conn.execute(f"PRAGMA table_info({table})")
                if r[2].upper() in ("TEXT", "")
            ]
            for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                values += [v for v in row if isinstance(v, str)]
        return values
    finally:
        conn.close()


async def test_the_store_never_holds_a_control_character(
    tmp_path: Path, http_server: LocalServer
) -> None:
    hostile = await seed.seed_hostile_cache(tmp_path, http_server)
    values = stored_strings(hostile.cache / "sitrep.db")
    assert any("Desk editor" in v for v in values) and any("Officials said" in v for v in values)
    assert [v for v in values if UNPRINTABLE.search(v)] == []


async def test_the_screen_never_shows_a_control_character(
    tmp_path: Path, http_server: LocalServer
) -> None:
    hostile = await seed.seed_hostile_cache(tmp_path, http_server)
    app = build_app(hostile.config, hostile.cache, auto_refresh=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for(pilot, lambda: seed.TITLE in screen_text(app))
        assert not UNPRINTABLE.search(screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen.query_one(ReaderView)
        await wait_for(pilot, lambda: reader.text == hostile.text)
        assert not UNPRINTABLE.search(screen_text(app))
        await pilot.press("x")  # the feed's summary
        await pilot.pause()
        assert "Officials said" in screen_text(app)
        assert not UNPRINTABLE.search(screen_text(app))


async def test_raw_page_mode_never_shows_a_control_character(
    tmp_path: Path, http_server: LocalServer
) -> None:
    hostile = await seed.seed_hostile_cache(tmp_path, http_server)
    app = build_app(hostile.config, hostile.cache, auto_refresh=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for(pilot, lambda: seed.TITLE in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen.query_one(ReaderView)
        await wait_for(pilot, lambda: reader.text == hostile.text)
        await pilot.press("x", "x")  # summary, then the raw page as fetched
        await wait_for(pilot, lambda: "<article>" in reader.text)
        assert not UNPRINTABLE.search(reader.text)
        assert not UNPRINTABLE.search(screen_text(app))
