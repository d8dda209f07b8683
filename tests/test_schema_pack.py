"""Schema 13 (tui/store/schema_pack.py): entity mentions packed an article at a time, and the
queue of articles to file into stories kept by triggers. A cache written by schema 12 is
migrated with a backup and reads back the same; both stay right through the store's writes,
analyses again, purges and filings; asking whether to file costs the same whatever the size.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tests import old_cache, scale_cache
from tui.core.models import Analysis, Article, Entity
from tui.core.query import parse_query
from tui.pipeline.stories import FEATURES_VERSION
from tui.service import stories as story_service
from tui.store import mention_spans, pins, schema, search, store, upkeep
from tui.store import stories as kept
from tui.store.searcher import Searcher

_DONE = "('analyzed', 'fetched', 'failed', 'skipped')"
# What `story_queue` must hold, the plain way (what articles_to_file asked before schema 13)
_DUE = (
    "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
    f"WHERE a.state IN {_DONE} AND (s.article_id IS NULL OR s.stale = 1) ORDER BY a.id"
)


def _queue(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT article_id FROM story_queue ORDER BY 1")]


def _due(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute(_DUE)]


def _mentions(conn: sqlite3.Connection) -> set[tuple[int, int, int, int]]:
    """Every mention (entity, article, start, end), read back from the packed values, after
    checking that the rows keyed by entity say the same."""
    found: set[tuple[int, int, int, int]] = set()
    for article_id, value in conn.execute("SELECT article_id, spans FROM article_mentions"):
        for entity_id, spans in mention_spans.unpack(value).items():
            found |= {(entity_id, article_id, s, e) for s, e in spans}
    rows = conn.execute('SELECT entity_id, article_id, start, "end" FROM mentions')
    assert {tuple(row) for row in rows} == found
    return found


@pytest.mark.parametrize(
    "spans",
    [
        {1: [(0, 6)]},
        {3: [(40, 45), (7, 12), (40, 45), (7, 9)], 200_000: [(3, 3)], 0: [(1, 2)]},
        {5: [(-4, 2), (10, 2), (2**40, 2**40 + 70_000)]},  # nothing the analysis gives, kept
        {},
    ],
)
def test_mentions_are_packed_and_read_back(spans: dict[int, list[tuple[int, int]]]) -> None:
    value = mention_spans.pack(spans)
    assert mention_spans.unpack(value) == {e: tuple(sorted(set(s))) for e, s in spans.items()}


def test_a_schema_12_cache_migrates_with_a_backup_and_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    old_cache.write(path, 12)
    with sqlite3.connect(path) as old:
        schema.register_functions(old)
        assert old.execute("PRAGMA user_version").fetchone()[0] == 12
        old.execute("INSERT INTO entities(id, name, type) VALUES (2, 'Ukrainian army', 'ORG')")
        for n in range(1, old_cache.ARTICLES + 1, 2):  # two spans, the first in a claim
            text = old.execute("SELECT sitrep_text(text) FROM articles WHERE id = ?", (n,))
            at = text.fetchone()[0].index("army")
            old.executemany('INSERT INTO mentions(entity_id, article_id, start, "end") '
                            "VALUES (2, ?, ?, ?)", [(n, at, at + 4), (n, 0, 6)])  # fmt: skip
        old.execute("UPDATE story_articles SET stale = 1 WHERE article_id IN (3, 4)")
        old.execute("DELETE FROM story_articles WHERE article_id = 5")
        old.execute("UPDATE articles SET state = 'queued' WHERE id = 4")  # being fetched again
        before = set(old.execute('SELECT entity_id, article_id, start, "end" FROM mentions'))
        claims = {  # the claims each entity has a mention in, as schema 12 found them
            entity: [r[0] for r in old.execute(
                "SELECT k.id FROM mentions m JOIN claims k ON k.article_id = m.article_id AND "
                'k.start <= m.start AND k."end" >= m."end" WHERE m.entity_id = ? ORDER BY 1',
                (entity,))]  # fmt: skip
            for entity in (1, 2)
        }
        due = _due(old)
    assert due == [3, 5] and len(claims[1]) == old_cache.ARTICLES and len(claims[2]) == 15
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert path.with_name("sitrep.db.bak-v12").exists()
    assert _mentions(conn) == before
    assert _queue(conn) == due
    assert kept.needs_filing(conn, FEATURES_VERSION)
    assert [r["id"] for r in kept.articles_to_file(conn, 10)] == [5, 3]  # oldest first
    for entity, name in ((1, "Kharkiv"), (2, "Ukrainian army")):
        query = parse_query(f'entity:"{name}"', old_cache.NOW)
        found = Searcher().page_claims(conn, query, limit=500)
        assert sorted(r["id"] for r in found) == claims[entity]
    army = sorted((s, e) for entity, article, s, e in before if (entity, article) == (2, 1))
    kharkiv = [(s, e) for entity, article, s, e in before if (entity, article) == (1, 1)]
    assert [(r["name"], r["count"], json.loads(r["spans"])) for r in store.entities_for(conn, 1)] \
        == [("Ukrainian army", 2, [list(s) for s in army]),
            ("Kharkiv", 1, [list(s) for s in kharkiv])]  # fmt: skip
    report = kept.analysed_articles(conn, [1, 2])
    assert [a["entities"] for a in report] == [
        {("Ukrainian army", "ORG"): [army[0], army[1]], ("Kharkiv", "GPE"): kharkiv},
        {("Kharkiv", "GPE"): [s for e, a, *s in before if (e, a) == (1, 2) for s in [tuple(s)]]},
    ]
    assert {(r["name"], r["n"]) for r in store.top_entities(conn, 5)} == {
        ("Kharkiv", old_cache.ARTICLES), ("Ukrainian army", 15)}  # fmt: skip
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_mentions_stay_right_through_analyses_again_and_purges(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=60)
    rows = _mentions(conn)
    assert len(rows) > 100
    first = conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    reader = {(r["name"], r["count"]) for r in store.entities_for(conn, first)}
    assert reader == {
        (name, sum(1 for e, a, *_ in rows if a == first and e == entity_id))
        for entity_id, name in conn.execute("SELECT id, name FROM entities")
        if any(e == entity_id and a == first for e, a, *_ in rows)
    }
    text = "Kyiv and Odesa. Kyiv again."
    again = Analysis((), (Entity("Kyiv", "PLACE", ((0, 4), (16, 20), (0, 4))),), False, "test")
    store.save_analysis(conn, first, Article("https://news.invalid/0", text), again)
    kyiv = conn.execute("SELECT id FROM entities WHERE name = 'Kyiv'").fetchone()[0]
    assert {(e, a, s, t) for e, a, s, t in _mentions(conn) if a == first} == {
        (kyiv, first, 0, 4), (kyiv, first, 16, 20)}  # fmt: skip
    assert [(r["name"], r["count"], r["spans"]) for r in store.entities_for(conn, first)] == [
        ("Kyiv", 2, "[[0, 4], [16, 20]]")
    ]
    days = search.entity_days(conn, [kyiv], today=scale_cache.NOW.date(), days=60)
    in_days = conn.execute(
        "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE entity_id = ? AND sort_ts >= ?",
        (kyiv, (scale_cache.NOW - timedelta(days=59)).date().isoformat()),
    ).fetchone()[0]
    assert sum(days[kyiv]) == in_days > 2
    store.save_analysis(conn, first, Article("https://news.invalid/0", "Nothing."), None)
    assert not any(a == first for _, a, *_ in _mentions(conn))
    with conn:
        conn.execute("UPDATE articles SET fetched = sort_ts")  # as if fetched when published
    gone = upkeep.purge_articles(conn, 2, now=scale_cache.NOW)
    assert 0 < gone < 60
    left = {r[0] for r in conn.execute("SELECT id FROM articles")}
    assert {a for _, a, *_ in _mentions(conn)} <= left
    assert conn.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN "
                        "(SELECT id FROM articles)").fetchone()[0] == 0  # fmt: skip


def test_a_claim_about_a_pinned_entity_is_news(tmp_path: Path) -> None:
    """A mention inside the claim counts, one outside does not (the rows keyed by entity)."""
    conn = scale_cache.build(tmp_path, articles=30)
    pins.pin(conn, "Kharkiv", "PLACE")
    mark, news = pins.claims_mentioning_pins(conn, 0)
    kharkiv = conn.execute("SELECT id FROM entities WHERE name = 'Kharkiv'").fetchone()[0]
    packed = dict(conn.execute("SELECT article_id, spans FROM article_mentions").fetchall())
    want = sum(  # from the packed spans, the other side of the mentions
        claim["source"].casefold() == "kharkiv"
        or any(claim["start"] <= s and e <= claim["end"]
               for s, e in mention_spans.unpack(packed[claim["article_id"]]).get(kharkiv, ()))
        for claim in conn.execute('SELECT article_id, start, "end", source FROM claims')
    )  # fmt: skip
    assert mark > 0 and want > 0
    assert [(n.name, n.claims) for n in news] == [("Kharkiv", want)]


def test_the_story_queue_holds_what_is_left_to_file(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=40)
    assert _queue(conn) == _due(conn) != []
    assert kept.needs_filing(conn, FEATURES_VERSION)
    story_service.file_all(conn)
    assert _queue(conn) == _due(conn) == []
    assert not kept.needs_filing(conn, FEATURES_VERSION)
    assert kept.needs_filing(conn, "another version")
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    text = "Kyiv. The army said drones hit the depot."
    store.save_analysis(conn, ids[3], Article("https://news.invalid/3", text), None)  # stale
    with conn:
        conn.execute("UPDATE articles SET state = 'queued' WHERE id = ?", (ids[5],))
        conn.execute("UPDATE story_articles SET stale = 1 WHERE article_id = ?", (ids[5],))
    assert _queue(conn) == _due(conn) == [ids[3]]  # the one being fetched again waits
    store.save_entries(conn, 1, [old_cache_entry(n) for n in range(3)], full_text=False)
    assert _queue(conn) == _due(conn)  # entries kept without their page are done
    with conn:
        conn.execute("UPDATE articles SET fetched = sort_ts")  # as if fetched when published
    assert 0 < upkeep.purge_articles(conn, 2, now=scale_cache.NOW) < 40
    assert _queue(conn) == _due(conn)
    story_service.file_all(conn)
    assert _queue(conn) == _due(conn) == []
    with conn:
        conn.execute("UPDATE articles SET state = 'analyzed' WHERE id = ?", (ids[5],))
    assert _queue(conn) == _due(conn) == [ids[5]]
    kept.start_over_unless(conn, "another version")  # every story dropped: all to file again
    assert _queue(conn) == _due(conn) and len(_queue(conn)) > 20


def old_cache_entry(n: int) -> object:
    from tui.core.models import Entry

    return Entry(f"late{n}", f"https://news.invalid/late{n}", f"Late item {n}",
                 published=scale_cache.NOW, summary="A summary.")  # fmt: skip


def _steps(conn: sqlite3.Connection, what: str = "ask") -> int:
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(step, 1)
    try:
        if what == "ask":
            kept.needs_filing(conn, FEATURES_VERSION)
        else:
            kept.articles_to_file(conn, 500)
    finally:
        conn.set_progress_handler(None, 1)
    return steps[0]


def test_asking_whether_to_file_costs_the_same_whatever_the_size(tmp_path: Path) -> None:
    """The refresher asks every 5 s. It counted every done article (55 ms at a million); now it
    reads whether the queue has a row. Counted in SQLite VM instructions, which load cannot
    change: the same for 30 articles and for 240 (it was 150,000 at 50k, 3 million at 1M)."""
    small = scale_cache.build(tmp_path / "small", articles=30)
    big = scale_cache.build(tmp_path / "big", articles=240)
    for conn in (small, big):
        story_service.file_all(conn)
        assert not kept.needs_filing(conn, FEATURES_VERSION)
    assert _steps(small) == _steps(big) < 60
    # and the catch-up's first read finds nothing to file without walking the done articles
    assert _steps(small, "list") == _steps(big, "list") < 60
    with big:
        big.execute("UPDATE story_articles SET stale = 1 WHERE article_id = "
                    "(SELECT max(article_id) FROM story_articles)")  # fmt: skip
    assert kept.needs_filing(big, FEATURES_VERSION)
    assert _steps(big) < 60


def test_the_full_text_indexes_merge_sixteen_segments_at_a_time(tmp_path: Path) -> None:
    """A write into a large index must not carry on merging its big segments (schema 13)."""
    conn = schema.connect(tmp_path / "sitrep.db")
    for table in ("articles_fts", "articles_phrase_fts", "claims_fts", "claims_phrase_fts"):
        (value,) = conn.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
        assert value == 16, table
