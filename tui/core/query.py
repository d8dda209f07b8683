"""The filter language, one everywhere (`/` in the app, `sitrep search`): text → Query.

    kharkiv drone        every word, prefix match (full-text index)
    "air defence"        a phrase
    feed:un  tag:ukraine  entity:Zhuravka  by:"defence ministry"  status:disputed
    type:claim|article   since:3d  until:2026-10-01   is:unread|read|bookmarked|conflict
    -word  -status:claimed                               negation; terms AND together

parse_query raises QueryError with a short message for anything malformed, so the UI can keep
the last good results and show why. The end of the module says, term by term, which rows each
term selects as small SQL fragments; `tui.store.search` decides how to combine and run them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tui.core.models import CLAIM_STATUSES

KEYS = ("feed", "tag", "entity", "by", "status", "type", "since", "until", "is")
IS_VALUES = ("unread", "read", "bookmarked", "conflict")
_TOKEN = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?("([^"]*)("?)|[^\s"]+)?')
_RELATIVE = re.compile(r"^(\d+)([hdwmy])$")
_UNITS = {"h": 1 / 24, "d": 1, "w": 7, "m": 30, "y": 365}


class QueryError(ValueError):
    """The query text is malformed; the message says what and where, briefly."""


@dataclass(frozen=True, slots=True)
class Term:
    key: str  # "word", "phrase", one of KEYS, or "feed_id" (set by the app, never parsed)
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

    def as_type(self, kind: str | None) -> Query:
        return Query(self.terms, kind, self.text)


def parse_query(text: str, now: datetime | None = None) -> Query:
    """Parse *text*; relative dates (`since:3d`) count back from *now* (the app's clock)."""
    now = now or datetime.now(UTC)
    terms: list[Term] = []
    kind: str | None = None
    position = 0
    text = text or ""
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise QueryError(f"cannot read the query at “{text[position : position + 12]}”")
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


def words_of(value: str) -> list[str]:
    """The tokens the full-text index knows for *value* (letters and digits, any script)."""
    return re.findall(r"\w+", value)


# ── SQL fragments: what each term selects (tui.store.search plans and runs them) ──────────

_ENTITY_IDS = "SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'"
FEEDS = "+a.feed_id IN (SELECT id FROM feeds WHERE {})"

Sql = tuple[str, tuple[object, ...]]


def fts_expression(terms: list[Term]) -> str:
    """Words become prefix tokens, phrases exact phrases; every token is quoted for FTS5."""
    parts = []
    for term in terms:
        tokens = words_of(term.value)
        if term.key == "word":
            parts.extend(f'"{token}"*' for token in tokens if len(token) > 1)
        elif tokens:
            parts.append('"' + " ".join(tokens) + '"')
    return " AND ".join(parts)


def _like(value: str) -> str:
    return f"%{_escape(value)}%"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _entity_names(value: str) -> tuple[str, str]:
    """LIKE patterns for entity names with a word starting with *value* ("kyiv" → "Kyiv",
    "Kyiv Oblast", "Greater Kyiv"): the same prefix sense as words, and selective."""
    return f"{_escape(value)}%", f"% {_escape(value)}%"


def _too_short(value: str) -> bool:
    """One letter selects nearly everything and costs the most: skipped, like one-letter words."""
    return len(value.strip()) < 2


def _by_claims(value: str) -> Sql:
    """Claims whose source matches: the source column of the claims index, prefix on the end."""
    tokens = words_of(value)
    if not tokens:
        return "SELECT id FROM claims WHERE source LIKE ? ESCAPE '\\'", (_like(value),)
    return (
        "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?",
        ('source : "' + " ".join(tokens) + '"*',),
    )


def article_condition(term: Term) -> Sql | None:
    """A term checked on the article's own columns (the list index covers them), or None."""
    key, value = term.key, term.value
    if key == "feed":
        return (
            FEEDS.format("name LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\'"),
            (_like(value), _like(value)),
        )
    if key == "feed_id":
        return "+a.feed_id = ?", (int(value),)
    if key == "tag":
        return FEEDS.format("' ' || lower(tags) || ' ' LIKE ?"), (f"% {value.lower()} %",)
    if key in ("since", "until"):
        return f"a.sort_ts {'>=' if key == 'since' else '<'} ?", (value,)
    if key == "is" and value != "bookmarked":
        return {"unread": "+a.read = 0", "read": "+a.read = 1", "conflict": "+a.conflict = 1"}[
            value
        ], ()
    return None


def article_set(term: Term) -> Sql | None:
    """The ids of the articles a term about claims, entities or bookmarks selects, or None."""
    key, value = term.key, term.value
    if key in ("entity", "by") and _too_short(value):
        return None
    if key == "entity":
        return (
            f"SELECT article_id FROM mentions WHERE entity_id IN ({_ENTITY_IDS}) ORDER BY 1",
            _entity_names(value),
        )
    if key == "by":
        sql, params = _by_claims(value)
        return f"SELECT article_id FROM claims WHERE id IN ({sql}) ORDER BY 1", params
    if key == "status":
        return "SELECT article_id FROM claims WHERE status = ? ORDER BY 1", (value,)
    if key == "is" and value == "bookmarked":
        return "SELECT article_id FROM bookmarks WHERE article_id IS NOT NULL ORDER BY 1", ()
    return None


def claim_set(term: Term) -> Sql | None:
    """The ids of the claims a claim-level term selects (None: the term is about the article)."""
    key, value = term.key, term.value
    if key in ("entity", "by") and _too_short(value):
        return None
    if key == "by":
        return _by_claims(value)
    if key == "status":
        return "SELECT id FROM claims WHERE status = ?", (value,)
    if key == "entity":
        return (
            "SELECT k.id FROM mentions m JOIN claims k ON k.article_id = m.article_id AND "
            'k.start <= m.start AND k."end" >= m."end" WHERE m.entity_id IN '
            f"({_ENTITY_IDS}) ORDER BY 1",
            _entity_names(value),
        )
    if key == "is" and value == "bookmarked":
        return (
            "SELECT k.id FROM bookmarks b JOIN claims k ON k.article_id = b.article_id "
            "AND k.start = b.claim_start AND (k.source_start = b.source_start OR "
            "(b.source_start IS NULL AND k.source = b.source)) ORDER BY 1",
            (),
        )
    return None
