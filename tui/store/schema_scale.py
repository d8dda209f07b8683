"""Schema step for a year of news (a million articles and more): smaller, and lists whose cost
does not grow with the cache. `tui.store.schema` runs it as the migration after v7.

- `feed_counts`: each feed's articles, unread articles and claims, kept by triggers, so the
  feeds pane and an unfiltered list's count read a row per feed instead of every article.
- `article_marks`, `claim_marks`: for each run of 1,024 ids, the earliest and latest `sort_ts`
  of the articles in it (of the claims' articles, for claims). Ids grow in the order articles
  arrive, which is close to the order the lists show; with these bounds a search can walk a
  full-text match newest id first and stop as soon as no older id can still make the page
  (tui/store/plan.py). Triggers widen them; nothing narrows them (a purge leaves them as
  bounds, which is all they are).
- `words`: every token the full-text indexes hold, so a word typed as a prefix ("drone" also
  finds "drones") becomes a few exact tokens that FTS5 reads lazily, instead of a prefix query
  that merges every matching token's whole list first (20 ms at 50k articles, 400 ms at 1M).
  Kept by the store as it writes (tui/store/words.py).
- Articles get two full-text indexes where they had one: `articles_fts` for words, without
  positions (`detail=none`) but with prefix indexes of 2 and 3 letters (0.45 KB an article),
  and `articles_phrase_fts` for phrases, with positions but no prefix index (1.2 KB); the one
  index with both took 2.9 KB. The claim index keeps positions (its phrases and the `by:`
  column filter) and only the 2-letter prefix index. None keeps per-row token counts
  (`columnsize=0`): nothing ranks.
- `mentions` loses its rowid and one index: the key (entity, article, span) answers both the
  entity searches and, through the article index, an article's entities.
- `claim_sources`: each distinct claim source once, with its own small full-text index, so
  `by:` finds the few sources it names and then checks each claim's source against them
  (through the claim index of each article) instead of collecting every matching claim first.
- The list index is ascending (SQLite walks it backwards as fast): new articles are the newest,
  and a descending index took every insert at its left end, where B-tree pages split in halves
  and stay half empty.
"""

from __future__ import annotations

SCALE = """
CREATE TABLE feed_counts (
    feed_id  INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL DEFAULT 0,
    unread   INTEGER NOT NULL DEFAULT 0,
    claims   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO feed_counts(feed_id, articles, unread, claims)
    SELECT feed_id, count(*), total(read = 0), total(claim_count) FROM articles GROUP BY feed_id;
CREATE TRIGGER articles_count_ai AFTER INSERT ON articles BEGIN
    INSERT INTO feed_counts(feed_id, articles, unread, claims)
        VALUES (new.feed_id, 1, new.read = 0, new.claim_count)
        ON CONFLICT(feed_id) DO UPDATE SET articles = articles + 1,
            unread = unread + excluded.unread, claims = claims + excluded.claims;
END;
CREATE TRIGGER articles_count_ad AFTER DELETE ON articles BEGIN
    UPDATE feed_counts SET articles = articles - 1, unread = unread - (old.read = 0),
        claims = claims - old.claim_count WHERE feed_id = old.feed_id;
END;
CREATE TRIGGER articles_count_au AFTER UPDATE OF read, claim_count ON articles
WHEN (old.read = 0) != (new.read = 0) OR old.claim_count != new.claim_count BEGIN
    UPDATE feed_counts SET unread = unread - (old.read = 0) + (new.read = 0),
        claims = claims - old.claim_count + new.claim_count WHERE feed_id = new.feed_id;
END;

CREATE TABLE article_marks (
    bucket INTEGER PRIMARY KEY,  -- id >> 10
    low    TEXT NOT NULL,
    high   TEXT NOT NULL
);
INSERT INTO article_marks(bucket, low, high)
    SELECT id >> 10, min(sort_ts), max(sort_ts) FROM articles GROUP BY 1;
CREATE TRIGGER articles_mark_ai AFTER INSERT ON articles BEGIN
    INSERT INTO article_marks(bucket, low, high) VALUES (new.id >> 10, new.sort_ts, new.sort_ts)
        ON CONFLICT(bucket) DO UPDATE SET low = min(low, excluded.low),
            high = max(high, excluded.high);
END;
CREATE TRIGGER articles_mark_au AFTER UPDATE OF sort_ts ON articles BEGIN
    INSERT INTO article_marks(bucket, low, high) VALUES (new.id >> 10, new.sort_ts, new.sort_ts)
        ON CONFLICT(bucket) DO UPDATE SET low = min(low, excluded.low),
            high = max(high, excluded.high);
END;
CREATE TABLE claim_marks (
    bucket INTEGER PRIMARY KEY,  -- claim id >> 10
    low    TEXT NOT NULL,
    high   TEXT NOT NULL
);
INSERT INTO claim_marks(bucket, low, high)
    SELECT c.id >> 10, min(a.sort_ts), max(a.sort_ts)
    FROM claims c JOIN articles a ON a.id = c.article_id GROUP BY 1;
CREATE TRIGGER claims_mark_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claim_marks(bucket, low, high)
        SELECT new.id >> 10, sort_ts, sort_ts FROM articles WHERE id = new.article_id
        ON CONFLICT(bucket) DO UPDATE SET low = min(low, excluded.low),
            high = max(high, excluded.high);
END;

CREATE TABLE words (term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.old_article_terms USING fts5vocab(main, articles_fts, row);
CREATE VIRTUAL TABLE temp.old_claim_terms USING fts5vocab(main, claims_fts, row);
INSERT OR IGNORE INTO words(term) SELECT term FROM temp.old_article_terms;
INSERT OR IGNORE INTO words(term) SELECT term FROM temp.old_claim_terms;
DROP TABLE temp.old_article_terms;
DROP TABLE temp.old_claim_terms;

DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3', detail=none, columnsize=0
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE articles_phrase_fts USING fts5(
    title, summary, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', columnsize=0
);
INSERT INTO articles_phrase_fts(articles_phrase_fts) VALUES ('rebuild');
CREATE TRIGGER articles_phrase_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_phrase_fts(rowid, title, summary, text)
        VALUES (new.id, new.title, new.summary, new.text);
END;
CREATE TRIGGER articles_phrase_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_phrase_fts(articles_phrase_fts, rowid, title, summary, text)
        VALUES ('delete', old.id, old.title, old.summary, old.text);
END;
CREATE TRIGGER articles_phrase_au AFTER UPDATE OF title, summary, text ON articles BEGIN
    INSERT INTO articles_phrase_fts(articles_phrase_fts, rowid, title, summary, text)
        VALUES ('delete', old.id, old.title, old.summary, old.text);
    INSERT INTO articles_phrase_fts(rowid, title, summary, text)
        VALUES (new.id, new.title, new.summary, new.text);
END;
DROP TABLE claims_fts;
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, source, content='claims', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2', columnsize=0
);
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');

CREATE TABLE mentions_keyed (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id, start, "end")
) WITHOUT ROWID;
INSERT OR IGNORE INTO mentions_keyed(entity_id, article_id, start, "end")
    SELECT entity_id, article_id, start, "end" FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_keyed RENAME TO mentions;
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE claim_sources (
    id     INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE claim_sources_fts USING fts5(
    source, content='claim_sources', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', columnsize=0
);
CREATE TRIGGER claim_sources_ai AFTER INSERT ON claim_sources BEGIN
    INSERT INTO claim_sources_fts(rowid, source) VALUES (new.id, new.source);
END;
INSERT OR IGNORE INTO claim_sources(source) SELECT source FROM claims;
CREATE TRIGGER claims_source_ai AFTER INSERT ON claims BEGIN
    INSERT OR IGNORE INTO claim_sources(source) VALUES (new.source);
END;

DROP INDEX articles_list;
CREATE INDEX articles_list
    ON articles(sort_ts, id, feed_id, read, conflict, claim_count, language);
"""

# v10: each distinct canonical source once. `by:ru` as it is typed checks whether any canonical
# name has a word starting "ru" before walking the list; over the claims' canonical index that
# read every claim (0.2 s at 400k articles, at each keystroke); over this table it reads the few
# hundred names there are. Like claim_sources, kept by a trigger and never narrowed. Also the
# story rows to file again (analysed again), found by a small partial index (stories.py).
CANONICALS = """
CREATE INDEX story_articles_stale ON story_articles(article_id) WHERE stale = 1;
CREATE TABLE claim_canonicals (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO claim_canonicals(name)
    SELECT DISTINCT source_canonical FROM claims WHERE source_canonical != '';
CREATE TRIGGER claims_canonical_ai AFTER INSERT ON claims WHEN new.source_canonical != '' BEGIN
    INSERT OR IGNORE INTO claim_canonicals(name) VALUES (new.source_canonical);
END;
"""
