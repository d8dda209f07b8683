"""One fetch outside a refresh, with the refresh's own rules (byte cap, deadline, redirects,
User-Agent): checking a feed before it is added, `sitrep analyze URL`. A client of its own each
time; the caller runs it on an event loop of its own (a worker thread or the CLI)."""

from __future__ import annotations

from tui.pipeline.fetch import Fetcher, Response, make_client
from tui.service.config import Settings


async def fetch_once(url: str, settings: Settings, max_bytes: int) -> Response:
    """The body of *url* (FetchError when it cannot be had)."""
    async with make_client(settings.user_agent, 1) as client:
        fetcher = Fetcher(client, concurrency=1, per_host=1, timeout=settings.timeout_seconds)
        return await fetcher.get(url, max_bytes=max_bytes)
