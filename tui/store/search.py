"""Run a parsed Query against the store: article or claim rows, newest first."""

from __future__ import annotations

import sqlite3
from typing import Any

from tui.pipeline.query import Query, article_where, claim_where
from tui.store.store import ARTICLE_LIST_COLUMNS


def find_articles(conn: sqlite3.Connection, query: Query, *, limit: int = 100,
                  offset: int = 0) -> list[sqlite3.Row]:
    where, params = article_where(query)
    return conn.execute(
        f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
        f"WHERE {where} ORDER BY a.sort_ts DESC, a.id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()


def count_articles(conn: sqlite3.Connection, query: Query) -> int:
    where, params = article_where(query)
    return conn.execute(
        f"SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {where}", params
    ).fetchone()[0]


CLAIM_COLUMNS = (
    'c.id, c.article_id, c.start, c."end", c.text, c.source, c.cue, c.status, c.quote, '
    "a.title, a.url, a.published, a.sort_ts, f.name AS feed_name"
)


def find_claims(conn: sqlite3.Connection, query: Query, *, limit: int = 100,
                offset: int = 0) -> list[sqlite3.Row]:
    where, params = claim_where(query)
    return conn.execute(
        f"SELECT {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article_id "
        f"JOIN feeds f ON f.id = a.feed_id WHERE {where} "
        "ORDER BY a.sort_ts DESC, c.article_id DESC, c.start LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()


def count_claims(conn: sqlite3.Connection, query: Query) -> int:
    where, params = claim_where(query)
    return conn.execute(
        f"SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id "
        f"JOIN feeds f ON f.id = a.feed_id WHERE {where}", params
    ).fetchone()[0]


def search(conn: sqlite3.Connection, query: Query, *, limit: int = 50) -> list[dict[str, Any]]:
    """Plain dicts for `sitrep search --json`."""
    if query.type == "claim":
        return [
            {"type": "claim", "id": r["id"], "article_id": r["article_id"], "text": r["text"],
             "source": r["source"], "cue": r["cue"], "status": r["status"], "quote": r["quote"],
             "title": r["title"], "url": r["url"], "feed": r["feed_name"],
             "published": r["published"]}
            for r in find_claims(conn, query, limit=limit)
        ]
    return [
        {"type": "article", "id": r["id"], "title": r["title"], "url": r["url"],
         "feed": r["feed_name"], "published": r["published"], "claims": r["claim_count"],
         "read": bool(r["read"]), "conflict": bool(r["conflict"])}
        for r in find_articles(conn, query, limit=limit)
    ]
