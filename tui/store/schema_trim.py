"""Schema step 16: the sixth pass at the cache's size (issue 19), after schema 15
(tui/store/schema_names.py). Sizes per article are measured on the 50k bench cache
(bench/README.md, "Schema 16").

- A claim row keeps the offsets of its source, cue and content (`source_start` to
  `content_end`) relative to the claim's start: they lie in or near the sentence, so they are
  small numbers (0 and 1 take no byte in a row, up to 127 one byte) where the article's
  offsets took two. `start` and `end` stay as they were (the index by article orders by them,
  and the sentence is read from them). The `claims` view adds the start back, so every reader
  reads the offsets it read before; the writer (tui/store/claims.py) subtracts it.
- The index by side holds only the claims with a side (`side_id != 0`, two thirds of them in
  the bench); `side:` (tui/store/query_sql.py) says so, for SQLite to read it.
- The articles' phrase index (positions, schema 9) lists the text first: FTS5 writes a token's
  positions in the first column without a mark, and before those in any other column a mark
  and the column's number (two bytes). Most tokens of an article are in its text only, which
  was the third column (title, summary, text): two bytes a token and article, a quarter of the
  index. The same tokens, positions and phrases; only the columns' order in the index changes
  (its triggers name the columns; the content view `article_texts` is read by name). It merges
  its segments 16 at a time, as every full-text index since schema 13.
- The queue's index holds only the queued articles (`state = 'queued'`, the refresher's
  queries), and one more small index the articles to analyse again (`state = 'reprocess'`):
  an analysed article, nearly every one, is in neither.
"""

from __future__ import annotations

from tui.store.schema_lean import QUOTE_CODES, STATUS_CODES, word
from tui.store.schema_names import source
from tui.store.schema_size import sentence

# The offsets a claim row keeps relative to its start (the claims view gives them absolute)
RELATIVE = ("source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end")
# The condition of the partial index claims_sides, which a query must state to read it
WITH_SIDE = "side_id != 0"

_CUE = (
    "coalesce(c.cue, (SELECT substr(sitrep_text(a.text), c.start + c.cue_start + 1, c.cue_end - "
    "c.cue_start) FROM articles a WHERE a.id = c.article_id))"
)
_FTS_ROW = "{row}.id, " + sentence("{row}") + ", " + source("{row}")
_ABSOLUTE = {column: f"c.start + c.{column} AS {column}" for column in RELATIVE}

TRIM = f"""
DROP VIEW claims;
DROP TRIGGER articles_claims_bd;
DROP TRIGGER articles_claims_bu;
CREATE TABLE claim_rows_relative (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    text              TEXT,              -- NULL: the article's text from start to end
    source_id         INTEGER NOT NULL,  -- claim_sources
    source_start      INTEGER NOT NULL,  -- this and the five below: from start (schema 16)
    source_end        INTEGER NOT NULL,
    cue               TEXT,              -- NULL: the article's text at the cue's offsets
    cue_start         INTEGER NOT NULL,
    cue_end           INTEGER NOT NULL,
    content_start     INTEGER NOT NULL,
    content_end       INTEGER NOT NULL,
    quote             TEXT NOT NULL,     -- QUOTE_CODES (tui/store/schema_lean.py)
    status            TEXT NOT NULL,     -- STATUS_CODES
    canonical_id      INTEGER NOT NULL DEFAULT 0,  -- claim_names; 0: none named
    side_id           INTEGER NOT NULL DEFAULT 0,  -- claim_names; 0: none named
    evidence          TEXT,
    analysis_status   TEXT               -- STATUS_CODES; NULL: the user set none
);
INSERT INTO claim_rows_relative
    SELECT c.id, c.article_id, c.start, c."end", c.text, c.source_id, c.source_start - c.start,
        c.source_end - c.start, c.cue, c.cue_start - c.start, c.cue_end - c.start,
        c.content_start - c.start, c.content_end - c.start, c.quote, c.status, c.canonical_id,
        c.side_id, c.evidence, c.analysis_status
    FROM claim_rows c ORDER BY c.id;
DROP TABLE claim_rows;
ALTER TABLE claim_rows_relative RENAME TO claim_rows;
CREATE VIEW claims AS SELECT c.id, c.article_id, c.start, c."end", {sentence("c")} AS text,
    s.source AS source, {_ABSOLUTE["source_start"]}, {_ABSOLUTE["source_end"]}, {_CUE} AS cue,
    {_ABSOLUTE["cue_start"]}, {_ABSOLUTE["cue_end"]}, {_ABSOLUTE["content_start"]},
    {_ABSOLUTE["content_end"]}, {word("c.quote", QUOTE_CODES)} AS quote,
    {word("c.status", STATUS_CODES)} AS status, coalesce(n.name, '') AS source_canonical,
    coalesce(d.name, '') AS affiliation, c.evidence,
    {word("c.analysis_status", STATUS_CODES)} AS analysis_status
    FROM claim_rows c LEFT JOIN claim_sources s ON s.id = c.source_id
    LEFT JOIN claim_names n ON n.id = c.canonical_id LEFT JOIN claim_names d ON d.id = c.side_id;
CREATE INDEX claims_article ON claim_rows(article_id, start, "end");
CREATE INDEX claims_status ON claim_rows(status, article_id);
CREATE INDEX claims_sides ON claim_rows(side_id, article_id) WHERE {WITH_SIDE};
CREATE INDEX claims_canonical ON claim_rows(canonical_id, article_id);
CREATE INDEX claims_manual ON claim_rows(article_id) WHERE analysis_status IS NOT NULL;
CREATE TRIGGER claims_ai AFTER INSERT ON claim_rows BEGIN
    INSERT INTO claims_fts(rowid, text, source) VALUES ({_FTS_ROW.format(row="new")});
    INSERT INTO claims_phrase_fts(rowid, text, source) VALUES ({_FTS_ROW.format(row="new")});
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claim_rows BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, source)
        VALUES ('delete', {_FTS_ROW.format(row="old")});
    INSERT INTO claims_phrase_fts(claims_phrase_fts, rowid, text, source)
        VALUES ('delete', {_FTS_ROW.format(row="old")});
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
CREATE TRIGGER claims_canonical_ai AFTER INSERT ON claim_rows
WHEN new.canonical_id != 0 BEGIN
    INSERT OR IGNORE INTO claim_canonicals(name)
        SELECT name FROM claim_names WHERE id = new.canonical_id;
END;

DROP TABLE articles_phrase_fts;
CREATE VIRTUAL TABLE articles_phrase_fts USING fts5(text, title, summary,
    content='article_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    columnsize=0);
INSERT INTO articles_phrase_fts(articles_phrase_fts, rank) VALUES ('automerge', 16);
INSERT INTO articles_phrase_fts(articles_phrase_fts) VALUES ('rebuild');

DROP INDEX articles_queue;
CREATE INDEX articles_queue ON articles(lease_until, feed_id, sort_ts DESC)
    WHERE state = 'queued';
CREATE INDEX articles_reprocess ON articles(sort_ts DESC) WHERE state = 'reprocess';
"""
