"""A real HTTP server on 127.0.0.1 for tests: registered content with validators, hostile routes.

Tests of fetching, refresh, the CLI and the app all talk to this one server, so what it serves is
what a real site would send: ETag and Last-Modified with 304 answers to conditional requests,
keep-alive HTTP/1.1, chunked bodies. Registered content (`add`, `add_dir`) wins over the built-in
routes, which misbehave on purpose:

    /status/<code>              that status with a short body
    /redirect/<n>[?status=301]  a chain of n redirects ending in a 200
    /redirect-loop              redirects to itself
    /redirect-to?url=<target>   redirects to target, as given (file:, data:, relative...)
    /trickle[?interval=0.5]     headers, then one byte per interval until the client leaves
    /slow-headers?seconds=N     waits N seconds before the status line
    /slow?seconds=S             waits S seconds; `peak_concurrency` counts overlapping requests
    /gzip-bomb                  ~300 KiB of gzip that decodes to 300 MiB of zeros
    /endless                    a chunked body that never ends
    /big?bytes=N[&chunked=1]    N bytes, with Content-Length unless chunked
    /encoded?enc=E&bytes=N      sample_text(N) encoded as gzip, zlib or raw-deflate
    /bad-gzip                   Content-Encoding: gzip over bytes that are not gzip
    /drop                       closes the connection without answering
    /utf16                      an HTML page in UTF-16-LE with no BOM and no charset
    /feed/<name>?items=K&delay=S&page=P&version=V   an RSS feed of K items (after S seconds) whose
                                links are P + item number (default: /slow?seconds=5&item=), of
                                RSS version V (default 2.0; 0.92 is read by feedparser, not the
                                plain reader)

Endless routes stop when the client disconnects or the server closes; disconnects are silent.
"""

from __future__ import annotations

import hashlib
import mimetypes
import sys
import threading
import zlib
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

_BOMB_MIB = 300
_bomb_lock = threading.Lock()
_bomb: bytes | None = None


class Logged(NamedTuple):
    """One request as the server saw it; header names are lower-case."""

    method: str
    path: str
    headers: dict[str, str]


class _Resource(NamedTuple):
    body: bytes
    content_type: str
    headers: dict[str, str]
    etag: str | None
    last_modified: str | None
    compress: bool


_LINE = b"Officials said the convoy reached the bridge at dawn, according to witnesses.\n"


def sample_text(size: int) -> bytes:
    """Deterministic, compressible bytes for checking that a decoded body is exactly right."""
    return (_LINE * (size // len(_LINE) + 1))[:size]


def gzip_bomb() -> bytes:
    """The /gzip-bomb body, built once per process (about a second) and kept."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            zeros = bytes(1 << 20)
            parts = [packer.compress(zeros) for _ in range(_BOMB_MIB)]
            _bomb = b"".join(parts) + packer.flush()
        return _bomb


def _encode(data: bytes, enc: str) -> bytes:
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "zlib": zlib.MAX_WBITS, "raw-deflate": -zlib.MAX_WBITS}
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits[enc])
    return packer.compress(data) + packer.flush()


class LocalServer:
    """ThreadingHTTPServer on 127.0.0.1:<free port> in a daemon thread; see the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._resources: dict[str, _Resource] = {}
        self._dirs: dict[str, Path] = {}
        self._log: list[Logged] = []
        self._active = 0
        self._peak = 0
        self._connections = 0
        self.stopping = threading.Event()
        self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def add(
        self,
        path: str,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        etag: bool = True,
        last_modified: bool = True,
        compress: bool = False,
    ) -> str:
        """Serve *body* at *path* (query included if given); returns its URL."""
        tag = f'"{hashlib.sha1(body).hexdigest()[:16]}"' if etag else None
        stamp = formatdate(usegmt=True) if last_modified else None
        resource = _Resource(body, content_type, dict(headers or {}), tag, stamp, compress)
        with self._lock:
            self._resources["/" + path.lstrip("/")] = resource
        return self.url(path)

    def add_dir(self, prefix: str, directory: str | Path) -> str:
        """Serve the files under *directory* at /<prefix>/...; returns the prefix URL."""
        prefix = "/" + prefix.strip("/") + "/"
        with self._lock:
            self._dirs[prefix] = Path(directory).resolve()
        return self.url(prefix)

    @property
    def requests(self) -> list[Logged]:
        with self._lock:
            return list(self._log)

    def requests_to(self, path: str) -> list[Logged]:
        """The logged requests whose path (query ignored) is *path*."""
        return [r for r in self.requests if urlsplit(r.path).path == path]

    @property
    def connections(self) -> int:
        """TCP connections accepted so far (keep-alive serves many requests on one)."""
        with self._lock:
            return self._connections

    @property
    def peak_concurrency(self) -> int:
        """Most /slow requests in progress at once since the last reset."""
        with self._lock:
            return self._peak

    def reset(self) -> None:
        with self._lock:
            self._resources.clear()
            self._dirs.clear()
            self._log.clear()
            self._peak = self._active

    def close(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Used by the handler threads.
    def _record(self, entry: Logged) -> None:
        with self._lock:
            self._log.append(entry)

    def _lookup(self, target: str) -> _Resource | Path | None:
        path = urlsplit(target).path
        with self._lock:
            found = self._resources.get(target) or self._resources.get(path)
            if found is not None:
                return found
            for prefix, root in self._dirs.items():
                if path.startswith(prefix):
                    candidate = (root / unquote(path[len(prefix) :])).resolve()
                    inside = candidate.is_relative_to(root) and candidate.is_file()
                    return candidate if inside else None
        return None

    def _enter_slow(self, delta: int) -> None:
        with self._lock:
            self._active += delta
            self._peak = max(self._peak, self._active)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # refreshes open 64 connections per host at once
    owner: LocalServer

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that leaves mid-response is normal here; anything else is a real bug."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer
    timeout = 30  # idle keep-alive connections end on their own

    def log_message(self, format: str, *args: object) -> None:
        """Silent: the request log is `LocalServer.requests`, not stderr."""

    def setup(self) -> None:
        super().setup()
        with self.server.owner._lock:
            self.server.owner._connections += 1

    def do_HEAD(self) -> None:
        self._dispatch(head=True)

    def do_GET(self) -> None:
        self._dispatch(head=False)

    # Plumbing.
    def _dispatch(self, head: bool) -> None:
        owner = self.server.owner
        headers = {k.lower(): v for k, v in self.headers.items()}
        owner._record(Logged(self.command, self.path, headers))
        self._head = head
        found = owner._lookup(self.path)
        if isinstance(found, _Resource):
            return self._static(found)
        if isinstance(found, Path):
            ctype = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            if found.suffix in (".xml", ".rss", ".atom", ".rdf"):
                ctype = "application/xml"
            mtime = formatdate(found.stat().st_mtime, usegmt=True)
            body = found.read_bytes()
            tag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
            return self._static(_Resource(body, ctype, {}, tag, mtime, False))
        parts = urlsplit(self.path)
        self._query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        name, _, arg = parts.path.strip("/").partition("/")
        route = getattr(self, "_route_" + name.replace("-", "_"), None)
        if route is None:
            return self._reply(404, b"not found")
        route(arg)

    def _reply(
        self,
        status: int,
        body: bytes = b"",
        ctype: str = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status not in (204, 304):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not self._head and status not in (204, 304):
            self.wfile.write(body)

    def _static(self, res: _Resource) -> None:
        validators = {"ETag": res.etag, "Last-Modified": res.last_modified}
        headers = {k: v for k, v in validators.items() if v} | res.headers
        if self._not_modified(res):
            return self._reply(304, headers=headers)
        body = res.body
        if res.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _encode(body, "gzip")
            headers["Content-Encoding"] = "gzip"
        self._reply(200, body, res.content_type, headers)

    def _not_modified(self, res: _Resource) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = {t.strip() for t in match.split(",")}
            return res.etag is not None and ("*" in tags or res.etag in tags)
        since = self.headers.get("If-Modified-Since")
        if since is None or res.last_modified is None:
            return False
        try:
            return parsedate_to_datetime(since) >= parsedate_to_datetime(res.last_modified)
        except (TypeError, ValueError):
            return False

    def _start_chunked(self, headers: dict[str, str] | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Transfer-Encoding", "chunked")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()

    def _chunk(self, data: bytes) -> bool:
        """Write one chunk; False once the client has gone (or the server is closing)."""
        if self.server.owner.stopping.is_set():
            self.close_connection = True
            return False
        try:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        except (ConnectionError, TimeoutError):
            self.close_connection = True
            return False
        return True

    def _wait(self, seconds: float) -> bool:
        """Sleep unless the server is closing; True if the full time passed."""
        return not self.server.owner.stopping.wait(seconds)

    def _number(self, key: str, default: float) -> float:
        try:
            return float(self._query.get(key, default))
        except ValueError:
            return default

    # Routes.
    def _route_status(self, arg: str) -> None:
        code = int(arg) if arg.isdigit() and 200 <= int(arg) <= 599 else 400
        self._reply(code, f"status {code}\n".encode())

    def _route_redirect(self, arg: str) -> None:
        left = int(arg) if arg.isdigit() else 0
        if left == 0:
            return self._reply(200, b"redirect chain done\n")
        status = int(self._number("status", 302))
        query = f"?status={status}" if "status" in self._query else ""
        self._reply(status, headers={"Location": f"/redirect/{left - 1}{query}"})

    def _route_redirect_loop(self, arg: str) -> None:
        self._reply(302, headers={"Location": "/redirect-loop"})

    def _route_redirect_to(self, arg: str) -> None:
        status = int(self._number("status", 302))
        self._reply(status, headers={"Location": self._query.get("url", "/")})

    def _route_trickle(self, arg: str) -> None:
        interval = self._number("interval", 0.5)
        self._start_chunked()
        while self._chunk(b"x") and self._wait(interval):
            pass

    def _route_slow_headers(self, arg: str) -> None:
        if self._wait(self._number("seconds", 5.0)):
            self._reply(200, b"late\n")

    def _route_slow(self, arg: str) -> None:
        owner = self.server.owner
        owner._enter_slow(+1)
        try:
            self._wait(self._number("seconds", 0.3))
        finally:
            owner._enter_slow(-1)
        self._reply(200, b"slow\n")

    def _route_gzip_bomb(self, arg: str) -> None:
        self._reply(200, gzip_bomb(), headers={"Content-Encoding": "gzip"})

    def _route_endless(self, arg: str) -> None:
        block = hashlib.sha256(b"endless").digest() * 2048  # 64 KiB
        self._start_chunked()
        while self._chunk(block):
            pass

    def _route_big(self, arg: str) -> None:
        size = int(self._number("bytes", 1_000_000))
        block = _LINE * 800  # whole lines, so the blocks add up to sample_text(size)
        if "chunked" in self._query:
            self._start_chunked()
            while size > 0 and self._chunk(block[:size]):
                size -= len(block)
            self._chunk(b"")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        while size > 0 and not self._head:
            self.wfile.write(block[:size])
            size -= len(block)

    def _route_encoded(self, arg: str) -> None:
        enc = self._query.get("enc", "gzip")
        body = _encode(sample_text(int(self._number("bytes", 100_000))), enc)
        coding = "gzip" if enc == "gzip" else "deflate"
        self._reply(200, body, headers={"Content-Encoding": coding})

    def _route_bad_gzip(self, arg: str) -> None:
        self._reply(200, b"this is not gzip at all" * 10, headers={"Content-Encoding": "gzip"})

    def _route_drop(self, arg: str) -> None:
        self.close_connection = True

    def _route_feed(self, arg: str) -> None:
        if not self._wait(self._number("delay", 0.0)):
            return
        page = self._query.get("page", "/slow?seconds=5&item=")
        items = "".join(
            f"<item><title>{arg} item {n}</title><guid>{arg}-{n}</guid>"
            f"<link>{escape(page)}{arg}-{n}</link></item>"
            for n in range(int(self._number("items", 3)))
        )
        version = escape(self._query.get("version", "2.0"), {"'": "&apos;"})
        body = f"<rss version='{version}'><channel><title>{arg}</title>{items}</channel></rss>"
        self._reply(200, body.encode(), ctype="application/rss+xml")

    def _route_utf16(self, arg: str) -> None:
        page = "<html><head><title>Kyiv – Київ</title></head><body><p>Zhuravka</p></body></html>"
        self._reply(200, page.encode("utf-16-le"), ctype="text/html")
