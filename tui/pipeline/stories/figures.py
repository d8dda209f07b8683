"""Figures: the numbers claims give for casualties and weapons, gathered across outlets.

amounts.py finds the amounts in each claim of a story's ledger rows; here equal amounts of one
quantity of one kind of thing from one speaker become one figure with every outlet's mention,
and `side_by_side` lays a story's figures out quantity by quantity:
"killed: 23 (residents) · 27 (local official) · 0 civilians (army)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.pipeline.stories.amounts import QUANTITIES, Amount, amounts_in
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.ledger import LedgerRow
from tui.pipeline.stories.scope import NO_SCOPE, Scope, is_increment, is_part, is_update, scope_of

__all__ = [
    "QUANTITIES", "Figure", "FigureMention", "amount_text", "in_order", "outlet_figures",
    "side_by_side", "story_figures",
]  # fmt: skip

# A vague amount written as a scale's plural counts its noun with "of" ("dozens of fighters").
_SCALE_PLURALS = frozenset(("dozens", "scores", "tens", "hundreds", "thousands", "millions"))
_NEAR = 80  # characters either side of an amount read for its update and part cues
# A sentence: up to a full stop, question or exclamation mark (and a closing quotation mark)
# before a space, or a paragraph's end.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?][\"”’']?(?=\s)|$)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FigureMention:
    article_id: str
    url: str
    feed: str
    time: float
    start: int
    end: int
    text: str
    row_id: str
    scope: Scope = NO_SCOPE  # of the claim that gives it
    update: bool = False  # raises an earlier count ("the toll rose to 19")
    part: bool = False  # a part of a total ("among the dead were 11 children")


@dataclass(frozen=True, slots=True)
class Figure:
    """Equal amounts of one quantity given by one speaker, in every outlet that carries them."""

    what: str
    low: int
    high: int
    words: str
    of: str
    kind: str
    source: str
    source_key: str
    mentions: tuple[FigureMention, ...]

    @property
    def value(self) -> int | str:
        """The number, or the words of a range ("dozens")."""
        return self.low if self.low == self.high else self.words


def story_figures(rows: Iterable[LedgerRow], texts: dict[str, str]) -> list[Figure]:
    """The figures of a story's ledger rows, equal amounts of one speaker gathered."""
    groups: dict[tuple[object, ...], list[tuple[LedgerRow, Amount, FigureMention]]] = {}
    for row in rows:
        for m in row.mentions:
            text = texts[m.article_id]
            lo = m.content_start
            own = " " * lo + m.content  # the claim's own words, at their offsets
            for amount in amounts_in(own, lo, lo + len(m.content)):
                before = own[max(lo, amount.start - _NEAR) : amount.start]
                after = own[amount.end : amount.end + _NEAR]
                mention = FigureMention(
                    m.article_id, m.url, m.feed, m.time, amount.start, amount.end,
                    text[amount.start : amount.end], row.id, m.scope,
                    is_update(before),
                    is_part(before, after) or is_increment(text[amount.start : amount.end]),
                )  # fmt: skip
                key = (amount.what, amount.kind, amount.low, amount.high, row.source_key)
                groups.setdefault(key, []).append((row, amount, mention))
    figures = []
    for (what, kind, low, high, source_key), found in groups.items():
        row, amount, _ = found[0]
        mentions = tuple(dict.fromkeys(m for _, _, m in found))
        figures.append(
            Figure(what, low, high, amount.words, amount.of, kind, row.source, source_key, mentions)
        )
    return in_order(figures)


def in_order(figures: Iterable[Figure]) -> list[Figure]:
    """Figures quantity by quantity (killed first), then by kind, amount and source."""
    return sorted(figures, key=lambda f: (QUANTITIES.index(f.what), f.kind, f.low, f.source))


def outlet_figures(articles: Sequence[StoryArticle]) -> list[Figure]:
    """Tolls an outlet gives in its own voice, in a sentence no claim of its article is in
    ("Six people were killed in the blast."): the outlet is their source, one figure per
    outlet and amount. A count since a date or of an earlier event is no toll of this one
    (scope.py), nor a part of a total or an update; these figures pair with no claim."""
    groups: dict[tuple[object, ...], list[tuple[Amount, FigureMention]]] = {}
    for article in articles:
        text = article.text
        spans = [(c.start, c.end) for c in article.claims]
        for sentence in _SENTENCE.finditer(text):
            lo, hi = sentence.start(), sentence.end()
            if any(a < hi and lo < b for a, b in spans):
                continue
            found = amounts_in(text, lo, hi)
            if not found:
                continue
            scope = scope_of(text[lo:hi], lo, article)
            if scope.generic or scope.frame != "event":
                continue
            for amount in found:
                before, after = text[lo : amount.start], text[amount.end : hi]
                words = text[amount.start : amount.end]
                if is_update(before) or is_part(before, after) or is_increment(words):
                    continue
                mention = FigureMention(
                    article.id, article.url, article.feed, article.timestamp, amount.start,
                    amount.end, words, "", scope,
                )  # fmt: skip
                key = (amount.what, amount.kind, amount.low, amount.high, article.feed)
                groups.setdefault(key, []).append((amount, mention))
    figures = []
    for (what, kind, low, high, feed), found in groups.items():
        amount = found[0][0]
        mentions = tuple(m for _, m in found)
        figures.append(
            Figure(what, low, high, amount.words, amount.of, kind, feed, f"outlet:{feed}", mentions)
        )
    return figures


def amount_text(figure: Figure) -> str:
    """The amount and what it counts: "23", "dozens of fighters", "two dozen" as 24 fighters."""
    noun = "" if figure.kind == "people" else f" {figure.of}"
    if noun and str(figure.value).split()[-1].lower() in _SCALE_PLURALS:
        noun = " of" + noun  # "dozens of fighters", as "two dozen fighters" stays
    return f"{figure.value}{noun}"


def side_by_side(figures: Iterable[Figure]) -> dict[str, str]:
    """Each quantity's figures on one line: "killed: 23 (residents) · 27 (local official)"."""
    lines: dict[str, list[str]] = {}
    for f in figures:
        lines.setdefault(f.what, []).append(f"{amount_text(f)} ({f.source})")
    return {what: f"{what}: " + " · ".join(parts) for what, parts in lines.items()}
