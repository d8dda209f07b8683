"""Issue 14, twelfth status pass (status17): remarks on unconfirmed runs, competing accounts.

The real analyzer runs on every case (model, entity rules, claims finder); the people and
groups are invented, countries and places real. Every case here came out otherwise before the
pass (bench/README.md, "Claims: twelfth status pass").
"""

from __future__ import annotations

from tests.claim_helpers import one


def test_no_way_to_verify_is_a_remark_that_the_claims_could_not_be_verified(find):
    """verification.UNVERIFIED_RE: "there was no way to independently verify" says what
    "it was impossible to verify" says."""
    text = (
        "The Northern Hawks said their fighters had overrun two army posts near Kidal and "
        "killed 40 soldiers. "
        "There was no way to independently verify the claims."
    )
    claim = one(find(text), "said", "Hawks")
    assert claim.status == "unconfirmed"
    assert [e.kind for e in claim.evidence] == ["unverified"]


def test_a_remark_on_two_parties_claims_reaches_each_partys_claims(find):
    """remarks: "the Iranian and Iraqi claims" names the claims of both countries, not only
    the owner next to the noun."""
    text = (
        "Tehran radio said Iranian forces had shot down three Iraqi aircraft over the marshes. "
        "Iranian gunboats also sank an Iraqi patrol boat near Fao, the radio said. "
        "The fighting is the heaviest in the south since the spring. "
        "Baghdad radio said Iraqi forces had destroyed an Iranian fuel depot near Ahvaz. "
        "Both countries have fought for control of the waterway for six years. "
        "There was no independent confirmation of the Iranian and Iraqi claims."
    )
    found = find(text)
    assert [c.status for c in found] == ["unconfirmed"] * 3
