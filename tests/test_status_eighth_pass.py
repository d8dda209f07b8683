"""Issue 14, eighth pass (status13): each family kept, with invented sentences (docs/CLAIMS.md).

The real analyzer runs on every case (model, entity rules, claims finder); people are
invented, the armed groups are listed ones (so that their sides can be read), countries and
places real. Every case here came out otherwise before the pass.
"""

from __future__ import annotations

from tests.claim_helpers import one, wire_result


def test_two_sides_counts_of_one_sides_dead_dispute_far_apart(find):
    """casualties.py: the army's toll of its own soldiers against the group's, four sentences
    apart, with nothing but the count to tie them."""
    text = (
        "Five Malian soldiers were killed in an ambush near Boni on Monday, the Malian army said. "
        "The convoy was carrying fuel to a camp in the Mopti region. "
        "Traffic on the road had been suspended for a week. "
        "Residents said they heard gunfire for about an hour. "
        "Jama'at Nusrat al-Islam wal-Muslimin said in a statement that its fighters had "
        "killed at least 40 Malian soldiers and seized three vehicles."
    )
    found = find(text)
    assert one(found, "said", "army").status == "disputed"
    assert one(found, "said", "Muslimin").status == "disputed"


def test_counts_that_can_both_hold_are_no_dispute(find):
    """11 against 9, or counts of two different sides' dead, dispute nothing."""
    text = (
        "Eleven Malian soldiers were killed in an ambush near Boni on Monday, the Malian army "
        "said. "
        "The convoy was carrying fuel to a camp in the Mopti region. "
        "Jama'at Nusrat al-Islam wal-Muslimin said in a statement that its fighters had "
        "killed nine soldiers and that four of its own members had died."
    )
    found = find(text)
    assert one(found, "said", "army").status == "claimed"


def test_none_of_its_own_dead_against_a_toll(find):
    """"all the rebels had survived" against "seven rebels had been killed"."""
    text = (
        "The Sudanese army said seven rebels had been killed in the fighting near El Fasher. "
        "The road to the city was closed on Tuesday. "
        "A spokesman for the Rapid Support Forces said all its fighters had survived the "
        "attack."
    )
    found = find(text)
    assert one(found, "said", "army").status == "disputed"
    assert one(found, "said", "Rapid Support").status == "disputed"


def test_a_bare_army_is_the_country_whose_forces_the_article_names(find):
    """"the army" after "Five Malian soldiers" is Mali's, even with the claim before it."""
    text = "Five Malian soldiers were killed in an ambush near Boni on Monday, the army said."
    claim = one(find(text), "said", "army")
    assert (claim.source_canonical, claim.affiliation) == ("Malian Armed Forces", "Mali")


def test_a_statement_in_response_to_claims_disputes_them(find):
    """accounts._responses: "Responding to these claims, X said ..." answers the other party's
    run of claims before it; a warning in that run asserts nothing and stays a claim."""
    text = (
        "A Taliban spokesman, Qari Yusuf, said Pakistani jets had bombed a market in Khost. "
        "He alleged that twelve shopkeepers were among the dead. "
        "He warned that Kabul would answer any further raid. "
        "Responding to these claims, a Pakistani military official said the strikes had hit "
        "hideouts of fighters who attacked border posts."
    )
    found = find(text)
    assert one(found, "said", "Yusuf").status == "disputed"
    assert one(found, "alleged").status == "disputed"
    assert one(found, "warned").status == "claimed"
    assert one(found, "said", "official").status == "disputed"


def test_a_denial_answers_every_account_of_the_act_it_denies(find):
    """events.py: "denied that any Eritrean jets were downed" answers "shot down two Eritrean
    planes" however far back, and a later "shot down two Eritrean aircraft" too; a claim of
    another act or target stays a claim."""
    text = (
        "Ethiopia's air force shot down two Eritrean planes near Badme on Sunday, a military "
        "spokesman said. "
        "The spokesman said the planes had crossed the border at dawn. "
        "Residents of the town said they heard explosions for an hour. "
        "Prices in the market rose sharply after the fighting began last month. "
        "Eritrea's information minister, Yemane Tesfay, denied that any Eritrean jets were "
        "downed. "
        "Ethiopian state television later said the air force had shot down two Eritrean "
        "aircraft and captured a pilot. "
        "The military spokesman said troops had taken a hill near Zalambessa."
    )
    found = find(text)
    first = [c for c in found if "Badme" in c.text]
    assert [c.status for c in first] == ["disputed"]
    assert one(found, "denied", "Yemane").status == "denied"
    assert one(found, "said", "television").status == "disputed"
    assert one(found, "said", "spokesman", "hill").status == "claimed"


def test_a_state_of_limited_recognition_is_a_side(find):
    """data/country_aliases.tsv: Somaliland, Abkhazia, Transnistria ... are their own sides."""
    text = "The Somaliland army said its troops had repelled an attack east of Erigavo."
    assert one(find(text), "said", "army").affiliation == "Somaliland"
    text = "Abkhazia's defence ministry said two drones had been shot down near Gali."
    assert one(find(text), "said", "ministry").affiliation == "Abkhazia"


def test_the_title_of_an_apposed_description_refers_back_to_the_person(find):
    """sources._by_noun: "The commander" after "X, the commander of ..." is X."""
    text = (
        "According to Idris Warsame, the commander of the 4th Brigade of the Somali army, the "
        "troops had retaken the town. The commander alleged that the militants had lost 40 men."
    )
    claim = one(find(text), "alleged")
    assert claim.source_canonical == "Idris Warsame"
    assert claim.affiliation == "Somalia"


def test_a_side_saying_the_act_did_not_happen_denies_it(find):
    """events._negations: "sank five Houthi boats" / "none of its boats had been sunk", five
    sentences apart, with "boats" and "craft" the only words for the target."""
    text = (
        "The Saudi-led coalition said its warships sank five Houthi craft off Hodeidah. "
        "Shipping in the port was suspended for a day. "
        "Aid agencies said fuel deliveries were delayed. "
        "Prices of flour rose in the city's markets. "
        "Fishermen kept to the shore. "
        "A Houthi military spokesman said none of its boats had been sunk."
    )
    found = find(text)
    assert one(found, "said", "coalition").status == "disputed"
    assert one(found, "said", "Houthi").status == "denied"


def test_a_bare_army_never_refers_back_to_an_armed_group_named_army(find):
    """sources._by_noun: "The army said" after "the Kachin Independence Army claimed" is the
    state's army, not the group's."""
    text = (
        "Three Myanmar soldiers were killed near Laiza, the army said. "
        "The Kachin Independence Army claimed to have killed 20 soldiers. "
        "The army said it had encircled a rebel unit near the town."
    )
    last = [c for c in find(text) if "encircled" in c.text]
    assert [c.affiliation for c in last] == ["Myanmar"]
    assert last[0].source_canonical != "Kachin Independence Army"


def test_separatists_of_an_article_naming_one_group_are_that_group(find):
    """insurgents.py: "separatists", "Separatist rebels", "the militants" as "the rebels"."""
    text = (
        "The Baloch Liberation Army attacked two camps in Panjgur on Wednesday. "
        "Seven soldiers were killed, the Pakistani army said, while separatists claimed dozens "
        "more had died."
    )
    claim = one(find(text), "claimed", "separatists")
    assert (claim.source_canonical, claim.affiliation) == (
        "Baloch Liberation Army",
        "Baloch Liberation Army",
    )


def test_wire6_floors():
    """wire6 (14 real reports, the seventh pass's validation set, development data since the
    eighth): floors close to what the eighth pass reached (claim F1 0.903, status 0.768,
    canonical 0.848, affiliation 0.880; bench/README.md, "Claims: eighth pass"). The texts
    live outside the repository: skipped unless all 14 are there."""
    result = wire_result("wire6")
    assert result.f1 >= 0.94  # 0.953 since session 15 fixed thirteen gold source offsets
    assert result.share(result.status_ok) >= 0.75  # 0.750; 0.758 thirteenth status pass
    assert result.share(result.canonical_ok) >= 0.83
    assert result.share(result.affiliation_ok) >= 0.86
