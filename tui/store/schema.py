"""DDL and PRAGMA user_version migrations. A backup copy is taken before any migration.

Opening a database that is not a database, or whose schema cannot be read, raises StoreError
(damaged=True) so the caller can move it aside and rebuild (see store.recovery).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.errors import StoreError
from tui.core.sanitize import without_userinfo
from tui.store.schema_lean import LEAN
from tui.store.schema_names import NAMES
from tui.store.schema_pack import PACK
from tui.store.schema_scale import CANONICALS, SCALE
from tui.store.schema_size import SIZE, register_functions
from tui.store.schema_terms import TERMS
from tui.store.schema_texts import TEXTS
from tui.store.schema_trim import TRIM

V1 = """
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    tags          TEXT NOT NULL DEFAULT '',      -- space-separated
    etag          TEXT,
    last_modified TEXT,
    last_checked  TEXT,
    last_ok       TEXT,
    last_error    TEXT,
    error_count   INTEGER NOT NULL DEFAULT 0,
    active        INTEGER NOT NULL DEFAULT 1     -- 0 once removed from feeds.toml
);
CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    feed_id          INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid             TEXT NOT NULL,
    url              TEXT NOT NULL DEFAULT '',
    final_url        TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    author           TEXT NOT NULL DEFAULT '',
    published        TEXT,                        -- ISO 8601 UTC
    fetched          TEXT NOT NULL,
    sort_ts          TEXT NOT NULL,               -- published, else fetched
    summary          TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL DEFAULT '',
    byline           TEXT NOT NULL DEFAULT '',
    lead_caption     TEXT NOT NULL DEFAULT '',
    raw_html         BLOB,                        -- zlib
    raw_headers      TEXT,
    -- queued | fetched | analyzed | failed | skipped | reprocess
    state            TEXT NOT NULL DEFAULT 'new',
    priority         INTEGER NOT NULL DEFAULT 0,
    error            TEXT,
    read             INTEGER NOT NULL DEFAULT 0,
    analyzer_version TEXT,
    conflict         INTEGER NOT NULL DEFAULT 0,
    claim_count      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (feed_id, guid)
);
CREATE INDEX articles_sort ON articles(sort_ts DESC);
CREATE INDEX articles_feed_sort ON articles(feed_id, sort_ts DESC);
CREATE INDEX articles_queue ON articles(state, priority DESC, sort_ts DESC);
CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    source        TEXT NOT NULL,
    source_start  INTEGER NOT NULL,
    source_end    INTEGER NOT NULL,
    cue           TEXT NOT NULL,
    cue_start     INTEGER NOT NULL,
    cue_end       INTEGER NOT NULL,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    quote         TEXT NOT NULL,
    status        TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article_id, start);
CREATE INDEX claims_status ON claims(status);
CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    UNIQUE (name, type)
);
CREATE TABLE mentions (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE TABLE bookmarks (
    id            INTEGER PRIMARY KEY,
    claim_key     TEXT NOT NULL UNIQUE,   -- article url + claim span + text hash
    claim_text    TEXT NOT NULL,
    source        TEXT NOT NULL,
    cue           TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    quote         TEXT NOT NULL DEFAULT '',
    claim_start   INTEGER,
    claim_end     INTEGER,
    article_id    INTEGER,                -- no foreign key: bookmarks outlive articles
    article_title TEXT NOT NULL DEFAULT '',
    article_url   TEXT NOT NULL DEFAULT '',
    feed_name     TEXT NOT NULL DEFAULT '',
    published     TEXT,
    text_hash     TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    tags          TEXT NOT NULL DEFAULT '',
    created       TEXT NOT NULL,
    updated       TEXT NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, summary, text)
        VALUES (new.id, new.title, new.summary, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, text)
        VALUES ('delete', old.id, old.title, old.summary, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, summary, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, text)
        VALUES ('delete', old.id, old.title, old.summary, old.text);
    INSERT INTO articles_fts(rowid, title, summary, text)
        VALUES (new.id, new.title, new.summary, new.text);
END;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, source, content='claims', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, source) VALUES (new.id, new.text, new.source);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, source)
        VALUES ('delete', old.id, old.text, old.source);
END;
"""

# v2: the list, filter and claims queries read only indexes (the article rows carry the page
# text and raw HTML, so touching a row means reading the page); FTS prefix indexes let a 2- or
# 3-letter prefix read one list instead of merging hundreds. Measured in bench/README.md ("App").
V2 = """
DROP INDEX articles_sort;
CREATE INDEX articles_list ON articles(sort_ts DESC, id DESC, feed_id, read, conflict, claim_count);
DROP INDEX claims_status;
CREATE INDEX claims_status ON claims(status, article_id);
DROP INDEX claims_article;
CREATE INDEX claims_article ON claims(article_id, start, "end");
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, source, content='claims', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
"""

# v3: a bookmark knows its claim's source span (two claims can share one sentence: "A said X,
# B denied it"), the entities the user pinned, and small app state (the theme chosen).
V3 = """
ALTER TABLE bookmarks ADD COLUMN source_start INTEGER;
ALTER TABLE bookmarks ADD COLUMN source_end INTEGER;
CREATE TABLE pins (
    name    TEXT NOT NULL,
    type    TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (name, type)
);
CREATE TABLE app_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# v4: bookmarks are filtered by the same SQL translation of the query language as articles and
# claims (tui.store.query_sql), so their copied fields get a full-text index of the same kind.
V4 = """
CREATE VIRTUAL TABLE bookmarks_fts USING fts5(
    claim_text, source, cue, article_title, feed_name, note, tags,
    content='bookmarks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO bookmarks_fts(bookmarks_fts) VALUES ('rebuild');
CREATE TRIGGER bookmarks_ai AFTER INSERT ON bookmarks BEGIN
    INSERT INTO bookmarks_fts(rowid, claim_text, source, cue, article_title, feed_name, note, tags)
        VALUES (new.id, new.claim_text, new.source, new.cue, new.article_title, new.feed_name,
                new.note, new.tags);
END;
CREATE TRIGGER bookmarks_ad AFTER DELETE ON bookmarks BEGIN
    INSERT INTO bookmarks_fts(bookmarks_fts, rowid, claim_text, source, cue, article_title,
                              feed_name, note, tags)
        VALUES ('delete', old.id, old.claim_text, old.source, old.cue, old.article_title,
                old.feed_name, old.note, old.tags);
END;
CREATE TRIGGER bookmarks_au AFTER UPDATE ON bookmarks BEGIN
    INSERT INTO bookmarks_fts(bookmarks_fts, rowid, claim_text, source, cue, article_title,
                              feed_name, note, tags)
        VALUES ('delete', old.id, old.claim_text, old.source, old.cue, old.article_title,
                old.feed_name, old.note, old.tags);
    INSERT INTO bookmarks_fts(rowid, claim_text, source, cue, article_title, feed_name, note, tags)
        VALUES (new.id, new.claim_text, new.source, new.cue, new.article_title, new.feed_name,
                new.note, new.tags);
END;
"""

# v5: each article's language (ISO 639-1, from the analysis; only English text is analysed for
# claims and entities), in the list index so `lang:` is checked as the list is walked.
V5 = """
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
DROP INDEX articles_list;
CREATE INDEX articles_list
    ON articles(sort_ts DESC, id DESC, feed_id, read, conflict, claim_count, language);
"""

# v6: stories (tui/pipeline/stories, filed by tui/service/stories): each article's story and
# features, each story's grouping state and list figures, the terms' document frequencies.
V6 = """
CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    articles   INTEGER NOT NULL DEFAULT 0,
    outlets    INTEGER NOT NULL DEFAULT 0,
    contested  INTEGER NOT NULL DEFAULT 0,
    state      TEXT NOT NULL DEFAULT '{}'   -- JSON: times, summed terms, places, norm
);
CREATE INDEX stories_list ON stories(last_seen DESC, id DESC, articles, outlets, contested);
CREATE TABLE story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    features   TEXT NOT NULL,               -- JSON: what grouping compared
    stale      INTEGER NOT NULL DEFAULT 0   -- analysed again: to be filed again
);
CREATE INDEX story_articles_story ON story_articles(story_id, article_id);
CREATE TABLE story_terms (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;
"""

# v7: queue rows are claimed with a lease (owner, expiry in Unix seconds) so that two processes
# on one cache share the queue; an item dated in the future sorts at the time it was fetched (its
# `published` keeps what the feed said); article URLs lose the user:password@ that relative
# links of a feed with credentials carried (without_userinfo, registered by connect()).
V7 = """
ALTER TABLE articles ADD COLUMN lease_owner TEXT;
ALTER TABLE articles ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
DROP INDEX articles_queue;
CREATE INDEX articles_queue ON articles(state, lease_until, feed_id, sort_ts DESC);
UPDATE articles SET sort_ts = fetched WHERE sort_ts > fetched;
UPDATE articles SET url = without_userinfo(url), final_url = without_userinfo(final_url)
    WHERE url LIKE '%@%' OR final_url LIKE '%@%';
"""

# v8: claims keep what the analysis says about their source and status (issue 14): the
# canonical source, its side (affiliation) and the evidence behind the status (JSON, a list of
# {start, end, kind, by}; NULL for a claim stored before this schema, which `sitrep reprocess`
# redoes). A status the user sets lives in manual_statuses, apart from the analysis, keyed by
# what survives a new analysis of the same page (the article's address, the sentence or the
# content, the source); it is applied to the claims each time they are stored, so `status` is
# the status in force and `analysis_status` keeps the analyzer's (NULL: the user set none).
# Bookmarks copy the canonical source, the side and whether the status was set by the user.
V8 = """
ALTER TABLE claims ADD COLUMN source_canonical TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN affiliation TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN evidence TEXT;
ALTER TABLE claims ADD COLUMN analysis_status TEXT;
CREATE INDEX claims_sides ON claims(affiliation COLLATE NOCASE, article_id);
CREATE INDEX claims_canonical ON claims(source_canonical COLLATE NOCASE, article_id);
CREATE INDEX claims_manual ON claims(article_id) WHERE analysis_status IS NOT NULL;
CREATE TABLE manual_statuses (
    id               INTEGER PRIMARY KEY,
    article_url      TEXT NOT NULL,
    sentence_hash    TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    source           TEXT NOT NULL,
    source_canonical TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL,
    analysis_status  TEXT NOT NULL,   -- what the analysis said when the user set it
    set_at           TEXT NOT NULL
);
CREATE INDEX manual_statuses_article ON manual_statuses(article_url);
ALTER TABLE bookmarks ADD COLUMN source_canonical TEXT;
ALTER TABLE bookmarks ADD COLUMN affiliation TEXT;
ALTER TABLE bookmarks ADD COLUMN status_manual INTEGER;
"""

# v9-v17 (counts, size): schema_scale, _size, _lean, _pack, _terms, _names, _trim, _texts
MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5, V6, V7, V8, SCALE, CANONICALS, SIZE, LEAN,
                               PACK, TERMS, NAMES, TRIM, TEXTS)  # fmt: skip
# New files: 8 KB pages (4 KB left a third empty), incremental auto-vacuum (tui/store/upkeep.py)
NEW_FILE_PRAGMAS = ("PRAGMA page_size = 8192", "PRAGMA auto_vacuum = INCREMENTAL")
SCHEMA_VERSION = len(MIGRATIONS)


class DamagedStoreError(StoreError):
    """The file exists but is not a readable SQLite database."""


def database_dir(conn: sqlite3.Connection) -> Path | None:
    """The folder of the database file (the journals sit beside it); None without a file."""
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main" and row[2]:
            return Path(row[2]).parent
    return None


def connect(
    path: Path, *, readonly: bool = False, timeout: float = 5.0, immutable: bool = False
) -> sqlite3.Connection:
    """Open *path* with the pragmas every connection needs. Migrates unless read-only.

    *immutable* (read-only only) reads the file without locks or the WAL index: the last resort
    when not even the index file can be created (a full disk); commits still in the WAL are
    not seen then."""
    if not readonly:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            where = path.parent
            raise StoreError(f"{where}: the cache directory is a file, not a folder") from None
        except OSError as exc:
            raise StoreError(
                f"{path.parent}: cannot create the cache directory: {exc.strerror or exc}"
            ) from None
    try:
        if readonly:
            flags = "mode=ro&immutable=1" if immutable else "mode=ro"
            conn = sqlite3.connect(
                f"file:{path}?{flags}", uri=True, timeout=timeout, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.create_function("without_userinfo", 1, _without_userinfo, deterministic=True)
        register_functions(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not readonly and conn.execute("PRAGMA page_count").fetchone()[0] == 0:
            for pragma in NEW_FILE_PRAGMAS:  # only a file not written yet takes these
                conn.execute(pragma)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        damaged = "not a database" in str(exc) or "malformed" in str(exc)
        error_type = DamagedStoreError if damaged else StoreError
        raise error_type(f"{path}: {exc}") from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path}: made by a newer sitrep (schema {version} > {SCHEMA_VERSION})")
    if version < SCHEMA_VERSION and not readonly:
        migrate(conn, path, version)
    return conn


def _without_userinfo(value: object) -> object:
    return without_userinfo(value) if isinstance(value, str) else value


def migrate(
    conn: sqlite3.Connection, path: Path, version: int, migrations: tuple[str, ...] = MIGRATIONS
) -> None:
    """Bring the database from *version* to len(migrations), backing it up first."""
    if version > 0:
        backup = path.with_name(f"{path.name}.bak-v{version}")
        target = sqlite3.connect(backup)
        with target:
            conn.backup(target)
        target.close()
    for number in range(version, len(migrations)):
        # One transaction per step: a failure mid-migration leaves the previous version intact.
        try:
            conn.executescript(
                f"BEGIN;\n{migrations[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.rollback()
            raise StoreError(f"{path}: migration to schema {number + 1} failed: {exc}") from None
