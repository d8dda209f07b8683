"""One name per source and its side, the thirteenth pass (canon18; docs/CLAIMS.md, "Canonical
source", "Affiliation"). Sentences of our own, one test per family kept."""

from __future__ import annotations

import pytest

from tests.claim_helpers import check_source_floors
from tui.core.models import Claim
from tui.pipeline.analyze import acronyms, names, offices


def filed(found: tuple[Claim, ...]) -> list[tuple[str, str]]:
    return [(c.source_canonical, c.affiliation) for c in found]


def test_an_acronym_is_the_name_the_article_writes_with_those_initials(find) -> None:
    """ "The KAF" after "the Kenyan Air Force", with no brackets joining them; an acronym of
    another language's order when the article writes the listed name; none defined, as written."""
    text = (
        "Jets of the Kenyan Air Force struck a convoy near the border on Tuesday. The KAF said "
        "six trucks were destroyed."
    )
    assert filed(find(text))[-1] == ("Kenyan Air Force", "Kenya")
    text = (
        "Fighters of the National Movement for the Liberation of Azawad held the town. The "
        "MNLA said the garrison had fled."
    )
    assert filed(find(text))[-1][0] == "National Movement for the Liberation of Azawad"
    spelled = names.acronyms("The Kenyan Air Force (KAF) said ...")
    assert acronyms.defined("The KAF and the XYZ said.", spelled) == {}
    assert acronyms.defined("The Kenyan Air Force flew. The KAF said.", {}) == {
        "KAF": "Kenyan Air Force"
    }


def test_people_described_then_placed_are_filed_under_the_description(find) -> None:
    """A word before the head that says who they are keeps the description and drops the
    place; a bare head keeps it; two sources joined by "and" are no people in a place."""
    text = "Rebel officials in Peshawar said the convoy was ambushed near the pass on Friday."
    assert filed(find(text))[0][0] == "Rebel officials"
    text = "Defence analysts in Kenya said the offensive would stall before the rains."
    assert filed(find(text))[0][0] == "Defence analysts"
    text = "Officials in Kenya said the offensive would stall before the rains."
    assert filed(find(text))[0][0] == "Officials in Kenya"


def test_officials_named_by_their_office_alone_are_the_article_s_state(find) -> None:
    """ "officials" with no country in their words speak for the country the article has named
    most so far; "sources" do not."""
    text = (
        "Guatemalan troops clashed with smugglers near the river on Sunday. Local officials "
        "said four soldiers were wounded."
    )
    assert filed(find(text))[-1] == ("Local officials", "Guatemala")
    text = (
        "Guatemalan troops clashed with smugglers near the river on Sunday. Sources said four "
        "soldiers were wounded."
    )
    assert filed(find(text))[-1][1] == ""


def test_a_local_office_speaks_for_the_state_its_place_lies_in(find) -> None:
    """The gazetteers place the office's town or region; with none known, the article's
    country."""
    text = (
        "Ethiopian troops shelled the outskirts of Galkayo on Monday. Ahmed Warsame, the mayor "
        "of Kismayo, said two civilians were wounded."
    )
    assert filed(find(text))[-1] == ("Ahmed Warsame", "Somalia")
    assert offices.country_of_place("Lanao del Sur police Chief") == "Philippines"
    assert offices.country_of_place("a deputy mayor") == ""


@pytest.mark.parametrize(
    ("split", "canonical", "side"),
    [  # the thirteenth pass (canon18), main -> after: bench/README.md, "Claims: thirteenth pass"
        ("wire1", 0.94, 0.91),  # 0.945 / 0.890 -> 0.945 / 0.913
        ("wire3", 0.84, 0.75),  # 0.848 / 0.707 -> 0.848 / 0.761
        ("wire5", 0.82, 0.84),  # 0.828 / 0.828 -> 0.828 / 0.849
        ("wire6", 0.89, 0.89),  # 0.864 / 0.886 -> 0.894 / 0.894
        ("wire8", 0.92, 0.80),  # 0.920 / 0.804 -> 0.929 / 0.804
        ("wire9", 0.84, 0.76),  # 0.838 / 0.758 -> 0.848 / 0.768
        ("wire10", 0.64, 0.66),  # 0.600 / 0.635 -> 0.647 / 0.671
        ("wire11", 0.74, 0.76),  # 0.738 / 0.738 -> 0.748 / 0.767
    ],
)
def test_canonical_source_and_side_floors_after_the_thirteenth_pass(
    split: str, canonical: float, side: float
) -> None:
    """Floors close to the figures this pass reached on development wire copy (wire13, the
    validation set, is never scored here). Skipped unless the texts are there."""
    check_source_floors(split, canonical, side)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Congo's army said it had retaken the hills above the lake town.",
         "Democratic Republic of the Congo"),
        ("(Wire) -Democratic Republic of Congo's army said it had retaken the hills. Congo's "
         "army spokesman said the rebels fled.", "Democratic Republic of the Congo"),
        ("In the Republic of Congo, the Pool region was calm. Congo's army said it had "
         "disarmed the militia.", "Republic of the Congo"),
        ("Congo-Brazzaville's government met on Monday. Congo's army said it had disarmed the "
         "militia.", "Republic of the Congo"),
    ],
)
def test_congo_alone_is_the_dr_congo_unless_only_its_neighbour_is_named(find, text, side):
    assert {c.affiliation for c in find(text) if c.source.startswith("Congo")} == {side}
