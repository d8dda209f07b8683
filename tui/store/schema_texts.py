"""Schema step 17: the seventh pass at the cache's size (issue 19), after schema 16
(tui/store/schema_trim.py). Sizes per article are measured on the 50k bench cache
(bench/README.md, "Schema 17").

- An article's text is deflated with a preset dictionary (tui/store/text_pack.py), and so is
  its feed's summary once the article is analysed (`save_analysis` packs it as it writes the
  text; a summary of an article never analysed stays as the feed gave it, since a refresh
  stores thousands and most are never opened). `sitrep_text` reads every form: the summary
  is read through it by the full-text indexes' content view and triggers here, and by the
  store's article reader. Rows written before stay as they are (their zlib streams and
  plain summaries read as before): the migration rewrites no row, so it takes no time at a
  million articles, and the retention purge replaces them in time.
- A story of one article whose grouping state is that article's features summed once keeps
  its times and norm only (tui/store/story_pack.py, `ALONE`); the rest is read from the
  article's features when the story is read back. Nothing in SQL: the version says that an
  older sitrep cannot read these values.
"""

from __future__ import annotations

_INDEXED = "title, summary, text"


def _row(row: str) -> str:
    return f"{row}.id, {row}.title, sitrep_text({row}.summary), sitrep_text({row}.text)"


TEXTS = f"""
DROP VIEW article_texts;
CREATE VIEW article_texts AS SELECT id, title, sitrep_text(summary) AS summary,
    sitrep_text(text) AS text FROM articles;
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, {_INDEXED}) VALUES ({_row("new")});
    INSERT INTO articles_phrase_fts(rowid, {_INDEXED}) VALUES ({_row("new")});
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, {_INDEXED}) VALUES ('delete', {_row("old")});
    INSERT INTO articles_phrase_fts(articles_phrase_fts, rowid, {_INDEXED})
        VALUES ('delete', {_row("old")});
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, summary, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, {_INDEXED}) VALUES ('delete', {_row("old")});
    INSERT INTO articles_phrase_fts(articles_phrase_fts, rowid, {_INDEXED})
        VALUES ('delete', {_row("old")});
    INSERT INTO articles_fts(rowid, {_INDEXED}) VALUES ({_row("new")});
    INSERT INTO articles_phrase_fts(rowid, {_INDEXED}) VALUES ({_row("new")});
END;
"""
