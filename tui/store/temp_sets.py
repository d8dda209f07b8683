"""Each filter term's set of ids, kept as a temp table on one connection while the data is
unchanged, so typing "kharkiv -sta" does not run "kharkiv" again at every key.

A change committed by another connection moves `PRAGMA data_version`; one made on this
connection (marking read, bookmarking) moves `total_changes`. Either drops every set. At most
MAX_SETS are kept, the least recently used dropped first. A fill may decline to make a set
(size None: too large to be worth keeping; the query then checks the rows itself). The article
and claim lists (`searcher.Searcher`) and the stories list (`story_list.StorySearcher`) each
keep their own.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable

from tui.store.query_sql import Sql

MAX_SETS = 24
Fill = Callable[[sqlite3.Connection, str, Sql], int | None]  # (conn, table, sql) -> rows put in


class TempSets:
    _instances = 0

    def __init__(self, kind: str, most: int = MAX_SETS) -> None:
        TempSets._instances += 1
        self._most = most
        self._prefix = f"sitrep_{kind}{TempSets._instances}_"
        self._sets: dict[str, int | None] = {}  # temp table -> size, least recently used first
        self._stamp: tuple[int, int, int] | None = None
        self._prepared: set[int] = set()  # connections told to keep temp tables in memory

    def _stamp_of(self, conn: sqlite3.Connection) -> tuple[int, int, int]:
        return id(conn), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes

    def begin(self, conn: sqlite3.Connection) -> bool:
        """Before a query: drop the sets if the data moved (then True), and the oldest past
        MAX_SETS."""
        if id(conn) not in self._prepared:
            conn.execute("PRAGMA temp_store = MEMORY")
            self._prepared.add(id(conn))
        moved = self._stamp_of(conn) != self._stamp
        if moved:
            self.forget(conn)
        while len(self._sets) > self._most:
            self._drop(conn, next(iter(self._sets)))
        self._stamp = self._stamp_of(conn)
        return moved

    def settle(self, conn: sqlite3.Connection) -> None:
        """After a query's own writes to this connection's temp schema (the tokenizer's
        scratch index, `tui.store.words.fold`): they change no data, so the next query keeps
        the sets. A commit by another connection since `begin` is still seen next time."""
        if self._stamp is not None and self._stamp[0] == id(conn):
            self._stamp = (self._stamp[0], self._stamp[1], conn.total_changes)

    def forget(self, conn: sqlite3.Connection) -> None:
        """Drop every set (they live in this connection's temp schema)."""
        for name in list(self._sets):
            self._drop(conn, name)
        self._stamp = self._stamp_of(conn)

    def _drop(self, conn: sqlite3.Connection, name: str) -> None:
        if self._sets.pop(name) is not None and self._stamp and self._stamp[0] == id(conn):
            conn.execute(f"DROP TABLE IF EXISTS temp.{name}")

    def get(self, conn: sqlite3.Connection, sql: Sql, fill: Fill) -> tuple[str, int | None]:
        """(temp table, size) of the set *sql* selects, made by *fill* the first time."""
        name = self._prefix + hashlib.sha1(repr(sql).encode()).hexdigest()[:16]
        if name in self._sets:
            self._sets[name] = self._sets.pop(name)  # most recently used now
        else:
            self._sets[name] = fill(conn, name, sql)
            conn.commit()  # end the implicit transaction: it would pin an old snapshot
            self._stamp = self._stamp_of(conn)
        return name, self._sets[name]


def fill_ids(conn: sqlite3.Connection, name: str, sql: Sql) -> int:
    """The plain fill: the ids *sql* selects."""
    conn.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
    return conn.execute(f"INSERT OR IGNORE INTO temp.{name} (id) {sql[0]}", sql[1]).rowcount
