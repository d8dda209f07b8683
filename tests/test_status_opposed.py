"""Two sides' accounts of one event set against each other without a word of denial
(analyze/opposed.py): each blames the other's forces, or the later narrows the earlier with
"only". Two sides reporting their own strikes on each other are no dispute."""

from __future__ import annotations

from tui.core.models import Claim


def statuses(found: tuple[Claim, ...]) -> list[tuple[str, str]]:
    return [(c.affiliation, c.status) for c in found]


def test_each_side_blaming_the_other_disputes_both(find):
    text = (
        "Eritrea's information ministry said Ethiopian troops shelled a border post near "
        "Zalambessa on Sunday, killing two guards. Ethiopia's army said it was Eritrean forces "
        "who opened fire on the post first."
    )
    found = find(text)
    assert statuses(found) == [("Eritrea", "disputed"), ("Ethiopia", "disputed")]
    first, second = found
    assert text[first.evidence[0].start : first.evidence[0].end].startswith("Ethiopia's army")
    assert first.evidence[0].by == second.source_canonical


def test_the_later_account_narrowing_the_earlier_disputes_both(find):
    text = (
        "Eritrea's information ministry said Ethiopian troops fired mortar rounds into the "
        "village of Tsorona, wounding four farmers. Ethiopia's army said its troops had fired "
        "only warning shots near the village."
    )
    assert statuses(find(text)) == [("Eritrea", "disputed"), ("Ethiopia", "disputed")]


def test_two_sides_reporting_their_own_strikes_do_not_dispute(find):
    text = (
        "Ethiopia's army said its drones struck Eritrean positions near Badme on Monday. "
        "Eritrea's information ministry said its artillery shelled Ethiopian trenches near "
        "Badme in response."
    )
    assert statuses(find(text)) == [("Ethiopia", "claimed"), ("Eritrea", "claimed")]


def test_offering_no_evidence_is_no_denial(find):
    text = (
        "The Sanaga Valley Defence Forces said its fighters shot dead four soldiers near "
        "Mbanga on Friday, but offered no evidence."
    )
    (claim,) = find(text)
    assert (claim.status, [e.kind for e in claim.evidence]) == ("unconfirmed", ["unverified"])


def test_a_demonstrative_points_at_the_statement_just_made(find):
    text = (
        "The Red Hills Army said its fighters had taken the town of Ekok on Monday. "
        "An army spokesman, Col. Paul Ndi, pushed back on that, saying troops still patrolled "
        "the town. A local chief said that was false."
    )
    found = find(text)
    first, push, saying = found[:3]
    assert first.status == "disputed"
    assert (push.status, saying.status) == ("denied", "denied")
    assert text[first.evidence[0].start :].startswith("An army spokesman")


def test_a_negated_clause_goes_with_a_denial_by_the_same_source(find):
    text = (
        "Eritrea's information ministry said Ethiopian troops had crossed the border at Bure. "
        "Ethiopia's army said no soldier had crossed the line and called the Eritrean "
        "statement a fabrication."
    )
    found = find(text)
    assert [c.status for c in found] == ["disputed", "denied", "denied"]


def test_the_owner_after_given_by_ends_before_the_verb(find):
    text = (
        "Ghana's army said soldiers killed nine gunmen who attacked a post near Bawku on "
        "Tuesday. The figure given by the army could not be verified independently."
    )
    (claim,) = find(text)
    assert (claim.status, [e.kind for e in claim.evidence]) == ("unconfirmed", ["unverified"])


def test_a_denial_set_against_a_claim_with_but_is_no_account_disputed(find):
    text = (
        "Eritrea said on Monday it had repelled an offensive near Bure, but Ethiopian "
        "officials dismissed the report."
    )
    first, denial = find(text)
    assert first.status == "disputed"
    assert [e.kind for e in denial.evidence] == ["denial"]


def test_saying_it_was_not_responsible_is_a_denial(find):
    text = (
        "Ghana's army said the Western Togoland Restoration Front had bombed a police post in "
        "Ho. The Western Togoland Restoration Front said it was not responsible for the attack."
    )
    army, front = find(text)
    assert (army.status, front.status) == ("disputed", "denied")


def test_a_place_said_not_to_have_fallen_denies_the_capture(find):
    text = (
        "The Western Togoland Restoration Front said its fighters had overrun an army post at "
        "Kpando. Ghana's army said the post had not fallen."
    )
    front, army = find(text)
    assert (front.status, army.status) == ("disputed", "denied")
    assert [text[e.start : e.end] for e in army.evidence] == ["had not fallen"]


def test_a_same_side_confirmation_shares_the_dispute_of_what_it_confirms(find):
    text = (
        "Ghana's police said gunmen from Togo had attacked a patrol near Ho on Sunday. "
        "Ghana's interior minister, Kwame Asante, confirmed the police account. "
        "Togo's government denied the report."
    )
    police, minister, togo = find(text)
    assert (police.status, minister.status, togo.status) == ("disputed", "disputed", "denied")


def test_speech_said_not_to_have_happened_is_no_claim(find):
    text = (
        "Gunmen killed four soldiers at a post near Kpando on Friday, Ghana's army said. "
        "No group has claimed the attack. Nobody claimed an earlier raid either."
    )
    assert [c.source for c in find(text)] == ["Ghana's army"]


def test_a_confirmation_with_a_reservation_leaves_the_claim_disputed(find):
    text = (
        "Eritrea said Ethiopian troops had shelled its positions near Bure. Ethiopia confirmed "
        "an exchange of fire near Bure but blamed Eritrea for starting it."
    )
    eritrea, confirmed, blamed = find(text)
    assert eritrea.status == "disputed"
    assert "confirmation" in [e.kind for e in eritrea.evidence]  # still listed
    assert blamed.status == "disputed"
    plain = (
        "The health ministry said 14 people were killed in a strike on a market in Adwa. "
        "Hospital officials confirmed the toll of 14 but said it could rise."
    )
    assert find(plain)[0].status == "confirmed"


def test_a_denial_answers_the_claim_about_the_deniers_own_side(find):
    text = (
        "Pakistan's army said its forces killed 10 militants of the Pakistani Taliban in North "
        "Waziristan. The TTP denied suffering any losses."
    )
    assert [c.status for c in find(text)] == ["disputed", "denied"]


def test_a_report_that_does_not_correspond_to_reality_is_denied(find):
    text = (
        "Eritrea's information ministry said Ethiopian troops fired on its positions near Bure. "
        "Ethiopia's army said the Eritrean report did not correspond to reality."
    )
    assert [c.status for c in find(text)] == ["disputed", "denied"]
