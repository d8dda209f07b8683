"""Entities: the families of the twentieth pass (issue 15, ents19: what a person's own form
makes it), each on sentences of our own, with exact names and types; and floors on the
development wire splits it moved."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import model, name_context, person_forms
from tui.pipeline.analyze.grouping import Found


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_regnal_number_is_part_of_the_name(nlp: Any) -> None:
    text = "Critics of King Faisal II's reforms marched. Pope Clement IX said nothing."
    found = types(nlp, text)
    assert found.get("Faisal II") == "PERSON"  # main's code: an organisation
    assert found.get("Clement IX") == "PERSON"  # main's code: "Clement" alone
    assert "Faisal" not in found
    # an acronym after a name is still a body's ("Kyauk Lone Gyi PDF"), "I" no numeral
    found = types(nlp, "Fighters of the Sagaing Hills PDF attacked the post.")
    assert found.get("Sagaing Hills PDF") == "ORG"
    assert name_context._REGNAL.fullmatch("VIII") and not name_context._REGNAL.fullmatch("PDF")


def test_a_feature_of_the_land_in_a_name_makes_a_place(nlp: Any) -> None:
    text = "The missile fell 900 km east of the island's Cape Notoro, the minister said."
    found = types(nlp, text)
    assert found.get("Cape Notoro") == "PLACE"  # main's code: a person
    text = "Patrols ran from Leh to Sir Creek in the west."
    assert types(nlp, text).get("Sir Creek") == "PLACE"  # main's code: a person "Creek"
    # a head word of the land at a name's end is a surname ("Bay"), no place
    assert types(nlp, "Director Michael Bay said the film was done.").get("Michael Bay") == "PERSON"


def test_a_companys_legal_form_makes_an_organisation(nlp: Any) -> None:
    text = "Vestra Line's ships call here. Vestra Line Limited runs them. Vestra said so."
    found = [
        Found(0, 11, "PERSON", 1),
        Found(text.index("Vestra Line L"), text.index(" runs"), "PERSON", 2),
        Found(text.index("Vestra said"), text.index(" said"), "PERSON", -1),  # a surname guess
    ]
    kept = person_forms.apply(text, found, 3)
    assert [(text[m.start : m.end], m.type) for m in kept] == [
        ("Vestra Line", "ORG"),  # main's code: a person
        ("Vestra Line Limited", "ORG"),  # main's code: a person
    ]
    text = "Bombs hit the Palmyra and Sunset Inn hotels. Ms Jane Ltd spoke."
    found = types(nlp, text)
    assert found.get("Sunset Inn") == "ORG"  # main's code: a person
    # a rule's person (after a title) keeps its type
    at = text.index("Jane Ltd")
    kept = person_forms.apply(text, [Found(at, at + 8, "PERSON", 3)], 3)
    assert kept[0].type == "PERSON"


def test_a_people_in_the_plural_is_no_person(nlp: Any) -> None:
    text = "Two Sri Lankans and a Briton were among the hostages freed, officials said."
    found = types(nlp, text)
    assert "Sri Lankans" not in found  # main's code: a person
    assert "Briton" not in found  # main's code: a person
    assert types(nlp, "Sri Mulyani spoke on Monday.").get("Sri Mulyani") == "PERSON"


def test_a_surname_of_several_words_stands_whole(nlp: Any) -> None:
    text = (
        "President Tagme Na Waie was killed on Monday. A bomb was hidden under the stairs "
        "of Na Waie's office."
    )
    found = types(nlp, text)
    assert found.get("Na Waie") == "PERSON"  # main's code: "Waie"
    assert "Waie" not in found


# Floors on the development wire splits this pass moved (bench/bench_wire_entities.py; the
# texts live under /work/data/wire, outside the repository): a little under its figures.
WIRE_FLOORS = {
    "heldout15": {"PERSON": (0.93, 0.95), "PLACE": (0.97, 0.89), "ORG": (0.82, 0.83)},
    "heldout14": {"PERSON": (0.97, 0.94)},
    "heldout6": {"PERSON": (0.99, 0.99), "PLACE": (0.96, 0.99)},
}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floors(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
