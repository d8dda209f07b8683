"""Feed parsing: bytes in, sanitised plain values out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.core.errors import ParseError
from tui.core.sanitize import clean_text, has_controls
from tui.pipeline.parse import html_to_text, parse_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire \x1b]0;owned\x07Desk</title><link>https://w.example/</link>
<item>
  <title>Strike reported \x1b[2J near [bold]Izium[/]</title>
  <link>/world/strike.html</link>
  <guid isPermaLink="false">item-1</guid>
  <pubDate>Tue, 24 Nov 2026 10:30:00 +0200</pubDate>
  <description>&lt;p&gt;First \xc2\x9b31m paragraph.&lt;/p&gt;
&lt;p&gt;Second &amp;amp; last.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description>
  <author>desk@w.example (Desk \x07Editor)</author>
</item>
<item><link>https://w.example/two</link><description>No title here, only words.</description></item>
</channel></rss>"""


def test_parse_sanitises_and_resolves() -> None:
    feed = parse_feed(
        RSS, "https://w.example/feeds/world.xml", {"content-type": "application/rss+xml"}
    )
    assert feed.title == "Wire Desk"
    first, second = feed.entries
    assert first.title == "Strike reported near [bold]Izium[/]"  # markup stays literal text
    assert first.link == "https://w.example/world/strike.html"
    assert first.guid == "item-1"
    assert first.published == datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    # feedparser maps the C1 byte to a printable cp1252 lookalike; no control survives either way.
    assert first.summary.startswith("First ") and first.summary.endswith(
        "paragraph.\n\nSecond & last."
    )
    assert "x()" not in first.summary
    assert "Editor" in first.author and not has_controls(first.author)
    assert second.title == "No title here, only words."
    for entry in feed.entries:
        for value in (entry.title, entry.summary, entry.author, entry.link, entry.guid):
            assert not has_controls(value) and "\x1b" not in value


def test_parse_takes_bytes_only() -> None:
    with pytest.raises(TypeError):
        parse_feed(RSS.decode("utf-8"), "https://w.example/")  # type: ignore[arg-type]


def test_not_a_feed_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_feed(b"\x00\x01 this is not xml at all \xff", "https://w.example/")


def test_links_other_than_http_are_dropped() -> None:
    body = (
        b'<rss version="2.0"><channel><title>x</title><item><title>a</title>'
        b"<link>javascript:alert(1)</link></item><item><title>b</title>"
        b"<link>file:///etc/passwd</link></item></channel></rss>"
    )
    feed = parse_feed(body, "https://w.example/rss")
    assert [e.link for e in feed.entries] == ["", ""]


def test_local_feed_keeps_relative_local_links() -> None:
    body = (b'<rss version="2.0"><channel><title>x</title><item><title>a</title>'
            b"<link>pages/a.html</link></item></channel></rss>")
    feed = parse_feed(body, "/srv/demo/feed.xml")
    assert feed.entries[0].link == "file:///srv/demo/pages/a.html"


def test_atom_feed() -> None:
    body = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
    <entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; claim</title><id>urn:1</id>
    <link href="https://a.example/1"/><updated>2026-11-20T12:00:00Z</updated>
    <content type="html">&lt;p&gt;Body text&lt;/p&gt;</content></entry></feed>"""
    entry = parse_feed(body, "https://a.example/atom").entries[0]
    assert (entry.title, entry.guid, entry.summary) == ("Bold claim", "urn:1", "Body text")


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("a\x1b[31mred\x1b[0m", "ared"),
        ("osc\x1b]52;c;aGVsbG8=\x07 after", "osc after"),
        ("link\x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\", "linktext"),
        ("c1\x9b2Jx", "c1x"),
        ("nul\x00 del\x7f bell\x07", "nul del bell"),
        ("line\r\nbreak\rend", "line\nbreak\nend"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_html_to_text_plain_passthrough() -> None:
    assert html_to_text("plain  words\n\n\nmore") == "plain words\n\nmore"
