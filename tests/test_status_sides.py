"""Affiliation of sources whose armed group or breakaway authority is not in our tables: the
proper name such a body gives itself is its own side (sides.own_name), unless it names a
country or is made of generic words only."""

from __future__ import annotations

import pytest

from tui.pipeline.analyze import sides


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("The Sanaga Valley Defence Forces, a separatist militia", "Sanaga Valley Defence Forces"),
        ("A Red Hills Army commander, Mbah Tiku", "Red Hills Army"),
        ("Fighters of the Alliance for the Renewal of Dala", "Alliance for the Renewal of Dala"),
        ("The Western Highlands Transitional Council", "Western Highlands Transitional Council"),
        # a longer own name around a listed one is another group
        ("The Northern Hills National Liberation Army", "Northern Hills National Liberation Army"),
        # a country in the name: the state's forces
        ("The Ethiopian National Defense Force", "Ethiopia"),
        # generic words only, or an international mission: no side of its own
        ("The Armed Forces", ""),
        ("Special Forces", ""),
        ("the United Nations Interim Force", ""),
    ],
)
def test_an_unlisted_group_is_its_own_side(phrase: str, side: str) -> None:
    assert sides.affiliation(phrase) == side


def test_sources_described_then_placed_and_members_of_a_group(find):
    text = (
        "Fighters of the Alliance for the Renewal of Dala said they had shot down a helicopter "
        "near Koro on Tuesday. Two Malian security sources in Mopti said the aircraft had "
        "landed after a technical fault. A United Nations peacekeeping official in Sevare "
        "said observers had seen smoke near the airstrip. Police in Koro said they were still "
        "gathering information. Belgrade said it had no information about the crew."
    )
    found = find(text)
    assert [c.source_canonical for c in found] == [
        "Alliance for the Renewal of Dala",
        "Malian security sources",
        "United Nations peacekeeping official",
        "Police",  # a state body in a place is the body (docs/CLAIMS.md)
        "Serbia",
    ]
    assert found[0].affiliation == "Alliance for the Renewal of Dala"


def test_an_acronym_spelled_out_before_is_that_source_and_its_side(find):
    text = (
        "Ghana's Directorate of Military Intelligence (DMI) said two soldiers were wounded near "
        "Bawku. DMI said the gunmen had fled. The West Africa Conflict Monitor (WACM) said five "
        "people died. WACM said more had been wounded."
    )
    assert [(c.source_canonical, c.affiliation) for c in find(text)] == [
        ("Ghanaian Directorate of Military Intelligence", "Ghana"),
        ("Ghanaian Directorate of Military Intelligence", "Ghana"),
        ("West Africa Conflict Monitor", ""),
        ("West Africa Conflict Monitor", ""),
    ]


def test_a_body_owned_by_a_place_that_is_no_country_takes_no_side_of_the_article(find):
    text = (
        "Israel's military said it struck a Hamas command post in Khan Younis. Gaza's health "
        "ministry said 20 people were killed in the strike."
    )
    assert [c.affiliation for c in find(text)] == ["Israel", ""]


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        # who works for a listed UN agency, aid group or intergovernmental body: no side,
        # whatever country the phrase places them in
        ("The WHO's representative in Sudan, Dr Ana Reyes", ""),
        ("the UN envoy for Yemen", ""),
        ("the head of the ICRC delegation in Ukraine", ""),
        # a country's own envoy to such a body keeps the country
        ("Sudan's UN ambassador", "Sudan"),
        ("Russia's envoy to the UN", "Russia"),
        ("Ukraine's ambassador to the United Nations", "Ukraine"),
    ],
)
def test_a_neutral_body_s_staff_take_no_side_of_the_country_they_work_in(
    phrase: str, side: str
) -> None:
    assert sides.affiliation(phrase) == side
