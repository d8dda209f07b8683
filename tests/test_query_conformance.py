"""One query language, one meaning: each query runs against the article list, the claims view
and the bookmarks, through the store's single SQL translation (tui/store/query_sql.py).

The seeded cache (tests/conftest.py) plus four bookmarks: B1 the Houthi spokesman's claim (the
seed's own), B2 Moscow's denial, B3 Russia's defence ministry with a note and the tag `energy`,
B4 Israel's military, whose article is then purged (an orphan: only its copies remain). The
user has set the status of the Houthi spokesman's claim (unconfirmed, was claimed).
A term that is about claims selects, in the article list, the articles that have such a claim;
`-status:claimed` there means "no claimed claim", in the claims view "not claimed" (see
docs/QUERY.md).
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import SEED_NOW
from tui.core.query import parse_query
from tui.store import bookmarks, manual_status, schema, search, store

RMD, HRY, UAF = "Russia's defence ministry", "Oleh Hryhorov", "Ukraine's air force"
MAYOR, POLICE, MOSCOW = "the city's mayor Ihor Terekhov", "Police", "Moscow"
RGS, UGS = "The Russian general staff", "Ukraine's General Staff"
SAREE = "Houthi military spokesman Yahya Saree"
OPERATOR, US = "The ship's operator", "a US official"
MALI, RESIDENTS, SOURCE = "Mali's army", "Residents", "a military source"
SUMY = {("sumy", RMD), ("sumy", HRY), ("sumy", UAF)}
KHARKIV = {("kharkiv", MAYOR), ("kharkiv", POLICE), ("kharkiv", MOSCOW)}
KUPIANSK = {("kupiansk", RGS), ("kupiansk", UGS)}
HODEIDAH = {("hodeidah", SAREE), ("hodeidah", OPERATOR), ("hodeidah", US)}
B1, B2, B3, B4 = SAREE, MOSCOW, RMD, "Israel's military"

# query: (articles, claims as (article, source), bookmarks by source)
TABLE = {
    "drone": ({"sumy", "timbuktu"}, SUMY | {("timbuktu", MALI)}, {B3}),
    "status:denied": ({"kharkiv", "kupiansk"}, {("kharkiv", MOSCOW), ("kupiansk", UGS)}, {B2}),
    "entity:Kharkiv": ({"kharkiv"}, {("kharkiv", MAYOR)}, set()),
    "entity:Rafah": (set(), set(), set()),
    "tag:ukraine": ({"sumy", "kharkiv", "kupiansk", "tokmak"},
                    SUMY | KHARKIV | KUPIANSK | {("tokmak", SOURCE)}, {B2, B3}),
    "tag:energy": (set(), set(), {B3}),
    'by:"defence ministry"': ({"sumy"}, {("sumy", RMD)}, {B3}),
    "feed:gulf": ({"hodeidah", "doha"}, HODEIDAH, {B1, B4}),
    "is:bookmarked": ({"hodeidah", "kharkiv", "sumy"},
                      {("hodeidah", SAREE), ("kharkiv", MOSCOW), ("sumy", RMD)}, {B1, B2, B3, B4}),
    "-status:claimed tag:ukraine": ({"kharkiv", "kupiansk", "tokmak"},
                                    {("sumy", RMD)} | KHARKIV | KUPIANSK | {("tokmak", SOURCE)},
                                    {B2, B3}),
    "since:2d": ({"sumy", "kharkiv", "hodeidah"}, SUMY | KHARKIV | HODEIDAH, {B1, B2, B3, B4}),
    "lang:uk": (set(), set(), set()),
    "convoy -lang:uk": (set(), set(), {B4}),
    "outlets:>=2": ({"kharkiv", "kupiansk"}, KHARKIV | KUPIANSK, {B2}),
    "is:contested": ({"kharkiv", "kupiansk"}, KHARKIV | KUPIANSK, {B2}),
    "-is:contested tag:ukraine": ({"sumy", "tokmak"}, SUMY | {("tokmak", SOURCE)}, {B3}),
    # the affiliation, or a canonical source that is the side itself ("Moscow" -> Russia)
    "side:russia": ({"sumy", "kharkiv", "kupiansk"},
                    {("sumy", RMD), ("kharkiv", MOSCOW), ("kupiansk", RGS)}, {B2, B3}),
    "-side:russia tag:ukraine": ({"tokmak"},
                                 (SUMY | KHARKIV | KUPIANSK | {("tokmak", SOURCE)})
                                 - {("sumy", RMD), ("kharkiv", MOSCOW), ("kupiansk", RGS)},
                                 set()),
    "side:houthis": ({"hodeidah"}, {("hodeidah", SAREE)}, {B1}),
    # `by:` reads the canonical name too: "Russian Defence Ministry" is written "Russia's ..."
    'by:"russian defence"': ({"sumy"}, {("sumy", RMD)}, {B3}),
    # the user set the Houthi spokesman's status (unconfirmed): it is the status in force
    "is:manual": ({"hodeidah"}, {("hodeidah", SAREE)}, {B1}),
    "status:unconfirmed is:manual": ({"hodeidah"}, {("hodeidah", SAREE)}, {B1}),
    "-status:unconfirmed feed:gulf": ({"doha"}, {("hodeidah", OPERATOR)}, {B4}),
    # spelling variants: the text says "air defence" and "Kharkiv"
    '"air defense"': ({"sumy"}, {("sumy", RMD)}, {B3}),
    "kharkov": ({"kharkiv"}, {("kharkiv", MAYOR)}, {B2}),
}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[sqlite3.Connection, dict[int, str]]:
    from tests.conftest import build_seed_cache

    directory = tmp_path_factory.mktemp("conformance")
    ids = build_seed_cache(directory)
    conn = schema.connect(directory / "cache" / "sitrep.db")

    def mark(key: str, source: str, note: str = "", tags: str = "") -> None:
        claim = conn.execute("SELECT * FROM claims WHERE article_id = ? AND source = ?",
                             (ids[key], source)).fetchone()
        row = store.get_article(conn, ids[key])
        bookmarks.add_bookmark(conn, claim, row, note, tags)

    saree = conn.execute("SELECT * FROM claims WHERE article_id = ? AND source = ?",
                         (ids["hodeidah"], SAREE)).fetchone()
    now_set = manual_status.set_status(conn, ids["hodeidah"], saree["start"],
                                       saree["source_start"], "unconfirmed")
    bookmarks.follow_claim_status(conn, ids["hodeidah"], now_set)
    mark("kharkiv", MOSCOW)
    mark("sumy", RMD, "check the satellite images", "energy")
    mark("rafah", B4)
    with conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (ids["rafah"],))
        # one story of two outlets with a contradiction; every other article alone
        conn.execute("INSERT INTO stories(id, first_seen, last_seen, articles, outlets, "
                     "contested) VALUES ('s1', '', '', 2, 2, 1), ('s2', '', '', 1, 1, 0)")
        for key, story in (("kharkiv", "s1"), ("kupiansk", "s1"), ("sumy", "s2")):
            conn.execute("INSERT INTO story_articles(article_id, story_id, features) "
                         "VALUES (?, ?, '{}')", (ids[key], story))
    return conn, {v: k for k, v in ids.items()}


@pytest.mark.parametrize("text", sorted(TABLE))
def test_a_query_means_the_same_in_every_list(
    cache: tuple[sqlite3.Connection, dict[int, str]], text: str
) -> None:
    conn, keys = cache
    query = parse_query(text, SEED_NOW)
    want_articles, want_claims, want_bookmarks = TABLE[text]
    articles = {keys[r["id"]] for r in search.find_articles(conn, query, limit=100)}
    claims = {(keys[r["article_id"]], r["source"])
              for r in search.find_claims(conn, query.as_type("claim"), limit=100)}
    marked = {r["source"] for r in search.find_bookmarks(conn, query)}
    assert (articles, claims, marked) == (want_articles, want_claims, want_bookmarks)


def test_the_table_covers_every_key_of_the_language() -> None:
    from tui.core.query import KEYS

    used = {t.key for text in TABLE for t in parse_query(text, SEED_NOW).terms}
    pending = {"type", "until"}
    assert set(KEYS) - pending <= used | {"word"}, set(KEYS) - used
