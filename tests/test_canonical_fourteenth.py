"""One name per source and its side, the fourteenth pass (canon19; docs/CLAIMS.md, "Canonical
source", "Affiliation"). Sentences of our own, one test per family kept; each fails on the
code before the pass."""

from __future__ import annotations

import pytest

from tests.claim_helpers import check_source_floors
from tui.core.models import Claim
from tui.pipeline.analyze import broadcasters, describe, sides, sources


def filed(found: tuple[Claim, ...]) -> list[tuple[str, str]]:
    return [(c.source_canonical, c.affiliation) for c in found]


def test_a_broadcaster_named_by_its_country_is_that_state_s(find) -> None:
    """ "Radio <capital>", "<country> TV": the state's own; "the report" after it is its too;
    a radio with a name of its own, or its reporter, takes no side from it."""
    assert filed(find("Radio Lusaka said government troops had retaken the crossing.")) == [
        ("Radio Lusaka", "Zambia")
    ]
    text = (
        "State-run Radio Lusaka said the rebels had been routed near the lake. The report also "
        "said two trucks were captured."
    )
    assert filed(find(text)) == [("Radio Lusaka", "Zambia"), ("Radio Lusaka", "Zambia")]
    assert broadcasters.national_medium("Malawi TV") == "Malawi"
    assert broadcasters.national_medium("Radio Free Kivu") == ""
    assert broadcasters.national_medium("Army Radio") == ""


def test_a_compound_rank_is_one_rank_and_the_title_before_it_gives_the_side(find) -> None:
    """ "Brig.-Gen.", "Lt-Gen" are ranks, never the source's name; the body of the title set
    off before the name ("The Director Army Public Relations,") gives the side."""
    assert sources._rank_only("Lt-Gen") and sources._rank_only("Brig.-Gen.")
    assert not sources._rank_only("Lt-Gen Chanda")
    assert describe.lead_in("The Director Army Public Relations, Brig.-Gen. ") == (
        "The Director Army Public Relations, "
    )
    text = (
        "The Zambian army said the border was calm. The Director Army Public Relations, "
        "Brig.-Gen. Chanda Mulenga, said no shots were fired."
    )
    assert filed(find(text))[-1] == ("Chanda Mulenga", "Zambia")


def test_a_person_takes_the_side_of_the_title_at_the_first_mention(find) -> None:
    """ "Nhaca said" after "supporters of Renamo leader Tomas Nhaca" in a sentence that is no
    claim: Renamo's."""
    text = (
        "Clashes broke out between the police and armed supporters of Renamo leader Tomas "
        "Nhaca on Monday.\n\nNhaca said the police had fired first."
    )
    assert filed(find(text)) == [("Tomas Nhaca", "Renamo")]


def test_a_region_s_own_police_or_government_is_its_state_s(find) -> None:
    """A province's police or a state's government, placed by the gazetteers: the state the
    place lies in."""
    assert filed(find("The Kano State Government said the curfew would be lifted on Friday.")) == [
        ("Kano State Government", "Nigeria")
    ]
    text = (
        "Afghan troops moved into the valley on Monday. A spokesman for Takhar provincial "
        "police said four attackers were killed."
    )
    assert filed(find(text))[-1][1] == "Afghanistan"


def test_a_group_listed_by_its_acronym_is_filed_under_the_name_the_article_writes(find) -> None:
    text = (
        "The Movement for Oneness and Jihad in West Africa said its fighters had seized the "
        "town. MUJAO said the army had fled."
    )
    name = "Movement for Oneness and Jihad in West Africa"
    assert filed(find(text)) == [(name, name), (name, name)]
    assert filed(find("MUJAO said the army had fled the town."))[0][0] == "MUJAO"


def test_the_one_group_is_no_listed_name_inside_a_longer_one(find) -> None:
    """ "Kivu National Liberation Army" is not the ELN; "Ugandan rebels" are the one group."""
    text = (
        "The Kivu National Liberation Army attacked the post on Monday. A rebel spokesman said "
        "six soldiers were killed."
    )
    assert filed(find(text)) == [("rebel spokesman", "Kivu National Liberation Army")]
    text = (
        "The Lord's Resistance Army attacked a camp on Monday. Ugandan rebels said six soldiers "
        "were killed."
    )
    assert filed(find(text)) == [("Lord's Resistance Army", "Lord's Resistance Army")]
    tokens = ["The", "Sudan", "People's", "Liberation", "Army"]
    assert sides.own_name(tokens) is None  # no "People's Liberation Army" from inside it


def test_a_relative_clause_gives_no_side(find) -> None:
    text = (
        "Somali envoy Ali Warsame said talks had stalled.\n\nAli Warsame, who flew between "
        "Nairobi, the capital of Kenya, and Kampala this week, said talks would resume."
    )
    assert filed(find(text)) == [("Ali Warsame", "Somalia"), ("Ali Warsame", "Somalia")]


def test_two_parties_and_observers_speak_for_no_side(find) -> None:
    assert filed(find("Both Kenya and Somalia say the border is calm after the clash."))[0][1] == ""
    text = "Military analysts in Kenya said the offensive would stall before the rains."
    assert filed(find(text)) == [("Military analysts", "")]
    text = "Kenyan analysts said the offensive would stall before the rains."
    assert filed(find(text))[0][1] == "Kenya"


@pytest.mark.parametrize(
    ("split", "canonical", "side"),
    [  # the fourteenth pass (canon19), main -> after: bench/README.md, "fourteenth pass"
        ("wire3", 0.84, 0.79),  # 0.848 / 0.761 -> 0.848 / 0.793
        ("wire5", 0.82, 0.88),  # 0.828 / 0.849 -> 0.828 / 0.882
        ("wire6", 0.89, 0.93),  # 0.894 / 0.894 -> 0.894 / 0.932
        ("wire10", 0.67, 0.72),  # 0.647 / 0.671 -> 0.671 / 0.729
        ("wire11", 0.73, 0.76),  # 0.748 / 0.767 -> 0.748 / 0.786; 0.740 / 0.769 on main after
        # the merges (two claims the lead's forms newly find, their sides wrong)
        ("wire13", 0.68, 0.76),  # 0.597 / 0.429 -> 0.688 / 0.766
    ],
)
def test_canonical_source_and_side_floors_after_the_fourteenth_pass(
    split: str, canonical: float, side: float
) -> None:
    """Floors close to the figures this pass reached on development wire copy (wire14, the
    validation set, is never scored here). Skipped unless the texts are there."""
    check_source_floors(split, canonical, side)
