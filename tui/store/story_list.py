"""The stories list: the filter language over stories, newest first, counted and paged.

A story matches a term about articles (words, phrases, `feed:`, `tag:`, `entity:`, `by:`,
`status:`, `lang:`, `until:`, `is:unread|read|conflict|bookmarked`) when one of its articles
matches it, with the article list's own translation (`tui.store.query_sql`) taken through
`story_articles`; several words in one term group are looked for in one article, as in the
article list. `-term` keeps the stories none of whose articles match. `outlets:`,
`is:contested` and `since:` (the story's newest article) are checked on the story row.

How it stays fast, the article list's way (tui/store/search.py): each term about articles
becomes the set of story ids it selects, made once as a temp table and kept while the data is
unchanged (typing a second word does not redo the first); a page walks the `stories_list` index
newest first, checking the sets and the story's columns that index carries, and reads full rows
only for the page. A count with one set and nothing else is that set's size.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from tui.core.query import Query, Term, count_condition
from tui.store.plan import text_ids
from tui.store.query_sql import Sql, article_condition, article_set
from tui.store.temp_sets import TempSets

STORY_COLUMNS = "s.id, s.title, s.first_seen, s.last_seen, s.articles, s.outlets, s.contested"


def story_condition(term: Term) -> Sql | None:
    """A term checked on the story row (its list index carries these columns), or None."""
    if term.key == "outlets":
        operator, number = count_condition(term.value)
        return f"s.outlets {operator} ?", (number,)
    if term.key == "is" and term.value == "contested":
        return "s.contested = 1", ()
    if term.key == "since":
        return "s.last_seen >= ?", (term.value,)
    return None


def articles_of(term: Term) -> Sql | None:
    """The ids of the articles a term about articles selects (None: not about articles); the
    stories with one of them are the term's stories."""
    if (condition := article_condition(term)) is not None:
        return f"SELECT a.id FROM articles a WHERE {condition[0]}", condition[1]
    return article_set(term)  # QueryError for what is not kept yet


def _stories_of(conn: sqlite3.Connection, name: str, articles: Sql) -> int:
    """Fill temp.*name* with the stories of the articles *articles* selects; returns how many.

    The articles first (a temp table of integers), then their stories: one primary-key lookup
    in story_articles per article while they are few, else one pass over its small
    (story_id, article_id) index — a lookup reads a row that carries the article's features,
    so for most of the cache the pass costs a third as much (50k articles: 19 ms against 62).
    """
    picked = f"{name}_a"
    conn.execute(f"DROP TABLE IF EXISTS temp.{picked}")
    conn.execute(f"CREATE TEMP TABLE {picked} (id INTEGER PRIMARY KEY)")
    try:
        found = conn.execute(f"INSERT OR IGNORE INTO temp.{picked} (id) {articles[0]}", articles[1])
        highest = conn.execute("SELECT max(article_id) FROM story_articles").fetchone()[0] or 0
        if found.rowcount * 3 < highest:
            sql = (f"SELECT sa.story_id FROM temp.{picked} p "
                   "CROSS JOIN story_articles sa ON sa.article_id = p.id")  # fmt: skip
        else:
            sql = (f"SELECT story_id FROM story_articles INDEXED BY story_articles_story "
                   f"WHERE +article_id IN temp.{picked}")  # fmt: skip
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")  # left by a failed attempt
        conn.execute(f"CREATE TEMP TABLE {name} (id TEXT PRIMARY KEY) WITHOUT ROWID")
        return conn.execute(f"INSERT OR IGNORE INTO temp.{name} (id) {sql}").rowcount
    finally:
        conn.execute(f"DROP TABLE temp.{picked}")


@dataclass
class _Filter:
    keep: list[tuple[str, int]] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def sets(self, column: str, without: str = "") -> str:
        parts = [f"+{column} IN temp.{name}" for name, _ in self.keep if name != without]
        parts += [f"+{column} NOT IN temp.{name}" for name in self.drop]
        return " AND ".join(parts) or "1"

    def where(self) -> str:
        return " AND ".join([*self.columns, self.sets("s.id")])


class StorySearcher:
    """Runs story-list queries on one connection, keeping each term's set of stories while the
    data is unchanged (`PRAGMA data_version` for other connections' commits, `total_changes`
    for this one's)."""

    def __init__(self) -> None:
        self._sets = TempSets("stories")

    def forget(self, conn: sqlite3.Connection) -> None:
        """Drop every kept set (tests start cold with it)."""
        self._sets.forget(conn)

    def _add(self, conn: sqlite3.Connection, found: _Filter, sql: Sql, negated: bool) -> None:
        name, size = self._sets.get(conn, sql, _stories_of)
        if negated:
            found.drop.append(name)
        else:
            found.keep.append((name, size))

    def _filter(self, conn: sqlite3.Connection, query: Query) -> _Filter:
        found = _Filter()
        text = query.of("word", "phrase")
        # words and phrases through the article list's indexes and senses (tui/store/plan.py)
        if positive := text_ids(conn, [t for t in text if not t.negated]):
            self._add(conn, found, positive, False)
        for term in (t for t in text if t.negated):
            if found_ids := text_ids(conn, [replace(term, negated=False)]):
                self._add(conn, found, found_ids, True)
        for term in query.terms:
            if term.key in ("word", "phrase"):
                continue
            if (condition := story_condition(term)) is not None:
                sql, params = condition
                found.columns.append(f"NOT ({sql})" if term.negated else sql)
                found.params.extend(params)
            elif (sql_set := articles_of(term)) is not None:
                self._add(conn, found, sql_set, term.negated)
        return found

    def list_stories(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[sqlite3.Row]]:
        """(how many stories match, *limit* of them from *offset*), newest first."""
        self._sets.begin(conn)
        found = self._filter(conn, query)
        count = _count(conn, found)
        return count, (_page(conn, found, limit, offset) if count > offset else [])


def _count(conn: sqlite3.Connection, found: _Filter) -> int:
    if found.keep and not found.columns:  # sets only: the smallest, checked against the rest
        name, size = min(found.keep, key=lambda item: item[1])
        if len(found.keep) == 1 and not found.drop:
            return size
        sql = f"SELECT count(*) FROM temp.{name} t WHERE {found.sets('t.id', without=name)}"
        return int(conn.execute(sql).fetchone()[0])
    return int(
        conn.execute(f"SELECT count(*) FROM stories s WHERE {found.where()}", found.params)
        .fetchone()[0]
    )


def _page(conn: sqlite3.Connection, found: _Filter, limit: int, offset: int) -> list[sqlite3.Row]:
    """The ids from the list index (newest first), then the rows of those ids only: a story's
    row carries its grouping state, which the walk must not read."""
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT s.id FROM stories s WHERE {found.where()} "
            "ORDER BY s.last_seen DESC, s.id DESC LIMIT ? OFFSET ?",
            (*found.params, limit, offset),
        )
    ]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    chosen = f"SELECT {STORY_COLUMNS} FROM stories s WHERE s.id IN ({marks})"
    rows = {row["id"]: row for row in conn.execute(chosen, ids)}
    return [rows[i] for i in ids if i in rows]


def story_outlets(conn: sqlite3.Connection, story_ids: list[str]) -> dict[str, list[str]]:
    """Each story's outlets (feed names), the one with the newest article first."""
    found: dict[str, list[str]] = {sid: [] for sid in story_ids}
    if not story_ids:
        return found
    marks = ",".join("?" * len(story_ids))
    for story_id, name, _ in conn.execute(
        "SELECT sa.story_id, f.name, max(a.sort_ts) AS newest FROM story_articles sa "
        "JOIN articles a ON a.id = sa.article_id JOIN feeds f ON f.id = a.feed_id "
        f"WHERE sa.story_id IN ({marks}) GROUP BY sa.story_id, f.name "
        "ORDER BY sa.story_id, newest DESC",
        story_ids,
    ):
        found[story_id].append(name)
    return found


def story_of_article(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row | None:
    """The article's story with how many other outlets carry it (outlets that are not this
    article's feed), or None when the article is in no story yet."""
    return conn.execute(
        f"SELECT {STORY_COLUMNS}, (SELECT count(DISTINCT f.name) FROM story_articles o "
        "JOIN articles b ON b.id = o.article_id JOIN feeds f ON f.id = b.feed_id "
        "WHERE o.story_id = s.id AND f.name != (SELECT g.name FROM articles c JOIN feeds g "
        "ON g.id = c.feed_id WHERE c.id = sa.article_id)) AS other_outlets "
        "FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?",
        (article_id,),
    ).fetchone()
