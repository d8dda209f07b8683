"""Schema 11 (tui/store/schema_size.py): claims read their sentence and cue from the article's
text, the claim index is split in words and phrases, story rows are compressed. A cache written
by schema 10 (and 8) is migrated with a backup and reads back the same; claims stay right
through new analyses, purges and hand-written rows whose text is not the article's span.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tests import old_cache, scale_cache
from tui.core.models import Analysis, Article, Claim
from tui.core.query import parse_query
from tui.pipeline.stories.features import ArticleFeatures
from tui.service import stories as story_service
from tui.store import claims as stored_claims
from tui.store import schema, store, story_terms, upkeep
from tui.store import stories as kept
from tui.store.searcher import Searcher

CLAIM_INDEXES = ("claims_fts", "claims_phrase_fts")


def _whole(conn: sqlite3.Connection) -> None:
    """The file and every claim index agree with the rows (FTS5 checks its index against the
    content it reads through the view)."""
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in (*CLAIM_INDEXES, "articles_fts", "articles_phrase_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    conn.commit()


def _claims(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [tuple(row) for row in conn.execute("SELECT * FROM claims ORDER BY id")]


@pytest.mark.parametrize("version", [10, 8])
def test_an_older_cache_migrates_with_a_backup_and_reads_back_the_same(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    old_cache.write(path, version)
    with sqlite3.connect(path) as old:
        before = _claims(old)
        features = dict(old.execute("SELECT article_id, features FROM story_articles"))
        state = old.execute("SELECT state FROM stories").fetchone()[0]
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert path.with_name(f"sitrep.db.bak-v{version}").exists()
    after = _claims(conn)
    if version == 10:
        # the view gives every column as the table held it (the evidence in schema 12's form)
        same = [(*r[:17], stored_claims.evidence_of(r[17]), r[18]) for r in after]
        assert same == [(*r[:17], stored_claims.evidence_of(r[17]), r[18]) for r in before]
    assert [(r[4], r[8]) for r in after] == [(r[4], r[8]) for r in before]  # sentence, cue
    # every sentence and cue was the article's span: none is stored twice
    assert conn.execute(
        "SELECT count(*) FROM claim_rows WHERE text IS NOT NULL OR cue IS NOT NULL"
    ).fetchone()[0] == 0
    assert len(after) == 3 * old_cache.ARTICLES
    _whole(conn)
    rows = kept.articles_to_file(conn, 100)
    assert rows == []  # all filed; the packed rows read back as they were written
    window = kept.window_stories(conn, "")
    assert {k: window[0][k] for k in json.loads(state)} == json.loads(state)
    packed = [dict(r) for r in conn.execute(
        "SELECT a.id, a.title, s.features AS old_features FROM story_articles s "
        "JOIN articles a ON a.id = s.article_id"
    )]  # fmt: skip
    assert all(isinstance(row["old_features"], bytes) for row in packed)
    story_terms.features_json(conn, packed)  # as articles_to_file reads them (schema 14)
    assert {r["id"]: ArticleFeatures.from_dict(json.loads(r["old_features"])) for r in packed} == {
        a: ArticleFeatures.from_dict(json.loads(v)) for a, v in features.items()
    }
    finder = Searcher()
    for text in ("drones", "dro", '"air defence"', "status:denied", "by:army", "by:ukrain",
                 "side:russia", "-shelled", "entity:Kharkiv"):  # fmt: skip
        query = parse_query(text, old_cache.NOW)
        got = [r["id"] for r in finder.page_claims(conn, query, limit=500)]
        assert got == scale_cache.reference(conn, query, "claims"), text
        assert got, text
    conn.close()


def test_claims_read_their_text_from_the_article_through_analyses_and_purges(
    tmp_path: Path,
) -> None:
    conn = scale_cache.build(tmp_path, articles=60)
    assert conn.execute("SELECT count(*) FROM claim_rows").fetchone()[0] > 60
    assert conn.execute(
        "SELECT count(*) FROM claim_rows WHERE text IS NOT NULL OR cue IS NOT NULL"
    ).fetchone()[0] == 0
    for row in conn.execute(
        "SELECT c.*, sitrep_text(a.text) AS body FROM claims c JOIN articles a "
        "ON a.id = c.article_id"
    ).fetchall():
        assert row["text"] == row["body"][row["start"] : row["end"]]
        assert row["cue"] == row["body"][row["cue_start"] : row["cue_end"]] == "said"
    first = conn.execute("SELECT min(article_id) FROM claim_rows").fetchone()[0]
    # the text is kept compressed and read back whole
    assert conn.execute("SELECT typeof(text) FROM articles WHERE id = ?",
                        (first,)).fetchone()[0] == "blob"  # fmt: skip
    article = store.get_article(conn, first)
    assert article is not None and article["text"].startswith(article["text"].split(".")[0])
    assert isinstance(article["text"], str) and "said" in article["text"]
    # a claim whose sentence is not the article's span (a hand-made analysis) keeps its own
    odd = Claim(0, 5, "Not the text", "Someone", 0, 3, "says", 4, 8, 9, 12, "reported",
                "claimed")  # fmt: skip
    url = conn.execute("SELECT url FROM articles WHERE id = ?", (first,)).fetchone()[0]
    store.save_analysis(conn, first, Article(url, "Kyiv says a new text."),
                        Analysis((odd,), (), False, "test"))  # fmt: skip
    kept_row = conn.execute("SELECT * FROM claims WHERE article_id = ?", (first,)).fetchone()
    assert (kept_row["text"], kept_row["cue"]) == ("Not the text", "says")
    assert stored_claims.claim_of(kept_row).text == "Not the text"
    _whole(conn)
    # a new text without a new analysis drops the claims (their spans indexed the old text)
    second = first + 1
    with conn:
        conn.execute("UPDATE articles SET text = 'Replaced.' WHERE id = ?", (second,))
    assert conn.execute("SELECT count(*) FROM claims WHERE article_id = ?",
                        (second,)).fetchone()[0] == 0  # fmt: skip
    _whole(conn)
    # a purge deletes the claims with their articles and leaves the indexes whole
    with conn:
        conn.execute("UPDATE articles SET fetched = sort_ts")  # found as they were published
    cutoff = scale_cache.NOW - timedelta(hours=8)
    gone = upkeep.purge_articles(conn, 1, now=cutoff + timedelta(days=1))
    assert 0 < gone < 60
    assert conn.execute(
        "SELECT count(*) FROM claim_rows WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0] == 0
    _whole(conn)
    query = parse_query('"air defence"', scale_cache.NOW)
    got = [r["id"] for r in Searcher().page_claims(conn, query, limit=500)]
    assert got == scale_cache.reference(conn, query, "claims")


def test_stories_file_and_refile_through_packed_rows(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=80)
    assert story_service.file_all(conn) > 0
    assert all(isinstance(v, bytes) for (v,) in conn.execute("SELECT features FROM story_articles"))
    assert all(isinstance(v, bytes) for (v,) in conn.execute("SELECT state FROM stories"))
    stories_before = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    row = conn.execute("SELECT id, url, text FROM articles WHERE claim_count > 0").fetchone()
    store.save_analysis(conn, row["id"], Article(row["url"], row["text"]),
                        Analysis((), (), False, "test"))  # fmt: skip
    assert kept.needs_filing(conn, story_service.FEATURES_VERSION)
    stale = kept.articles_to_file(conn, 10)
    assert [r["id"] for r in stale] == [row["id"]]
    assert json.loads(stale[0]["old_features"])["article_id"] == str(row["id"])
    assert story_service.file_all(conn) == 1
    assert not kept.needs_filing(conn, story_service.FEATURES_VERSION)
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] >= stories_before - 1
