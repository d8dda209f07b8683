"""The page policy: where a feed's links may send sitrep, and how hard.

The decisions are tested with addresses: literal ones, and names answered by a resolver given
to the policy (the public internet cannot be reached from here). The refusals are tested end to
end with the real resolver against 127.0.0.1: a feed there is local, so `private_pages = "none"`
makes the policy treat it as it treats a feed on the public internet.
"""

from __future__ import annotations

import ipaddress
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import write_config
from tests.server import LocalServer
from tui.core.errors import FetchError
from tui.pipeline.fetch.policy import MODES, PagePolicy, is_public, kind_of
from tui.pipeline.workers import WorkerPool
from tui.service.config import PRIVATE_PAGES, load_config
from tui.service.refresh import Refresher

ADDRESSES = [  # (address, kind)
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"), ("64:ff9b::7f00:1", "loopback"),
    ("2002:7f00:1::1", "loopback"), ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("fd00::1", "private"), ("100.64.0.1", "reserved"), ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("93.184.216.34", "public"), ("8.8.8.8", "public"), ("2606:4700::1111", "public"),
]
NAMES = {  # what the test resolver answers
    "news.example": ["93.184.216.34"],
    "cdn.example": ["93.184.216.35", "2606:4700::1"],
    "intranet.example": ["10.0.0.5"],
    "metadata.example": ["169.254.169.254"],
    "rebind.example": ["93.184.216.36", "127.0.0.1"],  # one public answer, one loopback
    "nas.lan": ["192.168.1.10"],
    "printer.lan": ["192.168.1.11"],
}


async def resolver(host: str, port: int) -> list[str]:
    if host not in NAMES:
        raise OSError("no such name")
    return NAMES[host]


@pytest.mark.parametrize(("address", "kind"), ADDRESSES)
def test_address_kinds(address: str, kind: str) -> None:
    parsed = ipaddress.ip_address(address)
    assert kind_of(parsed) == kind
    assert is_public(parsed) == (kind == "public")


def test_the_settings_and_the_policy_know_the_same_modes() -> None:
    assert MODES == PRIVATE_PAGES


CASES = [  # (feed URL, mode, page URL, allowed)
    ("https://news.example/rss", "own-host", "https://cdn.example/a", True),
    ("https://news.example/rss", "own-host", "http://intranet.example/a", False),
    ("https://news.example/rss", "own-host", "http://metadata.example/latest", False),
    ("https://news.example/rss", "own-host", "http://rebind.example/a", False),
    ("https://news.example/rss", "own-host", "http://127.0.0.1:6379/", False),
    ("https://news.example/rss", "own-host", "http://0.0.0.0/", False),
    ("https://news.example/rss", "own-host", "http://[::ffff:10.0.0.1]/", False),
    ("https://news.example/rss", "none", "https://cdn.example/a", True),
    ("https://news.example/rss", "any", "http://intranet.example/a", True),
    ("http://nas.lan/feed.xml", "own-host", "http://nas.lan/page", True),
    ("http://nas.lan/feed.xml", "own-host", "http://192.168.1.10:8080/page", True),
    ("http://nas.lan/feed.xml", "own-host", "http://printer.lan/", False),
    ("http://nas.lan/feed.xml", "own-host", "http://127.0.0.1/", False),
    ("http://nas.lan/feed.xml", "own-host", "https://news.example/a", True),
    ("http://nas.lan/feed.xml", "none", "http://nas.lan/page", False),
    ("/home/me/feeds/local.xml", "own-host", "http://127.0.0.1:8000/a", True),
    ("/home/me/feeds/local.xml", "own-host", "http://nas.lan/a", False),
]


@pytest.mark.parametrize(("feed", "mode", "page", "allowed"), CASES)
async def test_where_a_feed_may_send_sitrep(feed: str, mode: str, page: str, allowed: bool) -> None:
    import httpx

    policy = PagePolicy(resolver)
    scope = await policy.scope(feed, mode, local_file=not feed.startswith("http"))
    url = httpx.URL(page)
    port = url.port or (443 if url.scheme == "https" else 80)
    if allowed:
        assert await policy.check(page, url.host, port, scope)
    else:
        with pytest.raises(FetchError, match=r"refused: .* \(private_pages\)"):
            await policy.check(page, url.host, port, scope)


async def test_the_system_resolver_sees_through_numeric_spellings() -> None:
    policy = PagePolicy()
    assert [str(a) for a in await policy.addresses("x", "2130706433", 80)] == ["127.0.0.1"]
    assert "127.0.0.1" in [str(a) for a in await policy.addresses("x", "localhost", 80)]
    with pytest.raises(FetchError, match="host not found"):
        await policy.addresses("x", "no-such-host.invalid", 80)


# ── end to end against 127.0.0.1 ─────────────────────────────────────────────────────────────


def rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><title>{guid}</title><guid>{guid}</guid><link>{link}</link></item>"
                   for guid, link in items)
    return f"<rss><channel><title>T</title>{body}</channel></rss>".encode()


PAGE = ("<html><head><title>Bridge</title></head><body><article><p>"
        + "Officials said the convoy reached the bridge at dawn, according to witnesses. " * 8
        + "</p></article></body></html>").encode()


async def refresh(config: Path) -> sqlite3.Connection:
    pool = WorkerPool(size=1, preload=False)
    try:
        async with Refresher(load_config(config), config.parent / "c.db", pool=pool,
                             analyze=False) as refresher:
            await refresher.refresh()
    finally:
        pool.close()
    conn = sqlite3.connect(config.parent / "c.db")
    conn.row_factory = sqlite3.Row
    return conn


def errors(conn: sqlite3.Connection) -> dict[str, str]:
    return {r["guid"]: r["error"] or r["state"] for r in conn.execute("SELECT * FROM articles")}


async def test_a_feed_treated_as_remote_cannot_reach_this_machine(
    tmp_path: Path, http_server: LocalServer
) -> None:
    port = http_server.port
    page = http_server.add("/page.html", PAGE)
    feed = http_server.add("/feed.xml", rss([
        ("own", page),
        ("decimal", f"http://2130706433:{port}/page.html"),
        ("zero", f"http://0.0.0.0:{port}/page.html"),
        ("localhost", f"http://localhost:{port}/page.html"),
    ]), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml", [("Remote", feed)],
                          'private_pages = "none"\npage_delay_seconds = 0')
    found = errors(await refresh(config))
    assert set(found) == {"own", "decimal", "zero", "localhost"}
    for guid, error in found.items():
        assert error.startswith("refused: ") and "(private_pages)" in error, (guid, error)
    assert "127.0.0.1 is a loopback address and no feed may reach one" in found["own"]
    assert "0.0.0.0 is an unspecified address" in found["zero"]
    assert http_server.requests_to("/page.html") == []  # no connection was ever made


async def test_a_local_feed_reaches_its_own_host_and_nothing_else(
    tmp_path: Path, http_server: LocalServer
) -> None:
    port = http_server.port
    page = http_server.add("/page.html", PAGE)
    elsewhere = f"http://127.0.0.2:{port}/page.html"
    feed = http_server.add("/feed.xml", rss([
        ("own", page),
        ("other-loopback", elsewhere),
        ("redirected", http_server.url(f"/redirect-to?url={elsewhere}")),
        ("metadata", "http://169.254.169.254/latest/meta-data/"),
    ]), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml", [("Local", feed)], "page_delay_seconds = 0")
    found = errors(await refresh(config))
    assert found["own"] == "fetched"
    for guid in ("other-loopback", "redirected"):
        assert found[guid].startswith("refused: 127.0.0.2 is a loopback address and the feed is "
                                      "not on that host"), found[guid]
    assert "169.254.169.254 is a link-local address" in found["metadata"]
    assert len(http_server.requests_to("/redirect-to")) == 1  # the hop was checked, not taken


async def test_a_feed_redirected_to_another_local_host_is_refused(
    tmp_path: Path, http_server: LocalServer
) -> None:
    target = f"http://127.0.0.3:{http_server.port}/feed.xml"
    feed = http_server.url(f"/redirect-to?url={target}")
    config = write_config(tmp_path / "feeds.toml", [("Moved", feed)])
    conn = await refresh(config)
    (error,) = [r[0] for r in conn.execute("SELECT last_error FROM feeds")]
    assert error.startswith("refused: 127.0.0.3 is a loopback address")


async def test_credentials_never_leave_with_a_page_request(
    tmp_path: Path, http_server: LocalServer
) -> None:
    http_server.add("/a.html", PAGE)
    http_server.add("/b.html", PAGE)
    feed_path = "/private/feed.xml"
    http_server.add(feed_path, rss([("relative", "/a.html"),
                                    ("own", f"http://u:p@127.0.0.1:{http_server.port}/b.html")]),
                    "application/rss+xml")
    feed = f"http://reader:token@127.0.0.1:{http_server.port}{feed_path}"
    config = write_config(tmp_path / "feeds.toml", [("Private", feed)], "page_delay_seconds = 0")
    conn = await refresh(config)
    assert "authorization" in http_server.requests_to(feed_path)[0].headers  # the user's choice
    for path in ("/a.html", "/b.html"):
        (request,) = http_server.requests_to(path)
        assert "authorization" not in request.headers
    urls = [v for r in conn.execute("SELECT url, final_url FROM articles") for v in r]
    assert urls and not any("@" in u or "token" in u for u in urls), urls


async def test_pages_of_one_host_are_fetched_a_few_at_a_time_with_a_pause(
    tmp_path: Path, http_server: LocalServer
) -> None:
    import time

    slow = [(f"s{n}", http_server.url(f"/slow?seconds=0.2&n={n}")) for n in range(8)]
    feed = http_server.add("/slow-feed.xml", rss(slow), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml", [("Slow", feed)],
                          "page_per_host = 2\npage_delay_seconds = 0.1")
    start = time.monotonic()
    await refresh(config)
    assert len(http_server.requests_to("/slow")) == 8
    assert http_server.peak_concurrency <= 2
    assert time.monotonic() - start >= 7 * 0.1  # starts at least the delay apart
