"""Entities: the families of the eighteenth pass (issue 15, ents17: persons that are no
persons), each on sentences of our own, with exact names and types; and floors on the
development wire splits it moved."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import model, name_evidence, site_nouns
from tui.pipeline.analyze.grouping import Found


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_sites_noun_in_lower_case_after_a_name(nlp: Any) -> None:
    text = "The swift-flowing Kor Abdullah waterway, with its mines, was closed."
    assert types(nlp, text).get("Kor Abdullah") == "PLACE"  # main's code: a person
    text = "The bus was ambushed as it left the Shiv Baba temple, police said."
    assert types(nlp, text).get("Shiv Baba") == "PLACE"  # main's code: nothing
    assert site_nouns.follows(" canal, which") and site_nouns.follows(" temples in")
    # the noun in capitals is part of the name; a noun that is a verb too; a possessive
    assert not site_nouns.follows(" Temple") and not site_nouns.follows(" drive to")
    assert not site_nouns.follows(" market") and not site_nouns.follows("’s temple")


def _placed(text: str, name: str) -> list[str]:
    """The types name_evidence.unknown_places leaves on the model's persons called `name`."""
    found = [Found(m.start(), m.end(), "PERSON", 0, "") for m in re.finditer(name, text)]
    name_evidence.unknown_places(text, found, 1)
    return [m.type for m in found]


def test_at_places_a_one_word_name_but_after_aiming_or_feeling() -> None:
    text = (
        "The mission kept its supply headquarters at Kambia until March. Troops defending "
        "Kambia were relieved in April."
    )
    assert _placed(text, "Kambia") == ["PLACE", "PLACE"]
    text = "Rebels took a shot at Moura and missed. Guards defending Moura withdrew."
    assert _placed(text, "Moura") == ["PERSON", "PERSON"]
    assert _placed("The minister lashed out at Moura on Monday.", "Moura") == ["PERSON"]
    assert _placed("Protesters were angry at Moura.", "Moura") == ["PERSON"]
    # an organisation of the model's is where one works, not a place
    text = "An analyst at Kestrel said the talks had failed."
    found = [Found(14, 21, "ORG", 0, "")]
    name_evidence.unknown_places(text, found, 1)
    assert found[0].type == "ORG"


def test_an_abbreviated_title_alone_is_no_person(nlp: Any) -> None:
    text = (
        "Only Chief of General Gen. Staff Ahmet Kaya was freed. Soldiers held Gen. Ahmet Kaya "
        "for hours."
    )
    found = types(nlp, text)
    assert "Gen" not in found  # main's code: a person
    assert found.get("Ahmet Kaya") == "PERSON"
    # a surname that is a title's word, at a sentence's end, stays the person's
    text = "Coach Billie Jean King picked the team. They are ready, said King. Fans cheered."
    assert types(nlp, text).get("King") == "PERSON"


# Floors on the development wire splits this pass moved (bench/bench_wire_entities.py; the
# texts live under /work/data/wire, outside the repository): a little under its figures.
WIRE_FLOORS = {
    "dev": {"PERSON": (0.99, 0.99), "PLACE": (0.99, 0.99)},
    "heldout8": {"PERSON": (0.99, 0.90), "PLACE": (0.97, 0.98)},
    "heldout10": {"PERSON": (0.97, 0.99), "PLACE": (0.98, 0.98)},
    "heldout11": {"PERSON": (0.99, 0.99), "PLACE": (0.97, 0.99)},
    "heldout14": {"PERSON": (0.95, 0.92)},
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
