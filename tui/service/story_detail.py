"""One story as the app's story screen shows it, in plain values (the app never sees the
pipeline's types): its articles as a timeline, its ledger grouped by source, its contradictions
as pairs of rows, its figures side by side. Also the story an article is in, for the reader's
"also in N outlets".

Built from `tui.service.stories.story_reports` (the same report `sitrep stories --json`
prints), on the thread that owns the connection. The app imports this module at start for its
types; the grouping and the analyzer's lists behind the reports (0.2 s of imports) load only
when a story is first opened.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tui.store import story_list
from tui.store.manual_status import manual_claims

if TYPE_CHECKING:
    from tui.pipeline.stories.export import StoryReport
    from tui.pipeline.stories.figures import Figure
    from tui.pipeline.stories.ledger import LedgerRow


@dataclass(frozen=True, slots=True)
class StoryArticleLine:
    article_id: int
    feed: str
    title: str
    published: str  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class MentionLine:
    """One outlet's wording of a ledger row: where the reader opens it."""

    article_id: int
    feed: str
    published: str
    claim_start: int
    source_start: int
    status: str
    text: str
    manual: bool = False  # the status in force is the user's (`v`)


@dataclass(frozen=True, slots=True)
class LedgerLine:
    id: str
    source: str
    affiliation: str
    status: str
    evidence: tuple[str, ...]
    text: str
    mentions: tuple[MentionLine, ...]

    @property
    def manual(self) -> bool:
        """The row's status is one the user set on one of its mentions."""
        return any(m.manual and m.status == self.status for m in self.mentions)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.feed for m in self.mentions))


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """The rows of one speaker, in the order of their first mention."""

    source: str
    affiliation: str
    rows: tuple[LedgerLine, ...]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two rows that cannot both be right: `a` answers (denies, disputes, gives another
    figure), `b` is answered. For figures, what each gives ("killed: 27")."""

    kind: str  # denial, dispute, figures
    a: LedgerLine
    b: LedgerLine
    a_figure: str = ""
    b_figure: str = ""


@dataclass(frozen=True, slots=True)
class FigureLine:
    """One quantity's figures side by side, and the claim that gives the first of them."""

    text: str  # "killed: 23 (residents) · 27 (local official)"
    first: MentionLine | None


@dataclass(frozen=True, slots=True)
class StoryDetail:
    id: str
    title: str
    articles: tuple[StoryArticleLine, ...]  # oldest first
    groups: tuple[SourceGroup, ...]
    pairs: tuple[Pair, ...]
    figures: tuple[FigureLine, ...]  # one per quantity

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.feed for a in self.articles))

    @property
    def rows(self) -> tuple[LedgerLine, ...]:
        return tuple(row for group in self.groups for row in group.rows)


@dataclass(frozen=True, slots=True)
class StoryLink:
    """The story an article is in, as the reader names it."""

    story_id: str
    title: str
    articles: int
    outlets: int
    other_outlets: int  # outlets other than the article's own
    contested: bool


def story_detail(conn: sqlite3.Connection, story_id: str) -> StoryDetail | None:
    from tui.service.stories import story_reports

    report = story_reports(conn, [story_id]).get(story_id)
    if report is None:
        return None
    return detail_of(report, manual_claims(conn, sorted({int(a.id) for a in report.articles})))


def story_link(conn: sqlite3.Connection, article_id: int) -> StoryLink | None:
    row = story_list.story_of_article(conn, article_id)
    if row is None:
        return None
    return StoryLink(
        row["id"], row["title"], row["articles"], row["outlets"], row["other_outlets"],
        bool(row["contested"]),
    )  # fmt: skip


def detail_of(report: StoryReport, manual: set[tuple[int, int, int]] | None = None) -> StoryDetail:
    """*manual*: (article, claim start, source start) of the claims whose status the user set."""
    lines = {row.id: _line(row, manual or set()) for row in report.rows}
    groups: dict[str, list[LedgerLine]] = {}
    for row in report.rows:
        groups.setdefault(row.source_key, []).append(lines[row.id])
    pairs = []
    for found in report.contradictions:
        a, b = lines[found.a], lines[found.b]
        if found.kind == "figures":
            a_figure, b_figure = _differing(report.figures, found.a, found.b)
            pairs.append(Pair(found.kind, a, b, a_figure, b_figure))
        else:
            pairs.append(Pair(found.kind, a, b))
    articles = report.articles
    return StoryDetail(
        id=report.id,
        title=articles[0].title if articles else "",
        articles=tuple(
            StoryArticleLine(int(a.id), a.feed, a.title, _iso(a.timestamp)) for a in articles
        ),
        groups=tuple(
            SourceGroup(rows[0].source, rows[0].affiliation, tuple(rows))
            for rows in groups.values()
        ),
        pairs=tuple(pairs),
        figures=_figure_lines(report, lines),
    )


def _line(row: LedgerRow, manual: set[tuple[int, int, int]]) -> LedgerLine:
    return LedgerLine(
        id=row.id,
        source=row.source,
        affiliation=row.affiliation or "",
        status=row.status,
        evidence=row.evidence,
        text=" ".join(row.text.split()),
        mentions=tuple(
            MentionLine(
                int(m.article_id), m.feed, _iso(m.time), m.claim.start, m.claim.source_start,
                m.claim.status, " ".join(m.claim.text.split()),
                (int(m.article_id), m.claim.start, m.claim.source_start) in manual,
            )  # fmt: skip
            for m in row.mentions
        ),
    )


def _figure_lines(report: StoryReport, lines: dict[str, LedgerLine]) -> tuple[FigureLine, ...]:
    found = []
    from tui.pipeline.stories.figures import side_by_side

    for what, text in side_by_side(report.figures).items():
        given = [f for f in report.figures if f.what == what and f.mentions[0].row_id]
        if not given:  # only outlets' own tolls: no claim to open
            found.append(FigureLine(text, None))
            continue
        mention = given[0].mentions[0]
        row = lines[mention.row_id]
        first = next((m for m in row.mentions if m.article_id == int(mention.article_id)), None)
        found.append(FigureLine(text, first))
    return tuple(found)


def _differing(figures: tuple[Figure, ...], a: str, b: str) -> tuple[str, str]:
    """The two figures of rows a and b that differ ("killed: 27", "killed: 23")."""
    of_a = [f for f in figures if any(m.row_id == a for m in f.mentions)]
    of_b = [f for f in figures if any(m.row_id == b for m in f.mentions)]
    for one in of_a:
        for other in of_b:
            if (one.what, one.kind) == (other.what, other.kind) and (
                one.high < other.low or other.high < one.low
            ):
                return _figure(one), _figure(other)
    return "", ""


def _figure(figure: Figure) -> str:
    from tui.pipeline.stories.figures import amount_text

    return f"{figure.what}: {amount_text(figure)}"


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat(timespec="seconds")
