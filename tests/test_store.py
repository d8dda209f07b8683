"""The SQLite store: round trips, dedup, validators, analysis, purge, migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.errors import StoreError
from tui.core.models import Analysis, Article, Claim, Entity, Entry
from tui.core.query import parse_query
from tui.store import schema, search, store, upkeep
from tui.store.schema import DamagedStoreError


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = schema.connect(tmp_path / "cache" / "sitrep.db")
    yield connection
    connection.close()


def entries(n: int, prefix: str = "g") -> list[Entry]:
    base = datetime(2026, 11, 20, tzinfo=UTC)
    return [
        Entry(
            guid=f"{prefix}{i}",
            link=f"https://x.example/{prefix}{i}",
            title=f"Title {prefix}{i} Kharkiv",
            published=base + timedelta(hours=i),
            summary=f"summary {i}",
        )
        for i in range(n)
    ]


def test_pragmas_and_version(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_entries_are_never_stored_twice(conn: sqlite3.Connection) -> None:
    ids = store.sync_feeds(conn, [("https://x.example/rss", "X", ("t",))])
    feed_id = ids["https://x.example/rss"]
    assert store.save_entries(conn, feed_id, entries(3), full_text=True) == 3
    assert store.save_entries(conn, feed_id, entries(4), full_text=True) == 1
    rows = search.find_articles(conn, parse_query(""))
    assert [r["title"] for r in rows] == [f"Title g{i} Kharkiv" for i in (3, 2, 1, 0)]
    assert store.count_queued(conn) == 4


def test_entry_without_guid_keyed_by_link(conn: sqlite3.Connection) -> None:
    feed_id = store.sync_feeds(conn, [("https://x.example/rss", "X", ())])["https://x.example/rss"]
    entry = Entry(guid="", link="https://x.example/a", title="A")
    assert store.save_entries(conn, feed_id, [entry], full_text=False) == 1
    assert store.save_entries(conn, feed_id, [entry], full_text=False) == 0
    assert store.count_queued(conn) == 0  # full_text off: nothing to fetch


def test_validators_and_errors(conn: sqlite3.Connection) -> None:
    feed_id = store.sync_feeds(conn, [("https://x.example/rss", "X", ())])["https://x.example/rss"]
    with conn:
        store.note_feed_ok(conn, feed_id, title="X", etag='"v1"', last_modified="Mon, 01 Jan 2026")
    assert store.feed_validators(conn, feed_id) == ('"v1"', "Mon, 01 Jan 2026")
    store.record_feed_error(conn, feed_id, "HTTP 500 Internal Server Error")
    (row,) = store.list_feeds(conn)
    assert row["last_error"] == "HTTP 500 Internal Server Error" and row["error_count"] == 1


def test_removed_feed_is_inactive_not_deleted(conn: sqlite3.Connection) -> None:
    ids = store.sync_feeds(conn, [("https://a.example/", "A", ()), ("https://b.example/", "B", ())])
    store.save_entries(conn, ids["https://b.example/"], entries(2), full_text=False)
    store.sync_feeds(conn, [("https://a.example/", "A", ())])
    assert [r["name"] for r in store.list_feeds(conn)] == ["A"]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_analysis_round_trip_and_fts(conn: sqlite3.Connection) -> None:
    feed_id = store.sync_feeds(conn, [("https://x.example/rss", "X", ())])["https://x.example/rss"]
    store.save_entries(conn, feed_id, entries(1), full_text=True)
    (row,) = store.queued_articles(conn)
    text = "The governor said a drone hit Zhuravka."
    claim = Claim(
        0, len(text), text, "The governor", 0, 12, "said", 13, 17, 18, 38, "reported", "claimed"
    )
    analysis = Analysis((claim,), (Entity("Zhuravka", "PLACE", ((30, 38),)),), True, "1")
    store.save_page(
        conn,
        row["id"],
        b"<html>page</html>",
        {"content-type": "text/html"},
        "https://x.example/final",
    )
    store.save_analysis(conn, row["id"], Article(url="u", text=text, byline="B. Writer"), analysis)
    article = store.get_article(conn, row["id"])
    assert (article["state"], article["claim_count"], article["conflict"]) == ("analyzed", 1, 1)
    assert store.raw_page(article) == (b"<html>page</html>", {"content-type": "text/html"})
    assert [c["source"] for c in store.claims_for(conn, row["id"])] == ["The governor"]
    (entity,) = store.entities_for(conn, row["id"])
    assert (entity["name"], entity["count"]) == ("Zhuravka", 1)
    assert search.count_articles(conn, parse_query("zhurav")) == 1  # text indexed
    assert search.count_claims(conn, parse_query("by:governor")) == 1
    # Reanalysis replaces, never duplicates.
    store.save_analysis(conn, row["id"], None, analysis)
    assert len(store.claims_for(conn, row["id"])) == 1


def test_purge_keeps_bookmarks(conn: sqlite3.Connection) -> None:
    feed_id = store.sync_feeds(conn, [("https://x.example/rss", "X", ())])["https://x.example/rss"]
    store.save_entries(conn, feed_id, entries(2), full_text=False)
    old = (datetime.now(UTC) - timedelta(days=400)).isoformat()
    conn.execute("UPDATE articles SET fetched = ?, sort_ts = ?", (old, old))
    conn.execute(
        "INSERT INTO bookmarks(claim_key, claim_text, source, status, article_id, created,"
        " updated) VALUES ('k', 'text', 'src', 'claimed', 1, ?, ?)",
        (old, old),
    )
    conn.commit()
    assert upkeep.purge_articles(conn, 90) == 2
    assert conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 1


def test_migration_takes_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    conn = schema.connect(path)
    store.sync_feeds(conn, [("https://x.example/rss", "X", ())])
    step = "CREATE TABLE extra (x INTEGER);"
    schema.migrate(conn, path, schema.SCHEMA_VERSION, (*schema.MIGRATIONS, step))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
    backup = path.with_name(f"sitrep.db.bak-v{schema.SCHEMA_VERSION}")
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT url FROM feeds").fetchall() == [("https://x.example/rss",)]
    assert copy.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_failed_migration_leaves_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    conn = schema.connect(path)
    with pytest.raises(StoreError, match="migration to schema"):
        schema.migrate(
            conn,
            path,
            schema.SCHEMA_VERSION,
            (*schema.MIGRATIONS, "CREATE TABLE ok (x); SELECT * FROM missing_table;"),
        )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ok'").fetchone()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer sitrep"):
        schema.connect(path)


def test_not_a_database_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DamagedStoreError):
        schema.connect(path)


def test_v1_cache_migrates_to_v2_keeping_data_and_search(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    old = sqlite3.connect(path)
    old.executescript(schema.V1 + "\nPRAGMA user_version = 1;")
    old.execute("INSERT INTO feeds(url, name) VALUES ('https://x.example/rss', 'X')")
    old.execute("INSERT INTO articles(feed_id, guid, title, fetched, sort_ts) VALUES "
                "(1, 'g', 'Shelling near Kupiansk', '2026-11-20', '2026-11-20')")
    old.commit()
    old.close()
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 2
    assert path.with_name("sitrep.db.bak-v1").exists()
    assert search.count_articles(conn, parse_query("kup")) == 1  # prefix index rebuilt
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "articles_list" in names and "articles_sort" not in names
