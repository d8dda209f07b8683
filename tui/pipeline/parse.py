"""Feed bytes + response headers → ParsedFeed. No I/O: feedparser never sees a URL or a str.

Every string that leaves this module is sanitised (control characters and terminal escape
sequences removed) and bounded in length; summaries are reduced from HTML to plain text with
paragraph breaks. Before feedparser runs, `feed_prep` makes the body UTF-8 and defuses its
DOCTYPE (entity expansion attacks). feedparser's own HTML sanitiser and relative-link resolver
stay off: we never render feed HTML, we flatten it to text (`html_text`), and both passes cost
seconds on hostile input.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from tui.pipeline.errors import ParseError
from tui.pipeline.feed_prep import prepare_feed
from tui.pipeline.html_text import html_to_text, tidy
from tui.pipeline.models import Entry, ParsedFeed
from tui.pipeline.sanitize import clean_line, clean_text

__all__ = ["html_to_text", "parse_feed"]

_MAX_SUMMARY = 20_000  # characters of plain text kept from an item's summary
_MAX_TITLE = 1_000
_MAX_NAME = 300  # feed titles and authors
_MAX_LINK = 4_096  # longer "links" are not addresses anyone can use
_MAX_GUID = 1_000
_MAX_ENTRIES = 1_000  # each item may become a page fetch: a feed cannot queue 80,000 of them
_POSITION = re.compile(r"<unknown>:(\d+):\d+:\s*")


def parse_feed(body: bytes, url: str, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse a feed body. Raises ParseError when it is not a feed at all."""
    if not isinstance(body, bytes):
        raise TypeError("parse_feed takes bytes")
    # Links are resolved below against the feed's own address (local feeds have no URL base).
    data, response_headers = prepare_feed(body, headers or {})
    parsed = feedparser.parse(
        data, response_headers=response_headers, sanitize_html=False, resolve_relative_uris=False
    )
    if parsed.bozo and not parsed.entries and not parsed.feed.get("title"):
        raise ParseError(f"not a readable feed: {_reason(parsed) or 'no entries'}")
    entries = tuple(_entry(raw, url) for raw in parsed.entries[:_MAX_ENTRIES])
    warning = _reason(parsed) if parsed.bozo else ""
    return ParsedFeed(
        title=_cut(
            clean_line(_text(parsed.feed.get("title", ""), parsed.feed.get("title_detail"))),
            _MAX_NAME,
        ),
        link=_safe_link(parsed.feed.get("link", ""), url),
        entries=entries,
        warning=warning,
    )


def _entry(raw: Any, feed_url: str) -> Entry:
    link = _safe_link(raw.get("link", ""), feed_url)
    title = _cut(clean_line(_text(raw.get("title", ""), raw.get("title_detail"))), _MAX_TITLE)
    summary, detail = raw.get("summary", ""), raw.get("summary_detail")
    if not summary and raw.get("content"):
        summary, detail = raw["content"][0].get("value", ""), raw["content"][0]
    summary = _text(summary, detail)[:_MAX_SUMMARY]
    guid = clean_line(raw.get("id", ""))[:_MAX_GUID]
    if not title:
        title = summary[:90].split("\n")[0] or link or "(untitled)"
    return Entry(
        guid=guid,
        link=link,
        title=title,
        author=_cut(clean_line(raw.get("author", "")), _MAX_NAME),
        published=_date(raw.get("published_parsed") or raw.get("updated_parsed")),
        summary=summary,
    )


def _reason(parsed: Any) -> str:
    """feedparser's complaint as one short line: "unclosed token (line 8)", not "<unknown>:8:0"."""
    text = clean_line(str(parsed.get("bozo_exception", "")))
    where = _POSITION.match(text)
    if where:
        text = f"{text[where.end() :]} (line {where.group(1)})"
    return _cut(text, 200)


def _text(value: Any, detail: Any) -> str:
    """Plain text of a feed field: HTML is flattened, text/plain kept as written."""
    value = value if isinstance(value, str) else ""
    if isinstance(detail, dict) and detail.get("type") == "text/plain":
        return tidy(clean_text(value))
    return html_to_text(value)


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _safe_link(link: str, base: str) -> str:
    """Resolve *link* against the feed's own address and keep only http(s) or local links."""
    link = clean_line(link)
    if not link or len(link) > _MAX_LINK:
        return ""
    resolved = urljoin(base if "://" in base else f"file://{base}", link)
    scheme = urlsplit(resolved).scheme.lower()
    if scheme in ("http", "https"):
        return resolved
    if scheme == "file" and "://" not in base:
        return resolved  # local feeds may point at local pages; refresh confines them
    return ""


def _date(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, TypeError, OSError):
        return None
