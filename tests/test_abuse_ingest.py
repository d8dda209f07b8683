"""What a feed's author controls at ingest: invisible characters, credentials in links, and
which items of a very long feed are kept."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tui.core.errors import ConfigError
from tui.core.sanitize import clean_line, clean_text, strip_invisible
from tui.pipeline.parse import parse_feed
from tui.pipeline.parse.fields import MAX_ENTRIES
from tui.service.config import load_config
from tui.service.feeds import rename_feed

INVISIBLE = {
    "LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e",
    "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
    "ZWSP": "\u200b", "WJ": "\u2060", "BOM": "\ufeff", "TAG-A": "\U000e0041",
    "CANCEL-TAG": "\U000e007f", "INVISIBLE-TIMES": "\u2062",
}


def rss(items: list[str], channel_title: str = "Wire") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{channel_title}</title>{''.join(items)}</channel></rss>").encode()


# ── invisible characters ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("name", INVISIBLE)
def test_each_invisible_character_is_stripped_from_text(name: str) -> None:
    char = INVISIBLE[name]
    assert clean_line(f"Strike on{char} depot{char}") == "Strike on depot"
    assert clean_text(f"para{char}graph\n\nnext") == "paragraph\n\nnext"


def test_right_to_left_text_and_the_joiners_it_needs_are_kept() -> None:
    arabic = "قال المتحدث إن القصف استهدف المستودع"
    hebrew = "\u200fהצבא אמר\u200f"  # RLM marks are kept
    persian = "می\u200cخواهم"  # ZWNJ between letters is spelling
    family = "👨\u200d👩\u200d👧"  # ZWJ emoji sequence
    for text in (arabic, hebrew, persian, family):
        assert clean_line(text) == text
    # a joiner at an edge or beside a space joins nothing: it only hides
    assert strip_invisible("\u200dname \u200c tag\u200d") == "name  tag"


def test_a_feed_title_cut_in_an_override_leaves_none_open() -> None:
    title = "\u202e" + "Reversed " * 200 + "\u202c"
    feed = parse_feed(rss([f"<item><title>{title}</title><link>http://a.example/1</link>"
                           "<guid>1</guid></item>"], channel_title="\u2067Wire\u2069"), "x")
    assert feed.title == "Wire"
    entry_title = feed.entries[0].title
    assert not any(c in entry_title for c in INVISIBLE.values())
    assert entry_title.startswith("Reversed Reversed")


def test_config_names_and_tags_lose_invisible_characters_urls_are_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nname = "Wire\\u202e gnihton"\nurl = "https://a.example/rss"\n'
                    'tags = ["\\u200bukraine", "\\u2066"]\n', encoding="utf-8")
    feed = load_config(path).feeds[0]
    assert feed.name == "Wire gnihton" and feed.tags == ("ukraine",)
    rename_feed(path, "https://a.example/rss", "New\u2068 name\u2069")
    assert load_config(path).feeds[0].name == "New name"
    assert "\u2068" not in path.read_text(encoding="utf-8")
    path.write_text('[[feed]]\nurl = "https://a.example/r\\u200bss"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="invisible character .U\\+200B.") as caught:
        load_config(path)
    assert caught.value.line == 2


# ── credentials in links ─────────────────────────────────────────────────────────────────────


def test_relative_links_of_a_feed_with_credentials_carry_none() -> None:
    feed_url = "http://reader:token@news.example/feeds/rss.xml"
    body = rss(['<item><title>A</title><link>/2026/a.html</link><guid>a</guid></item>',
                '<item><title>B</title><link>http://u:p@other.example/b</link>'
                '<guid>b</guid></item>',
                '<item><title>C</title><link>c.html?who=me@example.org</link>'
                '<guid>c</guid></item>'])
    links = [e.link for e in parse_feed(body, feed_url).entries]
    assert links == ["http://news.example/2026/a.html", "http://other.example/b",
                     "http://news.example/feeds/c.html?who=me@example.org"]
    jf = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J",
                     "items": [{"id": "1", "url": "/x"}]}).encode()
    assert parse_feed(jf, feed_url).entries[0].link == "http://news.example/x"


# ── feeds longer than the cap keep their newest items ────────────────────────────────────────


def test_an_oldest_first_feed_over_the_cap_keeps_its_newest_items() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    count = MAX_ENTRIES + 200
    items = [f"<item><title>Item {n}</title><link>http://a.example/{n}</link><guid>{n}</guid>"
             f"<pubDate>{format_datetime(start + timedelta(hours=n))}</pubDate></item>"
             for n in range(count)]  # oldest first
    kept = parse_feed(rss(items), "http://a.example/rss").entries
    assert len(kept) == MAX_ENTRIES
    assert kept[-1].guid == str(count - 1)  # the newest is there
    assert kept[0].guid == "200"  # the 200 oldest went
    assert [e.guid for e in kept] == [str(n) for n in range(200, count)]  # document order


def test_a_json_feed_over_the_cap_keeps_its_newest_items() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    count = MAX_ENTRIES + 5
    items = [{"id": str(n), "url": f"http://a.example/{n}",
              "date_published": (start + timedelta(hours=n)).isoformat()} for n in range(count)]
    undated = [{"id": "undated", "url": "http://a.example/u"}]
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J",
                       "items": undated + items}).encode()
    kept = [e.guid for e in parse_feed(body, "http://a.example/feed.json").entries]
    assert len(kept) == MAX_ENTRIES and "undated" not in kept and kept[-1] == str(count - 1)
