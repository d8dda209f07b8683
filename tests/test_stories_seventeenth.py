"""The seventeenth stories pass: one claim sentence of two statements is two mentions, a day
of the month is no count, and armed men after a noun of the act are its authors.

Each rule is a fact of the language, measured in bench/README.md ("Stories, seventeenth
pass"); docs/STORIES.md sections 3 and 4. The articles are ours.
"""

from __future__ import annotations

from tests.story_builders import article
from tui.pipeline.stories.amounts import amounts_in
from tui.pipeline.stories.ledger import build_ledger
from tui.pipeline.stories.poles import pole, what_was_hit
from tui.pipeline.stories.statements import statement_spans
from tui.pipeline.stories.words import negated_keys


def test_a_claim_of_two_that_clauses_is_two_statements() -> None:
    text = "the relief agency said gunmen had seized two clinics and that 900 people had fled"
    content = text[len("the relief agency said ") :]
    at = len("the relief agency said ")
    spans = statement_spans(content, at)
    assert [t for t, _ in spans] == ["gunmen had seized two clinics", "900 people had fled"]
    assert [text[lo : lo + len(t)] for t, lo in spans] == [t for t, _ in spans]
    # too short a side to say anything: one statement
    assert len(statement_spans("it did and that was all", 0)) == 1
    assert len(statement_spans("the strike hit a depot", 0)) == 1


def test_each_statement_joins_its_own_row_across_outlets() -> None:
    one = article(
        "a-1",
        "Gunmen seize clinics in camp",
        "The relief agency said gunmen had seized two clinics in the camp and that about 900 "
        "people had fled to a school.",
        claims=(
            (
                "The relief agency said gunmen had seized two clinics in the camp and that about "
                "900 people had fled to a school.",
                "The relief agency",
                "gunmen had seized two clinics in the camp and that about 900 people had fled to "
                "a school",
            ),
        ),
    )
    two = article(
        "b-1",
        "Hundreds flee camp fighting",
        "About 900 people have fled the camp, the relief agency said.",
        hours=3,
        feed="Harbour Post",
        claims=(
            (
                "About 900 people have fled the camp, the relief agency said.",
                "the relief agency",
                "About 900 people have fled the camp",
            ),
        ),
    )
    rows = build_ledger("s", [one, two])
    fled = [r for r in rows if len(r.outlets) == 2]
    assert len(rows) == 2 and len(fled) == 1
    assert {m.content.strip() for m in fled[0].mentions} == {
        "about 900 people had fled to a school",
        "About 900 people have fled the camp",
    }
    seized = next(r for r in rows if r is not fled[0])
    assert seized.text == "gunmen had seized two clinics in the camp"


def _counts(text: str) -> list[tuple[str, int]]:
    return [(a.what, a.low) for a in amounts_in(text, 0, len(text))]


def test_a_day_of_the_month_is_no_count() -> None:
    assert _counts("31 people were killed in the ambush on 8 May") == [("killed", 31)]
    assert _counts("killed 5 on November 3, officials said") == [("killed", 5)]
    assert _counts("on 12 Sept. 4 soldiers were killed") == [("killed", 4)]
    assert _counts("In March 12 people were killed") == [("killed", 12)]  # a count after all
    assert _counts("at least 23 may have died") == [("killed", 23)]  # "may", no month


def _hit(text: str) -> int:
    return pole(what_was_hit(text, frozenset(negated_keys(text))), 1)


def test_armed_men_after_a_noun_of_the_act_are_its_authors() -> None:
    assert _hit("the attack was the work of separatist militants") == 0
    assert _hit("20 bodies were brought in after gunmen attacked the bus") == 0
    assert _hit("the killing of five fighters in the raid") == 1  # its object: hit
    assert _hit("an attack on militants in the hills") == 1
    assert _hit("the strike killed seven militants") == 1  # a verb: hit


def test_a_possessive_describes_as_the_plain_word_does() -> None:
    named = article(
        "n-1",
        "Clinic hit in night raid",
        "Five patients were killed, the administration's spokesman, Amara Fode, said.",
        claims=(
            (
                "Five patients were killed, the administration's spokesman, Amara Fode, said.",
                "the administration's spokesman, Amara Fode",
                "Five patients were killed",
            ),
        ),
        named=(("Amara Fode", "PERSON"),),
    )
    described = article(
        "d-1",
        "Raid on clinic kills patients",
        "The district administration said five patients had died in the raid.",
        hours=2,
        feed="Harbour Post",
        claims=(
            (
                "The district administration said five patients had died in the raid.",
                "The district administration",
                "five patients had died in the raid",
            ),
        ),
    )
    rows = build_ledger("s", [named, described])
    assert len(rows) == 1 and rows[0].source == "Amara Fode"  # "administration'" had not met it
    assert rows[0].outlets == ("Meridian Wire", "Harbour Post")


def test_a_quotation_of_two_sentences_is_two_statements() -> None:
    said = "There was no army post in that street. It was a family having dinner"
    assert [t for t, _ in statement_spans(said, 0)] == [
        "There was no army post in that street.",
        "It was a family having dinner",
    ]
    assert len(statement_spans("the U.S. Army had struck two sites", 0)) == 1  # an initial
    assert len(statement_spans("a strike killed Col. Ahmed Diarra and two guards", 0)) == 1
