"""`sitrep search` with a claim-only term lists claims (with their canonical source, side,
evidence and the user's status), and `sitrep reprocess` redoes extraction and analysis from the
stored pages, fills what the store did not keep before schema 8, and keeps the user's status;
`sitrep fetch` says when an older analyzer read stored pages."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import write_config
from tests.server import LocalServer
from tui.pipeline.analyze import ANALYZER_VERSION
from tui.store import manual_status, reanalysis, schema, store

REPO = Path(__file__).resolve().parents[1]


def sitrep(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(directory / "feeds.toml"), "--cache",
         str(directory / "cache"), *args],
        capture_output=True, text=True, timeout=180, cwd=REPO,
    )


def set_by_hand(directory: Path, article_id: int, source: str, status: str) -> None:
    conn = schema.connect(directory / "cache" / "sitrep.db")
    try:
        claim = conn.execute("SELECT * FROM claims WHERE article_id = ? AND source = ?",
                             (article_id, source)).fetchone()
        manual_status.set_status(conn, article_id, claim["start"], claim["source_start"], status)
    finally:
        conn.close()


def test_a_claim_only_term_makes_a_claim_query(seed_cache: tuple[Path, dict]) -> None:
    directory, _ = seed_cache
    done = sitrep(directory, "search", "status:denied", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {r["type"] for r in rows} == {"claim"}
    assert {r["source"] for r in rows} == {"Moscow", "Ukraine's General Staff"}
    moscow = next(r for r in rows if r["source"] == "Moscow")
    assert (moscow["source_canonical"], moscow["affiliation"]) == ("Russia", "Russia")
    assert moscow["status_evidence"][0]["kind"] == "denial"
    assert (moscow["status_manual"], moscow["analysis_status"]) == (False, "denied")
    for text in ("by:police", "side:russia", "-status:claimed kharkiv", "is:manual"):
        listed = json.loads(sitrep(directory, "search", text, "--json").stdout)
        assert all(r["type"] == "claim" for r in listed), text
    articles = json.loads(sitrep(directory, "search", "kharkiv", "--json").stdout)
    assert {r["type"] for r in articles} == {"article"}  # words alone: articles, as before


def test_the_users_status_is_listed_and_selected(seed_cache: tuple[Path, dict]) -> None:
    directory, ids = seed_cache
    set_by_hand(directory, ids["kharkiv"], "Police", "confirmed")
    done = sitrep(directory, "search", "is:manual")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "2026-03-09                confirmed (set by you) Police: Police said the missile was an "
        "Iskander-M launched from the Belgorod region."
    ]
    rows = json.loads(sitrep(directory, "search", "is:manual", "--json").stdout)
    assert (rows[0]["status"], rows[0]["status_manual"], rows[0]["analysis_status"]) == (
        "confirmed", True, "unconfirmed")


def test_reprocess_redoes_extraction_and_claims_from_stored_pages_and_keeps_the_users_status(
    tmp_path: Path, served_demo: str, http_server: LocalServer
) -> None:
    """One fetch and one reprocess (the costly parts: ten pages analysed twice) for both things
    reprocess owes: extraction and analysis again from the stored raw pages, with no network,
    every article analysed or saying why; and what the store did not keep before schema 8
    filled in, while a status the user set stays."""
    write_config(tmp_path / "feeds.toml", [("Wire", served_demo)])
    assert sitrep(tmp_path, "fetch").returncode == 0
    db = tmp_path / "cache" / "sitrep.db"
    conn = schema.connect(db)
    # nothing waits: the cache is marked as read by this analyzer, so later fetches count nothing
    assert store.get_state(conn, reanalysis.ANALYSES_KEY) == ANALYZER_VERSION
    row = conn.execute("SELECT * FROM claims WHERE affiliation != '' ORDER BY id LIMIT 1")\
        .fetchone()
    assert row is not None and row["evidence"] is not None
    article_id, source = row["article_id"], row["source"]
    analysed = row["status"]
    mine = "confirmed" if analysed != "confirmed" else "denied"
    manual_status.set_status(conn, article_id, row["start"], row["source_start"], mine)
    with conn:  # as a cache of schema 7 held them: the analysis's sources and evidence not kept
        conn.execute(
            "UPDATE claim_rows SET canonical_id = 0, side_id = 0, evidence = NULL"
        )
        conn.execute("UPDATE articles SET text = '', analyzer_version = 'old', claim_count = 0")
        store.set_state(conn, reanalysis.ANALYSES_KEY, "old")  # as the older sitrep left it
    conn.close()
    told = sitrep(tmp_path, "fetch", "--feeds-only")  # e.g. from cron: says what to do
    assert told.returncode == 0, told.stderr
    assert "sitrep: note: 10 stored articles were read by an older analyzer; `sitrep " \
        "reprocess` reads them again" in told.stderr
    assert "note:" not in sitrep(tmp_path, "fetch", "--feeds-only", "--quiet").stderr
    served = len(http_server.requests)
    done = sitrep(tmp_path, "reprocess")
    assert done.returncode == 0, done.stderr
    assert "reprocessed 10 stored pages" in done.stdout
    assert len(http_server.requests) == served  # from the stored pages
    conn = schema.connect(db)
    conn.row_factory = sqlite3.Row
    others = conn.execute(
        "SELECT url, state, error FROM articles WHERE text = '' OR state != 'analyzed'"
    ).fetchall()
    assert [tuple(r) for r in others] == []  # each left behind says why
    assert conn.execute("SELECT count(*) FROM claims WHERE evidence IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM claims WHERE source_canonical = ''").fetchone()[0] \
        == 0
    kept = [c for c in store.claims_for(conn, article_id) if c["source"] == source]
    assert [(c["status"], c["analysis_status"]) for c in kept][:1] == [(mine, analysed)]
    assert store.get_state(conn, reanalysis.ANALYSES_KEY) == ANALYZER_VERSION  # the app won't
    conn.close()
    assert "note:" not in sitrep(tmp_path, "fetch", "--feeds-only").stderr
