"""Entities: the families of the sixth pass (issue 15: what makes a span a person's name and
what says it is none), each on sentences of our own, with exact names, types and spans."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import types
from tui.pipeline.analyze import model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_nationality_before_a_name_is_no_part_of_it(nlp: Any) -> None:
    text = (
        "Spaniard Carlos Sainz lost a minute on the first stage, while Belgian Bruno Thiry "
        "kept his lead. Finn Russell kicked two penalties."
    )
    found = types(nlp, text)
    assert found.get("Carlos Sainz") == "PERSON" and found.get("Bruno Thiry") == "PERSON"
    assert "Spaniard Carlos Sainz" not in found and "Belgian Bruno Thiry" not in found
    assert found.get("Finn Russell") == "PERSON"  # a given name that is also a nationality


def test_a_number_is_no_name(nlp: Any) -> None:
    text = "13. Paul Lawrie 207,990\n4. Mika Hakkinen ( Finland ) McLaren 1:54.754"
    found = types(nlp, text)
    assert found.get("Paul Lawrie") == "PERSON"
    assert not [s for s in found if not any(c.isalpha() for c in s)]


def test_a_name_with_an_age_is_a_person(nlp: Any) -> None:
    text = (
        "Chelsea, 16, was at her father's side. Santa Puglisi, 22, and Salvatore Botta were "
        "shot in a cemetery. In May, 12, people were hurt. On Sunday, 14, boats sank."
    )
    found = types(nlp, text)
    assert found.get("Chelsea") == "PERSON" and found.get("Santa Puglisi") == "PERSON"
    assert "In May" not in found and "May" not in found
    assert found.get("Sunday") is None


def test_a_quoted_nickname_inside_a_name_is_part_of_it(nlp: Any) -> None:
    text = (
        'The cartel was run by Ismael "El Mayo" Zambada for decades. The RSF leader Mohamed '
        "Hamdan “Hemedti” Dagalo said his forces had left. Zambada was arrested in Texas."
    )
    found = types(nlp, text)
    assert found.get('Ismael "El Mayo" Zambada') == "PERSON"
    assert found.get("Mohamed Hamdan “Hemedti” Dagalo") == "PERSON"
    assert found.get("Zambada") == "PERSON"
    assert "Ismael" not in found and "El Mayo" not in found


def test_a_headline_guess_is_no_person(nlp: Any) -> None:
    text = (
        "ISWAP Raid Kills Six Soldiers at Army Base\n"
        "Militants killed six soldiers in a raid on a base near Gao, the army said. Colonel "
        "Souleymane Dembele said the attackers fled."
    )
    found = types(nlp, text)
    assert not [s for s, kind in found.items() if kind == "PERSON" and "Raid" in s]
    assert found.get("Souleymane Dembele") == "PERSON"


def test_a_word_the_text_also_writes_in_lower_case_is_no_person(nlp: Any) -> None:
    text = (
        "Garlic pills do not lower cholesterol, a study finds. Doctors often recommend garlic. "
        "Gordon Brown said brown rice sold well. Brown added that prices rose."
    )
    found = types(nlp, text)
    assert "Garlic" not in found
    assert found.get("Gordon Brown") == "PERSON" and found.get("Brown") == "PERSON"


def test_a_place_with_a_lower_case_arabic_article_is_the_gazetteer_s(nlp: Any) -> None:
    text = "RSF fighters have besieged el-Fasher for months. Families who fled el-Geneina agreed."
    found = types(nlp, text)
    assert found.get("el-Fasher") == "PLACE" and found.get("el-Geneina") == "PLACE"


def test_a_one_word_name_that_only_places_things_is_a_place(nlp: Any) -> None:
    text = (
        "Kourouma fell to the rebels. Thousands fled Kourouma, and those in Kourouma had no "
        "water. Smith said in a statement that Smith's team was in Kourouma too."
    )
    found = types(nlp, text)
    assert found.get("Kourouma") == "PLACE"
    assert found.get("Smith") == "PERSON"


def test_a_place_noun_that_qualifies_a_role_makes_no_place(nlp: Any) -> None:
    text = (
        "Sutthirot Charoenthanasak, a district chief in the province, said the shelling stopped. "
        "Nubl and Zahra, two predominantly Shia towns, were hit."
    )
    found = types(nlp, text)
    assert found.get("Sutthirot Charoenthanasak") == "PERSON"
    assert found.get("Nubl") == "PLACE" and found.get("Zahra") == "PLACE"


def test_a_name_in_apposition_after_a_role_is_a_person(nlp: Any) -> None:
    text = "Among those killed was a surgeon, Usaeed Jabareen, from the city's main hospital."
    found = types(nlp, text)
    assert found.get("Usaeed Jabareen") == "PERSON"


def test_a_place_noun_left_over_is_no_place(nlp: Any) -> None:
    text = (
        "Gunships struck Kyauk Sin Village in Sagaing’s Kani Township on Monday, and soldiers "
        "raided Kyauk Sin Village again at noon."
    )
    found = types(nlp, text)
    assert found.get("Kyauk Sin") == "PLACE"
    assert "Village" not in found
