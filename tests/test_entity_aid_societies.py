"""Entities: the Red Cross, Red Crescent and Red Star of David societies of countries at war and
their rescue services are organisations with no side (orgs.tsv), on sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.entity_helpers import types
from tui.pipeline.analyze import analyze, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


@pytest.mark.parametrize(
    "name",
    ["Magen David Adom", "Syrian Arab Red Crescent", "Sudanese Red Crescent", "ZAKA"],
)
def test_a_national_society_is_an_organisation(nlp: Any, name: str) -> None:
    text = f"Medics from {name} said two people were hurt when a shell hit a bus stop."
    assert types(nlp, text).get(name) == "ORG"


def test_a_national_society_takes_no_side() -> None:
    (claim,) = analyze("Magen David Adom said three people were wounded by shrapnel.").claims
    assert claim.affiliation == ""
