"""The query language in SQL: what each term selects, for articles, claims and bookmarks.

One translation for the three lists, so a term means the same everywhere (docs/QUERY.md has the
table; tests/test_query_conformance.py runs it against each list). Each function returns a small
SQL fragment with its parameters, or None when the term is not of its kind; `tui.store.search`
decides how to combine and run them.
"""

from __future__ import annotations

from tui.core.query import Query, Term, check_for_bookmarks, count_condition, words_of
from tui.core.spelling import variants
from tui.store.schema_lean import code
from tui.store.schema_trim import WITH_SIDE

_ENTITY_IDS = "SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'"
FEEDS = "+a.feed_id IN (SELECT id FROM feeds WHERE {})"
_TAGGED_FEEDS = "SELECT {} FROM feeds WHERE ' ' || lower(tags) || ' ' LIKE ?"

Sql = tuple[str, tuple[object, ...]]


def fts_expression(terms: list[Term]) -> str:
    """Words become prefix tokens, phrases exact phrases; every token is quoted for FTS5. A
    word or phrase with spelling variants (tui.core.spelling: "defence", "Kyiv") matches any
    of them: `("kyiv"* OR "kiev"*)`."""
    parts = []
    for term in terms:
        forms: list[str] = []
        for form in variants(term.value):
            written = _fts_form(term.key, form)
            if written and written not in forms:
                forms.append(written)
        if len(forms) > 1:
            parts.append("(" + " OR ".join(forms) + ")")
        elif forms:
            parts.append(forms[0])
    return " AND ".join(parts)


def _fts_form(key: str, value: str) -> str:
    """One spelling of a word term (its tokens as prefixes, ANDed) or of a phrase."""
    tokens = words_of(value)
    if key == "word":
        kept = [f'"{token}"*' for token in tokens if len(token) > 1]
        return kept[0] if len(kept) == 1 else f"({' AND '.join(kept)})" if kept else ""
    return '"' + " ".join(tokens) + '"' if tokens else ""


def _like(value: str) -> str:
    return f"%{_escape(value)}%"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_start(value: str) -> tuple[str, str]:
    """LIKE patterns for names with a word starting with *value* ("kyiv" → "Kyiv",
    "Kyiv Oblast", "Greater Kyiv"): the same prefix sense as words, and selective."""
    return f"{_escape(value)}%", f"% {_escape(value)}%"



def _tag(value: str) -> str:
    return f"% {value.lower()} %"


def _too_short(value: str) -> bool:
    """One letter selects nearly everything and costs the most: skipped, like one-letter words."""
    return len(value.strip()) < 2


# The full-text index with a `source` column that takes a column filter (the claims' words
# index keeps no columns: schema 11).
_SOURCE_INDEX = {"claims": "claims_phrase_fts", "bookmarks": "bookmarks_fts"}


# A claim row keeps its source, canonical source and side as ids (schema 15): a condition on
# one of them finds the few names it means in their small table, then the claims through the
# id's index (claims_canonical, claims_sides: a partial index, which a query reads only when it
# says WITH_SIDE, schema 16); a bookmark keeps its copies as text.
_NAMED = {  # column of the claims view: (column of claim_rows, table of names, its column)
    "source": ("source_id", "claim_sources", "source"),
    "source_canonical": ("canonical_id", "claim_names", "name"),
    "affiliation": ("side_id", "claim_names", "name"),
}
_LIKE = "LIKE ? ESCAPE '\\'"


def _rows_where(table: str, id_column: str, *columns: str) -> str:
    """SQL for the ids of the rows of *table* (claims or bookmarks) where one of *columns* is
    LIKE its pattern (a parameter each, in their order; a column's patterns side by side)."""
    if table != "claims":
        return f"SELECT {id_column} FROM {table} WHERE " + " OR ".join(
            f"{column} {_LIKE}" for column in columns
        )
    tests = []
    for column in dict.fromkeys(columns):
        row_column, names, name = _NAMED[column]
        likes = " OR ".join(f"{name} {_LIKE}" for c in columns if c == column)
        test = f"{row_column} IN (SELECT id FROM {names} WHERE {likes})"
        tests.append(f"({test} AND {WITH_SIDE})" if row_column == "side_id" else test)
    return f"SELECT {id_column} FROM claim_rows WHERE {' OR '.join(tests)}"


def _by_source(table: str, id_column: str, value: str) -> Sql:
    """Rows whose source matches: the source as written (its column of the full-text index,
    prefix at the end), or its canonical name (a word of it starts with the words given)."""
    tokens = words_of(value)
    canonical = (
        _rows_where(table, id_column, "source_canonical", "source_canonical"),
        _word_start(value),
    )
    if not tokens:
        written: Sql = (_rows_where(table, id_column, "source"), (_like(value),))
    else:
        index = _SOURCE_INDEX[table]
        written = (
            f"SELECT rowid FROM {index} WHERE {index} MATCH ?",
            ('source : "' + " ".join(tokens) + '"*',),
        )
    return f"{written[0]} UNION {canonical[0]}", (*written[1], *canonical[1])


def _by_side(table: str, id_column: str, value: str) -> Sql:
    """Rows whose source's side matches: the affiliation starts with the value (`side:russia`,
    `side:rapid`), or the canonical source is that side itself (a state or armed group speaking
    for itself: "Hamas", "Russia"). For claims, the names are found in claim_names, then the
    claims through the indexes on their ids (claims_sides, claims_canonical), not by a scan."""
    return (
        _rows_where(table, id_column, "affiliation", "source_canonical"),
        (f"{_escape(value)}%", _escape(value)),
    )


# ── articles ──────────────────────────────────────────────────────────────────────────────────


def feeds_named(term: Term) -> Sql | None:
    """The condition on the feeds table that a `feed:` or `tag:` term names, or None."""
    if term.key == "feed":
        like = _like(term.value)
        return "name LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\'", (like, like)
    if term.key == "tag":
        return "' ' || lower(tags) || ' ' LIKE ?", (_tag(term.value),)
    return None


def article_condition(term: Term) -> Sql | None:
    """A term checked on the article's own columns (the list index covers them), or None."""
    key, value = term.key, term.value
    if (feeds := feeds_named(term)) is not None:
        return FEEDS.format(feeds[0]), feeds[1]
    if key == "feed_id":
        return "+a.feed_id = ?", (int(value),)
    if key in ("since", "until"):
        return f"a.sort_ts {'>=' if key == 'since' else '<'} ?", (value,)
    if key == "lang":
        return "+a.language = ?", (value,)
    if key == "is" and value in ("unread", "read", "conflict"):
        return {"unread": "+a.read = 0", "read": "+a.read = 1", "conflict": "+a.conflict = 1"}[
            value
        ], ()
    return None


def _story_articles(term: Term) -> Sql | None:
    """The articles whose story a story term (`outlets:`, `is:contested`) selects."""
    if term.key == "outlets":
        operator, number = count_condition(term.value)
        where: Sql = (f"s.outlets {operator} ?", (number,))
    elif term.key == "is" and term.value == "contested":
        where = ("s.contested = 1", ())
    else:
        return None
    return (
        "SELECT sa.article_id FROM stories s JOIN story_articles sa ON sa.story_id = s.id "
        f"WHERE {where[0]} ORDER BY 1",
        where[1],
    )


def article_set(term: Term) -> Sql | None:
    """The ids of the articles a term about claims, entities or bookmarks selects, or None."""
    key, value = term.key, term.value
    if (stories := _story_articles(term)) is not None:
        return stories
    if key in ("entity", "by", "side") and _too_short(value):
        return None
    if key == "entity":
        return (
            f"SELECT article_id FROM mentions WHERE entity_id IN ({_ENTITY_IDS}) ORDER BY 1",
            _word_start(value),
        )
    if key == "by":
        sql, params = _by_source("claims", "id", value)
        return f"SELECT article_id FROM claim_rows WHERE id IN ({sql}) ORDER BY 1", params
    if key == "side":
        sql, params = _by_side("claims", "article_id", value)
        return f"{sql} ORDER BY 1", params
    if key == "status":
        return "SELECT article_id FROM claim_rows WHERE status = ? ORDER BY 1", (code(value),)
    if key == "is" and value == "bookmarked":
        return "SELECT article_id FROM bookmarks WHERE article_id IS NOT NULL ORDER BY 1", ()
    if key == "is" and value == "manual":
        return f"SELECT article_id FROM claim_rows WHERE {_MANUAL} ORDER BY 1", ()
    return None


# ── claims ────────────────────────────────────────────────────────────────────────────────────

# The claims that bookmarks stand for (a bookmark made before schema v3 has no source start: it
# stands for the claim at its start whose source matches).
# Claims whose status the user set (the partial index claims_manual on claim_rows holds just
# those; through the claims view, whose columns are expressions, it was a scan of every claim).
_MANUAL = "analysis_status IS NOT NULL"
_BOOKMARK_CLAIM = (
    "bookmarks b JOIN claims k ON k.article_id = b.article_id AND k.start = b.claim_start "
    "AND (k.source_start = b.source_start OR (b.source_start IS NULL AND k.source = b.source))"
)


def claim_set(term: Term) -> Sql | None:
    """The ids of the claims a claim-level term selects (None: the term is about the article)."""
    key, value = term.key, term.value
    if key in ("entity", "by", "side") and _too_short(value):
        return None
    if key == "by":
        return _by_source("claims", "id", value)
    if key == "side":
        return _by_side("claims", "id", value)
    if key == "is" and value == "manual":
        return f"SELECT id FROM claim_rows WHERE {_MANUAL}", ()
    if key == "status":
        return "SELECT id FROM claim_rows WHERE status = ?", (code(value),)
    if key == "entity":
        return (
            "SELECT k.id FROM mentions m JOIN claims k ON k.article_id = m.article_id AND "
            'k.start <= m.start AND k."end" >= m."end" WHERE m.entity_id IN '
            f"({_ENTITY_IDS}) ORDER BY 1",
            _word_start(value),
        )
    if key == "is" and value == "bookmarked":
        return f"SELECT k.id FROM {_BOOKMARK_CLAIM} ORDER BY 1", ()
    if (stories := _story_articles(term)) is not None:
        return f"SELECT id FROM claims WHERE article_id IN ({stories[0]}) ORDER BY 1", stories[1]
    return None


# ── bookmarks ─────────────────────────────────────────────────────────────────────────────────
# A bookmark carries copies of its claim, article and feed name, so it stays searchable when
# they are gone from the cache; terms read those copies. Where the cache still holds its claim,
# `entity:` also follows the claim's mentions (as in the claims view), and `tag:` also matches the
# tags of the feed it came from (as in the article list) besides the bookmark's own tags.


def bookmark_condition(term: Term) -> Sql | None:
    """A term checked on the bookmark row (alias b) and its full-text index, or None."""
    key, value = term.key, term.value
    fts = "b.id IN (SELECT rowid FROM bookmarks_fts WHERE bookmarks_fts MATCH ?)"
    if key in ("word", "phrase"):
        expression = fts_expression([term])
        return (fts, (expression,)) if expression else None
    if key == "by":
        if _too_short(value):
            return None
        sql, params = _by_source("bookmarks", "id", value)
        return f"b.id IN ({sql})", params
    if key == "side":
        if _too_short(value):
            return None
        sql, params = _by_side("bookmarks", "id", value)
        return f"b.id IN ({sql})", params
    if key == "status":
        return "b.status = ?", (value,)
    if key == "is" and value == "manual":
        return "b.status_manual = 1", ()
    if key == "entity":
        if _too_short(value):
            return None
        tokens = words_of(value)
        linked, names = claim_set(term) or ("SELECT NULL", ())
        # the inner b is the subquery's own bookmarks row
        mentioned = f"b.id IN (SELECT b.id FROM {_BOOKMARK_CLAIM} WHERE k.id IN ({linked}))"
        if not tokens:
            return mentioned, names
        written = '{claim_text source} : "' + " ".join(tokens) + '"*'
        return f"({mentioned} OR {fts})", (*names, written)
    if key == "feed":
        return (
            "(b.feed_name LIKE ? ESCAPE '\\' OR b.article_url LIKE ? ESCAPE '\\')",
            (_like(value), _like(value)),
        )
    if key == "tag":
        feeds = _TAGGED_FEEDS.format("name")
        return f"(' ' || lower(b.tags) || ' ' LIKE ? OR b.feed_name IN ({feeds}))", (
            _tag(value),
            _tag(value),
        )
    if key in ("since", "until"):
        return f"COALESCE(b.published, b.created) {'>=' if key == 'since' else '<'} ?", (value,)
    if key == "lang":
        return "b.article_id IN (SELECT id FROM articles WHERE language = ?)", (value,)
    if (stories := _story_articles(term)) is not None:
        return f"b.article_id IN ({stories[0]})", stories[1]
    if key == "is":
        check_for_bookmarks(Query((term,)))
        return "1", ()
    return None  # the app's own scope terms (feed_id) do not narrow bookmarks
