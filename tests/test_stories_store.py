"""Stories in the cache: filed as articles are analysed, kept incrementally, redone on a new
analysis, mended after a purge, and listed by `sitrep stories` (the JSON Lines contract).

Real parts: dev-set articles of our own (tests/fixtures/stories/dev) analysed by the real
analyzer, stored with the store's own functions in a real SQLite file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tui.core.models import Analysis, Article, Entry
from tui.pipeline.analyze import analyze_many
from tui.service.stories import file_all, file_stories, stories_json
from tui.store import schema, store
from tui.store import stories as kept

DEV = Path(__file__).resolve().parent / "fixtures" / "stories" / "dev"
STRIKE = ("dnipro-meridian", "dnipro-northline", "dnipro-frontier", "dnipro-capital")
GRAIN = ("dnipro-grain-horizon", "dnipro-grain-eastbound")
CHOSEN = STRIKE + GRAIN
CONTRACT = {"id", "title", "first_seen", "last_seen", "articles", "claims", "contradictions",
            "figures"}  # fmt: skip


@pytest.fixture(scope="module")
def analysed() -> list[tuple[dict, str, Analysis]]:
    meta = {m["id"]: m for m in json.loads((DEV / "articles.json").read_text(encoding="utf-8"))}
    chosen = [meta[i] for i in CHOSEN]
    texts = [(DEV / m["file"]).read_text(encoding="utf-8") for m in chosen]
    return list(zip(chosen, texts, analyze_many(texts), strict=True))


def put(conn, item: tuple[dict, str, Analysis]) -> int:  # type: ignore[no-untyped-def]
    """Store one article as a refresh would: its feed, its entry, its page's analysis."""
    meta, text, analysis = item
    feed_url = f"https://{meta['feed'].split()[0].lower()}.example/feed.xml"
    feed_id = store.sync_feeds(conn, [(feed_url, meta["feed"], ())])[feed_url]
    published = datetime.fromisoformat(meta["published"])
    entry = Entry(meta["id"], meta["url"], meta["title"], published=published)
    store.save_entries(conn, feed_id, [entry], full_text=True)
    article_id = conn.execute("SELECT id FROM articles WHERE guid = ?", (meta["id"],)).fetchone()[0]
    store.save_analysis(conn, article_id, Article(meta["url"], text, title=meta["title"]), analysis)
    return int(article_id)


def story_of(conn) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(conn.execute("SELECT a.guid, s.story_id FROM story_articles s JOIN articles a "
                             "ON a.id = s.article_id").fetchall())  # fmt: skip


@pytest.fixture
def conn(tmp_path: Path):  # type: ignore[no-untyped-def]
    connection = schema.connect(tmp_path / "cache" / "sitrep.db")
    yield connection
    connection.close()


def test_articles_are_filed_into_stories_as_they_are_analysed(conn, analysed) -> None:  # type: ignore[no-untyped-def]
    for item in analysed:
        put(conn, item)
    assert file_all(conn) == len(CHOSEN)
    assert file_stories(conn) == 0  # nothing left: the catch-up is idempotent
    found = story_of(conn)
    assert set(found) == set(CHOSEN)  # every article in exactly one story (the key)
    assert len({found[a] for a in STRIKE}) == 1 and len({found[a] for a in GRAIN}) == 1
    assert found[STRIKE[0]] != found[GRAIN[0]]
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (found[STRIKE[0]],)).fetchone()
    assert (row["articles"], row["outlets"], row["contested"]) == (4, 4, 1)  # Moscow denies
    assert row["title"] == analysed[0][0]["title"]  # the earliest article's


def test_a_later_article_joins_without_moving_the_others(conn, analysed) -> None:  # type: ignore[no-untyped-def]
    for item in analysed[:2]:
        put(conn, item)
    file_all(conn)
    before = story_of(conn)
    for item in analysed[2:]:
        put(conn, item)
    file_all(conn)
    after = story_of(conn)
    assert {k: after[k] for k in before} == before
    assert after["dnipro-capital"] == before["dnipro-meridian"]


def test_a_new_analysis_files_the_article_again_and_a_purge_mends_stories(conn, analysed) -> None:  # type: ignore[no-untyped-def]
    ids = [put(conn, item) for item in analysed]
    file_all(conn)
    before = story_of(conn)
    meta, text, analysis = analysed[1]
    store.save_analysis(conn, ids[1], Article(meta["url"], text, title=meta["title"]), analysis)
    assert conn.execute("SELECT stale FROM story_articles WHERE article_id = ?",
                        (ids[1],)).fetchone()[0] == 1  # fmt: skip
    assert file_all(conn) == 1 and story_of(conn) == before
    with conn:
        conn.execute("DELETE FROM articles WHERE guid IN (?, ?)", GRAIN)
    from tui.store import stories as kept

    assert kept.forget_purged(conn) == 1  # the grain fire's story had no article left
    assert set(story_of(conn)) == set(STRIKE)


def test_sitrep_stories_prints_the_json_lines_contract(tmp_path: Path, analysed) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    conn = schema.connect(cache / "sitrep.db")
    for item in analysed:
        put(conn, item)
    conn.close()  # nothing filed yet: the command files first
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nrefresh_minutes = 0\n", encoding="utf-8")
    command = [sys.executable, "-m", "tui", "--config", str(config), "--cache", str(cache),
               "stories", "--json", "--all"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert all(set(s) >= CONTRACT for s in lines)
    urls = [a["url"] for s in lines for a in s["articles"]]
    assert sorted(urls) == sorted(m["url"] for m, _, _ in analysed)  # each exactly once
    assert [s["last_seen"] for s in lines] == sorted((s["last_seen"] for s in lines), reverse=True)
    strike = next(s for s in lines if len(s["articles"]) == 4)
    assert any(c["kind"] == "denial" for c in strike["contradictions"])
    for claim in strike["claims"]:
        for mention in claim["mentions"]:
            assert set(mention) == {"url", "start", "end", "text"}
    plain = subprocess.run(command[:-2], capture_output=True, text=True, timeout=120)
    assert plain.returncode == 0 and "⚡" in plain.stdout and "4 outlets" in plain.stdout
    bad = subprocess.run([*command[:-2], "--since", "soon"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.count("3d, 12h") == 1 and "“soon”" in bad.stderr  # said once, and what


def test_listing_keeps_to_the_since_window(conn, analysed) -> None:  # type: ignore[no-untyped-def]
    for item in analysed:
        put(conn, item)
    file_all(conn)
    assert len(stories_json(conn, include_single=True)) == 2
    assert stories_json(conn, since="2030-01-01T00:00:00+00:00", include_single=True) == []


def test_a_batch_reads_the_stories_within_its_reach_only(conn, analysed) -> None:  # type: ignore[no-untyped-def]
    """An item dated a year back (a new feed's archive) is filed with the stories of its own
    time: the batch stops a window after its oldest article, and the stories read are those
    begun by a window after its newest (unbounded, one old item read every story since: a
    minute of CPU at a million articles)."""
    strike = analysed[0]
    meta, text, analysis = analysed[len(STRIKE)]  # a grain article, dated a year back
    old = {**meta, "published": "2024-03-12T07:00:00+00:00"}
    put(conn, strike)
    file_all(conn)
    put(conn, (old, text, analysis))
    put(conn, analysed[1])  # a second strike report, a year after the old item
    assert file_stories(conn) == 1  # the old item alone: the next is a year later
    found = story_of(conn)
    assert found[GRAIN[0]] != found[STRIKE[0]] and STRIKE[1] not in found
    near = kept.window_stories(conn, "2024-03-01T00:00:00+00:00",
                               until="2024-03-25T00:00:00+00:00")  # fmt: skip
    assert [s["id"] for s in near] == [found[GRAIN[0]]]
    assert file_stories(conn) == 1 and story_of(conn)[STRIKE[1]] == found[STRIKE[0]]


def test_a_story_of_one_article_is_read_from_its_features_and_takes_later_ones(
    tmp_path: Path, analysed
) -> None:  # type: ignore[no-untyped-def]
    """Schema 17 keeps a one-article story's times and norm only (the rest is its article's
    features summed once): read back, it is what the grouping holds; its article analysed
    again is filed again into it, and later articles join it, exactly as with the same story
    stored whole (schema 16's form)."""
    from tui.pipeline.stories.features import article_features
    from tui.pipeline.stories.grouping import StoryIndex
    from tui.service.stories import story_article
    from tui.store import stories as kept
    from tui.store import story_pack, story_terms

    alone_path, whole_path = tmp_path / "alone" / "sitrep.db", tmp_path / "whole" / "sitrep.db"
    conn = schema.connect(alone_path)
    first = put(conn, analysed[0])
    assert file_all(conn) == 1
    (value,) = conn.execute("SELECT state FROM stories").fetchone()
    assert value[0] == story_pack.ALONE and len(value) == 18
    (state,) = kept.window_stories(conn, "")
    index = StoryIndex()
    (row,) = kept.analysed_articles(conn, [first])
    story_id = index.assign(article_features(story_article(row)))
    expected = index.stories[story_id].to_row()
    keys = ("first_seen", "last_seen", "terms", "places", "norm", "kinds", "article_ids")
    assert {k: state[k] for k in keys} == {k: expected[k] for k in keys}
    assert state["terms"] and state["kinds"] and state["places"]  # not vacuous
    conn.close()
    whole_path.parent.mkdir()
    shutil.copy(alone_path, whole_path)
    whole = schema.connect(whole_path)
    ids = story_terms.term_ids(whole, {*state["terms"], *state["places"], *state["kinds"]})
    with whole:
        whole.execute("UPDATE stories SET state = ?", (story_pack.pack_state(
            {k: state[k] for k in keys[:-1]}, ids),))  # fmt: skip
    assert kept.window_stories(whole, "") == [state]
    conn = schema.connect(alone_path)
    meta, text, analysis = analysed[0]
    for cache in (conn, whole):  # analysed again (stale): taken out and filed again
        store.save_analysis(cache, first, Article(meta["url"], text, title=meta["title"]),
                            analysis)  # fmt: skip
        assert file_all(cache) == 1
    assert kept.window_stories(conn, "") == kept.window_stories(whole, "") == [state]
    assert conn.execute("SELECT length(state) FROM stories").fetchone()[0] == 18
    for cache in (conn, whole):
        for item in analysed[1:]:
            put(cache, item)
        assert file_all(cache) == len(analysed) - 1
    found = story_of(conn)
    assert len({found[a] for a in STRIKE}) == 1  # the later articles joined the first's story
    assert found == story_of(whole)
    assert kept.window_stories(conn, "") == kept.window_stories(whole, "")
    whole.close()


KRAMATORSK = Path(__file__).resolve().parent / "fixtures" / "stories" / "heldout4"
MISSILE = ("kramatorsk-estuary", "kramatorsk-lodestar", "kramatorsk-quayside")
BUS = "kramatorsk-bus-ridgeline"  # a drone on a bus in the same town the next day


def test_a_story_filed_in_an_earlier_batch_keeps_its_kinds(conn) -> None:  # type: ignore[no-untyped-def]
    """The kind mismatch keeps a drone on a bus apart from a missile on flats of the same town
    a day before: it must hold when the missile's story was filed by an earlier catch-up and
    is read back from the store (its articles' rows come without features), as in the app."""
    meta = {m["id"]: m
            for m in json.loads((KRAMATORSK / "articles.json").read_text(encoding="utf-8"))}
    chosen = [meta[i] for i in (*MISSILE, BUS)]
    texts = [(KRAMATORSK / m["file"]).read_text(encoding="utf-8") for m in chosen]
    items = list(zip(chosen, texts, analyze_many(texts), strict=True))
    for item in items[:3]:
        put(conn, item)
    assert file_all(conn) == 3
    from tui.store import stories as kept

    (state,) = kept.window_stories(conn, "")
    assert state["kinds"].get("weapon:missile") and "weapon:drone" not in state["kinds"]
    put(conn, items[3])
    assert file_all(conn) == 1  # a second catch-up: the missile's story comes from the store
    found = story_of(conn)
    assert len({found[a] for a in MISSILE}) == 1
    assert found[BUS] != found[MISSILE[0]]
