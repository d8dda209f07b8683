"""Issue 14, fourth pass (status9): each family kept, with invented sentences (docs/CLAIMS.md).

The real analyzer runs on every case (model, entity rules, claims finder); the names of people
and groups are invented, the countries and places real so that sides can be read.
"""

from __future__ import annotations

from tests.claim_helpers import one
from tui.pipeline.analyze import claims, entities, model

LEDE = (
    "Chad's army on Monday dismissed claims by the Western Highlands Front to have killed 14 "
    "soldiers in an ambush near Bol. The Western Highlands Front said on Sunday that its "
    "fighters had killed 14 soldiers near Bol and seized two trucks."
)


def test_a_denial_that_opens_the_story_answers_the_claim_reported_after_it(find):
    found = find(LEDE)
    front = one(found, "said", "Western Highlands Front")
    assert front.status == "disputed", [(c.source, c.status) for c in found]
    assert [e.kind for e in front.evidence] == ["dispute"]
    assert one(found, "dismissed").status == "denied"


def test_a_witness_of_no_side_is_not_answered_by_a_denial_before_it():
    """The rules (lede.py) leave the witness claimed. The learned contest detector, which comes
    after every rule (contest.py; the tenth pass), disputes it with the army's denial as its
    evidence, as the wire annotations mostly read such a pair."""
    text = (
        "Chad's army on Monday denied that its soldiers had been killed near Bol. Residents of "
        "Bol said 14 soldiers had been killed near the market and their bodies taken away."
    )
    doc = model.get_nlp()(text)
    found = entities.find_entities(doc, text)
    residents = one(claims.find_claims(doc, found, text, learned=False), "said", "Residents")
    assert residents.status == "claimed", residents.evidence
    learned = one(claims.find_claims(doc, found, text), "said", "Residents")
    assert learned.status == "disputed"
    assert [(e.start, e.kind) for e in learned.evidence] == [(0, "dispute")]


def test_what_a_strike_hit_set_against_each_other(find):
    text = (
        "Turkey's defence ministry said its aircraft struck militant hideouts near Zakho. The "
        "Kurdistan Regional Government said the strikes had hit a market and killed three "
        "civilians."
    )
    found = find(text)
    assert one(found, "said", "Turkey").status == "disputed"
    assert one(found, "said", "Kurdistan").status == "disputed"


def test_a_house_is_no_civilian_target_against_a_cell(find):
    text = (
        "The health ministry in Gaza said 12 people were killed in an Israeli strike on a house "
        "in Jabalia. The Israeli military said it had struck a Hamas terrorist cell."
    )
    found = find(text)
    assert one(found, "said", "health ministry").status == "claimed"


def test_forged_record_words_and_an_adjective_lie_deny(find):
    for content in ("the video was doctored", "the figure is a blatant lie"):
        text = f"Mali's army said on Tuesday that {content}."
        claim = one(find(text), "said")
        assert claim.status == "denied", (content, claim.evidence)


def test_a_force_spelled_with_a_space_or_a_hyphen_is_one_name(find):
    text = "Al Shabaab claimed the attack on Tuesday, the group said in a statement."
    found = find(text)
    assert {(c.source_canonical, c.affiliation) for c in found} == {("al-Shabab", "al-Shabab")}


def test_a_description_beside_a_name_and_the_groups_spokesman(find):
    text = (
        "Al-Shabaab, the Somalia-based jihadist group, claimed its fighters overran a base near "
        "Jowhar. The group also claimed it seized weapons. Abdi Warsame, the group's military "
        "operations spokesman, said 20 soldiers were killed."
    )
    found = find(text)
    claimed = [(c.source_canonical, c.affiliation) for c in found if c.cue == "claimed"]
    assert claimed == [("al-Shabab", "al-Shabab")] * 2, claimed  # "The group" is al-Shabab
    spokesman = one(found, "said")
    assert spokesman.affiliation == "al-Shabab"


def test_the_report_after_a_cnn_report(find):
    text = (
        "The Taliban on Wednesday dismissed a CNN report on the killing of prisoners near "
        "Kunduz. The report said the men had surrendered before they were shot."
    )
    report = one(find(text), "said")
    assert report.source_canonical == "CNN", report.source


def test_a_rank_speaks_for_the_army_and_an_apposition_after_a_quotation(find):
    text = (
        "Nigerian troops repelled an attack on a base in Borno state, the army said. Major Musa "
        'Danjuma told reporters the base was secure. "We lost no one," the commander of '
        "Nigeria's special forces, General Ibrahim Audu said."
    )
    found = find(text)
    assert one(found, "told", "Danjuma").affiliation == "Nigeria"
    assert one(found, "said", "Audu").affiliation == "Nigeria"
