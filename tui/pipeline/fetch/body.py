"""A response body read within a cap: decoded by us, step by step, never past the limit.

httpx would decode gzip or deflate without a bound: a few hundred KiB of gzip can become hundreds
of MiB in memory. Here the raw bytes go through a bounded decoder that stops producing the moment
the cap is passed, and a Content-Length above the cap is refused before any byte is read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

import httpx

from tui.core.errors import FetchError
from tui.core.sanitize import clean_line

_REASON_MAX = 160


def fetch_error(url: str, reason: str) -> FetchError:
    """A FetchError whose reason is one clean line, whatever a server put into it."""
    reason = clean_line(reason)
    if len(reason) > _REASON_MAX:
        reason = reason[: _REASON_MAX - 1] + "…"
    return FetchError(url, reason)


def check_declared_length(url: str, response: httpx.Response, max_bytes: int) -> None:
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        size = int(declared)
        raise fetch_error(url, f"body larger than {max_bytes:,} bytes (Content-Length {size:,})")


async def read_body(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    """Stream the raw body through a bounded decoder; stop the moment the cap is passed."""
    decoder = _Decoder(url, response.headers.get("content-encoding", ""))
    body = bytearray()
    async for chunk in response.aiter_raw():
        # Asking for one byte more than the room left is how we learn the cap was passed.
        for piece in decoder.feed(chunk, max_bytes - len(body) + 1):
            body += piece
        if len(body) > max_bytes:
            raise fetch_error(url, f"body larger than {max_bytes:,} bytes")
    return bytes(body)


class _Decoder:
    """Incremental Content-Encoding decoder (identity, gzip, deflate as zlib or raw), bounded."""

    def __init__(self, url: str, content_encoding: str) -> None:
        self._url = url
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise fetch_error(url, f"unsupported Content-Encoding {content_encoding.strip()[:40]}")
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
            raise fetch_error(self._url, f"corrupt {self._coding} body") from None

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
