"""Short names two countries share: "Congo" alone is the Democratic Republic of the Congo, as
news copy writes it, unless the article names only its neighbour in full ("Republic of Congo",
"Congo-Brazzaville"). Canonical sources and affiliations read the article's reading once
(canonical.Namer)."""

from __future__ import annotations

import functools

from tui.pipeline.analyze import sides
from tui.pipeline.analyze.datafiles import rows


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def named_in_full(text: str) -> dict[str, str]:
    """The country a short name means in this article, when two countries share it and the
    article names the less usual one in full: "Congo" alone is the DR Congo (as news copy
    writes it, data/country_aliases.tsv), but after "Republic of Congo" or "Congo Republic",
    with no name of the DR Congo on the page, it is the Republic of the Congo. Only a word that
    is no country's own name ("Congo", not "Sudan" after "South Sudan")."""
    folded = _fold(text)
    own = {_fold(n) for n in sides.capitals().values()}
    written = written_names()
    found = _whole_names(folded)
    out: dict[str, str] = {}
    for alias in found:
        full, words = sides.aliases()[alias], alias.replace("-", " ").split()
        for word in words if len(words) > 1 else ():
            other = sides.country(word.capitalize()) if word not in own else None
            if other is not None and other != full and not any(
                sides.aliases()[a] == other and a != word for a in found & written
            ):
                out[other] = full
    return out


@functools.cache
def written_names() -> frozenset[str]:
    """The names of data/country_aliases.tsv (not the adjectives read backwards: "Congolese"
    is the people of both Congos)."""
    return frozenset(_fold(row[0]) for row in rows("country_aliases.tsv") if len(row) > 1)


def _joined(folded: str, at: int, step: int) -> bool:
    """Whether the character at `at` joins the name to a word: a letter or digit, or a hyphen
    with one after it ("Congo-Brazzaville"; not "(Reuters) -Democratic Republic of Congo")."""
    if not 0 <= at < len(folded):
        return False
    beyond = at + step
    return folded[at].isalnum() or (
        folded[at] == "-" and 0 <= beyond < len(folded) and folded[beyond].isalnum()
    )


def _whole_names(folded: str) -> set[str]:
    """The aliases written in `folded`, each a whole name, not part of a longer one found
    ("Republic of Congo" inside "Democratic Republic of Congo" is not found)."""
    spans = []
    for alias in sides.aliases():
        start = folded.find(alias)
        while start >= 0:
            end = start + len(alias)
            if not (_joined(folded, start - 1, -1) or _joined(folded, end, 1)):
                spans.append((start, end, alias))
            start = folded.find(alias, start + 1)
    return {
        alias
        for lo, hi, alias in spans
        if not any(a <= lo and hi <= b and (a, b) != (lo, hi) for a, b, _ in spans)
    }
