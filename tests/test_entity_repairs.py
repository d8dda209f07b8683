"""Entities: the families of the fifth pass (issue 15; span_repair.py and the person rules),
each on sentences of our own, with exact names, types and spans."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import types
from tui.pipeline.analyze import entities, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_romance_particle_joins_a_place_name(nlp: Any) -> None:
    found = types(nlp, "Nangade borders on Mocimboa da Praia and Palma, two coastal districts.")
    assert found.get("Mocimboa da Praia") == "PLACE"
    assert "Mocimboa" not in found and "Praia" not in found


def test_a_hyphenated_pair_before_a_road_or_border_is_two_places(nlp: Any) -> None:
    found = types(nlp, "Gunmen ambushed an army truck on the Kumba-Mbonge road on Tuesday.")
    assert found.get("Kumba") == "PLACE" and found.get("Mbonge") == "PLACE"
    assert "Kumba-Mbonge" not in found
    found = types(nlp, "Shots were fired on the Armenian-Nakhchivan border overnight, Baku said.")
    assert found.get("Nakhchivan") == "PLACE" and "Armenian" not in found


def test_a_name_before_based_or_dominated_is_its_own(nlp: Any) -> None:
    text = "The Britain-based Syrian Observatory for Human Rights put the toll at 40."
    found = types(nlp, text)
    assert found.get("Britain") == "PLACE"
    assert found.get("Syrian Observatory for Human Rights") == "ORG"
    text = "A gunfight broke out near the Kuki-dominated Kangpokpi district on Monday."
    assert "Kuki" not in types(nlp, text)


def test_group_peoples_and_religions_stay_out_of_organisations(nlp: Any) -> None:
    assert types(nlp, "The Islamic State group claimed the attack.").get("Islamic State") == "ORG"
    found = types(nlp, "The war began when predominantly Muslim Seleka rebels took Bangui.")
    assert found.get("Seleka") == "ORG" and "Muslim Seleka" not in found
    found = types(nlp, "Mostly Christian militias later fought back across the west.")
    assert "Christian" not in found and "Mostly Christian" not in found
    found = types(nlp, "Turkish jets struck Kurdish militants in northern Iraq on Friday.")
    assert "Kurdish" not in found and found.get("Iraq") == "PLACE"
    found = types(nlp, "Egypt banned the Muslim Brotherhood in 2013.")
    assert found.get("Muslim Brotherhood") == "ORG"


def test_names_listed_with_places_are_places(nlp: Any) -> None:
    found = types(nlp, "The rebels now hold parts of Aleppo, Hama, and Latakia provinces.")
    assert found.get("Hama") == "PLACE"


def test_an_acronym_of_an_organisation_named_before(nlp: Any) -> None:
    text = (
        "Troops clashed with the New People's Army near the river. The NPA said two of its "
        "fighters died, and NPAs in the hills were told to regroup."
    )
    ents = {e.name: e for e in entities.find_entities(nlp(text))}
    army = ents["New People's Army"]
    assert army.type == "ORG"
    assert [text[s:e] for s, e in army.mentions] == ["New People's Army", "NPA", "NPAs"]


def test_state_bodies_owned_by_their_country(nlp: Any) -> None:
    text = "Cambodia’s Ministry of National Defence said two soldiers were wounded."
    assert types(nlp, text).get("Cambodia’s Ministry of National Defence") == "ORG"
    text = "Lionel Lazarre, a deputy spokesman for Haiti’s National Police, confirmed it."
    assert types(nlp, text).get("Haiti’s National Police") == "ORG"
    text = "The NPA is the armed wing of the Communist Party of the Philippines, officials say."
    assert types(nlp, text).get("Communist Party of the Philippines") == "ORG"
    text = (
        "A soldier was killed on the Armenian-Nakhchivan (Azerbaijan) border, the Ministry of "
        "Defense of Armenia said. Baku denied it, said the Armenian MoD."
    )
    found = types(nlp, text)
    assert found.get("Ministry of Defense of Armenia") == "ORG"
    assert found.get("Armenian MoD") == "ORG" and found.get("Nakhchivan") == "PLACE"
    text = "The accord set aside 10 seats for the former rebels in Colombia’s congress."
    assert types(nlp, text).get("Colombia’s congress") == "ORG"


def test_organisation_names_the_model_cuts(nlp: Any) -> None:
    text = '"The Defence and Security Forces are on the ground," said a police spokesman.'
    assert types(nlp, text).get("Defence and Security Forces") == "ORG"
    text = "A spokesman for the police General Command, Inacio Dina, confirmed the raid."
    found = types(nlp, text)
    assert found.get("General Command") == "ORG" and found.get("Inacio Dina") == "PERSON"


def test_named_waters_and_lines(nlp: Any) -> None:
    found = types(nlp, "Houthi forces attacked ships in the Red Sea and Gulf of Aden.")
    assert found.get("Gulf of Aden") == "PLACE" and "Gulf" not in found
    found = types(nlp, "Shelling across the Line of Control (LoC) killed two teenagers.")
    assert found.get("Line of Control") == "PLACE" and found.get("LoC") == "PLACE"


def test_places_the_model_calls_persons(nlp: Any) -> None:
    found = types(nlp, "Peacekeepers will remain in Sam-Ouandja, the mission said.")
    assert found.get("Sam-Ouandja") == "PLACE"
    text = (
        "Rebel fighters advanced north of Kanyabayonga on Friday. Seizing Kanyabayonga would "
        "be a symbolic victory for them."
    )
    found = types(nlp, text)
    assert found.get("Kanyabayonga") == "PLACE" and "Seizing Kanyabayonga" not in found
    found = types(nlp, "A rocket hit the roof of a home in east Jerusalem.")
    assert found.get("Jerusalem") == "PLACE"
    found = types(nlp, "Drones targeted the Osman Digna Air Base overnight.")
    assert found.get("Osman Digna Air Base") == "PLACE" and "Osman Digna" not in found


def test_a_name_ending_in_a_place_noun_is_no_person(nlp: Any) -> None:
    text = "Troops clashed near the disputed Ta Moan Thom Temple in northwest Cambodia."
    assert types(nlp, text).get("Ta Moan Thom Temple") != "PERSON"


def test_what_is_no_person(nlp: Any) -> None:
    text = "The rebels vowed to step up attacks amid the Martial Law declaration in Mindanao."
    assert "Martial Law" not in types(nlp, text)


def test_persons_stay_persons(nlp: Any) -> None:
    text = "Barack Obama spoke on Monday. Later Obama said the talks would go on."
    found = types(nlp, text)
    assert found.get("Barack Obama") == "PERSON" and found.get("Obama") == "PERSON"
    text = "Inacio Dina, the police spokesman, spoke in Maputo. Dina said the raid was over."
    assert types(nlp, text).get("Dina") == "PERSON"


def test_a_weapon_designation_without_its_hyphen(nlp: Any) -> None:
    found = types(nlp, "The rebels fired BM21 rockets before Su25 jets struck their positions.")
    assert found.get("BM21") == "WEAPON" and found.get("Su25") == "WEAPON"


def test_a_given_name_the_model_left_out_joins_its_person(nlp: Any) -> None:
    text = (
        "Aminata Diallo, a teacher in Bamako, said the school was closed. "
        "Mahamadou Keita, a farmer, said the road was cut."
    )
    found = types(nlp, text)
    assert found.get("Mahamadou Keita") == "PERSON" and "Keita" not in found
    # A title, a day or a place before the name is none of it.
    found = types(nlp, "President Touré said the army would stay. On Tuesday Keita said nothing.")
    assert "President Touré" not in found and "Tuesday Keita" not in found
