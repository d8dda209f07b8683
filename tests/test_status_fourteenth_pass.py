"""Issue 14, fourteenth status pass (status19): a party confirming that it did the act another
party reports is an admission.

The real analyzer runs on every case (model, entity rules, claims finder); the people and
groups are invented, countries and places real. Every confirmed case here came out `claimed`
before the pass (bench/README.md, "Claims: fourteenth status pass, confirmations").
"""

from __future__ import annotations

from tests.claim_helpers import one, wire_result


def test_confirming_its_fighters_were_behind_the_raid_confirms_the_account_of_the_raid(find):
    """admissions._told_event: "confirmed its fighters were behind the raid" claims the act
    for the confirmer's own party; it confirms the other party's account of that raid, which
    names no attacker, and is confirmed by it."""
    text = (
        "Gabon's defence ministry said its soldiers had fought off an attack by gunmen in two "
        "boats near Cocobeach. "
        "Paul Mba, a spokesman for the Estuary Freedom Movement, confirmed its fighters were "
        "behind the raid."
    )
    found = find(text)
    ministry = one(found, "said", "Gabon")
    spokesman = one(found, "confirmed", "Mba")
    assert (ministry.status, spokesman.status) == ("confirmed", "confirmed")
    assert any("behind the raid" in text[e.start : e.end] for e in ministry.evidence)


def test_confirming_the_attackers_were_its_members_confirms_the_attack(find):
    """admissions.self_actor: "the attackers were members of ..." names the doers of the
    act; the group's spokesman confirming it concedes the army's account of the attack, two
    sentences back and sharing no word but the act's."""
    text = (
        "The Philippine army said soldiers came under attack from dozens of guerrillas near "
        "Marawi on Monday. "
        "The convoy was carrying supplies to outposts in the hills. "
        "Datu Salik, a spokesman for the Moro Freedom Front, confirmed that the attackers were "
        "members of the group."
    )
    found = find(text)
    assert one(found, "said", "Philippine").status == "confirmed"
    assert one(found, "confirmed", "Salik").status == "confirmed"


def test_a_confirmation_of_another_partys_act_is_no_admission(find):
    """The confirmer must be the actor: "confirmed that government troops had shelled their
    villages" is the rebels' account of the other side's act, and concedes nothing."""
    text = (
        "Ethiopia's army said rebels of the Tana Front attacked a garrison near Gondar. "
        "A Tana Front spokesman, Abebe Kassa, confirmed that government troops had shelled "
        "their villages."
    )
    found = find(text)
    assert one(found, "said", "Ethiopia").status != "confirmed"
    assert one(found, "confirmed", "Kassa").status != "confirmed"


def test_a_negated_confirmation_of_ones_own_act_concedes_nothing(find):
    """"confirmed its fighters were not behind the raid" is a denial in a confirming verb: no
    admission."""
    text = (
        "Gabon's defence ministry said its soldiers had fought off an attack by gunmen in two "
        "boats near Cocobeach. "
        "Paul Mba, a spokesman for the Estuary Freedom Movement, confirmed its fighters were "
        "not behind the raid."
    )
    found = find(text)
    assert one(found, "said", "Gabon").status != "confirmed"


def test_wire10_floor():
    """wire10 (12 real reports, development data since session 16): the floor close to what
    this pass reached (bench/README.md). Skipped unless the texts are there."""
    result = wire_result("wire10")
    assert result.share(result.status_ok) >= 0.79  # 0.776 -> 0.800
    assert result.confirmed_right == result.confirmed_predicted


def test_wire13_floor_this_pass():
    """wire13: the status floor this pass reached (0.650 -> 0.675)."""
    result = wire_result("wire13")
    assert result.share(result.status_ok) >= 0.67
