"""Pages of the article and claim lists, newest first, from a Plan (tui/store/plan.py), each
page after the last row of the one before (keyset), never by skipping rows.

Two ways to walk, chosen by tui/store/searcher.py:
- down the list index, newest first, checking each row (a query with no words and no small
  set: its rows are common enough to be met soon; for claims, each article's claims in turn);
- by id, newest id first, from the full-text match, a small set, or the whole table, with the
  query's other full-text streams merged in as they go (they are read in the same order).
  Ids grow in the order articles arrive, close to the order the list shows, and
  `article_marks` (`claim_marks`) bound the dates of every id range (schema v8): the walk stops
  as soon as no older id can still make the page. It costs what the rows near the page cost,
  whatever the cache's size.
A claims walk reads `claim_rows` (ids and offsets, and the plan's conditions on its name ids:
schema 15), not the `claims` view; the page's rows are read through the view once chosen.
"""

from __future__ import annotations

import bisect
import heapq
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tui.store.plan import Plan, Stream, bound

BATCH = 256  # rows read from a cursor at a time


@dataclass(frozen=True)
class Marks:
    """Date bounds of id ranges (buckets of 1,024 ids), read once per change of the data."""

    buckets: list[int]  # ascending
    lows: list[str]
    highs_upto: list[str]  # the latest date of any id in this bucket or an earlier one

    @classmethod
    def load(cls, conn: sqlite3.Connection, table: str) -> Marks:
        buckets, lows, highs, top = [], [], [], ""
        for bucket, low, high in conn.execute(f"SELECT bucket, low, high FROM {table} ORDER BY 1"):
            top = max(top, high)
            buckets.append(bucket)
            lows.append(low)
            highs.append(top)
        return cls(buckets, lows, highs)

    def latest_upto(self, row_id: int) -> str:
        """No id at or below *row_id* has a later date than this."""
        at = bisect.bisect_right(self.buckets, row_id >> 10) - 1
        return self.highs_upto[at] if at >= 0 else ""

    def start_below(self, when: str) -> int:
        """The highest id that may hold a date at or before *when* (rows after a page's last)."""
        found = [b for b, low in zip(self.buckets, self.lows, strict=True) if low <= when]
        return ((max(found) + 1) << 10) - 1 if found else -1


def rows_of(conn: sqlite3.Connection, sql: str, params: Sequence[object]) -> Iterator[tuple]:
    """The rows of *sql*, read in batches as they are wanted."""
    cursor = conn.execute(sql, params)
    try:
        while batch := cursor.fetchmany(BATCH):
            yield from batch
    finally:
        cursor.close()


def stream_ids(conn: sqlite3.Connection, stream: Stream, top: int | None) -> Iterator[int]:
    limit = f" AND rowid <= {int(top)}" if top is not None else ""
    sql = (f"SELECT rowid FROM {stream.table} WHERE {stream.table} MATCH ?{limit} "
           "ORDER BY rowid DESC")  # fmt: skip
    return (row[0] for row in rows_of(conn, sql, (stream.expression,)))


def merged(rows: Iterator[tuple], also: list[Iterator[int]], unless: list[Iterator[int]]
           ) -> Iterator[tuple]:  # fmt: skip
    """The rows (id first, newest id first) whose id every *also* stream holds and no *unless*
    stream holds; each stream is read once, in step with the rows."""
    heads: list[list[object]] = [[next(s, None), s] for s in (*also, *unless)]
    wanted = len(also)
    for row in rows:
        row_id, keep = row[0], True
        for index, head in enumerate(heads):
            while head[0] is not None and head[0] > row_id:  # type: ignore[operator]
                head[0] = next(head[1], None)  # type: ignore[call-overload]
            if index < wanted:
                if head[0] is None:
                    return  # a stream every row must be in has ended
                keep = head[0] == row_id
            else:
                keep = head[0] != row_id
            if not keep:
                break
        if keep:
            yield row


def best(rows: Iterator[tuple], limit: int, marks: Marks, strict: bool) -> list[tuple]:
    """The *limit* rows with the greatest keys (the row minus its first value, the walk's id;
    the key's first part is the date the marks bound), reading no further than needed. With
    *strict*, a date equal to the page's last keeps the walk going (claims: the walk's id does
    not break ties of their key)."""
    found: list[tuple[tuple, tuple]] = []
    for row in rows:
        if len(found) >= limit:
            latest, least = marks.latest_upto(row[0]), found[0][0][0]
            if latest < least or (latest == least and not strict):
                break
        key = tuple(row[1:])
        if len(found) < limit:
            heapq.heappush(found, (key, row))
        elif key > found[0][0]:
            heapq.heapreplace(found, (key, row))
    return [row for _, row in sorted(found, reverse=True)]


def walk(conn: sqlite3.Connection, plan: Plan, sql: tuple[str, list[object]], top: int | None
         ) -> Iterator[tuple]:  # fmt: skip
    """The rows of a by-id walk's SQL with the plan's other streams merged in."""
    also = [stream_ids(conn, s, top) for s in plan.also]
    unless = [stream_ids(conn, s, top) for s in plan.unless]
    return merged(rows_of(conn, *sql), also, unless)


def by_id_source(
    plan: Plan, drive: str, table: str, alias: str
) -> tuple[str, str, list[str], list[object]]:
    """(FROM clause, walk column, first conditions, their params) of a by-id walk."""
    if drive == "match" and plan.match is not None:
        fts = plan.match.table
        return (f"{fts} f CROSS JOIN {table} {alias} ON {alias}.id = f.rowid", "f.rowid",
                [f"{fts} MATCH ?"], [plan.match.expression])  # fmt: skip
    if drive == "scan":
        return f"{table} {alias}", f"{alias}.id", [], []
    return (f"temp.{drive} s CROSS JOIN {table} {alias} ON {alias}.id = s.id", "s.id", [], [])


# ── articles ──────────────────────────────────────────────────────────────────────────────


def article_ids(
    conn: sqlite3.Connection,
    plan: Plan,
    limit: int,
    after: tuple[str, int] | None,
    drive: str | None,
    marks: Marks | None,
) -> list[tuple[int, tuple[str, int]]]:
    """(id, (sort_ts, id)) of the next *limit* articles after *after*. *drive* names the walk:
    "match", "scan" (every article), a temp set, or None (the list index)."""
    where, params = plan.condition(without=drive)
    where, params = bound(where, "a.id"), list(params)
    if after is not None:
        where += " AND (a.sort_ts, a.id) < (?, ?)"
        params += list(after)
    if drive is None or marks is None:
        rows = conn.execute(
            f"SELECT a.id, a.sort_ts FROM articles a WHERE {where} "
            "ORDER BY a.sort_ts DESC, a.id DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [(int(r[0]), (str(r[1]), int(r[0]))) for r in rows]
    top = marks.start_below(after[0]) if after is not None else None
    source, order, first, values = by_id_source(plan, drive, "articles", "a")
    if top is not None:
        first.append(f"{order} <= {int(top)}")
    sql = (f"SELECT a.id, a.sort_ts, a.id FROM {source} WHERE {' AND '.join([*first, where])} "
           f"ORDER BY {order} DESC")  # fmt: skip
    found = best(walk(conn, plan, (sql, [*values, *params]), top), limit, marks, strict=False)
    return [(int(r[0]), (str(r[1]), int(r[0]))) for r in found]


# ── claims ────────────────────────────────────────────────────────────────────────────────

ClaimKey = tuple[str, int, int, int]  # sort_ts, article id, -start, -claim id
_CLAIM_ROW = "c.id, a.sort_ts, a.id, -c.start, -c.id"


def claim_keys(
    conn: sqlite3.Connection,
    plan: Plan,
    limit: int,
    after: ClaimKey | None,
    drive: str | None,
    marks: Marks | None,
) -> list[tuple[int, ClaimKey]]:
    """(claim id, key) of the next *limit* claims after *after*, newest article first, each
    article's claims in the order they appear."""
    where, params = plan.condition(without=drive)
    where, params = bound(where, "c.id"), list(params)
    if after is not None:
        where += " AND (a.sort_ts, a.id) <= (?, ?) AND (a.sort_ts, a.id, -c.start, -c.id) < "
        where += "(?, ?, ?, ?)"
        params += [after[0], after[1], *after]
    if drive is None or marks is None:
        rows = conn.execute(
            f"SELECT {_CLAIM_ROW} FROM articles a CROSS JOIN claim_rows c ON c.article_id = a.id "
            f"WHERE {where} ORDER BY a.sort_ts DESC, a.id DESC, c.start, c.id LIMIT ?",
            (*params, limit),
        ).fetchall()
    else:
        top = marks.start_below(after[0]) if after is not None else None
        source, order, first, values = by_id_source(plan, drive, "claim_rows", "c")
        if top is not None:
            first.append(f"{order} <= {int(top)}")
        sql = (f"SELECT {_CLAIM_ROW} FROM {source} CROSS JOIN articles a ON a.id = c.article_id "
               f"WHERE {' AND '.join([*first, where])} ORDER BY {order} DESC")  # fmt: skip
        rows = best(walk(conn, plan, (sql, [*values, *params]), top), limit, marks, strict=True)
    return [(int(r[0]), (str(r[1]), int(r[2]), int(r[3]), int(r[4]))) for r in rows]


# ── counts (every row visited: callers give them a time limit) ─────────────────────────────


def count_rows(conn: sqlite3.Connection, plan: Plan, drive: str | None, kind: str) -> int:
    """How many rows of *kind* ("articles" or "claims") the plan selects."""
    table, alias = ("articles", "a") if kind == "articles" else ("claim_rows", "c")
    where, params = plan.condition(without=drive)
    where, params = bound(where, f"{alias}.id"), list(params)
    join = "" if kind == "articles" else " CROSS JOIN articles a ON a.id = c.article_id"
    if drive is None:
        if kind == "claims" and "c." not in where:  # article conditions only: claim_count adds up
            sql = f"SELECT total(a.claim_count) FROM articles a WHERE {where}"
        else:
            # claims in article order, as their checks read the rows of one article after
            # another: with the name ids (schema 15) the smallest index, which SQLite picks for
            # a whole scan, is another (claims_canonical), and reading them in its order took
            # `entity:Kyiv`'s count from 0.3 to 0.9 s of CPU at 50k
            source = "articles a" if kind == "articles" else (
                f"claim_rows c INDEXED BY claims_article{join}")
            sql = f"SELECT count(*) FROM {source} WHERE {where}"
        return int(conn.execute(sql, params).fetchone()[0])
    source, order, first, values = by_id_source(plan, drive, table, alias)
    if drive == "match" and not plan.where and not plan.streams and plan.match is not None:
        sql = f"SELECT count(*) FROM {plan.match.table} WHERE {plan.match.table} MATCH ?"
        return int(conn.execute(sql, values).fetchone()[0])
    condition = " AND ".join([*first, where])
    if not plan.streams:
        sql = f"SELECT count(*) FROM {source}{join} WHERE {condition}"
        return int(conn.execute(sql, [*values, *params]).fetchone()[0])
    sql = f"SELECT {order} FROM {source}{join} WHERE {condition} ORDER BY {order} DESC"
    return sum(1 for _ in walk(conn, plan, (sql, [*values, *params]), None))
