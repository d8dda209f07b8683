"""The store at scale, checked for being right (speed is bench/bench_filter.py's business):
pages after the last row give the rows a plain query gives, whichever walk a query takes;
counts kept by triggers stay true through inserts, analyses, read marks and purges; the words
list finds what a prefix finds; the v9 migration keeps everything searchable; the stories list,
which reads words and phrases through the same indexes, finds what one plain FTS5 expression
finds; typing on keeps the sets the last keystroke made.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tests import old_cache, scale_cache
from tui.core.models import Analysis, Article, Entry
from tui.core.query import parse_query
from tui.service import stories
from tui.store import schema, searcher, store, story_list, story_walk, upkeep, words
from tui.store.query_sql import fts_expression
from tui.store.searcher import Searcher

QUERIES = [
    "", "kharkiv", "kh", "dro", "dron", "drone strike", '"air defence"', '"defence shelter grid"',
    "-drone", "-dr", "kharkiv -sta", "kharkiv -status:claimed", "entity:Kyiv", "entity:Ky",
    "status:disputed", "-status:claimed", "by:army", 'by:"defence ministry"', "by:kov",
    "since:2d drone", "until:2026-11-28", "is:unread", "is:unread -water", "tag:ukraine convoy",
    "feed:wire 3", "feed:wire 3 power", '"air defence" -night', "-drone -status:denied",
    "entity:Kyiv status:disputed", "stadium", "zzz", "by:ukrainian", "by:russian def",
    "side:russia", "side:ukr drone", "-side:russia", "is:manual", "is:manual -drone",
    '"air defense"', "defense", "-defense", "by:kharkiv -side:ukraine", "by:zzz", "-by:zzz drone",
    "tag:ukr", "tag:u drone", "-tag:ukr drone", "feed:zzz", "-feed:zzz", "tag:world -feed:wire",
]  # fmt: skip


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    return scale_cache.build(tmp_path_factory.mktemp("scale"))


def _paged(kind: str, conn: sqlite3.Connection, query_text: str, size: int) -> list[int]:
    """Every row of a list, *size* at a time, as the app asks for them (by offset)."""
    finder = Searcher()
    query = parse_query(query_text, scale_cache.NOW)
    found: list[int] = []
    while True:
        page = getattr(finder, f"page_{kind}")(conn, query, limit=size, offset=len(found))
        found += [row["id"] for row in page]
        if len(page) < size:
            return found


@pytest.mark.parametrize("small", [searcher.SMALL, 8], ids=["kept sets", "probed sets"])
@pytest.mark.parametrize("kind", ["articles", "claims"])
@pytest.mark.parametrize("text", QUERIES)
def test_pages_give_the_rows_a_plain_query_gives(
    cache: sqlite3.Connection, text: str, kind: str, small: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(searcher, "SMALL", small)  # 8: every set but the tiniest is probed
    query = parse_query(text, scale_cache.NOW)
    want = scale_cache.reference(cache, query, kind)
    assert _paged(kind, cache, text, 7) == want
    assert _paged(kind, cache, text, 1000) == want
    assert getattr(Searcher(), f"count_{kind}")(cache, query) == len(want)


def test_a_page_far_down_is_found_without_the_pages_before(cache: sqlite3.Connection) -> None:
    query = parse_query("drone", scale_cache.NOW)
    want = scale_cache.reference(cache, query, "articles")
    page = Searcher().page_articles(cache, query, limit=5, offset=40)
    assert [row["id"] for row in page] == want[40:45]


def test_a_count_that_runs_past_its_limit_says_so(cache: sqlite3.Connection) -> None:
    assert Searcher().count_claims(cache, parse_query("-drone"), seconds=0.0) is None
    assert Searcher().count_claims(cache, parse_query("-drone"), seconds=None) > 0


def _counts(conn: sqlite3.Connection) -> tuple[dict[int, tuple[int, int, int]], ...]:
    kept = {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT * FROM feed_counts")}
    real = {
        r[0]: (r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT feed_id, count(*), total(read = 0), total(claim_count) FROM articles "
            "GROUP BY feed_id"
        )
    }
    return {k: v for k, v in kept.items() if v != (0, 0, 0)}, real


def test_counts_kept_by_triggers_follow_every_change(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=120)
    kept, real = _counts(conn)
    assert kept == real
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 30")]
    store.set_read(conn, ids, True)
    store.set_read(conn, ids[:10], False)
    store.save_analysis(conn, ids[3], Article("u", "Nobody said anything."),
                        Analysis((), (), False, "again"))  # fmt: skip
    assert _counts(conn)[0] == _counts(conn)[1]
    with conn:  # everything older than two days goes
        conn.execute("UPDATE articles SET fetched = ?", ((scale_cache.NOW - timedelta(days=9))
                                                         .isoformat(),))  # fmt: skip
    gone = upkeep.purge_articles(conn, 3)
    assert gone > 0
    kept, real = _counts(conn)
    assert kept == real
    finder = Searcher()
    assert finder.count_articles(conn, parse_query("")) == len(
        scale_cache.reference(conn, parse_query(""), "articles"))
    assert finder.count_articles(conn, parse_query("is:unread tag:ukraine")) == len(
        scale_cache.reference(conn, parse_query("is:unread tag:ukraine"), "articles"))
    assert finder.count_claims(conn, parse_query("feed:wire 2")) == len(
        scale_cache.reference(conn, parse_query("feed:wire 2"), "claims"))


def test_purge_takes_batches_and_leaves_searches_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = scale_cache.build(tmp_path, articles=80)
    monkeypatch.setattr(upkeep, "PURGE_BATCH", 7)
    with conn:
        conn.execute("UPDATE articles SET fetched = sort_ts")
    cutoff = (scale_cache.NOW - timedelta(hours=10)).isoformat()
    older = conn.execute("SELECT count(*) FROM articles WHERE sort_ts < ?", (cutoff,)).fetchone()[0]
    now = scale_cache.NOW + timedelta(hours=14)  # a day's retention: what is older than 10 h
    assert upkeep.purge_articles(conn, 1, now=now) >= older > 7
    for text in ("drone", "kh", '"air defence"', "-drone", "entity:Kyiv"):
        query = parse_query(text, scale_cache.NOW)
        assert _paged("articles", conn, text, 5) == scale_cache.reference(conn, query, "articles")


def test_a_prefix_becomes_the_tokens_the_index_holds(tmp_path: Path) -> None:
    conn = schema.connect(tmp_path / "w.db")
    feed = store.sync_feeds(conn, [("http://f.invalid/", "F", ())])["http://f.invalid/"]
    store.save_entries(conn, feed, [
        Entry("1", "https://n.invalid/1", "Drones over Київ", summary="Dronov said"),
        Entry("2", "https://n.invalid/2", "Café owners", summary="Zürich and café_bar"),
    ], full_text=True)  # fmt: skip
    assert words.expand(conn, "drone") == ["drone", "drones"] or words.expand(
        conn, "drone") == ["drones"]  # fmt: skip
    assert words.expand(conn, "київ") == ["київ"]
    assert words.fold(conn, "Zürich CAFÉ") == ["zurich", "cafe"]
    assert words.expand(conn, "zur") == ["zurich"]
    finder = Searcher()
    for text, want in (("dron", {"1"}), ("Київ", {"1"}), ("cafe", {"2"}), ("zürich", {"2"}),
                       ("bar", {"2"}), ('"café owners"', {"2"}), ("-drones", {"2"})):  # fmt: skip
        found = finder.page_articles(conn, parse_query(text), limit=10)
        assert {r["url"][-1] for r in found} == want, text


def test_schema_9_keeps_an_older_cache_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.create_function("without_userinfo", 1, lambda value: value)  # v7's migration uses it
    schema.migrate(old, path, 0, schema.MIGRATIONS[:8])  # a cache written before schema 9
    old.execute("INSERT INTO feeds(id, url, name, tags) VALUES (1, 'http://f.invalid/', 'F', 't')")
    for n in range(1, 60):
        when = (scale_cache.NOW - timedelta(hours=n)).isoformat()
        old.execute(
            "INSERT INTO articles(id, feed_id, guid, title, fetched, sort_ts, text, read, "
            "claim_count, state) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 1, 'analyzed')",
            (n, f"g{n}", f"Drones hit depot {n}", when, when,
             "The army said drones hit the depot near Kharkiv.", n % 2),
        )  # fmt: skip
        old.execute(
            'INSERT INTO claims(article_id, start, "end", text, source, source_start, source_end,'
            " cue, cue_start, cue_end, content_start, content_end, quote, status) VALUES "
            "(?, 0, 49, 'The army said drones hit the depot near Kharkiv', 'the army', 0, 8, "
            "'said', 9, 13, 14, 48, 'reported', 'claimed')", (n,))  # fmt: skip
        old.execute("INSERT OR IGNORE INTO entities(id, name, type) VALUES (1, 'Kharkiv', 'PLACE')")
        old.execute(
            'INSERT INTO mentions(entity_id, article_id, start, "end") VALUES (1, ?, 40, 47)', (n,)
        )
    old.commit()
    old.close()
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert tuple(conn.execute("SELECT articles, unread, claims FROM feed_counts").fetchone()) == (
        59, 29, 59)
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 59
    assert words.expand(conn, "dron") == ["drones"]
    finder = Searcher()
    for text in ("drones", "dro", '"the depot"', "entity:Kharkiv", "by:army", "-depot"):
        query = parse_query(text, scale_cache.NOW)
        got = [r["id"] for r in finder.page_articles(conn, query, limit=100)]
        assert got == scale_cache.reference(conn, query, "articles"), text
    assert conn.execute("SELECT count(*) FROM article_marks").fetchone()[0] == 1


def test_compacting_runs_in_steps_and_keeps_the_cache_whole(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=150)
    with conn:
        conn.execute("DELETE FROM articles WHERE id % 2 = 0")
    assert upkeep.compact(conn, alone=False, step=lambda what: None)  # a v9 cache: no rewrite
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in upkeep.FTS_TABLES[:3]:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    conn.commit()
    query = parse_query("drone", scale_cache.NOW)
    assert _paged("articles", conn, "drone", 9) == scale_cache.reference(conn, query, "articles")


def test_free_pages_go_back_a_batch_a_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each step of `PRAGMA incremental_vacuum(N)` frees one page: run to its end, one
    transaction gives N pages back (it gave one, and counted N), and the count returned is
    the pages freed."""
    conn = scale_cache.build(tmp_path, articles=300)
    with conn:
        conn.execute("DELETE FROM articles WHERE id % 10 != 0")
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    assert free > 12
    monkeypatch.setattr(upkeep, "FREE_PAGES", 4)
    steps: list[str] = []
    conn.set_trace_callback(lambda sql: steps.append(sql) if "incremental_vacuum" in sql else None)
    assert upkeep.free_pages(conn) == free
    conn.set_trace_callback(None)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert len(steps) == -(-free // 4)  # four pages a transaction, not one


@pytest.fixture(scope="module")
def story_cache(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    conn = scale_cache.build(tmp_path_factory.mktemp("scale_stories"), articles=240)
    assert stories.file_all(conn) > 0  # the real grouping
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] > 20
    finder = story_list.StorySearcher()
    assert finder.list_stories(conn, parse_query('drone "air defence"'))[0] > 5
    finder.forget(conn)
    return conn


def _plain_text_ids(conn: sqlite3.Connection, terms: list) -> tuple[str, tuple] | None:  # type: ignore[type-arg]
    """Words and phrases the plain way: one FTS5 expression on the index with positions, the
    negated ones taken away with FTS5's NOT."""
    if not (expression := fts_expression([t for t in terms if not t.negated])):
        return None
    for term in (t for t in terms if t.negated):
        if away := fts_expression([term]):
            expression = f"({expression}) NOT ({away})"
    return "SELECT rowid FROM articles_phrase_fts WHERE articles_phrase_fts MATCH ?", (expression,)


@pytest.mark.parametrize(
    "walked", [0, 1, 2, 3, 4], ids=["sets", "walked", "giving way", "few", "looked up"]
)
@pytest.mark.parametrize("text", QUERIES)
def test_the_stories_list_finds_what_the_plain_expression_finds(
    story_cache: sqlite3.Connection, text: str, walked: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walked: every term wide (checked on the articles of the stories a page walks, a few
    stories a batch); giving way: the walk gives up after 40 rows for the negated terms' sets
    or every term's; looked up: a word's matches below where its reading has come are
    looked up article by article; each against the plain sets of the plain expression."""
    query = parse_query(text, scale_cache.NOW)
    finder = story_list.StorySearcher()
    if walked:  # few: a set holds at most five rows as read (an article may come twice)
        monkeypatch.setattr(story_list, "SMALL", 5 if walked == 3 else 0)
        monkeypatch.setattr(story_walk, "WALK", 7)
        monkeypatch.setattr(story_walk, "KEEP", 16)
    if walked == 2:
        monkeypatch.setattr(story_walk, "MOST", 40)
    if walked == 4:
        monkeypatch.setattr(story_walk, "LOOKUP", 0)
        monkeypatch.setattr(story_walk, "CHUNK", 2)
    got = (finder.count_stories(story_cache, query),
           finder.page_stories(story_cache, query, limit=1000))  # fmt: skip
    finder.forget(story_cache)
    monkeypatch.setattr(story_list, "SMALL", 4096)
    monkeypatch.setattr(story_list, "text_ids", _plain_text_ids)
    finder = story_list.StorySearcher()
    want = finder.list_stories(story_cache, query, limit=1000)
    finder.forget(story_cache)
    assert got[0] == want[0]
    assert [r["id"] for r in got[1]] == [r["id"] for r in want[1]]


def test_search_upgrades_a_cache_of_schema_9_before_reading_it(tmp_path: Path) -> None:
    """`by:` reads schema 10's canonical names; `sitrep search` on a cache an older sitrep left
    upgrades it first (with its backup), as the app and `sitrep fetch` would."""
    import subprocess
    import sys

    from tests.conftest import write_config

    db = tmp_path / "cache" / "sitrep.db"
    old_cache.write(db, 9)
    config = write_config(tmp_path / "feeds.toml", [(old_cache.FEED[1], old_cache.FEED[0])])
    canonical = old_cache.SENTENCES[0][2]
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(config), "--cache", str(db.parent),
         "search", f"by:{canonical.split()[0][:4]}"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.strip(), done.stderr
    # One line first says what the wait is (minutes on a large cache); nothing on the next run.
    assert f"upgrading the cache from schema 9 to {schema.SCHEMA_VERSION}" in done.stderr
    assert (db.parent / "sitrep.db.bak-v9").exists()
    assert schema.connect(db).execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


@pytest.mark.parametrize("kind", ["articles", "claims"])
@pytest.mark.parametrize("text", ["tag:u", "tag:ukr", "feed:zzz", "tag:ukr kharkiv"])
def test_a_feed_term_naming_no_feed_reads_no_rows(
    cache: sqlite3.Connection, kind: str, text: str
) -> None:
    """A half-typed tag names no feed: the answer is known from the feeds table alone, without
    walking every article (at a million articles that walk took half a second a keystroke).
    Counted in SQLite's virtual-machine steps, which load cannot change."""
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    query = parse_query(text, scale_cache.NOW)
    cache.set_progress_handler(step, 100)
    try:
        assert getattr(Searcher(), f"page_{kind}")(cache, query, limit=100) == []
    finally:
        cache.set_progress_handler(None, 100)
    assert steps[0] < 20  # a walk of the 400 articles alone takes hundreds


def test_a_prefix_of_many_words_is_walked_without_counting_it_first(
    cache: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"sta" ORs every word it begins (hundreds at a million articles): counting whether that
    match is small costs what walking it costs, so a wide match is walked at once; a narrow
    one is still counted (and kept as a set when small)."""
    sent: list[str] = []
    cache.set_trace_callback(sent.append)
    try:
        Searcher().page_claims(cache, parse_query("sta", scale_cache.NOW), limit=100)
        assert any("LIMIT 4097" in sql for sql in sent)  # narrow here: counted
        sent.clear()
        monkeypatch.setattr(searcher, "WIDE_MATCH", 2)  # "stadium station status" is wide now
        rows = Searcher().page_claims(cache, parse_query("sta", scale_cache.NOW), limit=100)
        assert not any("LIMIT 4097" in sql for sql in sent)
    finally:
        cache.set_trace_callback(None)
    assert [row["id"] for row in rows] == _paged("claims", cache, "sta", 100)[:100]


def test_a_small_set_is_read_once(cache: sqlite3.Connection) -> None:
    """A phrase's rows were counted and then read again to keep them: one read now."""
    sent: list[str] = []
    cache.set_trace_callback(sent.append)
    try:
        rows = Searcher().page_claims(cache, parse_query('"air defence"', scale_cache.NOW))
    finally:
        cache.set_trace_callback(None)
    assert sum("claims_phrase_fts MATCH" in sql for sql in sent) == 1
    assert [row["id"] for row in rows] == _paged("claims", cache, '"air defence"', 100)[:100]


@pytest.mark.parametrize("kind", ["articles", "claims"])
def test_is_manual_reads_the_few_claims_set_by_hand(cache: sqlite3.Connection, kind: str) -> None:
    """`is:manual` goes to the partial index of the claims whose status was set by hand: asked
    through the claims view (whose columns are expressions) it read every claim, 0.7 s at 1M."""
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    manual = cache.execute("SELECT count(*) FROM claim_rows WHERE analysis_status IS NOT NULL")
    claims = cache.execute("SELECT count(*) FROM claim_rows").fetchone()[0]
    assert 0 < manual.fetchone()[0] < claims / 4
    cache.set_progress_handler(step, 100)
    try:
        getattr(Searcher(), f"page_{kind}")(cache, parse_query("is:manual", scale_cache.NOW))
    finally:
        cache.set_progress_handler(None, 100)
    # Through the index: 68 steps of 100 VM ops (articles), 133 (claims; 154 after this file's
    # earlier tests, and about 20 more since schema 15, as each row of the page reads its
    # source, canonical source and side by id); reading every claim of the 836 added about 70
    # more to each.
    assert steps[0] < {"articles": 100, "claims": 195}[kind]


@pytest.mark.parametrize("word", ["kharkiv", "харків"])
@pytest.mark.parametrize("kind", ["articles", "claims", "stories"])
def test_typing_on_keeps_the_sets_already_made(
    cache: sqlite3.Connection, kind: str, word: str
) -> None:
    """Turning the typed words into tokens wrote to this connection's scratch index, which
    counted as a change of the data: every keystroke dropped the kept sets and made them again
    (137 of the claims view's 216 keystrokes at a million articles)."""
    finder = story_list.StorySearcher() if kind == "stories" else Searcher()
    query = parse_query(f"entity:Kyiv {word}", scale_cache.NOW)
    for _ in range(2):  # (a fill's own stamp hid the scratch's writes from the next query)
        getattr(finder, f"page_{kind}")(cache, query)
    sent: list[str] = []
    cache.set_trace_callback(sent.append)
    try:
        getattr(finder, f"page_{kind}")(cache, query)  # the same list asked again: typing on
    finally:
        cache.set_trace_callback(None)
    assert not [sql for sql in sent if "CREATE TEMP TABLE" in sql]
