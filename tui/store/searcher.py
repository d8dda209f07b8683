"""Runs a parsed Query against the store: article and claim pages, newest first, and counts.

How it stays fast at a million articles (figures: bench/README.md, "A year of news"):
- A query is taken apart once (tui/store/plan.py): words and phrases become one full-text
  expression of exact tokens; terms on an article's own columns become conditions the list
  index answers; terms about claims, entities, bookmarks and stories become id sets, kept as
  temp tables while the data is unchanged when they are small (typing a second word does not
  redo the first), checked row by row through an index when they are not.
- A page is the rows after the last row of the page before (tui/store/pages.py): from the
  smallest set or the full-text match, newest id first, stopping once no older id can make
  the page; else down the list index. Its cost is that of the rows near the page.
- A count comes from `feed_counts` when the query is about feeds and read state only; any other
  count visits its rows, so callers in a hurry give it a time limit (tui/store/counts.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from tui.core.query import Query
from tui.store.counts import TooSlow, by_feeds, deadline
from tui.store.pages import Marks, article_ids, claim_keys, count_rows
from tui.store.plan import SMALL, Plan, by_source, membership, text_terms
from tui.store.query_sql import FEEDS, article_condition, article_set, claim_set, feeds_named
from tui.store.temp_sets import TempSets

ALL = 1 << 62  # a limit no list reaches
ARTICLE_COLUMNS = (
    "a.id, a.title, a.url, a.published, a.sort_ts, a.read, a.state, a.claim_count, a.conflict, "
    "a.language, a.feed_id, f.name AS feed_name"
)
CLAIM_COLUMNS = (
    'c.id, c.article_id, c.start, c."end", c.source_start, c.text, c.source, c.cue, c.status, '
    "c.quote, c.content_start, c.content_end, c.source_canonical, c.affiliation, c.evidence, "
    "c.analysis_status, a.title, a.url, a.published, a.sort_ts, f.name AS feed_name"
)


WIDE_MATCH = 64  # words ORed in a match past which it is not tried as a small set


class Searcher:
    """Runs queries on one connection, keeping small sets and page boundaries while the data
    is unchanged: a change committed by another connection moves `PRAGMA data_version`, one
    made on this connection moves `total_changes`; either drops them."""

    def __init__(self) -> None:
        self._sets = TempSets("set")
        self._marks: dict[str, Marks] = {}
        self._after: dict[tuple[object, ...], dict[int, Any]] = {}  # page boundaries

    # ── kept state ──
    def _begin(self, conn: sqlite3.Connection) -> None:
        if self._sets.begin(conn):
            self._marks.clear()
            self._after.clear()

    def forget(self, conn: sqlite3.Connection) -> None:
        """Drop every kept set (they live in this connection's temp schema) and boundary."""
        self._sets.forget(conn)
        self._marks.clear()
        self._after.clear()

    def _marks_of(self, conn: sqlite3.Connection, table: str) -> Marks:
        if table not in self._marks:
            self._marks[table] = Marks.load(conn, table)
        return self._marks[table]

    def _kept(self, conn: sqlite3.Connection, sql: tuple[str, tuple[object, ...]]
              ) -> tuple[str, int | None]:  # fmt: skip
        """(temp table, size) of an id set, kept when it has at most SMALL ids (size None:
        larger, not kept)."""
        return self._sets.get(conn, sql, _fill_small)

    def _set(self, conn: sqlite3.Connection, plan: Plan, sql: tuple[str, tuple[object, ...]],
             negated: bool) -> None:  # fmt: skip
        """A term's id set into *plan*: a kept temp table when small, else checked per row."""
        name, size = self._kept(conn, sql)
        if size is None:
            plan.add(membership(sql[0], negated), sql[1])
            return
        plan.where.append(f"+{{id}} {'NOT IN' if negated else 'IN'} temp.{name}")
        if not negated:
            plan.sets.append((name, size))

    def _small_match(self, conn: sqlite3.Connection, plan: Plan) -> None:
        """A full-text match of few rows becomes a kept set (typing on reuses it).

        Not tried for a prefix that stands for many words ("sta": hundreds ORed): finding out
        costs what the walk costs, both merging every word's list, and such a prefix is almost
        never small (half of the claims view's slowest keystroke at a million articles)."""
        if plan.match is None or plan.streams:
            return
        if plan.match.expression.count(" OR ") >= WIDE_MATCH:
            return
        table = plan.match.table
        sql = (f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (plan.match.expression,))
        name, size = self._kept(conn, sql)
        if size is not None:
            plan.where.append(f"+{{id}} IN temp.{name}")
            plan.sets.append((name, size))
            plan.match = None

    @staticmethod
    def _active(conn: sqlite3.Connection, plan: Plan) -> None:
        if conn.execute("SELECT EXISTS (SELECT 1 FROM feeds WHERE active = 0)").fetchone()[0]:
            plan.add(FEEDS.format("active = 1"))

    @staticmethod
    def _feeds(conn: sqlite3.Connection, plan: Plan, query: Query) -> None:
        """`feed:` and `tag:` as the ids of the feeds they name, looked up first (the feeds
        table is small). A half-typed tag names no feed: the plan then knows that nothing
        matches before any other term is looked at, instead of walking a million articles to
        find so."""
        for term in query.terms:
            if (named := feeds_named(term)) is None:
                continue
            found = conn.execute(f"SELECT id FROM feeds WHERE {named[0]}", named[1])
            ids = ",".join(str(int(row[0])) for row in found)
            if ids:
                plan.add(f"+a.feed_id IN ({ids})", negated=term.negated)
            elif not term.negated:  # (a negated one of no feed excludes nothing)
                plan.nothing = True

    # ── plans ──
    def _article_plan(self, conn: sqlite3.Connection, query: Query) -> tuple[Plan, str | None]:
        plan = Plan()
        self._feeds(conn, plan, query)
        if plan.nothing:
            return plan, None
        text_terms(conn, query, "articles", plan)
        self._sets.settle(conn)  # the words' scratch index (tui/store/words.py) is no change
        for term in query.terms:
            if term.key == "by":
                if (condition := by_source(conn, term, "articles")) is not None:
                    plan.add(*condition, negated=term.negated)
            elif feeds_named(term) is None and (condition := article_condition(term)):
                plan.add(*condition, negated=term.negated)
            elif (sql := article_set(term)) is not None:
                self._set(conn, plan, sql, term.negated)
        self._small_match(conn, plan)
        self._active(conn, plan)
        return plan, self._drive(plan)

    def _claim_plan(self, conn: sqlite3.Connection, query: Query) -> tuple[Plan, str | None]:
        plan = Plan()
        self._feeds(conn, plan, query)
        if plan.nothing:
            return plan, None
        text_terms(conn, query, "claims", plan)
        self._sets.settle(conn)  # the words' scratch index (tui/store/words.py) is no change
        for term in query.terms:
            if term.key == "by":
                if (condition := by_source(conn, term, "claims")) is not None:
                    plan.add(*condition, negated=term.negated)
            elif (sql := claim_set(term)) is not None:
                self._set(conn, plan, sql, term.negated)
            elif feeds_named(term) is None and (condition := article_condition(term)):
                plan.add(*condition, negated=term.negated)
        self._small_match(conn, plan)
        self._active(conn, plan)
        return plan, self._drive(plan)

    @staticmethod
    def _drive(plan: Plan) -> str | None:
        """The walk: the full-text match, else the smallest kept set, else every row by id
        (negated words only), else the list index."""
        if plan.match is not None:
            return "match"
        if plan.sets:
            return min(plan.sets, key=lambda item: item[1])[0]
        return "scan" if plan.unless else None

    # ── pages ──
    def _page(self, conn: sqlite3.Connection, kind: str, query: Query, plan: Plan,
              drive: str | None, limit: int, offset: int,
              walk: Callable[..., list[tuple[int, Any]]]) -> list[int]:  # fmt: skip
        """Ids of rows offset..offset+limit, each page after the last row of the one before
        (a negative *limit*: every row from *offset*)."""
        if plan.nothing:
            return []
        limit = limit if limit >= 0 else ALL
        table = "article_marks" if kind == "articles" else "claim_marks"
        marks = self._marks_of(conn, table) if drive is not None else None
        known = self._after.setdefault((kind, query.terms), {0: None})
        start = max(o for o in known if o <= offset)
        after = known[start]
        if start < offset:
            skipped = walk(conn, plan, offset - start, after, drive, marks)
            if len(skipped) < offset - start:
                return []
            after = known[offset] = skipped[-1][1]
        found = walk(conn, plan, limit, after, drive, marks)
        if found:
            known[offset + len(found)] = found[-1][1]
        return [row_id for row_id, _ in found]

    def page_articles(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> list[sqlite3.Row]:
        """*limit* articles from *offset*, newest first."""
        self._begin(conn)
        plan, drive = self._article_plan(conn, query)
        ids = self._page(conn, "articles", query, plan, drive, limit, offset, article_ids)
        return _rows(conn, ids, f"SELECT {ARTICLE_COLUMNS} FROM articles a CROSS JOIN feeds f "
                                "ON f.id = a.feed_id WHERE a.id IN ({})")  # fmt: skip

    def page_claims(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> list[sqlite3.Row]:
        """*limit* claims from *offset*, newest article first, then in the article's order."""
        self._begin(conn)
        plan, drive = self._claim_plan(conn, query)
        ids = self._page(conn, "claims", query, plan, drive, limit, offset, claim_keys)
        return _rows(conn, ids, f"SELECT {CLAIM_COLUMNS} FROM claims c CROSS JOIN articles a "
                                "ON a.id = c.article_id CROSS JOIN feeds f ON f.id = a.feed_id "
                                "WHERE c.id IN ({})")  # fmt: skip

    # ── counts ──
    def count_articles(
        self, conn: sqlite3.Connection, query: Query, *, seconds: float | None = None
    ) -> int | None:
        """How many articles *query* selects; None when that takes more than *seconds*."""
        self._begin(conn)
        if (fast := by_feeds(conn, query)) is not None:
            return fast
        plan, drive = self._article_plan(conn, query)
        return _count(conn, plan, drive, "articles", seconds)

    def count_claims(
        self, conn: sqlite3.Connection, query: Query, *, seconds: float | None = None
    ) -> int | None:
        """How many claims *query* selects; None when that takes more than *seconds*."""
        self._begin(conn)
        if (fast := by_feeds(conn, query, claims=True)) is not None:
            return fast
        plan, drive = self._claim_plan(conn, query)
        return _count(conn, plan, drive, "claims", seconds)

    # ── both at once (tests, `sitrep search`) ──
    def list_articles(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[sqlite3.Row]]:
        """(how many articles match, *limit* of them from *offset*), newest first."""
        rows = self.page_articles(conn, query, limit=limit, offset=offset) if limit else []
        return self.count_articles(conn, query) or 0, rows

    def list_claims(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[sqlite3.Row]]:
        """(how many claims match, *limit* of them from *offset*), newest article first."""
        rows = self.page_claims(conn, query, limit=limit, offset=offset) if limit else []
        return self.count_claims(conn, query) or 0, rows


def _rows(conn: sqlite3.Connection, ids: list[int], sql: str) -> list[sqlite3.Row]:
    if not ids:
        return []
    found = {r[0]: r for r in conn.execute(sql.format(",".join("?" * len(ids))), ids)}
    return [found[i] for i in ids if i in found]


def _count(conn: sqlite3.Connection, plan: Plan, drive: str | None, kind: str,
           seconds: float | None) -> int | None:  # fmt: skip
    if plan.nothing:
        return 0
    if seconds is not None and seconds <= 0:
        return None  # no time at all: not even a count that would be quick is tried
    try:
        with deadline(conn, seconds):
            return count_rows(conn, plan, drive, kind)
    except TooSlow:
        return None


def _fill_small(conn: sqlite3.Connection, name: str, sql: tuple[str, tuple[object, ...]]
                ) -> int | None:  # fmt: skip
    """Make the temp table of a set of at most SMALL ids, or None for a larger one. The rows
    are read once, stopping at SMALL + 1 (a large set costs little here): counting them first
    and then reading them again cost a phrase twice ('"air defence"' at a million articles)."""
    inner = sql[0].removesuffix(" ORDER BY 1")
    rows = f"{name}_rows"
    for table in (name, rows):  # ones an interrupt left half made
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    conn.execute(f"CREATE TEMP TABLE {rows} (id INTEGER)")
    read = conn.execute(
        f"INSERT INTO temp.{rows} (id) SELECT * FROM ({inner}) LIMIT {SMALL + 1}", sql[1]
    ).rowcount
    if read > SMALL:
        conn.execute(f"DROP TABLE temp.{rows}")
        return None
    conn.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
    kept = conn.execute(
        f"INSERT OR IGNORE INTO temp.{name} (id) SELECT id FROM temp.{rows} ORDER BY 1"
    ).rowcount
    conn.execute(f"DROP TABLE temp.{rows}")
    return int(kept)
