"""Bookmarks in the store: copies, identity, the journal, the query language, export, failures.

The articles and claims below are our own text; claims are built with exact offsets so that the
export golden files (tests/golden/bookmarks.*) stay byte-for-byte stable.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import write_config
from tui.core.errors import StoreError
from tui.core.models import Analysis, Article, Claim, Entry
from tui.core.query import QueryError, parse_query
from tui.store import bookmarks, manual_status, schema, search, store
from tui.store.journal import read_journal

GOLDEN = Path(__file__).resolve().parent / "golden"
REPO = Path(__file__).resolve().parents[1]

KHARKIV = (
    "Russia's defence ministry said its forces destroyed a fuel depot near Kharkiv overnight. "
    "Oleh Sinegubov, the regional governor, denied that any depot was hit and said a school in "
    "the Kyivskyi district was damaged. Neither account could be independently verified."
)
RED_SEA = (
    "The Houthis said in a statement that their forces had hit the bulk carrier Marlin Star in "
    "the Red Sea. “We will keep striking ships bound for Israeli ports,” a Houthi military "
    "spokesman told reporters in Sanaa. The ship's operator confirmed that the vessel was struck "
    "but said all 21 crew were safe."
)


def make_claim(text: str, sentence: str, source: str, cue: str, status: str,
               quote: str = "reported") -> Claim:
    start = text.index(sentence)
    end = start + len(sentence)
    source_start = text.index(source, start)
    cue_start = text.index(cue, start)
    return Claim(start, end, sentence, source, source_start, source_start + len(source), cue,
                 cue_start, cue_start + len(cue), cue_start + len(cue) + 1, end - 1, quote,
                 status)


ARTICLES = {
    "kharkiv": dict(
        feed=("https://frontline.example/rss.xml", "Frontline Wire"),
        url="https://frontline.example/kharkiv-depot", guid="fw-kharkiv-depot",
        title="Kharkiv: Russia says depot destroyed, governor says a school was hit",
        published=datetime(2026, 11, 18, 6, 30, tzinfo=UTC), text=KHARKIV,
        claims=[
            replace(make_claim(KHARKIV, KHARKIV.split(". ")[0] + ".", "Russia's defence ministry",
                               "said", "disputed"),
                    source_canonical="Russian Defence Ministry", affiliation="Russia"),
            make_claim(KHARKIV, "Oleh Sinegubov, the regional governor, denied that any depot "
                       "was hit and said a school in the Kyivskyi district was damaged.",
                       "Oleh Sinegubov", "denied", "denied"),
        ]),
    "red_sea": dict(
        feed=("https://harbour.example/feed", "Harbour Post"),
        url="https://harbour.example/red-sea-carrier", guid="hp-red-sea-carrier",
        title="Houthis say they struck a bulk carrier in the Red Sea",
        published=datetime(2026, 11, 19, 14, 0, tzinfo=UTC), text=RED_SEA,
        claims=[
            make_claim(RED_SEA, RED_SEA.split(" “")[0], "The Houthis", "said in a statement",
                       "confirmed"),
            make_claim(RED_SEA, "“We will keep striking ships bound for Israeli ports,” a Houthi "
                       "military spokesman told reporters in Sanaa.",
                       "a Houthi military spokesman", "told reporters", "claimed", "direct"),
            make_claim(RED_SEA, "The ship's operator confirmed that the vessel was struck but "
                       "said all 21 crew were safe.", "The ship's operator", "confirmed",
                       "confirmed"),
        ]),
}


def seed(db_path: Path) -> dict[str, int]:
    """Two feeds, two analysed articles with claims. Returns name → article id."""
    conn = schema.connect(db_path)
    try:
        feeds = [(a["feed"][0], a["feed"][1], ()) for a in ARTICLES.values()]
        feed_ids = store.sync_feeds(conn, feeds)
        ids = {}
        for name, a in ARTICLES.items():
            entry = Entry(a["guid"], a["url"], a["title"], published=a["published"])
            store.save_entries(conn, feed_ids[a["feed"][0]], [entry], full_text=True)
            article_id = conn.execute("SELECT id FROM articles WHERE guid = ?",
                                      (a["guid"],)).fetchone()[0]
            store.save_analysis(conn, article_id, Article(a["url"], a["text"], a["title"]),
                                Analysis(tuple(a["claims"]), (), False, "test"))
            ids[name] = article_id
    finally:
        conn.close()
    return ids


def bookmark(conn: sqlite3.Connection, article_id: int, index: int, note: str = "",
             tags: str = "", now: str | None = None) -> int:
    claim = store.claims_for(conn, article_id)[index]
    return bookmarks.add_bookmark(conn, claim, store.get_article(conn, article_id), note, tags,
                                  now=now)


def seed_golden(db_path: Path) -> dict[str, int]:
    """The three bookmarks behind the golden export files (fixed timestamps); the user has set
    the status of the Houthi spokesman's claim."""
    ids = seed(db_path)
    conn = schema.connect(db_path)
    try:
        spokesman = store.claims_for(conn, ids["red_sea"])[1]
        manual_status.set_status(conn, ids["red_sea"], spokesman["start"],
                                 spokesman["source_start"], "unconfirmed",
                                 now="2026-11-20T09:20:00+00:00")
        bookmark(conn, ids["kharkiv"], 0, "Compare with the governor; check *satellite* imagery "
                 "[FIRMS] before quoting.", "kharkiv, energy", now="2026-11-20T09:00:00+00:00")
        bookmark(conn, ids["red_sea"], 1, now="2026-11-20T09:30:00+00:00")
        bookmark(conn, ids["kharkiv"], 1, "", "kharkiv #civilians",
                 now="2026-11-20T10:00:00+00:00")
    finally:
        conn.close()
    return ids


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def seeded(cache: Path) -> tuple[sqlite3.Connection, dict[str, int]]:
    ids = seed(cache / "sitrep.db")
    conn = schema.connect(cache / "sitrep.db")
    yield conn, ids
    conn.close()


def sitrep(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    config = write_config(tmp_path / "feeds.toml", [])
    return subprocess.run([sys.executable, "-m", "tui", "--config", str(config), "--cache",
                           str(tmp_path / "cache"), *args],
                          capture_output=True, text=True, timeout=60, cwd=REPO)


# ── the store API ────────────────────────────────────────────────────────────────────────────


def test_bookmark_copies_everything_it_shows(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    bookmark_id = bookmark(conn, ids["red_sea"], 1, "a note", "Red-Sea, shipping red-sea")
    (row,) = bookmarks.list_bookmarks(conn)
    assert row["id"] == bookmark_id
    assert row["claim_text"].startswith("“We will keep striking ships")
    assert (row["source"], row["cue"], row["status"], row["quote"]) == (
        "a Houthi military spokesman", "told reporters", "claimed", "direct")
    assert RED_SEA[row["claim_start"]:row["claim_end"]] == row["claim_text"]
    assert (row["article_title"], row["article_url"], row["feed_name"], row["published"]) == (
        ARTICLES["red_sea"]["title"], "https://harbour.example/red-sea-carrier", "Harbour Post",
        "2026-11-19T14:00:00+00:00")
    assert row["text_hash"] == hashlib.sha256(RED_SEA.encode()).hexdigest()
    assert row["tags"] == "Red-Sea shipping"  # split on commas and spaces, no duplicates
    assert row["claim_key"].startswith("https://harbour.example/red-sea-carrier#")

    # Purging the article (and its whole feed) leaves the bookmark untouched.
    conn.execute("DELETE FROM feeds")
    conn.commit()
    assert bookmarks.list_bookmarks(conn) == [row]


def test_same_claim_twice_edits_instead_of_duplicating(seeded) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    first = bookmark(conn, ids["kharkiv"], 0, "first", now="2026-11-20T09:00:00+00:00")
    second = bookmark(conn, ids["kharkiv"], 0, "second", "x", now="2026-11-21T09:00:00+00:00")
    assert first == second
    (row,) = bookmarks.list_bookmarks(conn)
    assert (row["note"], row["tags"]) == ("second", "x")
    assert (row["created"], row["updated"]) == ("2026-11-20T09:00:00+00:00",
                                                "2026-11-21T09:00:00+00:00")


def test_edit_remove_restore_and_lookup(seeded) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    kharkiv = ids["kharkiv"]
    bookmark_id = bookmark(conn, kharkiv, 1)
    claim = store.claims_for(conn, kharkiv)[1]
    start, source = claim["start"], claim["source_start"]
    assert bookmarks.bookmarked_spots(conn, kharkiv) == {(start, source)}
    assert bookmarks.bookmarked_spots(conn, ids["red_sea"]) == set()
    assert bookmarks.bookmarked_claims(conn, ids.values()) == {(kharkiv, start, source)}
    assert bookmarks.bookmark_for_claim(conn, kharkiv, start, source)["id"] == bookmark_id
    assert bookmarks.bookmark_for_claim(conn, kharkiv, start, source + 1) is None

    updated = bookmarks.update_bookmark_note(conn, bookmark_id, " check the school ", "schools")
    assert (updated["note"], updated["tags"]) == ("check the school", "schools")
    assert bookmarks.update_bookmark_note(conn, bookmark_id, "only the note")["tags"] == "schools"

    removed = bookmarks.remove_bookmark(conn, bookmark_id)
    assert removed is not None and removed["note"] == "only the note"
    assert bookmarks.list_bookmarks(conn) == []
    assert bookmarks.remove_bookmark(conn, bookmark_id) is None
    assert bookmarks.bookmarked_spots(conn, kharkiv) == set()

    assert bookmarks.restore_bookmark(conn, removed) == bookmark_id  # same id back
    assert bookmarks.list_bookmarks(conn) == [removed]
    with pytest.raises(StoreError, match="no longer exists"):
        bookmarks.update_bookmark_note(conn, 999, "x")


def test_article_lookup_survives_purge_and_refetch(seeded) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    bookmark_id = bookmark(conn, ids["kharkiv"], 0)
    record = bookmarks.get_bookmark(conn, bookmark_id)
    assert bookmarks.find_bookmark_article(conn, record) == ids["kharkiv"]
    assert bookmarks.bookmarks_with_article(conn) == {bookmark_id}
    conn.execute("DELETE FROM articles WHERE id = ?", (ids["kharkiv"],))
    conn.commit()
    assert bookmarks.find_bookmark_article(conn, record) is None  # purged: the stored copy
    assert bookmarks.bookmarks_with_article(conn) == set()
    # The same article fetched again gets a new id; the bookmark finds it by its URL.
    feed_id = conn.execute("SELECT id FROM feeds WHERE name = 'Frontline Wire'").fetchone()[0]
    store.save_entries(conn, feed_id, [Entry("again", ARTICLES["kharkiv"]["url"], "Again")],
                       full_text=True)
    new_id = conn.execute("SELECT id FROM articles WHERE guid = 'again'").fetchone()[0]
    assert bookmarks.find_bookmark_article(conn, record) == new_id
    assert {start for start, _ in bookmarks.bookmarked_spots(conn, new_id)} == {0}
    # Lists filtered with is:bookmarked follow article_id: relinking points it at the new copy.
    assert bookmarks.relink_bookmarks(conn) == 1
    assert bookmarks.get_bookmark(conn, bookmark_id)["article_id"] == new_id
    assert bookmarks.relink_bookmarks(conn) == 0


def test_writes_use_synchronous_full_then_normal(seeded) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    seen: list[int] = []
    conn.set_trace_callback(lambda sql: seen.append(
        conn.execute("PRAGMA synchronous").fetchone()[0]) if sql == "COMMIT" else None)
    bookmark(conn, ids["kharkiv"], 0)
    conn.set_trace_callback(None)
    assert 2 in seen  # FULL while committing the bookmark
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again


# ── the journal ──────────────────────────────────────────────────────────────────────────────


def test_every_change_is_journaled_with_the_full_record(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    bookmark_id = bookmark(conn, ids["kharkiv"], 0, "n1", now="2026-11-20T09:00:00+00:00")
    bookmarks.update_bookmark_note(conn, bookmark_id, "n2", now="2026-11-20T09:05:00+00:00")
    removed = bookmarks.remove_bookmark(conn, bookmark_id, now="2026-11-20T09:10:00+00:00")
    bookmarks.restore_bookmark(conn, removed, now="2026-11-20T09:15:00+00:00")
    lines = (cache / "bookmarks.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [e["op"] for e in entries] == ["add", "edit", "remove", "restore"]
    assert [e["record"]["note"] for e in entries] == ["n1", "n2", "n2", "n2"]
    assert all(set(e["record"]) == set(bookmarks.FIELDS) for e in entries)
    assert entries[0]["at"] == "2026-11-20T09:00:00+00:00"
    state = read_journal(cache / "bookmarks.jsonl")
    assert list(state.live) == [removed["claim_key"]]
    assert state.live[removed["claim_key"]] == bookmarks.get_bookmark(conn, bookmark_id)


def test_replay_last_state_wins_and_removes_are_honoured(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    a = bookmark(conn, ids["kharkiv"], 0, "a1")
    b = bookmark(conn, ids["kharkiv"], 1, "b1")
    bookmarks.update_bookmark_note(conn, a, "a2")
    bookmarks.remove_bookmark(conn, b)
    state = read_journal(cache / "bookmarks.jsonl")
    assert [r["note"] for r in state.live.values()] == ["a2"]
    assert len(state.removed) == 1 and state.entries == 4


def test_torn_last_line_is_skipped_and_the_next_append_starts_clean(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    bookmark(conn, ids["kharkiv"], 0, "kept")
    journal = cache / "bookmarks.jsonl"
    with open(journal, "ab") as handle:  # what a kill in the middle of a write leaves
        handle.write(b'{"v": 1, "op": "add", "record": {"claim_key": "half')
    state = read_journal(journal)
    assert state.torn and state.skipped == 0 and len(state.live) == 1
    bookmark(conn, ids["red_sea"], 0, "after the tear")
    state = read_journal(journal)
    assert sorted(r["note"] for r in state.live.values()) == ["after the tear", "kept"]
    assert state.skipped == 1  # the torn fragment, now in the middle, is skipped; nothing lost


# ── the query language ───────────────────────────────────────────────────────────────────────


def test_filter_with_the_query_language(seeded) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    bookmark(conn, ids["kharkiv"], 0, "satellite imagery", "energy")
    bookmark(conn, ids["kharkiv"], 1)
    bookmark(conn, ids["red_sea"], 1, "", "shipping")

    def sources(text: str) -> list[str]:
        return sorted(r["source"] for r in search.find_bookmarks(conn, parse_query(text)))

    assert sources("") == ["Oleh Sinegubov", "Russia's defence ministry",
                           "a Houthi military spokesman"]
    assert sources("depo") == ["Oleh Sinegubov", "Russia's defence ministry"]  # prefix
    assert sources('"fuel depot"') == ["Russia's defence ministry"]
    assert sources('"depot fuel"') == []
    assert sources('by:"defence ministry"') == ["Russia's defence ministry"]
    assert sources("status:denied") == ["Oleh Sinegubov"]
    assert sources("-status:denied feed:frontline") == ["Russia's defence ministry"]
    assert sources("feed:harbour") == ["a Houthi military spokesman"]
    assert sources("satellite") == ["Russia's defence ministry"]  # the note is searched
    assert sources("tag:shipping") == ["a Houthi military spokesman"]
    assert sources("since:2026-11-19") == ["a Houthi military spokesman"]
    assert sources("until:2026-11-18 fuel") == ["Russia's defence ministry"]
    assert sources("is:bookmarked entity:Sanaa") == ["a Houthi military spokesman"]
    with pytest.raises(QueryError, match="does not apply to bookmarks"):
        search.find_bookmarks(conn, parse_query("is:unread"))


# ── failures are reported, never silent ──────────────────────────────────────────────────────


def test_unwritable_journal_fails_the_bookmark_and_says_why(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    (cache / "bookmarks.jsonl").mkdir()  # something that is not a file where the journal goes
    with pytest.raises(StoreError, match=r"bookmark not saved: cannot write .*bookmarks\.jsonl"):
        bookmark(conn, ids["kharkiv"], 0)
    assert bookmarks.list_bookmarks(conn) == []  # no half-made bookmark in the database
    assert not conn.in_transaction


def test_read_only_database_refuses_before_journaling(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    readonly = schema.connect(cache / "sitrep.db", readonly=True)
    claim = store.claims_for(conn, ids["kharkiv"])[0]
    with pytest.raises(StoreError, match="read-only"):
        bookmarks.add_bookmark(readonly, claim, store.get_article(conn, ids["kharkiv"]))
    readonly.close()
    assert not (cache / "bookmarks.jsonl").exists()


def read_only(directory: Path) -> tuple[list[str], list[str]] | None:
    """Commands that make *directory* refuse new files and undo that. Root ignores permission
    bits, so as root the directory is made immutable (`chattr +i`, ext4 and friends)."""
    if os.geteuid() != 0:
        return ["chmod", "555", str(directory)], ["chmod", "755", str(directory)]
    if subprocess.run(["chattr", "+i", str(directory)], capture_output=True).returncode != 0:
        return None
    subprocess.run(["chattr", "-i", str(directory)], check=True)
    return ["chattr", "+i", str(directory)], ["chattr", "-i", str(directory)]


def test_read_only_directory_is_reported(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, ids = seeded
    commands = read_only(cache)
    if commands is None:
        pytest.skip("running as root on a file system without chattr +i")
    assert not (cache / "bookmarks.jsonl").exists()  # the journal must be created: refused
    subprocess.run(commands[0], check=True)
    try:
        with pytest.raises(StoreError, match="bookmark not saved: cannot write .*bookmarks"):
            bookmark(conn, ids["kharkiv"], 0)
    finally:
        subprocess.run(commands[1], check=True)
    assert bookmarks.list_bookmarks(conn) == []


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from tui.core.errors import StoreError
from tui.store import bookmarks, schema, store
db = Path(sys.argv[1])
conn = schema.connect(db)
article_id = conn.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
claims = store.claims_for(conn, article_id)
article = store.get_article(conn, article_id)
bookmarks.add_bookmark(conn, claims[0], article, "fits")
journal = db.parent / "bookmarks.jsonl"
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full file system answers EFBIG, not a signal
resource.setrlimit(resource.RLIMIT_FSIZE, (journal.stat().st_size + 20, resource.RLIM_INFINITY))
try:
    bookmarks.add_bookmark(conn, claims[1], article, "does not fit " * 50)
except StoreError as exc:
    print("REPORTED:", exc)
    sys.exit(3)
print("NOT REPORTED")
"""


def test_full_disk_is_reported(seeded, cache: Path) -> None:  # type: ignore[no-untyped-def]
    conn, _ = seeded
    conn.close()
    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(cache / "sitrep.db")],
                          capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "REPORTED: bookmark not saved: cannot write" in done.stdout
    assert "too large" in done.stdout.lower()
    check = schema.connect(cache / "sitrep.db")
    assert [r["note"] for r in bookmarks.list_bookmarks(check)] == ["fits"]
    check.close()
    assert list(read_journal(cache / "bookmarks.jsonl").live.values())[0]["note"] == "fits"


# ── the command line and the export golden files ─────────────────────────────────────────────


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_export_matches_golden_file(tmp_path: Path, fmt: str) -> None:
    seed_golden(tmp_path / "cache" / "sitrep.db")
    done = sitrep(tmp_path, "bookmarks", "export", "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (GOLDEN / f"bookmarks.{fmt}").read_text(encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    written = sitrep(tmp_path, "bookmarks", "export", "--format", fmt, "-o", str(out))
    assert written.returncode == 0 and "wrote 3 bookmarks" in written.stderr
    assert out.read_text(encoding="utf-8") == done.stdout


def test_json_export_carries_offsets_and_text_hash(tmp_path: Path) -> None:
    seed_golden(tmp_path / "cache" / "sitrep.db")
    items = json.loads(sitrep(tmp_path, "bookmarks", "export", "--format", "json").stdout)
    texts = {"Frontline Wire": KHARKIV, "Harbour Post": RED_SEA}
    for item in items:
        text = texts[item["feed_name"]]
        assert text[item["claim_start"]:item["claim_end"]] == item["claim_text"]
        assert item["text_hash"] == hashlib.sha256(text.encode()).hexdigest()
        assert set(item) == set(bookmarks.FIELDS)


def test_list_works_from_the_journal_when_the_database_is_gone(tmp_path: Path) -> None:
    seed_golden(tmp_path / "cache" / "sitrep.db")
    listed = sitrep(tmp_path, "bookmarks", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("\n    ") == 3 and "[denied] Oleh Sinegubov:" in listed.stdout
    (tmp_path / "cache" / "sitrep.db").unlink()
    again = sitrep(tmp_path, "bookmarks", "list")
    assert again.returncode == 0 and again.stdout == listed.stdout


def test_list_without_bookmarks(tmp_path: Path) -> None:
    done = sitrep(tmp_path, "bookmarks")
    assert done.returncode == 0 and "no bookmarks yet" in done.stdout


def test_v2_bookmark_without_source_span_still_finds_its_own_claim(tmp_path: Path) -> None:
    """Bookmarks from before schema v3 have no source_start; their source text decides."""
    path = tmp_path / "sitrep.db"
    old = sqlite3.connect(path)
    old.executescript(schema.V1 + schema.V2 + "\nPRAGMA user_version = 2;")
    old.close()
    conn = schema.connect(path)  # migrates to v3
    feed_id = store.sync_feeds(conn, [("https://w.example/rss", "W", ())])["https://w.example/rss"]
    text = "Kyiv said the bridge was hit, but Moscow said it was intact."
    store.save_entries(conn, feed_id, [Entry("g", "https://w.example/a", "Bridge")],
                       full_text=True)
    article_id = conn.execute("SELECT id FROM articles").fetchone()[0]
    claims = (make_claim(text, text, "Kyiv", "said", "disputed"),
              make_claim(text, text, "Moscow", "said", "disputed"))
    store.save_analysis(conn, article_id, Article("https://w.example/a", text, "Bridge"),
                        Analysis(claims, (), False, "test"))
    moscow = store.claims_for(conn, article_id)[1]
    assert moscow["source"] == "Moscow"
    record = bookmarks.make_record(moscow, store.get_article(conn, article_id))
    record.update(source_start=None, source_end=None)  # as a v2 bookmark was written
    with conn:
        bookmarks.write_row(conn, record)
    assert bookmarks.bookmarked_spots(conn, article_id) == {(0, moscow["source_start"])}
    assert bookmarks.bookmark_for_claim(conn, article_id, 0, claims[0].source_start) is None
    assert bookmarks.bookmark_for_claim(conn, article_id, 0, moscow["source_start"]) is not None
    found = search.Searcher().list_claims(conn, parse_query("is:bookmarked"))[1]
    assert [r["source"] for r in found] == ["Moscow"]
    conn.close()
