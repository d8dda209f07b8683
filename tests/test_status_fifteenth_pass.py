"""Issue 14, fifteenth status pass (status20): confirmations that are not.

The real analyzer runs on every case (model, entity rules, claims finder); the people and
groups are invented, countries and places real. Every case here came out `confirmed` before
the pass, or (the remarks) `confirmed` where the article says the claim is not yet checked
(bench/README.md, "Claims: fifteenth status pass").
"""

from __future__ import annotations

from tests.claim_helpers import one, wire_result

REBELS = "Rebels of the Sahel Liberation Front said they had killed 40 soldiers near Menaka. "


def test_yet_to_be_confirmed_is_a_remark_not_a_confirmation(find):
    """verification.UNVERIFIED_RE: "has yet to confirm", "has yet to be confirmed", "remains
    to be confirmed" say the check is still to come: the claim is unconfirmed, never
    confirmed by the verb of confirming inside them."""
    for remark in (
        "The army has yet to confirm the toll.",
        "The claim has yet to be confirmed.",
        "The toll remains to be confirmed.",
    ):
        found = find(REBELS + remark)
        assert one(found, "said", "Rebels").status == "unconfirmed", remark


def test_difficult_to_verify_is_a_remark_not_a_confirmation(find):
    """ "Such reports are difficult to verify", "hard to confirm": a remark that the claims
    could not be checked, as "impossible to verify" is."""
    found = find(REBELS + "Such reports are difficult to verify because the area is closed.")
    assert one(found, "said", "Rebels").status == "unconfirmed"


def test_a_confirmation_in_a_condition_or_a_prospect_confirms_nothing(find):
    """verification.asserted, corroboration._plain: "If confirmed, ..." and "would verify"
    say no check took place; "neither confirmed nor denied" is neither a confirmation nor a
    denial (disputes.denial_span)."""
    same = "the killing of 40 soldiers near Menaka"
    for second in (
        f"If confirmed, {same} would be the deadliest attack this year.",
        f"A UN spokesman said the mission would verify {same}.",
        f"Mali's army neither confirmed nor denied {same}.",
    ):
        found = find(REBELS + second)
        assert one(found, "said", "Rebels").status == "claimed", second


def test_a_confirmation_of_common_words_only_confirms_nothing(find):
    """remarks._confirmed_targets: what the confirming verb governs ("that debris fell on a
    house") must share a telling item with the claim (a number, a name, a rare word), and
    the docs' weight; "the region" / "regional" alone ties nothing."""
    text = (
        "Russia's defence ministry said its forces had shot down 12 drones over the Belgorod "
        "region. "
        "The regional governor said officials had confirmed that debris fell on a house."
    )
    found = find(text)
    assert one(found, "said", "Russia").status == "claimed"


def test_a_confirmation_of_the_same_words_still_confirms(find):
    """The tie kept: the outlet's own check names the place and the act."""
    found = find(REBELS + "Reuters was able to verify that the attack near Menaka took place.")
    assert one(found, "said", "Rebels").status == "confirmed"


def test_a_different_count_of_the_dead_confirms_no_number(find):
    """corroboration.counts_differ: "seven soldiers had been killed" against "killed 40
    soldiers" shares the place and the act but not the count: no confirmation (the bigger
    gap is a dispute, casualties.py)."""
    text = REBELS + "A UN official confirmed that 35 soldiers had been killed near Menaka."
    found = find(text)
    rebels = one(found, "said", "Rebels")
    assert rebels.status != "confirmed"
    assert not any(e.kind == "confirmation" for e in rebels.evidence)


def test_a_party_of_unread_side_does_not_corroborate(find):
    """corroboration.unread_side: "the army" with no side read is a state's body whose side
    the text leaves unread, not a party of no side: its report of the toll corroborates
    nothing. A UN official still does."""
    text = REBELS + "The army said it would publish the number of dead soldiers near Menaka later."
    found = find(text)
    assert one(found, "said", "Rebels").status == "claimed"
    text = (
        "The Polisario Front said its fighters shelled army positions near Mahbes on Monday "
        "night. "
        "A UN official said observers had recorded four artillery impacts near the army "
        "positions at Mahbes that night."
    )
    found = find(text)
    assert one(found, "said", "Polisario").status == "confirmed"


def test_a_confirmation_told_by_the_claims_own_side_confirms_nothing(find):
    """remarks.confirmed: who reports the confirmation must be independent of the claim too.
    A governor (a state's office, side unread) telling that officials confirmed the downing
    does not confirm a country's ministry; a denier's "confirming that ..." is its own
    account, no confirmation of what it denies."""
    text = (
        "Russia's defence ministry said its forces had shot down 12 drones over Belgorod. "
        "The regional governor said officials had confirmed that 12 drones were shot down "
        "over Belgorod."
    )
    assert one(find(text), "said", "Russia").status == "claimed"
    text = (
        "Rebels of the Sahel Liberation Front said they had captured the town of Tessit. "
        "Mali's army denied the claims, confirming that its soldiers had repelled an attack "
        "on Tessit."
    )
    rebels = one(find(text), "said", "Rebels")
    assert rebels.status == "disputed"
    assert not any(e.kind == "confirmation" for e in rebels.evidence)


def test_wire14_floor():
    """wire14 (13 real reports, the validation set of session 17, development data since
    session 18; status21's `whereabouts` read from it): the status floor and no wrong
    `confirmed`."""
    result = wire_result("wire14")
    assert result.share(result.status_ok) >= 0.68  # 0.638, 0.686 after status21
    assert result.confirmed_right == result.confirmed_predicted
