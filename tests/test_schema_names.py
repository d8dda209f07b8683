"""Schema 15 (tui/store/schema_names.py): a claim's source, canonical source and side kept as ids
into `claim_sources` and `claim_names`, read back as text through the `claims` view. A cache
written by schema 14 is migrated with a backup: every claim reads back the same, and `by:` and
`side:` select what schema 14's columns meant (computed here from the claims as read before,
in plain Python); claims written since, and purges, keep the view and its indexes right.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests import old_cache
from tui.core.models import Analysis, Article, Claim
from tui.core.query import parse_query
from tui.store import manual_status, schema, store, upkeep
from tui.store.claims import claim_json
from tui.store.searcher import Searcher

_INDEXES = ("claims_fts", "claims_phrase_fts", "articles_fts", "articles_phrase_fts")
# (source, canonical source, side) of the hand-made claims added to the schema 14 cache: names
# that differ only by case, a canonical name that is also a side, text beyond ASCII, none at all
_ODD = (
    ("the Army", "ukrainian army", "ukraine"),
    ("Moscow", "Russia", "Russia"),
    ("Міністерство оборони", "Міністерство оборони України", "Україна"),
    ("", "", ""),
    ("the army", "Ukrainian army", "russia"),
)
_QUERIES = ("side:russia", "side:ukr", "side:Укр", "-side:russia", "by:army", "by:ukrainian",
            "by:moscow", "by:russia", "by:міністерство", "by:defence ministry", "by:zz",
            "side:russia -by:moscow", "-by:army", "by:army -side:russia")  # fmt: skip


def _claims(conn: sqlite3.Connection) -> list[dict[str, object]]:
    return [dict(row) for row in conn.execute("SELECT * FROM claims ORDER BY id")]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _selects(claim: dict[str, object], key: str, value: str) -> bool:
    """What `by:` and `side:` meant on schema 14's text columns (docs/QUERY.md)."""
    value = value.casefold()
    canonical, side = str(claim["source_canonical"]).casefold(), str(claim["affiliation"])
    if key == "side":
        return side.casefold().startswith(value) or canonical == value
    tokens, source = _words(value), _words(str(claim["source"]))
    written = any(source[i:i + len(tokens) - 1] == tokens[:-1]
                  and source[i + len(tokens) - 1].startswith(tokens[-1])
                  for i in range(len(source) - len(tokens) + 1))  # fmt: skip
    return written or canonical.startswith(value) or f" {value}" in canonical


def _expected(conn: sqlite3.Connection, before: list[dict[str, object]], text: str,
              kind: str) -> list[int]:  # fmt: skip
    """The ids *text* (`by:` and `side:` terms) selects, from the claims as read before the
    migration, in list order: claims that meet every term, or articles with a claim that
    meets each positive term and none that meets a negated one (docs/QUERY.md)."""
    terms = parse_query(text, old_cache.NOW).terms
    if kind == "claims":
        chosen = {c["id"] for c in before
                  if all(_selects(c, t.key, t.value) != t.negated for t in terms)}  # fmt: skip
        rows = conn.execute("SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id "
                            "ORDER BY a.sort_ts DESC, a.id DESC, c.start, c.id")  # fmt: skip
        return [r[0] for r in rows if r[0] in chosen]
    rows = conn.execute("SELECT id FROM articles ORDER BY sort_ts DESC, id DESC").fetchall()
    found = []
    for (article_id,) in rows:
        own = [c for c in before if c["article_id"] == article_id]
        if all(any(_selects(c, t.key, t.value) for c in own) != t.negated for t in terms):
            found.append(article_id)
    return found


def _whole(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in _INDEXES:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    conn.commit()


def _schema_14(path: Path) -> list[dict[str, object]]:
    """A schema 14 cache with hand-made claims beside the old store's, a status set by hand;
    every claim as schema 14 reads it."""
    old_cache.write(path, 14)
    with sqlite3.connect(path) as old:
        old.row_factory = sqlite3.Row
        schema.register_functions(old)
        assert old.execute("PRAGMA user_version").fetchone()[0] == 14
        for n, (source, canonical, side) in enumerate(_ODD, start=1):
            old.execute(
                'INSERT INTO claim_rows(article_id, start, "end", text, source, source_start, '
                "source_end, cue, cue_start, cue_end, content_start, content_end, quote, status, "
                "source_canonical, affiliation, evidence) VALUES (?, 0, 9, 'A hand-made one.', "
                "?, 0, 1, 'said', 2, 6, 7, 9, '1', '2', ?, ?, '[]')",
                (n, source, canonical, side),
            )
        old.execute("UPDATE claim_rows SET analysis_status = '0', status = '4' WHERE id = 2")
        return _claims(old)


def test_a_schema_14_cache_migrates_with_a_backup_and_reads_back_the_same(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    before = _schema_14(path)
    assert len(before) == 3 * old_cache.ARTICLES + len(_ODD)
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert path.with_name("sitrep.db.bak-v14").exists()
    after = _claims(conn)
    assert after == before  # every column of every claim, in the view's order
    assert [list(row) for row in after] == [list(row) for row in before]
    _whole(conn)
    kept = conn.execute("SELECT DISTINCT typeof(source_id), typeof(canonical_id), "
                        "typeof(side_id) FROM claim_rows").fetchall()  # fmt: skip
    assert [tuple(r) for r in kept] == [("integer", "integer", "integer")]
    none = conn.execute("SELECT canonical_id, side_id FROM claim_rows WHERE id = 3").fetchone()
    assert tuple(none) == (0, 0)  # "residents": no name, id 0
    names = [r[0] for r in conn.execute("SELECT name FROM claim_names ORDER BY id")]
    assert names[:2] == ["Russia", "Ukrainian army"]  # the most used first (32, 31 uses)
    assert {"ukraine", "russia", "Україна", "ukrainian army"} <= set(names)  # case kept apart
    assert "" not in names
    finder = Searcher()
    for text in _QUERIES:
        query = parse_query(text, old_cache.NOW)
        claims = [r["id"] for r in finder.page_claims(conn, query, limit=500)]
        assert claims == _expected(conn, before, text, "claims"), text
        articles = [r["id"] for r in finder.page_articles(conn, query, limit=500)]
        assert articles == _expected(conn, before, text, "articles"), text
        assert finder.count_claims(conn, query) == len(claims), text
    assert _expected(conn, before, "side:russia", "claims")  # not a vacuous comparison
    conn.close()


def test_claims_written_since_read_back_and_purge_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    _schema_14(path)
    conn = schema.connect(path)
    first = conn.execute("SELECT id, url FROM articles ORDER BY id LIMIT 1").fetchone()
    text = "Kyiv said the strike hit. The Kremlin denied it."
    said = [
        Claim(0, 25, "Kyiv said the strike hit.", "Kyiv", 0, 4, "said", 5, 9, 10, 24, "reported",
              "claimed", source_canonical="Kyiv", affiliation="Ukraine"),  # a side it holds
        Claim(26, 48, "The Kremlin denied it.", "The Kremlin", 26, 37, "denied", 38, 44, 45, 47,
              "reported", "denied", source_canonical="Kremlin", affiliation="Russia"),
        Claim(26, 48, "The Kremlin denied it.", "Новий голос", 26, 37, "denied", 38, 44, 45, 47,
              "reported", "denied"),
    ]  # fmt: skip
    store.save_analysis(conn, first["id"], Article(first["url"], text),
                        Analysis(tuple(said), (), False, "test"))  # fmt: skip
    rows = conn.execute("SELECT * FROM claims WHERE article_id = ? ORDER BY start, source",
                        (first["id"],)).fetchall()  # fmt: skip
    got = [(r["text"], r["source"], r["source_canonical"], r["affiliation"], r["status"])
           for r in rows]  # fmt: skip
    assert got == [
        ("Kyiv said the strike hit.", "Kyiv", "Kyiv", "Ukraine", "claimed"),
        ("The Kremlin denied it.", "The Kremlin", "Kremlin", "Russia", "denied"),
        ("The Kremlin denied it.", "Новий голос", "", "", "denied"),
    ]
    ukraine = conn.execute("SELECT count(*) FROM claim_names WHERE name = 'Ukraine'")
    assert ukraine.fetchone()[0] == 1  # the name the cache held, not a second row
    finder = Searcher()
    for text, wanted in (("by:kremlin", {"The Kremlin"}), ("by:новий", {"Новий голос"}),
                         ("side:russia kremlin", {"The Kremlin"})):  # fmt: skip
        found = finder.page_claims(conn, parse_query(text, old_cache.NOW), limit=500)
        assert {r["source"] for r in found} == wanted, text
    # a status set by hand on a claim of the new analysis, kept through the user's change
    kremlin = rows[1]
    manual_status.set_status(conn, first["id"], kremlin["start"], kremlin["source_start"],
                             "confirmed")  # fmt: skip
    back = conn.execute("SELECT * FROM claims WHERE id = ?", (kremlin["id"],)).fetchone()
    assert (back["status"], back["analysis_status"], back["affiliation"]) == (
        "confirmed", "denied", "Russia")
    assert claim_json({**dict(back), "title": "", "url": "", "feed_name": "", "published": None})[
        "source_canonical"] == "Kremlin"  # fmt: skip
    _whole(conn)
    upkeep.purge_articles(conn, 1, now=old_cache.NOW.replace(year=2030))  # every article goes
    assert conn.execute("SELECT count(*) FROM claim_rows").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM claim_names").fetchone()[0] > 0  # names stay
    _whole(conn)
    conn.close()
