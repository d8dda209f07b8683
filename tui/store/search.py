"""The lists as the CLI and the tests read them: one-off article and claim searches (a
Searcher, tui/store/searcher.py, that cleans up after itself), bookmarks, the feeds pane's
counts and an entity's days. The app keeps a Searcher of its own (tui/service/library.py).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from tui.core.query import Query
from tui.store.bookmarks import FIELDS as BOOKMARK_FIELDS
from tui.store.claims import claim_json
from tui.store.query_sql import bookmark_condition
from tui.store.searcher import ARTICLE_COLUMNS, CLAIM_COLUMNS, Searcher

__all__ = ["ARTICLE_COLUMNS", "CLAIM_COLUMNS", "Searcher"]


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
    """Active feeds in config order with their unread counts (kept by triggers in
    `feed_counts`, schema v8: a row per feed, whatever the cache's size)."""
    return [
        dict(row)
        for row in conn.execute(
            "SELECT f.id, f.url, f.name, f.title, f.tags, f.last_error, "
            "coalesce(c.unread, 0) AS unread FROM feeds f "
            "LEFT JOIN feed_counts c ON c.feed_id = f.id WHERE f.active = 1 ORDER BY f.id"
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


def _once(method: str, conn: sqlite3.Connection, query: Query, **kwargs: Any) -> Any:
    searcher = Searcher()
    try:
        return getattr(searcher, method)(conn, query, **kwargs)
    finally:
        searcher.forget(conn)


def find_articles(
    conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
) -> list[sqlite3.Row]:
    return list(_once("page_articles", conn, query, limit=limit, offset=offset))


def count_articles(conn: sqlite3.Connection, query: Query) -> int:
    return int(_once("count_articles", conn, query))


def find_claims(
    conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
) -> list[sqlite3.Row]:
    return list(_once("page_claims", conn, query, limit=limit, offset=offset))


def count_claims(conn: sqlite3.Connection, query: Query) -> int:
    return int(_once("count_claims", conn, query))


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
