"""Do two claims talk about the same thing, and are two sources the same party?

Status needs both: a denial disputes the claim it shares content words with ("40 drones",
"market"), and a denial or confirmation only counts when it comes from someone else. Words
are compared by their first four letters, a cheap stand-in for stemming that makes "drones"
meet "drone", "fired" meet "fire" and "Iranian" meet "Iran".
"""

from __future__ import annotations

import re

from tui.pipeline.analyze.cues import words

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}|\d[\d,.]*")
_STOP = words(
    """
    that this these those there their them they have been were with from which while would
    could should about after before into over also said says told more most some such than
    then what when where will your only other being does done just like very much many made
    make left against during since because what whose whom here under according report
    reports reported claim claims claimed denied deny denies statement added stated saying
    """
)
_NAME_DROP_RE = re.compile(r"^(?:the|a|an)\s+|['’]s\b|[^\w\s]", re.IGNORECASE)


def content_words(text: str) -> set[str]:
    """Lower-cased four-letter stems of the meaningful words and the numbers in `text`."""
    out: set[str] = set()
    for word in _WORD_RE.findall(text):
        low = word.lower()
        if low in _STOP:
            continue
        out.add(low.replace(",", "") if low[0].isdigit() else low[:4])
    return out


def normal_name(name: str) -> str:
    """A source name for comparison: lower case, no article, possessive or punctuation."""
    return " ".join(_NAME_DROP_RE.sub(" ", name.lower()).split())
