"""The walk of the stories list (tui/store/story_list.py) for a query with a term of many
articles: mapping all of them to their stories cost 0.3-0.6 s at a million articles, so a page
walks the stories instead, newest first, a batch at a time, and checks each such term on the
batch's articles only. Words and phrases are read from their full-text index newest first, as
far down as the walk has come: FTS5 reads a match fast in order, but a range of ids or a lookup
costs a pass over the term's whole list each time (`-dr` at 50k stories: 1.3 s with ranges,
0.13 s read in order), so an article is looked up only when few lie far below the reading (a
small set of stories walked). Other terms are asked of each story's articles by key, inside
the walk's statement."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from tui.core.query import Term
from tui.store.plan import bound, membership, text_ids
from tui.store.query_sql import Sql

WALK = 128  # rows a walk reads from the list index at first (then twice as many each time)
MOST = 8192  # rows a walk reads for a page before it gives way to mapping the terms' articles
CHUNK = 256  # matches of a word a walk reads at first (then twice as many each time)
KEEP = 65_536  # matches of a word a walk keeps (those far above where it has come are let go)
# matches read in order that cost about one article looked up in a full-text index (a read
# 0.5-1 us, a lookup 0.15 ms for a word or a prefix of 2-3 letters, 1-2 ms for a longer prefix)
LOOKUP = 1000
ROW = "SELECT a.id FROM articles a WHERE "  # the SQL of a term on the article's row starts so


@dataclass(frozen=True)
class Wide:
    """A term of more articles than story_list.SMALL, checked on the articles of the stories walked:
    words and phrases (*text*, looked for in one article) or the SQL of its articles."""

    negated: bool
    text: tuple[Term, ...] = ()
    articles: Sql | None = None


def walk(
    conn: sqlite3.Connection,
    source: str,
    where: str,
    params: list[object],
    wide: list[Wide],
    limit: int,
    offset: int,
    stale: Callable[[], bool],
    bounded: bool = True,
) -> list[str] | None:
    """The ids of a page whose query has wide terms: the list index (or a small set's stories,
    sorted: *source*) newest first with each story's articles beside it, a batch at a time
    (WALK rows, doubling up to 64 times that), each batch's stories kept when their articles
    meet the wide terms. When *bounded*, None if the page is not full after MOST rows (and as
    many more for each page before it): the terms keep few stories, and making their sets
    costs less than walking on (`kharkiv -st`, `feed:wire 12`: 8 s of walk at a million
    articles)."""
    conditions = [story_condition(term) for term in wide if not term.text]
    cursor = _tuples(conn).execute(
        f"SELECT s.id, sa.article_id FROM {source} CROSS JOIN story_articles sa "
        f"INDEXED BY story_articles_story ON sa.story_id = s.id "
        f"WHERE {' AND '.join([where, *(c[0] for c in conditions)])} "
        "ORDER BY s.last_seen DESC, s.id DESC",
        [*params, *(p for c in conditions for p in c[1])],
    )
    checks = [_Check(conn, term) for term in wide if term.text]
    picked: list[str] = []
    skip, size, held, read = offset, WALK, [], 0
    budget = MOST * (1 + offset // max(limit, 1)) if bounded else None
    while True:
        if budget is not None and read >= budget:
            cursor.close()
            return None
        rows = cursor.fetchmany(size)
        read += len(rows)
        pairs, held = held + rows, []
        if rows:  # the last story's articles may go on in the next batch
            last = pairs[-1][0]
            while pairs and pairs[-1][0] == last:
                held.append(pairs.pop())
            held.reverse()
        for story_id in _meeting(checks, pairs):
            if skip:
                skip -= 1
            elif len(picked) < limit:
                picked.append(story_id)
        if len(picked) >= limit or not rows or stale():
            break
        size = min(size * 2, WALK * 64)
    cursor.close()
    for check in checks:
        check.close()
    return picked


def story_condition(term: Wide) -> Sql:
    """A wide term that is no word or phrase, as a condition on the story walked: whether one
    of its articles meets it, asked of the story's few articles by key (the term's claims,
    mentions or columns), inside the walk's statement. Checked in batches from Python instead,
    each row cost ten times as much (`kharkiv -status:claimed`, 2% of the stories: 180 ms at
    50k articles walked so, 60 asked inside)."""
    assert term.articles is not None
    sql, params = term.articles
    if sql.startswith(ROW):  # a condition on the article row
        found = (f"EXISTS (SELECT 1 FROM story_articles w CROSS JOIN articles a ON a.id = "
                 f"w.article_id WHERE w.story_id = s.id AND {sql.removeprefix(ROW)})")  # fmt: skip
    else:
        found = (f"EXISTS (SELECT 1 FROM story_articles w WHERE w.story_id = s.id AND "
                 f"{bound(membership(sql, False), 'w.article_id')})")  # fmt: skip
    return (f"NOT {found}" if term.negated else found), params


def _tuples(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor whose rows are plain tuples: a walk reads tens of thousands of rows, and the
    connection's sqlite3.Row costs 15 % more to make."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor


def _meeting(checks: list[_Check], pairs: list[tuple[str, int]]) -> list[str]:
    """The stories of *pairs* (story, article; in the walk's order) whose articles meet every
    wide term."""
    articles = sorted({article for _, article in pairs})
    met = []
    for check in checks:
        hits = check.hits(articles)
        met.append({story for story, article in pairs if article in hits})
    wanted = [(found, check.term.negated) for check, found in zip(checks, met, strict=True)]
    return [
        story
        for story in dict.fromkeys(story for story, _ in pairs)
        if all((story in found) != negated for found, negated in wanted)
    ]


class _Check:
    """One wide group of words and phrases checked on the articles of the stories a walk
    meets: read from the full-text indexes newest first, as far down as the walk has come (one
    reading for the whole walk: FTS5 reads a match fast in order, but a range or a lookup
    costs a pass over the term's list each time), or looked up when few articles lie far
    below the reading. (Other wide terms are asked inside the walk's statement.)"""

    def __init__(self, conn: sqlite3.Connection, term: Wide) -> None:
        self.conn, self.term = conn, term
        self.cursor: sqlite3.Cursor | None = None
        self.read: set[int] = set()  # the matches read, down to `floor`, up to `ceiling`
        self.floor, self.ceiling = math.inf, math.inf
        self.top, self.count = 0, 0  # the first match read, and how many were read
        self.chunk = CHUNK  # matches read at a time
        self.sql = text_ids(conn, list(term.text))  # None: no word has a token
        if self.sql is not None:
            self.cursor = _tuples(conn).execute(f"{self.sql[0]} ORDER BY 1 DESC", self.sql[1])

    def hits(self, articles: list[int]) -> set[int]:
        """The articles among *articles* (ascending) that the term selects. Those below where
        the reading has come are read down to, unless they are few and far below (a small set
        of stories walked: `kharkiv -st`, five articles of 50,000 against nearly every
        article for "st"): then each is looked up."""
        if not articles or self.sql is None:
            return set()
        if self.floor == math.inf:
            self._read()  # a first chunk: how dense the matches are
        looked = [a for a in articles if a > self.ceiling]  # read, then let go (rare: see below)
        below = [a for a in articles if a < self.floor]
        if below and self._between(below[0]) > LOOKUP * len(below):
            looked += below
        else:
            while self.floor > articles[0] and self._read():
                pass
        found = {a for a in articles if a in self.read}
        if looked:
            found |= self._looked_up(looked)
        if len(self.read) > KEEP:  # a long walk: matches far above it are let go
            self.ceiling = min(self.ceiling, articles[0] + KEEP // 2)  # never raised again
            self.read = {a for a in self.read if a <= self.ceiling}
        return found

    def _read(self) -> bool:
        """The next chunk of matches, newest first; False when there are no more."""
        assert self.cursor is not None
        rows = self.cursor.fetchmany(self.chunk)
        self.chunk = min(self.chunk * 2, 8192)  # a phrase checks each match's positions
        if not rows:
            self.floor = -math.inf
            return False
        self.top = self.top or rows[0][0]
        self.count += len(rows)
        self.read.update(row[0] for row in rows)
        self.floor = rows[-1][0]
        return True

    def _between(self, lowest: int) -> float:
        """How many matches lie between the last one read and *lowest*, at the density of
        those read so far."""
        return self.count * (self.floor - lowest) / (self.top - self.floor + 1)

    def _looked_up(self, articles: list[int]) -> set[int]:
        assert self.sql is not None
        sql, params = self.sql
        marks = ",".join("?" * len(articles))
        check = bound(membership(sql, False), "a.id")
        return {
            row[0]
            for row in _tuples(self.conn).execute(
                f"SELECT a.id FROM articles a WHERE a.id IN ({marks}) AND {check}",
                (*articles, *params),
            )
        }

    def close(self) -> None:
        if self.cursor is not None:
            self.cursor.close()
