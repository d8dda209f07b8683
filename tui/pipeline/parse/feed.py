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

from tui.core.errors import ParseError
from tui.core.models import Entry, ParsedFeed
from tui.core.sanitize import clean_line, clean_text
from tui.pipeline.parse.fields import (
    MAX_ENTRIES,
    MAX_GUID,
    MAX_NAME,
    MAX_SUMMARY,
    MAX_TITLE,
    cut,
    newest,
    safe_link,
)
from tui.pipeline.parse.html_text import html_to_text, tidy
from tui.pipeline.parse.json_feed import is_json_feed, parse_json_feed
from tui.pipeline.parse.plain_feed import read_plain_feed
from tui.pipeline.parse.prep import prepare_feed

__all__ = ["html_to_text", "parse_feed", "parse_plain_feed"]

_POSITION = re.compile(r"<unknown>:(\d+):\d+:\s*")


def parse_feed(
    body: bytes, url: str, headers: Mapping[str, str] | None = None, *, plain: bool = True
) -> ParsedFeed:
    """Parse a feed body. Raises ParseError when it is not a feed at all.

    With *plain* False, feedparser reads every feed (the reference the plain reader is held to).
    """
    if not isinstance(body, bytes):
        raise TypeError("parse_feed takes bytes")
    # Links are resolved below against the feed's own address (local feeds have no URL base).
    if is_json_feed(body, headers or {}):
        return parse_json_feed(body, url)
    data, response_headers = prepare_feed(body, headers or {})
    if plain and (fast := _plain(data, response_headers, url)) is not None:
        return fast
    import feedparser  # 50 ms of imports, for the feeds the plain reader leaves to it

    parsed = feedparser.parse(
        data, response_headers=response_headers, sanitize_html=False, resolve_relative_uris=False
    )
    if parsed.bozo and not parsed.entries and not parsed.feed.get("title"):
        raise ParseError(f"not a readable feed: {_reason(parsed) or 'no entries'}")
    warning = _reason(parsed) if parsed.bozo else ""
    return _feed(parsed.feed, parsed.entries, url, warning)


def parse_plain_feed(
    body: bytes, url: str, headers: Mapping[str, str] | None = None
) -> ParsedFeed | None:
    """The feed read without feedparser when it has a plain shape (`plain_feed`), else None.

    Cheap enough to run in a thread: a refresh needs the process pool only for the rest."""
    if not isinstance(body, bytes):
        raise TypeError("parse_feed takes bytes")
    if is_json_feed(body, headers or {}):
        return parse_json_feed(body, url)
    data, response_headers = prepare_feed(body, headers or {})
    return _plain(data, response_headers, url)


def _plain(data: bytes, headers: Mapping[str, str], url: str) -> ParsedFeed | None:
    plain = read_plain_feed(data, headers.get("content-type", ""))
    return None if plain is None else _feed(plain["feed"], plain["entries"], url, "")


def _feed(feed: Any, raw_entries: Any, url: str, warning: str) -> ParsedFeed:
    kept = newest(raw_entries, MAX_ENTRIES, _stamp)
    return ParsedFeed(
        title=cut(clean_line(_text(feed.get("title", ""), feed.get("title_detail"))), MAX_NAME),
        link=safe_link(feed.get("link", ""), url),
        entries=tuple(_entry(raw, url) for raw in kept),
        warning=warning,
    )


def _entry(raw: Any, feed_url: str) -> Entry:
    link = safe_link(raw.get("link", ""), feed_url)
    title = cut(clean_line(_text(raw.get("title", ""), raw.get("title_detail"))), MAX_TITLE)
    summary, detail = raw.get("summary", ""), raw.get("summary_detail")
    if not summary and raw.get("content"):
        summary, detail = raw["content"][0].get("value", ""), raw["content"][0]
    summary = _text(summary, detail)[:MAX_SUMMARY]
    guid = clean_line(raw.get("id", ""))[:MAX_GUID]
    if not title:
        title = summary[:90].split("\n")[0] or link or "(untitled)"
    return Entry(
        guid=guid,
        link=link,
        title=title,
        author=cut(clean_line(raw.get("author", "")), MAX_NAME),
        published=_date(raw.get("published_parsed") or raw.get("updated_parsed")),
        summary=summary,
    )


def _reason(parsed: Any) -> str:
    """feedparser's complaint as one short line: "unclosed token (line 8)", not "<unknown>:8:0"."""
    text = clean_line(str(parsed.get("bozo_exception", "")))
    where = _POSITION.match(text)
    if where:
        text = f"{text[where.end() :]} (line {where.group(1)})"
    return cut(text, 200)


def _text(value: Any, detail: Any) -> str:
    """Plain text of a feed field: HTML is flattened, text/plain kept as written."""
    value = value if isinstance(value, str) else ""
    if isinstance(detail, dict) and detail.get("type") == "text/plain":
        return tidy(clean_text(value))
    return html_to_text(value)


def _stamp(raw: Any) -> float | None:
    when = _date(raw.get("published_parsed") or raw.get("updated_parsed"))
    return when.timestamp() if when else None


def _date(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, TypeError, OSError):
        return None
