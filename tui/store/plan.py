"""A query taken apart for one list: the full-text streams that can drive a walk or narrow
it, and the conditions every row must meet, as SQL on the list's row aliases (`a` articles,
`c` claims).

Words and phrases become FTS5 expressions of exact tokens wherever possible (tui/store/words.py
says why): a word is a prefix, so "drone" becomes ("drone" OR "drones"); a prefix short enough
to have a prefix index is read from it. Articles have two indexes (schema v8): words go to
`articles_fts` (no positions, prefix indexes of 2-3 letters), phrases to
`articles_phrase_fts` (positions); claims the same two (schema 11). The terms of one index
make one expression, its negated terms folded in as NOT; a second index's expression, and
negated terms with no positive term in their index, are streams merged with the walk
(tui/store/pages.py): FTS5 reads a match fast in order, but checking one row against it costs
a lookup of every term (0.1-0.8 ms).

Terms about claims, entities, bookmarks and stories select ids through `tui.store.query_sql`.
A small set (at most SMALL ids) is kept as a temp table by the Searcher (tui/store/searcher.py);
a larger one is checked row by row: its SQL is wrapped so SQLite pushes the row's id into it
and answers from an index (`WITH s(x) AS (...) SELECT 1 FROM s WHERE x = a.id`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from tui.core.query import Query, Term, words_of
from tui.core.spelling import variants
from tui.store import words

SMALL = 4096  # ids in a set kept as a temp table; a larger set is checked row by row
# Each list's full-text indexes: (words index, phrases index, prefix-index lengths of the first)
INDEXES = {
    "articles": ("articles_fts", "articles_phrase_fts", (2, 3)),
    "claims": ("claims_fts", "claims_phrase_fts", (2,)),
}


@dataclass(frozen=True)
class Stream:
    """An FTS5 expression on one index: the ids it matches, newest first."""

    table: str
    expression: str


@dataclass
class Plan:
    """The rows a query selects. `match` (or None) drives a walk; `also` must match too and
    `unless` must not (both merged as streams); `where` holds every other condition, with
    `params`; `sets` are the kept temp tables of small positive sets as (name, size);
    `nothing` says a term is known to select no row (a tag that names no feed)."""

    match: Stream | None = None
    also: list[Stream] = field(default_factory=list)
    unless: list[Stream] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    sets: list[tuple[str, int]] = field(default_factory=list)
    nothing: bool = False

    def add(self, sql: str, params: tuple[object, ...] | list[object] = (), negated: bool = False
            ) -> None:  # fmt: skip
        self.where.append(f"NOT ({sql})" if negated else sql)
        self.params.extend(params)

    def condition(self, without: str | None = None) -> tuple[str, list[object]]:
        """The conditions as one SQL expression (leaving out the temp set *without*)."""
        parts = [w for w in self.where if without is None or w != f"+{_ID} IN temp.{without}"]
        return " AND ".join(parts) or "1", self.params

    @property
    def streams(self) -> bool:
        return bool(self.also or self.unless)


_ID = "{id}"  # where a plan's conditions name the row's id (a.id or c.id, set by the list)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _word(conn: sqlite3.Connection, token: str, prefixes: tuple[int, ...]) -> str:
    """One folded token as a prefix: FTS5's prefix index, or the exact tokens it stands for."""
    if len(token) in prefixes:
        return _quote(token) + "*"
    found = words.expand(conn, token)
    if found is None:
        return _quote(token) + "*"  # too many to list: FTS5 merges them (rare this long)
    if not found:
        return _quote(token)  # no such token: matches nothing, as the prefix would
    return "(" + " OR ".join(_quote(t) for t in found) + ")"


def _tokens(conn: sqlite3.Connection, key: str, value: str) -> list[str]:
    """The folded tokens of a word or phrase; a word's one-letter tokens are dropped (as a
    prefix they match nearly everything)."""
    tokens = [t for raw in words_of(value) for t in words.fold(conn, raw)]
    return [t for t in tokens if len(t) > 1] if key == "word" else tokens


def _expression(conn: sqlite3.Connection, term: Term, prefixes: tuple[int, ...]) -> str:
    """A word or phrase term as one FTS5 expression: each spelling (tui.core.spelling:
    "defence" also finds "defense", as `tui.store.query_sql.fts_expression` means it) a word's
    tokens ANDed or a phrase, the spellings ORed; empty when no spelling has a token."""
    forms: list[str] = []
    for form in variants(term.value):
        tokens = _tokens(conn, term.key, form)
        if not tokens:
            continue
        if term.key == "word":
            written = " AND ".join(_word(conn, t, prefixes) for t in tokens)
        else:
            written = _quote(" ".join(tokens))
        if written not in forms:
            forms.append(written)
    return " OR ".join(f"({form})" for form in forms)


def text_terms(conn: sqlite3.Connection, query: Query, kind: str, plan: Plan) -> None:
    """Words and phrases into *plan* (see the module's docstring)."""
    word_index, phrase_index, prefixes = INDEXES[kind]
    positive: dict[str, list[str]] = {}
    negative: dict[str, list[str]] = {}
    for term in query.of("word", "phrase"):
        expression = _expression(conn, term, prefixes)
        if not expression:
            continue
        table = word_index if term.key == "word" else phrase_index
        (negative if term.negated else positive).setdefault(table, []).append(f"({expression})")
    for table in sorted(positive, key=lambda t: t != phrase_index):  # phrases are the rarer
        expression = " AND ".join(positive[table])
        if table in negative:
            expression = f"({expression}) NOT ({' OR '.join(negative.pop(table))})"
        if plan.match is None:
            plan.match = Stream(table, expression)
        else:
            plan.also.append(Stream(table, expression))
    plan.unless = [Stream(table, " OR ".join(found)) for table, found in negative.items()]


def text_ids(
    conn: sqlite3.Connection, terms: list[Term], between: tuple[int, int] | None = None
) -> tuple[str, tuple[object, ...]] | None:
    """The ids of the articles that match every one of *terms* (words and phrases, each in one
    article), as one SQL statement over the words and phrases indexes: for a list that takes
    the whole set at once (the stories list), or only the ids *between* two (both included),
    which each index then reads from that range alone. None when no term has a token."""
    plan = Plan()
    text_terms(conn, Query(tuple(terms)), "articles", plan)
    positive = [plan.match, *plan.also] if plan.match is not None else []
    if not positive:
        return None
    bounds = " AND rowid BETWEEN ? AND ?" if between else ""
    parts = [f"SELECT rowid FROM {s.table} WHERE {s.table} MATCH ?{bounds}" for s in positive]
    sql = " INTERSECT ".join(parts)  # compound operators run left to right: (A ∩ B) − C
    sql += "".join(f" EXCEPT SELECT rowid FROM {s.table} WHERE {s.table} MATCH ?{bounds}"
                   for s in plan.unless)  # fmt: skip
    return sql, tuple(
        value for s in (*positive, *plan.unless) for value in (s.expression, *(between or ()))
    )


def by_source(
    conn: sqlite3.Connection, term: Term, kind: str
) -> tuple[str, tuple[object, ...]] | None:
    """`by:` as a condition on the row, as `tui.store.query_sql` means it: the claim's source
    (an article: one of its claims') is among the distinct sources whose words match, the last
    as a prefix, or a word of its canonical name starts with the value (both looked up among
    the distinct names, schema v9 and v10). None for a value too short to mean anything; "0"
    when no claim has such a source (a name half typed: checked once here, where the walk
    would test every row of the list for nothing)."""
    if len(term.value.strip()) < 2:
        return None
    tokens = words_of(term.value)
    escaped = term.value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if tokens:
        sources = "SELECT rowid FROM claim_sources_fts WHERE claim_sources_fts MATCH ?"
        value: object = '"' + " ".join(tokens).replace('"', '""') + '"*'
    else:
        sources, value = (
            "SELECT id FROM claim_sources WHERE source LIKE ? ESCAPE '\\'",
            f"%{escaped}%",
        )
    canonicals = (
        "SELECT name FROM claim_canonicals WHERE name LIKE ? ESCAPE '\\' "
        "OR name LIKE ? ESCAPE '\\'"
    )
    params = (value, f"{escaped}%", f"% {escaped}%")
    if not conn.execute(
        f"SELECT EXISTS ({sources}) OR EXISTS ({canonicals})", params
    ).fetchone()[0]:
        return "0", ()
    # on the claim row's ids (schema 15): its source among those found, its canonical name too
    row = "c" if kind == "claims" else "k"
    found = (f"({row}.source_id IN ({sources}) OR {row}.canonical_id IN "
             f"(SELECT id FROM claim_names WHERE name IN ({canonicals})))")  # fmt: skip
    if kind == "claims":
        return found, params
    return f"EXISTS (SELECT 1 FROM claim_rows k WHERE k.article_id = a.id AND {found})", params


def membership(sql: str, negated: bool) -> str:
    """A large set checked for the row at hand (see the module's docstring)."""
    inner = sql.removesuffix(" ORDER BY 1")
    found = f"EXISTS (WITH s(x) AS ({inner}) SELECT 1 FROM s WHERE x = {_ID})"
    return f"NOT {found}" if negated else found


def bound(sql: str, row_id: str) -> str:
    """*sql* with the row's id column named (a.id for articles, c.id for claims)."""
    return sql.replace(_ID, row_id)
