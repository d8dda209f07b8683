"""Entities: the families of the fourteenth pass (issue 15, ents13), each on sentences of our
own, with exact names and types; and floors on the development wire splits it read."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import demonyms, labels, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_every_countrys_adjective_is_a_nationality(nlp: Any) -> None:
    for word in ("Honduran", "Argentine", "Ivorian", "Salvadoran", "English", "Sri Lankan"):
        assert demonyms.is_nationality(word), word
    assert demonyms.country_of("Argentine") == "Argentina"
    assert not demonyms.is_nationality("New Zealand")  # the country itself
    assert demonyms.demonym_of("Philippines") == "Filipino"  # the first row names bodies
    text = (
        "An Argentine frigate and two Honduran patrol boats sailed from the Philippines. Sri "
        "Lankan troops crossed the lagoon, an English teacher said."
    )
    found = types(nlp, text)
    for word in ("Argentine", "Honduran", "Sri Lankan", "English", "Lankan"):
        assert word not in found, word
    assert found.get("Philippines") == "PLACE"


def test_military_before_a_singular_role_noun_is_an_adjective(nlp: Any) -> None:
    text = (
        "A Chilean military source said the column withdrew, and a senior Peruvian military "
        "official agreed. The Bolivian military said nothing."
    )
    found = types(nlp, text)
    assert "Chilean military" not in found
    assert "Peruvian military" not in found
    assert found.get("Bolivian military") == "ORG"


def test_past_peace_operations_are_organisations(nlp: Any) -> None:
    text = (
        "Soldiers of UNPROFOR and later of IFOR patrolled the valley; the International Force "
        "East Timor (INTERFET) landed in Dili."
    )
    found = types(nlp, text)
    assert found.get("UNPROFOR") == "ORG"
    assert found.get("IFOR") == "ORG"
    assert found.get("International Force East Timor") == "ORG"
    assert "East Timor" not in found


def test_time_zones_are_no_names(nlp: Any) -> None:
    text = "The convoy was hit at dawn (0400 GMT) near Kandahar, and again at 1600 UTC."
    found = types(nlp, text)
    assert "GMT" not in found and "UTC" not in found
    assert found.get("Kandahar") == "PLACE"


def test_a_war_named_after_its_place_names_the_place(nlp: Any) -> None:
    text = (
        "Veterans of the Kargil conflict and of the Persian Gulf War met in Delhi; the "
        "Nagorno-Karabakh conflict was not discussed, nor the Korean War."
    )
    found = types(nlp, text)
    assert found.get("Kargil") == "PLACE"
    assert found.get("Persian Gulf") == "PLACE"
    assert found.get("Nagorno-Karabakh") == "PLACE"
    for name in ("Persian Gulf War", "War", "Karabakh", "Korean", "Korean War"):
        assert name not in found, name


def test_a_unit_numbered_with_a_cardinal_is_a_unit(nlp: Any) -> None:
    text = (
        "The 18 Grenadiers took the ridge, and an officer of 11 Gorkha Rifles was killed near "
        "the post of the 16 Bihar regiment. On May 18 Division commanders met; 12 Marines died."
    )
    found = types(nlp, text)
    assert found.get("18 Grenadiers") == "ORG"
    assert found.get("11 Gorkha Rifles") == "ORG"
    assert found.get("16 Bihar regiment") == "ORG"
    assert "18 Division" not in found  # a date
    assert "12 Marines" not in found  # a count


def test_a_name_before_who_is_a_person(nlp: Any) -> None:
    # The model's organisation before ", who" is retyped (labels.retype); the model rarely
    # errs so on a sentence of our own, so the cue itself is checked, and the result whole.
    assert labels._ROLE_AFTER.match(", who served on the council")
    assert not labels._ROLE_AFTER.match(", whose home was hit")
    text = "The strike hit the home of Khalifa Warfalli, who served on the council."
    assert types(nlp, text).get("Khalifa Warfalli") == "PERSON"


def test_an_administration_named_after_its_leader_names_the_leader(nlp: Any) -> None:
    text = "The view was backed by the Carter administration and by the Puntland administration."
    found = types(nlp, text)
    assert found.get("Carter") == "PERSON"
    assert found.get("Puntland") != "PERSON"


def test_a_service_members_noun_is_no_person(nlp: Any) -> None:
    text = (
        "One Marine, who asked not to be named, said the unit held. Marine Col. Ellis Hartley "
        "and Argentine Capt. Rodrigo Ferrer spoke later."
    )
    found = types(nlp, text)
    assert "Marine" not in found
    assert "Marine Col" not in found and "Argentine Capt" not in found
    assert found.get("Ellis Hartley") == "PERSON"
    assert found.get("Rodrigo Ferrer") == "PERSON"


def test_a_town_called_x_is_a_place(nlp: Any) -> None:
    text = "Thousands are fleeing to a town called Zalazje. The battalion withdrew to Zalazje."
    assert types(nlp, text).get("Zalazje") == "PLACE"


def test_compass_named_parts_of_oceans_and_cities(nlp: Any) -> None:
    text = "Fighters swept through West Beirut while a fleet sailed into the South Atlantic."
    found = types(nlp, text)
    assert found.get("West Beirut") == "PLACE"
    assert found.get("South Atlantic") == "PLACE"
    assert "Beirut" not in found and "Atlantic" not in found


def test_weapons_of_older_wars(nlp: Any) -> None:
    text = (
        "Eight Sea Harrier jets flew off the carrier; the Type 209 submarine fired SST4 "
        "torpedoes, and Super Etendard aircraft carried the missiles."
    )
    found = types(nlp, text)
    for name in ("Sea Harrier", "Type 209", "SST4", "Super Etendard"):
        assert found.get(name) == "WEAPON", name


def test_a_lower_case_kind_noun_is_no_part_of_a_name(nlp: Any) -> None:
    text = (
        "Russia's Interfax news agency said the convoy had left, as did Congo's Ebuteli "
        "research institute. The Communist party and the Future movement met."
    )
    found = types(nlp, text)
    assert found.get("Interfax") == "ORG" and "Interfax news agency" not in found
    assert found.get("Ebuteli") == "ORG" and "Ebuteli research institute" not in found
    assert "Communist" not in found  # the party's head stays in its name


# Floors on the development wire splits (bench/bench_wire_entities.py; the texts live under
# /work/data/wire, outside the repository): a little under this pass's figures, so a
# regression fails here. heldout11 was session 14's validation split, development data since
# session 15; heldout10's floors are new too.
WIRE_FLOORS = {
    "heldout10": {"PERSON": (0.97, 0.95), "PLACE": (0.96, 0.98), "ORG": (0.89, 0.91)},
    "heldout11": {
        "PERSON": (0.95, 0.97),
        "PLACE": (0.95, 0.97),
        "ORG": (0.74, 0.77),
        "WEAPON": (0.99, 0.99),
    },
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
