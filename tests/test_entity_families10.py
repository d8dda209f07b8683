"""Entities: the families of the tenth pass (issue 15), each on sentences of our own, with
exact names and types; and floors on the development wire splits where their texts are here."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import model, name_context


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_peoples_adjective_before_a_unit_is_no_place(nlp: Any) -> None:
    text = (
        "Drones struck a base near Duhok, in the semi-autonomous Kurdish region of Iraq, and "
        "the Kurdish authorities said two guards were hurt."
    )
    found = types(nlp, text)
    assert "Kurdish" not in found
    assert found.get("Duhok") == "PLACE"


def test_names_before_areas_and_sectors_are_places(nlp: Any) -> None:
    text = (
        "Fighting spread on Monday to the Warsame and Hilowle areas, and shells fell in the "
        "Tangdhar sector overnight, the district officer said."
    )
    found = types(nlp, text)
    assert found.get("Warsame") == "PLACE"
    assert found.get("Hilowle") == "PLACE"
    assert found.get("Tangdhar") == "PLACE"


def test_a_peoples_word_or_a_lands_adjective_before_area_is_no_place(nlp: Any) -> None:
    text = "Patrols moved into the Naga area at dawn, and rebels still hold some Andean areas."
    found = types(nlp, text)
    assert "Naga" not in found
    assert "Andean" not in found


def test_a_unit_before_of_and_a_name_makes_a_place(nlp: Any) -> None:
    text = (
        "Soldiers were killed in the department of Banibangou, and villagers fled the Nigerian "
        "state of Katsina, while the Department of Defense said nothing."
    )
    found = types(nlp, text)
    assert found.get("Banibangou") == "PLACE"
    assert found.get("Katsina") == "PLACE"
    assert found.get("Department of Defense") == "ORG"
    assert "Defense" not in found


def test_a_countrys_possessive_names_its_listed_force(nlp: Any) -> None:
    text = (
        "A commander of Iran's Revolutionary Guard was killed, and Iraq's Popular "
        "Mobilization Forces said one of its depots burned."
    )
    found = types(nlp, text)
    assert found.get("Iran's Revolutionary Guard") == "ORG"
    assert found.get("Iraq's Popular Mobilization Forces") == "ORG"


def test_a_nationality_before_a_listed_unit_is_no_part_of_it_and_no_place(nlp: Any) -> None:
    text = "Sea drones damaged a Russian Black Sea Fleet landing ship near Feodosia on Friday."
    found = types(nlp, text)
    assert found.get("Black Sea Fleet") == "ORG"
    assert "Russian" not in found
    assert "Russian Black Sea Fleet" not in found


def test_islamic_state_provinces_by_their_english_names(nlp: Any) -> None:
    text = (
        "The Islamic State in West Africa claimed the raid, weeks after the Islamic State in "
        "the Great Sahara attacked a convoy near Menaka."
    )
    found = types(nlp, text)
    assert found.get("Islamic State in West Africa") == "ORG"
    assert found.get("Islamic State in the Great Sahara") == "ORG"
    assert "West Africa" not in found
    assert "Great Sahara" not in found


def test_an_organisation_of_the_model_ending_in_a_places_noun_is_a_place(nlp: Any) -> None:
    text = (
        "Flights were halted at Aden International Airport, and worshippers left the Grand "
        "Omari Mosque before the shelling."
    )
    found = types(nlp, text)
    assert found.get("Aden International Airport") == "PLACE"
    assert "Aden International Airport" in found


def test_a_road_with_its_number_is_no_place_by_its_noun(nlp: Any) -> None:
    text = "Rebels cut National Highway 4 near the river crossing on Sunday."
    found = types(nlp, text)
    assert found.get("National Highway") != "PLACE"


def test_four_word_names_and_capitalised_particles(nlp: Any) -> None:
    text = (
        "Brigadier General Osman Hamid El Tahir said the town was retaken, and former "
        "president Ahmed Ould Sidi Baba called for talks."
    )
    found = types(nlp, text)
    assert found.get("Osman Hamid El Tahir") == "PERSON"
    assert "Tahir" not in found
    assert found.get("Ahmed Ould Sidi Baba") == "PERSON"


def test_a_surname_alone_is_its_person_at_every_mention(nlp: Any) -> None:
    text = (
        "The police spokesman, Orlando Mudumane, said two attackers were held. Mudumane said "
        "more arrests would follow. \"We are pursuing them,\" said Mudumane."
    )
    found = types(nlp, text)
    assert found.get("Orlando Mudumane") == "PERSON"
    assert found.get("Mudumane", "PERSON") == "PERSON"


def test_an_accented_demonym_is_no_place(nlp: Any) -> None:
    text = "Troops were reinforced along the Burkinabè border after the attack, officials said."
    found = types(nlp, text)
    assert "Burkinabè" not in found


def test_a_dateline_with_its_date(nlp: Any) -> None:
    text = "KUPWARA, March 3: Two soldiers were killed in an exchange of fire, the army said."
    found = types(nlp, text)
    assert found.get("KUPWARA") == "PLACE"


def test_two_names_joined_by_and_after_a_preposition_are_two_places() -> None:
    # The model joins such names only in some sentences; the rule is tested on the span it
    # is given ("ambushed the army in X and Y" came out as one organisation).
    text = (
        "Gunmen ambushed a patrol between Kirikiri and Dangoma, then fled to Trinidad and "
        "Tobago."
    )
    parts = name_context.joined_places(text, text.index("Kirikiri"), text.index(","))
    assert [text[s:e] for s, e in parts] == ["Kirikiri", "Dangoma"]
    whole = text.index("Trinidad"), text.index(".", text.index("Tobago"))
    assert name_context.joined_places(text, *whole) == []  # one name, the gazetteer's
    person = "The talks were held in Ahmed and Dangoma."
    start = person.index("Ahmed")
    assert name_context.joined_places(person, start, person.index(".")) == []


# Floors on the development wire splits (bench/bench_wire_entities.py; the texts live under
# /work/data/wire, outside the repository): a little under the tenth pass's figures, so a
# regression fails here. Recall and precision per type. heldout7 was the ninth pass's
# validation split, development data since this pass.
WIRE_FLOORS = {
    "heldout3": {"PERSON": (0.96, 0.98), "PLACE": (0.94, 0.92), "ORG": (0.94, 0.95)},
    "heldout7": {"PERSON": (0.93, 0.98), "PLACE": (0.90, 0.94), "ORG": (0.92, 0.81)},
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
