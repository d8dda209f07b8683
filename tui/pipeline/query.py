"""The filter language, one everywhere (`/` in the app, `sitrep search`): text → Query → SQL.

    kharkiv drone        every word, prefix match (FTS5)
    "air defence"        a phrase
    feed:un  tag:ukraine  entity:Zhuravka  by:"defence ministry"  status:disputed
    type:claim|article   since:3d  until:2026-10-01   is:unread|read|bookmarked|conflict
    -word  -status:claimed                               negation; terms AND together

parse_query raises QueryError with a short message for anything malformed, so the UI can keep
the last good results and show why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tui.pipeline.models import CLAIM_STATUSES

KEYS = ("feed", "tag", "entity", "by", "status", "type", "since", "until", "is")
IS_VALUES = ("unread", "read", "bookmarked", "conflict")
_TOKEN = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?("([^"]*)("?)|[^\s"]+)?')
_RELATIVE = re.compile(r"^(\d+)([hdwmy])$")
_UNITS = {"h": 1 / 24, "d": 1, "w": 7, "m": 30, "y": 365}


class QueryError(ValueError):
    """The query text is malformed; the message says what and where, briefly."""


@dataclass(frozen=True, slots=True)
class Term:
    key: str  # "word", "phrase" or one of KEYS
    value: str
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...] = ()
    type: str | None = None  # "article", "claim" or None (articles)
    text: str = ""

    def of(self, *keys: str) -> list[Term]:
        return [t for t in self.terms if t.key in keys]

    def with_terms(self, *terms: Term) -> Query:
        return Query(self.terms + terms, self.type, self.text)


def parse_query(text: str, now: datetime | None = None) -> Query:
    now = now or datetime.now(UTC)
    terms: list[Term] = []
    kind: str | None = None
    position = 0
    text = text or ""
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise QueryError(f"cannot read the query at “{text[position:position + 12]}”")
        position = match.end()
        negated, key, raw, quoted, closing = match.groups()
        if raw is None:
            if key or negated:
                raise QueryError(f"“{negated}{key + ':' if key else ''}” needs a value")
            continue
        if raw.startswith('"') and not closing:
            raise QueryError("a quote is not closed")
        value = quoted if raw.startswith('"') else raw
        if key is None:
            if raw.startswith('"'):
                if value.strip():
                    terms.append(Term("phrase", value.strip(), bool(negated)))
            else:
                terms.append(Term("word", value, bool(negated)))
            continue
        key = key.lower()
        if key not in KEYS:
            raise QueryError(f"unknown filter “{key}:” (use {', '.join(k + ':' for k in KEYS)})")
        value = value.strip()
        if not value:
            raise QueryError(f"“{key}:” needs a value")
        term = _term(key, value, bool(negated), now)
        if key == "type":
            kind = term.value
            continue
        terms.append(term)
    return Query(tuple(terms), kind, text)


def _term(key: str, value: str, negated: bool, now: datetime) -> Term:
    lowered = value.lower()
    if key == "status":
        if lowered not in CLAIM_STATUSES:
            raise QueryError(f"status is one of {', '.join(CLAIM_STATUSES)}")
        return Term(key, lowered, negated)
    if key == "type":
        if lowered.rstrip("s") not in ("claim", "article") or negated:
            raise QueryError("type is claim or article")
        return Term(key, lowered.rstrip("s"), negated)
    if key == "is":
        if lowered not in IS_VALUES:
            raise QueryError(f"is: takes {', '.join(IS_VALUES)}")
        return Term(key, lowered, negated)
    if key in ("since", "until"):
        return Term(key, _when(key, lowered, now), negated)
    return Term(key, value, negated)


def _when(key: str, value: str, now: datetime) -> str:
    relative = _RELATIVE.match(value)
    if relative:
        days = int(relative.group(1)) * _UNITS[relative.group(2)]
        return (now - timedelta(days=days)).isoformat(timespec="seconds")
    if value in ("today", "yesterday"):
        day = now.date() - timedelta(days=1 if value == "yesterday" else 0)
    else:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"{key}: takes 3d, 12h, 2w or a date like 2026-10-01") from None
    if key == "until":
        day += timedelta(days=1)  # until a date includes that whole day
    return datetime(day.year, day.month, day.day, tzinfo=UTC).isoformat(timespec="seconds")


# ── SQL ──────────────────────────────────────────────────────────────────────────────────────


def fts_expression(terms: list[Term]) -> str:
    """Words become prefix tokens, phrases exact phrases; every token is quoted for FTS5."""
    parts = []
    for term in terms:
        if term.key == "word":
            tokens = re.findall(r"\w+", term.value)
            parts.extend(f'"{token}"*' for token in tokens)
        else:
            tokens = re.findall(r"\w+", term.value)
            if tokens:
                parts.append('"' + " ".join(tokens) + '"')
    return " AND ".join(parts)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def article_where(query: Query) -> tuple[str, list[object]]:
    """WHERE clause over `articles a JOIN feeds f` for the article list."""
    clauses: list[str] = ["f.active = 1"]
    params: list[object] = []
    text_terms = query.of("word", "phrase")
    positive = [t for t in text_terms if not t.negated]
    if positive and fts_expression(positive):
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_expression(positive))
    for term in (t for t in text_terms if t.negated):
        if fts_expression([term]):
            clauses.append("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts_expression([term]))
    for term in query.terms:
        clause = _article_clause(term, params)
        if clause:
            clauses.append(f"NOT ({clause})" if term.negated else clause)
    return " AND ".join(clauses), params


def _article_clause(term: Term, params: list[object]) -> str | None:
    key, value = term.key, term.value
    if key == "feed":
        params.extend([_like(value), _like(value)])
        return "(f.name LIKE ? ESCAPE '\\' OR f.url LIKE ? ESCAPE '\\')"
    if key == "tag":
        params.append(f"% {value.lower()} %")
        return "(' ' || lower(f.tags) || ' ') LIKE ?"
    if key == "entity":
        params.append(_like(value))
        return ("a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
                " WHERE e.name LIKE ? ESCAPE '\\')")
    if key == "by":
        params.append(_like(value))
        return "a.id IN (SELECT article_id FROM claims WHERE source LIKE ? ESCAPE '\\')"
    if key == "status":
        params.append(value)
        return "a.id IN (SELECT article_id FROM claims WHERE status = ?)"
    return _shared_clause(term, params)


def _shared_clause(term: Term, params: list[object]) -> str | None:
    key, value = term.key, term.value
    if key == "feed_id":  # set by the app's feeds pane, never parsed from text
        params.append(int(value))
        return "a.feed_id = ?"
    if key == "since":
        params.append(value)
        return "a.sort_ts >= ?"
    if key == "until":
        params.append(value)
        return "a.sort_ts < ?"
    if key == "is":
        return {
            "unread": "a.read = 0",
            "read": "a.read = 1",
            "conflict": "a.conflict = 1",
            "bookmarked": "a.id IN (SELECT article_id FROM bookmarks WHERE article_id IS NOT NULL)",
        }[value]
    return None


def claim_where(query: Query) -> tuple[str, list[object]]:
    """WHERE clause over `claims c JOIN articles a JOIN feeds f` for the claims view."""
    clauses: list[str] = ["f.active = 1"]
    params: list[object] = []
    text_terms = query.of("word", "phrase")
    positive = [t for t in text_terms if not t.negated]
    if positive and fts_expression(positive):
        clauses.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        params.append(fts_expression(positive))
    for term in (t for t in text_terms if t.negated):
        if fts_expression([term]):
            clauses.append("c.id NOT IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(fts_expression([term]))
    for term in query.terms:
        clause = _claim_clause(term, params)
        if clause:
            clauses.append(f"NOT ({clause})" if term.negated else clause)
    return " AND ".join(clauses), params


def _claim_clause(term: Term, params: list[object]) -> str | None:
    key, value = term.key, term.value
    if key == "by":
        params.append(_like(value))
        return "c.source LIKE ? ESCAPE '\\'"
    if key == "status":
        params.append(value)
        return "c.status = ?"
    if key == "entity":
        params.append(_like(value))
        return ("EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id"
                ' WHERE m.article_id = c.article_id AND m.start >= c.start AND m."end" <= c."end"'
                " AND e.name LIKE ? ESCAPE '\\')")
    if key == "is" and value == "bookmarked":
        return ("EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = c.article_id"
                " AND b.claim_start = c.start)")
    if key in ("feed", "tag"):
        return _article_clause(term, params)
    return _shared_clause(term, params)
