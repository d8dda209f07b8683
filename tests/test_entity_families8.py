"""Entities: the families of the eighth pass (issue 15), each on sentences of our own, with
exact names and types."""

from __future__ import annotations

from typing import Any

import pytest

from tui.pipeline.analyze import entities, gazetteer, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def types(nlp: Any, text: str) -> dict[str, str]:
    """Every mention's surface and type."""
    found = entities.find_entities(nlp(text))
    return {text[s:e]: ent.type for ent in found for s, e in ent.mentions}


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
