"""Claims in forms of wire copy the stories sets showed the analysis missing (issue 16, fourth
pass): a figure given with "gave", a two-sentence quotation attributed after it with "told", a
trailing source the parser took for an object."""

from __future__ import annotations

import pytest

from tui.core.models import Claim
from tui.pipeline.analyze import claims, entities, model


@pytest.fixture(scope="module")
def find():
    nlp = model.get_nlp()

    def run(text: str) -> tuple[Claim, ...]:
        doc = nlp(text)
        return claims.find_claims(doc, entities.find_entities(doc))

    return run


def content(text: str, claim: Claim) -> str:
    return text[claim.content_start : claim.content_end]


@pytest.mark.parametrize(
    ("text", "source", "said"),
    [
        (
            "Local volunteers gave a lower toll of 31 dead.",
            "Local volunteers",
            "a lower toll of 31 dead",
        ),
        (
            "The regional administration gave a toll of seven dead and 15 injured.",
            "The regional administration",
            "a toll of seven dead and 15 injured",
        ),
        (
            "The health ministry gave a higher toll of 17 dead.",
            "The health ministry",
            "a higher toll of 17 dead",
        ),
        ("The governor put the death toll at 27.", "The governor", "the death toll at 27"),
        ("Medics at the district hospital counted 14 bodies.", "Medics at the district hospital",
         "14 bodies"),
        ("The monitoring group tallied at least 40 dead.", "The monitoring group",
         "at least 40 dead"),
        ("The army has kept its count of 23 dead.", "The army", "its count of 23 dead"),
    ],
)
def test_a_figure_given_is_a_claim(find, text, source, said):
    (claim,) = find(text)
    assert (claim.source, content(text, claim)) == (source, said)


@pytest.mark.parametrize(
    "text",
    [
        "The war has given a heavy toll to the region.",
        "The army gave no figure for its losses.",
        "Volunteers counted the votes in 12 districts.",
        "The army kept its positions near the river.",
    ],
)
def test_giving_without_an_amount_is_no_figure(find, text):
    assert find(text) == ()


@pytest.mark.parametrize(("open_", "close"), [('"', '"'), ("“", "”")])
def test_a_quotation_opened_in_the_content_is_closed_in_it(find, open_, close):
    text = (
        f"An army spokesman told reporters that the strikes had destroyed {open_}a depot, "
        f"nine trucks and a radar.{close} He gave no other details."
    )
    claim = next(c for c in find(text) if c.cue == "told")
    assert content(text, claim).endswith(f"a radar.{close}")


def test_a_quotation_before_told_is_what_was_told(find):
    text = (
        '"This is a lie. Odesa port ships grain to Africa and Asia," navy spokesman '
        "Dmytro Pletenchuk told national television."
    )
    claim = next(c for c in find(text) if c.cue == "told")
    assert claim.source_canonical == "Dmytro Pletenchuk"
    assert "national television" not in content(text, claim)
    assert content(text, claim).endswith("Odesa port ships grain to Africa and Asia")


def test_a_trailing_source_in_apposition_is_the_subject(find):
    text = (
        "About 2,400 families fled the Abu Shouk camp after the shelling, the UN's "
        "humanitarian coordination office, OCHA, said."
    )
    (claim,) = find(text)
    assert "OCHA" in claim.source
    assert content(text, claim) == "About 2,400 families fled the Abu Shouk camp after the shelling"


def test_a_part_with_a_number_before_the_source_is_not_the_source(find):
    text = "Eight people were killed, two in Kharkiv, officials said."
    (claim,) = find(text)
    assert claim.source == "officials"


def test_a_particle_shared_with_a_later_denial_is_no_shared_content(find):
    """"bring them back" and "denies backing the group" meet in four letters, not in topic:
    particles ("back", "down", "away") are no content words (overlap.py), so the denial
    answers nothing here."""
    text = (
        "Talks between the government and the rebels broke up without a deal. Norway's foreign "
        "ministry said the envoys would stay in contact with both delegations and hoped to "
        "bring them back before the end of the year.\n\nThe rebels took the port city in "
        "March. Uganda denies backing the group, although UN experts say its troops have "
        "fought alongside it."
    )
    mediators = next(c for c in find(text) if "bring them back" in content(text, c))
    assert mediators.status == "claimed" and not mediators.evidence


@pytest.mark.parametrize(
    ("text", "source", "said"),
    [
        (
            "A radio station later quoted border guards as saying 40 shells had landed.",
            "border guards",
            "40 shells had landed",
        ),
        (
            "The news agency cited a regional commander as saying the bridge was intact.",
            "a regional commander",
            "the bridge was intact",
        ),
        (
            "State media reported a senior officer as saying that the convoy had turned back.",
            "a senior officer",
            "that the convoy had turned back",
        ),
        (
            '"The post was never taken," the broadcaster quoted the statement as saying.',
            "the statement",
            "The post was never taken",
        ),
    ],
)
def test_a_relayed_speaker_is_the_source(find, text, source, said):
    """ "X quoted / cited / reported Y as saying": Y speaks, X only passes the words on, so
    there is one claim and it is Y's (wire copy of every split relays this way)."""
    (claim,) = find(text)
    assert (claim.source, claim.cue, content(text, claim)) == (source, "saying", said)


def test_no_parse_joins_two_paragraphs(find):
    """A paragraph that ends "... said on X." and one that opens with its own speaker: the
    parser had read "X. Major ..." as one noun phrase across the blank line, and the second
    speaker's claim was lost."""
    text = (
        '"The shells came from army positions," the group\'s spokesman said on X.\n\n'
        "Major Ivo Brankov, the army's spokesman, said the rebels had fired dozens of rockets."
    )
    assert [c.source for c in find(text)] == [
        "the group's spokesman", "Major Ivo Brankov",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Herders' militias seeking to drive the farmers off the plateau burned two villages.",
        "The movement, which wants to restore the old monarchy, seized the customs post.",
        "Separatists who intend to hold a referendum blocked the northern road.",
        "The governor, who ordered the evacuation of the port, toured the shelters.",
    ],
)
def test_an_aim_in_a_party_s_description_is_no_claim(find, text):
    assert find(text) == ()


def test_an_aim_a_party_states_is_still_a_claim(find):
    text = "The movement said it wants to restore the old monarchy."
    assert [c.source for c in find(text)] == ["The movement"]


@pytest.mark.parametrize(
    ("text", "source", "said"),
    [
        ("Hospital officials placed the toll at 19.", "Hospital officials", "the toll at 19"),
        ("Police set the number of dead at 40.", "Police", "the number of dead at 40"),
        ("Doctors pegged the death toll at 52.", "Doctors", "the death toll at 52"),
    ],
)
def test_a_figure_set_at_an_amount_is_a_claim(find, text, source, said):
    found = find(text)
    assert [(c.source, content(text, c)) for c in found] == [(source, said)]


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers set the market on fire at dawn.",
        "Rebels placed mines at the bridge.",
        "The council fixed the date at 12 May.",
    ],
)
def test_setting_anything_but_a_figure_is_no_claim(find, text):
    assert find(text) == ()


def test_a_charge_someone_denies_is_an_accusation_denied(find):
    text = "The army blamed the separatists for the massacre, a charge the separatists deny."
    found = find(text)
    assert [(c.cue, c.status) for c in found] == [("blamed", "disputed"), ("deny", "denied")]
    assert content(text, found[0]) == "the separatists for the massacre"


@pytest.mark.parametrize(
    "text",
    [
        "The rebel alliance declared a unilateral truce on Sunday.",
        "Hours after declaring a cease-fire, the junta sent more troops north.",
        "The cabinet proclaimed a state of emergency in three provinces.",
    ],
)
def test_declaring_a_truce_or_an_emergency_is_an_act_not_a_claim(find, text):
    assert find(text) == ()


def test_a_declaration_of_a_fact_is_still_a_claim(find):
    text = "The governor declared that the bridge had been destroyed."
    (claim,) = find(text)
    assert content(text, claim) == "that the bridge had been destroyed"


def test_a_reaction_told_in_a_relative_clause_is_no_claim(find):
    assert find("The talks followed a proposal, which was welcomed by the envoy.") == ()


def test_a_denial_in_a_relative_clause_denies_its_antecedent(find):
    text = "The allegation, which was rejected by the ministry, spread online."
    (claim,) = find(text)
    assert claim.status == "denied"
    assert content(text, claim) == "The allegation"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "MANILA, Philippines -- China Sunday accused the Philippines of ramming its boat.",
            "China",
        ),
        (
            "Bamako, Mali: Tuareg fighters of the northern front said they had taken the post.",
            "Tuareg fighters of the northern front",
        ),
    ],
)
def test_the_source_after_a_dateline_is_no_part_of_it(find, text, source):
    (claim,) = find(text)
    assert text[claim.source_start : claim.source_end] == source


@pytest.mark.parametrize(
    ("text", "source", "said"),
    [
        (
            "The weekly quoted an intelligence report saying three battalions had moved north.",
            "an intelligence report",
            "three battalions had moved north",
        ),
        (
            "Radio stations cited a navy press release, which reported that a patrol boat sank.",
            "which",
            "that a patrol boat sank",
        ),
        (
            "The daily quoted a navy press release saying a patrol boat sank.",
            "a navy press release",
            "a patrol boat sank",
        ),
    ],
)
def test_a_document_an_outlet_quotes_is_the_source(find, text, source, said):
    (claim,) = find(text)
    assert text[claim.source_start : claim.source_end] == source
    assert content(text, claim) == said


@pytest.mark.parametrize(
    "text",
    [
        "Commenting on the video, the ministry said the footage was old.",
        "Identifying herself as Mariam, the nurse said the ward had no power.",
    ],
)
def test_a_participle_that_names_a_topic_or_a_name_is_no_claim(find, text):
    (claim,) = find(text)
    assert claim.cue == "said"


def test_responsibility_that_lies_with_someone_is_no_lie(find):
    text = (
        '"There have been tense moments near the reef, the responsibility for which lies'
        ' entirely with Manila," the spokeswoman said on Monday.'
    )
    (claim,) = find(text)
    assert claim.status == "claimed"


def test_a_relay_of_a_whole_account_is_the_relay_s_claim(find):
    """"X did A and described B, according to Y": the verb joins an act Y tells, so the
    sentence is Y's claim, not X's."""
    text = (
        "The officer gave the rebels maps of the base and described morale there as"
        ' "very low", according to the rebel statement.'
    )
    (claim,) = find(text)
    assert claim.cue == "according to"
    assert text[claim.source_start : claim.source_end] == "the rebel statement"


def test_a_relay_of_a_speaker_stays_the_speaker_s_claim(find):
    text = "The minister said the border was calm, according to the state broadcaster."
    (claim,) = find(text)
    assert text[claim.source_start : claim.source_end] == "The minister"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The rebels on Sunday said they had taken the hill.", "The rebels"),
        ("Officials in the capital on Tuesday denied the report.", "Officials in the capital"),
    ],
)
def test_a_time_the_parser_hung_on_the_source_is_no_part_of_it(find, text, source):
    (claim,) = find(text)
    assert text[claim.source_start : claim.source_end] == source


def test_what_endangers_something_makes_no_threat(find):
    assert find("Months of fighting have threatened the stability of the whole region.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "The group threatened to blow up the pipelines.",
        "The minister threatened reprisals if the shelling continued.",
    ],
)
def test_a_threat_uttered_is_still_a_claim(find, text):
    (claim,) = find(text)
    assert claim.cue == "threatened"


def test_the_dead_put_at_a_number_is_a_figure_given(find):
    text = "The district hospital puts the dead at 14."
    (claim,) = find(text)
    assert content(text, claim) == "the dead at 14"
    assert find("Volunteers put the bodies at the mosque.") == ()


def test_a_rubric_before_a_colon_is_no_source(find):
    text = "Background: Earlier on Monday, the army said it had retaken the pass."
    (claim,) = find(text)
    assert text[claim.source_start : claim.source_end] == "the army"


def test_a_scene_set_before_a_colon_is_no_content(find):
    text = "The governor spoke to reporters: he says six officers died in the ambush."
    (claim,) = find(text)
    assert "six officers died" in content(text, claim)


def test_a_claim_another_calls_a_lie_is_the_relay_s_claim(find):
    text = (
        "A claim by the minister that the rebels killed 17 civilians is a"
        ' "deliberate lie", according to the rebel radio.'
    )
    (claim,) = find(text)
    assert claim.cue == "according to"


def test_a_relayed_claim_ends_before_according_to(find):
    text = "The minister said the rebels killed 17 civilians, according to the state radio."
    (claim,) = find(text)
    assert content(text, claim) == "the rebels killed 17 civilians"


@pytest.mark.parametrize(
    "text",
    [
        "Troops shelled an island near the two countries disputed maritime border.",
        "The valley is a patchwork of villages, enclaves and disputed border lines.",
    ],
)
def test_disputed_ground_is_no_denial(find, text):
    assert find(text) == ()


def test_a_lie_with_words_before_it_is_still_a_lie(find):
    text = (
        "The claim that the army killed nine villagers is a"
        ' "deliberate and blatant lie", the rebel radio said.'
    )
    (claim,) = find(text)
    assert claim.status == "denied"
