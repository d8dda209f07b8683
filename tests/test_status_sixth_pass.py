"""Issue 14, sixth pass (status11): each family kept, with invented sentences (docs/CLAIMS.md).

The real analyzer runs on every case (model, entity rules, claims finder); people and groups
are invented, countries and places real so that sides can be read. Every case here came out
otherwise before the pass.
"""

from __future__ import annotations

from tests.claim_helpers import one, wire_result


def test_a_bare_army_is_the_armed_forces_of_the_country(find):
    text = (
        "Fighting broke out near the Nigerian town of Damboa on Sunday. The army said its troops "
        "had killed 12 insurgents in the clash."
    )
    claim = one(find(text), "said", "army")
    assert (claim.source_canonical, claim.affiliation) == ("Nigerian Armed Forces", "Nigeria")


def test_no_fighting_answers_any_word_for_an_armed_encounter(find):
    """ "there had been no fighting" against "troops clashed" (negated.py)."""
    text = (
        "Thai and Cambodian troops clashed at a disputed stretch of the border on Monday, a Thai "
        "army spokesman said. A Cambodian army commander said there had been no fighting."
    )
    found = find(text)
    assert one(found, "said", "commander").status == "denied"
    assert one(found, "said", "Thai army spokesman").status == "disputed"


def test_the_armys_count_names_the_militarys_figure(find):
    text = (
        "The military said a week of fighting in Quezon province had left 14 rebels dead. The "
        "rebels denied the army's count, saying only two guerrillas had been killed."
    )
    assert one(find(text), "said", "military").status == "disputed"


def test_an_organisation_owns_its_statements_under_its_acronym(find):
    """ "the United Nations' accusation" is the U.N. spokesman's, told after the denial."""
    text = (
        "Ghana's army denied the United Nations' accusation that it had shot down a U.N. "
        "helicopter on Friday. U.N. spokesman Pieter Marsh said earlier the army had shot down "
        "the helicopter, killing its crew."
    )
    assert one(find(text), "said", "Marsh").status == "disputed"


def test_in_turn_sets_an_account_against_the_other_sides(find):
    text = (
        "Tajik border guards shelled their Kyrgyz counterparts with mortars, wounding two "
        "servicemen, Kyrgyzstan's border guard service said. Tajik border guards, in turn, "
        "accused Kyrgyz ones of opening fire at two Tajik farmers."
    )
    found = find(text)
    assert one(found, "said", "border guard service").status == "disputed"
    assert one(found, "accused", "Tajik").status == "disputed"


def test_the_rebels_of_an_article_with_one_named_group_are_that_group(find):
    """insurgents.py: "The rebels", "a rebel spokesman" after the group is named."""
    text = (
        "Fighters of the Patriotic Liberation Front attacked an army post near the Chadian town "
        "of Abeche on Saturday. The rebels said they had captured the post. A rebel spokesman, "
        "Idriss Kana, said eight soldiers were taken prisoner."
    )
    found = find(text)
    rebels = one(found, "said", "rebels")
    assert (rebels.source_canonical, rebels.affiliation) == (
        "Patriotic Liberation Front",
        "Patriotic Liberation Front",
    )
    assert one(found, "said", "Kana").affiliation == "Patriotic Liberation Front"


def test_a_forces_name_without_its_apostrophe_and_with_what_it_is(find):
    text = (
        "The Kurdistan Workers Party (PKK) militant group said on Sunday its fighters had killed "
        "nine soldiers in Hakkari province."
    )
    claim = one(find(text), "said", "Kurdistan")
    assert (claim.source_canonical, claim.affiliation) == (
        "Kurdistan Workers' Party",
        "Kurdistan Workers' Party",
    )


def test_the_rebel_statement_names_the_rebels_claims(find):
    """ "the rebel statement": a party word as the owner; and a union of forces is one name."""
    text = (
        "The Union of Forces for Change and Justice (UFCJ) said its fighters had seized the "
        "Chadian town of Fada on Saturday. Chad's government disputed the rebel statement, "
        "playing down the clashes."
    )
    claim = one(find(text), "said", "Union")
    assert claim.affiliation == "Union of Forces for Change and Justice"
    assert claim.status == "disputed"


def test_wire4_floors():
    """wire4 (16 real reports, the fifth pass's validation set, development data since the
    sixth): floors close to what the sixth pass reached (claim F1 0.868, status 0.717,
    canonical 0.761, affiliation 0.707; bench/README.md, "Claims: sixth pass"). The texts live
    outside the repository: skipped unless all 16 are there."""
    result = wire_result("wire4")  # seventh pass: status 0.739, canonical 0.815, side 0.804
    assert result.f1 >= 0.86
    assert result.share(result.status_ok) >= 0.75  # 0.750 after the tenth pass, 0.761 (status16)
    assert result.share(result.canonical_ok) >= 0.80
    assert result.share(result.affiliation_ok) >= 0.79


def test_a_count_by_an_agency_is_the_agencys(find):
    text = (
        "At least 40 soldiers have been killed in the offensive since May, according to a count "
        "by The Associated Press."
    )
    assert one(find(text), "according to").source_canonical == "Associated Press"


def test_a_capital_in_capitals_without_a_dash_is_a_dateline(find):
    text = (
        "KHARTOUM South Sudan's army denied on Saturday that it had shelled a market in Bor, "
        "saying rebels had fired the shells."
    )
    claim = one(find(text), "denied")
    assert (claim.source_canonical, claim.affiliation) == (
        "South Sudanese Armed Forces",
        "South Sudan",
    )
