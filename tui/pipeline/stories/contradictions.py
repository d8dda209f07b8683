"""Contradictions: pairs of ledger rows of different speakers that cannot both be right.

Three kinds, each between rows of two different speakers that do not speak for one party:
- `denial`: a row of denials (a claim the analysis marked denied) against a row it answers:
  one the analysis marked disputed earlier in an article that carries the denial, or one whose
  statement shares DENIAL_OVERLAP of the denial's own statement (negations set aside: "did not
  strike homes" answers "struck homes");
- `dispute`: two rows on opposite poles of one family of incompatible accounts
  (lexicon.OPPOSITIONS: a military objective or homes and civilians; a place taken or held; a
  target hit or unharmed), each on one pole only, neither a denial;
- `figures`: two speakers' different amounts for the same quantity of the same kind of thing,
  given within FIGURE_HOURS of each other; a toll that rises over days is an update, and the
  same speaker's amounts never contradict each other.
A pair found as a denial is not reported again as a dispute. In each pair `a` is the row that
answers (the denial, or the later one) and `b` the row answered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.pipeline.stories import lexicon
from tui.pipeline.stories.figures import Figure
from tui.pipeline.stories.ledger import LedgerRow, overlap
from tui.pipeline.stories.words import pole_keys

DENIAL_OVERLAP = 0.5
FIGURE_HOURS = 24.0
KINDS = ("denial", "dispute", "figures")


@dataclass(frozen=True, slots=True)
class Contradiction:
    a: str  # row id of the row that answers
    b: str  # row id of the row answered
    kind: str  # one of KINDS


_POLES = tuple((pole_keys(one), pole_keys(other)) for one, other in lexicon.OPPOSITIONS)
_ACTS = pole_keys(lexicon.ACTS)


def find_contradictions(rows: list[LedgerRow], figures: Iterable[Figure]) -> list[Contradiction]:
    by_id = {row.id: row for row in rows}
    found: dict[frozenset[str], Contradiction] = {}
    for a, b in _denials(rows):
        found.setdefault(frozenset((a.id, b.id)), Contradiction(a.id, b.id, "denial"))
    for a, b in _disputes(rows):
        found.setdefault(frozenset((a.id, b.id)), Contradiction(a.id, b.id, "dispute"))
    for a, b in _figure_pairs(list(figures), by_id):
        found.setdefault(frozenset((a.id, b.id)), Contradiction(a.id, b.id, "figures"))
    order = {row.id: k for k, row in enumerate(rows)}
    return sorted(found.values(), key=lambda c: (KINDS.index(c.kind), order[c.a], order[c.b]))


def _apart(one: LedgerRow, other: LedgerRow) -> bool:
    """Two speakers that may contradict each other: not one speaker, not one party."""
    if one.source_key == other.source_key:
        return False
    return not (one.affiliation and one.affiliation == other.affiliation)


def _denials(rows: list[LedgerRow]) -> Iterable[tuple[LedgerRow, LedgerRow]]:
    weight: dict[str, float] = {}
    for denial in (r for r in rows if r.is_denial):
        said = {k.removeprefix("not:") for k in denial.statement}
        articles = {m.article_id: m.start for m in denial.mentions if m.denial}
        for row in rows:
            if row.is_denial or not _apart(denial, row):
                continue
            answered = any(
                m.claim.status == "disputed" and m.article_id in articles
                and m.start < articles[m.article_id]
                for m in row.mentions
            )  # fmt: skip
            if (
                answered
                or overlap(_counter(said), _counter(row.statement), weight) >= DENIAL_OVERLAP
            ):
                yield denial, row


def _disputes(rows: list[LedgerRow]) -> Iterable[tuple[LedgerRow, LedgerRow]]:
    sides = [_sides(row) for row in rows]
    for i, one in enumerate(rows):
        for j in range(i + 1, len(rows)):
            other = rows[j]
            if one.is_denial or other.is_denial or not _apart(one, other):
                continue
            if any(-side in sides[j] for side in sides[i]):
                yield other, one


def _sides(row: LedgerRow) -> set[int]:
    """+n / -n: the row stands on the first / second pole of family n. Each mention stands on
    one pole or none; a row whose mentions stand on both poles of a family stands on neither
    ("struck a facility of mercenaries, and a stray missile fell on the block")."""
    found: dict[int, set[int]] = {}
    acts = bool(row.statement & _ACTS)
    for statement in row.statements or (row.statement,):
        for n, (first, second) in enumerate(_POLES, start=1):
            if n == 1 and not acts:
                continue
            on_first, on_second = bool(statement & first), bool(statement & second)
            if on_first != on_second:
                found.setdefault(n, set()).add(n if on_first else -n)
    return {next(iter(s)) for s in found.values() if len(s) == 1}


def _figure_pairs(
    figures: list[Figure], rows: dict[str, LedgerRow]
) -> Iterable[tuple[LedgerRow, LedgerRow]]:
    for i, one in enumerate(figures):
        for other in figures[i + 1 :]:
            if (one.what, one.kind) != (other.what, other.kind):
                continue
            if one.source_key == other.source_key:
                continue
            if one.low <= other.high and other.low <= one.high:
                continue  # equal, or a range that holds the other
            for m in one.mentions:
                for n in other.mentions:
                    if abs(m.time - n.time) > FIGURE_HOURS * 3600.0:
                        continue
                    a, b = rows[m.row_id], rows[n.row_id]
                    if a.id != b.id and _apart(a, b):
                        yield (a, b) if m.time >= n.time else (b, a)


def _counter(keys: Iterable[str]) -> dict[str, int]:
    return dict.fromkeys(keys, 1)
