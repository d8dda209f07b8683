"""Read an article's title, byline, publication time and lead caption from the unpruned page.

Publishers state these several ways at once: Open Graph and ``article:*`` meta tags, JSON-LD
(``NewsArticle`` with ``headline``, ``author``, ``datePublished``), schema.org microdata
(``itemprop``), and plain markup (``<h1>``, ``<time datetime>``, ``rel=author``, ``<figcaption>``).
Each field takes the first source that yields a usable value, structured data first because it
is what publishers feed to search engines and keep correct. Times come back aware, in UTC; a
time without a zone is taken as UTC rather than guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement

from tui.pipeline.extract.credit import read_byline, read_lead_caption

_EARLIEST_YEAR = 1990
_ZULU = re.compile(r"[Zz]$")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—·:»]|-|::)\s+")
_DATE_META = (
    "og:published_time", "published_time", "datepublished",
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
    "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "cxenseparse:recs:publishtime", "originalpublicationdate",
)  # fmt: skip
_TITLE_META = ("og:title", "twitter:title")


@dataclass(frozen=True, slots=True)
class Meta:
    """What the page says about its article; empty strings and None when it does not say."""

    title: str = ""
    byline: str = ""
    published: datetime | None = None
    lead_caption: str = ""


def read_meta(root: HtmlElement) -> Meta:
    """Collect the metadata of a parsed page (call before pruning: it reads <head>)."""
    metas = _meta_tags(root)
    ld = _json_ld(root)
    return Meta(
        title=_title(root, metas, ld),
        byline=read_byline(root, metas, ld),
        published=_published(root, metas, ld),
        lead_caption=read_lead_caption(root),
    )


def headlines(root: HtmlElement) -> frozenset[str]:
    """The page's headline as written in <title>, og:title and <h1>, normalised for comparison."""
    found = [_text(h1) for h1 in root.iter("h1")]
    for el in root.iter("title"):
        found.append(_text(el))
        found.extend(_TITLE_SEPARATORS.split(_text(el)))
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in _TITLE_META:
            found.append(meta.get("content") or "")
    return frozenset(n for n in map(normalise_headline, found) if len(n.split()) >= 3)


def normalise_headline(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .:;!?\"'“”‘’")


def _text(el: HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())


def _meta_tags(root: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(root: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph members flattened in."""
    objects: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return [o for o in objects if _is_article(o)] + [o for o in objects if not _is_article(o)]


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.endswith(("Article", "Posting", "Report")) for k in kinds)


def _title(root: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]) -> str:
    for key in _TITLE_META:
        if metas.get(key):
            return _strip_site(metas[key], metas)
    for obj in ld:
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return obj["headline"].strip()
    h1 = next(root.iter("h1"), None)
    if h1 is not None and _text(h1):
        return _text(h1)
    title = next(root.iter("title"), None)
    return _strip_site(_text(title), metas) if title is not None else ""


def _strip_site(title: str, metas: dict[str, str]) -> str:
    """Drop a trailing " | Site name" when the rest still reads as a headline."""
    title = " ".join(title.split())
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site = metas.get("og:site_name", "").lower()
    last = parts[-1].strip().lower()
    head = title[: title.rfind(parts[-1])].rstrip(" |–—·:»-")
    if (site and (last in site or site in last)) or (len(last.split()) <= 3 < len(head.split())):
        return head
    return title


def _published(
    root: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]
) -> datetime | None:
    candidates = [metas.get("article:published_time", "")]
    candidates += [obj["datePublished"] for obj in ld if isinstance(obj.get("datePublished"), str)]
    candidates += [metas.get(key, "") for key in _DATE_META]
    for el in root.xpath("//*[@itemprop='datePublished']"):
        candidates.append(el.get("content") or el.get("datetime") or _text(el))
    candidates += [t.get("datetime", "") for t in root.iter("time")]
    for value in candidates:
        when = parse_time(value)
        if when is not None:
            return when
    return None


def parse_time(value: str) -> datetime | None:
    """An ISO 8601 or RFC 2822 timestamp as an aware UTC datetime, or None."""
    value = (value or "").strip()
    if not value:
        return None
    when: datetime | None
    try:
        when = datetime.fromisoformat(_ZULU.sub("+00:00", value).replace(" ", "T", 1))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if when.year < _EARLIEST_YEAR:
        return None  # a CMS placeholder such as 0001-01-01, not a publication time
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)
