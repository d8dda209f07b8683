"""A label borrowed through a relative word is no claim (claims21, session 19; positions.py):
"what the rebels call a liberated zone", "a unit, which he termed an elite division"; nor is
ground claimed ("the area claimed by India"). Sentences of our own, the naming and claiming
that stay claims, then the floors the pass reached on development wire copy."""

from __future__ import annotations

import pytest

from tests.claim_helpers import one, wire_result
from tui.core.models import Claim
from tui.pipeline.analyze import claims, entities, model


@pytest.fixture(scope="module")
def find():
    nlp = model.get_nlp()

    def run(text: str) -> tuple[Claim, ...]:
        doc = nlp(text)
        return claims.find_claims(doc, entities.find_entities(doc))

    return run


@pytest.mark.parametrize(
    "text",
    [
        "The rebels hold what they call a liberated zone along the river.",
        "Shelling disrupted what the governor had called the calmest harvest in years.",
        "The brigade, which he termed an elite division, lost most of its tanks.",
        "Fighters crossed into what the government dubs the security belt.",
    ],
)
def test_a_name_given_through_a_relative_word_is_no_claim(find, text):
    assert find(text) == ()


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The army called the report a lie.", "called", "The army"),
        ("The ministry termed the shelling a war crime.", "termed", "The ministry"),
        ("The governor described the attack as a massacre.", "described", "The governor"),
    ],
)
def test_a_name_given_to_an_object_stays_a_claim(find, text, cue, source):
    claim = one(find(text), cue)
    assert claim.source == source


def test_the_claim_around_a_borrowed_label_stays(find):
    text = "The ministry said the drones struck what the rebels call a liberated zone."
    found = find(text)
    assert [c.cue for c in found] == ["said"]


@pytest.mark.parametrize(
    "text",
    [
        "Troops tried to enter the area claimed by the neighbouring state.",
        "The kingdom claims the whole territory.",
        "Both countries claim the islands, which lie near a shipping lane.",
        "The army invaded to claim land the neighbour considers its own.",
    ],
)
def test_ground_claimed_is_no_claim(find, text):
    assert find(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "The rebels claimed to have taken the town.",
        "The rebels claimed that the town had fallen.",
        "The group claimed the attack.",
        "The rebels claimed control of the border crossing.",
    ],
)
def test_claiming_a_capture_or_an_attack_stays_a_claim(find, text):
    assert one(find(text), "claimed").source.startswith("The ")


@pytest.mark.parametrize(
    ("split", "floor"),
    [
        ("wire5", 0.945),  # 0.939 -> 0.949
        ("wire6", 0.955),  # 0.953 -> 0.957
        ("wire8", 0.895),  # 0.892 -> 0.896
        ("wire9", 0.92),  # 0.921, unchanged: the split this pass never read
        ("wire14", 0.915),  # 0.913 -> 0.917
        ("wire15", 0.882),  # 0.880 -> 0.884
    ],
)
def test_claim_f1_floors_after_the_naming_pass(split, floor):
    """Claim F1 on development wire copy (bench/README.md, "Claims: claim F1 on unread copy
    (claims21)"); skipped unless the texts are there."""
    assert wire_result(split).f1 >= floor, split
