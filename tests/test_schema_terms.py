"""Schema 14 (tui/store/schema_terms.py): the stories' features and grouping states packed, their
terms as ids into `story_terms`. A schema 13 cache, with story rows as schema 13's store wrote
them (zlib'd JSON), is migrated with a backup and reads back the same through the store's
functions; values written since read back as they were given; the story queue's triggers,
made again by the step, keep the queue right.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

import pytest

from tests import old_cache, scale_cache
from tui.core.models import Article
from tui.pipeline.stories import FEATURES_VERSION
from tui.pipeline.stories.features import ArticleFeatures
from tui.pipeline.stories.grouping import StoryState
from tui.service import stories as story_service
from tui.store import schema, store, story_pack, story_terms, upkeep
from tui.store import stories as kept

_DUE = (  # what `story_queue` must hold (tests/test_schema_pack.py)
    "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
    "WHERE a.state IN ('analyzed', 'fetched', 'failed', 'skipped') "
    "AND (s.article_id IS NULL OR s.stale = 1) ORDER BY a.id"
)


def _features(n: int, title: str, **extra: Any) -> dict[str, Any]:
    """Features of the grouping's shape (ArticleFeatures.to_dict) for article *n*."""
    return {
        "article_id": str(n),
        "time": 1796000000.0 + 3600 * n,
        "title": title,
        "terms": {"drone": 4.0, f"depot{n % 4}": 2.0, "@~kharkv": 1.5, "@place:706483": 0.5,
                  "kharkiv": 1.0, "depot": 3.5},
        "places": ["@~kharkv", "@~kharkiv"],
        "kinds": ["weapon:drone", "country:UA"],
        "title_places": ["@~kharkv"] if n % 2 else [],
        "trend": n % 5 == 0,
        **extra,
    }  # fmt: skip


_STATE = {
    "first_seen": 1796000000.0,
    "last_seen": 1796090000.5,  # not a whole second: kept as a double
    "terms": {"drone": 60.0, "depot": 0.1 + 0.2, "@~kharkv": 300.5, "kharkiv": 1.0},
    "places": {"@~kharkv": 30, "@~kharkiv": 300},
    "norm": 12.345678901234567,
}


def _stored_features(conn: sqlite3.Connection) -> dict[int, ArticleFeatures]:
    """Every article's features, read the way `articles_to_file` reads a stale row's."""
    rows = [dict(r) for r in conn.execute(
        "SELECT a.id, a.title, s.features AS old_features FROM story_articles s "
        "JOIN articles a ON a.id = s.article_id ORDER BY a.id"
    )]  # fmt: skip
    story_terms.features_json(conn, rows)
    return {r["id"]: ArticleFeatures.from_dict(json.loads(r["old_features"])) for r in rows}


@pytest.mark.parametrize(
    "value",
    [
        _features(3, "Drones hit a depot near Kharkiv"),
        _features(4, "Дрони вдарили по Харкову", trend=True),  # not the article's own title
        {"article_id": "5", "time": 1.25, "title": "", "terms": {}, "places": []},  # older keys
        _features(6, "t", terms={f"w{i}": 0.5 + i for i in range(300)} | {"odd": 0.3, "neg": -1.5}),
    ],
)
def test_features_are_packed_and_read_back(value: dict[str, Any]) -> None:
    terms = [*value["terms"], *value["places"], *value.get("kinds", ()), "spare"]
    for ids in ({t: i + 1 for i, t in enumerate(terms)},  # small ids, wide ids, wider ids
                {t: 70_000 + 9 * i for i, t in enumerate(terms)},
                {t: 2**25 + i for i, t in enumerate(terms)}):  # fmt: skip
        packed = story_pack.pack_features(value, int(value["article_id"]), "Drones hit", ids)
        back = story_pack.unpack_features(packed, int(value["article_id"]), "Drones hit")
        names = {i: t for t, i in ids.items()}
        assert story_pack.ids_in(back) <= set(names)
        back = story_pack.named(back, names)
        assert back == {"kinds": [], "title_places": [], "trend": False, **value}
        assert list(back["terms"]) == list(value["terms"])  # the order the grouping sums in
    with pytest.raises(story_pack.Unpackable):
        story_pack.pack_features(value, 999, "", ids)  # another article's
    with pytest.raises(story_pack.Unpackable):
        story_pack.pack_features({**value, "new key": 1}, int(value["article_id"]), "", ids)


def test_a_state_is_packed_and_read_back() -> None:
    many = {f"t{i}": float(i % 700) for i in range(70_000)}  # a length past 2 bytes
    kinds = {"weapon:missile": 3, "target:residential": 300, "country:Ukraine": 1}
    for state in (_STATE, {**_STATE, "terms": many, "first_seen": 2.5, "places": {}},
                  {**_STATE, "kinds": kinds}, {**_STATE, "kinds": {}}):  # fmt: skip
        ids = {t: n for n, t in enumerate(
            [*state["terms"], *state["places"], *state.get("kinds", ())], 1)}  # fmt: skip
        back = story_pack.unpack_state(story_pack.pack_state(state, ids))
        back = story_pack.named(back, {i: t for t, i in ids.items()})
        assert back == state and list(back["terms"]) == list(state["terms"])
    plain = {**_STATE, "last_seen": 1796090000.0, "terms": {"drone": 60.0, "depot": 2.5}}
    ids = {"drone": 1, "depot": 2, "@~kharkv": 3, "@~kharkiv": 4}
    # tag and flags, two times, the norm; 2 terms and 2 places: a kind, a length, ids, values
    # (weights 1 byte, the counts 2 as one is past 255)
    assert len(story_pack.pack_state(plain, ids)) == 2 + 4 * 2 + 8 + (3 + 2 * 3) + (3 + 2 * 4)
    # a story's kinds (FEATURES_VERSION 6) follow as one more array of counts
    with_kinds = {**plain, "kinds": {"weapon:missile": 2}}
    assert len(story_pack.pack_state(with_kinds, {**ids, "weapon:missile": 5})) == len(
        story_pack.pack_state(plain, ids)) + 3 + 2 + 1  # fmt: skip
    with pytest.raises(story_pack.Unpackable):
        story_pack.pack_state({**_STATE, "a key of later": {}}, {})


def test_a_schema_13_cache_migrates_with_a_backup_and_reads_back_the_same(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache" / "sitrep.db"
    old_cache.write(path, 13)
    features = {n: _features(n, f"Drones hit depot {n}") for n in range(1, 11)}
    features[4]["title"] = "A headline the feed changed"  # kept in the value
    features[7] = {k: features[7][k] for k in ("article_id", "time", "title", "terms", "places")}
    odd = {**_features(8, "Drones hit depot 8"), "a key of later": [1]}  # kept as it was
    features[8] = odd
    states = {"s1": _STATE, "s2": {**_STATE, "terms": {"drone": 2.0}, "places": {}}}
    with sqlite3.connect(path) as old:
        schema.register_functions(old)
        assert old.execute("PRAGMA user_version").fetchone()[0] == 13
        old.executemany("UPDATE story_articles SET features = ? WHERE article_id = ?",
                        [(zlib.compress(json.dumps(f).encode()), n) for n, f in features.items()])
        old.execute("INSERT INTO stories(id, title, first_seen, last_seen, articles, state) "
                    "VALUES ('s2', 'Drones', '', '', 1, ?)", (zlib.compress(b"{}"),))
        old.executemany("UPDATE stories SET state = ? WHERE id = ?",
                        [(zlib.compress(json.dumps(s).encode()), sid) for sid, s in states.items()])
        old.execute("UPDATE story_articles SET story_id = 's2' WHERE article_id = 2")
        old.executemany("INSERT INTO story_terms(term, df) VALUES (?, ?)",
                        [("drone", 30), ("depot", 12), ("kharkiv", 3)])  # fmt: skip
        old.execute("DELETE FROM story_articles WHERE article_id = 5")
        old.execute("UPDATE story_articles SET stale = 1 WHERE article_id = 3")
        before = {n: ArticleFeatures.from_dict(json.loads(zlib.decompress(v)))
                  for n, v in old.execute("SELECT article_id, features FROM story_articles")}
        odd_value = old.execute("SELECT features FROM story_articles WHERE article_id = 8")
        odd_value = odd_value.fetchone()[0]
        due = [r[0] for r in old.execute(_DUE)]  # fmt: skip
    assert due == [3, 5]
    conn = schema.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert path.with_name("sitrep.db.bak-v13").exists()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _stored_features(conn) == before
    values = dict(conn.execute("SELECT article_id, features FROM story_articles"))
    assert values[8] == odd_value  # another shape: as it was
    assert all(v[0] == story_pack.FEATURES for n, v in values.items() if n != 8)
    window = {s["id"]: s for s in kept.window_stories(conn, "")}
    for story_id, state in states.items():
        assert {k: window[story_id][k] for k in state} == state
        assert StoryState.from_row(window[story_id]) is not None
    assert kept.document_frequencies(conn, ["drone", "depot", "kharkiv", "@~kharkv"]) == {
        "drone": 30, "depot": 12, "kharkiv": 3}  # fmt: skip
    names = dict(conn.execute("SELECT term, id FROM story_terms"))
    assert names["drone"] < names["depot"] < names["kharkiv"]  # the most frequent first
    assert {"@~kharkiv", "weapon:drone", "@place:706483"} <= set(names)
    # the queue and its triggers
    assert [r[0] for r in conn.execute("SELECT article_id FROM story_queue ORDER BY 1")] == due
    stale = kept.articles_to_file(conn, 10)
    assert [r["id"] for r in stale] == [5, 3]
    assert ArticleFeatures.from_dict(json.loads(stale[1]["old_features"])) == before[3]
    store.save_analysis(conn, 6, Article("https://old.invalid/6", "Nothing."), None)
    with conn:
        conn.execute("DELETE FROM story_articles WHERE article_id = 9")
    assert [r[0] for r in conn.execute("SELECT article_id FROM story_queue ORDER BY 1")] == [
        r[0] for r in conn.execute(_DUE)] == [3, 5, 6, 9]  # fmt: skip
    conn.close()


def test_filed_values_read_back_as_they_were_given(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=20)
    rows = conn.execute("SELECT id, title FROM articles ORDER BY id LIMIT 4").fetchall()
    given = {r["id"]: _features(r["id"], r["title"]) for r in rows}
    given[rows[1]["id"]]["title"] = "Another title"
    given[rows[2]["id"]] = json.dumps(given[rows[2]["id"]])  # JSON text, as bench/ gives them
    story = {"id": "s1", "title": "t", "first_iso": "2026-11-01T00:00:00+00:00",
             "last_iso": "2026-11-02T00:00:00+00:00", "article_ids": list(given), **_STATE}
    kept.save_filing(conn, {a: ("s1", f) for a, f in given.items()}, [], [story], [],
                     {"drone": 4, "depot": 2, "kharkiv": -1}, 4)  # fmt: skip
    want = {a: ArticleFeatures.from_dict(json.loads(f) if isinstance(f, str) else f)
            for a, f in given.items()}  # fmt: skip
    assert _stored_features(conn) == want
    window = {s["id"]: s for s in kept.window_stories(conn, "")}
    assert {k: window["s1"][k] for k in _STATE} == _STATE
    odd = {**_STATE, "a key of later": {"weapon:drone": 1}}  # a key the packing does not know
    _, values = story_terms.packed_values(conn, {}, {"s2": odd})
    assert json.loads(zlib.decompress(values["s2"])) == odd
    assert story_terms.states(conn, [values["s2"], values["s2"]]) == [odd, odd]
    assert kept.document_frequencies(conn, ["drone", "depot", "kharkiv"]) == {
        "drone": 4, "depot": 2}  # fmt: skip
    # a count that falls to 0 keeps its row (values name it), and comes back from there
    kept.save_filing(conn, {}, [], [], [], {"drone": -9, "kharkiv": 2}, 4)
    assert kept.document_frequencies(conn, ["drone", "kharkiv"]) == {"kharkiv": 2}
    assert _stored_features(conn) == want
    kept.save_filing(conn, {}, [], [], [], {"drone": 1}, 4)
    assert kept.document_frequencies(conn, ["drone"]) == {"drone": 1}
    assert kept.start_over_unless(conn, "another version")
    assert conn.execute("SELECT count(*) FROM story_terms").fetchone()[0] == 0


def test_stories_file_refile_and_purge_through_packed_values(tmp_path: Path) -> None:
    conn = scale_cache.build(tmp_path, articles=80)
    assert story_service.file_all(conn) > 0
    assert all(v[0] == story_pack.FEATURES
               for (v,) in conn.execute("SELECT features FROM story_articles"))  # fmt: skip
    assert all(v[0] == story_pack.STATE for (v,) in conn.execute("SELECT state FROM stories"))
    filed = _stored_features(conn)
    row = conn.execute("SELECT id, url FROM articles WHERE claim_count > 0").fetchone()
    store.save_analysis(conn, row["id"], Article(row["url"], "Kyiv. Drones hit."), None)
    stale = kept.articles_to_file(conn, 10)
    assert [r["id"] for r in stale] == [row["id"]]
    assert ArticleFeatures.from_dict(json.loads(stale[0]["old_features"])) == filed[row["id"]]
    assert story_service.file_all(conn) == 1
    assert not kept.needs_filing(conn, FEATURES_VERSION)
    with conn:
        conn.execute("UPDATE articles SET fetched = sort_ts")
    assert 0 < upkeep.purge_articles(conn, 2, now=scale_cache.NOW) < 80
    kept.forget_purged(conn)
    left = _stored_features(conn)
    assert all(left[a] == filed[a] for a in left if a != row["id"])
    for story in kept.window_stories(conn, ""):
        assert StoryState.from_row(story).terms  # every id named is still in story_terms


def test_filing_waits_its_turn_when_another_process_wrote_since_it_last_read(
    tmp_path: Path,
) -> None:
    """Two refreshers on one cache: a filing whose connection still holds an old read (a
    snapshot taken before the other one's write) must not fail with "database is locked"
    (SQLite cannot upgrade such a read to a write; save_filing takes the write lock first)."""
    conn = scale_cache.build(tmp_path, articles=20)
    other = schema.connect(tmp_path / "cache" / "sitrep.db")
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM articles").fetchone()  # a read snapshot is held
    other.execute("INSERT OR REPLACE INTO app_state(key, value) VALUES ('elsewhere', '1')")
    other.commit()  # the other process wrote after that snapshot
    kept.save_filing(conn, {}, [], [], [], {"drone": 1}, 4)
    assert kept.document_frequencies(conn, ["drone"]) == {"drone": 1}
    other.close()
    conn.close()
