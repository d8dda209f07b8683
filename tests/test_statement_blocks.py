"""A statement printed whole under a line naming who issued it (analyze/blocks.py): each
sentence of the quoted block is a claim of the issuer, its source and cue in the header."""

from __future__ import annotations

import pytest

from tui.core.models import Claim
from tui.pipeline.analyze import claims, entities, model


@pytest.fixture(scope="module")
def find():
    nlp = model.get_nlp()

    def run(text: str) -> tuple[Claim, ...]:
        doc = nlp(text)
        return claims.find_claims(doc, entities.find_entities(doc, text), text)

    return run


def content(text: str, claim: Claim) -> str:
    return text[claim.content_start : claim.content_end]


TITLED = (
    "Statement by the General Staff of the Chadian army, published on 3 June.\n\n"
    '"On the night of 2 June, armed bandits attacked our post at the river crossing. Our '
    'forces repelled them and killed nine assailants. Reports that the post has fallen are '
    'false."\n\n'
    "The rebel movement said its fighters had taken the post."
)


def test_each_sentence_of_a_titled_block_is_the_issuer_s_claim(find):
    found = find(TITLED)
    block = [c for c in found if c.cue == "Statement"]
    assert [content(TITLED, c) for c in block] == [
        "On the night of 2 June, armed bandits attacked our post at the river crossing.",
        "Our forces repelled them and killed nine assailants.",
        "Reports that the post has fallen are false.",
    ]
    for c in block:
        assert TITLED[c.source_start : c.source_end] == "the General Staff of the Chadian army"
        assert c.source_end <= c.cue_start or c.cue_end <= c.source_start
        assert c.cue_end <= c.start  # the cue is in the header, the claim is the block's sentence
        assert c.text == TITLED[c.start : c.end]
        assert c.start <= c.content_start < c.content_end <= c.end
    assert block[-1].status == "denied"
    assert [c.cue for c in found][-1] == "said"  # the rebels' claim after the block stays


def test_the_following_statement_gives_way_to_its_block(find):
    text = (
        "The separatist council issued the following statement on Monday.\n\n"
        '"Our units hold every village of the valley. No civilian was harmed."'
    )
    found = find(text)
    assert [content(text, c) for c in found] == [
        "Our units hold every village of the valley.",
        "No civilian was harmed.",
    ]
    assert {c.cue for c in found} == {"issued"}


def test_a_quoted_paragraph_without_a_header_naming_an_issuer_is_no_block(find):
    text = (
        "Heavy fighting went on near the dam overnight.\n\n"
        '"We could hear the shelling all night. Nobody slept."'
    )
    assert find(text) == ()


def test_a_block_claim_is_stored_and_read_back_whole(find, tmp_path) -> None:
    from tui.core.models import Analysis, Article, Entry
    from tui.store import claims as stored_claims
    from tui.store import schema, store

    found = find(TITLED)
    conn = schema.connect(tmp_path / "sitrep.db")
    try:
        feed = store.sync_feeds(conn, [("https://w.example/rss", "W", ())])["https://w.example/rss"]
        url = "https://w.example/statement"
        store.save_entries(conn, feed, [Entry(url, url, "Statement")], full_text=True)
        article_id = conn.execute("SELECT id FROM articles").fetchone()[0]
        store.save_analysis(conn, article_id, Article(url, TITLED), Analysis(found, (), True, "t"))
        read = [stored_claims.claim_of(row) for row in store.claims_for(conn, article_id)]
        assert [(c.start, c.cue_start, c.source_start, c.content_start) for c in read] == [
            (c.start, c.cue_start, c.source_start, c.content_start) for c in found
        ]
        assert [c.cue for c in read].count("Statement") == 3
    finally:
        conn.close()
