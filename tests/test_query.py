"""The query language end to end: parse, then run against a real store (the seeded cache).

Every term of the language (docs/QUERY.md), its negation, and the malformed queries that must be
refused with a message. Expected results are named by article key (see SEED_ARTICLES in conftest).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_NOW
from tui.core.query import QueryError, Term, parse_query
from tui.store import schema, search, store

ALL = {"sumy", "kharkiv", "kupiansk", "hodeidah", "rafah", "timbuktu", "tokmak", "doha"}


@pytest.fixture
def db(seed_cache: tuple[Path, dict[str, int]]) -> Iterator[tuple[sqlite3.Connection, dict]]:
    directory, ids = seed_cache
    conn = schema.connect(directory / "cache" / "sitrep.db")
    yield conn, {v: k for k, v in ids.items()}
    conn.close()


def articles(db: tuple[sqlite3.Connection, dict], text: str) -> set[str]:
    conn, keys = db
    query = parse_query(text, SEED_NOW)
    rows = search.find_articles(conn, query, limit=100)
    assert search.count_articles(conn, query) == len(rows)  # the count is the list's length
    return {keys[r["id"]] for r in rows}


def claims(db: tuple[sqlite3.Connection, dict], text: str) -> list[str]:
    conn, _ = db
    query = parse_query(text, SEED_NOW)
    rows = search.find_claims(conn, query, limit=100)
    assert search.count_claims(conn, query) == len(rows)
    return sorted(r["source"] for r in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ALL),
        ("kharkiv", {"kharkiv"}),
        ("kharkiv missile", {"kharkiv"}),
        ("kha", {"kharkiv", "rafah"}),  # prefix: Kharkiv, Khan Younis
        ("KHARKIV", {"kharkiv"}),
        ('"air defence"', {"sumy"}),
        ('"defence air"', set()),  # a phrase keeps its order
        ("feed:gulf", {"hodeidah", "rafah", "doha"}),
        ('feed:"frontline wire"', {"sumy", "kharkiv", "kupiansk", "tokmak"}),
        ("tag:africa", {"timbuktu"}),
        ("tag:ukraine", {"sumy", "kharkiv", "kupiansk", "tokmak"}),
        ("tag:ukr", set()),  # tags match whole
        ("entity:Zhuravka", {"sumy"}),
        ("entity:belgorod", {"sumy", "kharkiv"}),
        ('entity:"Russian General Staff"', {"kupiansk"}),
        ("entity:general", {"kupiansk"}),  # a word of the name
        ('by:"defence ministry"', {"sumy"}),
        ("by:saree", {"hodeidah"}),
        ("status:denied", {"kharkiv", "kupiansk"}),
        ("status:confirmed", {"kharkiv", "rafah"}),
        ("status:unconfirmed", {"kharkiv", "hodeidah", "tokmak"}),
        ("since:2d", {"sumy", "kharkiv", "hodeidah", "rafah"}),
        ("since:12h", {"sumy", "hodeidah"}),
        ("until:2026-02-27", {"doha"}),
        ("until:2026-02-28", {"doha", "tokmak"}),  # until a date includes that day
        ("since:2026-03-07 until:2026-03-08", {"kupiansk", "timbuktu"}),
        ("is:unread", {"sumy", "kupiansk", "hodeidah", "timbuktu", "doha"}),
        ("is:read", {"kharkiv", "rafah", "tokmak"}),
        ("is:bookmarked", {"hodeidah"}),
        ("is:conflict", {"sumy", "kupiansk", "timbuktu"}),
        ("type:article kharkiv", {"kharkiv"}),
        ("-kharkiv", ALL - {"kharkiv"}),
        ('-"air defence"', ALL - {"sumy"}),
        ("-feed:gulf", ALL - {"hodeidah", "rafah", "doha"}),
        ("-tag:ukraine", {"hodeidah", "rafah", "timbuktu", "doha"}),
        ("-entity:belgorod", ALL - {"sumy", "kharkiv"}),
        ("-by:police", ALL - {"kharkiv"}),
        ("-status:claimed", {"kharkiv", "kupiansk", "tokmak", "doha"}),
        ("-is:unread", {"kharkiv", "rafah", "tokmak"}),
        ("-is:bookmarked is:unread", {"sumy", "kupiansk", "timbuktu", "doha"}),
        ("-since:2d", {"kupiansk", "timbuktu", "tokmak", "doha"}),
        ("drones -status:disputed", set()),
        ("is:conflict status:disputed -tag:africa", {"sumy", "kupiansk"}),
        ("k", ALL),  # one-letter words are skipped: they would match nearly everything
        ("entity:k", ALL),
    ],
)
def test_article_terms(db: tuple[sqlite3.Connection, dict], text: str, expected: set) -> None:
    assert articles(db, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("status:denied", ["Moscow", "Ukraine's General Staff"]),
        ("by:police", ["Police"]),
        ("entity:belgorod", ["Police", "Russia's defence ministry"]),  # a mention inside the claim
        ("drones", ["Russia's defence ministry", "Ukraine's air force"]),
        ("tag:africa", ["Mali's army", "Residents"]),
        ("is:bookmarked", ["Houthi military spokesman Yahya Saree"]),
        ("is:read status:confirmed", ["The UN", "the city's mayor Ihor Terekhov"]),
        (
            "-status:claimed -status:disputed -status:unconfirmed",
            ["Moscow", "The UN", "Ukraine's General Staff", "the city's mayor Ihor Terekhov"],
        ),
        (
            "since:6h -by:saree",
            [
                "Oleh Hryhorov",
                "Russia's defence ministry",
                "The ship's operator",
                "Ukraine's air force",
                "a US official",
            ],
        ),
    ],
)
def test_claim_terms(db: tuple[sqlite3.Connection, dict], text: str, expected: list) -> None:
    assert claims(db, text) == expected


def test_every_claim_is_listed_newest_article_first(db: tuple[sqlite3.Connection, dict]) -> None:
    conn, keys = db
    rows = search.find_claims(conn, parse_query("type:claim"), limit=100)
    assert len(rows) == 17
    order = [keys[r["article_id"]] for r in rows]
    assert order[0] == "sumy" and order[-1] == "tokmak"  # by article date, claims in text order
    assert [r["start"] for r in rows[:3]] == sorted(r["start"] for r in rows[:3])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("color:red", "unknown filter"),
        ('"air defence', "quote is not closed"),
        ("status:maybe", "status is one of"),
        ("since:lately", "since: takes"),
        ("until:2026-13-01", "until: takes"),
        ("is:starred", "is: takes"),
        ("type:both", "type is claim or article"),
        ("-type:claim", "type is claim or article"),
        ("feed:", "needs a value"),
        ("-", "needs a value"),
    ],
)
def test_malformed_queries_say_why(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query(text)


def test_parse_keeps_terms_negation_and_type() -> None:
    query = parse_query('Kharkiv -"air defence" by:"defence ministry" type:claims -is:read')
    assert query.type == "claim"
    assert query.terms == (
        Term("word", "Kharkiv"),
        Term("phrase", "air defence", True),
        Term("by", "defence ministry"),
        Term("is", "read", True),
    )


def test_relative_dates_count_back_from_the_given_clock() -> None:
    (since,) = parse_query("since:3d", SEED_NOW).terms
    assert since.value == "2026-03-07T12:00:00+00:00"
    (until,) = parse_query("until:yesterday", SEED_NOW).terms
    assert until.value == "2026-03-10T00:00:00+00:00"  # the whole of yesterday


def test_hostile_text_is_only_ever_a_search_term(db: tuple[sqlite3.Connection, dict]) -> None:
    for text in [
        'x") OR 1=1 --',
        "entity:%",
        "by:_",
        "feed:'\\",
        "NEAR(a b)",
        "kharkiv*",
        "tag:%' --",
        "a:b",
        '"',
        "status:'",
    ]:
        with contextlib.suppress(QueryError):  # refused by the language: the app shows why
            articles(db, text)  # but never an SQL or FTS syntax error, whatever the text
    assert articles(db, "entity:%%") == set()


def test_searcher_forgets_sets_when_the_data_changes(db: tuple[sqlite3.Connection, dict]) -> None:
    conn, keys = db
    searcher = search.Searcher()
    unread = parse_query("is:unread kharkiv")
    assert searcher.list_articles(conn, unread)[0] == 0
    ids = {v: k for k, v in keys.items()}
    store.set_read(conn, [ids["kharkiv"]], False)  # a write on the same connection
    count, rows = searcher.list_articles(conn, unread)
    assert count == 1 and keys[rows[0]["id"]] == "kharkiv"
    other = schema.connect(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
    store.set_read(other, [ids["kharkiv"]], True)  # and one from another connection
    other.close()
    assert searcher.list_articles(conn, unread)[0] == 0
    searcher.forget(conn)


def test_pages_follow_each_other_without_gaps(db: tuple[sqlite3.Connection, dict]) -> None:
    conn, _ = db
    searcher = search.Searcher()
    everything = [r["id"] for r in searcher.list_articles(conn, parse_query(""), limit=50)[1]]
    paged = []
    for offset in range(0, 8, 3):
        paged += [
            r["id"]
            for r in searcher.list_articles(conn, parse_query(""), limit=3, offset=offset)[1]
        ]
    assert paged == everything and len(everything) == 8


def test_feeds_pane_counts_unread_and_keeps_errors(db: tuple[sqlite3.Connection, dict]) -> None:
    conn, _ = db
    feeds = {f["name"]: f for f in search.feeds_pane(conn)}
    assert {n: f["unread"] for n, f in feeds.items()} == {
        "Frontline Wire": 2,
        "Gulf Monitor": 2,
        "Sahel Dispatch": 1,
    }
    assert feeds["Sahel Dispatch"]["last_error"] == "HTTP 503 from the server"


def test_entity_days_count_mentions_per_day_across_the_cache(
    db: tuple[sqlite3.Connection, dict],
) -> None:
    conn, _ = db
    belgorod = conn.execute("SELECT id FROM entities WHERE name = 'Belgorod'").fetchone()[0]
    days = search.entity_days(conn, [belgorod], today=SEED_NOW.date(), days=3)
    assert days == {belgorod: [0, 1, 1]}  # Kharkiv yesterday (26 h ago), Sumy today (3 h)
