"""The plain RSS/Atom reader gives exactly what feedparser gives, or steps aside.

Checked on feedparser's own test corpus (2,107 files nobody here wrote, under three kinds of
response header) and on feeds of the shapes real sites publish; and a refresh of plain feeds in
numbers saves them in batches and never starts the feedparser process pool.
"""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import write_config
from tests.server import LocalServer
from tests.shared import SHARED, require
from tui.core.errors import ParseError
from tui.pipeline.parse import parse_feed, parse_plain_feed
from tui.service.config import load_config
from tui.service.feed_parsing import POOL_THRESHOLD
from tui.service.feed_saves import FeedSaves
from tui.service.refresh import Refresher
from tui.store import intake, schema, store

CORPUS = SHARED / "data" / "feeds-corpus"
HEADERS = ({"content-type": "application/rss+xml"}, {}, {"content-type": "text/xml"})

WORDPRESS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Frontline Desk &#8211; Updates</title>
  <atom:link href="https://desk.example/feed/" rel="self" type="application/rss+xml" />
  <link>https://desk.example</link>
  <description>Reports from the front</description>
  <lastBuildDate>Sat, 05 Dec 2026 18:00:00 +0000</lastBuildDate>
  <language>en-GB</language>
  <image><url>https://desk.example/logo.png</url><title>Logo</title>
    <link>https://desk.example</link></image>
  <item>
    <title>Drone strike hits depot near Kherson</title>
    <link>https://desk.example/2026/12/05/depot/?utm=rss&amp;x=1</link>
    <dc:creator><![CDATA[Olena Marchuk]]></dc:creator>
    <pubDate>Sat, 05 Dec 2026 17:40:00 +0200</pubDate>
    <category><![CDATA[Ukraine]]></category>
    <guid isPermaLink="false">https://desk.example/?p=4411</guid>
    <description><![CDATA[<p>Officials said a fuel depot burned for hours.</p>]]></description>
    <content:encoded><![CDATA[<p>Longer text.</p><p>Second paragraph.</p>]]></content:encoded>
    <slash:comments>3</slash:comments>
    <media:thumbnail url="https://desk.example/t.jpg" />
  </item>
  <item>
    <title>No link, a permalink guid</title>
    <guid>https://desk.example/2026/12/04/guid-only/</guid>
    <pubDate>Fri, 04 Dec 2026 09:00:00 GMT</pubDate>
  </item>
</channel>
</rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom desk</title>
  <link rel="self" href="https://atom.example/feed.atom"/>
  <link rel="alternate" type="text/html" href="https://atom.example/"/>
  <id>urn:uuid:feed</id>
  <updated>2026-12-05T10:00:00Z</updated>
  <entry>
    <title type="html">Shelling &amp;lt;b&amp;gt;resumes&amp;lt;/b&amp;gt;</title>
    <link href="https://atom.example/a/1"/>
    <id>urn:uuid:1</id>
    <published>2026-12-05T09:30:00+01:00</published>
    <updated>2026-12-05T09:45:00Z</updated>
    <author><name>A. Writer</name><email>a@atom.example</email></author>
    <summary type="html">&lt;p&gt;The mayor said three were hurt.&lt;/p&gt;</summary>
  </entry>
</feed>
"""


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.xml") if p.is_file())


@pytest.mark.parametrize("part", ["wellformed", "illformed", "encoding", "entities"])
def test_the_plain_reader_agrees_with_feedparser_on_its_corpus(part: str) -> None:
    require("data", "feeds-corpus")
    accepted = 0
    for path in (p for p in corpus_files() if p.relative_to(CORPUS).parts[0] == part):
        body = path.read_bytes()
        url = f"http://127.0.0.1:9/{path.name}"
        for headers in HEADERS:
            plain = parse_plain_feed(body, url, headers)
            if plain is None:
                continue
            accepted += 1
            try:
                reference = parse_feed(body, url, headers, plain=False)
            except ParseError as exc:  # pragma: no cover - the assertion says which file
                pytest.fail(f"{path}: plain reader read what feedparser refuses: {exc}")
            assert plain == reference, f"{path.relative_to(CORPUS)} with {headers}"
    if part == "wellformed":
        assert accepted > 1000  # it does take the common shapes, not just step aside


@pytest.mark.parametrize("text", [WORDPRESS, ATOM_FEED])
def test_real_world_shapes_are_read_plainly_and_equal_feedparser(text: str) -> None:
    body = text.encode()
    headers = {"content-type": "application/rss+xml; charset=UTF-8"}
    plain = parse_plain_feed(body, "https://desk.example/feed/", headers)
    assert plain is not None
    assert plain == parse_feed(body, "https://desk.example/feed/", headers, plain=False)
    titles = ("Drone strike hits depot near Kherson", "Shelling <b>resumes</b>")
    assert plain.entries[0].title in titles


def test_guid_permalink_stands_in_for_a_missing_link() -> None:
    plain = parse_plain_feed(WORDPRESS.encode(), "https://desk.example/feed/", {})
    assert plain is not None
    assert plain.entries[1].link == "https://desk.example/2026/12/04/guid-only/"
    assert plain.entries[0].link == "https://desk.example/2026/12/05/depot/?utm=rss&x=1"
    assert plain.entries[0].author == "Olena Marchuk"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("<channel>", "<channel><media:title>Other</media:title>"), "media:title is a title"),
        (("<slash:comments>3</slash:comments>", "<dc:date>2026-12-05</dc:date>"), "dc:date"),
        (('<rss version="2.0"', '<rss version="0.91"'), "another RSS version"),
        (("<channel>", '<channel xml:base="https://elsewhere.example/">'), "xml:base"),
        (("Drone strike", "<![CDATA[<b>Drone</b>]]> strike"), "markup in a title"),
        (("Sat, 05 Dec 2026 17:40:00 +0200", "5 Dec 26 17:40 EST"), "a two-digit year"),
        (("<?xml", '<!DOCTYPE rss [<!ENTITY x "y">]><?xml'), "a DOCTYPE"),
    ],
)
def test_anything_unusual_is_left_to_feedparser(change: tuple[str, str], why: str) -> None:
    body = WORDPRESS.replace(*change, 1).encode()
    assert parse_plain_feed(body, "https://desk.example/feed/", {}) is None, why


def test_a_feed_served_as_html_keeps_feedparsers_warning() -> None:
    headers = {"content-type": "text/html"}
    assert parse_plain_feed(WORDPRESS.encode(), "https://desk.example/feed/", headers) is None
    assert parse_feed(WORDPRESS.encode(), "https://desk.example/feed/", headers).warning


class StoreThread:
    """The store on one thread of its own, as the refresher keeps it."""

    def __init__(self, path: Path) -> None:
        self.thread = ThreadPoolExecutor(1)
        self.conn: sqlite3.Connection = self.thread.submit(schema.connect, path).result()
        self.batches: list[int] = []

    async def __call__(self, fn, *args):  # type: ignore[no-untyped-def]
        if fn is intake.save_feeds:
            self.batches.append(len(args[0]))
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.thread, fn, self.conn, *args)


async def test_saves_arriving_together_share_one_transaction(tmp_path: Path) -> None:
    db = StoreThread(tmp_path / "sitrep.db")
    feeds = [(f"https://f{i}.example/", f"F{i}", ()) for i in range(12)]
    ids = await db(store.sync_feeds, feeds)
    feed = parse_plain_feed(WORDPRESS.encode(), "https://desk.example/feed/", {})
    assert feed is not None
    saves = FeedSaves(db)
    taken = await asyncio.gather(
        *(
            saves.save(intake.FeedSave(feed_id, feed, f'"{i}"', None, False, 0))
            for i, feed_id in enumerate(ids.values())
        )
    )
    assert [t.new for t in taken] == [2] * 12
    assert db.batches == [12]  # all arrived before the writer ran: one transaction
    count = "SELECT count(*) FROM articles"
    assert (await db(lambda conn: conn.execute(count).fetchone()))[0] == 24
    validators = "SELECT count(*) FROM feeds WHERE etag IS NOT NULL"
    assert (await db(lambda conn: conn.execute(validators).fetchone()))[0] == 12


async def test_a_failing_batch_tells_every_feed(tmp_path: Path) -> None:
    db = StoreThread(tmp_path / "sitrep.db")
    feed = parse_plain_feed(WORDPRESS.encode(), "https://desk.example/feed/", {})
    assert feed is not None
    await db(lambda conn: conn.close())  # the store is gone: every save fails, none hangs
    saves = FeedSaves(db)
    results = await asyncio.gather(
        *(saves.save(intake.FeedSave(1, feed, None, None, False, 0)) for _ in range(3)),
        return_exceptions=True,
    )
    assert all(isinstance(r, sqlite3.ProgrammingError) for r in results)


async def test_a_big_refresh_of_plain_feeds_starts_no_parse_process(
    tmp_path: Path, http_server: LocalServer
) -> None:
    count = POOL_THRESHOLD + 6
    for i in range(count):
        body = WORDPRESS.replace("desk.example", f"desk{i}.example").encode()
        http_server.add(f"/f{i}.xml", body, content_type="application/rss+xml")
    feeds = [(f"Desk {i}", http_server.url(f"/f{i}.xml")) for i in range(count)]
    config = load_config(write_config(tmp_path / "feeds.toml", feeds))
    db = tmp_path / "cache" / "sitrep.db"
    async with Refresher(config, db, analyze=False) as refresher:
        outcomes = await refresher.refresh_feeds()
        assert not refresher._parsing.started_pool  # no feedparser process was needed
    assert [o.new for o in outcomes] == [2] * count
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT count(*) FROM articles").fetchone()[0] == 2 * count
