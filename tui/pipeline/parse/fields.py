"""What every feed field goes through, whatever the format (XML via feedparser, JSON Feed):
length limits, and links resolved against the feed's own address and kept only when usable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

from tui.core.sanitize import clean_line, without_userinfo

T = TypeVar("T")

MAX_SUMMARY = 20_000  # characters of plain text kept from an item's summary
MAX_TITLE = 1_000
MAX_NAME = 300  # feed titles and authors
MAX_LINK = 4_096  # longer "links" are not addresses anyone can use
MAX_GUID = 1_000
MAX_ENTRIES = 1_000  # each item may become a page fetch: a feed cannot queue 80,000 of them


def cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def newest(items: Sequence[T], limit: int, when: Callable[[T], float | None]) -> list[T]:
    """The *limit* items with the latest dates (undated ones after every dated one), in
    document order. Feeds list oldest first as often as newest first: keeping the first
    *limit* would drop the newest items of a long oldest-first feed."""
    if len(items) <= limit:
        return list(items)
    stamps = [when(item) for item in items]
    ranked = sorted(
        range(len(items)),
        key=lambda i: (stamps[i] is None, -(stamps[i] or 0.0), i),
    )
    return [items[i] for i in sorted(ranked[:limit])]


def safe_link(link: str, base: str) -> str:
    """Resolve *link* against the feed's own address and keep only http(s) or local links.

    Credentials go: a feed at `http://reader:token@host/` makes every relative link carry its
    token, which would then be stored, shown, cited and sent to wherever the link points."""
    link = clean_line(link)
    if not link or len(link) > MAX_LINK:
        return ""
    resolved = urljoin(base if "://" in base else f"file://{base}", link)
    scheme = urlsplit(resolved).scheme.lower()
    if scheme in ("http", "https"):
        return without_userinfo(resolved)
    if scheme == "file" and "://" not in base:
        return resolved  # local feeds may point at local pages; refresh confines them
    return ""
