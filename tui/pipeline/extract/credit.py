"""Who made an article: its byline, and the caption and credit of its lead picture.

Bylines come from JSON-LD ``author``, then author meta tags, then markup (an author-name element,
``rel=author``, ``itemprop=author``, a "byline" class, a line that starts with "By"). Markup often
runs the name and the role together ("By Jane Doe, Defence correspondent", "Jane Doe Staff
Reporter"); the role is dropped. A lead caption is the first figure caption of the story; its photo
credit ("(Photo: X/AP)", "Photograph: ...", "— Reuters", a credit <span>) is not part of it.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

_CREDIT_CLASS = re.compile(r"credit|copyright|source|attribution|photographer|byline", re.I)
_TRAILING_CREDIT = re.compile(
    r"(?:\s*[(\[]?\s*(?:photo(?:graph)?s?|image|picture|credit|courtesy|foto)\b\s*(?::|by|\.{3}|…)"
    r"[^()]{0,120}[)\]]?"
    r"|\s*[(\[](?:file(?: photo)?|photo|ap photo[^)]*|[^()]{0,60}(?:/|via )[^()]{0,60})[)\]]"
    r"|\s*[—–-]\s*(?:reuters|ap|afp|epa|getty images|ap photo|file photo)\s*"
    r"|\s*(?:getty images|reuters|afp|ap photo|shutterstock|alamy)\s*)$",
    re.I,
)
_ROLE_WORD = (
    r"(?:correspondent|reporter|writer|editor|journalist|contributor|columnist|producer|staff|"
    r"analyst)s?"
)
_ROLE_QUALIFIER = (
    r"(?:staff|senior|chief|defen[cs]e|political|foreign|security|special|contributing|deputy|"
    r"managing|news|investigative|diplomatic|military|world|national|local|business|associate)"
)
# After a comma or dash anything may qualify the role ("Central Africa correspondent"); after a
# bare space only known qualifiers may, so "Daniel Whitcombe Staff Reporter" keeps its surname.
_ROLE = re.compile(
    rf"(?:\s*(?:,|\s[-–—|])\s*(?:[\w.'’-]+\s+){{0,3}}{_ROLE_WORD}"
    rf"|\s+(?:{_ROLE_QUALIFIER}\s+){{0,2}}{_ROLE_WORD})\s*$",
    re.I,
)
_BY = re.compile(r"^\s*(?:by|from|von|par|por|di)\s*:?\s+", re.I)
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net)/", re.I)
_AUTHOR_META = (
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
)
_BYLINE_XPATHS = (
    "//*[contains(@class, 'author-name') or contains(@class, 'author__name')]",
    "//*[contains(concat(' ', @class, ' '), ' fn ')]",
    "//a[@rel='author']",
    "//*[contains(concat(' ', @itemprop, ' '), ' author ')]",
    "//*[contains(@class, 'byline') or contains(@class, 'author')]",
    "//body//*[self::p or self::div or self::span][starts-with(normalize-space(.), 'By ')]",
)
_AFTER_NAME = re.compile(r"\s+[|•·]\s+.*$")


def read_byline(root: HtmlElement, metas: dict[str, str], ld: list[dict[str, Any]]) -> str:
    """The author names, comma-separated, from the most reliable source that has them."""
    for obj in ld:
        names = _names(obj.get("author"))
        if names:
            return ", ".join(dict.fromkeys(names))
    for key in _AUTHOR_META:
        value = metas.get(key, "")
        if value and not _URLISH.search(value):
            return clean_byline(value)
    for xpath in _BYLINE_XPATHS:
        for el in root.xpath(xpath):
            text = clean_byline(_first_line(el))
            if 0 < len(text.split()) <= 8:
                return text
    return ""


def clean_byline(value: str) -> str:
    """Drop "By" and a trailing role: "By Jane Doe, Defence correspondent" is "Jane Doe"."""
    value = _AFTER_NAME.sub("", _BY.sub("", " ".join(value.split()))).strip(" ,|-–—")
    name = _ROLE.sub("", value).strip(" ,|-–—")
    return name if len(name.split()) >= 2 or len(value.split()) < 2 else value


def _first_line(el: HtmlElement) -> str:
    """The text of *el* up to its first <br>: a byline's role often sits on the next line."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> bool:
        if node.tag == "br":
            return False
        parts.append(node.text or "")
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if not walk(child):
                return False
            parts.append(child.tail or "")
        return True

    walk(el)
    return " ".join("".join(parts).split())


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [] if _URLISH.search(value) else [value.strip()]
    if isinstance(value, dict):
        name = value.get("name")
        return [name.strip()] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def read_lead_caption(root: HtmlElement) -> str:
    """The first figure caption of the story, without its photo credit."""
    for scope in ("//article//", "//main//", "//"):
        for el in root.xpath(scope + "figcaption | " + scope + "*[contains(@class, 'caption')]"):
            text = strip_credit(_text_skipping(el, _CREDIT_CLASS))
            if len(text.split()) >= 2:
                return text
    return ""


def strip_credit(caption: str) -> str:
    """Drop a trailing photo credit: "(Photo: X/AP)", "Photograph: ...", "— Reuters"."""
    previous = None
    while caption != previous:
        previous = caption
        caption = _TRAILING_CREDIT.sub("", caption).strip()
    return caption


def _text_skipping(el: HtmlElement, skip: re.Pattern[str]) -> str:
    """Text of *el* leaving out descendants whose class matches *skip*."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node is not el and skip.search(node.get("class") or ""):
            return
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")

    walk(el)
    return " ".join("".join(parts).split())


def _text(el: HtmlElement) -> str:
    return " ".join("".join(el.itertext()).split())
