"""Entities: the families of the eleventh pass (issue 15), each on sentences of our own, with
exact names and types; and floors on the development wire splits where their texts are here."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import model, person_spans


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_datelines_in_capitals_with_accents_and_an_agency_in_brackets(nlp: Any) -> None:
    accented = "SÃO VERDE, Haiti (AP) — Gunmen attacked the town before dawn, residents said."
    assert types(nlp, accented).get("SÃO VERDE") == "PLACE"
    bracketed = "KARLOVO [SNA] – A car bomb exploded today in the market, police said."
    found = types(nlp, bracketed)
    assert found.get("KARLOVO") == "PLACE"
    listed = "NATO (AFP) – The alliance met on Monday and said nothing of the strikes."
    assert types(nlp, listed).get("NATO") == "ORG"  # a listed organisation stays one


def test_weapon_designations_hyphenated_and_a_noun_shared_by_a_list(nlp: Any) -> None:
    text = (
        "The raiders fired M-16 and AK assault rifles at the convoy, and the army answered "
        "with Grad and Uragan rockets and an M-777 howitzer."
    )
    found = types(nlp, text)
    for name in ("M-16", "AK", "Grad", "Uragan", "M-777"):
        assert found.get(name) == "WEAPON", name
    road = "The convoy drove along the M4 highway towards Saraqib on Sunday morning."
    assert types(nlp, road).get("M4") != "WEAPON"  # a road, no noun of a weapon after it


def test_a_leaders_followers_name_the_leader(nlp: Any) -> None:
    text = (
        "The ministry said 148 pro Karimov fighters had been killed since Thursday, when "
        "Karimov loyalists attacked. The Karimov regime fell in May, and pro-Dossou forces "
        "held the port."
    )
    found = types(nlp, text)
    assert found.get("Karimov") == "PERSON"
    assert found.get("Dossou") == "PERSON"
    words = (
        "The pro-Russian separatists, the Nationalist regime and the Pro Bowl player, who "
        "turned pro Tuesday, were all in the news."
    )
    found = types(nlp, words)
    assert "Nationalist" not in found and "Tuesday" not in found and "Russian" not in found


def test_after_pro_and_anti_a_listed_group_or_a_place(nlp: Any) -> None:
    text = (
        "Videos were posted by pro-JNIM accounts and anti-Taliban fighters, and pro-Kyiv "
        "volunteers said the road was open."
    )
    found = types(nlp, text)
    assert found.get("JNIM") == "ORG"
    assert found.get("Taliban") == "ORG"
    assert found.get("Kyiv") == "PLACE"
    assert "anti-Taliban" not in found


def test_a_place_word_before_a_name_says_place(nlp: Any) -> None:
    text = (
        "The gang came from nearby Tarvent in trucks, and families sheltered in towns like "
        "Kolvira, officials said."
    )
    found = types(nlp, text)
    assert found.get("Tarvent") == "PLACE"
    assert found.get("Kolvira") == "PLACE"


def test_ugandas_local_government_units(nlp: Any) -> None:
    text = "The school is in Bukoto Town Council, Kitende Sub County, in Mukono district."
    found = types(nlp, text)
    assert found.get("Bukoto") == "PLACE"
    assert found.get("Kitende") == "PLACE"
    assert "Bukoto Town Council" not in found


def test_a_countrys_initialism_with_full_stops(nlp: Any) -> None:
    text = "The coalition, backed by the U.A.E., has fought since 2015, and the D.R.C. objected."
    found = types(nlp, text)
    assert found.get("U.A.E.") == "PLACE"
    assert found.get("D.R.C.") == "PLACE"


def test_a_part_of_a_region_keeps_a_listed_outlets_short_name(nlp: Any) -> None:
    text = (
        "Most of the attacks this year happened in the south of Middle Shabelle region, "
        "while others were in Lower Shabelle, officials said."
    )
    found = types(nlp, text)
    assert found.get("Middle Shabelle") == "PLACE"
    assert found.get("Lower Shabelle") == "PLACE"
    assert "Shabelle" not in found


def test_a_name_after_its_age_is_a_person(nlp: Any) -> None:
    text = (
        "Villagers fled with 60-year-old Marlene Dacosta, while a 27-year-old West Bank "
        "labourer and a 25-year-old Hamas fighter were detained at the crossing."
    )
    found = types(nlp, text)
    assert found.get("Marlene Dacosta") == "PERSON"
    assert found.get("West Bank") == "PLACE"
    assert found.get("Hamas") == "ORG"


def test_an_organisations_name_ending_in_a_sites_noun_is_a_place() -> None:
    assert person_spans.names_a_place("Ram Kund Shrine", organisation=True)
    assert not person_spans.names_a_place("Ram Kund Shrine")  # a given name first
    assert not person_spans.names_a_place("Shirley Temple", organisation=True)  # a surname


def test_kinds_of_organisations_and_police_ranks_are_no_names(nlp: Any) -> None:
    text = (
        "The school was funded with help from a Canadian Non-Governmental Organisation (NGO), "
        "and the SSP added that police were on high alert, while the DIG visited the site."
    )
    found = types(nlp, text)
    for word in ("NGO", "Non-Governmental Organisation", "SSP", "DIG"):
        assert word not in found, word
    named = "The Islamic Movement of Uzbekistan (IMU) claimed the attack, officials said."
    assert types(nlp, named).get("IMU") == "ORG"  # an organisation's acronym stays one


def test_a_headline_verb_ends_a_name(nlp: Any) -> None:
    text = (
        "Civilian Areas Targeted as Pakistan Launches Drone Blitz; India Responds in Kind\n"
        "In the night, drones struck several towns in Punjab and Pakistan, officials said."
    )
    found = types(nlp, text)
    assert found.get("Pakistan") == "PLACE"
    assert "Pakistan Launches Drone Blitz" not in found


# Floors on the development wire splits (bench/bench_wire_entities.py; the texts live under
# /work/data/wire, outside the repository): a little under the eleventh pass's figures, so a
# regression fails here. Recall and precision per type. heldout8 was the tenth pass's
# validation split, development data since this pass.
WIRE_FLOORS = {
    "heldout8": {"PERSON": (0.98, 0.85), "PLACE": (0.95, 0.98), "ORG": (0.93, 0.94)},  # 12th pass
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
