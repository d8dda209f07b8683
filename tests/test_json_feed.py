"""JSON Feed (jsonfeed.org 1 and 1.1): parsed with the XML path's cleaning, and fetched for real."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import write_config
from tests.server import LocalServer
from tests.test_cli import db_rows, sitrep
from tui.core.errors import ParseError
from tui.pipeline.parse import parse_feed
from tui.pipeline.parse.json_feed import is_json_feed

FEED_URL = "https://dispatch.example/feed.json"

V11 = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Sahel \x1b[31mDispatch\x1b[0m",
    "home_page_url": "https://dispatch.example/",
    "authors": [{"name": "Desk"}],
    "items": [
        {
            "id": "2026-11-24-gao",
            "url": "/2026/11/gao-convoy",
            "title": "Convoy ambushed near Gao, army says",
            "content_html": "<p>The army said a convoy was <b>ambushed</b>.</p><p>Two soldiers "
            "were wounded, it said.</p>",
            "date_published": "2026-11-24T08:30:00Z",
            "authors": [{"name": "Aminata Keita"}],
        },
        {
            "id": 42,
            "url": "javascript:alert(1)",
            "content_text": "Residents said the market reopened on Monday.",
            "date_published": "not a date",
        },
        "not an item",
    ],
}


def test_json_feed_items_are_cleaned_like_xml_ones() -> None:
    parsed = parse_feed(json.dumps(V11).encode(), FEED_URL, {})
    assert parsed.title == "Sahel Dispatch"  # the escape sequence is gone
    assert parsed.link == "https://dispatch.example/"
    first, second = parsed.entries
    assert first.guid == "2026-11-24-gao"
    assert first.link == "https://dispatch.example/2026/11/gao-convoy"  # resolved
    assert first.summary == ("The army said a convoy was ambushed.\n\n"
                             "Two soldiers were wounded, it said.")
    assert first.author == "Aminata Keita"
    assert first.published == datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    assert second.guid == "42" and second.link == ""  # a javascript: link is not kept
    assert second.title == "Residents said the market reopened on Monday."  # from the text
    assert second.author == "Desk" and second.published is None


def test_version_1_author_and_detection() -> None:
    feed = {"version": "https://jsonfeed.org/version/1", "title": "Old", "author": {"name": "A"},
            "items": [{"id": "1", "summary": "Short", "content_html": "<p>Long</p>"}]}
    body = json.dumps(feed).encode()
    assert is_json_feed(body, {}) and is_json_feed(b"{}", {"Content-Type": "application/feed+json"})
    assert not is_json_feed(b'{"version": 1}', {"content-type": "application/json"})
    (entry,) = parse_feed(b"\xef\xbb\xbf" + body, FEED_URL, {}).entries
    assert (entry.author, entry.summary) == ("A", "Short")


@pytest.mark.parametrize(
    "body",
    [
        b'{"version": "https://jsonfeed.org/version/1.1", "items": [',
        b'{"version": "https://jsonfeed.org/version/1.1", "items": {}}',
        b'{"version": "https://jsonfeed.org/version/1.1", "x": ' + b"[" * 100_000 + b"]" * 100_000
        + b"}",
    ],
    ids=["cut short", "items not a list", "nested 100,000 deep"],
)
def test_broken_json_feed_is_a_parse_error(body: bytes) -> None:
    with pytest.raises(ParseError, match="not a readable JSON feed"):
        parse_feed(body, FEED_URL, {"content-type": "application/feed+json"})


def test_a_served_json_feed_is_fetched_and_stored(tmp_path: Path, http_server: LocalServer) -> None:
    url = http_server.add("/feed.json", json.dumps(V11).encode(), "application/feed+json")
    config = write_config(tmp_path / "feeds.toml", [("Sahel Dispatch", url)])
    done = sitrep(config, "fetch", "--feeds-only")
    assert done.returncode == 0, done.stderr
    rows = db_rows(config, "SELECT guid, title, author FROM articles ORDER BY guid")
    assert rows == [("2026-11-24-gao", "Convoy ambushed near Gao, army says", "Aminata Keita"),
                    ("42", "Residents said the market reopened on Monday.", "Desk")]
