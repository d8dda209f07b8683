"""Fetcher against a real server on 127.0.0.1; a mock transport only for DNS and TLS failures."""

from __future__ import annotations

import asyncio
import gzip
import socket
import ssl
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.server import LocalServer, gzip_bomb, sample_text
from tui.core.errors import FetchError
from tui.core.sanitize import has_controls
from tui.pipeline.fetch import Fetcher, Response, make_client

CAP = 5_000_000


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client("sitrep-test/0.1") as shared:
        yield shared


@pytest.fixture
def fetcher(client: httpx.AsyncClient) -> Fetcher:
    return Fetcher(client, timeout=10.0)


async def fail(fetcher: Fetcher, url: str, max_bytes: int = CAP) -> FetchError:
    with pytest.raises(FetchError) as caught:
        await fetcher.get(url, max_bytes=max_bytes)
    assert not has_controls(caught.value.reason)
    return caught.value


async def test_200_returns_body_and_validators(http_server: LocalServer, fetcher: Fetcher) -> None:
    url = http_server.add("/feed.xml", b"<rss>one</rss>", "application/rss+xml")
    got = await fetcher.get(url, max_bytes=CAP)
    assert (got.status, got.body, got.url, got.final_url) == (200, b"<rss>one</rss>", url, url)
    assert got.etag and got.etag.startswith('"')
    assert got.last_modified and got.last_modified.endswith("GMT")
    assert got.headers["content-type"] == "application/rss+xml"
    sent = http_server.requests_to("/feed.xml")[0].headers
    assert sent["user-agent"] == "sitrep-test/0.1"
    assert sent["accept-encoding"] == "gzip, deflate"
    assert "if-none-match" not in sent and "if-modified-since" not in sent


async def test_second_request_with_validators_is_304(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    url = http_server.add("/feed.xml", b"<rss>one</rss>")
    first = await fetcher.get(url, max_bytes=CAP)
    again = await fetcher.get(
        url, max_bytes=CAP, etag=first.etag, last_modified=first.last_modified
    )
    assert (again.status, again.body) == (304, b"")
    assert (again.etag, again.last_modified) == (first.etag, first.last_modified)
    sent = http_server.requests_to("/feed.xml")[1].headers
    assert sent["if-none-match"] == first.etag
    assert sent["if-modified-since"] == first.last_modified


async def test_a_304_leaves_its_connection_open_for_the_next_request(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    """An unread 304 was closed with its connection: 200 unchanged feeds, 200 new connections."""
    url = http_server.add("/feed.xml", b"<rss>one</rss>")
    first = await fetcher.get(url, max_bytes=CAP)
    opened = http_server.connections
    for _ in range(3):
        again = await fetcher.get(url, max_bytes=CAP, etag=first.etag)
        assert again.status == 304
    assert http_server.connections == opened


async def test_last_modified_alone_gives_304(http_server: LocalServer, fetcher: Fetcher) -> None:
    url = http_server.add("/page", b"<p>text</p>", etag=False)
    first = await fetcher.get(url, max_bytes=CAP)
    assert first.etag is None
    again = await fetcher.get(url, max_bytes=CAP, last_modified=first.last_modified)
    assert again.status == 304


async def test_changed_content_is_refetched(http_server: LocalServer, fetcher: Fetcher) -> None:
    url = http_server.add("/feed.xml", b"old", last_modified=False)
    first = await fetcher.get(url, max_bytes=CAP)
    http_server.add("/feed.xml", b"new", last_modified=False)
    again = await fetcher.get(url, max_bytes=CAP, etag=first.etag)
    assert (again.status, again.body) == (200, b"new")
    assert again.etag != first.etag


async def test_unsafe_validators_are_not_sent(http_server: LocalServer, fetcher: Fetcher) -> None:
    url = http_server.add("/feed.xml", b"x")
    got = await fetcher.get(url, max_bytes=CAP, etag='"a"\r\nX-Evil: 1', last_modified="\x1b[2J")
    assert got.status == 200
    sent = http_server.requests_to("/feed.xml")[0].headers
    assert "if-none-match" not in sent and "x-evil" not in sent
    assert "if-modified-since" not in sent


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_five_redirects_are_followed(
    http_server: LocalServer, fetcher: Fetcher, status: int
) -> None:
    url = http_server.url(f"/redirect/5?status={status}")
    got = await fetcher.get(url, max_bytes=CAP)
    assert got.status == 200 and got.body == b"redirect chain done\n"
    assert got.url == url
    assert got.final_url == http_server.url(f"/redirect/0?status={status}")


async def test_relative_redirect_is_resolved(http_server: LocalServer, fetcher: Fetcher) -> None:
    http_server.add("/target", b"here")
    got = await fetcher.get(http_server.url("/redirect-to?url=target"), max_bytes=CAP)
    assert (got.body, got.final_url) == (b"here", http_server.url("/target"))


async def test_sixth_redirect_fails(http_server: LocalServer, fetcher: Fetcher) -> None:
    error = await fail(fetcher, http_server.url("/redirect/6"))
    assert error.reason == "more than 5 redirects"
    assert len(http_server.requests_to("/redirect/1")) == 1  # the 6th request said: redirect
    assert len(http_server.requests_to("/redirect/0")) == 0  # ...and it was not followed


async def test_redirect_loop_fails(http_server: LocalServer, fetcher: Fetcher) -> None:
    error = await fail(fetcher, http_server.url("/redirect-loop"))
    assert error.reason == "more than 5 redirects (a redirect loop)"
    assert len(http_server.requests_to("/redirect-loop")) == 6


@pytest.mark.parametrize(
    ("target", "scheme"),
    [
        ("file:///etc/passwd", "file"),
        ("ftp://127.0.0.1/feed.xml", "ftp"),
        ("data:text/html,<script>alert(1)</script>", "data"),
        ("javascript:alert(1)", "javascript"),
    ],
)
async def test_non_http_redirect_is_refused(
    http_server: LocalServer, fetcher: Fetcher, target: str, scheme: str
) -> None:
    url = http_server.url("/redirect-to?" + httpx.QueryParams({"url": target}).__str__())
    error = await fail(fetcher, url)
    assert error.reason == f"redirect to {scheme}: refused"


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "tui/demo/feed.xml"]
)
async def test_non_http_url_is_refused(fetcher: Fetcher, url: str) -> None:
    error = await fail(fetcher, url)
    assert "http" in error.reason and error.url == url


async def test_trickling_server_fails_at_the_deadline(
    http_server: LocalServer, client: httpx.AsyncClient
) -> None:
    error = await fail(Fetcher(client, timeout=1.5), http_server.url("/trickle"))
    assert error.reason == "response not complete within 1.5 s"


async def test_slow_headers_fail_at_the_deadline(
    http_server: LocalServer, client: httpx.AsyncClient
) -> None:
    error = await fail(Fetcher(client, timeout=1), http_server.url("/slow-headers?seconds=5"))
    assert error.reason == "no response within 1 s"


@pytest.mark.parametrize(
    ("code", "reason"),
    [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (410, "HTTP 410 Gone")],
)
async def test_http_errors_have_short_reasons(
    http_server: LocalServer, fetcher: Fetcher, code: int, reason: str
) -> None:
    error = await fail(fetcher, http_server.url(f"/status/{code}"))
    assert error.reason == reason
    assert str(error) == f"{http_server.url(f'/status/{code}')}: {reason}"


async def test_connection_refused(fetcher: Fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = await fail(fetcher, f"http://127.0.0.1:{port}/feed.xml")
    assert error.reason == "connection refused"


async def test_dropped_connection(http_server: LocalServer, fetcher: Fetcher) -> None:
    error = await fail(fetcher, http_server.url("/drop"))
    assert error.reason == "server closed the connection without a response"


async def test_tls_to_a_plain_http_port_is_a_tls_error(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    error = await fail(fetcher, http_server.url("/status/200").replace("http:", "https:"))
    assert error.reason.startswith("TLS error")


async def test_gzip_bomb_stops_at_the_cap_in_bounded_memory(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    assert len(gzip_bomb()) < 1_000_000  # built before tracing; decodes to 300 MiB
    tracemalloc.start()
    try:
        error = await fail(fetcher, http_server.url("/gzip-bomb"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.reason == "body larger than 5,000,000 bytes"
    assert peak < CAP + 64 * 2**20


async def test_endless_body_stops_at_the_cap(http_server: LocalServer, fetcher: Fetcher) -> None:
    error = await fail(fetcher, http_server.url("/endless"), max_bytes=1_000_000)
    assert error.reason == "body larger than 1,000,000 bytes"


async def test_declared_length_above_cap_is_refused(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    error = await fail(fetcher, http_server.url("/big?bytes=2000000"), max_bytes=1000)
    assert error.reason == "body larger than 1,000 bytes (Content-Length 2,000,000)"


async def test_chunked_body_above_cap_is_refused(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    error = await fail(fetcher, http_server.url("/big?bytes=300000&chunked=1"), max_bytes=100_000)
    assert error.reason == "body larger than 100,000 bytes"


@pytest.mark.parametrize("chunked", ["", "&chunked=1"])
async def test_body_at_the_cap_is_whole(
    http_server: LocalServer, fetcher: Fetcher, chunked: str
) -> None:
    got = await fetcher.get(http_server.url(f"/big?bytes=200000{chunked}"), max_bytes=200_000)
    assert got.body == sample_text(200_000)


@pytest.mark.parametrize("enc", ["gzip", "zlib", "raw-deflate"])
async def test_compressed_bodies_are_decoded(
    http_server: LocalServer, fetcher: Fetcher, enc: str
) -> None:
    got = await fetcher.get(http_server.url(f"/encoded?enc={enc}&bytes=300000"), max_bytes=CAP)
    assert got.body == sample_text(300_000)


async def test_compressed_body_over_cap_is_refused(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    error = await fail(fetcher, http_server.url("/encoded?enc=raw-deflate&bytes=300000"), 299_999)
    assert error.reason == "body larger than 299,999 bytes"


async def test_gzip_members_are_concatenated(http_server: LocalServer, fetcher: Fetcher) -> None:
    body = gzip.compress(b"first ") + gzip.compress(b"second")
    url = http_server.add("/two", body, headers={"Content-Encoding": "gzip"})
    assert (await fetcher.get(url, max_bytes=CAP)).body == b"first second"


async def test_served_compressed_static_content(http_server: LocalServer, fetcher: Fetcher) -> None:
    url = http_server.add("/feed.xml", sample_text(50_000), compress=True)
    got = await fetcher.get(url, max_bytes=CAP)
    assert got.body == sample_text(50_000) and got.headers["content-encoding"] == "gzip"


async def test_corrupt_gzip_is_an_error(http_server: LocalServer, fetcher: Fetcher) -> None:
    error = await fail(fetcher, http_server.url("/bad-gzip"))
    assert error.reason == "corrupt gzip body"


async def test_unsupported_encoding_is_an_error(http_server: LocalServer, fetcher: Fetcher) -> None:
    url = http_server.add("/br", b"\x0b\x02\x80hello\x03", headers={"Content-Encoding": "br"})
    error = await fail(fetcher, url)
    assert error.reason == "unsupported Content-Encoding br"


async def _gather_slow(fetcher: Fetcher, server: LocalServer, count: int) -> list[Response]:
    url = server.url("/slow?seconds=0.3")
    return await asyncio.gather(*(fetcher.get(url, max_bytes=CAP) for _ in range(count)))


async def test_per_host_limit(http_server: LocalServer, client: httpx.AsyncClient) -> None:
    done = await _gather_slow(Fetcher(client, concurrency=16, per_host=2), http_server, 6)
    assert all(r.status == 200 for r in done)
    assert http_server.peak_concurrency == 2


async def test_overall_limit(http_server: LocalServer, client: httpx.AsyncClient) -> None:
    done = await _gather_slow(Fetcher(client, concurrency=3, per_host=8), http_server, 7)
    assert all(r.status == 200 for r in done)
    assert http_server.peak_concurrency == 3


def _failing_client(exc: Exception) -> httpx.AsyncClient:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


def _chained(outer: Exception, inner: BaseException) -> Exception:
    outer.__cause__ = inner
    return outer


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (
            _chained(
                httpx.ConnectError("[Errno -2] Name or service not known"),
                socket.gaierror(-2, "Name or service not known"),
            ),
            "host not found",
        ),
        (
            httpx.ConnectError("[Errno -3] Temporary failure in name resolution"),
            "host not found",
        ),
        (
            _chained(
                httpx.ConnectError("certificate verify failed"),
                ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED]"),
            ),
            "TLS certificate rejected (not trusted)",
        ),
        (httpx.ReadTimeout("timed out"), "server stopped responding"),
        (httpx.ConnectTimeout("timed out"), "connection timed out"),
        (httpx.ReadError(""), "connection lost while reading"),
    ],
)
async def test_transport_failures_become_fetch_errors(exc: Exception, reason: str) -> None:
    async with _failing_client(exc) as mocked:
        error = await fail(Fetcher(mocked), "https://feeds.example.invalid/rss")
    assert error.reason == reason


async def test_reasons_never_carry_control_characters() -> None:
    exc = httpx.RemoteProtocolError("bad \x1b]0;pwned\x07 header \x9b2J\x00 line")
    async with _failing_client(exc) as mocked:
        error = await fail(Fetcher(mocked), "https://feeds.example.invalid/rss")
    assert error.reason.startswith("HTTP protocol error (bad")


async def test_served_directory_has_validators_and_stays_inside(
    http_server: LocalServer, fetcher: Fetcher, tmp_path: Path
) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "wire.xml").write_bytes(b"<rss/>")
    (tmp_path / "secret.txt").write_bytes(b"secret")
    base = http_server.add_dir("demo", tmp_path / "feeds")
    first = await fetcher.get(base + "wire.xml", max_bytes=CAP)
    assert (first.body, first.headers["content-type"]) == (b"<rss/>", "application/xml")
    again = await fetcher.get(base + "wire.xml", max_bytes=CAP, etag=first.etag)
    assert again.status == 304
    error = await fail(fetcher, base + "%2e%2e/secret.txt")
    assert error.reason == "HTTP 404 Not Found"
