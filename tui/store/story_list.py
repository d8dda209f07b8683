"""The stories list: the filter language over stories, newest first, counted and paged.

A story matches a term about articles (words, phrases, `feed:`, `tag:`, `entity:`, `by:`,
`status:`, `lang:`, `until:`, `is:unread|read|conflict|bookmarked`) when one of its articles
matches it, with the article list's own translation (`tui.store.query_sql`) taken through
`story_articles`; several words in one term group are looked for in one article, as in the
article list. `-term` keeps the stories none of whose articles match. `outlets:`,
`is:contested` and `since:` (the story's newest article) are checked on the story row.

How it stays fast, the article list's way (tui/store/search.py and pages.py):
- a term of few articles (at most SMALL) becomes the set of story ids it selects, made once
  as a temp table and kept while the data is unchanged (typing a second word does not redo
  the first); a page walks the `stories_list` index newest first, checking the sets and the
  story's columns that index carries, and reads full rows only for the page;
- a term of more articles ("kharkiv" in a third of a million articles, a prefix of two
  letters, `is:unread`) is **wide**: mapping all its articles to their stories cost 0.3-0.6 s
  at a million. A page walks the stories instead, a batch at a time, and checks each wide term
  on the walked stories' articles only (words read from the full-text indexes newest first,
  other terms asked of each story's articles inside the walk's statement;
  tui/store/story_walk.py): a term common enough to be wide is met within a few batches.
  The count of such a list is left to `count_stories`, which maps every article (the app asks
  for it off the page's way, and shows "100+" until it comes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tui.core.query import Query, Term, count_condition
from tui.store.counts import TooSlow, deadline
from tui.store.plan import by_source, text_ids
from tui.store.query_sql import Sql, article_condition, article_set, feeds_named
from tui.store.story_walk import ROW, Wide, walk
from tui.store.temp_sets import TempSets

STORY_COLUMNS = "s.id, s.title, s.first_seen, s.last_seen, s.articles, s.outlets, s.contested"
SMALL = 4096  # rows (articles) a term may give and still be mapped to its stories at once
DRIVE = 8192  # stories in a set small enough to drive a page (sorted) rather than be checked


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
        return f"{ROW}{condition[0]}", condition[1]
    return article_set(term)  # QueryError for what is not kept yet


def _stories_of(conn: sqlite3.Connection, name: str, articles: Sql) -> int:
    """Fill temp.*name* with the stories of the articles *articles* selects; returns how many.

    The articles first (a temp table of integers), then their stories: one primary-key lookup
    in story_articles per article while they are few, else one pass over its small
    (story_id, article_id) index — a lookup reads a row that carries the article's features,
    so for most of the cache the pass costs a third as much (50k articles: 19 ms against 62).
    """
    return _map(conn, name, articles, None)  # type: ignore[return-value]


def _few_stories_of(conn: sqlite3.Connection, name: str, articles: Sql) -> int | None:
    """As _stories_of for a term of at most SMALL articles; None (no set made) for more."""
    return _map(conn, name, articles, SMALL)


def _map(conn: sqlite3.Connection, name: str, articles: Sql, most: int | None) -> int | None:
    picked = f"{name}_a"
    conn.execute(f"DROP TABLE IF EXISTS temp.{picked}")
    conn.execute(f"CREATE TEMP TABLE {picked} (id INTEGER PRIMARY KEY)")
    try:
        if most is not None:  # rows as read (a term's SQL may give an article more than once)
            conn.execute(f"DROP TABLE IF EXISTS temp.{picked}_rows")
            conn.execute(f"CREATE TEMP TABLE {picked}_rows (id INTEGER)")
            read = conn.execute(f"INSERT INTO temp.{picked}_rows (id) SELECT * FROM "
                                f"({articles[0]}) LIMIT {most + 1}", articles[1])  # fmt: skip
            if read.rowcount > most:
                conn.execute(f"DROP TABLE temp.{picked}_rows")
                return None
            articles = (f"SELECT id FROM temp.{picked}_rows", ())
        found = conn.execute(f"INSERT OR IGNORE INTO temp.{picked} (id) {articles[0]}", articles[1])
        if most is not None:
            conn.execute(f"DROP TABLE temp.{picked}_rows")
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
    wide: list[Wide] = field(default_factory=list)
    nothing: bool = False  # a term is known to select no story (a tag that names no feed)

    def sets(self, column: str, without: str = "") -> str:
        parts = [f"+{column} IN temp.{name}" for name, _ in self.keep if name != without]
        parts += [f"+{column} NOT IN temp.{name}" for name in self.drop]
        return " AND ".join(parts) or "1"

    def where(self) -> str:
        return " AND ".join([*self.columns, self.sets("s.id")])

    def source(self) -> str:
        """The rows a page reads: the stories, or a small set's (see _page)."""
        if self.keep and (small := min(self.keep, key=lambda item: item[1]))[1] <= DRIVE:
            return f"temp.{small[0]} t CROSS JOIN stories s ON s.id = t.id"
        return "stories s"


class StorySearcher:
    """Runs story-list queries on one connection, keeping each term's set of stories while the
    data is unchanged (`PRAGMA data_version` for other connections' commits, `total_changes`
    for this one's): the sets of few articles for pages, every term's for counts."""

    def __init__(self) -> None:
        self._sets = TempSets("stories")
        # every story of a wide term: a few at a time (a million articles: 5-20 MB each)
        self._all = TempSets("stories_all", most=4)

    def forget(self, conn: sqlite3.Connection) -> None:
        """Drop every kept set (tests start cold with it)."""
        self._sets.forget(conn)
        self._all.forget(conn)

    def _filter(
        self, conn: sqlite3.Connection, query: Query, every: bool | str = False
    ) -> _Filter:
        """The query's terms as story conditions and sets; with *every*, a set for each term
        however many articles it selects (for a count; "negated": for the negated terms
        only), else wide terms for the walk."""
        found = _Filter()

        def add(sql: Sql, negated: bool, text: tuple[Term, ...] = ()) -> None:
            if every is True or (every == "negated" and negated):
                name, size = self._all.get(conn, sql, _stories_of)
            else:
                name, size = self._sets.get(conn, sql, _few_stories_of)
            if size is None:
                found.wide.append(Wide(negated, text, None if text else sql))
            elif negated:
                found.drop.append(name)
            else:
                found.keep.append((name, size))

        text = query.of("word", "phrase")
        # words and phrases through the article list's indexes and senses (tui/store/plan.py);
        # the article that meets the positive ones must meet none of the negated ones either
        # (FTS5 takes them away in one expression: `kharkiv -st` leaves 5 articles of 50,000
        # to look at, where "kharkiv" alone is wide), and the negated ones are checked on
        # the story's other articles below
        if any(not t.negated for t in text) and (found_ids := text_ids(conn, list(text))):
            add(found_ids, False, tuple(text))
        for term in (t for t in text if t.negated):
            plain = replace(term, negated=False)
            if found_ids := text_ids(conn, [plain]):
                add(found_ids, True, (plain,))
        for term in query.terms:
            if term.key in ("word", "phrase"):
                continue
            if (condition := story_condition(term)) is not None:
                sql, params = condition
                found.columns.append(f"NOT ({sql})" if term.negated else sql)
                found.params.extend(params)
            elif term.key == "by":  # the names first: a name half typed that no claim has
                # selects nothing; then the set of its articles, as any term on the claims
                # (schema 15 finds them among the names' ids: `by:"defence ministry"` cold at
                # 50k 294 -> 84 ms, where each article's claims were asked one article at a time)
                if (condition := by_source(conn, term, "articles")) is None:
                    continue  # too short to mean anything
                if condition[0] != "0" and (sql_set := articles_of(term)) is not None:
                    add(sql_set, term.negated)
                elif not term.negated:  # no claim has such a source
                    found.nothing = True
            elif (named := feeds_named(term)) is not None:
                # the feeds first (a small table): a half-typed tag names none, and asking
                # the articles so would read all of them (90 ms at a million)
                feeds = ",".join(str(int(r[0])) for r in conn.execute(
                    f"SELECT id FROM feeds WHERE {named[0]}", named[1]))  # fmt: skip
                if feeds:
                    add((f"{ROW}+a.feed_id IN ({feeds})", ()), term.negated)
                elif not term.negated:  # (a negated one of no feed excludes nothing)
                    found.nothing = True
            elif (sql_set := articles_of(term)) is not None:
                add(sql_set, term.negated)
        found.nothing = found.nothing or any(size == 0 for _, size in found.keep)
        for kept in (self._sets, self._all):  # the words' scratch and each other's fills
            kept.settle(conn)
        return found

    def _begin(self, conn: sqlite3.Connection) -> None:
        self._sets.begin(conn)
        self._all.begin(conn)

    def page_stories(
        self,
        conn: sqlite3.Connection,
        query: Query,
        *,
        limit: int = 100,
        offset: int = 0,
        stale: Callable[[], bool] = lambda: False,
    ) -> list[sqlite3.Row]:
        """*limit* stories from *offset*, newest first. A walk gives up between two batches
        once *stale* says a newer list was asked for (its answer would not be shown)."""
        self._begin(conn)
        found = self._filter(conn, query)
        if found.nothing:
            return []
        if not found.wide:
            return _rows(conn, _page(conn, found, limit, offset))
        # a walk's statement may run long (terms asked of each story inside it): stopped
        # once stale, with no rows
        conn.set_progress_handler(lambda: int(stale()), 20_000)
        try:
            ids = walk(conn, found.source(), found.where(), found.params, found.wide, limit,
                       offset, stale)  # fmt: skip
            if ids is None:  # the terms keep few stories: their articles mapped after all
                ids = self._mapped(conn, query, limit, offset, stale)
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc) and stale():
                return []
            raise
        finally:
            conn.set_progress_handler(None, 0)
        return _rows(conn, ids)

    def _mapped(
        self,
        conn: sqlite3.Connection,
        query: Query,
        limit: int,
        offset: int,
        stale: Callable[[], bool],
    ) -> list[str]:
        """A page once the walk gave way: the negated terms' sets of stories made, and the
        rest walked to the end (the sets leave few stories: `kharkiv -st`); without a negated
        wide term, every term's set."""
        found = self._filter(conn, query, every="negated")
        if found.drop and not any(w.negated for w in found.wide):
            where, params = found.where(), found.params
            ids = walk(conn, found.source(), where, params, found.wide, limit, offset,
                       stale, bounded=False)  # fmt: skip
            if ids is not None:
                return ids
        return _page(conn, self._filter(conn, query, every=True), limit, offset)

    def count_stories(
        self, conn: sqlite3.Connection, query: Query, *, seconds: float | None = None
    ) -> int | None:
        """How many stories match; None when that takes more than *seconds* (a term of many
        articles maps them all; a list of half a million stories takes a while to count)."""
        self._begin(conn)
        found = self._filter(conn, query)
        if found.nothing:
            return 0
        if seconds is not None and (seconds <= 0 or found.wide):
            return None  # a wide term's count maps all its articles: never quick at scale
        try:
            with deadline(conn, seconds):
                if found.wide:
                    found = self._filter(conn, query, every=True)
                return _count(conn, found)
        except TooSlow:
            return None

    def list_stories(
        self, conn: sqlite3.Connection, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[sqlite3.Row]]:
        """(how many stories match, *limit* of them from *offset*), newest first."""
        count = self.count_stories(conn, query) or 0
        return count, (self.page_stories(conn, query, limit=limit, offset=offset)
                       if count > offset else [])  # fmt: skip


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


def _page(conn: sqlite3.Connection, found: _Filter, limit: int, offset: int) -> list[str]:
    """The ids from the list index (newest first): a story's row carries its grouping state,
    which the walk must not read. A small set drives instead, its stories sorted: the index
    would be walked past every story between two of the set's (`entity:Zhuravka`, 2,174
    stories of half a million: 137 ms walked, a few sorted)."""
    return [
        row[0]
        for row in conn.execute(
            f"SELECT s.id FROM {found.source()} WHERE {found.where()} "
            "ORDER BY s.last_seen DESC, s.id DESC LIMIT ? OFFSET ?",
            (*found.params, limit, offset),
        )
    ]


def _rows(conn: sqlite3.Connection, ids: list[str]) -> list[sqlite3.Row]:
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
