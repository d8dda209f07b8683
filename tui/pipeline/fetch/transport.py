"""An httpx transport that spreads requests over several small connection pools.

Why: httpcore's pool rescans every connection (and checks each socket) whenever a request joins
or leaves it, so its cost grows with the square of the pool size. At the concurrency a refresh of
hundreds of feeds wants, that bookkeeping, not the network, became the bottleneck. Pools of at
most eight connections keep each scan short; a request goes to the least busy pool, and keep-alive
still works within a pool. Only public httpx interfaces are used.
"""

from __future__ import annotations

import math
import ssl
from collections.abc import AsyncIterator, Callable

import httpx

POOL_SIZE = 8


class _TrackedStream(httpx.AsyncByteStream):
    """Counts a request as in flight until its body is closed, when the connection frees up."""

    def __init__(self, stream: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release: Callable[[], None] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            if self._release is not None:
                self._release()
                self._release = None


class ShardedTransport(httpx.AsyncBaseTransport):
    def __init__(self, concurrency: int) -> None:
        shards = max(1, math.ceil(concurrency / POOL_SIZE))
        limits = httpx.Limits(max_connections=POOL_SIZE, max_keepalive_connections=POOL_SIZE)
        tls = ssl.create_default_context()  # one CA bundle load (~40 ms), shared by every pool
        self._pools = [httpx.AsyncHTTPTransport(limits=limits, verify=tls) for _ in range(shards)]
        self._busy = [0] * shards

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = min(range(len(self._pools)), key=self._busy.__getitem__)
        self._busy[index] += 1

        def release() -> None:
            self._busy[index] -= 1

        try:
            response = await self._pools[index].handle_async_request(request)
        except BaseException:
            release()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_TrackedStream(response.stream, release),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        for pool in self._pools:
            await pool.aclose()
