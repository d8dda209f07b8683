"""The page policy: where a feed may send sitrep.

A feed's author chooses every link sitrep fetches for it, and sitrep runs inside the user's
network: an item linking to `http://127.0.0.1:6379/`, `http://192.168.1.1/admin`, the cloud
metadata address `169.254.169.254`, `0.0.0.0`, `2130706433` (127.0.0.1 as one number) or a public
name that resolves to any of these would make sitrep knock on doors its user never meant to open
(and store what it found as an "article"). So:

- Every address a page (or a redirect hop, of a page or a feed) resolves to is checked after
  DNS resolution, and a plain http request then connects to the very address that was checked
  (a second lookup could answer differently: DNS rebinding). An https request cannot be rebound
  usefully: the inside service would have to present a certificate for the outside name.
- A feed whose own address is public may only send sitrep to public addresses.
- A feed that is itself local (a file, or a server on loopback or a private network) may also
  reach its own host: its own addresses, and loopback for a file feed. That is what a local feed
  means: a test server, an RSS bridge on this machine, a NAS on the LAN.
- The `private_pages` setting (global, or per feed) changes this: "own-host" (the default, as
  above), "none" (no feed may reach a non-public address; useful for a local bridge that
  republishes public sites), "any" (no check: the behaviour before this policy).

Deciding needs addresses, and tests cannot reach the public internet: the resolver is a
parameter (`Resolver`), so the decision is tested with literal addresses and names resolved by
the test, and the refusals end to end with the real resolver on 127.0.0.1 and `private_pages`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from tui.core.errors import FetchError

MODES = ("own-host", "none", "any")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_LOOPBACK = (ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"))


async def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for *host* (what a connection would use)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def parse_address(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0].strip("[]"))
    except ValueError:
        return None


def embedded_ipv4(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, NAT64), else the address itself:
    `::ffff:127.0.0.1` is loopback whatever its spelling."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if any(address in net for net in _NAT64):
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def kind_of(address: IPAddress) -> str:
    """"public", or what makes the address private, in words for an error line."""
    address = embedded_ipv4(address)
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_global:
        return "public"
    if address.is_private:
        return "private"
    return "reserved"


def is_public(address: IPAddress) -> bool:
    return kind_of(address) == "public"


@dataclass(frozen=True, slots=True)
class Scope:
    """Where one feed may send sitrep: public addresses, plus *own* (non-public) ones."""

    mode: str = "own-host"
    own: frozenset[IPAddress] = frozenset()

    def allows(self, address: IPAddress) -> bool:
        if self.mode == "any" or is_public(address):
            return True
        return self.mode == "own-host" and embedded_ipv4(address) in self.own


def scope_of(mode: str, addresses: Iterable[IPAddress], *, local_file: bool = False) -> Scope:
    """The scope of a feed with these addresses (a file feed: this machine's loopback)."""
    own = set(_LOOPBACK) if local_file else set()
    own |= {embedded_ipv4(a) for a in addresses if not is_public(a)}
    return Scope(mode, frozenset(own))


class PagePolicy:
    """Resolves names (once per refresh each) and checks them against a feed's scope."""

    def __init__(self, resolver: Resolver | None = None) -> None:
        self._resolve = resolver or system_resolver
        self._cache: dict[tuple[str, int], list[IPAddress]] = {}

    def forget(self) -> None:
        """Resolve names afresh from now on (each refresh starts so)."""
        self._cache.clear()

    async def addresses(self, url: str, host: str, port: int) -> list[IPAddress]:
        """Every address of *host*; FetchError("host not found") when there is none."""
        literal = parse_address(host)
        if literal is not None:
            return [literal]
        key = (host.lower(), port)
        if key not in self._cache:
            try:
                found = await self._resolve(host, port)
            except (OSError, UnicodeError):
                raise FetchError(url, "host not found") from None
            parsed = [a for a in (parse_address(text) for text in found) if a is not None]
            if not parsed:
                raise FetchError(url, "host not found")
            self._cache[key] = parsed
        return self._cache[key]

    async def scope(self, feed_url: str, mode: str, *, local_file: bool) -> Scope:
        """The scope of a feed: its own addresses decide whether it is local."""
        if mode == "any" or local_file:
            return scope_of(mode, (), local_file=local_file)
        from urllib.parse import urlsplit

        parts = urlsplit(feed_url)
        try:
            found = await self.addresses(
                feed_url, parts.hostname or "", parts.port or _port(parts.scheme)
            )
        except FetchError:
            found = []  # the feed fetch itself will say the host is not found
        return scope_of(mode, found)

    async def check(self, url: str, host: str, port: int, scope: Scope) -> list[IPAddress]:
        """The addresses of *host* the scope allows; FetchError naming the first refused one
        when a single one is refused (a name that also resolves to a private address is not
        to be trusted with any of them)."""
        found = await self.addresses(url, host, port)
        for address in found:
            if not scope.allows(address):
                raise FetchError(url, refusal(host, address, scope))
        return found


def refusal(host: str, address: IPAddress, scope: Scope) -> str:
    shown = host if parse_address(host) == address else f"{host} ({address})"
    why = "no feed may reach one" if scope.mode == "none" else "the feed is not on that host"
    kind = kind_of(address)
    article = "an" if kind[0] in "aeiou" else "a"
    return f"refused: {shown} is {article} {kind} address and {why} (private_pages)"


def _port(scheme: str) -> int:
    return 443 if scheme == "https" else 80
