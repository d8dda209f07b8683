"""Amounts in claims and what they count (no model)."""

from __future__ import annotations

import pytest

from tui.pipeline.stories.amounts import amounts_in


def found(text: str) -> list[tuple[str, int, int, str]]:
    return [(a.what, a.low, a.high, a.kind) for a in amounts_in(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("killing 14 people, including two children, and wounding 52",
         [("killed", 14, 14, "people"), ("killed", 2, 2, "children"),
          ("wounded", 52, 52, "people")]),
        ("Two people died and three were wounded",
         [("killed", 2, 2, "people"), ("wounded", 3, 3, "people")]),
        ("the death toll in Dnipro has risen to 19", [("killed", 19, 19, "people")]),
        ("Russia had launched 63 drones overnight, of which 41 were shot down",
         [("launched", 63, 63, "drones"), ("downed", 41, 41, "drones")]),
        ("air defences brought down 41 of 63 Shahed and decoy drones",
         [("downed", 41, 41, "drones"), ("launched", 63, 63, "drones")]),
        ("neutralising dozens of assailants", [("killed", 24, 99, "attackers")]),
        ("two of the dead were children", [("killed", 2, 2, "children")]),
        ("About 2,400 families fled the camp", [("displaced", 2400, 2400, "families")]),
        ("police detained twenty-three protesters", [("detained", 23, 23, "people")]),
        ("put the number of dead at 14, with 52 people wounded",
         [("killed", 14, 14, "people"), ("wounded", 52, 52, "people")]),
        ("the war has displaced 7 million people", [("displaced", 7_000_000, 7_000_000, "people")]),
        ("about 1.5 million people fled", [("displaced", 1_500_000, 1_500_000, "people")]),
        ("some two thousand residents fled", [("displaced", 2000, 2000, "people")]),
        ("about 45,000, and perhaps more, fled the city", [("displaced", 45000, 45000, "people")]),
        ("Three civilians were killed when a drone struck two vehicles",
         [("killed", 3, 3, "people")]),  # the vehicles are no one (twelfth pass)
        ("killing 14 people, six of them children",
         [("killed", 14, 14, "people"), ("killed", 6, 6, "children")]),  # a part, of the 14
    ],
)  # fmt: skip
def test_amounts_and_their_quantities(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "killing a 58-year-old man",
        "The missile hit the building at about 3:40 a.m.",
        "the city lies 100 km from the front line",
        "fighting has gone on since February 2022",
        "destroyed around 2,000 tonnes of sunflower seeds",
        "One of the drones hit a power substation",
        "troops repelled 14 assaults",
        "a drone struck two vehicles near the wall",  # things hit (twelfth pass)
        "artillery destroyed three posts and seized six pickups",
    ],
)
def test_numbers_that_count_nothing_we_report(text: str) -> None:
    assert found(text) == []


def test_the_words_keep_the_qualifier_and_offsets_index_the_text() -> None:
    text = "Officials said at least 31 people were killed."
    (amount,) = amounts_in(text, 15, len(text))
    assert amount.words == "at least 31"
    assert text[amount.start : amount.end] == "at least 31 people"


def test_a_part_named_after_a_count_leaves_the_count_whole() -> None:
    """Tenth pass: "N of them" after a count is a part of it, and "one" as a determiner
    ("every one of", "from one village") counts nothing (it took the count's place before)."""
    assert found("Nine villagers, two of them women, were killed") == [
        ("killed", 9, 9, "people"), ("killed", 2, 2, "people"),
    ]  # fmt: skip
    assert found("every one of the dead was a farmer") == []
    assert found("Twelve people from one village died") == [("killed", 12, 12, "people")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every number of a list of ages is an age
        ("the two injured workers, aged 34 and 51, had been taken to hospital",
         [("wounded", 2, 2, "people")]),
        ("three children aged 5, 7 and 12 were killed", [("killed", 3, 3, "children")]),
        # households are displaced (or lose a family), never wounded
        ("left about 40,000 households without power; two workers were injured",
         [("wounded", 2, 2, "people")]),
        ("2,400 households were displaced", [("displaced", 2400, 2400, "families")]),
    ],
)  # fmt: skip
def test_ages_and_households_are_no_casualties(text: str, expected: list[tuple]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the M23 fired Grad rockets at villages, killing 14 civilians",
         [("killed", 14, 14, "people")]),
        ("Russia launched S-300 missiles at the city", []),
        ("the rebels fired 12 BM-21 rockets", [("launched", 12, 12, "missiles")]),
        ("air defences downed 23 Shahed-136 drones", [("downed", 23, 23, "drones")]),
        ("troops of the 4th Brigade killed five civilians", [("killed", 5, 5, "people")]),
        ("155mm shells killed three people", [("killed", 3, 3, "people")]),
    ],
)  # fmt: skip
def test_digits_in_a_word_are_no_count(text: str, expected: list[tuple]) -> None:
    """Names of groups and weapons ("M23", "S-300", "BM-21"), ordinals and units ("4th",
    "155mm"): the demo's Congo story had 23 missiles launched from "the M23"."""
    assert found(text) == expected
