"""Entities: the family of the twenty-first pass (issue 15, ents20: an organisation named with a
preposition inside), on sentences of our own, with exact names and types; and a floor on the
development wire split it moved."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import check_wire_floors, types
from tui.pipeline.analyze import bodies, lists, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def test_a_branch_is_written_with_its_parents_spellings(nlp: Any) -> None:
    text = "A court jailed two men who trained with Al-Qaida in the Arabian Peninsula in Yemen."
    found = types(nlp, text)
    # main's code: the row lists only "al-Qaeda in ..." and its acronym, so no branch
    assert found.get("Al-Qaida in the Arabian Peninsula") == "ORG"
    assert "Arabian Peninsula" not in found
    text = "Fighters loyal to Daesh in Mozambique burned the market at dawn."
    assert types(nlp, text).get("Daesh in Mozambique") == "ORG"  # main's code: "Daesh" alone
    key = "org:al-qaeda in the arabian peninsula"
    assert bodies.known_key("al Qaida in the Arabian Peninsula") == key
    assert bodies.known_key("Al-Qaida in the Arabian Peninsula") == key


def test_a_parents_acronym_or_lower_case_form_makes_no_branch() -> None:
    assert bodies.known_key("ISIS in Somalia") is None  # an acronym of the parent
    assert bodies.known_key("Islamic State group in Somalia") is None  # "group", lower case
    assert bodies.known_key("Daesh in Somalia") == "org:islamic state somalia province"
    # a form that holds a preposition already is no parent
    assert "Islamic Emirate of Afghanistan of Afghanistan" not in lists.branch_forms(
        ["Islamic Emirate of Afghanistan"]
    )


# Floor on the development wire split this pass moved (bench/bench_wire_entities.py; the texts
# live under /work/data/wire, outside the repository): a little under its figures.
WIRE_FLOORS = {"heldout12": {"ORG": (0.88, 0.80)}}


@pytest.mark.parametrize("split", sorted(WIRE_FLOORS))
def test_wire_development_floor(nlp: Any, split: str) -> None:
    check_wire_floors(nlp, split, WIRE_FLOORS[split])
