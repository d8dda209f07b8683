"""Schema step 12: the second pass at the cache's size (issue 19), after schema 11
(tui/store/schema_size.py). Sizes per article are measured on the 50k bench cache
(bench/README.md, "A year of news", "Schema 12").

- A claim row's `status`, `analysis_status` and `quote` are codes (one character each in the
  row and in the status index, where the words took 6–11): the numbers below, kept as text
  ('0'..'4') by the columns' text affinity. The `claims` view gives them back as the words,
  so every reader reads what it read before; writers and the status filter use `code` (a
  value without a code, as a hand-made analysis may give, is kept as its text). Text, not
  integer columns: SQLite guesses an index's row size from its columns' declared types, and
  with an integer `status` the status index looked the smallest, so a count scanned the
  claims in status order, five passes over the articles (20 % more CPU at 50k).
  The codes are this schema's, fixed here: a later status takes a new code, never an old one.
- A claim's evidence is JSON lists ([start, end, kind, by]) where it was objects with those
  keys, half of its bytes (tui/store/claims.py reads both).

Not done, measured (bench/README.md): the articles' words index without its 3-letter prefix
index (0.14 KB an article less) made a 3-letter prefix in the article list 15 times slower
('sta': 4 → 60 ms of CPU at 50k), as it is in the claims view.
"""

from __future__ import annotations

from tui.store.schema_size import sentence

# Fixed for schema 12 (not read from tui.core.models: a cache's codes must not move).
STATUS_CODES = {"claimed": 0, "denied": 1, "disputed": 2, "unconfirmed": 3, "confirmed": 4}
QUOTE_CODES = {"reported": 0, "direct": 1}


def code(value: object, codes: dict[str, int] = STATUS_CODES) -> object:
    """What a claim row keeps for a status (or, with QUOTE_CODES, a quote kind)."""
    return codes.get(value, value) if isinstance(value, str) else value


def word(column: str, codes: dict[str, int]) -> str:
    """SQL reading a coded column back as its word (a word kept as text stays itself)."""
    cases = " ".join(f"WHEN {number} THEN '{word}'" for word, number in codes.items())
    return f"CASE {column} {cases} ELSE {column} END"


def _coded(column: str, codes: dict[str, int]) -> str:
    """SQL coding a column the way `code` does (the migration's copy)."""
    cases = " ".join(f"WHEN '{word}' THEN {number}" for word, number in codes.items())
    return f"CASE {column} {cases} ELSE {column} END"


_COLUMNS = (
    'id, article_id, start, "end", text, source, source_start, source_end, cue, cue_start, '
    "cue_end, content_start, content_end, quote, status, source_canonical, affiliation, "
    "evidence, analysis_status"
)
# Each item of a claim's evidence as a list [start, end, kind, by] (tui/store/claims.py); a
# value that is not a JSON list, or an item that is not an object, is copied as it was (NULL,
# a claim stored before schema 8, stays NULL: `sitrep reprocess` looks for it).
_EVIDENCE = """CASE WHEN evidence IS NULL THEN NULL WHEN NOT json_valid(evidence) THEN evidence
    WHEN json_type(evidence) != 'array' THEN evidence ELSE
    (SELECT json_group_array(CASE WHEN j.type = 'object' THEN json_array(
        json_extract(j.value, '$.start'), json_extract(j.value, '$.end'),
        json_extract(j.value, '$.kind'), coalesce(json_extract(j.value, '$.by'), ''))
        ELSE j.value END) FROM json_each(evidence) j) END"""
_CUE = (
    "coalesce(c.cue, (SELECT substr(sitrep_text(a.text), c.cue_start + 1, c.cue_end - "
    "c.cue_start) FROM articles a WHERE a.id = c.article_id))"
)

LEAN = f"""
DROP VIEW claims;
DROP TRIGGER articles_claims_bd;
DROP TRIGGER articles_claims_bu;
CREATE TABLE claim_rows_lean (
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
    quote             TEXT NOT NULL,     -- QUOTE_CODES (tui/store/schema_lean.py)
    status            TEXT NOT NULL,     -- STATUS_CODES
    source_canonical  TEXT NOT NULL DEFAULT '',
    affiliation       TEXT NOT NULL DEFAULT '',
    evidence          TEXT,
    analysis_status   TEXT               -- STATUS_CODES; NULL: the user set none
);
INSERT INTO claim_rows_lean({_COLUMNS})
    SELECT id, article_id, start, "end", text, source, source_start, source_end, cue,
        cue_start, cue_end, content_start, content_end, {_coded("quote", QUOTE_CODES)},
        {_coded("status", STATUS_CODES)}, source_canonical, affiliation, {_EVIDENCE},
        {_coded("analysis_status", STATUS_CODES)}
    FROM claim_rows ORDER BY id;
DROP TABLE claim_rows;
ALTER TABLE claim_rows_lean RENAME TO claim_rows;
CREATE VIEW claims AS SELECT c.id, c.article_id, c.start, c."end", {sentence("c")} AS text,
    c.source, c.source_start, c.source_end, {_CUE} AS cue, c.cue_start, c.cue_end,
    c.content_start, c.content_end, {word("c.quote", QUOTE_CODES)} AS quote,
    {word("c.status", STATUS_CODES)} AS status, c.source_canonical, c.affiliation, c.evidence,
    {word("c.analysis_status", STATUS_CODES)} AS analysis_status
    FROM claim_rows c;
CREATE INDEX claims_article ON claim_rows(article_id, start, "end");
CREATE INDEX claims_status ON claim_rows(status, article_id);
CREATE INDEX claims_sides ON claim_rows(affiliation COLLATE NOCASE, article_id);
CREATE INDEX claims_canonical ON claim_rows(source_canonical COLLATE NOCASE, article_id);
CREATE INDEX claims_manual ON claim_rows(article_id) WHERE analysis_status IS NOT NULL;
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

"""
