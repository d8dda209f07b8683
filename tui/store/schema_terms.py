"""Schema step 14: the stories' grouping data packed, the fourth pass at the cache's size (issue
19), after schema 13 (tui/store/schema_pack.py). Sizes per article are measured on the 50k
bench cache (bench/README.md, "Schema 14").

Each filed article's features and each story's grouping state were zlib'd JSON (schema 11),
the terms spelled out in every row. `story_terms` now gives each term an id (the most frequent
terms the smallest), beside its document frequency, and both values are packed with their terms
as ids (tui/store/story_pack.py; tui/store/story_terms.py reads and writes them). The step
writes `story_articles` and `stories` anew with their values packed (an update in place would
leave their pages as full as before), their indexes and the story queue's triggers made again
(the triggers on `articles` name `story_articles`, which a rename checks), then the terms. A
value of another shape stays as it was.

The SQL functions it calls (registered by schema.connect through `register`) pack the values
in Python and give the terms their ids as they meet them, the terms of the old table first, the
most frequent first; the table is written from them at the end. Measured at 50k (bench/
README.md, "Schema 14"): a first version that looked up each row's ids in SQL and handed them
to a pure function as JSON took five times the CPU.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import zlib

from tui.store import story_pack
from tui.store.schema_pack import QUEUE_TRIGGERS

_QUEUE_TRIGGER_NAMES = ("ai", "au", "ad", "filed_ai", "filed_au", "filed_ad")

TERMS = f"""
{"".join(f"DROP TRIGGER story_queue_{name};" for name in _QUEUE_TRIGGER_NAMES)}
SELECT sitrep_story_seed(NULL, 0);
SELECT sitrep_story_seed(term, df) FROM story_terms;

CREATE TABLE story_articles_packed (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    features   BLOB NOT NULL,               -- tui/store/story_pack.py
    stale      INTEGER NOT NULL DEFAULT 0   -- analysed again: to be filed again
);
INSERT INTO story_articles_packed(article_id, story_id, features, stale)
    SELECT s.article_id, s.story_id, sitrep_story_features(s.features, s.article_id, a.title),
        s.stale
    FROM story_articles s LEFT JOIN articles a ON a.id = s.article_id ORDER BY s.article_id;
DROP TABLE story_articles;
ALTER TABLE story_articles_packed RENAME TO story_articles;
CREATE INDEX story_articles_story ON story_articles(story_id, article_id);
CREATE INDEX story_articles_stale ON story_articles(article_id) WHERE stale = 1;
{QUEUE_TRIGGERS}

CREATE TABLE stories_packed (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    articles   INTEGER NOT NULL DEFAULT 0,
    outlets    INTEGER NOT NULL DEFAULT 0,
    contested  INTEGER NOT NULL DEFAULT 0,
    state      BLOB NOT NULL DEFAULT '{{}}'  -- tui/store/story_pack.py
);
INSERT INTO stories_packed SELECT id, title, first_seen, last_seen, articles, outlets, contested,
    sitrep_story_state(state) FROM stories ORDER BY id;
DROP TABLE stories;
ALTER TABLE stories_packed RENAME TO stories;
CREATE INDEX stories_list ON stories(last_seen DESC, id DESC, articles, outlets, contested);

CREATE TABLE story_terms_ids (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    df   INTEGER NOT NULL DEFAULT 0     -- a row stays at 0: packed values name it
);
INSERT INTO story_terms_ids(id, term, df)
    SELECT j.key + 1, j.value, coalesce(o.df, 0) FROM json_each(sitrep_story_terms()) j
    LEFT JOIN story_terms o ON o.term = j.value ORDER BY j.key;
DROP TABLE story_terms;
ALTER TABLE story_terms_ids RENAME TO story_terms;
"""


class _Repacking:
    """The migration's SQL functions: `seed` resets the ids, then takes the old table's terms
    (which get the first ids, the most frequent first, sorted here: SQL may call a function
    before it sorts); the values packed (a term not seen yet takes the next id); at the end
    every term in the order of its id."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.known: list[tuple[int, str]] = []  # (-df, term) of the old table's rows

    def seed(self, term: object, df: object) -> None:
        if term is None:
            self.ids, self.known = {}, []
        elif isinstance(term, str):
            self.known.append((-int(df) if isinstance(df, int) else 0, term))

    def features(self, value: object, article_id: object, title: object) -> object:
        data = _plain(value)
        try:
            ids = self._ids_for(data)
            return story_pack.pack_features(data, article_id, title, ids)  # type: ignore[arg-type]
        except (story_pack.Unpackable, KeyError, TypeError, ValueError, struct.error):
            return value  # another shape: as it was

    def state(self, value: object) -> object:
        data = _plain(value)
        try:
            return story_pack.pack_state(data, self._ids_for(data))  # type: ignore[arg-type]
        except (story_pack.Unpackable, KeyError, TypeError, ValueError, struct.error):
            return value

    def terms(self) -> str:
        self._ids_for(None)  # (no value at all: the old table's terms still)
        return json.dumps(list(self.ids))  # in the order of their ids, from 1

    def _ids_for(self, data: object) -> dict[str, int]:
        if self.known:  # the first value: the old table's terms first, the most frequent first
            for _, term in sorted(self.known):
                self.ids.setdefault(term, len(self.ids) + 1)
            self.known = []
        if isinstance(data, dict):
            for key in ("terms", "places", "kinds", "title_places"):
                part = data.get(key)
                if isinstance(part, dict | list):
                    for term in part:
                        if isinstance(term, str):
                            self.ids.setdefault(term, len(self.ids) + 1)
        return self.ids


def _plain(value: object) -> object:
    """A stored value as JSON data (zlib'd since schema 11, text before), or None."""
    try:
        if isinstance(value, bytes):
            value = zlib.decompress(value).decode("utf-8")
        return json.loads(value) if isinstance(value, str) else None
    except (zlib.error, UnicodeDecodeError, ValueError):
        return None


def register(conn: sqlite3.Connection) -> None:
    repacking = _Repacking()
    conn.create_function("sitrep_story_seed", 2, repacking.seed)
    conn.create_function("sitrep_story_features", 3, repacking.features)
    conn.create_function("sitrep_story_state", 1, repacking.state)
    conn.create_function("sitrep_story_terms", 0, repacking.terms)
