"""Run a parsed Query against the store: article, claim or bookmark rows, newest first.

How it stays fast (figures: bench/bench_filter.py):
- Words, phrases and the terms about claims, entities and bookmarks become sets of article
  (or claim) ids, materialised once as temp tables with an integer key and kept while the data
  is unchanged (a Searcher owns them): typing a second word does not redo the first, and the
  count and the page share the work. Terms on an article's own columns (feed, tag, dates,
  read, conflict) are checked on the list index as it is walked.
- A count is the size of the smallest set, checked against the others; it never reads article
  rows, which hold the text and the raw page.
- A page walks the articles in the order they are shown (the list index, newest first) and
  checks the sets on the way, so it costs about the same at 1k and 50k articles; when the
  smallest set is small (≤ DRIVE_LIMIT) it starts from that set and sorts it instead.
Single-letter words are ignored: as a prefix they match nearly everything and cost the most.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tui.core.query import Query
from tui.store.bookmarks import FIELDS as BOOKMARK_FIELDS
from tui.store.claims import claim_json
from tui.store.query_sql import (
    FEEDS,
    Sql,
    article_condition,
    article_set,
    bookmark_condition,
    claim_set,
    fts_expression,
)
from tui.store.temp_sets import TempSets, fill_ids

DRIVE_LIMIT = 3000
ARTICLE_COLUMNS = (
    "a.id, a.title, a.url, a.published, a.sort_ts, a.read, a.state, a.claim_count, a.conflict, "
    "a.language, a.feed_id, f.name AS feed_name"
)
CLAIM_COLUMNS = (
    'c.id, c.article_id, c.start, c."end", c.source_start, c.text, c.source, c.cue, c.status, '
    "c.quote, c.content_start, c.content_end, c.source_canonical, c.affiliation, c.evidence, "
    "c.analysis_status, "
    "a.title, a.url, a.published, a.sort_ts, f.name AS feed_name"
)


@dataclass
class _Filter:
    """A query taken apart: id sets (temp tables) to keep or drop, and column conditions."""

    keep: list[tuple[str, int]] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add_column(self, sql: Sql, negated: bool = False) -> None:
        self.columns.append(f"NOT ({sql[0]})" if negated else sql[0])
        self.params.extend(sql[1])

    def sets(self, column: str, without: str = "") -> str:
        parts = [f"+{column} IN temp.{name}" for name, _ in self.keep if name != without]
        parts += [f"+{column} NOT IN temp.{name}" for name in self.drop]
        return " AND ".join(parts) or "1"

    def where(self, column: str = "a.id") -> str:
        return " AND ".join([*self.columns, self.sets(column)])

    def smallest(self) -> tuple[str, int] | None:
        return min(self.keep, key=lambda item: item[1]) if self.keep else None

    def drives(self) -> str | None:
        """The set to start from when it is small enough to sort, else None (walk)."""
        smallest = self.smallest()
        return smallest[0] if smallest and smallest[1] <= DRIVE_LIMIT else None


class Searcher:
    """Runs queries on one connection, keeping each term's set while the data is unchanged
    (`tui.store.temp_sets`)."""

    def __init__(self) -> None:
        self._sets = TempSets("set")

    def forget(self, conn: sqlite3.Connection) -> None:
        """Drop every kept set (tests and benches start cold with it)."""
        self._sets.forget(conn)

    def _add(self, conn: sqlite3.Connection, found: _Filter, sql: Sql, negated: bool) -> None:
        name, size = self._sets.get(conn, sql, fill_ids)
        if negated:
            found.drop.append(name)
        else:
            found.keep.append((name, size))

    def _text(self, conn: sqlite3.Connection, query: Query, table: str, found: _Filter) -> None:
        fts = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
        text = query.of("word", "phrase")
        if positive := fts_expression([t for t in text if not t.negated]):
            self._add(conn, found, (fts, (positive,)), False)
        for term in (t for t in text if t.negated):
            if expression := fts_expression([term]):
                self._add(conn, found, (fts, (expression,)), True)

    @staticmethod
    def _active(conn: sqlite3.Connection, found: _Filter) -> None:
        if conn.execute("SELECT EXISTS (SELECT 1 FROM feeds WHERE active = 0)").fetchone()[0]:
            found.add_column((FEEDS.format("active = 1"), ()))

    def list_articles(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[sqlite3.Row]]:
        """(how many articles match, *limit* of them from *offset*), newest first."""
        self._sets.begin(conn)
        found = _Filter()
        self._text(conn, query, "articles_fts", found)
        for term in query.terms:
            if (condition := article_condition(term)) is not None:
                found.add_column(condition, term.negated)
            elif (sql := article_set(term)) is not None:
                self._add(conn, found, sql, term.negated)
        self._active(conn, found)
        count = _count_articles(conn, found)
        return count, (_page_articles(conn, found, limit, offset) if count > offset else [])

    def list_claims(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[sqlite3.Row]]:
        """(how many claims match, *limit* of them from *offset*), newest article first."""
        self._sets.begin(conn)
        claims, articles = _Filter(), _Filter()
        self._text(conn, query, "claims_fts", claims)
        for term in query.terms:
            if (sql := claim_set(term)) is not None:
                self._add(conn, claims, sql, term.negated)
            elif (condition := article_condition(term)) is not None:
                articles.add_column(condition, term.negated)
        self._active(conn, articles)
        count = _count_claims(conn, claims, articles)
        return count, (
            _page_claims(conn, claims, articles, limit, offset) if count > offset else []
        )


def _count_articles(conn: sqlite3.Connection, found: _Filter) -> int:
    smallest = found.smallest()
    if smallest is not None and not found.columns:  # sets only: check the smallest
        name, size = smallest
        if len(found.keep) == 1 and not found.drop:
            return size
        sql = f"SELECT count(*) FROM temp.{name} s WHERE {found.sets('s.id', without=name)}"
        return conn.execute(sql).fetchone()[0]
    # Scan the list index; never the article rows (they hold the text and the raw page).
    return conn.execute(
        f"SELECT count(*) FROM articles a WHERE {found.where()}", found.params
    ).fetchone()[0]


def _page_articles(
    conn: sqlite3.Connection, found: _Filter, limit: int, offset: int
) -> list[sqlite3.Row]:
    start = found.drives()
    # CROSS JOIN fixes the loop order: from a small set (then sort), else down the list index.
    source = f"temp.{start} s CROSS JOIN articles a ON a.id = s.id" if start else "articles a"
    return conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM {source} CROSS JOIN feeds f ON f.id = a.feed_id "
        f"WHERE {found.where()} ORDER BY a.sort_ts DESC, a.id DESC LIMIT ? OFFSET ?",
        (*found.params, limit, offset),
    ).fetchall()


def _count_claims(conn: sqlite3.Connection, claims: _Filter, articles: _Filter) -> int:
    if not articles.columns:
        smallest = claims.smallest()
        if smallest is None:
            return conn.execute(
                f"SELECT count(*) FROM claims c WHERE {claims.sets('c.id')}"
            ).fetchone()[0]
        return _count_articles(conn, claims)  # the same arithmetic on claim sets
    if not claims.keep and not claims.drop:  # article conditions only: claim_count adds up
        return int(
            conn.execute(
                f"SELECT total(claim_count) FROM articles a WHERE {articles.where()}",
                articles.params,
            ).fetchone()[0]
        )
    chosen = f"c.article_id IN (SELECT a.id FROM articles a WHERE {articles.where()})"
    smallest = claims.smallest()
    source = f"temp.{smallest[0]} s CROSS JOIN claims c ON c.id = s.id" if smallest else "claims c"
    return conn.execute(
        f"SELECT count(*) FROM {source} WHERE {claims.sets('c.id')} AND {chosen}", articles.params
    ).fetchone()[0]


def _page_claims(
    conn: sqlite3.Connection, claims: _Filter, articles: _Filter, limit: int, offset: int
) -> list[sqlite3.Row]:
    start = claims.drives()
    if start:
        source = (
            f"temp.{start} s CROSS JOIN claims c ON c.id = s.id "
            "CROSS JOIN articles a ON a.id = c.article_id"
        )
    else:
        source = "articles a CROSS JOIN claims c ON c.article_id = a.id"
    return conn.execute(
        f"SELECT {CLAIM_COLUMNS} FROM {source} CROSS JOIN feeds f ON f.id = a.feed_id "
        f"WHERE {claims.sets('c.id')} AND {articles.where()} "
        "ORDER BY a.sort_ts DESC, a.id DESC, c.start LIMIT ? OFFSET ?",
        (*articles.params, limit, offset),
    ).fetchall()


def find_bookmarks(conn: sqlite3.Connection, query: Query) -> list[dict[str, Any]]:
    """The bookmarks *query* selects, newest first (QueryError for a term that means nothing
    for bookmarks). Bookmarks are few: one statement, no kept sets."""
    conditions: list[str] = []
    params: list[object] = []
    for term in query.terms:
        if (sql := bookmark_condition(term)) is not None:
            conditions.append(f"NOT ({sql[0]})" if term.negated else sql[0])
            params.extend(sql[1])
    rows = conn.execute(
        f"SELECT b.* FROM bookmarks b WHERE {' AND '.join(conditions) or '1'} "
        "ORDER BY b.created DESC, b.id DESC",
        params,
    ).fetchall()
    return [{f: row[f] for f in BOOKMARK_FIELDS} for row in rows]


def feeds_pane(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Active feeds in config order with their unread counts, for the feeds pane.

    The counts come from one pass over the list index grouped by feed, not one query per feed
    reading article rows.
    """
    # `+feed_id`: group by hashing the list index's entries, not by walking the feed index
    # in order and reading every article row for its read flag (8x slower at 50k).
    unread = dict(
        conn.execute("SELECT +feed_id, count(*) FROM articles WHERE read = 0 GROUP BY 1").fetchall()
    )
    return [
        {**dict(row), "unread": unread.get(row["id"], 0)}
        for row in conn.execute(
            "SELECT id, url, name, title, tags, last_error FROM feeds WHERE active = 1 ORDER BY id"
        )
    ]


def entity_days(
    conn: sqlite3.Connection, entity_ids: list[int], *, today: date, days: int = 14
) -> dict[int, list[int]]:
    """Mentions per day of each entity across the cache, the *days* days up to *today*.

    Starts from each entity's run of the mentions index and keeps the mentions whose article
    is recent enough: the articles' dates are read once, into a small keyed table.
    """
    counts = {entity_id: [0] * days for entity_id in entity_ids}
    if not entity_ids:
        return counts
    first = today - timedelta(days=days - 1)
    marks = ",".join("?" * len(entity_ids))
    rows = conn.execute(
        "WITH recent(id, day) AS MATERIALIZED (SELECT id, substr(sort_ts, 1, 10) FROM articles "
        "WHERE sort_ts >= ? AND sort_ts < ?) "
        f"SELECT m.entity_id, r.day, count(*) FROM mentions m CROSS JOIN recent r "
        f"ON r.id = m.article_id WHERE m.entity_id IN ({marks}) GROUP BY 1, 2",
        (first.isoformat(), (today + timedelta(days=1)).isoformat(), *entity_ids),
    )
    for entity_id, day, n in rows:
        try:
            index = (date.fromisoformat(day) - first).days
        except ValueError:
            continue
        if 0 <= index < days:
            counts[entity_id][index] = n
    return counts


# ── one-off calls (`sitrep search`, tests): a Searcher that cleans up after itself ──


def _once(
    method: str, conn: sqlite3.Connection, query: Query, limit: int, offset: int
) -> tuple[int, list[sqlite3.Row]]:
    searcher = Searcher()
    try:
        return getattr(searcher, method)(conn, query, limit=limit, offset=offset)
    finally:
        searcher.forget(conn)


def find_articles(
    conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
) -> list[sqlite3.Row]:
    return _once("list_articles", conn, query, limit, offset)[1]


def count_articles(conn: sqlite3.Connection, query: Query) -> int:
    return _once("list_articles", conn, query, 0, 0)[0]


def find_claims(
    conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
) -> list[sqlite3.Row]:
    return _once("list_claims", conn, query, limit, offset)[1]


def count_claims(conn: sqlite3.Connection, query: Query) -> int:
    return _once("list_claims", conn, query, 0, 0)[0]


def search(conn: sqlite3.Connection, query: Query, *, limit: int = 50) -> list[dict[str, Any]]:
    """Plain dicts for `sitrep search --json`."""
    if query.type == "claim":
        return [claim_json(r) for r in find_claims(conn, query, limit=limit)]
    return [
        {
            "type": "article",
            "id": r["id"],
            "title": r["title"],
            "url": r["url"],
            "feed": r["feed_name"],
            "published": r["published"],
            "claims": r["claim_count"],
            "read": bool(r["read"]),
            "conflict": bool(r["conflict"]),
            "language": r["language"],
        }
        for r in find_articles(conn, query, limit=limit)
    ]
