"""The stories list query (tui/store/story_list.py) and one story's detail
(tui/service/story_detail.py), on a real cache whose stories the real grouping filed
(tests/story_seed.py): a story matches a term about articles when one of its articles does;
`outlets:`, `is:contested` and `since:` are the story's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_NOW
from tests.story_seed import STORY_OF
from tui.core.query import QueryError, parse_query
from tui.service.story_detail import story_detail, story_link
from tui.store import schema, search, store, story_list, story_walk
from tui.store.story_list import StorySearcher, story_outlets

NEWEST_FIRST = ["zaporizhzhia", "novoselivka", "doha", "kharkiv"]


@pytest.fixture
def conn(story_cache: tuple[Path, dict]) -> Iterator:  # type: ignore[type-arg]
    connection = schema.connect(story_cache[0] / "cache" / "sitrep.db")
    yield connection
    connection.close()


@pytest.fixture(params=["sets", "walked", "walked, giving way"])
def ways(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a term finds its stories: its articles mapped to a set of stories (a term of
    few articles), or checked on the articles of the stories a page walks (a wide term: here
    every term that selects an article, one story a batch at first, and a word's matches let go
    past two)."""
    if request.param.startswith("walked"):
        monkeypatch.setattr(story_list, "SMALL", 0)
        monkeypatch.setattr(story_walk, "WALK", 1)
        monkeypatch.setattr(story_walk, "KEEP", 2)
    if request.param == "walked, giving way":  # after two rows: sets, or negations' sets
        monkeypatch.setattr(story_walk, "MOST", 2)
    return str(request.param)


def names(conn, ids: dict[str, int]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """story id -> the key of STORY_OF it stands for."""
    found = {}
    for name, keys in STORY_OF.items():
        (story_id,) = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                   (ids[keys[0]],)).fetchone()  # fmt: skip
        found[story_id] = name
    return found


def listed(conn, ids: dict[str, int], text: str, **page: int) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    searcher = StorySearcher()
    count, rows = searcher.list_stories(conn, parse_query(text, SEED_NOW), **page)
    searcher.forget(conn)
    story = names(conn, ids)
    return count, [story[r["id"]] for r in rows]


def test_the_grouping_made_the_seeded_stories(conn, story_cache) -> None:  # type: ignore[no-untyped-def]
    ids = story_cache[1]
    for keys in STORY_OF.values():
        stories = {conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                (ids[k],)).fetchone()[0] for k in keys}  # fmt: skip
        assert len(stories) == 1, keys
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == len(STORY_OF)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", NEWEST_FIRST),
        ("outlets:>=2", ["zaporizhzhia", "novoselivka", "kharkiv"]),
        ("outlets:>=3", ["zaporizhzhia"]),
        ("outlets:1", ["doha"]),
        ("-outlets:<2", ["zaporizhzhia", "novoselivka", "kharkiv"]),
        ("is:contested", ["zaporizhzhia", "novoselivka"]),
        ("-is:contested", ["doha", "kharkiv"]),
        ("market", ["zaporizhzhia"]),
        ("-market", ["novoselivka", "doha", "kharkiv"]),
        ("kharkiv drone", ["kharkiv"]),  # both words in one of its articles
        ('"ammunition depot"', ["zaporizhzhia"]),
        ("entity:fedorov", ["zaporizhzhia"]),
        ("by:kremlin", ["zaporizhzhia"]),
        ("status:denied", ["zaporizhzhia", "novoselivka"]),
        ("-status:denied", ["doha", "kharkiv"]),
        ("feed:capital", ["zaporizhzhia", "doha", "kharkiv"]),
        ("-feed:capital", ["novoselivka"]),  # no article of it from Capital Dispatch
        ("feed:meridian feed:northline", ["zaporizhzhia", "novoselivka"]),  # one article each
        ("tag:ukraine is:contested", ["zaporizhzhia", "novoselivka"]),
        ("since:1d", ["zaporizhzhia"]),  # its newest article is 2 hours old
        ("until:2026-03-07", ["kharkiv"]),  # an article on or before that day
        ("until:2026-03-08", ["doha", "kharkiv"]),
        ("is:unread outlets:2", ["novoselivka", "kharkiv"]),
        ("is:read", []),
        ("lang:en doha", ["doha"]),
        ("is:bookmarked", []),
    ],
)
def test_the_filter_language_over_stories(conn, story_cache, text, expected, ways) -> None:  # type: ignore[no-untyped-def]
    count, found = listed(conn, story_cache[1], text)
    assert (count, found) == (len(expected), expected)


def test_pages_are_counted_and_walked_newest_first(conn, story_cache, ways) -> None:  # type: ignore[no-untyped-def]
    ids = story_cache[1]
    assert listed(conn, ids, "", limit=2) == (4, NEWEST_FIRST[:2])
    assert listed(conn, ids, "", limit=2, offset=2) == (4, NEWEST_FIRST[2:])
    assert listed(conn, ids, "", limit=2, offset=4) == (4, [])
    assert listed(conn, ids, "outlets:>=2 -doha", limit=1, offset=1) == (3, ["novoselivka"])


def test_sets_are_kept_until_the_data_changes(conn, story_cache) -> None:  # type: ignore[no-untyped-def]
    ids = story_cache[1]
    searcher = StorySearcher()
    query = parse_query("is:read", SEED_NOW)
    assert searcher.list_stories(conn, query)[0] == 0
    tables = conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0]
    assert searcher.list_stories(conn, query)[0] == 0
    assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == tables
    store.set_read(conn, [ids["k-capital"]], True)  # a change on this connection
    count, rows = searcher.list_stories(conn, query)
    assert count == 1 and names(conn, ids)[rows[0]["id"]] == "kharkiv"
    searcher.forget(conn)


def test_side_and_is_manual_follow_the_article_list(conn, story_cache) -> None:  # type: ignore[no-untyped-def]
    """Terms the store keeps on claims only as the claims work allows: the stories list refuses
    what the article list refuses, with its message, and else lists the stories of its
    articles (the same translation, query_sql.article_set)."""
    story_of = dict(conn.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    for text in ("side:ukraine", "is:manual"):
        query = parse_query(text, SEED_NOW)
        try:
            articles = search.find_articles(conn, query, limit=1000)
        except QueryError as exc:
            with pytest.raises(QueryError, match=str(exc)):
                StorySearcher().list_stories(conn, query)
            continue
        count, rows = StorySearcher().list_stories(conn, query)
        assert {r["id"] for r in rows} == {story_of[a["id"]] for a in articles}


def test_outlets_of_each_story_newest_first(conn, story_cache) -> None:  # type: ignore[no-untyped-def]
    story = {v: k for k, v in names(conn, story_cache[1]).items()}
    found = story_outlets(conn, [story["zaporizhzhia"], story["doha"]])
    assert found[story["zaporizhzhia"]] == [
        "Capital Dispatch", "Frontier Ledger", "Northline News", "Meridian Wire"
    ]  # fmt: skip
    assert found[story["doha"]] == ["Capital Dispatch"]


def test_the_story_an_article_is_in_counts_the_other_outlets(conn, story_cache) -> None:  # type: ignore[no-untyped-def]
    ids = story_cache[1]
    link = story_link(conn, ids["z-meridian"])
    assert link is not None and (link.articles, link.outlets, link.other_outlets) == (4, 4, 3)
    assert link.contested and link.title.startswith("Missile strike on Zaporizhzhia")
    assert story_link(conn, ids["n-northline"]).other_outlets == 1  # type: ignore[union-attr]
    assert story_link(conn, ids["d-capital"]).other_outlets == 0  # type: ignore[union-attr]
    assert story_link(conn, 10_000) is None


def test_a_story_pairs_contradictions_and_lays_figures_side_by_side(conn, story_cache) -> None:  # type: ignore[no-untyped-def]
    ids = story_cache[1]
    detail = story_detail(conn, story_link(conn, ids["z-meridian"]).story_id)  # type: ignore[union-attr]
    assert detail is not None
    assert [a.article_id for a in detail.articles] == [ids[k] for k in STORY_OF["zaporizhzhia"]]
    assert [g.source for g in detail.groups][:2] == ["Ivan Fedorov", "Russia's defence ministry"]
    fedorov = detail.groups[0].rows[0]
    assert fedorov.outlets == ("Meridian Wire", "Northline News", "Capital Dispatch")
    northline = fedorov.mentions[1]
    article = store.get_article(conn, northline.article_id)
    assert article["text"][northline.claim_start:].startswith("Governor Ivan Fedorov said")
    assert article["text"][northline.source_start:].startswith("Governor Ivan Fedorov")
    kinds = {(p.kind, p.a.source, p.b.source) for p in detail.pairs}
    assert ("denial", "Russia's defence ministry", "Ivan Fedorov") in kinds
    figures = next(p for p in detail.pairs if p.kind == "figures")
    assert (figures.a_figure, figures.b_figure) == ("killed: 27", "killed: 23")
    assert [f.text for f in detail.figures] == [
        "killed: 23 (Ivan Fedorov) · 27 (A local official)", "wounded: 41 (Ivan Fedorov)"
    ]  # fmt: skip
    first = detail.figures[0].first
    assert first is not None and first.article_id == ids["z-meridian"]
    assert story_detail(conn, "s-none") is None


def test_a_walk_gives_up_once_a_newer_list_is_asked_for(  # type: ignore[no-untyped-def]
    conn, story_cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walk that has not filled its page stops between two batches when the list it is for
    is no longer wanted: the next keystroke's list waits behind it on the store's thread."""
    monkeypatch.setattr(story_list, "SMALL", 0)
    monkeypatch.setattr(story_walk, "WALK", 1)  # a batch of one row: one story's first article
    query = parse_query("-market", SEED_NOW)
    searcher = StorySearcher()
    assert len(searcher.page_stories(conn, query)) == 3
    asked = []
    assert len(searcher.page_stories(conn, query, stale=lambda: not asked.append(1))) <= 1
    assert len(asked) == 1
    searcher.forget(conn)
