"""Entities told by given names and by the words around a name (issue 15, second pass).

Each case is a sentence of our own in the style of wire copy; the rule it exercises is named
in the test. The figures these rules move are in bench/README.md (CoNLL dev, wire set).
"""

from __future__ import annotations

from typing import Any

import pytest

from tui.core.models import Entity
from tui.pipeline.analyze import entities, given_names, model, sports


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def found(nlp: Any, text: str) -> dict[str, Entity]:
    return {e.name: e for e in entities.find_entities(nlp(text))}


def typed(nlp: Any, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(text[s:e], x.type) for x in entities.find_entities(doc) for s, e in x.mentions}


def test_given_names_are_evidence_of_a_person() -> None:
    assert given_names.is_given_name("Mark")
    assert given_names.is_given_name("Valerii")
    assert given_names.is_given_name("Anne-Gaelle")
    # Countries, months, titles and the heads of Arabic place names are not.
    for word in ("Chad", "Israel", "March", "General", "Ain", "Beit", "Al"):
        assert not given_names.is_given_name(word), word


def test_a_name_that_opens_with_a_given_name_is_a_person(nlp: Any) -> None:
    text = (
        "Mark Philippoussis beat Andrei Olhovskiy in straight sets, and Nawal Khalil, a nurse, "
        "described the day to reporters by Lidia Kelly."
    )
    got = typed(nlp, text)
    for name in ("Mark Philippoussis", "Nawal Khalil", "Lidia Kelly"):
        assert (name, "PERSON") in got, (name, got)


def test_place_and_organisation_words_end_a_given_name(nlp: Any) -> None:
    text = (
        "Israeli troops entered the Jordan Valley, and Christian Aid said Victoria Falls was calm."
    )
    people = {s for s, kind in typed(nlp, text) if kind == "PERSON"}
    assert not {"Jordan Valley", "Victoria Falls"} & people


def test_words_around_a_name_make_it_a_place(nlp: Any) -> None:
    text = (
        "An Israeli strike on a car in Ain Baal killed one man. Shelling hit the al-Manara "
        "neighbourhood, and residents fled to the Zamzam camp."
    )
    got = typed(nlp, text)
    assert ("Ain Baal", "PLACE") in got
    assert ("al-Manara", "PLACE") in got
    assert ("Zamzam", "PLACE") in got
    assert not {s for s, kind in got if kind == "PERSON"}


def test_a_named_hospital_is_an_organisation_everywhere(nlp: Any) -> None:
    text = (
        "The WHO lost contact with medics at Kamal Adwan hospital in Beit Lahia. Troops were "
        "operating in the area of Kamal Adwan, the military said."
    )
    got = typed(nlp, text)
    assert ("Kamal Adwan", "ORG") in got
    assert ("Kamal Adwan", "PERSON") not in got


def test_storms_operations_and_families_are_no_entities(nlp: Any) -> None:
    text = (
        "Heavy rain brought by Cyclone Mocha slowed the advance. The army announced operation "
        "Keletigui, and the home of the al-Fara family was hit."
    )
    names = {s for s, _ in typed(nlp, text)}
    assert not {"Cyclone Mocha", "Mocha", "Keletigui", "al-Fara"} & names


def test_administrative_units_and_compass_words_leave_the_place(nlp: Any) -> None:
    text = (
        "Northern Burkina: twelve soldiers killed in an attack on a post\n"
        "Jets bombed a village in Kani Township in the Sagaing Region, and the capital of North "
        "Darfur State was shelled."
    )
    got = typed(nlp, text)
    assert ("Kani", "PLACE") in got
    assert ("Burkina", "PLACE") in got
    assert ("North Darfur", "PLACE") in got
    assert not {s for s, _ in got} & {"Kani Township", "Northern Burkina", "Region"}


def test_a_local_group_of_a_movement_is_one_organisation(nlp: Any) -> None:
    text = (
        "A representative of the Kyauk Lone Gyi People's Defense Force (PDF) said the Kyauk "
        "Lone Gyi PDF had attacked the troops."
    )
    got = typed(nlp, text)
    assert ("Kyauk Lone Gyi People's Defense Force", "ORG") in got
    assert ("Kyauk Lone Gyi PDF", "ORG") in got
    assert not {s for s, kind in got if kind == "PERSON"}


def test_a_place_owns_a_body_as_a_country_does(nlp: Any) -> None:
    text = (
        "Five people were killed, according to the Gaza Health Ministry. The head of Kyiv's "
        "military authorities reported no damage."
    )
    got = typed(nlp, text)
    assert ("Gaza Health Ministry", "ORG") in got
    assert ("Kyiv", "PLACE") in got
    assert not {s for s, kind in got if kind == "ORG" and s.startswith("Kyiv")}


def test_acronyms_in_title_case_and_acronyms_of_kinds(nlp: Any) -> None:
    text = (
        "Fighters of Jnim attacked the post, and a Houthi UAV was shot down near a Nato ship. "
        "The Houthi spokesman Yahya Sare’e said the group fired two missiles."
    )
    got = typed(nlp, text)
    assert ("Jnim", "ORG") in got
    assert ("Nato", "ORG") in got
    assert ("Yahya Sare’e", "PERSON") in got
    assert not {s for s, _ in got} & {"UAV", "Yahya Sare"}


SPORT = (
    "Leicestershire beat Somerset by an innings and 39 runs on Friday to go top of the county "
    "championship. Somerset 83 and 174, Leicestershire 296. Essex drew with Kent, and the "
    "Kent captain said his side had played well in Canterbury. England won the one-day match "
    "by 5 wickets, and the coach praised the bowlers after the final."
)


def test_in_a_sports_text_towns_named_as_sides_are_organisations(nlp: Any) -> None:
    assert sports.is_sports_text(SPORT)
    got = typed(nlp, SPORT)
    assert ("Leicestershire", "PLACE") not in got
    assert ("Somerset", "ORG") in got
    assert ("Kent", "ORG") in got
    assert ("Canterbury", "PLACE") in got  # "in Canterbury": where, not who
    assert ("England", "PLACE") in got  # a national side is its country


def test_war_reporting_is_no_sports_text(nlp: Any) -> None:
    text = (
        "Russian forces captured two villages near Pokrovsk, the defence ministry said. Ukraine's "
        "army said it had repelled 40 attacks and lost no positions; the battle for the town "
        "has lasted a year, and the side that holds the ridge holds the road to Kramatorsk."
    )
    assert not sports.is_sports_text(text)
    assert ("Pokrovsk", "PLACE") in typed(nlp, text)
