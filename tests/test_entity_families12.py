"""Entities: the families of the twelfth pass (issue 15), each on sentences of our own, with
exact names and types; and floors on the development wire splits where their texts are here."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_possessive_inside_a_name_stays_in_it(nlp: Any) -> None:
    text = "Rebels of the Lord’s Resistance Army raided the camp. Russia’s Airborne Forces moved."
    found = types(nlp, text)
    assert found.get("Lord’s Resistance Army") == "ORG"
    assert "Resistance Army" not in found
    assert found.get("Russia") == "PLACE"  # a place owns the unit: two names
    assert found.get("Airborne Forces") == "ORG"
    defined = "Fighters of the People’s Defense Forces (PDF) took a town; the PDF said so."
    assert types(nlp, defined).get("People’s Defense Forces") == "ORG"


def test_a_bodys_leader_is_a_person(nlp: Any) -> None:
    text = (
        "A splinter faction led by Karimov Tashpulatov attacked the post. A coalition led by "
        "Saudi Arabia struck, and fighters led by Hamas withdrew."
    )
    found = types(nlp, text)
    assert found.get("Karimov Tashpulatov") == "PERSON"
    assert found.get("Saudi Arabia") == "PLACE"
    assert found.get("Hamas") == "ORG"


def test_al_qaedas_branches_and_affiliates_are_listed(nlp: Any) -> None:
    text = (
        "The attack was claimed by al-Qaeda in the Islamic Maghreb (AQIM). Fighters of Fatah "
        "al-Islam held the camp while Fatah officials met in Ramallah."
    )
    found = types(nlp, text)
    assert found.get("al-Qaeda in the Islamic Maghreb") == "ORG"
    assert found.get("Fatah al-Islam") == "ORG"
    assert found.get("Fatah") == "ORG"
    assert "al-Qaeda" not in found and "Islamic Maghreb" not in found


def test_an_organisation_named_after_its_kind(nlp: Any) -> None:
    text = (
        "The state news agency, ZNA, said the town fell. Drones were flown by a militia called "
        "Desert Hawks on Sunday."
    )
    found = types(nlp, text)
    assert found.get("ZNA") == "ORG"
    assert found.get("Desert Hawks") == "ORG"


def test_a_name_after_one_place_and_a_comma_is_in_apposition(nlp: Any) -> None:
    text = "The cell was tied to a preacher in Iraq, Abu Hamza al-Tikriti, who vanished in 2006."
    assert types(nlp, text).get("Abu Hamza al-Tikriti") == "PERSON"
    listed = "Strikes hit houses in Kafr Kila, Odaisseh and Houla on Monday."
    found = types(nlp, listed)
    assert found.get("Odaisseh") == "PLACE" and found.get("Houla") == "PLACE"


def test_a_persons_first_word_after_a_comma_opens_the_name(nlp: Any) -> None:
    text = "The council named his deputy, Mahamat Saleh Annadif, as interim leader."
    found = types(nlp, text)
    assert found.get("Mahamat Saleh Annadif") == "PERSON"
    assert "Saleh Annadif" not in found


def test_places_by_apposition_by_a_longer_gazetteer_name_and_by_a_route(nlp: Any) -> None:
    capital = "Shells landed near Khankendi, the regional capital, overnight."
    assert types(nlp, capital).get("Khankendi") == "PLACE"
    longer = (
        "Aid reached neighbouring Central African Republic and Lanao del Sur and Lanao del "
        "Norte."
    )
    found = types(nlp, longer)
    for name in ("Central African Republic", "Lanao del Sur", "Lanao del Norte"):
        assert found.get(name) == "PLACE", name
    route = "Bandits closed the Kadugli-Dilling road again. The Franco-German axis held."
    found = types(nlp, route)
    assert found.get("Kadugli") == "PLACE" and found.get("Dilling") == "PLACE"
    assert "Franco" not in found and "German" not in found


def test_an_autonomous_unit_is_its_place(nlp: Any) -> None:
    text = "Clashes broke out in Gorno-Badakhshan Autonomous Province on Friday."
    found = types(nlp, text)
    assert found.get("Gorno-Badakhshan") == "PLACE"
    assert "Autonomous" not in found and "Gorno-Badakhshan Autonomous" not in found


def test_state_bodies_named_through_their_owner(nlp: Any) -> None:
    text = (
        "Sudan’s national army retook the bridge. Beirut's civil aviation authority closed the "
        "airport."
    )
    found = types(nlp, text)
    assert found.get("Sudan’s national army") == "ORG"
    assert found.get("Beirut's civil aviation authority") == "ORG"


# Floors on the development wire splits (bench/bench_wire_entities.py; the texts live under
# /work/data/wire, outside the repository): a little under the twelfth pass's figures, so a
# regression fails here. Recall and precision per type. heldout9 was the eleventh pass's
# validation split, development data since this pass.
WIRE_FLOORS = {
    "heldout9": {"PERSON": (0.98, 0.98), "PLACE": (0.94, 0.97), "ORG": (0.88, 0.86)},
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
