"""Schema step 14: the stories' grouping data packed, the fourth pass at the cache's size (issue
19), after schema 13 (tui/store/schema_pack.py). Sizes per article are measured on the 50k
bench cache (bench/README.md, "Schema 14").

Each filed article's features and each story's grouping state were zlib'd JSON (schema 11),
the terms spelled out in every row. `story_terms` now gives each term an id (the most frequent
terms the smallest), beside its document frequency, and both values are packed with their terms
as ids (tui/store/story_pack.py; tui/store/story_terms.py reads and writes them). The step
gives every term named by a stored value a row, then writes `story_articles` and `stories`
anew with their values packed (an update in place would leave their pages as full as before),
their indexes and the story queue's triggers made again (the triggers on `articles` name
`story_articles`, which a rename checks). A value of another shape stays as it was.

The SQL functions it calls are pure (registered by schema.connect through `register`): the
terms a value names, and the value packed given the ids of exactly those terms.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import zlib

from tui.store import story_pack
from tui.store.schema_pack import QUEUE_TRIGGERS

_QUEUE_TRIGGER_NAMES = ("ai", "au", "ad", "filed_ai", "filed_au", "filed_ad")
# The ids of the terms a stored value names, as a JSON object (term -> id)
_IDS = (
    "(SELECT json_group_object(t.term, t.id) FROM json_each(sitrep_story_terms({value})) j "
    "JOIN story_terms t ON t.term = j.value)"
)

TERMS = f"""
{"".join(f"DROP TRIGGER story_queue_{name};" for name in _QUEUE_TRIGGER_NAMES)}
CREATE TABLE story_terms_ids (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    df   INTEGER NOT NULL DEFAULT 0     -- a row stays at 0: packed values name it
);
INSERT INTO story_terms_ids(term, df) SELECT term, df FROM story_terms ORDER BY df DESC, term;
INSERT OR IGNORE INTO story_terms_ids(term)
    SELECT j.value FROM story_articles, json_each(sitrep_story_terms(features)) j;
INSERT OR IGNORE INTO story_terms_ids(term)
    SELECT j.value FROM stories, json_each(sitrep_story_terms(state)) j;
DROP TABLE story_terms;
ALTER TABLE story_terms_ids RENAME TO story_terms;

CREATE TABLE story_articles_packed (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    features   BLOB NOT NULL,               -- tui/store/story_pack.py
    stale      INTEGER NOT NULL DEFAULT 0   -- analysed again: to be filed again
);
INSERT INTO story_articles_packed(article_id, story_id, features, stale)
    SELECT s.article_id, s.story_id,
        sitrep_story_features(s.features, s.article_id, a.title, {_IDS.format(value="s.features")}),
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
    sitrep_story_state(state, {_IDS.format(value="state")}) FROM stories ORDER BY id;
DROP TABLE stories;
ALTER TABLE stories_packed RENAME TO stories;
CREATE INDEX stories_list ON stories(last_seen DESC, id DESC, articles, outlets, contested);
"""


def _plain(value: object) -> object:
    """A stored value as JSON data (zlib'd since schema 11, text before), or None."""
    try:
        if isinstance(value, bytes):
            value = zlib.decompress(value).decode("utf-8")
        return json.loads(value) if isinstance(value, str) else None
    except (zlib.error, UnicodeDecodeError, ValueError):
        return None


def _terms(value: object) -> str:
    """`sitrep_story_terms`: the terms a stored value names, as a JSON list."""
    data = _plain(value)
    found: list[str] = []
    if isinstance(data, dict):
        for key in ("terms", "places", "kinds", "title_places"):
            part = data.get(key)
            if isinstance(part, dict | list):
                found.extend(t for t in part if isinstance(t, str))
    return json.dumps(found)


def _features(value: object, article_id: object, title: object, ids: object) -> object:
    """`sitrep_story_features`: stored features packed, or *value* as it was."""
    data = _plain(value)
    try:
        return story_pack.pack_features(data, article_id, title, json.loads(ids))  # type: ignore[arg-type]
    except (story_pack.Unpackable, KeyError, TypeError, ValueError, struct.error):
        return value


def _state(value: object, ids: object) -> object:
    """`sitrep_story_state`: a stored grouping state packed, or *value* as it was."""
    data = _plain(value)
    try:
        return story_pack.pack_state(data, json.loads(ids))  # type: ignore[arg-type]
    except (story_pack.Unpackable, KeyError, TypeError, ValueError, struct.error):
        return value


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("sitrep_story_terms", 1, _terms, deterministic=True)
    conn.create_function("sitrep_story_features", 4, _features, deterministic=True)
    conn.create_function("sitrep_story_state", 2, _state, deterministic=True)
