"""Entities: the families of the fifteenth pass (issue 15, ents14), each on sentences of our
own, with exact names and types; and floors on the development wire split it read."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import entities, model, weapons


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_designation_in_every_written_form() -> None:
    # one rule over the listed form, not one row per spelling
    assert {"Mi-24", "MI-24", "Mi24", "MI24", "Mi 24", "MI 24"} <= weapons.spellings("Mi-24")
    assert "C160 Transall" in weapons.spellings("C-160 Transall")
    assert "NH-90" in weapons.spellings("NH90")
    assert "An 12" not in weapons.spellings("An-12")  # "An 12-hour curfew"
    assert "F16" not in weapons.spellings("F-16")  # three characters: too short to be sure


def test_plurals_variants_and_capitals_of_listed_systems(nlp: Any) -> None:
    text = (
        "The air force sent four Rafales and two Mirage 2000Ds, while MI-24 gunships and a "
        "Su 25 circled the town; the rebels answered with AK-47s."
    )
    found = types(nlp, text)
    for name in ("Rafales", "Mirage 2000Ds", "MI-24", "Su 25", "AK-47s"):
        assert found.get(name) == "WEAPON", name


def test_a_maker_before_a_model_is_an_organisation(nlp: Any) -> None:
    text = (
        "A Lockheed Martin C-130H landed first, then two Aerospatiale Gazelles and a Boeing "
        "KC-135. A Westland Lynx flew over the harbour."
    )
    found = types(nlp, text)
    assert found.get("Lockheed Martin") == "ORG"
    assert found.get("C-130H") == "WEAPON"
    assert found.get("Aerospatiale") == "ORG"
    assert found.get("Gazelles") == "WEAPON"  # an ordinary word, made a weapon by its maker
    assert found.get("Boeing") == "ORG"
    assert found.get("KC-135") == "WEAPON"
    assert found.get("Westland") == "ORG"
    assert found.get("Lynx") == "WEAPON"
    assert "Lockheed Martin C-130H" not in found


def test_transports_tankers_and_helicopters_are_weapon_systems(nlp: Any) -> None:
    text = (
        "Two C-135 tankers refuelled the jets, a C160 Transall carried the troops, and an NH90, "
        "a Tiger helicopter and Alpha Jets covered the column."
    )
    found = types(nlp, text)
    for name in ("C-135", "C160 Transall", "NH90", "Tiger", "Alpha Jets"):
        assert found.get(name) == "WEAPON", name


def test_ordinary_words_and_other_designations_stay_what_they_are(nlp: Any) -> None:
    text = (
        "She applied for an E-2 visa in Lagos. The Tamil Tigers said a Tiger commander was "
        "lost, and Merlin Holdings met Gazelle Media. Colonel Dhruv Singh spoke."
    )
    found = types(nlp, text)
    assert "E-2" not in found
    assert found.get("Tamil Tigers") == "ORG"
    assert found.get("Tiger") == "ORG"  # the Tigers' adjective (ents15's short names), no weapon
    assert found.get("Dhruv Singh") == "PERSON"
    assert "Merlin" not in found and "Gazelle" not in found


def test_a_cause_named_after_its_people(nlp: Any) -> None:
    text = (
        "Officials blamed the Salafist Brigade for Combat and Call, and members of the Movement "
        "of Nigeriens for Justice seized a governor. He played for the Brigade for two seasons."
    )
    found = types(nlp, text)
    assert found.get("Salafist Brigade for Combat and Call") == "ORG"
    assert found.get("Movement of Nigeriens for Justice") == "ORG"
    assert "Salafist Brigade" not in found and "Movement of Nigeriens" not in found



def test_a_common_word_at_a_sentences_head_is_no_place_or_organisation(nlp: Any) -> None:
    text = (
        "Up to 300 rebels were killed in the fighting, the army said on Wednesday. Army "
        "spokesman Col. Ram Thapa said the camps were destroyed. Fierce fighting broke out "
        "near the border on Monday, a fierce battle that lasted hours."
    )
    found = types(nlp, text)
    assert "Army" not in found and "Fierce" not in found
    assert found.get("Ram Thapa") == "PERSON"
    named = "The commander of the Army's 4th Brigade said the army had withdrawn."
    assert "Army" in [named[s:e] for s, e in _mentions(nlp, named, "ORG")]  # "the" names it


def _mentions(nlp: Any, text: str, kind: str) -> list[tuple[int, int]]:
    return [
        (s, e)
        for ent in entities.find_entities(nlp(text))
        if ent.type == kind
        for s, e in ent.mentions
    ]


def test_a_peoples_name_is_no_place(nlp: Any) -> None:
    text = (
        "Talks resumed after Tutsi ex-general Laurent Nkunda was arrested. The Fulani herder "
        "and a Tuareg commander met in Gao. Fighting went on in Amhara and Tigray on Monday."
    )
    found = types(nlp, text)
    for people in ("Tutsi", "Fulani", "Tuareg"):
        assert found.get(people) != "PLACE", people
    assert found.get("Gao") == "PLACE"
    assert found.get("Amhara") == "PLACE"  # a people's name that is a region too


def test_a_preposition_opening_a_sentence_is_no_part_of_a_name(nlp: Any) -> None:
    for opening, place in (("Outside", "Bujumbura"), ("Near", "Goma"), ("Beyond", "Kharkiv")):
        text = f"{opening} {place}, the rebels attacked three districts on Monday."
        found = types(nlp, text)
        assert found.get(place) == "PLACE", text
        assert f"{opening} {place}" not in found, text


def test_a_datelines_credit_in_any_brackets_is_an_outlet(nlp: Any) -> None:
    for text, outlet in (
        ("KABUL: (DNA) The Taliban said their forces killed two commanders.", "DNA"),
        ("BELDWEYNE [SMN] – A suicide bombing hit the town today.", "SMN"),
        ("CAGAYAN DE ORO (MindaNews / 10 August) — The commander said police fled.", "MindaNews"),
    ):
        assert types(nlp, text).get(outlet) == "ORG", text
    bracketed = "The minister (Israeli Prime Minister Benjamin) Netanyahu spoke."
    assert "Benjamin" not in types(nlp, bracketed)  # a name cut by an editor's bracket


def test_a_name_after_a_title_is_a_person_whatever_the_gazetteer_says(nlp: Any) -> None:
    text = (
        "In Washington, President Bush praised the offensive, and U.S. diplomat Christopher "
        "Hill flew to Pristina. Fighting went on near Sheikh Jarrah."
    )
    found = types(nlp, text)
    assert found.get("Bush") == "PERSON"  # not Būsh, a city of Egypt
    assert found.get("Christopher Hill") == "PERSON"
    assert found.get("Washington") == "PLACE"


# Floors on the development wire split this pass read (bench/bench_wire_entities.py; the texts
# live under /work/data/wire, outside the repository): a little under this pass's figures.
# heldout12 was session 15's validation split, development data since session 16.
WIRE_FLOORS = {
    "heldout12": {
        "PERSON": (0.89, 0.93),
        "PLACE": (0.92, 0.95),  # 0.930 / 0.964 without the city-government family (dropped)
        "ORG": (0.84, 0.75),  # 0.845 / 0.763 likewise
        "WEAPON": (0.99, 0.99),
    },
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])


@pytest.mark.parametrize(
    ("adjective", "country"),
    [("Ecuadorean", "Ecuador"), ("Azeri", "Azerbaijan"), ("Belarussian", "Belarus"),
     ("Croat", "Croatia"), ("Kirghiz", "Kyrgyzstan"), ("Tadjik", "Tajikistan")],
)
def test_agency_and_older_spellings_of_adjectives_name_their_country(adjective, country) -> None:
    from tui.pipeline.analyze import demonyms

    assert demonyms.country_of(adjective) == country
