"""Schema 17 (tui/store/schema_texts.py): texts and analysed articles' summaries deflated with a
preset dictionary (tui/store/text_pack.py). A cache written by schema 16 is migrated with a
backup: every article and claim reads back the same, every query of both lists (words,
prefixes and phrases of titles, summaries and texts) answers the same as today's code answered
on the schema 16 file, and the full-text indexes agree with their content; articles analysed
since keep their text and summary packed and read them back as written.
"""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from tests import old_cache
from tui.core.models import Analysis, Article, Claim
from tui.core.query import parse_query
from tui.store import schema, store, text_pack, upkeep
from tui.store.searcher import Searcher

_INDEXES = ("claims_fts", "claims_phrase_fts", "articles_fts", "articles_phrase_fts")
_SUMMARY = "Officials in the region said the shelling of the grain terminal lasted until dawn {n}."
_QUERIES = ("drones", "dr", "shelling", "sh", "gr", '"grain terminal"', '"until dawn 7"',
            "dawn -kharkiv", '-"grain terminal"', "terminal depot", "status:denied", "by:army",
            "side:russia", "entity:kharkiv", "-status:claimed")  # fmt: skip


def _articles(conn: sqlite3.Connection) -> list[dict[str, object]]:
    return [dict(r) for r in conn.execute(f"SELECT {store.ARTICLE_COLUMNS} FROM articles a "
                                          "ORDER BY a.id")]  # fmt: skip


def _answers(conn: sqlite3.Connection) -> dict[str, object]:
    return old_cache.answers(conn, _QUERIES)


def _schema_16(path: Path) -> None:
    """A schema 16 cache whose odd articles carry a feed summary."""
    old_cache.write(path, 16)
    with sqlite3.connect(path) as old:
        schema.register_functions(old)
        assert old.execute("PRAGMA user_version").fetchone()[0] == 16
        for n in range(1, old_cache.ARTICLES + 1, 2):
            old.execute("UPDATE articles SET summary = ? WHERE id = ?", (_SUMMARY.format(n=n), n))
    old.close()


def _whole(conn: sqlite3.Connection) -> None:
    """The file, and each full-text index against its content (the view reads the summary)."""
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in _INDEXES:
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    conn.commit()


def test_a_schema_16_cache_migrates_with_a_backup_and_answers_the_same(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    _schema_16(path)
    copy = tmp_path / "v16" / "sitrep.db"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    old = schema.connect(copy, readonly=True)  # today's queries on schema 16's tables
    articles, answered = _articles(old), _answers(old)
    claims = [dict(r) for r in old.execute("SELECT * FROM claims ORDER BY id")]
    old.close()
    assert answered["shelling"][1] == list(range(1, old_cache.ARTICLES, 2))  # not vacuous
    assert answered['"until dawn 7"'][1] == [7] and answered["status:denied"][0]
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 17
    assert path.with_name("sitrep.db.bak-v16").exists()
    assert _articles(conn) == articles
    assert [dict(r) for r in conn.execute("SELECT * FROM claims ORDER BY id")] == claims
    assert _answers(conn) == answered
    kinds = conn.execute("SELECT DISTINCT typeof(summary), substr(text, 1, 1) FROM articles "
                         "WHERE summary != ''").fetchall()  # fmt: skip
    assert [tuple(k) for k in kinds] == [("text", b"\x78")]  # no row rewritten
    _whole(conn)
    conn.close()


def test_an_article_analysed_since_keeps_its_text_and_summary_packed(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    _schema_16(path)
    conn = schema.connect(path)
    row = conn.execute("SELECT id, url FROM articles WHERE id = 3").fetchone()
    text = "Kyiv said the strike hit the grain terminal. Officials said the fire was out. " * 3
    said = (Claim(0, 44, text[:44], "Kyiv", 0, 4, "said", 5, 9, 10, 43, "reported", "claimed",
                  source_canonical="Kyiv", affiliation="Ukraine"),)  # fmt: skip
    store.save_analysis(conn, row["id"], Article(row["url"], text),
                        Analysis(said, (), False, "test"))  # fmt: skip
    kept = conn.execute("SELECT text, summary FROM articles WHERE id = 3").fetchone()
    assert kept["text"][0] == kept["summary"][0] == text_pack.CURRENT  # the tag byte
    assert len(kept["text"]) < len(zlib.compress(text.encode("utf-8"), 6))
    (back,) = [a for a in _articles(conn) if a["id"] == 3]
    assert (back["text"], back["summary"]) == (text, _SUMMARY.format(n=3))
    finder = Searcher()
    for query, wanted in (('"until dawn 3"', [3]), ('"fire was out"', [3]), ("fi", None)):
        found = [r["id"] for r in finder.page_articles(conn, parse_query(query), limit=500)]
        assert found == wanted if wanted else 3 in found, query
    claims = finder.page_claims(conn, parse_query('"grain terminal" kyiv'), limit=500)
    assert [c["text"] for c in claims] == [text[:44]]
    _whole(conn)
    upkeep.purge_articles(conn, 1, now=old_cache.NOW.replace(year=2030))  # every article goes
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    _whole(conn)
    conn.close()


def test_the_dictionary_is_the_one_values_name_and_every_form_reads_back() -> None:
    assert len(text_pack.dictionary(1)) == 32768  # its Adler-32 checked as it loads
    for text in ("Ukraine's air defence said 14 of 16 drones were downed overnight. " * 4,
                 "Сили оборони повідомили про збиті дрони над Харковом уночі, " * 3,
                 "short", ""):  # fmt: skip
        packed = text_pack.pack(text)
        assert text_pack.unpack(packed) == text if isinstance(packed, bytes) else packed == text
    assert isinstance(text_pack.pack("x" * 200), bytes)
    assert text_pack.pack("short summary") == "short summary"  # not worth packing
    old = zlib.compress(b"A text as schema 11 to 16 kept it.", 6)
    assert text_pack.unpack(old) == "A text as schema 11 to 16 kept it."
    with pytest.raises(KeyError):
        text_pack.dictionary(2)
