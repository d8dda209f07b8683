"""Issue 14, seventeenth status pass (status22): false denials on copy nobody read.

The real analyzer runs on every case (model, entity rules, claims finder); the people are
invented, countries real. The lying and sequel cases came out `denied` before the pass, the
appeal `confirmed`
(bench/README.md, "Claims: seventeenth status pass").
"""

from __future__ import annotations

from tests.claim_helpers import one, wire_result


def test_bodies_lying_where_they_are_is_no_falsity(find):
    """disputes._PLACED: "lying inside and outside", "lying face down": where something
    lies, every preposition and adverb of place, no lie told."""
    for where in ("inside and outside the market", "around the square", "face down in the road"):
        text = f"A local reporter said he had seen bodies lying {where} after the shelling."
        assert one(find(text), "said", "reporter").status == "claimed", where


def test_a_lie_is_still_a_denial(find):
    """The family keeps "lying" about a statement: "the army is lying"."""
    text = (
        "The rebels said they had shot down a helicopter near the town. "
        "The army said the rebels were lying about the helicopter."
    )
    assert one(find(text), "said", "army").status == "denied"


def test_a_sequel_that_adds_or_concedes_does_not_carry_the_denial(find):
    """sequels._turns: "However, it also confirmed ...", "He said instead ...": the same
    source's next statement adds or concedes, so it says something new, not the denial."""
    for sequel, cue in (
        ("However, the navy also confirmed that two sailors had been injured.", "confirmed"),
        ("Its spokesman Tarek Wazzani said instead that the ship was on a routine patrol.", "said"),
    ):
        text = (
            "The Qatari navy denied reports that its ship had been hit by a missile. " + sequel
        )
        found = find(text)
        assert one(found, "denied").status == "denied", sequel
        assert one(found, cue, content=sequel.split(" that ")[1][:12]).status != "denied", sequel


def test_a_sequel_that_goes_on_still_denies(find):
    """Without a word that adds or concedes, the same source's next statement goes on with
    the denial, as before."""
    text = (
        "The Qatari navy denied reports that its ship had been hit by a missile. "
        "The navy said the ship had not been damaged."
    )
    found = find(text)
    assert one(found, "said", "navy").status == "denied"


def test_an_appeal_corroborates_nothing(find):
    """corroboration.asserts: "called for an investigation into the crash, which killed all
    40 on board" names the act but reports none; a neutral party telling the act still
    corroborates."""
    claim = (
        "Canada's foreign minister Lena Barrow said that a missile fired by Iran brought down "
        "the airliner near Tehran, killing all 40 people on board. "
    )
    appeal = (
        "The leaders of Norway and Chile called for a full investigation into the crash near "
        "Tehran, which killed all 40 people on board."
    )
    found = find(claim + appeal)
    assert one(found, "said", "Barrow").status != "confirmed"
    assert one(found, "called", "leaders").status != "confirmed"


def test_wire_floors_of_this_pass():
    """Development wire copy: wire5 (not read this pass) and wire14, wire15 (read)."""
    assert wire_result("wire5").share(wire_result("wire5").status_ok) >= 0.88  # 0.871 -> 0.882
    assert wire_result("wire14").share(wire_result("wire14").status_ok) >= 0.70  # 0.686 -> 0.705
    result = wire_result("wire15")
    assert result.share(result.status_ok) >= 0.72  # 0.690 -> 0.726
    assert result.confirmed_right >= 2 and result.confirmed_predicted <= 3  # 2 of 5 -> 2 of 3
