"""Schema step 11: a smaller cache, with the same rows read back. `tui.store.schema` runs it
after schema 10. Sizes per article are measured on the 50k bench cache (bench/README.md, "A
year of news", "Where the bytes go").

- An article's text is kept zlib-compressed (2.1 → 0.9 KB an article on the bench's text),
  as a BLOB; `sitrep_text(text)` (registered by schema.connect) reads it, and text written
  before this schema, which stays as it was until retention purges it. The full-text indexes
  of articles read their content through the view `article_texts`, and their triggers through
  `sitrep_text`; everything that reads a text in SQL does (store.get_article gives it as
  text). A short text is kept as it is when compressing would not make it shorter.
- A claim's sentence and cue are spans of its article's text (`start`..`end`,
  `cue_start`..`cue_end`), and were stored a second time in each claim (0.7 KB an article).
  The rows are now `claim_rows`, whose `text` and `cue` are NULL when they are exactly those
  spans (every claim the analysis writes); `claims` is a view that reads them from the
  article when NULL, so everything that reads claims reads them as before, and writes go to
  `claim_rows`. Its full-text indexes read the view (an external-content FTS5 table may be a
  view), and their triggers read the sentence from the article. That needs the article's text
  unchanged while it has claims: a new text drops them first (save_analysis deletes them
  before it writes a new text anyway), and deleting an article deletes its claims before the
  row goes (a foreign-key cascade runs after it, when the text is gone).
- The claim index kept positions for phrases and a 2-letter prefix index for words; the
  prefix index with positions was half of it. Like the articles' (schema 9), it is now two:
  `claims_fts` for words, without positions but with the 2-letter prefixes, and
  `claims_phrase_fts` for phrases, with positions and no prefix index (0.72 → 0.59 KB).
- Story rows kept their grouping data as JSON text: each article's features (0.8 KB) and each
  story's state (1.7 KB). They are read only by the story process, a batch at a time, so they
  are kept zlib-compressed (`sitrep_pack`, registered by schema.connect; read back by
  tui/store/stories.py, which reads both forms). Both tables are written anew, packed: an
  update in place would leave their pages as full as before.
"""

from __future__ import annotations

import functools
import sqlite3
import zlib

from tui.store import mention_spans, schema_terms, text_pack

_CLAIM_COLUMNS = """
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    text              TEXT,              -- NULL: the article's text from start to end
    source            TEXT NOT NULL,
    source_start      INTEGER NOT NULL,
    source_end        INTEGER NOT NULL,
    cue               TEXT,              -- NULL: the article's text from cue_start to cue_end
    cue_start         INTEGER NOT NULL,
    cue_end           INTEGER NOT NULL,
    content_start     INTEGER NOT NULL,
    content_end       INTEGER NOT NULL,
    quote             TEXT NOT NULL,
    status            TEXT NOT NULL,
    source_canonical  TEXT NOT NULL DEFAULT '',
    affiliation       TEXT NOT NULL DEFAULT '',
    evidence          TEXT,
    analysis_status   TEXT
"""


def _span(row: str, start: str, end: str) -> str:
    """The article's text between two of a claim row's offsets (SQL)."""
    return (
        f'(SELECT substr(sitrep_text(a.text), {row}.{start} + 1, {row}.{end} - {row}.{start}) '
        f"FROM articles a WHERE a.id = {row}.article_id)"
    )


def sentence(row: str) -> str:
    """A claim row's sentence (SQL): its own text, else the article's span."""
    return f"coalesce({row}.text, {_span(row, 'start', _END)})"


def _cue(row: str) -> str:
    return f"coalesce({row}.cue, {_span(row, 'cue_start', 'cue_end')})"


_END = '"end"'
_FTS = (
    "content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2', columnsize=0"
)

_ARTICLE_FTS = (
    "content='article_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 2', "
    "columnsize=0"
)
_INDEXED = "title, summary, text"


def _article_rows(row: str) -> str:
    return f"{row}.id, {row}.title, {row}.summary, sitrep_text({row}.text)"


SIZE = f"""
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
DROP TRIGGER articles_phrase_ai;
DROP TRIGGER articles_phrase_ad;
DROP TRIGGER articles_phrase_au;
DROP TABLE articles_fts;
DROP TABLE articles_phrase_fts;
CREATE VIEW article_texts AS SELECT id, title, summary, sitrep_text(text) AS text FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5({_INDEXED}, {_ARTICLE_FTS}, prefix='2 3',
    detail=none);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE articles_phrase_fts USING fts5({_INDEXED}, {_ARTICLE_FTS});
INSERT INTO articles_phrase_fts(articles_phrase_fts) VALUES ('rebuild');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, {_INDEXED}) VALUES ({_article_rows("new")});
    INSERT INTO articles_phrase_fts(rowid, {_INDEXED}) VALUES ({_article_rows("new")});
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, {_INDEXED})
        VALUES ('delete', {_article_rows("old")});
    INSERT INTO articles_phrase_fts(articles_phrase_fts, rowid, {_INDEXED})
        VALUES ('delete', {_article_rows("old")});
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, summary, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, {_INDEXED})
        VALUES ('delete', {_article_rows("old")});
    INSERT INTO articles_phrase_fts(articles_phrase_fts, rowid, {_INDEXED})
        VALUES ('delete', {_article_rows("old")});
    INSERT INTO articles_fts(rowid, {_INDEXED}) VALUES ({_article_rows("new")});
    INSERT INTO articles_phrase_fts(rowid, {_INDEXED}) VALUES ({_article_rows("new")});
END;

CREATE TABLE claim_rows ({_CLAIM_COLUMNS});
INSERT INTO claim_rows
    SELECT c.id, c.article_id, c.start, c."end",
        nullif(c.text, substr(a.text, c.start + 1, c."end" - c.start)), c.source, c.source_start,
        c.source_end, nullif(c.cue, substr(a.text, c.cue_start + 1, c.cue_end - c.cue_start)),
        c.cue_start, c.cue_end, c.content_start, c.content_end, c.quote, c.status,
        c.source_canonical, c.affiliation, c.evidence, c.analysis_status
    FROM claims c LEFT JOIN articles a ON a.id = c.article_id ORDER BY c.id;
DROP TABLE claims_fts;
DROP TABLE claims;
CREATE VIEW claims AS SELECT c.id, c.article_id, c.start, c."end", {sentence("c")} AS text,
    c.source, c.source_start, c.source_end, {_cue("c")} AS cue, c.cue_start, c.cue_end,
    c.content_start, c.content_end, c.quote, c.status, c.source_canonical, c.affiliation,
    c.evidence, c.analysis_status
    FROM claim_rows c;
CREATE INDEX claims_article ON claim_rows(article_id, start, "end");
CREATE INDEX claims_status ON claim_rows(status, article_id);
CREATE INDEX claims_sides ON claim_rows(affiliation COLLATE NOCASE, article_id);
CREATE INDEX claims_canonical ON claim_rows(source_canonical COLLATE NOCASE, article_id);
CREATE INDEX claims_manual ON claim_rows(article_id) WHERE analysis_status IS NOT NULL;

CREATE VIRTUAL TABLE claims_fts USING fts5(text, source, {_FTS}, prefix='2', detail=none);
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE claims_phrase_fts USING fts5(text, source, {_FTS});
INSERT INTO claims_phrase_fts(claims_phrase_fts) VALUES ('rebuild');
CREATE TRIGGER claims_ai AFTER INSERT ON claim_rows BEGIN
    INSERT INTO claims_fts(rowid, text, source) VALUES (new.id, {sentence("new")}, new.source);
    INSERT INTO claims_phrase_fts(rowid, text, source)
        VALUES (new.id, {sentence("new")}, new.source);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claim_rows BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, source)
        VALUES ('delete', old.id, {sentence("old")}, old.source);
    INSERT INTO claims_phrase_fts(claims_phrase_fts, rowid, text, source)
        VALUES ('delete', old.id, {sentence("old")}, old.source);
END;
CREATE TRIGGER articles_claims_bd BEFORE DELETE ON articles BEGIN
    DELETE FROM claim_rows WHERE article_id = old.id;
END;
CREATE TRIGGER articles_claims_bu BEFORE UPDATE OF text ON articles
WHEN new.text IS NOT old.text BEGIN
    DELETE FROM claim_rows WHERE article_id = old.id;
END;
CREATE TRIGGER claims_mark_ai AFTER INSERT ON claim_rows BEGIN
    INSERT INTO claim_marks(bucket, low, high)
        SELECT new.id >> 10, sort_ts, sort_ts FROM articles WHERE id = new.article_id
        ON CONFLICT(bucket) DO UPDATE SET low = min(low, excluded.low),
            high = max(high, excluded.high);
END;
CREATE TRIGGER claims_source_ai AFTER INSERT ON claim_rows BEGIN
    INSERT OR IGNORE INTO claim_sources(source) VALUES (new.source);
END;
CREATE TRIGGER claims_canonical_ai AFTER INSERT ON claim_rows
WHEN new.source_canonical != '' BEGIN
    INSERT OR IGNORE INTO claim_canonicals(name) VALUES (new.source_canonical);
END;

CREATE TABLE story_articles_packed (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    features   BLOB NOT NULL,               -- zlib-compressed JSON: what grouping compared
    stale      INTEGER NOT NULL DEFAULT 0   -- analysed again: to be filed again
);
INSERT INTO story_articles_packed(article_id, story_id, features, stale)
    SELECT article_id, story_id, sitrep_pack(features), stale FROM story_articles
    ORDER BY article_id;
DROP TABLE story_articles;
ALTER TABLE story_articles_packed RENAME TO story_articles;
CREATE INDEX story_articles_story ON story_articles(story_id, article_id);
CREATE INDEX story_articles_stale ON story_articles(article_id) WHERE stale = 1;
CREATE TABLE stories_packed (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    articles   INTEGER NOT NULL DEFAULT 0,
    outlets    INTEGER NOT NULL DEFAULT 0,
    contested  INTEGER NOT NULL DEFAULT 0,
    state      BLOB NOT NULL DEFAULT '{{}}'  -- zlib-compressed JSON: times, terms, places, norm
);
INSERT INTO stories_packed SELECT id, title, first_seen, last_seen, articles, outlets, contested,
    sitrep_pack(state) FROM stories ORDER BY id;
DROP TABLE stories;
ALTER TABLE stories_packed RENAME TO stories;
CREATE INDEX stories_list ON stories(last_seen DESC, id DESC, articles, outlets, contested);
"""


def pack_text(value: object) -> object:
    """An article's text (or summary) as the store keeps it: deflated with the preset
    dictionary (schema 17, tui/store/text_pack.py) when that is shorter, else the text itself
    (`sitrep_text` reads both, the zlib streams of schema 11 to 16, and text written before)."""
    return text_pack.pack(value)


def text_of(value: object) -> object:
    """`sitrep_text` in SQL: the text `pack_text` kept (NULL stays NULL)."""
    return _inflate(value) if isinstance(value, bytes) else value


@functools.lru_cache(maxsize=32)
def _inflate(value: bytes) -> str:
    """A page of claims reads its article's text once per claim, one article after another:
    the last few texts are kept (a page of 100 claims read in 0.65 ms, 0.25 ms on schema 10)."""
    return text_pack.unpack(value)


def pack(value: object) -> object:
    """Text as zlib-compressed UTF-8 (what `sitrep_pack` does in SQL); anything else as is."""
    if isinstance(value, str):
        return zlib.compress(value.encode("utf-8"), 6)
    return value


def unpack(value: object) -> str:
    """What `pack` kept, as text (text written before schema 11 is returned as it is)."""
    if isinstance(value, bytes):
        return zlib.decompress(value).decode("utf-8")
    return str(value)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the schema's triggers and views call: every connection that reads
    claims or writes articles needs them (schema.connect registers them; a connection made
    another way, as bench/build_cache.py's, calls this)."""
    conn.create_function("sitrep_text", 1, text_of, deterministic=True)
    conn.create_function("sitrep_pack", 1, pack, deterministic=True)  # the migration's
    conn.create_function("sitrep_pack_text", 1, pack_text, deterministic=True)  # a summary's
    mention_spans.register(conn)  # schema 13's packed mentions
    schema_terms.register(conn)  # schema 14's migration
