"""What the rest of the document says about a name the model calls a person.

A span's own words (person_spans.py) cannot tell "Garlic" at a sentence's head, "Raid Kills"
in a headline or a village after "in" from a surname: the document can. A person is named again
with a title, a given name or a speech verb; a common word is written in lower case elsewhere;
a headline's guess is not named again below it; a place is where things happen ("in X",
"near X") and never speaks. These rules read the whole text, after the mentions are resolved
(entities.py), and change only what the model alone said.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import aliases, given_names
from tui.pipeline.analyze.grouping import Found


def headline_guess(text: str, start: int, end: int) -> bool:
    """Whether the model's person text[start:end] is a guess from a headline's capitals: it
    sits in a Title Case first line ("ISWAP Raid Kills Six Soldiers at Borno Military Base")
    and is not named again below it. In such a line every word has a name's shape, and some
    are given names too ("Raid"), so only the body can say which ones are names."""
    line_end = text.find("\n")
    if line_end == -1 or end > line_end:
        return False
    words = text[:line_end].split()
    capitals = sum(1 for w in words if w[:1].isupper())
    if len(words) < 4 or capitals < 0.6 * len(words) or text[:line_end].rstrip().endswith("."):
        return False
    surface = text[start:end]
    return re.search(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text[line_end:]) is None


def common_words(text: str, found: list[Found], below: int) -> list[Found]:
    """The mentions without the persons of one word that the text itself writes in lower case
    elsewhere ("Barter has always been ...", "Qualifier vs. ...", "barter deals"): a word the
    writer also uses as a common noun or adjective is one at the head of a sentence or a table
    row, unless it is a given name ("Said"), a title stands before it, or it is a word of a
    longer person's name in the text ("Gordon Brown ... Brown said"). Only mentions ranked
    below `below` (the model's) are judged; a rule's person stays."""
    parts = {
        word for m in found if m.type == "PERSON" for word in text[m.start : m.end].split()[1:]
    }
    kept = []
    for m in found:
        surface = text[m.start : m.end]
        if (
            m.type == "PERSON"
            and m.rank < below
            and " " not in surface
            and surface[:1].isupper()
            and not surface.isupper()
            and surface not in parts
            and not given_names.is_given_name(surface)
            and not _titled(text, m.start)
            and re.search(rf"(?<![\w'’-]){re.escape(surface.lower())}(?![\w'’-])", text)
        ):
            continue
        kept.append(m)
    return kept


def _titled(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].split()
    return bool(before) and aliases.is_title(before[-1].rstrip("."))
