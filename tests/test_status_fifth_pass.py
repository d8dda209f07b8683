"""Issue 14, fifth pass (status10): each family kept, with invented sentences (docs/CLAIMS.md).

The real analyzer runs on every case (model, entity rules, claims finder); people and groups
are invented, countries and places real so that sides can be read. Every case here came out
otherwise before the pass (a wrong "confirmed" first: issue 14's worst error).
"""

from __future__ import annotations

import pytest

from tests.claim_helpers import one, wire_result


def test_a_confirmation_is_about_what_its_verb_governs(find):
    text = (
        "Nigeria's army said on Monday it had retaken the town of Gubio from the insurgents. The "
        "army said fighting was continuing in villages north of the town. A spokesman for the UN "
        "mission, Musa Danjuma, confirmed the army had retaken the town but said fighting was "
        "continuing nearby."
    )
    found = find(text)
    assert one(found, "said", "army", "retaken").status == "confirmed"
    assert one(found, "said", "army", "fighting").status == "claimed"


def test_verifying_a_statement_authenticates_it(find):
    text = (
        "The Islamic State group said its fighters had killed seven soldiers at an army post "
        "near Diffa. The statement was verified on Sunday by a US group that monitors jihadist "
        "media."
    )
    claim = one(find(text), "said", "Islamic State")
    assert claim.status == "claimed", claim.evidence


def test_a_remark_that_something_was_not_confirmed_is_nothing_to_confirm(find):
    text = (
        "A PDF officer told reporters that two rockets had hit the base of an army battalion near "
        "Loikaw, adding that the extent of the damage was not confirmed. Three residents of the "
        "area confirmed that the attack took place in the way the officer described."
    )
    found = find(text)
    assert one(found, "told", "PDF").status == "confirmed"
    assert one(found, "adding", "PDF").status == "claimed"


def test_rejecting_a_that_clause_denies_it(find):
    text = (
        "The rebels said on Tuesday they had captured the town of Kidal after two days of "
        "fighting. A regional official disputed that the town had fallen to the rebels."
    )
    found = find(text)
    assert one(found, "disputed").status == "denied"
    assert one(found, "said", "rebels").status == "disputed"


def test_a_remark_on_a_report_with_no_source_is_about_that_report(find):
    text = (
        "The army said it had killed 12 militants in an operation near Gao. A local commander "
        "was said to have been wounded in the clash, but the newspaper could not confirm this "
        "account."
    )
    claim = one(find(text), "said", "army")
    assert claim.status == "claimed", claim.evidence


def test_a_claim_that_adds_also_shares_the_dispute_of_its_account(find):
    text = (
        "Chad's army on Monday denied that the Free Valley Front had overrun any of its posts. "
        "The Free Valley Front said its fighters overran an army post near Bol on Sunday. "
        "According to the Free Valley Front, two armoured vehicles were also destroyed."
    )
    found = find(text)
    assert one(found, "said", "Free Valley").status == "disputed"
    assert one(found, "According to").status == "disputed"


def test_there_was_no_such_attack_denies_the_attack(find):
    text = (
        "The rebels said they had attacked an army base near Kidal on Sunday. According to the "
        "regional governor, there was no such attack."
    )
    found = find(text)
    assert one(found, "According to").status == "denied"
    assert one(found, "said", "rebels").status == "disputed"


def test_debunking_a_publication_is_a_denial(find):
    text = (
        "The state government debunked a publication circulated on social media that gunmen had "
        "attacked a military base near Jaji."
    )
    assert one(find(text), "debunked").status == "denied"


def test_saying_the_dead_were_not_militants_denies_it(find):
    text = (
        "The army said its troops had killed 20 militants near Maiduguri on Sunday. The group "
        "said the 20 people killed were not members of the sect."
    )
    found = find(text)
    assert one(found, "said", "group").status == "denied"
    assert one(found, "said", "army").status == "disputed"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (
            "Pakistani army spokesman Major Tariq Mehmood said troops had killed four militants "
            "near Wana.",
            "Tariq Mehmood",
        ),
        (
            "A late-evening statement by the Russian defence ministry said air defences had "
            "downed 14 drones over the Belgorod region.",
            "Russian Defence Ministry",
        ),
        (
            "At least 40 people have been killed in the fighting since Friday, according to an "
            "AFP tally.",
            "AFP",
        ),
    ],
)
def test_sources_rank_statement_by_and_tally(find, text, canonical):
    (claim,) = find(text)
    assert claim.source_canonical == canonical


def test_congo_after_the_democratic_republic_of_congo_is_the_dr_congo(find):
    text = (
        "The Democratic Republic of Congo's army said on Tuesday it had retaken the town of "
        "Masisi. Congo army spokesman Jean Mbala said the rebels had fled north."
    )
    claim = one(find(text), "said", "Mbala")
    assert claim.affiliation == "Democratic Republic of the Congo"


def test_wire3_floors():
    """wire3 (14 real reports, the fourth pass's validation set, development data since the
    fifth): floors close to what the fifth pass reached (claim F1 0.929, status 0.725,
    "confirmed" 2 of 2 right, canonical 0.835, affiliation 0.692; bench/README.md, "Claims:
    fifth pass"). The texts live outside the repository: skipped unless all 14 are there."""
    result = wire_result("wire3")
    assert result.f1 >= 0.92
    assert result.share(result.status_ok) >= 0.75  # 0.747 after the eighth, 0.758 tenth
    assert result.share(result.confirmed_right, result.confirmed_predicted) >= 0.95
    assert result.share(result.canonical_ok) >= 0.84  # 0.846 after the sixth pass
    assert result.share(result.affiliation_ok) >= 0.69  # 0.703 after the seventh pass


def test_a_party_said_to_have_verified_its_own_toll_does_not_confirm_it(find):
    """The confirming party is the claim's own source, named by its initials inside another
    claim's content: no corroboration (remarks._names_source). An independent body in the same
    place does corroborate."""
    toll = (
        "An air strike on a school in Kadugli killed seven pupils on Monday, the United Nations "
        "Children's Fund said. Its spokeswoman, Marta Ilunga, said UNICEF had verified the "
        "deaths with teachers at the school."
    )
    assert one(find(toll), "said", "Children").status != "confirmed"
    other = toll.replace("said UNICEF had verified", "said Amnesty International had verified")
    assert one(find(other), "said", "Children").status == "confirmed"


def test_lying_somewhere_is_no_falsehood(find):
    """"Lying in corridors", "lies 20 km north": where someone or something lies is no verdict
    of falsity (disputes._WHERE); "the army is lying" still is."""
    text = (
        "A doctor at the hospital in Kadugli said its 40 beds were holding 90 patients, some of "
        "them lying in corridors. A local official said the camp, which lies 20 km north of the "
        "town, had received 3,000 people."
    )
    found = find(text)
    assert one(found, "said", "doctor").status == "claimed"
    assert one(found, "said", "official").status == "claimed"
    lie = "The rebels said the army had shelled the camp. The army said the rebels were lying."
    assert one(find(lie), "said", "army").status == "denied"
