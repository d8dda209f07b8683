"""The article queue against feeds that game it, and shared by two refreshers.

- an item dated weeks ahead sorts at the time it was fetched (its date is kept);
- the queue interleaves feeds, and one slow host cannot hold every slot;
- one refresh adds at most `max_new_items` items per feed, the newest, and the rest come with
  the next refresh; a feed that reissues its items under new GUIDs is named in its error line;
- two refreshers on one cache claim rows with a lease: every page is fetched once;
- the queue is read through its own index, whatever the size of the cache.
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from tests.conftest import write_config
from tests.server import LocalServer
from tui.core.models import Entry
from tui.pipeline.workers import WorkerPool
from tui.service.config import load_config
from tui.service.refresh import Refresher
from tui.store import queue, schema, store

PAGE = ("<html><head><title>Bridge</title></head><body><article><p>"
        + "Officials said the convoy reached the bridge at dawn, according to witnesses. " * 8
        + "</p></article></body></html>").encode()


def rss(items: list[tuple[str, str, datetime | None]]) -> bytes:
    body = "".join(
        f"<item><title>{guid}</title><guid>{guid}</guid><link>{link}</link>"
        + (f"<pubDate>{format_datetime(when)}</pubDate>" if when else "")
        + "</item>"
        for guid, link, when in items
    )
    return f"<rss><channel><title>T</title>{body}</channel></rss>".encode()


def new_store(tmp_path: Path, feeds: int = 2) -> tuple[sqlite3.Connection, list[int]]:
    conn = schema.connect(tmp_path / "q.db")
    ids = store.sync_feeds(conn, [(f"https://f{n}.example/rss", f"F{n}", ()) for n in range(feeds)])
    return conn, list(ids.values())


def test_a_future_date_sorts_at_the_fetch_time_and_is_kept(tmp_path: Path) -> None:
    conn, (feed, _) = new_store(tmp_path)
    ahead = datetime.now(UTC) + timedelta(days=40)
    store.save_entries(conn, feed, [Entry("g", "https://f0.example/a", "A", published=ahead)],
                       full_text=True)
    row = conn.execute("SELECT published, sort_ts, fetched FROM articles").fetchone()
    assert row["published"] == ahead.isoformat(timespec="seconds")  # what the feed said
    assert row["sort_ts"] == row["fetched"]  # where it sorts: not in the future


def test_the_queue_takes_each_feeds_newest_in_turn(tmp_path: Path) -> None:
    conn, (big, small) = new_store(tmp_path)
    now = datetime.now(UTC)
    store.save_entries(conn, big, [Entry(f"b{n}", f"https://slow.example/{n}", "B",
                                         published=now - timedelta(minutes=n)) for n in range(50)],
                       full_text=True)
    store.save_entries(conn, small, [Entry(f"s{n}", f"https://good.example/{n}", "S",
                                           published=now - timedelta(days=3 + n))
                                     for n in range(2)], full_text=True)
    first = [row["url"] for row in store.queued_articles(conn, 4)]
    assert first == ["https://slow.example/0", "https://good.example/0",
                     "https://slow.example/1", "https://good.example/1"]
    claimed = queue.claim_queued(conn, "me", 4, busy={"slow.example": 1}, per_host=2)
    hosts = [queue.host_of(str(row["url"])) for row in claimed]
    assert hosts.count("slow.example") == 1 and hosts.count("good.example") == 2


def test_the_queue_is_read_through_its_own_index(tmp_path: Path) -> None:
    """Asked for the feeds' order directly, SQLite walked every article down the feeds' index
    (1.7 s for an empty queue at a million articles, each time a refresh filled a slot)."""
    conn, _ = new_store(tmp_path)
    for sql, params in ((queue.fair_order("lease_until < ?"), (1000, 8)),
                        (queue.fair_order(), (8,))):  # fmt: skip
        plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "USING INDEX articles_queue" in plan, plan
        assert "articles_feed_sort" not in plan and "articles_list" not in plan, plan


def test_leases_keep_two_owners_apart_until_they_expire(tmp_path: Path) -> None:
    conn, (feed, _) = new_store(tmp_path)
    store.save_entries(conn, feed, [Entry(f"g{n}", f"https://f0.example/{n}", "A")
                                    for n in range(6)], full_text=True)
    mine = queue.claim_queued(conn, "a", 4, now=1000.0)
    theirs = queue.claim_queued(conn, "b", 4, now=1001.0)
    assert len(mine) == 4 and len(theirs) == 2
    assert not {r["id"] for r in mine} & {r["id"] for r in theirs}
    assert queue.claim_queued(conn, "b", 4, now=1002.0) == []  # all held
    later = queue.claim_queued(conn, "b", 4, now=1000.0 + queue.LEASE_SECONDS + 1)
    assert {r["id"] for r in later} == {r["id"] for r in mine}  # "a" died: its rows are free
    assert queue.release_leases(conn, "b") == 6


async def refresh_with(config: Path, db: Path, *, pages: bool = True) -> list:  # type: ignore[type-arg]
    pool = WorkerPool(size=1, preload=False)
    try:
        async with Refresher(load_config(config), db, pool=pool, analyze=False) as refresher:
            return await refresher.refresh(pages=pages)
    finally:
        pool.close()


async def test_a_slow_hosts_future_items_do_not_starve_a_good_feed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The slow feed and its pages are on 127.0.0.1, the good one on `localhost`: two hosts."""
    ahead = datetime.now(UTC) + timedelta(days=30)
    slow = [(f"slow{n}", http_server.url(f"/slow?seconds=0.5&n={n}"), ahead) for n in range(12)]
    good_host = f"http://localhost:{http_server.port}"
    good = [(f"good{n}", f"{good_host}/good{n}.html", None) for n in range(3)]
    for n in range(3):
        http_server.add(f"/good{n}.html", PAGE)
    http_server.add("/good.xml", rss(good), "application/rss+xml")
    feeds = [("Slow", http_server.add("/slow.xml", rss(slow), "application/rss+xml")),
             ("Good", f"{good_host}/good.xml")]
    config = write_config(tmp_path / "feeds.toml", feeds, "page_delay_seconds = 0")
    await refresh_with(config, tmp_path / "c.db")
    order = [r.path for r in http_server.requests
             if r.path.startswith("/slow?") or r.path.endswith(".html")]
    assert len(order) == 15
    last_good = max(i for i, path in enumerate(order) if path.startswith("/good"))
    slow_before = sum(1 for path in order[:last_good] if path.startswith("/slow"))
    assert slow_before <= 2, order  # the good pages did not wait behind the slow host's


async def test_a_refresh_takes_the_newest_items_up_to_the_cap_and_the_rest_later(
    tmp_path: Path, http_server: LocalServer
) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    items = [(f"g{n}", f"https://w.example/{n}", start + timedelta(hours=n)) for n in range(25)]
    feed = http_server.add("/many.xml", rss(items), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml", [("Many", feed)], "max_new_items = 10")
    db = tmp_path / "c.db"
    (first,) = await refresh_with(config, db, pages=False)
    assert first.new == 10 and "25 new items: the newest 10 kept, 15 left" in first.warning
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("SELECT guid FROM articles")} == {
        f"g{n}" for n in range(15, 25)}
    assert "15 left for the next refresh" in conn.execute("SELECT last_error FROM feeds"
                                                          ).fetchone()[0]
    (second,) = await refresh_with(config, db, pages=False)  # read again: no 304
    (third,) = await refresh_with(config, db, pages=False)
    assert (second.status, second.new, third.new) == ("updated", 10, 5)
    assert third.warning == ""
    assert conn.execute("SELECT count(*), max(last_error) FROM articles, feeds").fetchone() == (
        25, None)


async def test_a_feed_that_reissues_its_items_under_new_guids_is_reported(
    tmp_path: Path, http_server: LocalServer
) -> None:
    links = [f"https://w.example/story-{n}" for n in range(30)]
    http_server.add("/rotating.xml", rss([(f"a{n}", link, None) for n, link in
                                          enumerate(links)]), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml",
                          [("Rotating", http_server.url("/rotating.xml"))], "max_new_items = 40")
    db = tmp_path / "c.db"
    (first,) = await refresh_with(config, db, pages=False)
    assert first.new == 30 and first.warning == ""
    http_server.add("/rotating.xml", rss([(f"b{n}", link, None) for n, link in
                                          enumerate(links)]), "application/rss+xml")
    (second,) = await refresh_with(config, db, pages=False)
    assert "GUID flood: 30 of 30 items came back under new ids" in second.warning
    error = sqlite3.connect(db).execute("SELECT last_error FROM feeds").fetchone()[0]
    assert error.startswith("GUID flood")


async def test_two_refreshers_on_one_cache_fetch_each_page_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = [(f"g{n}", http_server.url(f"/slow?seconds=0.1&n={n}"), None) for n in range(30)]
    feed = http_server.add("/shared.xml", rss(items), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml", [("Shared", feed)], "page_delay_seconds = 0")
    db = tmp_path / "c.db"
    await refresh_with(config, db, pages=False)  # the queue is full
    pools = [WorkerPool(size=1, preload=False) for _ in range(2)]
    try:
        async with Refresher(load_config(config), db, pool=pools[0], analyze=False) as one, \
                Refresher(load_config(config), db, pool=pools[1], analyze=False) as two:
            done = await asyncio.gather(one.process_queue(), two.process_queue())
    finally:
        for pool in pools:
            pool.close()
    fetched = [r.path for r in http_server.requests if r.path.startswith("/slow?")]
    assert len(fetched) == len(set(fetched)) == 30  # each page once
    assert sum(done) == 30 and min(done) > 0  # and both did some of the work
