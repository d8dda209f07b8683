"""Entities: the families of the seventh pass (issue 15), each on sentences of our own, with
exact names, types and spans; each fails without its rule."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import types
from tui.pipeline.analyze import entities, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_bracketed_acronym_spells_out_the_whole_name(nlp: Any) -> None:
    text = (
        "Fighters of the Islamic State in Central Sahel Province (ISCSP) raided the market, "
        "and the Front de Libération du Nord (FLN) said it had no part in it. The Movement "
        "of Free Herders (MFH) called for calm."
    )
    found = types(nlp, text)
    assert found.get("Islamic State in Central Sahel Province") == "ORG"
    assert found.get("Front de Libération du Nord") == "ORG"
    assert found.get("Movement of Free Herders") == "ORG"
    assert found.get("ISCSP") == "ORG" and found.get("MFH") == "ORG"


def test_a_state_spelt_out_before_its_acronym_stays_a_place(nlp: Any) -> None:
    text = "Troops from the Democratic Republic of Congo (DRC) crossed the river on Monday."
    found = types(nlp, text)
    assert found.get("Democratic Republic of Congo") != "ORG"


def test_a_places_police_is_its_body_unless_they_are_counted_or_qualify_a_noun(
    nlp: Any,
) -> None:
    text = (
        "Montenegro police said the two men were detained near the port. Two Montenegro "
        "police were wounded, and Montenegro police officers closed the road."
    )
    found = types(nlp, text)
    assert found.get("Montenegro police") == "ORG"
    spans = [
        (s, e)
        for ent in entities.find_entities(nlp(text))
        for s, e in ent.mentions
        if text[s:e] == "Montenegro police"
    ]
    assert spans == [(0, len("Montenegro police"))]


def test_a_cartel_is_named_by_its_home_ground(nlp: Any) -> None:
    text = "Soldiers clashed with gunmen of the Tijuana cartel outside the city on Friday."
    assert types(nlp, text).get("Tijuana cartel") == "ORG"


def test_a_feature_of_the_land_after_a_name_makes_it_a_place_at_every_mention(
    nlp: Any,
) -> None:
    # Two rules together: "hill" after the name says place, and what one mention says holds
    # for the mention the model also called a person.
    text = (
        "Gunmen fired at troops on Tanjung Kapur hill. The soldiers then secured Tanjung "
        "Kapur, officials said."
    )
    found = entities.find_entities(nlp(text))
    named = [ent for ent in found if ent.name == "Tanjung Kapur"]
    assert named and all(ent.type == "PLACE" for ent in named)
    assert sum(len(ent.mentions) for ent in named) == 2


def test_a_weapon_name_that_is_a_given_name_after_a_name_is_a_person(nlp: Any) -> None:
    text = (
        "The group said its commander Qari Fateh was killed in the raid. Iran has sold Fateh "
        "missiles to its allies."
    )
    found = entities.find_entities(nlp(text))
    kinds = {text[s:e]: ent.type for ent in found for s, e in ent.mentions}
    assert kinds.get("Qari Fateh") == "PERSON"
    weapons = [text[s:e] for ent in found if ent.type == "WEAPON" for s, e in ent.mentions]
    assert weapons == ["Fateh"]  # the missiles, not the commander


def test_a_persons_name_goes_on_past_a_middle_initial_and_son_of(nlp: Any) -> None:
    text = (
        "Regional commander Col. Hendrik Wirawan T. Simatupang said the road was closed. "
        "Sidi Ould Brahim, a local elder, said five houses burned."
    )
    found = types(nlp, text)
    assert found.get("Hendrik Wirawan T. Simatupang") == "PERSON"
    assert found.get("Sidi Ould Brahim") == "PERSON"


def test_a_hedge_or_a_nationality_is_no_part_of_an_organisations_name(nlp: Any) -> None:
    text = (
        "Suspected Allied Democratic Forces rebels burned the village, officials said. In the "
        "south, Lebanese Hezbollah said it had fired rockets."
    )
    found = types(nlp, text)
    assert found.get("Allied Democratic Forces") == "ORG"
    assert found.get("Hezbollah") == "ORG"
    assert "Suspected Allied Democratic Forces" not in found
    assert "Lebanese Hezbollah" not in found


def test_military_before_a_noun_is_an_adjective(nlp: Any) -> None:
    text = (
        "Tunisian military forces killed two gunmen near the border, Tunisian military "
        "spokesman Ali Ferjani said. The Tunisian military said the area was calm."
    )
    spans = [
        (s, e)
        for ent in entities.find_entities(nlp(text))
        if ent.type == "ORG"
        for s, e in ent.mentions
    ]
    body = text.rindex("Tunisian military")
    assert spans == [(body, body + len("Tunisian military"))]


def test_a_security_committee_named_through_its_country_is_one_body(nlp: Any) -> None:
    text = (
        "Talant Osmonov, head of Tajikistan’s State Committee for National Security, said the "
        "border was closed."
    )
    found = types(nlp, text)
    assert found.get("Tajikistan’s State Committee for National Security") == "ORG"


def test_a_nickname_in_a_name_is_the_person_alone_and_accents_may_drop(nlp: Any) -> None:
    text = (
        'Police arrested Joaquin "El Gordo" Ramirez, a cartel boss, on Monday. El Gordo had '
        "escaped from prison in 2021, and El Gordo was moved to a federal jail."
    )
    found = types(nlp, text)
    assert found.get('Joaquin "El Gordo" Ramirez') == "PERSON"
    assert found.get("El Gordo") == "PERSON"
