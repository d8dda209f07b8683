"""Do two claims talk about the same thing, and are two sources the same party?

Status needs both: a denial disputes the claim it shares content words with ("40 drones",
"market"), and a denial or confirmation only counts when it comes from someone else. Words
are compared by their first four letters, a cheap stand-in for stemming that makes "drones"
meet "drone", "fired" meet "fire" and "Iranian" meet "Iran".
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import sides
from tui.pipeline.analyze.cues import words

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}|\d[\d,.]*")
_STOP = words(
    """
    that this these those there their them they have been were with from which while would
    could should about after before into over also said says told more most some such than
    then what when where will your only other being does done just like very much many made
    make left against during since because what whose whom here under according report
    reports reported claim claims claimed denied deny denies statement added stated saying
    others another
    back down away along apart aside ahead around forward forwards together onto upon toward
    towards across through within without
    """
)
# The second line's words are particles and prepositions ("bring them back", "shot down",
# "pushed forward"): they name no topic, and their four letters meet words that do ("back" /
# "backing the group", "down" / "downtown").
_NAME_DROP_RE = re.compile(r"^(?:the|a|an)\s+|['’]s\b|[^\w\s]", re.IGNORECASE)


# Words of one family that claims about the same event use interchangeably ("killed" / "losses"
# / "death toll"): each stands for its family's key, so a denial of "the losses" meets a claim
# that soldiers were "killed".
_FAMILIES = {
    word: family
    for family, members in (
        ("#dead", "killed kill kills killing dead death deaths died die dies losses casualties "
         "toll tolls bodies fatalities wounded injured"),
        ("#downed", "downed intercepted intercept shot"),
    )
    for word in members.split()
}


def content_words(text: str) -> set[str]:
    """Lower-cased four-letter stems of the meaningful words and the numbers in `text`."""
    out: set[str] = set()
    for word in _WORD_RE.findall(text):
        low = word.lower()
        if low in _STOP:
            continue
        if low in _FAMILIES:
            out.add(_FAMILIES[low])
            continue
        out.add(low.replace(",", "") if low[0].isdigit() else low[:4])
    return out


def profile(text: str) -> dict[str, str]:
    """Content words of `text` by kind: "num" (a number), "name" (a capitalised word that is no
    country or demonym), "side" (a country or demonym: "Russian"), "family" (see `_FAMILIES`),
    "word". Evidence weighs them differently (evidence.py): "Ukrainian" is shared by half the
    claims of an article about Ukraine; "Oleshky" or "40" ties two statements together."""
    out: dict[str, str] = {}
    for match in _WORD_RE.finditer(text):
        word = match.group()
        low = word.lower()
        if low in _STOP:
            continue
        if low in _FAMILIES:
            out[_FAMILIES[low]] = "family"
        elif low[0].isdigit():
            out[low.replace(",", "")] = "num"
        elif word[0].isupper():
            kind = "side" if sides.country(word) is not None else "name"
            out.setdefault(low[:4], kind)
        else:
            out.setdefault(low[:4], "word")
    return out


def normal_name(name: str) -> str:
    """A source name for comparison: lower case, no article, possessive or punctuation."""
    return " ".join(_NAME_DROP_RE.sub(" ", name.lower()).split())
