"""Issue 14, sixteenth status pass (status21): two sides placing one event on different ground.

The real analyzer runs on every case (model, entity rules, claims finder); the people are
invented, countries real. Each pair came out `claimed` before the pass (bench/README.md,
"Claims: sixteenth status pass").
"""

from __future__ import annotations

from tests.claim_helpers import one


def test_two_sides_placing_one_clash_on_each_others_ground_dispute_each_other(find):
    """whereabouts.find: "inside Armenian territory" against "the Azerbaijani side of the
    border" (or "its territory"): one clash cannot have happened on both sides."""
    for second in (
        "Azerbaijan's defence ministry said the clash began when Armenian troops opened fire "
        "on a patrol on the Azerbaijani side of the border.",
        "Azerbaijan's defence ministry said its soldiers had been fired on in its territory "
        "and returned fire.",
    ):
        text = (
            "Armenia's defence ministry said its soldiers were inside Armenian territory when "
            "they came under fire near the village. " + second
        )
        found = find(text)
        assert one(found, "said", "Armenia").status == "disputed", second
        assert one(found, "said", "Azerbaijan").status == "disputed", second


def test_international_airspace_against_a_states_airspace(find):
    """ "in international airspace" against "in its airspace": the aircraft was in one."""
    text = (
        "Greece's defence ministry said the drone was flying in international airspace when "
        "it was shot down. "
        "Turkey's defence ministry said it downed the drone in its airspace after warnings."
    )
    found = find(text)
    assert one(found, "said", "Greece").status == "disputed"
    assert one(found, "said", "Turkey").status == "disputed"


def test_two_incidents_or_one_ground_are_no_contest(find):
    """Each side's own aircraft placed ("Armenian drones" / "Azerbaijani jets"): two incidents;
    both on one ground: they agree where it happened."""
    for text in (
        "Armenia's defence ministry said Azerbaijani jets flew in Armenian airspace on Monday. "
        "Azerbaijan's defence ministry said Armenian drones flew in Azerbaijani airspace.",
        "Armenia's defence ministry said its soldiers were shelled inside Armenian territory. "
        "Azerbaijan's defence ministry said Armenian troops had shelled first, inside "
        "Armenian territory.",
    ):
        found = find(text)
        assert one(found, "said", "Armenia").status == "claimed", text
        assert one(found, "said", "Azerbaijan").status == "claimed", text
