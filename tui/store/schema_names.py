"""Schema step 15: the fifth pass at the cache's size (issue 19), after schema 14
(tui/store/schema_terms.py). Sizes per article are measured on the 50k bench cache
(bench/README.md, "Schema 15").

A claim row spelled out three short names that repeat across the cache: its source as written
("the defence ministry"), its canonical source ("Russian Defence Ministry") and its side
("Russia"); the two indexes by canonical name and by side held each again. The rows now keep
them as ids:

- `source_id` into `claim_sources`, which already held each distinct written source once (with
  the full-text index that `by:` reads, schema 9);
- `canonical_id` and `side_id` into `claim_names`, each distinct canonical name or side once
  (one table for both: a side is often also a canonical source, "Russia"); 0 where the
  analysis named none ('': no row has id 0; a 0 takes no byte in the row, and unlike NULL it
  keeps `NOT (canonical_id IN (...))` true). The migration gives the most frequent names the
  smallest ids (one byte up to 127); names written later take the next.

Names are never deleted (like `claim_sources` and `claim_canonicals`): a purge leaves them,
as a row holds a few bytes and a name comes back with the news. The `claims` view gives the
three columns back as text (LEFT JOINs by id, which SQLite leaves out of a query that reads
none of them, as the lists' walks), so every reader reads what it read before; the writer
(tui/store/claims.py) looks the ids up first, and `by:` and `side:` (tui/store/query_sql.py,
plan.py) find the few names they mean in the small tables, then the claims through the two
indexes on the ids.
"""

from __future__ import annotations

from tui.store.schema_lean import QUOTE_CODES, STATUS_CODES, word
from tui.store.schema_size import sentence


def source(row: str) -> str:
    """A claim row's written source (SQL), for the full-text indexes' triggers."""
    return f"(SELECT s.source FROM claim_sources s WHERE s.id = {row}.source_id)"


_CUE = (
    "coalesce(c.cue, (SELECT substr(sitrep_text(a.text), c.cue_start + 1, c.cue_end - "
    "c.cue_start) FROM articles a WHERE a.id = c.article_id))"
)
_FTS_ROW = "{row}.id, " + sentence("{row}") + ", " + source("{row}")

NAMES = f"""
DROP VIEW claims;
DROP TRIGGER articles_claims_bd;
DROP TRIGGER articles_claims_bu;
CREATE TABLE claim_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO claim_names(name) SELECT name FROM (
    SELECT source_canonical AS name, count(*) AS uses FROM claim_rows
        WHERE source_canonical != '' GROUP BY 1
    UNION ALL SELECT affiliation, count(*) FROM claim_rows WHERE affiliation != '' GROUP BY 1
) GROUP BY name ORDER BY sum(uses) DESC, name;
CREATE INDEX claim_names_nocase ON claim_names(name COLLATE NOCASE);
INSERT OR IGNORE INTO claim_sources(source) SELECT source FROM claim_rows;

CREATE TABLE claim_rows_named (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    text              TEXT,              -- NULL: the article's text from start to end
    source_id         INTEGER NOT NULL,  -- claim_sources
    source_start      INTEGER NOT NULL,
    source_end        INTEGER NOT NULL,
    cue               TEXT,              -- NULL: the article's text from cue_start to cue_end
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
INSERT INTO claim_rows_named
    SELECT c.id, c.article_id, c.start, c."end", c.text, s.id, c.source_start, c.source_end,
        c.cue, c.cue_start, c.cue_end, c.content_start, c.content_end, c.quote, c.status,
        coalesce(n.id, 0), coalesce(d.id, 0), c.evidence, c.analysis_status
    FROM claim_rows c JOIN claim_sources s ON s.source = c.source
    LEFT JOIN claim_names n ON n.name = c.source_canonical
    LEFT JOIN claim_names d ON d.name = c.affiliation
    ORDER BY c.id;
DROP TABLE claim_rows;
ALTER TABLE claim_rows_named RENAME TO claim_rows;
CREATE VIEW claims AS SELECT c.id, c.article_id, c.start, c."end", {sentence("c")} AS text,
    s.source AS source, c.source_start, c.source_end, {_CUE} AS cue, c.cue_start,
    c.cue_end, c.content_start, c.content_end, {word("c.quote", QUOTE_CODES)} AS quote,
    {word("c.status", STATUS_CODES)} AS status, coalesce(n.name, '') AS source_canonical,
    coalesce(d.name, '') AS affiliation, c.evidence,
    {word("c.analysis_status", STATUS_CODES)} AS analysis_status
    FROM claim_rows c LEFT JOIN claim_sources s ON s.id = c.source_id
    LEFT JOIN claim_names n ON n.id = c.canonical_id LEFT JOIN claim_names d ON d.id = c.side_id;
CREATE INDEX claims_article ON claim_rows(article_id, start, "end");
CREATE INDEX claims_status ON claim_rows(status, article_id);
CREATE INDEX claims_sides ON claim_rows(side_id, article_id);
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
"""
