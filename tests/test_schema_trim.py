"""Schema 16 (tui/store/schema_trim.py): a claim's offsets kept from its start, the index by side
and the queue's index partial, the articles' phrase index with the text as its first column.
A cache written by schema 15 is migrated with a backup: every claim reads back the same, every
query of both lists answers the same as today's code answered on the schema 15 file (its own
phrase index, full indexes), the queue and the articles to analyse again are the same, and
the indexes the queries read are the new ones; claims written since read back as written.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests import old_cache
from tui.core.models import Analysis, Article, Claim
from tui.core.query import parse_query
from tui.store import manual_status, query_sql, queue, reanalysis, schema, store, upkeep
from tui.store.searcher import Searcher

_INDEXES = ("claims_fts", "claims_phrase_fts", "articles_fts", "articles_phrase_fts")
# Hand-made claims of article n: (start, end, source_start, source_end, cue, cue_start, cue_end,
# content_start, content_end, side): a source after the content, a source and a cue before
# the claim's start (offsets below it), a cue that is not the text at its offsets, no side
_ODD = (
    (12, 60, 40, 48, None, 20, 24, 13, 39, "Russia"),
    (30, 50, 2, 9, None, 10, 14, 31, 49, ""),
    (0, 9, 0, 1, "stated", 2, 6, 7, 9, "Ukraine"),
)
_QUERIES = ("drones", "dr", "depot -kharkiv", '"air defence"', '"drones hit"', '"hit depot 7"',
            '"report 12"', '-"power station"', "side:russia", "-side:russia", "side:ukr",
            "by:army", "by:residents", "status:denied", "-status:claimed", "entity:kharkiv",
            "side:russia drones", 'side:ukraine -"air defence"', "is:manual")  # fmt: skip


def _claims(conn: sqlite3.Connection) -> list[dict[str, object]]:
    return [dict(row) for row in conn.execute("SELECT * FROM claims ORDER BY id")]


def _answers(conn: sqlite3.Connection) -> dict[str, object]:
    """Every query's pages and counts in both lists, the queue and the articles to redo."""
    found = old_cache.answers(conn, _QUERIES)
    found["queue"] = [tuple(r) for r in store.queued_articles(conn, limit=100)]
    found["queued"] = store.count_queued(conn)
    found["redo"] = [r["id"] for r in reanalysis.reprocess_candidates(conn, limit=100)]
    return found


def _schema_15(path: Path) -> None:
    """A schema 15 cache with hand-made claims beside the old store's, a status set by hand,
    some articles queued (one leased) and some to analyse again."""
    old_cache.write(path, 15)
    with sqlite3.connect(path) as old:
        schema.register_functions(old)
        assert old.execute("PRAGMA user_version").fetchone()[0] == 15
        names = dict(old.execute("SELECT name, id FROM claim_names").fetchall())
        old.execute("INSERT INTO claim_sources(source) VALUES ('a hand')")
        hand = old.execute("SELECT id FROM claim_sources WHERE source = 'a hand'").fetchone()[0]
        for n in range(1, 6):
            for start, end, s_start, s_end, cue, c_start, c_end, k_start, k_end, side in _ODD:
                old.execute(
                    'INSERT INTO claim_rows(article_id, start, "end", text, source_id, '
                    "source_start, source_end, cue, cue_start, cue_end, content_start, "
                    "content_end, quote, status, canonical_id, side_id, evidence) "
                    "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, '1', '2', 0, ?, '[]')",
                    (n, start, end, hand, s_start, s_end, cue, c_start, c_end, k_start, k_end,
                     names.get(side, 0)),
                )  # fmt: skip
        old.execute("UPDATE claim_rows SET analysis_status = '0', status = '4' WHERE id = 2")
        old.execute("UPDATE articles SET state = 'queued' WHERE id IN (3, 4, 5, 6)")
        old.execute("UPDATE articles SET lease_until = 4102444800, lease_owner = 'x' WHERE id = 4")
        old.execute("UPDATE articles SET state = 'reprocess' WHERE id IN (8, 9)")


def test_a_schema_15_cache_migrates_with_a_backup_and_answers_the_same(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    _schema_15(path)
    copy = tmp_path / "v15" / "sitrep.db"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    old = schema.connect(copy, readonly=True)  # today's queries on schema 15's tables
    before, answered = _claims(old), _answers(old)
    old.close()
    assert len(before) == 3 * old_cache.ARTICLES + 5 * len(_ODD)
    assert any(c["source_start"] < c["start"] for c in before)  # offsets below the start
    assert answered['"air defence"'][0] and answered["side:russia"][0]  # not vacuous
    assert answered['"hit depot 7"'][1] == [7] and len(answered["queue"]) == 4
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert path.with_name("sitrep.db.bak-v15").exists()
    after = _claims(conn)
    assert after == before  # every column of every claim, in the view's order
    assert [list(row) for row in after] == [list(row) for row in before]
    assert _answers(conn) == answered
    kept = conn.execute("SELECT source_start, cue_start, content_end FROM claim_rows "
                        "WHERE id = 1").fetchone()  # fmt: skip
    first = before[0]
    assert tuple(kept) == (first["source_start"] - first["start"],
                           first["cue_start"] - first["start"],
                           first["content_end"] - first["start"])  # fmt: skip
    _whole(conn)
    side = query_sql.claim_set(parse_query("side:russia", old_cache.NOW).terms[0])
    assert side is not None
    plans = (
        (side, "claims_sides"),
        ("SELECT id FROM articles WHERE state = 'queued' AND lease_until < 5", "articles_queue"),
        ("SELECT id FROM articles WHERE state = 'reprocess' ORDER BY sort_ts DESC",
         "articles_reprocess"),
    )  # fmt: skip
    for sql, index in plans:
        sql, params = sql if isinstance(sql, tuple) else (sql, ())
        plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert index in plan, (sql, plan)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(articles_phrase_fts)")]
    assert columns == ["text", "title", "summary"]
    merge = conn.execute("SELECT v FROM articles_phrase_fts_config WHERE k = 'automerge'")
    assert merge.fetchone()[0] == 16  # as schema 13 set it
    taken = queue.claim_queued(conn, "me", 10, now=old_cache.NOW.timestamp())
    assert sorted(int(str(row["id"])) for row in taken) == [3, 5, 6]  # 4 is leased
    conn.close()


def _whole(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in _INDEXES:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    conn.commit()


def test_claims_written_since_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    _schema_15(path)
    conn = schema.connect(path)
    first = conn.execute("SELECT id, url FROM articles ORDER BY id LIMIT 1").fetchone()
    text = "Kyiv said the strike hit. The Kremlin denied it, officials said."
    said = (
        Claim(0, 25, "Kyiv said the strike hit.", "Kyiv", 0, 4, "said", 5, 9, 10, 24, "reported",
              "claimed", source_canonical="Kyiv", affiliation="Ukraine"),
        Claim(26, 66, "The Kremlin denied it, officials said.", "officials", 49, 58, "said", 59,
              63, 26, 48, "reported", "denied", source_canonical="Kremlin",
              affiliation="Russia"),
        Claim(26, 66, "The Kremlin denied it, officials said.", "Kyiv", 0, 4, "declared", 5, 9,
              27, 40, "reported", "denied"),  # a source before the claim, a cue not the text
    )  # fmt: skip
    store.save_analysis(conn, first["id"], Article(first["url"], text),
                        Analysis(said, (), False, "test"))  # fmt: skip
    rows = conn.execute("SELECT * FROM claims WHERE article_id = ? ORDER BY id",
                        (first["id"],)).fetchall()  # fmt: skip
    fields = ("start", "end", "text", "source", "source_start", "source_end", "cue", "cue_start",
              "cue_end", "content_start", "content_end", "status", "affiliation")  # fmt: skip
    assert [tuple(r[f] for f in fields) for r in rows] == [
        (c.start, c.end, c.text, c.source, c.source_start, c.source_end, c.cue, c.cue_start,
         c.cue_end, c.content_start, c.content_end, c.status, c.affiliation) for c in said
    ]  # fmt: skip
    stored = conn.execute("SELECT source_start, cue_end FROM claim_rows WHERE id = ?",
                          (rows[2]["id"],)).fetchone()  # fmt: skip
    assert tuple(stored) == (-26, -17)
    finder = Searcher()
    for text, wanted in (("side:russia kremlin", [rows[1]["id"]]), ("side:ukraine strike",
                         [rows[0]["id"]]), ("-side:russia kremlin", [rows[2]["id"]])):  # fmt: skip
        found = finder.page_claims(conn, parse_query(text, old_cache.NOW), limit=500)
        assert [r["id"] for r in found] == wanted, text
    kremlin = rows[1]  # a status set by hand, found by its absolute offsets
    manual_status.set_status(conn, first["id"], kremlin["start"], kremlin["source_start"],
                             "confirmed")  # fmt: skip
    back = conn.execute("SELECT * FROM claims WHERE id = ?", (kremlin["id"],)).fetchone()
    assert (back["status"], back["analysis_status"], back["source_start"]) == (
        "confirmed", "denied", 49)
    _whole(conn)
    upkeep.purge_articles(conn, 1, now=old_cache.NOW.replace(year=2030))  # every article goes
    assert conn.execute("SELECT count(*) FROM claim_rows").fetchone()[0] == 0
    _whole(conn)
    conn.close()
