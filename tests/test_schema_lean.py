"""Schema 12 (tui/store/schema_lean.py): claim statuses and quote kinds kept as codes, read back
as words through the `claims` view; claim evidence as JSON lists. A cache written by schema 11
is migrated with a backup and reads back the same.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests import old_cache, scale_cache
from tui.core.models import Analysis, Article, Claim
from tui.core.query import parse_query
from tui.store import manual_status, schema, store
from tui.store.claims import evidence_of
from tui.store.schema_lean import QUOTE_CODES, STATUS_CODES
from tui.store.searcher import Searcher

_INDEXES = ("claims_fts", "claims_phrase_fts", "articles_fts", "articles_phrase_fts")


def _whole(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in _INDEXES:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    conn.commit()


def _claims(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    """Every column, the evidence as what it reads back as (its JSON's form changed in 12)."""
    rows = conn.execute("SELECT * FROM claims ORDER BY id")
    return [(*row[:17], evidence_of(row[17]), row[18]) for row in rows]


def _same_lists(conn: sqlite3.Connection, texts: tuple[str, ...], now: object) -> None:
    finder = Searcher()
    for text in texts:
        query = parse_query(text, now)  # type: ignore[arg-type]
        articles = [r["id"] for r in finder.page_articles(conn, query, limit=500)]
        assert articles == scale_cache.reference(conn, query, "articles"), text
        claims = [r["id"] for r in finder.page_claims(conn, query, limit=500)]
        assert claims == scale_cache.reference(conn, query, "claims"), text


def test_a_schema_11_cache_migrates_with_a_backup_and_reads_back_the_same(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    old_cache.write(path, 11)
    with sqlite3.connect(path) as old:  # values a damaged or hand-made row may hold
        old.execute("UPDATE claim_rows SET evidence = 'not json' WHERE id = 1")
        old.execute("UPDATE claim_rows SET evidence = NULL WHERE id = 3")  # before schema 8
        old.execute("""UPDATE claim_rows SET evidence = '[7, "x", [1, 2, "denial", ""]]'
                       WHERE id = 2""")
    with sqlite3.connect(path) as old:
        schema.register_functions(old)
        before = _claims(old)
        assert {r[14] for r in before} == {"claimed", "denied"}  # words in schema 11
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert path.with_name("sitrep.db.bak-v11").exists()
    assert _claims(conn) == before  # the view gives every column as the words it held
    kept = conn.execute("SELECT DISTINCT typeof(status), typeof(quote) FROM claim_rows").fetchall()
    assert [tuple(r) for r in kept] == [("text", "text")]  # '0', '1': one character each
    evidence = {r[0] for r in conn.execute("SELECT evidence FROM claim_rows")}
    assert "[]" in evidence and any(e and e.startswith("[[") and '"denial"' in e for e in evidence)
    assert any(r[17] for r in before)  # the denials' evidence, read back the same above
    odd = dict(conn.execute("SELECT id, evidence FROM claim_rows WHERE id <= 3").fetchall())
    assert odd == {1: "not json", 2: '[7,"x",[1,2,"denial",""]]', 3: None}  # copied as they were
    _whole(conn)
    _same_lists(conn, ("dro", "dep", "drones", "res", "status:denied", "-status:claimed",
                       '"air defence"', "sh"), old_cache.NOW)  # fmt: skip
    assert len(Searcher().page_claims(conn, parse_query("status:denied", old_cache.NOW),
                                      limit=500)) == old_cache.ARTICLES  # fmt: skip
    conn.close()


def test_statuses_are_kept_as_codes_and_read_back_as_words(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=60)  # a seventh of the claims set by hand
    rows = conn.execute(
        "SELECT c.status, c.quote, c.analysis_status, r.status, r.quote, r.analysis_status "
        "FROM claims c JOIN claim_rows r ON r.id = c.id"
    ).fetchall()
    assert rows and any(r[2] is not None for r in rows)
    for status, quote, analysed, code, quote_code, analysed_code in rows:
        assert str(STATUS_CODES[status]) == code and str(QUOTE_CODES[quote]) == quote_code
        assert analysed is None or str(STATUS_CODES[analysed]) == analysed_code
    _whole(conn)
    now = scale_cache.NOW
    _same_lists(conn, ("status:confirmed", "status:disputed", "-status:claimed", "is:manual",
                       "kha", "dro status:denied"), now)  # fmt: skip
    found = Searcher().page_claims(conn, parse_query("status:confirmed", now), limit=5000)
    assert found and all(r["status"] == "confirmed" for r in found)
    # the user's status given back: the analyzer's word again, from its code
    claim = conn.execute("SELECT * FROM claims WHERE analysis_status IS NOT NULL").fetchone()
    back = manual_status.set_status(
        conn, claim["article_id"], claim["start"], claim["source_start"], None
    )
    assert back is not None and back["status"] == claim["analysis_status"]
    assert back["analysis_status"] is None
    # a status without a code (a hand-made analysis may give one) is kept as its word
    first = conn.execute("SELECT id, url FROM articles ORDER BY id LIMIT 1").fetchone()
    odd = Claim(0, 4, "Kyiv", "Kyiv", 0, 4, "says", 5, 9, 10, 12, "paraphrase", "rumoured")
    store.save_analysis(conn, first["id"], Article(first["url"], "Kyiv says so."),
                        Analysis((odd,), (), False, "test"))  # fmt: skip
    row = conn.execute("SELECT * FROM claims WHERE article_id = ?", (first["id"],)).fetchone()
    assert (row["status"], row["quote"]) == ("rumoured", "paraphrase")
    _same_lists(conn, ("-status:claimed", "-status:denied kyiv"), now)
    others = Searcher().page_claims(conn, parse_query("-status:claimed", now), limit=5000)
    assert row["id"] in {r["id"] for r in others}
    _whole(conn)
