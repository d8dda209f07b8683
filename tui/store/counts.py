"""How many rows a list holds, cheaply when it can be, and never longer than the caller allows.

Counts of the whole list, of a feed, a tag, and of what is read or unread come from
`feed_counts` (kept by triggers, schema v8): a row per feed, whatever the cache's size. Any
other count has to visit the rows it counts; at a million articles a word in half of them
takes a second, so the app asks for it with a time limit and, when that passes, shows the page
first and the count when a second, unhurried call has it (tui/service/library.py).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tui.core.query import Query
from tui.store.query_sql import article_condition


class TooSlow(Exception):  # noqa: N818 (a signal, not an error)
    """A count ran past its time limit."""


@contextmanager
def deadline(conn: sqlite3.Connection, seconds: float | None) -> Iterator[None]:
    """Stop a statement running past *seconds* with TooSlow (None: no limit)."""
    if seconds is None:
        yield
        return
    end = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > end), 2000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc) and time.monotonic() > end:
            raise TooSlow from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def by_feeds(conn: sqlite3.Connection, query: Query, claims: bool = False) -> int | None:
    """The count from `feed_counts` when every term is about the feed or the read flag
    (None otherwise)."""
    where: list[str] = []
    params: list[object] = []
    unread: bool | None = None
    for term in query.terms:
        if term.key in ("feed", "tag", "feed_id"):
            sql, values = article_condition(term) or ("0", ())
            sql = sql.replace("+a.feed_id", "fc.feed_id")
            where.append(f"NOT ({sql})" if term.negated else sql)
            params.extend(values)
        elif term.key == "is" and term.value in ("read", "unread") and not claims:
            wanted = (term.value == "unread") != term.negated
            if unread is not None and unread != wanted:
                return 0
            unread = wanted
        else:
            return None
    if conn.execute("SELECT EXISTS (SELECT 1 FROM feeds WHERE active = 0)").fetchone()[0]:
        where.append("fc.feed_id IN (SELECT id FROM feeds WHERE active = 1)")
    column = "articles" if unread is None else "unread" if unread else "articles - unread"
    column = "claims" if claims else column
    row = conn.execute(
        f"SELECT total({column}) FROM feed_counts fc WHERE {' AND '.join(where) or '1'}", params
    ).fetchone()
    return int(row[0])
