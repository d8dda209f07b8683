"""Entities: the families of the ninth pass (issue 15), each on sentences of our own, with
exact names and types; and floors on the development wire splits where their texts are here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import entities, model

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_capitalised_administrative_unit_makes_its_name_a_place(nlp: Any) -> None:
    text = (
        "Gunmen raided two hamlets in Kwande Local Government Area on Monday, and the army "
        "sent troops to the Nangade Administrative Post the next day."
    )
    found = types(nlp, text)
    assert found.get("Kwande") == "PLACE"
    assert found.get("Nangade") == "PLACE"
    assert "Local Government Area" not in found
    assert "Administrative Post" not in found
    assert "Kwande Local Government Area" not in found


def test_a_capitalised_unit_before_an_organisation_word_is_a_body(nlp: Any) -> None:
    text = "The officers were told to report to the Federal Capital Territory Command on Friday."
    found = types(nlp, text)
    assert "Federal Capital" not in found


def test_a_model_organisation_placed_at_every_mention_is_a_place(nlp: Any) -> None:
    text = (
        "Mortar rounds fell on the hills above Kibarizo overnight, residents said. Families "
        "sheltering outside Kibarizo said they had nowhere else to go."
    )
    found = types(nlp, text)
    assert found.get("Kibarizo") != "ORG"


def test_the_demo_s_minova_is_a_place(nlp: Any) -> None:
    """The user-visible error of the bundled demo's entity panel: a town on Lake Kivu that the
    gazetteer lacks, which the model calls an organisation at both of its mentions."""
    from tui.pipeline.extract import extract

    page = ROOT / "tui" / "demo" / "meridian" / "minova-rebels-deny-shelling.html"
    text = extract(page.read_bytes(), "https://demo.invalid/minova.html").text
    found = {
        text[s:e]: f.type for f in entities.find_entities(nlp(text), text) for s, e in f.mentions
    }
    assert found.get("Minova") == "PLACE"


def test_an_organisation_looked_into_stays_an_organisation(nlp: Any) -> None:
    text = (
        "Lawmakers opened investigations into Halvorsen Energy last year. Halvorsen Energy "
        "said it had done nothing wrong, and Halvorsen Energy shares fell."
    )
    found = types(nlp, text)
    assert found.get("Halvorsen Energy") in ("ORG", None)
    assert found.get("Halvorsen Energy") != "PLACE"


def test_military_before_what_it_qualifies_is_an_adjective(nlp: Any) -> None:
    text = (
        "Chad's military chief met the envoy on Monday. A prominent Russian military blogger "
        "said the unit had withdrawn, and Azerbaijan's military and political leadership "
        "denied it. Drones struck the Pathankot military station."
    )
    found = types(nlp, text)
    assert "Chad's military" not in found
    assert "Russian military" not in found
    assert "Azerbaijan's military" not in found
    assert found.get("Chad") == "PLACE"


def test_turkish_and_south_asian_weapon_systems(nlp: Any) -> None:
    text = (
        "The air force showed its Anka unmanned combat aerial vehicles and a swarm of Songar "
        "drones; across the border, the army test-fired BrahMos missiles and Fatah-II rockets."
    )
    found = types(nlp, text)
    assert found.get("Anka") == "WEAPON"
    assert found.get("Songar") == "WEAPON"
    assert found.get("BrahMos") == "WEAPON"
    assert found.get("Fatah-II") == "WEAPON"


def test_a_weapon_name_that_is_a_surname_or_a_party_stays_out(nlp: Any) -> None:
    text = "Fatah officials met in Ramallah, and the striker Sergen Yalcin scored twice."
    found = types(nlp, text)
    assert found.get("Fatah") != "WEAPON"
    assert found.get("Yalcin") != "WEAPON"


def test_rank_abbreviations_and_honorifics_stay_out_of_the_name(nlp: Any) -> None:
    text = (
        "Among the dead was Hav Ramesh Selvam, a signaller from Madurai. The deputy governor, "
        "Alhaji Musa Danladi Garba, visited the wounded."
    )
    found = types(nlp, text)
    assert found.get("Ramesh Selvam") == "PERSON"
    assert found.get("Musa Danladi Garba") == "PERSON"
    assert "Alhaji Musa Danladi Garba" not in found
    assert "Hav Ramesh Selvam" not in found


def test_armed_groups_of_chad_and_mali_and_a_listed_name_with_commas(nlp: Any) -> None:
    text = (
        "The Front for Change and Concord in Chad (FACT) crossed the border from Libya. In "
        "Kidal, the Permanent Strategic Framework for Peace, Security and Development said "
        "its fighters held the airport, and the CMA agreed."
    )
    found = types(nlp, text)
    assert found.get("Front for Change and Concord in Chad") == "ORG"
    assert found.get("FACT") == "ORG"
    assert found.get("Permanent Strategic Framework for Peace, Security and Development") == "ORG"
    assert found.get("CMA") == "ORG"


def test_an_acronym_that_is_a_word_is_not_found_in_title_case(nlp: Any) -> None:
    text = "The claim was checked by the fact-checking website Full Fact, the BBC said."
    found = types(nlp, text)
    assert found.get("Fact") != "ORG"


def test_a_country_s_supreme_court_is_a_body(nlp: Any) -> None:
    text = "The group was banned by Russia’s Supreme Court in March, officials said."
    found = types(nlp, text)
    assert found.get("Russia’s Supreme Court") == "ORG"


def test_a_people_s_name_before_a_people_s_noun_is_no_place(nlp: Any) -> None:
    text = (
        "Tuareg rebels said they had shot down a helicopter near the border, while Tuareg "
        "elders called for talks."
    )
    found = types(nlp, text)
    assert found.get("Tuareg") != "PLACE"


def test_places_joined_by_and_that_the_gazetteer_knows_whole(nlp: Any) -> None:
    text = (
        "Shelling hit villages in Jammu and Kashmir overnight, and the envoy flew on to Bosnia "
        "and Herzegovina. Russia and Ukraine traded blame."
    )
    found = types(nlp, text)
    assert found.get("Jammu and Kashmir") == "PLACE"
    assert found.get("Bosnia and Herzegovina") == "PLACE"
    assert found.get("Russia") == "PLACE"
    assert found.get("Ukraine") == "PLACE"


def test_a_known_place_keeps_its_lower_case_words(nlp: Any) -> None:
    text = "Yusuf Karim, a driver from Deir ez-Zor, said the convoy turned back."
    found = types(nlp, text)
    assert found.get("Deir ez-Zor") == "PLACE"
    assert "Deir" not in found


# Floors on the development wire splits (bench/bench_wire_entities.py; the texts live under
# /work/data/wire, outside the repository): a little under the ninth pass's figures (heldout5's
# and heldout6's raised to the tenth pass's), so a
# regression fails here. Recall and precision per type; WEAPON only where the split has some.
WIRE_FLOORS = {
    "dev": {"PERSON": (0.98, 0.96), "PLACE": (0.97, 0.98), "ORG": (0.97, 0.97)},
    "heldout5": {"PERSON": (0.93, 0.97), "PLACE": (0.96, 0.96), "ORG": (0.95, 0.92)},
    "heldout6": {"PERSON": (0.95, 0.93), "PLACE": (0.93, 0.97), "ORG": (0.90, 0.86)},
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
