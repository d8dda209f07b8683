"""JSON Feed (jsonfeed.org, versions 1 and 1.1) → ParsedFeed, since feedparser reads only XML.

Recognised by its content type (`application/feed+json`) or by a `version` field naming
jsonfeed.org at the top of a JSON object. Every field goes through the same cleaning as the
XML path (py): control characters and escapes stripped, HTML flattened, lengths capped,
links resolved against the feed's address and kept only when http(s).
"""

from __future__ import annotations

import json
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

_MARK = b"jsonfeed.org/version/"


def is_json_feed(body: bytes, headers: Mapping[str, str]) -> bool:
    """Cheap test before any parsing: the content type, or a JSON object naming jsonfeed.org."""
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if "feed+json" in content_type.lower():
        return True
    head = body[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"{") and _MARK in head


def parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    """Parse a JSON Feed body (the byte cap was applied by the fetch). Raises ParseError."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ParseError(f"not a readable JSON feed: {str(exc)[:120]}") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ParseError("not a readable JSON feed: no list of items")
    items = [item for item in data["items"] if isinstance(item, dict)]
    entries = [_entry(item, url, _author(data)) for item in newest(items, MAX_ENTRIES, _stamp)]
    return ParsedFeed(
        title=cut(clean_line(_str(data.get("title"))), MAX_NAME),
        link=safe_link(_str(data.get("home_page_url")), url),
        entries=tuple(entries),
        warning="",
    )


def _entry(item: Mapping[str, Any], feed_url: str, feed_author: str) -> Entry:
    link = safe_link(_str(item.get("url")) or _str(item.get("external_url")), feed_url)
    html, text = _str(item.get("content_html")), _str(item.get("content_text"))
    summary = _str(item.get("summary"))
    if summary:
        body = html_to_text(summary)
    elif html:
        body = html_to_text(html)
    else:
        body = tidy(clean_text(text))
    body = body[: MAX_SUMMARY]
    title = cut(clean_line(_str(item.get("title"))), MAX_TITLE)
    return Entry(
        guid=clean_line(_str(item.get("id")))[: MAX_GUID],
        link=link,
        title=title or body[:90].split("\n")[0] or link or "(untitled)",
        author=cut(clean_line(_author(item) or feed_author), MAX_NAME),
        published=_date(item.get("date_published") or item.get("date_modified")),
        summary=body,
    )


def _str(value: Any) -> str:
    """JSON values from strangers: only strings count (ids may be numbers in version 1)."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _author(node: Mapping[str, Any]) -> str:
    """Version 1.1 `authors` (a list), else version 1 `author` (an object)."""
    authors = node.get("authors")
    people = authors if isinstance(authors, list) else [node.get("author")]
    names = [_str(p.get("name")) for p in people if isinstance(p, dict)]
    return ", ".join(n for n in names if n)


def _stamp(item: Mapping[str, Any]) -> float | None:
    when = _date(item.get("date_published") or item.get("date_modified"))
    return when.timestamp() if when else None


def _date(value: Any) -> datetime | None:
    """RFC 3339 as JSON Feed requires; anything else is no date, not an error."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
