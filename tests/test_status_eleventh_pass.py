"""Issue 14, eleventh status pass (status16): confirmation, and disputes told later.

The real analyzer runs on every case (model, entity rules, claims finder); the people and
groups are invented, countries and places real. Every case here came out otherwise before the
pass (bench/README.md, "Claims: eleventh status pass").
"""

from __future__ import annotations

from tests.claim_helpers import one, wire_result


def test_an_attack_admitted_by_the_attacker_confirms_both_accounts(find):
    """admissions: the party the claim hurts concedes it; both are confirmed, with each
    other's sentence as evidence. A claim that names the party only among the victims is
    not conceded."""
    text = (
        "Gunmen of the Okapi Liberation Front attacked a police station in the town of Bunia "
        "overnight, the provincial governor said. "
        "He said two officers and several Okapi Liberation Front supporters were wounded. "
        "The Okapi Liberation Front admitted carrying out the attack and said it was revenge "
        "for the arrest of its leaders."
    )
    found = find(text)
    attack, wounded = (c for c in found if "governor" in c.source)
    admitted = one(found, "admitted", "Front")
    assert attack.status == "confirmed"
    assert admitted.status == "confirmed"
    assert [e.kind for e in attack.evidence] == ["confirmation"]
    assert "admitted" in text[attack.evidence[0].start : attack.evidence[0].end]
    assert "wounded" in wounded.text and wounded.status == "claimed"


def test_a_claim_of_responsibility_confirms_the_accusation_but_a_denial_still_disputes_it(find):
    """admissions: precedence (docs/CLAIMS.md): the accusation is conceded by one group and
    denied by the other: disputed wins; the claim of responsibility is confirmed."""
    text = (
        "The army said on Friday that two armed groups, the Hill Defence Army and the River "
        "Brigade, were responsible for the attack on a border checkpoint. "
        "The River Brigade denied any involvement in the attack. "
        "The Hill Defence Army released a statement claiming responsibility for the attack."
    )
    found = find(text)
    assert one(found, "said", "army").status == "disputed"
    assert one(found, "released", "Hill Defence Army").status == "confirmed"


def test_an_admission_refused_confirms_nothing(find):
    """admissions: "refused to acknowledge" is no concession."""
    text = (
        "Rebels of the Sun Front shelled a market in the town, the mayor said. "
        "The Sun Front refused to acknowledge the shelling, its spokesman said."
    )
    found = find(text)
    assert one(found, "said", "mayor").status == "claimed"


def test_confirming_the_attack_confirms_the_account_of_it_before(find):
    """admissions.event_account: "confirmed the attack" points back at the last account of
    an act, with the claims its party made just before."""
    text = (
        "The Delta Avengers said on Monday they had blown up an oil pipeline near Warri. "
        "The group said its fighters planted the charges before dawn. "
        "A spokesman for the pipeline's operator confirmed the attack, saying engineers were "
        "assessing the damage."
    )
    found = find(text)
    assert one(found, "said", "Delta Avengers").status == "confirmed"
    assert one(found, "said", "group").status == "confirmed"
    assert one(found, "confirmed", "spokesman").status == "confirmed"


def test_rarely_confirmed_and_not_possible_immediately_to_confirm_are_no_confirmations(find):
    """verification: a negative adverb negates "confirmed"; "not possible immediately to
    confirm" is a remark that the claim could not be verified (adverb before "to")."""
    found = find(
        "The army said its troops had killed 200 rebels in the hills near the border on "
        "Monday. Observers say similar army claims of heavy rebel losses have rarely been "
        "independently confirmed in the past."
    )
    assert one(found, "said", "army").status == "claimed"
    found = find(
        '"Up to 15 rebel fighters have also been killed since then in various places," an '
        "army spokesman said by telephone. It was not possible immediately to confirm the report."
    )
    claim = one(found, "said", "spokesman")
    assert claim.status == "unconfirmed"
    assert [e.kind for e in claim.evidence] == ["unverified"]


def test_wire9_floors():
    """wire9 (12 real reports, the validation set of session 14, development data since
    session 15): floors close to what the eleventh status pass reached (bench/README.md).
    Skipped unless the texts are there."""
    result = wire_result("wire9")
    assert result.f1 >= 0.88
    assert result.share(result.status_ok) >= 0.68  # 0.598 -> 0.629; 0.687 (status17)
    assert result.confirmed_predicted == result.confirmed_right  # no wrong "confirmed"


def test_a_party_of_no_side_telling_the_same_act_corroborates_it(find):
    """corroboration: a UN official reports the shelling a side claimed (a place and the
    positions shared): both are confirmed; a resident who says the opposite is no
    corroboration."""
    text = (
        "The Sahel Liberation Front said its fighters shelled army positions near Tessit on "
        "Monday night. The army did not comment. A United Nations official in Gao said "
        "peacekeepers had recorded six mortar impacts near the army positions at Tessit that "
        "night."
    )
    found = find(text)
    assert one(found, "said", "Front").status == "confirmed"
    assert one(found, "said", "official").status == "confirmed"
    found = find(
        "The Sahel Liberation Front said its fighters shelled army positions near Tessit on "
        "Monday night. A resident of Tessit said no shells had fallen near the army positions."
    )
    assert one(found, "said", "Front").status != "confirmed"


def test_a_toll_put_on_the_governments_dead_answers_the_governments_count(find):
    """casualties: "put the government death toll at 26" counts the state's forces' dead, as
    "one soldier was killed" does: far apart, the two dispute each other."""
    text = (
        "Mozambique's interior ministry said one soldier was killed in the weekend assault on "
        "the Renamo camp at Pandje. "
        "Renamo spokesman Jose Macuacua put the government death toll at 26."
    )
    found = find(text)
    assert one(found, "said", "ministry").status == "disputed"
    assert one(found, "put", "Renamo").status == "disputed"


def test_staged_attacks_are_attacks_carried_out_not_a_denial(find):
    """disputes: "staged four attacks" (a count after it) is carrying them out; "the attack
    was staged" is still a denial."""
    found = find("The defence ministry said rebels staged four attacks on Thursday near Rama.")
    assert one(found, "said", "ministry").status == "claimed"
    found = find(
        "The army said rebels shelled the market. The rebel spokesman said the attack was staged."
    )
    assert one(found, "said", "rebel spokesman").status == "denied"


def test_a_denial_that_an_encounter_happened_answers_the_whole_account_of_it(find):
    """negated: "denied that an encounter happened" is "there was no encounter": every claim
    of the other side that tells it, and the rest of that account ("encounter" is a word for
    an armed encounter, data/armed_encounters.txt)."""
    text = (
        "Four rebels were killed in an encounter with government troops in Maragusan town on "
        "Thursday, the military said. "
        "The rebels withdrew after a 20-minute firefight, the military said. "
        "Soldiers recovered two rifles and a grenade at the site, it added. "
        "The Communist Party of the Philippines denied that an encounter happened in the town."
    )
    found = find(text)
    military = [c for c in found if c.source in ("the military", "it")]
    assert len(military) == 3 and all(c.status == "disputed" for c in military)
    assert one(found, "denied", "Communist").status == "denied"


def test_a_denial_that_there_had_been_any_shooting_answers_the_firefight_not_a_no_knowledge(find):
    """negated: "denied that there had been any shooting" is "there had been no shooting"; a
    claim that itself negates ("claimed no knowledge of the incident") tells no event."""
    text = (
        "Military officials said calm had returned to the border after a brief firefight on "
        "Thursday that left one soldier dead. "
        "Thai officials claimed no knowledge of the incident. "
        "A government spokesman in Phnom Penh denied that there had been any shooting."
    )
    found = find(text)
    assert one(found, "said", "Military officials").status == "disputed"
    assert one(found, "claimed", "Thai officials").status == "claimed"


def test_a_side_that_suffered_no_casualty_answers_a_count_of_its_dead(find):
    """casualties: "suffered no casualty" (singular) is none of the side's dead."""
    text = (
        "Pakistan's army said 12 Taliban fighters were killed in the clash near Wana on Sunday. "
        "A Taliban spokesman said the group suffered no casualty and withdrew safely."
    )
    found = find(text)
    assert one(found, "said", "army").status == "disputed"


def test_troops_said_to_have_crossed_into_a_country_against_had_not_crossed(find):
    """events: an incursion is an act on a country's territory; the other side's "had not
    crossed into" it denies every account of it, the later one in other words too."""
    text = (
        "Eritrea's information minister said 200 Ethiopian troops crossed into Eritrea on "
        "Saturday. "
        "An Ethiopian official said Ethiopian troops were on the border but had not crossed "
        "into Eritrea. "
        "The minister said Ethiopian soldiers had entered Eritrean villages near Tesseney."
    )
    found = find(text)
    assert one(found, "said", "official").status == "denied"
    minister = [c for c in found if "minister" in c.source]
    assert len(minister) == 2 and all(c.status == "disputed" for c in minister)


def test_everything_announced_by_a_party_named_in_a_quoted_denial_is_disputed(find):
    """evidence.references: "everything that has been announced by X" and "what X said" name
    X's statements; disputes reads a quotation that stands before its cue ('"...," he said')."""
    text = (
        "Rebel spokesman Omar Bakri of the Free Fezzan Army said rebel fighters had encircled "
        "the oil town of Brega. "
        "He said the streets were littered with landmines. "
        '"Brega is under our full control, and everything that has been announced by the '
        'self-proclaimed Free Fezzan Army is lies," a Libyan government spokesman said.'
    )
    found = find(text)
    rebels = [c for c in found if c.affiliation == "Free Fezzan Army"]
    assert len(rebels) == 2 and all(c.status == "disputed" for c in rebels)
    assert one(found, "said", "government spokesman").status == "denied"
