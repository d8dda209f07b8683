"""What looks like a name and is none: vessels' names, a name cut by an editor's bracket, the
capitals of a title-case headline, empty spans.
"""

from __future__ import annotations

from tui.pipeline.analyze import labels, outlets
from tui.pipeline.analyze.grouping import Found


def drop(text: str, found: list[Found], context: int, model: int) -> list[Found]:
    """Drop what is not a name: anything inside a vessel's name ("the Maersk Gibraltar"), a
    name cut by an editor's bracket ("(Israeli Prime Minister Benjamin) Netanyahu" gives no
    "Benjamin"), a word of a title-case headline that nothing else in the text supports, and
    empty spans."""
    ships = outlets.ship_names(text)
    headline_lines = _title_case_lines(text)
    supported = {text[m.start : m.end] for m in found if m.rank >= context}
    kept = []
    for m in found:
        if m.end <= m.start or not text[m.start : m.end].strip():
            continue
        if any(s < m.end and m.start < e for s, e in ships):
            continue
        if _cut_by_bracket(text, m.start, m.end):
            continue
        if m.rank <= model and any(s <= m.start and m.end <= e for s, e in headline_lines):
            surface = text[m.start : m.end]
            elsewhere = text.count(surface) > 1 or surface in supported
            if not elsewhere and labels.lookup_unlabelled(surface) is None:
                continue
        kept.append(m)
    return kept


def _cut_by_bracket(text: str, start: int, end: int) -> bool:
    """Whether a name ends at a closing bracket that a bracket before it opened, with more of
    the name after it: "(... Benjamin) Netanyahu"."""
    if not text.startswith(") ", end) or not text[end + 2 : end + 3].isupper():
        return False
    opened = text.rfind("(", max(0, start - 80), start)
    return opened != -1 and ")" not in text[opened:start]


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case, as headlines are ("Russia Says Troops Took Two Villages"),
    not in capitals (those are read by grouping.propagate)."""
    spans = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w not in _SMALL_WORDS and w[:1].isalpha()]
        byline = line.startswith(("By ", "by "))  # "By Vivian Yee and Iyad Abuheweila": names
        if (
            len(words) >= 4
            and not line.isupper()
            and "(" not in line
            and ";" not in line
            and not byline
        ):
            capitalised = sum(w[:1].isupper() for w in words)
            if capitalised >= 0.8 * len(words):
                spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


# Words that title case leaves in lower case ("Strikes Kill 38 in South Gaza as Talks Stall").
# fmt: off
_SMALL_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "by", "for", "from",
    "with", "as", "via", "vs", "v", "per", "into", "over", "amid",
))
# fmt: on
