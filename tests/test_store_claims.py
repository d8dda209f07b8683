"""Claims in the store (schema 8): canonical source, side and evidence kept and read back; the
user's status kept apart from the analysis and put back after every new analysis; `by:` and
`side:` on the canonical name and the side; spelling variants in the full-text terms."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.models import Analysis, Article, Claim, Entry, Evidence
from tui.core.query import Term, parse_query
from tui.store import bookmarks, manual_status, reanalysis, schema, search, store
from tui.store import claims as stored_claims
from tui.store.query_sql import fts_expression

URL = "https://wire.example/kupiansk"
TEXT = (
    "The Russian general staff said its troops had captured the village of Petropavlivka. "
    "Ukraine's General Staff denied the claim and said fighting went on."
)


def claim(text: str, sentence: str, source: str, cue: str, content: str, status: str,
          evidence: tuple[Evidence, ...] = (), canonical: str = "", side: str = "") -> Claim:
    start = text.index(sentence)
    source_start, cue_start = text.index(source, start), text.index(cue, start)
    content_start = text.index(content, start)
    return Claim(start, start + len(sentence), sentence, source, source_start,
                 source_start + len(source), cue, cue_start, cue_start + len(cue), content_start,
                 content_start + len(content), "reported", status, evidence, canonical, side)


def analysis_of(text: str) -> Analysis:
    """The two claims of *text* as the analyzer gives them (the denial after the claim)."""
    first = text.index("The Russian")
    sentence = text[first:text.index(".", first) + 1]
    second = text.index("Ukraine's General Staff")
    reply = text[second:text.index(".", second) + 1]
    denial = text.index("denied the claim")
    return Analysis((
        claim(text, sentence, "The Russian general staff", "said",
              "its troops had captured the village of Petropavlivka", "disputed",
              (Evidence(second, second + len("Ukraine's General Staff denied the claim"),
                        "dispute", "Ukrainian General Staff"),),
              "Russian General Staff", "Russia"),
        claim(text, reply, "Ukraine's General Staff", "denied", "the claim", "denied",
              (Evidence(denial, denial + len("denied the claim"), "denial",
                        "Ukrainian General Staff"),),
              "Ukrainian General Staff", "Ukraine"),
    ), (), True, "6")


def save(conn: sqlite3.Connection, text: str, url: str = URL) -> int:
    feed_id = store.sync_feeds(conn, [("https://wire.example/rss", "Wire", ("ukraine",))])[
        "https://wire.example/rss"]
    store.save_entries(conn, feed_id, [Entry(url, url, "Village captured, Kyiv denies")],
                       full_text=True)
    article_id = conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()[0]
    store.save_analysis(conn, article_id, Article(url, text), analysis_of(text))
    return int(article_id)


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = schema.connect(tmp_path / "sitrep.db")
    yield connection
    connection.close()


def statuses(conn: sqlite3.Connection, article_id: int) -> list[tuple[str, str | None]]:
    return [(c["status"], c["analysis_status"]) for c in store.claims_for(conn, article_id)]


# ── kept and read back ───────────────────────────────────────────────────────────────────────


def test_claims_come_back_whole_with_evidence_canonical_source_and_side(conn) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    read = [stored_claims.claim_of(row) for row in store.claims_for(conn, article_id)]
    assert tuple(read) == analysis_of(TEXT).claims
    shown = stored_claims.read_claims(conn, article_id)
    assert shown[0]["evidence"][0].by == "Ukrainian General Staff"
    assert (shown[0]["manual"], shown[0]["analysis_status"]) == (False, "disputed")


def test_preview_gives_the_content_and_each_evidence_text(conn) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    first = store.claims_for(conn, article_id)[0]
    found = stored_claims.preview(conn, first["id"])
    assert found is not None
    assert found["content"] == "its troops had captured the village of Petropavlivka"
    assert found["evidence_text"] == ["Ukraine's General Staff denied the claim"]


def test_a_damaged_evidence_value_reads_as_none() -> None:
    assert stored_claims.evidence_of("not json") == ()
    assert stored_claims.evidence_of('[{"start": 1, "end": 4, "kind": "rumour"}]') == ()
    assert stored_claims.evidence_of(None) == ()


def test_schema_8_keeps_old_claims_and_reprocess_redoes_them(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.row_factory = sqlite3.Row
    schema.migrate(old, path, 0, schema.MIGRATIONS[:6])  # connect() migrates to 7, then 8
    old.execute("INSERT INTO feeds(url, name) VALUES ('https://w.example/rss', 'W')")
    old.execute("INSERT INTO articles(feed_id, guid, url, fetched, sort_ts, state, raw_html, "
                "analyzer_version, text) VALUES (1, 'g', 'https://w.example/a', '2026-03-01', "
                "'2026-03-01', 'analyzed', x'00', '6', 'Kyiv said the bridge stood.')")
    old.execute('INSERT INTO claims(article_id, start, "end", text, source, source_start, '
                "source_end, cue, cue_start, cue_end, content_start, content_end, quote, status)"
                " VALUES (1, 0, 27, 'Kyiv said the bridge stood.', 'Kyiv', 0, 4, 'said', 5, 9,"
                " 10, 26, 'reported', 'claimed')")
    old.execute("INSERT INTO bookmarks(claim_key, claim_text, source, status, created, updated)"
                " VALUES ('k', 'Kyiv said the bridge stood.', 'Kyiv', 'claimed', 'now', 'now')")
    old.commit()
    old.close()
    conn = schema.connect(path)
    row = conn.execute("SELECT * FROM claims").fetchone()
    assert (row["source_canonical"], row["affiliation"], row["evidence"]) == ("", "", None)
    assert row["analysis_status"] is None
    assert stored_claims.read_claims(conn, 1)[0]["evidence"] == ()
    assert bookmarks.get_bookmark(conn, 1)["status_manual"] is None  # as made: not known
    # analysed by analyzer 6 before the store kept what it says: redone all the same
    assert reanalysis.requeue_articles(conn, version="6") == 1
    conn.close()


# ── the user's status ────────────────────────────────────────────────────────────────────────


def test_a_status_set_by_hand_is_in_force_and_the_analysis_kept(conn) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    first = store.claims_for(conn, article_id)[0]
    row = manual_status.set_status(conn, article_id, first["start"], first["source_start"],
                                   "confirmed")
    assert row is not None and (row["status"], row["analysis_status"]) == ("confirmed", "disputed")
    assert statuses(conn, article_id) == [("confirmed", "disputed"), ("denied", None)]
    claims = search.find_claims(conn, parse_query("type:claim status:confirmed"))
    assert [c["source"] for c in claims] == ["The Russian general staff"]
    assert search.find_claims(conn, parse_query("type:claim status:disputed")) == []
    back = manual_status.set_status(conn, article_id, first["start"], first["source_start"], None)
    assert back is not None and (back["status"], back["analysis_status"]) == ("disputed", None)
    assert manual_status.count_manual(conn) == 0
    with pytest.raises(ValueError):
        manual_status.set_status(conn, article_id, first["start"], first["source_start"], "maybe")


def test_the_users_status_survives_a_new_analysis_whose_spans_moved(conn) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    first = store.claims_for(conn, article_id)[0]
    manual_status.set_status(conn, article_id, first["start"], first["source_start"], "denied")
    # the same page analysed again: the same claims, new rows
    store.save_analysis(conn, article_id, Article(URL, TEXT), analysis_of(TEXT))
    assert statuses(conn, article_id) == [("denied", "disputed"), ("denied", None)]
    # a newer extraction keeps a dateline: every offset moves and the first sentence gains words
    moved = "KYIV (Wire) - " + TEXT
    store.save_analysis(conn, article_id, Article(URL, moved), analysis_of(moved))
    assert statuses(conn, article_id) == [("denied", "disputed"), ("denied", None)]
    # then the content span changes but the sentence stays: the key followed the last match
    narrower = analysis_of(moved)
    first_claim = narrower.claims[0]
    shorter = replace(first_claim, content_end=first_claim.content_end - len(" of Petropavlivka"))
    store.save_analysis(conn, article_id, Article(URL, moved),
                        replace(narrower, claims=(shorter, narrower.claims[1])))
    assert statuses(conn, article_id)[0] == ("denied", "disputed")


def test_another_source_saying_the_same_words_does_not_take_the_status(conn) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    first = store.claims_for(conn, article_id)[0]
    manual_status.set_status(conn, article_id, first["start"], first["source_start"], "denied")
    other = analysis_of(TEXT)
    renamed = replace(other.claims[0], source_canonical="Wagner Group", source="Wagner")
    store.save_analysis(conn, article_id, Article(URL, TEXT),
                        replace(other, claims=(renamed, other.claims[1])))
    assert statuses(conn, article_id)[0] == ("disputed", None)


def test_the_users_status_survives_a_purge_and_a_new_fetch(conn) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    second = store.claims_for(conn, article_id)[1]
    manual_status.set_status(conn, article_id, second["start"], second["source_start"],
                             "unconfirmed")
    with conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    again = save(conn, TEXT)
    assert again != article_id or store.claims_for(conn, again)
    assert statuses(conn, again)[1] == ("unconfirmed", "denied")


def test_the_bookmark_copies_the_users_status(conn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    first = store.claims_for(conn, article_id)[0]
    bookmarks.add_bookmark(conn, first, store.get_article(conn, article_id))
    row = manual_status.set_status(conn, article_id, first["start"], first["source_start"],
                                   "confirmed")
    record = bookmarks.follow_claim_status(conn, article_id, row)
    assert record is not None and (record["status"], record["status_manual"]) == ("confirmed", 1)
    assert (record["source_canonical"], record["affiliation"]) == ("Russian General Staff",
                                                                   "Russia")
    back = manual_status.set_status(conn, article_id, first["start"], first["source_start"], None)
    record = bookmarks.follow_claim_status(conn, article_id, back)
    assert record is not None and (record["status"], record["status_manual"]) == ("disputed", 0)


# ── search ───────────────────────────────────────────────────────────────────────────────────


def test_by_and_side_read_the_canonical_name_and_the_side(conn) -> None:  # type: ignore[no-untyped-def]
    save(conn, TEXT)

    def sources(text: str) -> list[str]:
        return [c["source"] for c in search.find_claims(conn, parse_query("type:claim " + text))]

    assert sources('by:"russian general"') == ["The Russian general staff"]  # canonical only
    assert sources("by:general") == ["The Russian general staff", "Ukraine's General Staff"]
    assert sources("side:ukr") == ["Ukraine's General Staff"]
    assert sources("-side:ukraine") == ["The Russian general staff"]
    assert sources("side:x") == sources("")  # one letter: skipped, like one-letter words


def test_claim_json_carries_the_evidence_side_and_the_users_status(conn) -> None:  # type: ignore[no-untyped-def]
    article_id = save(conn, TEXT)
    first = store.claims_for(conn, article_id)[0]
    manual_status.set_status(conn, article_id, first["start"], first["source_start"], "denied")
    rows = search.search(conn, parse_query("type:claim side:russia"))
    assert len(rows) == 1
    found = rows[0]
    assert (found["source_canonical"], found["affiliation"]) == ("Russian General Staff",
                                                                  "Russia")
    assert (found["status"], found["status_manual"], found["analysis_status"]) == (
        "denied", True, "disputed")
    start = TEXT.index("Ukraine's General Staff")
    assert found["status_evidence"] == [{"start": start, "end": start + 40, "kind": "dispute",
                                         "by": "Ukrainian General Staff"}]


@pytest.mark.parametrize(("term", "expression"), [
    (Term("word", "Kyiv"), '("Kyiv"* OR "Kiev"*)'),
    (Term("word", "drone"), '"drone"*'),
    (Term("phrase", "air defence"), '("air defence" OR "air defense")'),
    (Term("phrase", "Kharkov region"), '("Kharkov region" OR "Kharkiv region")'),
    (Term("word", "x"), ""),
])
def test_words_and_phrases_widen_to_their_spelling_variants(term: Term, expression: str) -> None:
    assert fts_expression([term]) == expression


def test_a_spelling_variant_finds_articles_claims_and_bookmarks(conn) -> None:  # type: ignore[no-untyped-def]
    text = "Kiev said air defenses shot down 12 drones over the capital overnight."
    feed_id = store.sync_feeds(conn, [("https://w.example/rss", "W", ())])["https://w.example/rss"]
    store.save_entries(conn, feed_id, [Entry("g", "https://w.example/a", "Drones over Kiev")],
                       full_text=True)
    article_id = conn.execute("SELECT id FROM articles").fetchone()[0]
    said = claim(text, text, "Kiev", "said", "air defenses shot down 12 drones over the capital "
                 "overnight", "claimed", canonical="Ukraine", side="Ukraine")
    store.save_analysis(conn, article_id, Article("https://w.example/a", text),
                        Analysis((said,), (), True, "6"))
    bookmarks.add_bookmark(conn, store.claims_for(conn, article_id)[0],
                           store.get_article(conn, article_id))
    for text_query in ('kyiv "air defences"', "KYIV"):
        query = parse_query(text_query)
        assert len(search.find_articles(conn, query)) == 1, text_query
        assert len(search.find_claims(conn, query.as_type("claim"))) == 1, text_query
        assert len(search.find_bookmarks(conn, query)) == 1, text_query


def test_evidence_reads_the_lists_of_schema_12_and_the_objects_before() -> None:
    kept = (Evidence(3, 9, "denial", "the ministry"), Evidence(12, 20, "dispute", ""))
    written = stored_claims.evidence_json(kept)
    assert written == '[[3,9,"denial","the ministry"],[12,20,"dispute",""]]'
    assert stored_claims.evidence_of(written) == kept
    before = ('[{"start":3,"end":9,"kind":"denial","by":"the ministry"},'
              '{"start":12,"end":20,"kind":"dispute"}]')
    assert stored_claims.evidence_of(before) == kept
    assert stored_claims.evidence_of('[[1, 2, "rumour", ""], [1, "x", "denial"], 5]') == ()
