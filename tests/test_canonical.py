"""One name per source and its side (docs/CLAIMS.md, "Canonical source", "Affiliation")."""

from __future__ import annotations

import pytest

from tests.claim_helpers import check_source_floors
from tui.core.models import Claim
from tui.pipeline.analyze import names as naming
from tui.pipeline.analyze import sides


def names(found: tuple[Claim, ...]) -> list[tuple[str, str]]:
    return [(c.source_canonical, c.affiliation) for c in found]


@pytest.mark.parametrize(
    "text",
    [
        "Russia's defence ministry said its forces had taken the village.",
        "The Russian Defense Ministry said its forces had taken the village.",
        "The Russian MoD said its forces had taken the village.",
        "Russia’s Ministry of Defence said its forces had taken the village.",
    ],
)
def test_spellings_of_one_state_body_are_one_name(find, text: str) -> None:
    assert names(find(text)) == [("Russian Defence Ministry", "Russia")]


def test_titles_fullest_name_and_the_body_a_spokesman_speaks_for(find) -> None:
    text = (
        "Mali's army said its drones had struck a rebel base. Col. Souleymane Diarra, an army "
        "spokesman, said 23 fighters were killed. Col. Diarra added that no soldier was hurt."
    )
    assert names(find(text)) == [
        ("Malian Armed Forces", "Mali"),
        ("Souleymane Diarra", "Mali"),
        ("Souleymane Diarra", "Mali"),
    ]


def test_acronyms_groups_and_their_members(find) -> None:
    text = (
        "The Rapid Support Forces (RSF) said its fighters had entered the camp. An RSF "
        "spokesman, Al-Fateh Qurashi, said civilians were safe. M23 rebels said they had "
        "shot down a helicopter."
    )
    assert names(find(text)) == [
        ("Rapid Support Forces", "Rapid Support Forces"),
        ("Al-Fateh Qurashi", "Rapid Support Forces"),
        ("M23", "M23"),
    ]


def test_datelines_statements_capitals_and_seats(find) -> None:
    text = (
        "BANGKOK: The Arakan Army said it had seized a base. Moscow said the report was "
        'false. "The enemy retreated," the statement added. The Kremlin said talks would '
        "resume."
    )
    assert names(find(text)) == [
        ("Arakan Army", "Arakan Army"),
        ("Russia", "Russia"),
        ("Russia", "Russia"),
        ("Kremlin", "Russia"),
    ]


def test_a_name_that_is_a_verb_and_a_relayed_attribution(find) -> None:
    said = '"We have buried 40 people since yesterday," said Said Hamdan, a volunteer.'
    assert names(find(said)) == [("Said Hamdan", "")]
    relayed = (
        "Two senior European diplomats said the Kremlin would accept monitors, the Guardian "
        "reports."
    )
    (claim,) = find(relayed)
    assert (claim.source_canonical, claim.affiliation) == ("senior European diplomats", "")
    assert not relayed[claim.content_start : claim.content_end].endswith("reports")


@pytest.mark.parametrize(
    ("phrase", "side"),
    [
        ("Russian-installed officials in the Kherson region", "Russia"),
        ("Kremlin spokesman Dmitry Orlovsky", "Russia"),
        ("Officials in Rwanda", "Rwanda"),
        ("Residents in Mogadishu", ""),
        ("Officials at the Indonesian hospital in northern Gaza", ""),
        ("The Britain-based Syrian Observatory for Human Rights", ""),
        ("Palestinian Red Crescent", ""),
        ("The Iran-backed Houthis", "Houthis"),
        ("A Myanmar insurgent army", ""),
        ("Local media run by the Myanmar National Democratic Alliance Army",
         "Myanmar National Democratic Alliance Army"),
        ("The health ministry in the Houthi-controlled capital", "Houthis"),
        ("Forces loyal to the Tripoli government", "Libya"),
        ("The authorities in Kathmandu", "Nepal"),  # a state's officials in its capital
        ("Security officials in Islamabad", "Pakistan"),
        ("A reporter in Kyiv", ""),
        ("Residents in Kabul", ""),
    ],
)
def test_affiliation_of_a_phrase(phrase: str, side: str) -> None:
    assert sides.affiliation(phrase) == side


def test_one_of_a_group_is_filed_with_the_group(find) -> None:
    text = (
        "Several fishermen in Mokha said a drone struck their boat at dawn. One of them, who "
        "asked not to be named, said two men were missing. Some of those said the coastguard "
        "never came."
    )
    assert [c for c, _ in names(find(text))] == ["fishermen in Mokha"] * 3


def test_a_possessive_with_own_is_no_part_of_the_name(find) -> None:
    """ "formed their own alliance, which has pledged ...": the alliance is the source, filed under
    its name without "their own" (a general reading of English, as an article is dropped)."""
    text = (
        "The three juntas left the regional bloc and formed their own Alliance of Coastal "
        "States, which has pledged to create a joint force of 3,000 troops."
    )
    assert [c.source_canonical for c in find(text)] == ["Alliance of Coastal States"]


# Eleventh pass of sources and sides (canon16; bench/README.md, "Claims: eleventh pass").


def test_the_rebels_are_the_one_group_named_after_an_article_or_a_person(find) -> None:
    """The one armed group is found anywhere in a run of capitals (a person's name before it:
    "Saw Lay Htoo of the Karen National Union"), and "the rebels" behind a backer are it."""
    text = (
        "Saw Lay Htoo of the Karen National Union said its fighters had overrun an army outpost. "
        "The Thai-backed rebels said three soldiers had been captured."
    )
    assert names(find(text))[-1] == ("Karen National Union", "Karen National Union")


def test_an_armed_group_of_an_earlier_war_is_its_own_side(find) -> None:
    text = "Renamo said its men had ambushed a government convoy on the main road north."
    assert names(find(text)) == [("Renamo", "Renamo")]
    assert sides.affiliation("a spokesman for the Contras") == "Contras"
    assert sides.affiliation("MEND spokesman Jomo Gbomo") == (
        "Movement for the Emancipation of the Niger Delta"
    )


def test_an_acronym_in_mixed_case_is_not_another_groups_acronym() -> None:
    """orgs.tsv writes Jaish-e-Mohammed's acronym "JeM": folded to lower case it was "JEM", the
    Justice and Equality Movement of Darfur."""
    from tui.pipeline.analyze import lists

    assert lists.acronym("JeM") and lists.acronym("RSF") and not lists.acronym("Hizb-ul-Mujahideen")
    assert sides.affiliation("JEM leader Suleiman Adam") != "Jaish-e-Mohammed"
    assert sides.affiliation("a Jaish-e-Mohammed commander") == "Jaish-e-Mohammed"


def test_a_statement_is_filed_under_its_issuer_not_the_outlet_that_carried_it(find) -> None:
    text = (
        "The Karen National Union said its fighters had taken a hill post, according to a "
        "statement carried by the Kaw Thoo Lei news agency. The statement said two soldiers "
        "had been captured. Chile's army command said the border was calm. The Chilean "
        "communique said patrols had been doubled. A communique issued by Bolivia's defense "
        "ministry said no troops had moved."
    )
    assert names(find(text)) == [
        ("Karen National Union", "Karen National Union"),
        ("Karen National Union", "Karen National Union"),  # not the news agency's
        ("Chilean army command", "Chile"),
        ("Chilean army command", "Chile"),
        ("Bolivian Defence Ministry", "Bolivia"),
    ]


def test_a_short_form_of_a_name_given_before_is_that_person(find) -> None:
    text = (
        "Chadian President Idriss Mahamat said his troops had retaken the town. Mahamat "
        "added that the rebels had fled. Sheikh Hassan Sheikh Barre, chairman of the Union of "
        "Courts, said his fighters were still in the hills. Barre said no fighter was killed. "
        "Colonel Omar al-Tayeb said the road was open. Al-Tayeb said the convoy had passed."
    )
    found = names(find(text))
    assert [n for n, _ in found] == [
        "Idriss Mahamat",
        "Idriss Mahamat",
        "Hassan Sheikh Barre",
        "Hassan Sheikh Barre",
        "Omar al-Tayeb",
        "Omar al-Tayeb",
    ]
    assert found[1][1] == "Chad"  # the side of the title the name was first given with


def test_demonyms_the_suffix_rules_miss_and_ap_adjectives() -> None:
    for demonym, country in (
        ("Honduran", "Honduras"),
        ("Argentine", "Argentina"),
        ("Argentinian", "Argentina"),
        ("Philippine", "Philippines"),
        ("Filipino", "Philippines"),
        ("Ivorian", "Ivory Coast"),
        ("Malagasy", "Madagascar"),
    ):
        assert sides.country(demonym) == country
    assert sides.affiliation("Honduran army Lt. Col.") == "Honduras"
    assert naming.adjective("Argentina") == "Argentine"
    assert naming.adjective("Nepal") == "Nepalese"


def test_a_role_described_is_the_one_person_named_with_that_role(find) -> None:
    text = (
        "Malian President Assimi Kone said the army had retaken the town. Rebel military "
        "spokesman Ahmed Ag Bilal said the fighters had withdrawn in good order. The Malian "
        "president said the north would be secured. A military spokesman said the road was "
        "open."
    )
    found = names(find(text))
    assert found[2] == ("Assimi Kone", "Mali")  # "The Malian president"
    assert found[3][0] != "Ahmed Ag Bilal"  # the rebels' spokesman is no "military spokesman"


def test_a_state_body_in_a_capital_is_that_states(find) -> None:
    text = (
        "The army in Nepal said 40 rebels were killed. The authorities in Kathmandu said the "
        "road to the district was closed."
    )
    assert [side for _, side in names(find(text))] == ["Nepal", "Nepal"]
    assert names(find(text))[0][0] == "Nepalese Armed Forces"


def test_state_media_are_the_states(find) -> None:
    text = (
        "Iranian state TV said five guards were killed near the border. Chad's army said it "
        "had repelled an attack near Abeche in eastern Chad. State radio said the town was calm."
    )
    found = names(find(text))
    assert found[0] == ("Iranian state TV", "Iran")
    assert found[-1] == ("Chadian state radio", "Chad")  # the country the article names most


@pytest.mark.parametrize(
    ("split", "canonical", "side"),
    [  # the twelfth pass (canon17), main -> after: bench/README.md, "Claims: twelfth pass"
        ("wire4", 0.84, 0.80),  # 0.815 / 0.804 -> 0.848 / 0.837; 0.816 after canon18 (a
        # district police chief its gold leaves without a side, now the article's country);
        # 0.806 after canon21 ("Military and police officials", side-less in its gold, take
        # the country the whole article names when none is named before them)
        ("wire5", 0.82, 0.82),  # 0.780 / 0.813 -> 0.813 / 0.835; 0.828 / 0.828 with the
        # lead's relayed speakers (more claims matched) and bare governments
        ("wire7", 0.87, 0.89),  # 0.823 / 0.899 -> 0.873 / 0.899
        ("wire8", 0.91, 0.79),  # 0.872 / 0.798 -> 0.917 / 0.798
        ("wire9", 0.83, 0.75),  # 0.722 / 0.670 -> 0.835 / 0.753
        ("wire11", 0.71, 0.73),  # 0.693 / 0.723 -> 0.713 / 0.733
        ("wire12", 0.63, 0.60),  # 0.629 / 0.577 -> 0.639 / 0.608
    ],
)
def test_canonical_source_and_side_floors_on_development_copy(
    split: str, canonical: float, side: float
) -> None:
    """Floors close to the figures the twelfth pass reached on development wire copy (wire10,
    the validation set, is never scored here). Skipped unless the texts are there."""
    check_source_floors(split, canonical, side)


def test_a_bare_government_is_the_government_of_the_article_s_country(find) -> None:
    """ "the government" is one name with "Chad's government" and "the Chadian government";
    with no country named it keeps its words."""
    text = (
        "Chadian troops clashed with rebels near Abeche, the army said. The government said "
        "40 rebels were killed. Chad's government later said the town was calm."
    )
    assert names(find(text)) == [
        ("Chadian Armed Forces", "Chad"),
        ("Chadian Government", "Chad"),
        ("Chadian Government", "Chad"),
    ]
    assert names(find("The government said the talks would resume on Monday.")) == [
        ("government", "")
    ]
