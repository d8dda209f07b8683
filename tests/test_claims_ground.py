"""Ground claimed is no claim (claims21, session 19; positions.py): "the area claimed by
India". Sentences of our own, the claiming that stays a claim, then the floors the pass reached
on development wire copy."""

from __future__ import annotations

import pytest

from tests.claim_helpers import one, wire_result


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
        ("wire5", 0.94),  # 0.939 -> 0.944
        ("wire8", 0.895),  # 0.892 -> 0.896
        ("wire9", 0.92),  # 0.921, unchanged: the split this pass never read
        ("wire15", 0.882),  # 0.880 -> 0.884
    ],
)
def test_claim_f1_floors_after_the_ground_pass(split, floor):
    """Claim F1 on development wire copy (bench/README.md, "Claims: claim F1 on unread copy
    (claims21)"); skipped unless the texts are there."""
    assert wire_result(split).f1 >= floor, split
