"""The filter language, one everywhere (`/` in the app, `sitrep search`): text → Query.

    kharkiv drone        every word, prefix match (full-text index)
    "air defence"        a phrase
    feed:un  tag:ukraine  entity:Zhuravka  by:"defence ministry"  side:russia
    status:disputed   type:claim|article   since:3d  until:2026-10-01   outlets:>=3
    is:unread|read|bookmarked|conflict|contested|manual   lang:uk
    -word  -status:claimed                               negation; terms AND together

parse_query raises QueryError with a short message for anything malformed, so the UI can keep
the last good results and show why. What each term selects is the store's business
(`tui.store.query_sql`: one translation to SQL for articles, claims and bookmarks); the language
itself is described in docs/QUERY.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tui.core.models import CLAIM_STATUSES

KEYS = (
    "feed", "tag", "entity", "by", "side", "status", "type", "since", "until", "is", "lang",
    "outlets",
)  # fmt: skip
IS_VALUES = ("unread", "read", "bookmarked", "conflict", "contested", "manual")
_TOKEN = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?("([^"]*)("?)|[^\s"]+)?')
_RELATIVE = re.compile(r"^(\d+)([hdwmy])$")
_UNITS = {"h": 1 / 24, "d": 1, "w": 7, "m": 30, "y": 365}
_LANG = re.compile(r"^[a-z]{2,3}$")  # ISO 639-1 (two letters) or 639-3
_COUNT = re.compile(r"^(>=|<=|>|<|=)?(\d{1,6})$")


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
    if key == "lang":
        if not _LANG.match(lowered):
            raise QueryError("lang: takes a language code like en, uk, ru, ar, fr")
        return Term(key, lowered, negated)
    if key == "outlets":
        count = _COUNT.match(lowered)
        if count is None:
            raise QueryError("outlets: takes a number, or >=3, >2, <=2, <3")
        return Term(key, f"{count.group(1) or '='}{int(count.group(2))}", negated)
    return Term(key, value, negated)


def count_condition(value: str) -> tuple[str, int]:
    """An `outlets:` value as (SQL comparison operator, number): ">=3" -> (">=", 3)."""
    count = _COUNT.match(value)
    if count is None:
        raise QueryError("outlets: takes a number, or >=3, >2, <=2, <3")
    return count.group(1) or "=", int(count.group(2))


def _when(key: str, value: str, now: datetime) -> str:
    """The instant a since:/until: value names; QueryError when it is not one the calendar has
    (datetime stops at years 1 and 9999: `until:9999-12-31` or `since:2100y` would overflow)."""
    try:
        return _instant(key, value, now)
    except QueryError:
        raise
    except (OverflowError, ValueError):
        raise QueryError(f"{key}:{value} is out of range (dates run from year 1 to 9999)") from None


def _instant(key: str, value: str, now: datetime) -> str:
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


CLAIM_ONLY_KEYS = ("status", "by", "side")


def about_claims(query: Query) -> bool:
    """Whether *query* has a term only claims have (`status:`, `by:`, `side:`, `is:manual`):
    `sitrep search` then lists claims, not the articles that have them."""
    return any(
        t.key in CLAIM_ONLY_KEYS or (t.key == "is" and t.value == "manual") for t in query.terms
    )


def words_of(value: str) -> list[str]:
    """The tokens the full-text index knows for *value* (letters and digits, any script)."""
    return re.findall(r"\w+", value)


def check_for_bookmarks(query: Query) -> None:
    """QueryError for a term that means nothing for bookmarks (they have no read state and no
    conflict flag of their own)."""
    for term in query.terms:
        if term.key == "is" and term.value in ("unread", "read", "conflict"):
            raise QueryError(f"is:{term.value} does not apply to bookmarks")
