"""The nineteenth stories pass: one statement of a speaker told by outlets in other words.

When a part cue sits near every count of a quantity ("Nine civilians, among them two farmers,
were killed"), the largest is the whole and the others its parts; "two dozen", "several dozen"
and "a few hundred" are amounts; a claim that meets two rows of its speaker by counts of two
quantities ("six killed and 15 wounded" / "six died" / "15 were wounded") joins them: the
speaker's one toll. Measured in bench/README.md ("Stories, nineteenth pass"); docs/STORIES.md
sections 3 and 5. The articles are ours.
"""

from __future__ import annotations

from tests.story_builders import article
from tui.pipeline.stories.amounts import amounts_in
from tui.pipeline.stories.ledger import build_ledger
from tui.pipeline.stories.statements import similarity, statement_keys


def _said(ident: str, hours: float, feed: str, sentence: str, source: str, content: str):  # type: ignore[no-untyped-def]
    return article(ident, "Raid on a village", sentence, hours=hours, feed=feed,
                   claims=((sentence, source, content),))  # fmt: skip


def _keys(ident: str, sentence: str, content: str):  # type: ignore[no-untyped-def]
    one = _said(ident, 0, "Meridian Wire", sentence, "rights group", content)
    return statement_keys(content, sentence.index(content), one)


def test_the_largest_of_counts_all_read_as_parts_is_their_whole() -> None:
    whole = _keys(
        "w-1",
        "Eleven villagers, among them three herders and a teacher, were killed, the rights "
        "group said.",
        "Eleven villagers, among them three herders and a teacher, were killed",
    )
    plain = _keys("w-2", "The rights group said 11 people died.", "11 people died")
    other = _keys("w-3", "The rights group said 14 people died.", "14 people died")
    assert similarity(plain, [whole], {}, 0.3) == 1.0  # three herders: a part of the eleven
    assert similarity(whole, [plain], {}, 0.3) == 1.0
    assert similarity(other, [whole], {}, 0.3) == 0.0  # a toll of 14 stays another toll
    both = _keys(
        "w-4",
        "The rights group said three children were among 11 people killed.",
        "three children were among 11 people killed",
    )
    assert similarity(plain, [both], {}, 0.3) == 1.0


def _counted(text: str) -> list[tuple[str, int, int]]:
    return [(a.what, a.low, a.high) for a in amounts_in(text, 0, len(text))]


def test_dozens_and_hundreds_by_their_multiples_and_vague_words() -> None:
    assert _counted("troops killed some two dozen fighters") == [("killed", 24, 24)]
    assert _counted("troops killed several dozen fighters") == [("killed", 24, 99)]
    assert _counted("a few dozen fighters were killed") == [("killed", 24, 99)]
    assert _counted("several hundred families were displaced") == [("displaced", 200, 999)]
    assert _counted("dozens of fighters were killed") == [("killed", 24, 99)]
    assert _counted("a dozen soldiers died") == [("killed", 12, 12)]
    assert _counted("several were wounded") == []


def test_a_toll_of_two_quantities_joins_the_rows_of_each() -> None:
    source = "county health office"
    died = _said("t-1", 0, "Meridian Wire", "Six people died, the county health office said.",
                 source, "Six people died")  # fmt: skip
    hurt = _said("t-2", 1, "Harbour Post", "The county health office said 15 were wounded.",
                 source, "15 were wounded")  # fmt: skip
    both = _said(
        "t-3", 2, "Northline News",
        "The county health office said six people were killed and 15 wounded.",
        source, "six people were killed and 15 wounded",
    )  # fmt: skip
    rows = build_ledger("s", [died, hurt, both])
    assert len(rows) == 1
    assert rows[0].outlets == ("Meridian Wire", "Harbour Post", "Northline News")
    later = _said("t-4", 3, "Harbour Post", "The county health office said nine people died.",
                  source, "nine people died")  # fmt: skip
    assert len(build_ledger("s", [died, hurt, both, later])) == 2  # an update: a row of its own


def test_two_rows_of_one_count_are_not_joined_by_a_claim_giving_it() -> None:
    source = "county health office"
    one = _said("u-1", 0, "Meridian Wire", "Six people died, the county health office said.",
                source, "Six people died")  # fmt: skip
    two = _said("u-2", 1, "Harbour Post",
                "The county health office said the market was hit and six were killed.",
                source, "the market was hit and six were killed")  # fmt: skip
    rows = build_ledger("s", [one, two])
    assert len(rows) == 1  # one count of one quantity: one statement, as before
