"""Entities: the families of the eighth pass (issue 15), each on sentences of our own, with
exact names and types."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import types
from tui.pipeline.analyze import gazetteer, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_armed_groups_of_more_conflicts_are_organisations(nlp: Any) -> None:
    text = (
        "Remnants of Shining Path ambushed a patrol in the valley, while in the north the "
        "Jalisco New Generation Cartel (CJNG) fought Los Choneros for the port. Police blamed "
        "the Moro Islamic Liberation Front and the Eastern Security Network for other raids."
    )
    found = types(nlp, text)
    assert found.get("Shining Path") == "ORG"
    assert found.get("Jalisco New Generation Cartel") == "ORG"
    assert found.get("CJNG") == "ORG"
    assert found.get("Los Choneros") == "ORG"
    assert found.get("Moro Islamic Liberation Front") == "ORG"
    assert found.get("Eastern Security Network") == "ORG"


def test_a_name_before_tribes_or_clans_is_no_person(nlp: Any) -> None:
    text = (
        "Most of the dead belonged to the Walopa and Tarikin tribes, elders said, and the "
        "Moraga clans sent men to the funeral."
    )
    found = types(nlp, text)
    assert found.get("Tarikin") != "PERSON"
    assert found.get("Walopa") != "PERSON"
    assert found.get("Moraga") != "PERSON"


def test_a_road_named_after_two_places_names_both(nlp: Any) -> None:
    text = "A teacher was shot dead on the Yala-Songkhla Road on Tuesday, police said."
    found = types(nlp, text)
    assert found.get("Yala") == "PLACE" and found.get("Songkhla") == "PLACE"
    assert "Yala-Songkhla Road" not in found


def test_a_countrys_adjective_is_no_citys_alternate_name(nlp: Any) -> None:
    assert gazetteer.lookup("Thai") is None
    assert gazetteer.lookup("Kazakh") is None
    text = "Thai soldiers and Kazakh engineers inspected the bridge near the border."
    found = types(nlp, text)
    assert "Thai" not in found and "Kazakh" not in found


def test_a_titled_name_keeps_its_particles_and_drops_a_second_title(nlp: Any) -> None:
    text = (
        "Brigadier General Ramon de la Cruz, the brigade commander, said the road was open. "
        "Benin's interior minister General Tiamou Kossi said two soldiers died."
    )
    found = types(nlp, text)
    assert found.get("Ramon de la Cruz") == "PERSON"
    assert "Ramon" not in found and "Cruz" not in found
    assert found.get("Tiamou Kossi") == "PERSON"
    assert "General Tiamou Kossi" not in found


def test_the_later_names_of_a_list_of_regions_are_places(nlp: Any) -> None:
    text = "Clan fighters came from the districts of Galdogob, Jariban, and Eyl to the front."
    found = types(nlp, text)
    assert found.get("Eyl") == "PLACE"


def test_units_written_first_or_after_a_list_make_places(nlp: Any) -> None:
    text = (
        "Soldiers cleared Barangay Tamparan before noon. The group hides in the forests of "
        "Lama, Alikadam and Naikhongchhari upazilas, the army said."
    )
    found = types(nlp, text)
    assert found.get("Tamparan") == "PLACE" and "Barangay" not in found
    for place in ("Lama", "Alikadam", "Naikhongchhari"):
        assert found.get(place) == "PLACE"


def test_a_police_station_or_camp_is_named_by_its_place(nlp: Any) -> None:
    text = (
        "Gunmen attacked Umuowa Police Station at dawn. A patrol left the Baghaichhari Army camp "
        "an hour later, while the Bangladesh Army sent reinforcements."
    )
    found = types(nlp, text)
    assert found.get("Umuowa") == "PLACE" and "Police Station" not in found
    assert found.get("Baghaichhari") == "PLACE" and "Baghaichhari Army" not in found
    assert found.get("Bangladesh Army") == "ORG"


def test_a_places_administration_is_its_government(nlp: Any) -> None:
    text = (
        "The Somaliland administration and the Puntland regional administration traded blame, "
        "while the head of the Kharkiv regional military administration said nothing."
    )
    found = types(nlp, text)
    assert found.get("Somaliland administration") == "ORG"
    assert found.get("Puntland regional administration") == "ORG"
    assert found.get("Kharkiv") == "PLACE"


def test_broadcasters_aliases_and_qualified_listed_groups(nlp: Any) -> None:
    text = (
        "Local Taliban officials confirmed the deaths to Tolo TV on Sunday. Police arrested "
        "Jamal Hassan (alias Abu Bakar) near the market, and the Islamic Emirate denied it."
    )
    found = types(nlp, text)
    assert found.get("Taliban") == "ORG" and "Local Taliban" not in found
    assert found.get("Tolo TV") == "ORG"
    assert found.get("Abu Bakar") == "PERSON"
    assert found.get("Islamic Emirate") == "ORG"


def test_romance_particles_in_gazetteer_names() -> None:
    assert gazetteer.lookup("Lanao del Sur") is not None
    place = gazetteer.lookup("CAGAYAN DE ORO")
    assert place is not None and place.name == "Cagayan de Oro"


def test_grenade_launchers_are_weapons(nlp: Any) -> None:
    text = "Troops seized two M16 rifles and a homemade M79 grenade launcher from the camp."
    found = types(nlp, text)
    assert found.get("M79") == "WEAPON"


def test_a_faiths_adjective_names_no_place(nlp: Any) -> None:
    text = (
        "Derbent lies in Dagestan, a mainly Muslim region, and police gathered near the "
        "Orthodox monastery in Banjska."
    )
    found = types(nlp, text)
    assert "Muslim" not in found and "Orthodox" not in found
    assert found.get("Dagestan") == "PLACE" and found.get("Banjska") == "PLACE"


def test_a_state_capitalised_after_its_name_is_the_place(nlp: Any) -> None:
    text = "Gunmen killed five farmers in Bakura Local Government Area of Katsina State on Monday."
    found = types(nlp, text)
    assert found.get("Katsina") == "PLACE"


def test_a_military_press_wing_is_no_body(nlp: Any) -> None:
    text = "Egypt's military press wing denied it; the Congolese army said nothing."
    found = types(nlp, text)
    assert "Egypt's military" not in found
    assert found.get("Congolese army") == "ORG"


def test_russian_missiles_as_ukrainian_sources_write_them(nlp: Any) -> None:
    text = "Air defence shot down two X-101 cruise missiles and an Х-59 over the region."
    found = types(nlp, text)
    assert found.get("X-101") == "WEAPON" and found.get("Х-59") == "WEAPON"


def test_more_outlets_and_forces(nlp: Any) -> None:
    text = (
        "BBC Burmese reported the strike. Peshmerga forces moved in, the Security Media Cell "
        "said, and the Chapitos denied any part in it."
    )
    found = types(nlp, text)
    assert found.get("BBC Burmese") == "ORG" and "BBC" not in found
    assert found.get("Peshmerga") == "ORG"
    assert found.get("Security Media Cell") == "ORG"
    assert found.get("Chapitos") == "ORG"


def test_a_countrys_adjective_is_no_subdivision() -> None:
    assert gazetteer.lookup("Somali") is None
    assert gazetteer.lookup("Afar") is not None


def test_a_presidents_administration_and_a_tv_set_are_no_bodies(nlp: Any) -> None:
    text = (
        "The Obama administration said so. She watched Apple TV all night, while local "
        "officials told Amu TV that two guards died."
    )
    found = types(nlp, text)
    assert "Obama administration" not in found
    assert "Apple TV" not in found
    assert found.get("Amu TV") == "ORG"
