"""Feed summaries and titles: an HTML fragment reduced to plain text, in linear time.

Why not lxml here: libxml2's HTML parser checks each new attribute against the element's earlier
ones, so a 4 MB summary holding one tag with 200,000 attributes took five minutes. A feed is
fetched from a stranger and parsed in the refresh, so this scanner only ever moves forward: each
search starts where the last one ended and its patterns cannot backtrack, whatever the input.

Scripts, styles, templates and comments are dropped, block elements become paragraph breaks (a
blank line), `<br>` a line break, entities are decoded, and control characters are removed.
"""

from __future__ import annotations

import html
import re

from tui.core.sanitize import clean_text

_BLOCKS = frozenset(
    ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
    + ("table", "hr", "pre", "section", "article", "header", "footer", "figure", "figcaption")
    + ("dl", "dt", "dd", "aside", "main", "nav", "address")
)
_CELLS = frozenset(("td", "th"))
_RAW_TEXT = frozenset(("script", "style", "template"))  # their content is never text
# A tag (attributes with quoted values may hold '<' and '>'), or a comment, CDATA, declaration or
# processing-instruction opener. Name, quoted and unquoted values start with different
# characters and every group is atomic, so a failed match never backtracks into earlier ones.
_ATTRIBUTE = r"""(?>\s*[^\s=>/<"']+(?>\s*=\s*(?>"[^"]*"|'[^']*'|[^\s>"'<][^\s<>]*))?)"""
_MARKUP = re.compile(rf"<(/?)([A-Za-z][\w:-]*){_ATTRIBUTE}*+\s*/?>|<!--|<![^<>]*>|<\?[^<>]*>")
_CLOSERS = {name: re.compile(rf"</{name}\s*>", re.I) for name in _RAW_TEXT}
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


def html_to_text(value: str) -> str:
    """HTML fragment → plain text with blank lines between blocks; plain text passes through."""
    if not value:
        return ""
    value = clean_text(value)
    if "<" not in value and "&" not in value:
        return tidy(value)
    out: list[str] = []
    position = 0
    while (match := _MARKUP.search(value, position)) is not None:
        out.append(html.unescape(value[position : match.start()]))
        position = match.end()
        token = match.group()
        if token == "<!--":
            end = value.find("-->", position)
            position = len(value) if end < 0 else end + 3
            continue
        name = (match.group(2) or "").lower()
        if name in _RAW_TEXT and not match.group(1) and not token.endswith("/>"):
            closer = _CLOSERS[name].search(value, position)
            position = len(value) if closer is None else closer.end()
        elif name in _BLOCKS:
            out.append("\n\n")
        elif name == "br":
            out.append("\n")
        elif name in _CELLS:
            out.append(" ")
    out.append(html.unescape(value[position:]))
    return tidy(clean_text("".join(out)))


def tidy(text: str) -> str:
    """One space between words, no blank runs: paragraphs separated by exactly one blank line."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
