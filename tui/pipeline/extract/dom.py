"""Parse a page and strip what can never be reading text, before anyone looks for the story.

Three passes over the lxml tree, cheapest first: tags that hold no prose (scripts, form controls,
media, figure captions), elements the page hides from readers (``hidden``, ``display:none``), then
elements whose tag or class/id/role names them as page furniture (navigation, share bars, consent
banners, related links, captions; the vocabulary lives in ``clean``). The last pass is guarded:
an element holding 40% or more of the page's text outside links stays, because sites name their
article wrappers after what they hold ("content-with-sidebar", "post has-comments paywall") or put
the whole page inside a ``<form>``. Weak names (ads, bylines, captions, widgets) also stay on an
element holding more prose than such a box ever does, on boxes of one name that together hold
the page's text (a post wrapped paragraph by paragraph in "byline-author" spans, a photo story
told in "caption" boxes), and around the element the page marks as the story's body (a blog
engine's "widget Blog" around its "post-body entry-content"). Only a footer goes whatever it
holds. A wrapper around an embedded social post ("social-embed") stays too: the story quotes it.

``aria-hidden`` is not taken as hidden: it hides from screen readers only, and pages set it on
visible text.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from tui.core.sanitize import clean_text
from tui.pipeline.extract import clean
from tui.pipeline.extract.body import is_link_element

# lxml.html's parser: the same libxml2 parse, with elements of the public HtmlElement class
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_NO_PROSE = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "picture", "img", "button", "select", "textarea", "input",
    "dialog", "link", "meta", "map", "head", "title", "figcaption",
)  # fmt: skip
_FURNITURE_TAGS = frozenset(("nav", "aside", "footer", "header", "form", "menu"))
_EMBED = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-xfbml|reddit-embed|embed", re.I)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_GUARD_SHARE = 0.4
_NUMBERED = re.compile(r"\d")  # "attachment_528", "post-1227": one item's name, not its kind
_WEAK_PROSE = 1500  # characters of prose outside links no ad, byline or caption box holds
# What lxml refuses in a tree's text (XML 1.0 excludes it): C0 controls but tab, newline and
# carriage return, lone surrogates, U+FFFE and U+FFFF. Pages carry them as stray bytes, as
# character references ("&#1;") and as surrogates from a broken decode; none is ever reading text.
_ESCAPE = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")  # starts of ESC/C1 sequences
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_html(html: str) -> HtmlElement | None:
    """Parse *html* leniently; None when there is no document at all."""
    html = _XML_DECL.sub("", xml_safe(html).lstrip("\ufeff"), count=1)
    if not html.strip():
        return None
    try:
        root = etree.fromstring(html, _PARSER)
    except (etree.LxmlError, ValueError):
        return None
    return root


def xml_safe(text: str) -> str:
    """*text* without the characters lxml refuses (see _NOT_XML).

    A terminal escape sequence goes whole first (sanitize.clean_text): stripping only its ESC
    would leave "[2J" behind as text.
    """
    if _ESCAPE.search(text):
        text = clean_text(text)
    return _NOT_XML.sub("", text)


def drop(el: HtmlElement) -> None:
    """Remove *el* and its subtree but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = xml_safe((prev.tail or "") + tail)
        else:
            parent.text = xml_safe((parent.text or "") + tail)
    parent.remove(el)


def prune(root: HtmlElement) -> None:
    """Remove non-prose, hidden and furniture elements from *root* in place."""
    strip_unseen(root)
    prune_furniture(root)


def strip_unseen(root: HtmlElement) -> None:
    """Remove what a reader never sees as text: scripts, media, controls, hidden elements."""
    for el in list(root.iter(*_NO_PROSE)):
        drop(el)
    for el in list(root.iter()):
        if _is_hidden(el):
            drop(el)


def prune_furniture(root: HtmlElement) -> None:
    """Remove elements named or tagged as page furniture, unless they hold the story."""
    body = root.find("body")
    scope = body if body is not None else root
    weight = _prose_weights(scope)
    limit = weight.get(scope, 0) * _GUARD_SHARE
    named: list[tuple[HtmlElement, int]] = []
    marked: list[HtmlElement] = []
    for el in scope.iter():  # document order: an ancestor is decided before its descendants
        if el is scope or not isinstance(el.tag, str):
            continue
        names = attr_names(el)
        strength = clean.furniture_strength(names)
        if strength == 0 and el.tag in _FURNITURE_TAGS:
            strength = clean.STRONG
        if strength:
            named.append((el, strength))
        if clean.is_story_body(f"{names} {el.get('itemprop', '')}"):
            marked.append(el)
    kin = _kin_prose([el for el, strength in named if strength == clean.WEAK])
    story = max(marked, key=lambda el: weight.get(el, 0)) if marked else None
    holds_story = set(story.iterancestors()) if story is not None else set()
    removed: set[HtmlElement] = set()
    for el, strength in named:
        if any(a in removed for a in el.iterancestors()):
            continue
        if any(_EMBED.search(q.get("class", "")) for q in el.iter("blockquote")):
            continue  # an embedded post quoted by the story, inside a "social-embed" wrapper
        prose = weight.get(el, 0)
        if strength == clean.WEAK and (
            prose > _WEAK_PROSE or kin.get(el, 0) >= limit or el in holds_story
        ):
            continue
        if strength == clean.ALWAYS or prose < limit:
            removed.add(el)
            drop(el)


def _kin_prose(elements: list[HtmlElement]) -> dict[HtmlElement, int]:
    """Distinct prose held by each element's kin: the elements of its tag and class names (less
    numbered ones). A site that wraps every paragraph or picture of a story in the same
    "byline-author" span or "caption-image" box shows it by repetition: together they hold the
    page's text, which no real byline or caption does. A line the boxes repeat ("Mouseover
    photo to add a note") counts once: repetition of the same words is furniture again."""
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for el in elements:
        words = [w for w in el.get("class", "").split() if not _NUMBERED.search(w)]
        if words:
            groups.setdefault((el.tag, " ".join(words)), []).append(el)
    kin: dict[HtmlElement, int] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        inner = set(members)
        seen: set[str] = set()
        for el in members:
            if not any(a in inner for a in el.iterancestors()):
                seen.update(_prose_runs(el))
        total = sum(map(len, seen))
        for el in members:
            kin[el] = total
    return kin


def _prose_runs(el: HtmlElement) -> list[str]:
    """The runs of text in *el*'s subtree outside links, whitespace collapsed."""
    runs = []
    for d in el.iter():
        if not isinstance(d.tag, str) or is_link_element(d):
            continue
        if d.text and not any(is_link_element(a) for a in d.iterancestors()):
            runs.append(" ".join(d.text.split()))
        for child in d:
            if child.tail:
                runs.append(" ".join(child.tail.split()))
    return [r for r in runs if r]


def attr_names(el: HtmlElement) -> str:
    attrs = el.attrib
    if not attrs:
        return ""
    return f"{attrs.get('class', '')} {attrs.get('id', '')} {attrs.get('role', '')}"


def _is_hidden(el: HtmlElement) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _prose_weights(scope: HtmlElement) -> dict[HtmlElement, int]:
    """Characters of text outside links in each element's subtree (one bottom-up pass)."""
    weight: dict[HtmlElement, int] = {}
    order = list(scope.iter())
    linked = {d for a in scope.iter("a") if is_link_element(a) for d in a.iter()}
    for el in order:
        if el in linked or not isinstance(el.tag, str):
            continue
        own = len(el.text.strip()) if el.text else 0
        for child in el:
            if child.tail:
                own += len(child.tail.strip())
        weight[el] = own
    for el in reversed(order):
        parent = el.getparent()
        if parent is not None and el in weight:
            weight[parent] = weight.get(parent, 0) + weight[el]
    return weight
