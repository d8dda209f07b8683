"""Schema step 13: the third pass at the cache's size (issue 19), after schema 12
(tui/store/schema_lean.py), and the story filing check made O(1). Sizes per article are
measured on the 50k bench cache (bench/README.md, "Schema 13").

- An article's entity mentions are packed in one value, `article_mentions` (tui/store/
  mention_spans.py says how), for the readers that go from an article to its mentions (the
  reader's entities, story reports, deleting them). `mentions` keeps its rows keyed (entity,
  article, span) for the readers that go from an entity (the `entity:` filter and the claims it
  holds, pins, sparklines), without the index by article that doubled it (0.79 -> 0.51 KB an
  article), and without a foreign key to articles (a key without that index would make every
  article deletion scan it): deleting an article deletes its `article_mentions` row, whose
  trigger deletes its `mentions` rows by key. Packing the entity side too (a row per entity and
  article, 0.36 KB) was measured and left out: the claims a mention lies in were then found by
  unpacking spans in Python for every (article, claim), 15 -> 610 ms of CPU for `entity:Kyiv`'s
  claims at 50k.
- `story_queue`: the articles a catch-up has to file (done processing, and in no story or in a
  stale story row), kept by triggers on `articles` and `story_articles`. Asking whether there is
  anything to file counted every done article (55 ms at 1M, every 5 s); now it reads whether
  this table has a row (tui/store/stories.py).
- The full-text indexes merge their segments 16 at a time, not 4 (FTS5's `automerge`). With 4,
  every write also carried on merging the big segments of a large index, the more the larger
  it was: storing 200 new feeds (4,000 items) took 4.6 s of CPU in the 1M bench cache against
  1.3 s in a small one; with 16, 1.4 s (bench/README.md, "A refresh into a million"). A search
  reads at most 15 segments a level instead of 3: a few lookups more a term.
"""

from __future__ import annotations

from tui.store.stories import DONE_STATES

_DONE = ", ".join(f"'{state}'" for state in DONE_STATES)
# Whether article `id` is filed for good (a story row that is not stale)
_FILED = "EXISTS (SELECT 1 FROM story_articles WHERE article_id = {id} AND stale = 0)"


def _queue_if_due(article: str) -> str:
    """SQL adding *article* (an id expression) to the queue when it is done and not filed."""
    return (
        f"INSERT OR IGNORE INTO story_queue(article_id) SELECT id FROM articles "
        f"WHERE id = {article} AND state IN ({_DONE}) AND NOT {_FILED.format(id=article)};"
    )


_FULL_TEXT = ("articles_fts", "articles_phrase_fts", "claims_fts", "claims_phrase_fts")
_MERGE_WIDER = "\n".join(
    f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 16);" for table in _FULL_TEXT
)

# The triggers that keep `story_queue` (schema 14 rebuilds story_articles and makes them again)
QUEUE_TRIGGERS = f"""
CREATE TRIGGER story_queue_ai AFTER INSERT ON articles WHEN new.state IN ({_DONE}) BEGIN
    {_queue_if_due("new.id")}
END;
CREATE TRIGGER story_queue_au AFTER UPDATE OF state ON articles BEGIN
    DELETE FROM story_queue WHERE article_id = new.id AND new.state NOT IN ({_DONE});
    {_queue_if_due("new.id")}
END;
CREATE TRIGGER story_queue_ad AFTER DELETE ON articles BEGIN
    DELETE FROM story_queue WHERE article_id = old.id;
END;
CREATE TRIGGER story_queue_filed_ai AFTER INSERT ON story_articles BEGIN
    DELETE FROM story_queue WHERE article_id = new.article_id AND new.stale = 0;
    {_queue_if_due("new.article_id")}
END;
CREATE TRIGGER story_queue_filed_au AFTER UPDATE OF stale ON story_articles BEGIN
    DELETE FROM story_queue WHERE article_id = new.article_id AND new.stale = 0;
    {_queue_if_due("new.article_id")}
END;
CREATE TRIGGER story_queue_filed_ad AFTER DELETE ON story_articles BEGIN
    {_queue_if_due("old.article_id")}
END;
"""

PACK = f"""
{_MERGE_WIDER}
CREATE TABLE article_mentions (
    article_id INTEGER PRIMARY KEY,
    spans      BLOB NOT NULL            -- tui/store/mention_spans.py
);
INSERT INTO article_mentions(article_id, spans)
    SELECT article_id, sitrep_pack_mentions(entity_id, start, "end") FROM mentions
    GROUP BY article_id ORDER BY article_id;
CREATE TABLE mentions_keyed (
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id, start, "end")
) WITHOUT ROWID;
INSERT INTO mentions_keyed(entity_id, article_id, start, "end")
    SELECT entity_id, article_id, start, "end" FROM mentions ORDER BY 1, 2, 3, 4;
DROP TABLE mentions;
ALTER TABLE mentions_keyed RENAME TO mentions;
CREATE TRIGGER article_mentions_ad AFTER DELETE ON article_mentions BEGIN
    DELETE FROM mentions WHERE article_id = old.article_id
        AND entity_id IN (SELECT value FROM json_each(sitrep_mention_ids(old.spans)));
END;
CREATE TRIGGER articles_mentions_ad AFTER DELETE ON articles BEGIN
    DELETE FROM article_mentions WHERE article_id = old.id;
END;

CREATE TABLE story_queue (article_id INTEGER PRIMARY KEY);
INSERT INTO story_queue(article_id)
    SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id
    WHERE a.state IN ({_DONE}) AND (s.article_id IS NULL OR s.stale != 0) ORDER BY a.id;
{QUEUE_TRIGGERS}
"""
