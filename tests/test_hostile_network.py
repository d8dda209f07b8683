"""Classes 4, 5, 6 beyond tests/test_fetch.py: memory bounds, odd redirects, whole refreshes.

test_fetch.py covers the Fetcher alone (gzip bomb memory, endless body cap, trickle deadline,
redirect hops and the file/ftp/data/javascript refusals). Here: the endless body's memory bound,
redirect spellings that slip past naive checks, a protocol-relative hop, and a real refresh of
a feeds.toml full of hostile servers, where every bad feed must end as one short error line while
the good feed still updates and the refresh returns.
"""

from __future__ import annotations

import sqlite3
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import write_config
from tests.hostile.payloads import rss
from tests.server import LocalServer, gzip_bomb
from tui.core.errors import FetchError
from tui.pipeline.fetch import Fetcher, make_client
from tui.service.config import load_config
from tui.service.refresh import Refresher

CAP = 5_000_000


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client("sitrep-test/0.1") as shared:
        yield shared


async def fetch_error(fetcher: Fetcher, url: str, max_bytes: int = CAP) -> str:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(url, max_bytes=max_bytes)
    return caught.value.reason


async def test_endless_body_stops_at_the_cap_in_bounded_memory(
    http_server: LocalServer, client: httpx.AsyncClient
) -> None:
    tracemalloc.start()
    try:
        reason = await fetch_error(Fetcher(client, timeout=30), http_server.url("/endless"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert reason == "body larger than 5,000,000 bytes"
    assert peak < CAP + 64 * 2**20


def redirect(server: LocalServer, target: str) -> str:
    return server.url("/redirect-to?" + str(httpx.QueryParams({"url": target})))


@pytest.mark.parametrize(
    ("target", "scheme"),
    [
        ("FILE:///etc/passwd", "file"),
        ("File:/etc/passwd", "file"),
        ("  javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(document.cookie)", "javascript"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("ftp://user:pw@127.0.0.1:21/feed.xml", "ftp"),
        ("gopher://127.0.0.1:70/", "gopher"),
        ("view-source:http://127.0.0.1/", "view-source"),
    ],
)
async def test_odd_spellings_of_non_http_redirects_are_refused(
    http_server: LocalServer, client: httpx.AsyncClient, target: str, scheme: str
) -> None:
    reason = await fetch_error(Fetcher(client, timeout=10), redirect(http_server, target))
    assert reason == f"redirect to {scheme}: refused"


async def test_protocol_relative_redirect_stays_http(
    http_server: LocalServer, client: httpx.AsyncClient
) -> None:
    http_server.add("/landing", b"landed")
    target = f"//127.0.0.1:{http_server.port}/landing"
    got = await Fetcher(client, timeout=10).get(redirect(http_server, target), max_bytes=CAP)
    assert (got.body, got.final_url) == (b"landed", http_server.url("/landing"))


def hostile_feeds(server: LocalServer) -> dict[str, str]:
    """name → URL for one good feed and one feed per hostile behaviour."""
    # The bomb is compressed once per process, a second or more on a busy machine: done here,
    # not inside the 2 s the refresh gives its response (it then failed as a timeout).
    gzip_bomb()
    good = server.add(
        "/good.xml",
        rss([{"title": "Bridge reopened", "guid": "g1", "link": "https://wire.example/1"}]),
        "application/rss+xml",
    )
    return {
        "good": good,
        "gzip-bomb": server.url("/gzip-bomb"),
        "endless": server.url("/endless"),
        "trickle": server.url("/trickle?interval=0.5"),
        "slow-headers": server.url("/slow-headers?seconds=30"),
        "loop": server.url("/redirect-loop"),
        "to-file": redirect(server, "file:///etc/passwd"),
        "to-javascript": redirect(server, "javascript:alert(1)"),
        "to-data": redirect(server, "data:application/rss+xml,<rss/>"),
        "to-ftp": redirect(server, "ftp://127.0.0.1/feed.xml"),
        "bad-gzip": server.url("/bad-gzip"),
        "dropped": server.url("/drop"),
        "not-a-feed": server.url("/status/200"),
    }


EXPECTED = {
    "gzip-bomb": "body larger than 1,000,000 bytes",
    "endless": "body larger than 1,000,000 bytes",
    "trickle": "response not complete within 2 s",
    "slow-headers": "no response within 2 s",
    "loop": "more than 5 redirects (a redirect loop)",
    "to-file": "redirect to file: refused",
    "to-javascript": "redirect to javascript: refused",
    "to-data": "redirect to data: refused",
    "to-ftp": "redirect to ftp: refused",
    "bad-gzip": "corrupt gzip body",
    "dropped": "server closed the connection without a response",
}


async def test_a_refresh_of_hostile_servers_ends_with_one_error_line_each(
    tmp_path: Path, http_server: LocalServer
) -> None:
    feeds = hostile_feeds(http_server)
    config = load_config(
        write_config(
            tmp_path / "feeds.toml",
            list(feeds.items()),
            settings="timeout_seconds = 2\nmax_feed_bytes = 1000000",
        )
    )
    db = tmp_path / "cache" / "sitrep.db"
    async with Refresher(config, db, analyze=False) as refresher:
        outcomes = {o.name: o for o in await refresher.refresh_feeds()}
    assert outcomes["good"].status == "updated" and outcomes["good"].new == 1
    for name, reason in EXPECTED.items():
        assert (outcomes[name].status, outcomes[name].error) == ("error", reason), name
    assert outcomes["not-a-feed"].status == "error"
    assert outcomes["not-a-feed"].error.startswith("not a readable feed")
    conn = sqlite3.connect(db)
    try:
        stored = dict(conn.execute("SELECT name, last_error FROM feeds").fetchall())
    finally:
        conn.close()
    assert stored["good"] is None and stored["gzip-bomb"] == EXPECTED["gzip-bomb"]


async def test_hostile_article_pages_fail_with_a_reason_and_the_queue_moves_on(
    tmp_path: Path, http_server: LocalServer
) -> None:
    links = {
        "bomb": "/gzip-bomb",
        "endless": "/endless",
        "loop": "/redirect-loop",
        "file": "/redirect-to?url=file:///etc/passwd",
    }
    items = [
        {"title": name, "guid": name, "link": http_server.url(path)} for name, path in links.items()
    ]
    feed = http_server.add("/pages.xml", rss(items), "application/rss+xml")
    config = load_config(
        write_config(
            tmp_path / "feeds.toml",
            [("Pages", feed)],
            settings="timeout_seconds = 5\nmax_page_bytes = 1000000",
        )
    )
    db = tmp_path / "cache" / "sitrep.db"
    async with Refresher(config, db, analyze=False) as refresher:
        await refresher.refresh()
    conn = sqlite3.connect(db)
    try:
        rows = dict(conn.execute("SELECT title, state || ': ' || error FROM articles").fetchall())
    finally:
        conn.close()
    assert rows == {
        "bomb": "failed: body larger than 1,000,000 bytes",
        "endless": "failed: body larger than 1,000,000 bytes",
        "loop": "failed: more than 5 redirects (a redirect loop)",
        "file": "failed: redirect to file: refused",
    }
