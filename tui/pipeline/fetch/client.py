"""The network edge: every byte sitrep reads from the web comes through `Fetcher.get`.

Why it does so much itself instead of trusting httpx defaults:
- redirects are followed here, one hop at a time, so each hop's scheme is checked (only http and
  https ever leave the process) and the hop count is ours to cap;
- bodies are read raw and decompressed here, with an output limit on every step, so a few hundred
  KiB of gzip cannot become hundreds of MiB in memory (httpx would decode without a bound);
- one deadline (`asyncio.timeout`) covers connect, every redirect and the whole body, so a server
  that trickles a byte every half second cannot hold a refresh for minutes (per-read timeouts
  would never fire on it);
- every failure becomes a `FetchError` with a short reason a person can read in the feeds pane;
- with a `Scope` (the page policy, `policy.py`), each hop's host is resolved and checked first and
  the request connects to the checked address; credentials never follow a redirect to another
  origin, and a redirect cannot add any.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import httpx

from tui.core.sanitize import clean_line
from tui.pipeline.fetch.body import check_declared_length, fetch_error, read_body
from tui.pipeline.fetch.policy import IPAddress, PagePolicy, Scope
from tui.pipeline.fetch.transport import ShardedTransport

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
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
        policy: PagePolicy | None = None,
    ) -> None:
        self._client = client
        self.policy = policy or PagePolicy()
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
        scope: Scope | None = None,
        trust_first_hop: bool = False,
    ) -> Response:
        """Fetch *url*; raise FetchError (never an httpx error) when it cannot be had in full.

        With *scope*, every hop's addresses must be allowed by it (the first one excepted with
        *trust_first_hop*: a feed's own address, which the user chose).
        """
        current = _checked_url(url, url, initial=True)
        origin = _origin(current)
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
                for hop in range(self._max_redirects + 1):
                    # Host slot before the global one, and both released between hops, so a task
                    # never holds a global slot while it waits for a busy host.
                    async with self._host_slot(current), self._slots:
                        if deadline.when() is None:  # queueing time is not the server's fault
                            deadline.reschedule(asyncio.get_running_loop().time() + self._timeout)
                        pinned = None
                        if scope is not None and not (hop == 0 and trust_first_hop):
                            phase[0] = "resolving"
                            port = current.port or _DEFAULT_PORTS[current.scheme]
                            pinned = await self.policy.check(url, current.host, port, scope)
                        outcome = await self._exchange(
                            url, current, headers, max_bytes, phase, pinned
                        )
                    if isinstance(outcome, Response):
                        return outcome
                    outcome = _credentials_for(outcome, origin)
                    looped = looped or str(outcome) in seen
                    seen.add(str(outcome))
                    current = outcome
        except TimeoutError:
            late = {"body": "response not complete", "resolving": "no address"}.get(
                phase[0], "no response"
            )
            raise fetch_error(url, f"{late} within {self._timeout:g} s") from None
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError) as exc:
            raise fetch_error(url, describe_error(exc)) from exc
        loop_note = " (a redirect loop)" if looped else ""
        raise fetch_error(url, f"more than {self._max_redirects} redirects{loop_note}")

    def _requests(
        self, current: httpx.URL, headers: dict[str, str], pinned: list[IPAddress] | None
    ) -> Iterator[httpx.Request]:
        """The request, or one per checked address to connect to for plain http.

        https is not pinned: a name rebound to an inside address after the check would also
        have to present a certificate for that name, which an inside service does not have;
        and a connection pool keyed by address would carry one name's TLS session over to
        another name on the same address without checking its certificate.
        """
        if not pinned or current.scheme != "http":
            yield self._client.build_request(
                "GET", current, headers=headers, extensions={_OURS: True}
            )
            return
        host_header = current.netloc.decode("ascii")
        for address in pinned:
            target = current.copy_with(host=str(address))
            yield self._client.build_request(
                "GET", target, headers={**headers, "Host": host_header}, extensions={_OURS: True}
            )

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
        pinned: list[IPAddress] | None = None,
    ) -> Response | httpx.URL:
        """One request/response; returns the final Response, or the next hop's URL.

        With *pinned* addresses a plain http connection goes to them (in turn, while they
        refuse), with the name in the Host header.
        """
        phase[0] = "headers"
        response = None
        for index, request in enumerate(self._requests(current, headers, pinned)):
            try:
                response = await self._client.send(request, stream=True)
                break
            except (httpx.ConnectError, httpx.ConnectTimeout):
                if not pinned or current.scheme != "http" or index == len(pinned) - 1:
                    raise
        assert response is not None
        try:
            status = response.status_code
            if status in _REDIRECTS:
                return _redirect_target(url, current, response)
            if status != 304 and not 200 <= status < 300:
                phrase = httpx.codes.get_reason_phrase(status)
                raise fetch_error(url, f"HTTP {status} {phrase}".strip())
            # A 304 may omit validators; the ones we sent are then still the current ones.
            sent_etag = headers.get("If-None-Match")
            sent_date = headers.get("If-Modified-Since")
            body = b""
            if status == 304:
                # A 304 has no body (HTTP reads none after its headers): reading that nothing
                # to its end lets the connection serve the next feed. Closed unread, it was
                # dropped, and a refresh of 200 unchanged feeds opened 200 connections.
                async for _ in response.aiter_raw():
                    break
            else:
                check_declared_length(url, response, max_bytes)
                phase[0] = "body"
                body = await read_body(url, response, max_bytes)
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


def _header_value(value: str | None) -> str | None:
    """Validators are echoed back to servers; never send one that would break the request."""
    value = (value or "").strip()
    return value if value and value.isascii() and clean_line(value) == value else None


def _checked_url(url: str, target: str | httpx.URL, *, initial: bool) -> httpx.URL:
    try:
        parsed = httpx.URL(target)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise fetch_error(url, "invalid URL" if initial else "redirect to an invalid URL") from None
    if parsed.scheme not in _SCHEMES:
        if not parsed.scheme:
            raise fetch_error(url, "not an absolute http or https URL")
        if initial:
            raise fetch_error(url, f"only http and https URLs are fetched, not {parsed.scheme}:")
        raise fetch_error(url, f"redirect to {parsed.scheme}: refused")
    if not parsed.host:
        raise fetch_error(url, "URL has no host" if initial else "redirect to a URL without a host")
    return parsed


def _origin(url: httpx.URL) -> tuple[str, str, int, str, str]:
    port = url.port or _DEFAULT_PORTS.get(url.scheme, 0)
    return url.scheme, url.host, port, url.username, url.password


def _credentials_for(target: httpx.URL, origin: tuple[str, str, int, str, str]) -> httpx.URL:
    """A redirect's URL with the credentials it may carry: the first URL's, and only back to
    the first URL's own origin. A server cannot make sitrep send credentials it chose, nor
    carry the user's to another host."""
    scheme, host, port, username, password = origin
    same = (target.scheme, target.host, target.port or _DEFAULT_PORTS.get(target.scheme, 0)) == (
        scheme,
        host,
        port,
    )
    if same and (username or password):
        return target.copy_with(username=username, password=password)
    if target.userinfo:
        return target.copy_with(username=None, password=None)
    return target


def _redirect_target(url: str, current: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = str(response.extensions.get(_LOCATION, "")).strip()
    if not location:
        raise fetch_error(url, f"HTTP {response.status_code} redirect without a Location")
    try:
        joined = current.join(location)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise fetch_error(url, "redirect to an invalid URL") from None
    return _checked_url(url, joined, initial=False)


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
