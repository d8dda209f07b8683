"""The network edge: every byte sitrep reads from the web comes through `Fetcher.get`.

Why it does so much itself instead of trusting httpx defaults:
- redirects are followed here, one hop at a time, so each hop's scheme is checked (only http and
  https ever leave the process) and the hop count is ours to cap;
- bodies are read raw and decompressed here, with an output limit on every step, so a few hundred
  KiB of gzip cannot become hundreds of MiB in memory (httpx would decode without a bound);
- one deadline (`asyncio.timeout`) covers connect, every redirect and the whole body, so a server
  that trickles a byte every half second cannot hold a refresh for minutes (per-read timeouts
  would never fire on it);
- every failure becomes a `FetchError` with a short reason a person can read in the feeds pane.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import httpx

from tui.core.errors import FetchError
from tui.core.sanitize import clean_line
from tui.pipeline.fetch.transport import ShardedTransport

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_REASON_MAX = 160
_OURS = "sitrep_fetch"  # request extension marking Fetcher's own requests
_LOCATION = "sitrep_location"  # response extension holding a redirect's Location


@dataclass(frozen=True, slots=True)
class Response:
    """A successful fetch: a 2xx with its decoded body, or a 304 with an empty one."""

    url: str
    final_url: str
    status: int
    body: bytes
    headers: Mapping[str, str]
    etag: str | None
    last_modified: str | None


def make_client(user_agent: str, concurrency: int = 16) -> httpx.AsyncClient:
    """The one client a run shares; Fetcher owns redirects, deadlines and decoding, not httpx."""
    return httpx.AsyncClient(
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        follow_redirects=False,
        timeout=httpx.Timeout(None),  # the whole-request deadline in Fetcher replaces these
        transport=ShardedTransport(concurrency),
    )


class Fetcher:
    """GET with conditional validators, caps and limits; see the module docstring for why."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        concurrency: int = 16,
        per_host: int = 4,
        timeout: float = 20.0,
        max_redirects: int = 5,
    ) -> None:
        self._client = client
        hooks = client.event_hooks["response"]
        if _take_location not in hooks:
            hooks.append(_take_location)
        self._slots = asyncio.Semaphore(max(1, concurrency))
        self._per_host = max(1, per_host)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._timeout = timeout
        self._max_redirects = max_redirects

    async def get(
        self,
        url: str,
        *,
        max_bytes: int,
        etag: str | None = None,
        last_modified: str | None = None,
        user_agent: str | None = None,
    ) -> Response:
        """Fetch *url*; raise FetchError (never an httpx error) when it cannot be had in full."""
        current = _checked_url(url, url, initial=True)
        headers = {"Accept-Encoding": "gzip, deflate"}
        if user_agent and (safe_agent := _header_value(user_agent)) is not None:
            headers["User-Agent"] = safe_agent  # a feed's own setting overrides the client's
        for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
            if (safe := _header_value(value)) is not None:
                headers[name] = safe
        phase = ["waiting"]  # what _exchange was doing when the deadline struck
        seen = {str(current)}
        looped = False
        try:
            async with asyncio.timeout(None) as deadline:
                for _ in range(self._max_redirects + 1):
                    # Host slot before the global one, and both released between hops, so a task
                    # never holds a global slot while it waits for a busy host.
                    async with self._host_slot(current), self._slots:
                        if deadline.when() is None:  # queueing time is not the server's fault
                            deadline.reschedule(asyncio.get_running_loop().time() + self._timeout)
                        outcome = await self._exchange(url, current, headers, max_bytes, phase)
                    if isinstance(outcome, Response):
                        return outcome
                    looped = looped or str(outcome) in seen
                    seen.add(str(outcome))
                    current = outcome
        except TimeoutError:
            late = "response not complete" if phase[0] == "body" else "no response"
            raise _error(url, f"{late} within {self._timeout:g} s") from None
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError) as exc:
            raise _error(url, describe_error(exc)) from exc
        loop_note = " (a redirect loop)" if looped else ""
        raise _error(url, f"more than {self._max_redirects} redirects{loop_note}")

    def _host_slot(self, url: httpx.URL) -> asyncio.Semaphore:
        key = f"{url.host}:{url.port or _DEFAULT_PORTS.get(url.scheme, 0)}"
        slot = self._hosts.get(key)
        if slot is None:
            slot = self._hosts[key] = asyncio.Semaphore(self._per_host)
        return slot

    async def _exchange(
        self,
        url: str,
        current: httpx.URL,
        headers: dict[str, str],
        max_bytes: int,
        phase: list[str],
    ) -> Response | httpx.URL:
        """One request/response; returns the final Response, or the next hop's URL."""
        phase[0] = "headers"
        request = self._client.build_request(
            "GET", current, headers=headers, extensions={_OURS: True}
        )
        response = await self._client.send(request, stream=True)
        try:
            status = response.status_code
            if status in _REDIRECTS:
                return _redirect_target(url, current, response)
            if status != 304 and not 200 <= status < 300:
                phrase = httpx.codes.get_reason_phrase(status)
                raise _error(url, f"HTTP {status} {phrase}".strip())
            # A 304 may omit validators; the ones we sent are then still the current ones.
            sent_etag = headers.get("If-None-Match")
            sent_date = headers.get("If-Modified-Since")
            body = b""
            if status != 304:
                _check_declared_length(url, response, max_bytes)
                phase[0] = "body"
                body = await _read_body(url, response, max_bytes)
            return Response(
                url=url,
                final_url=str(current),
                status=status,
                body=body,
                headers=MappingProxyType(dict(response.headers.items())),
                etag=response.headers.get("etag") or (sent_etag if status == 304 else None),
                last_modified=response.headers.get("last-modified")
                or (sent_date if status == 304 else None),
            )
        finally:
            await response.aclose()


async def _take_location(response: httpx.Response) -> None:
    """Response hook: keep a redirect's Location out of httpx's sight, for our requests only.

    httpx prepares the next request for every 3xx with a Location even when it will not follow
    it, and that raises InvalidURL on `data:` or `javascript:` targets before we could refuse
    them by name. Moved into the response's extensions, the Location is ours to judge.
    """
    if (
        response.request.extensions.get(_OURS)
        and response.status_code in _REDIRECTS
        and "location" in response.headers
    ):
        response.extensions[_LOCATION] = response.headers["location"]
        del response.headers["location"]


def _error(url: str, reason: str) -> FetchError:
    """A FetchError whose reason is one clean line, whatever a server put into it."""
    reason = clean_line(reason)
    if len(reason) > _REASON_MAX:
        reason = reason[: _REASON_MAX - 1] + "…"
    return FetchError(url, reason)


def _header_value(value: str | None) -> str | None:
    """Validators are echoed back to servers; never send one that would break the request."""
    value = (value or "").strip()
    return value if value and value.isascii() and clean_line(value) == value else None


def _checked_url(url: str, target: str | httpx.URL, *, initial: bool) -> httpx.URL:
    try:
        parsed = httpx.URL(target)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise _error(url, "invalid URL" if initial else "redirect to an invalid URL") from None
    if parsed.scheme not in _SCHEMES:
        if not parsed.scheme:
            raise _error(url, "not an absolute http or https URL")
        if initial:
            raise _error(url, f"only http and https URLs are fetched, not {parsed.scheme}:")
        raise _error(url, f"redirect to {parsed.scheme}: refused")
    if not parsed.host:
        raise _error(url, "URL has no host" if initial else "redirect to a URL without a host")
    return parsed


def _redirect_target(url: str, current: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = str(response.extensions.get(_LOCATION, "")).strip()
    if not location:
        raise _error(url, f"HTTP {response.status_code} redirect without a Location")
    try:
        joined = current.join(location)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise _error(url, "redirect to an invalid URL") from None
    return _checked_url(url, joined, initial=False)


def _check_declared_length(url: str, response: httpx.Response, max_bytes: int) -> None:
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        size = int(declared)
        raise _error(url, f"body larger than {max_bytes:,} bytes (Content-Length {size:,})")


async def _read_body(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    """Stream the raw body through a bounded decoder; stop the moment the cap is passed."""
    decoder = _Decoder(url, response.headers.get("content-encoding", ""))
    body = bytearray()
    async for chunk in response.aiter_raw():
        # Asking for one byte more than the room left is how we learn the cap was passed.
        for piece in decoder.feed(chunk, max_bytes - len(body) + 1):
            body += piece
        if len(body) > max_bytes:
            raise _error(url, f"body larger than {max_bytes:,} bytes")
    return bytes(body)


class _Decoder:
    """Incremental Content-Encoding decoder (identity, gzip, deflate as zlib or raw), bounded."""

    def __init__(self, url: str, content_encoding: str) -> None:
        self._url = url
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise _error(url, f"unsupported Content-Encoding {content_encoding.strip()[:40]}")
        self._coding = codings[0] if codings else "identity"
        self._zobj: Any = None  # a zlib.decompressobj() once the first bytes tell its kind
        self._head = b""  # deflate: the first bytes, held until we know zlib from raw

    def feed(self, data: bytes, room: int) -> Iterator[bytes]:
        """Yield decoded pieces of *data*, stopping once *room* bytes have been produced."""
        if self._coding == "identity":
            yield data[:room]
            return
        if self._zobj is None:
            data = self._start(data)
            if self._zobj is None:
                return
        try:
            yield from self._inflate(data, room)
        except zlib.error:
            raise _error(self._url, f"corrupt {self._coding} body") from None

    def _start(self, data: bytes) -> bytes:
        if self._coding != "deflate":
            self._zobj = zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip, or zlib mislabelled
            return data
        # "deflate" means zlib-wrapped by the RFC, but many servers send raw deflate.
        self._head += data
        if len(self._head) < 2:
            return b""
        cmf, flg = self._head[0], self._head[1]
        wrapped = cmf & 0x0F == 8 and (cmf << 8 | flg) % 31 == 0
        self._zobj = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        data, self._head = self._head, b""
        return data

    def _inflate(self, data: bytes, room: int) -> Iterator[bytes]:
        zobj = self._zobj
        assert zobj is not None
        while data and room > 0:
            piece = zobj.decompress(data, room)
            room -= len(piece)
            yield piece
            if zobj.eof:
                rest = zobj.unused_data
                if self._coding == "deflate" or not rest.startswith(b"\x1f\x8b"):
                    return  # trailing bytes after the stream are ignored, as browsers do
                zobj = self._zobj = zlib.decompressobj(32 + zlib.MAX_WBITS)  # next gzip member
                data = rest
            else:
                data = zobj.unconsumed_tail


def describe_error(exc: BaseException) -> str:
    """A short human reason for a transport failure, found by walking the exception chain."""
    for cause in _chain(exc):
        if isinstance(cause, socket.gaierror):
            return "host not found"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ssl.SSLCertVerificationError):
            detail = getattr(cause, "verify_message", None) or "not trusted"
            return f"TLS certificate rejected ({detail})"
        if isinstance(cause, ssl.SSLError):
            detail = (cause.reason or "handshake failed").lower().replace("_", " ")
            return f"TLS error ({detail})"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
    text = str(exc).strip()
    lowered = text.lower()
    if isinstance(exc, httpx.TimeoutException):
        return {
            httpx.ConnectTimeout: "connection timed out",
            httpx.PoolTimeout: "no free connection in time",
        }.get(type(exc), "server stopped responding")
    if isinstance(exc, httpx.ConnectError):
        if "name or service" in lowered or "name resolution" in lowered or "nodename" in lowered:
            return "host not found"
        if "refused" in lowered:
            return "connection refused"
        if "ssl" in lowered or "certificate" in lowered:
            return f"TLS error ({text[:80]})"
        return f"could not connect ({text[:80]})" if text else "could not connect"
    if isinstance(exc, httpx.RemoteProtocolError):
        if "without sending a response" in lowered:
            return "server closed the connection without a response"
        if "incomplete" in lowered or "complete message body" in lowered:
            return "connection closed before the body was complete"
        return f"HTTP protocol error ({text[:80]})" if text else "HTTP protocol error"
    if isinstance(exc, httpx.InvalidURL):
        return "invalid URL"
    if isinstance(exc, httpx.ReadError):
        return "connection lost while reading"
    if isinstance(exc, httpx.WriteError):
        return "connection lost while sending"
    name = type(exc).__name__
    return f"{name} ({text[:80]})" if text else name


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
