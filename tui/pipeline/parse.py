"""Feed bytes + response headers → ParsedFeed. No I/O: feedparser never sees a URL or a str.

Every string that leaves this module is sanitised (control characters and terminal escape
sequences removed); summaries are reduced from HTML to plain text with paragraph breaks.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html

from tui.pipeline.errors import ParseError
from tui.pipeline.models import Entry, ParsedFeed
from tui.pipeline.sanitize import clean_line, clean_text

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")
_MAX_SUMMARY = 20_000


def parse_feed(body: bytes, url: str, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse a feed body. Raises ParseError when it is not a feed at all."""
    if not isinstance(body, bytes):
        raise TypeError("parse_feed takes bytes")
    # Links are resolved below against the feed's own address (local feeds have no URL base).
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    parsed = feedparser.parse(body, response_headers=response_headers, sanitize_html=True,
                              resolve_relative_uris=True)
    if parsed.bozo and not parsed.entries and not parsed.feed.get("title"):
        reason = clean_line(str(parsed.get("bozo_exception", "not a feed")))[:200]
        raise ParseError(f"not a readable feed: {reason or 'no entries'}")
    entries = tuple(_entry(raw, url) for raw in parsed.entries)
    warning = ""
    if parsed.bozo:
        warning = clean_line(str(parsed.get("bozo_exception", "")))[:200]
    return ParsedFeed(
        title=clean_line(parsed.feed.get("title", "")),
        link=_safe_link(parsed.feed.get("link", ""), url),
        entries=entries,
        warning=warning,
    )


def _entry(raw: Any, feed_url: str) -> Entry:
    link = _safe_link(raw.get("link", ""), feed_url)
    title = clean_line(html_to_text(raw.get("title", "")))
    summary_html = raw.get("summary", "")
    if not summary_html and raw.get("content"):
        summary_html = raw["content"][0].get("value", "")
    summary = html_to_text(summary_html)[:_MAX_SUMMARY]
    guid = clean_line(raw.get("id", ""))
    if not title:
        title = summary[:90].split("\n")[0] or link or "(untitled)"
    return Entry(
        guid=guid,
        link=link,
        title=title,
        author=clean_line(raw.get("author", "")),
        published=_date(raw.get("published_parsed") or raw.get("updated_parsed")),
        summary=summary,
    )


def _safe_link(link: str, base: str) -> str:
    """Resolve *link* against the feed's own address and keep only http(s) or local links."""
    link = clean_line(link)
    if not link:
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


def html_to_text(value: str) -> str:
    """HTML fragment → plain text with blank lines between blocks; plain text passes through."""
    if not value:
        return ""
    value = clean_text(value)
    if "<" not in value and "&" not in value:
        return _tidy(value)
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(value)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("script", "style"):
        element.drop_tree()
    return _tidy(clean_text(root.text_content()))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()

