"""One name per source and its side, the sixteenth pass (canon21; docs/CLAIMS.md, "Canonical
source", "Affiliation"). Sentences of our own, one test per family kept; each fails on the
code before the pass."""

from __future__ import annotations

import pytest

from tests.claim_helpers import check_source_floors
from tui.core.models import Claim
from tui.pipeline.analyze import sides


def filed(found: tuple[Claim, ...]) -> list[tuple[str, str]]:
    return [(c.source_canonical, c.affiliation) for c in found]


def test_a_capital_two_countries_share_names_the_more_populous() -> None:
    """Kingston is Jamaica's capital and Norfolk Island's: the people live in Jamaica's."""
    assert sides.capitals()["kingston"] == "Jamaica"
    assert sides.affiliation("The authorities in Kingston") == "Jamaica"
    assert sides.capitals()["belgrade"] == "Serbia"  # a withdrawn code still loses


def test_a_bare_state_body_before_any_country_takes_the_article_s(find) -> None:
    """ "The Defence Ministry said ..." in a report that names its country only further down:
    the country the whole article names most."""
    text = (
        "The Defence Ministry said two soldiers were killed when gunmen attacked a post near "
        "the river. It was the third attack on Zambian border posts this month."
    )
    assert filed(find(text))[0][1] == "Zambia"


def test_a_body_a_part_of_a_country_owns_or_a_rebel_opposes_takes_no_country(find) -> None:
    """ "the enclave's health ministry" is the enclave's, not its country's; "Rebels opposing
    the government" do not speak for the government."""
    text = (
        "Nine people were killed in the shelling, the enclave's health ministry said. The "
        "strikes followed a week of Zambian raids on the coast."
    )
    assert filed(find(text))[0][1] == ""
    text = (
        "Rebels opposing the government said they had taken two towns. Zambian troops were "
        "sent to the north."
    )
    assert filed(find(text))[0][1] == ""


def test_an_office_of_a_state_with_no_country_is_the_article_s(find) -> None:
    """ "Foreign Secretary X", "the state Attorney General", "a local official", "district
    administrator X": the place's country, else the one the article names; not a rebel
    officer's, not the UN Secretary-General's."""
    text = (
        "Zambian troops crossed the river on Monday. Foreign Secretary Ruth Banda said the "
        "patrol had been fired on first."
    )
    assert filed(find(text))[-1] == ("Ruth Banda", "Zambia")
    text = (
        "Four police officers were killed in eastern Zambia on Friday, a local official said."
    )
    assert filed(find(text)) == [("local official", "Zambia")]
    text = (
        "Gunmen attacked a bank in northern Zambia. The state Attorney General said the "
        "suspects had been charged."
    )
    assert filed(find(text))[-1][1] == "Zambia"
    text = (
        "Zambian troops crossed the river on Monday. UN Secretary-General Ana Cruz said the "
        "fighting must stop."
    )
    assert filed(find(text))[-1][1] == ""


@pytest.mark.parametrize(
    ("split", "canonical", "side"),
    [
        ("wire2", 0.95, 0.96),  # 0.955 / 0.955 -> 0.955 / 0.970
        ("wire3", 0.84, 0.80),  # 0.848 / 0.793 -> 0.848 / 0.804
        ("wire9", 0.84, 0.77),  # 0.848 / 0.768 -> 0.848 / 0.778 (held out this pass)
        ("wire10", 0.69, 0.75),  # 0.694 / 0.729 -> 0.694 / 0.753
        ("wire11", 0.76, 0.83),  # 0.769 / 0.779 -> 0.769 / 0.837
        ("wire12", 0.69, 0.70),  # 0.691 / 0.629 -> 0.691 / 0.701
        ("wire13", 0.76, 0.82),  # 0.765 / 0.790 -> 0.765 / 0.827
        ("wire14", 0.90, 0.88),  # 0.905 / 0.867 -> 0.905 / 0.886
        ("wire15", 0.73, 0.71),  # 0.738 / 0.655 -> 0.738 / 0.714
    ],
)
def test_canonical_source_and_side_floors_after_the_sixteenth_pass(
    split: str, canonical: float, side: float
) -> None:
    """Floors close to the figures this pass reached on development wire copy (wire16, the
    validation set, is never scored here). Skipped unless the texts are there."""
    check_source_floors(split, canonical, side)
