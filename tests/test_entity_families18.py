"""Entities: the families of the nineteenth pass (issue 15, ents18: organisation and place
recall), each on sentences of our own, with exact names and types; and floors on the
development wire splits it moved."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import demonyms, model, site_names


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_name_ending_in_a_sites_noun_is_a_place(nlp: Any) -> None:
    text = "The hostages were freed at the Yıldırımlar Air Base through an operation."
    assert types(nlp, text).get("Yıldırımlar Air Base") == "PLACE"  # main's code: nothing
    text = "Rifles that were part of the National Judicial Palace’s stores were stolen."
    assert types(nlp, text).get("National Judicial Palace") == "PLACE"  # main's: an ORG
    text = "Fighters took National Highway 7 during their offensive in March."
    assert types(nlp, text).get("National Highway 7") == "PLACE"  # main's: "National Highway"
    # a nationality and "The" leave the name; a force's word makes the town the place
    text = "The Moroccan Western Sahara Wall is long."
    assert [text[s:e] for s, e in site_names.sites(text)] == ["Western Sahara Wall"]
    assert site_names.sites("Rebels attacked Ogwu Police Station at dawn.") == []
    assert site_names.sites("Rebels attacked Ogwu Army Base at dawn.") == []
    # a given name before a noun that is a surname too; a Title Case headline; capitals
    assert site_names.sites("They cheered Nathan Lane and Gordon Hall.") == []
    assert site_names.sites("Drone Strike Hits Kalem Air Base Overnight\nBody.") == []
    assert site_names.sites("They reached KALEM AIR BASE at noon.") == []
    # a shop's or firm's noun; a closed-class word opening the run; a number after no road
    assert site_names.sites("Shares of One Home Depot store and the U.S. Market fell.") == []
    text = "Stocks slid. On Wall Street, it ended Palm Bay 18, Titusville 3."
    assert [text[s:e] for s, e in site_names.sites(text)] == ["Wall Street", "Palm Bay"]
    # two places joined before a road stay two (span_repair.py)
    found = types(nlp, "Soldiers closed the Kumba-Mbonge Road on Friday.")
    assert "Kumba-Mbonge Road" not in found


def test_a_two_word_demonym_owns_a_body(nlp: Any) -> None:
    text = "It will not be tolerated, South African foreign ministry spokesman Jan Smit said."
    assert types(nlp, text).get("South African foreign ministry") == "ORG"  # main's: nothing
    text = "The Sri Lankan navy rescued eleven fishermen on Monday."
    assert types(nlp, text).get("Sri Lankan navy") == "ORG"
    # "military" before troops or soldiers is an adjective
    text = "The drill involves 70,000 South Korean military troops and 50 warships."
    found = types(nlp, text)
    assert "South Korean military" not in found and "South Korean" not in found


def test_a_territorys_adjective_owns_a_body(nlp: Any) -> None:
    assert demonyms.region_of("Abkhaz") == "Abkhazia"
    assert demonyms.region_of("Bosnian Serb") == "Republika Srpska"
    assert demonyms.region_of("Kurdish") is None  # a people's word, no territory's
    text = "I can only say that the Abkhaz army did not open fire on the boats."
    assert types(nlp, text).get("Abkhaz army") == "ORG"  # main's code: nothing
    text = "An official of the Ingush Interior Ministry spoke. Ingush police counted 40 dead."
    found = types(nlp, text)
    assert found.get("Ingush Interior Ministry") == "ORG"  # main's: "Interior Ministry"
    assert found.get("Ingush police") == "ORG"
    text = "The Bosnian Serb army took the hills while Kurdish forces held the road."
    found = types(nlp, text)
    assert found.get("Bosnian Serb army") == "ORG"
    assert "Kurdish forces" not in found


def test_north_koreas_missiles_are_weapons(nlp: Any) -> None:
    text = "Officials said it was a Hwasong-12 or a Pukguksong-3, not a Taepodong-2."
    found = types(nlp, text)
    for name in ("Hwasong-12", "Pukguksong-3", "Taepodong-2"):
        assert found.get(name) == "WEAPON", name  # main's code: none of the three


# Floors on the development wire splits this pass moved (bench/bench_wire_entities.py; the
# texts live under /work/data/wire, outside the repository): a little under its figures.
WIRE_FLOORS = {
    "heldout3": {"PLACE": (0.96, 0.93)},
    "heldout4": {"PLACE": (0.98, 0.97)},
    "heldout6": {"PERSON": (0.99, 0.99), "PLACE": (0.96, 0.99)},
    "heldout10": {"ORG": (0.93, 0.93)},
    "heldout11": {"ORG": (0.77, 0.82)},
    "heldout12": {"ORG": (0.86, 0.77)},
    "heldout14": {"PLACE": (0.85, 0.93)},
    "heldout15": {"PLACE": (0.98, 0.89), "ORG": (0.80, 0.83)},
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
