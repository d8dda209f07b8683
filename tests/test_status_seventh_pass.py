"""Issue 14, seventh pass (status12): each family kept, with invented sentences (docs/CLAIMS.md).

The real analyzer runs on every case (model, entity rules, claims finder); people and groups
are invented (the armed groups are listed ones, so that their sides can be read), countries
and places real. Every case here came out otherwise before the pass.
"""

from __future__ import annotations

from tests.claim_helpers import one, wire_result


def test_a_listed_armed_group_is_its_own_side(find):
    """orgs.tsv's armed groups are sides as named_forces.tsv's are (lists.armed_groups)."""
    text = "The Liberation Tigers of Tamil Eelam said on Sunday that its cadres had sunk a gunboat."
    claim = one(find(text), "said", "Liberation Tigers")
    assert claim.affiliation == "Liberation Tigers of Tamil Eelam"


def test_a_claim_laughed_off_is_disputed(find):
    text = (
        "A rebel radio station said three army trucks were destroyed near Kidal, but officials "
        "laughed off the claim."
    )
    found = find(text)
    assert one(found, "said", "radio").status == "disputed"
    assert one(found, "laughed off", "officials").status == "denied"


def test_countering_a_statement_is_a_denial(find):
    text = (
        "The Ethiopian military claimed it killed 300 Fano fighters in clashes in the Amhara "
        "region. Tesfaye Alemu, a Fano spokesperson in Gondar, countered the military’s "
        "statement by alleging that 602 federal soldiers had been killed, 430 wounded, and 98 "
        "captured."
    )
    found = find(text)
    assert one(found, "countered", "Tesfaye").status == "denied"
    assert one(found, "claimed", "military").status == "disputed"


def test_not_correct_read_through_quotation_marks_is_a_denial(find):
    text = (
        'Interfax said troops had entered the town of Gori. A Georgian interior ministry '
        'spokesman, Levan Kapanadze, said the report was "not correct".'
    )
    assert one(find(text), "said", "Kapanadze").status == "denied"
    text = (
        "Local media said two Russian instructors had been killed near Bambari. The embassy "
        'said the reports did "not correspond with the reality."'
    )
    assert one(find(text), "said", "embassy").status == "denied"


def test_a_crash_answers_a_shoot_down(find):
    """counter_accounts.tsv, crash: "crashed" against "shot down", about the same drone."""
    text = (
        "The Libyan National Army said it had shot down a Turkish drone over Misrata. Turkey's "
        "defence ministry said the drone crashed during a routine flight because of a "
        "technical failure."
    )
    found = find(text)
    assert one(found, "said", "Libyan National Army").status == "disputed"
    assert one(found, "said", "defence ministry").status == "disputed"


def test_a_compound_rank_is_no_part_of_the_name(find):
    text = "Lieutenant-Colonel Amadou Sawadogo said the convoy had reached Djibo."
    assert one(find(text), "said", "Sawadogo").source_canonical == "Amadou Sawadogo"


def test_a_family_name_written_first_is_the_known_person(find):
    text = (
        "Chinese Foreign Ministry spokeswoman Hua Lin said the patrol had stayed on its side of "
        "the line. Hua said the two sides were in contact."
    )
    assert one(find(text), "said", "Hua", "two sides").source_canonical == "Hua Lin"


def test_an_agency_of_an_armed_group_is_filed_under_its_name(find):
    text = (
        "The Sahara Press Agency of the Polisario Front said fighters had shelled a Moroccan "
        "post near Mahbes."
    )
    claim = one(find(text), "said", "Agency")
    assert claim.source_canonical == "Sahara Press Agency"
    assert claim.affiliation == "Polisario Front"


def test_a_narrowing_answer_reaches_an_account_naming_the_same_place(find):
    """opposed.py: "only" answers an account up to eight sentences back when both name the same
    place (here "Ounianga Kebir"), even an account already contested."""
    text = (
        "The Union of Forces for Democracy and Development said its fighters had captured "
        "Ounianga Kebir at dawn. Chad's government disputed the rebel statement. The rebels "
        "have fought the government since last year. A rebel spokesman said more towns would "
        "fall. He spoke from Dakar. Chad's Communication Minister, Ahmat Doumgor, confirmed "
        'only that "some armed men" had briefly occupied Ounianga Kebir.'
    )
    assert one(find(text), "confirmed", "Communication Minister").status == "disputed"


def test_a_circumstance_of_time_before_the_source_is_no_apposition(find):
    text = (
        "On Friday, Israeli Defence Minister Amos Perlman said the operation would go on for "
        "weeks."
    )
    assert one(find(text), "said", "Perlman").affiliation == "Israel"


def test_a_government_office_takes_the_article_country(find):
    text = (
        "Fighting flared again in Mozambique's Cabo Delgado province this week. Defence "
        "Minister Joaquim Nhaca said the army had retaken the port town."
    )
    assert one(find(text), "said", "Nhaca").affiliation == "Mozambique"


def test_no_more_than_an_allegation_is_a_denial(find):
    text = (
        "Islamic State said its fighters had attacked an army position in Mocimboa da Praia. "
        "Defence Minister Joaquim Nhaca said this was no more than an allegation."
    )
    assert one(find(text), "said", "Nhaca").status == "denied"


def test_a_rights_group_against_a_side_on_what_a_strike_hit(find):
    """counters.struck: one of the two accounts by a party of no side."""
    text = (
        "Burkina Faso's army said air strikes had destroyed a jihadist camp near Djibo, killing "
        "dozens of fighters. Human Rights Watch said survivors described the strikes hitting a "
        "crowded market, and that at least 20 civilians had died."
    )
    found = find(text)
    assert one(found, "said", "army").status == "disputed"
    assert one(found, "said", "Human Rights Watch").status == "disputed"


def test_wire5_floors():
    """wire5 (12 real reports, the sixth pass's validation set, development data since the
    seventh): floors close to what the seventh pass reached (claim F1 0.905, status 0.758,
    canonical 0.736, affiliation 0.758; bench/README.md, "Claims: seventh pass"). The texts
    live outside the repository: skipped unless all 12 are there."""
    result = wire_result("wire5")
    assert result.f1 >= 0.90
    assert result.share(result.status_ok) >= 0.86  # 0.835 tenth, 0.860 twelfth, 0.871 thirteenth
    assert result.share(result.canonical_ok) >= 0.74  # 0.747 after the eighth pass
    assert result.share(result.affiliation_ok) >= 0.78  # 0.791 after the eighth pass
