"""Claims case by case (the hard ones of docs/CLAIMS.md), then floors on the golden paragraphs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.claim_helpers import one
from tui.core.models import CLAIM_STATUSES, Claim
from tui.pipeline.analyze import claims, entities, model

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    return model.get_nlp()


@pytest.fixture(scope="module")
def find(nlp):
    def run(text: str) -> tuple[Claim, ...]:
        doc = nlp(text)
        return claims.find_claims(doc, entities.find_entities(doc))

    return run


def span(text: str, start: int, end: int) -> str:
    return text[start:end]


def test_trailing_attribution_the_governor_said(find):
    text = (
        "Two people were killed when a guided bomb hit a supermarket in Kupiansk, "
        "the regional governor said."
    )
    (claim,) = find(text)
    assert claim.source == "the regional governor"
    assert span(text, claim.source_start, claim.source_end) == "the regional governor"
    assert claim.cue == "said"
    assert span(text, claim.content_start, claim.content_end).startswith("Two people were killed")
    assert (claim.start, claim.end, claim.text) == (0, len(text), text)
    assert (claim.quote, claim.status) == ("reported", "claimed")


def test_according_to_the_un(find):
    text = "According to the United Nations, at least 1,240 civilians have been killed."
    (claim,) = find(text)
    assert claim.cue == "According to"
    assert claim.source == "the United Nations"
    assert span(text, claim.content_start, claim.content_end).startswith("at least 1,240")


def test_denial_is_denied_and_the_claim_it_answers_is_disputed(find):
    text = (
        "Ukrainian officials said a Russian missile had struck a market in Kostiantynivka. "
        "Russia's Defence Ministry denied that its forces had hit the market, saying an air "
        "defence missile had gone astray."
    )
    found = find(text)
    assert one(found, "said").status == "disputed"
    denial = one(found, "denied")
    assert (denial.source, denial.status) == ("Russia's Defence Ministry", "denied")
    assert one(found, "saying").source == "Russia's Defence Ministry"


def test_unnamed_source_keeps_its_aside_in_the_span_but_not_in_the_name(find):
    text = (
        "A local official, who spoke on condition of anonymity because he was not "
        "authorised to speak, said at least 14 soldiers had been killed."
    )
    (claim,) = find(text)
    assert claim.source == "A local official"
    assert span(text, claim.source_start, claim.source_end).startswith("A local official, who")


def test_contradicting_pair_in_one_sentence_gives_two_disputed_claims(find):
    text = (
        "Israel's military said it had struck a Hamas command centre in Khan Younis, while "
        "Gaza's civil defence agency said the building was a school."
    )
    found = find(text)
    assert [(c.source, c.status) for c in found] == [
        ("Israel's military", "disputed"),
        ("Gaza's civil defence agency", "disputed"),
    ]
    first = found[0]
    assert "while" not in span(text, first.content_start, first.content_end)


def test_rejected_figure_disputes_the_claim_with_the_same_numbers(find):
    text = (
        "Russia's Defence Ministry said its air defences had shot down 40 Ukrainian drones "
        'overnight. Ukraine\'s air force rejected the figure as "fantasy", saying only a dozen '
        "drones had been launched."
    )
    found = find(text)
    assert one(found, "said").status == "disputed"
    assert one(found, "rejected").status == "denied"


def test_unverified_claims(find):
    text = (
        "Russia's Investigative Committee said saboteurs had blown up a railway bridge. "
        "The committee said, without providing evidence, that the explosives came from abroad. "
        "Frontline Wire could not independently verify either claim."
    )
    found = find(text)
    assert [c.status for c in found] == ["unconfirmed", "unconfirmed"]
    assert found[1].source == "Russia's Investigative Committee"  # "The committee"


def test_confirmation_by_the_other_side(find):
    text = (
        "Hezbollah said it had fired a barrage of rockets at an army base near Safed. "
        "Israel's military confirmed that about 30 rockets had crossed from Lebanon."
    )
    found = find(text)
    assert [c.status for c in found] == ["confirmed", "confirmed"]


def test_confirmation_by_imagery_is_no_claim_but_confirms(find):
    text = (
        "Ukraine's navy said it had damaged a Russian landing ship in Feodosia. Satellite "
        "images reviewed by Frontline Wire confirmed that the landing ship had been damaged."
    )
    (claim,) = find(text)
    assert (claim.source, claim.status) == ("Ukraine's navy", "confirmed")
    (evidence,) = claim.evidence
    assert evidence.kind == "confirmation"
    assert text[evidence.start : evidence.end].startswith("Satellite images")
    assert evidence.by == "Frontline Wire"


def test_confirmation_of_something_else_confirms_nothing(find):
    text = (
        "Ukraine's navy said it had damaged a Russian landing ship in Feodosia. Satellite "
        "images reviewed by Frontline Wire confirmed a large fire at an oil depot in Sevastopol."
    )
    (claim,) = find(text)
    assert (claim.status, claim.evidence) == ("claimed", ())


def test_nested_quotes_make_one_direct_claim(find):
    text = (
        "\"They came to the door and told us: 'Leave now, or stay forever,'\" said Halyna "
        "Petrenko, a resident of Vovchansk."
    )
    (claim,) = find(text)
    assert (claim.source, claim.quote) == ("Halyna Petrenko", "direct")


def test_pronoun_sources_resolve_to_the_named_speaker(find):
    text = (
        "Volodymyr Artiukh, the head of the Sumy regional military administration, said a "
        'drone had hit a bus near Bilopillia. He said nine people were killed. "It was a '
        'civilian bus," he added.'
    )
    found = find(text)
    assert [c.source for c in found] == ["Volodymyr Artiukh"] * 3
    assert span(text, found[1].source_start, found[1].source_end) == "He"
    assert found[2].quote == "direct"


def test_it_and_they_resolve_to_organisations(find):
    text = (
        "The International Atomic Energy Agency said its inspectors had heard explosions. "
        "It said there was no threat but called for restraint. Officials at the plant said "
        "the fire was out. They said no one was hurt."
    )
    found = find(text)
    assert [c.source for c in found] == [
        "The International Atomic Energy Agency",
        "The International Atomic Energy Agency",
        "The International Atomic Energy Agency",
        "Officials at the plant",
        "Officials at the plant",
    ]


def test_headlines(find):
    assert [(c.source, c.cue) for c in find("Hamas says Israeli strike killed commander")] == [
        ("Hamas", "says")
    ]
    assert [(c.source, c.cue) for c in find("Marek Novak: NATO must move more air defence")] == [
        ("Marek Novak", ":")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The so-called peace plan, drafted in Ankara, has not been published.",
        "The said agreement was never signed.",
        "The rockets, which were claimed to be Iranian, landed in a field.",
        "Residents were told to leave their homes before dawn.",
        "The attack, which claimed the lives of 19 soldiers, was the deadliest this year.",
        "Mr. Lomtev did not mention a depot, and the ministry declined to say which missiles hit.",
        "Satellite images confirmed a large fire at the depot.",
    ],
)
def test_non_claims_that_look_like_claims(find, text):
    assert find(text) == ()


def test_a_quotation_over_two_sentences_is_one_claim(find):
    text = (
        "Ukraine's General Staff denied that the village had fallen. \"The information is "
        'false. Our units hold their positions," it said, adding that 31 assaults had been '
        "repelled."
    )
    found = find(text)
    said = one(found, "said")
    assert said.text.startswith('"The information is false.')
    assert (said.source, said.status, said.quote) == ("Ukraine's General Staff", "denied", "direct")
    assert one(found, "adding").status == "claimed"


def test_two_claims_by_two_sources_joined_by_and(find):
    text = (
        "Local Telegram channels said three blasts had been heard near the airfield, and the "
        "regional governor, Roman Kuzmin, said an industrial site had been damaged."
    )
    assert [c.source for c in find(text)] == ["Local Telegram channels", "Roman Kuzmin"]


def test_spans_index_the_text_and_statuses_are_known(find):
    text = (
        "In a statement on Telegram, the Houthis said they had hit a tanker. The tanker's "
        "operator said the ship had not been hit."
    )
    found = find(text)
    assert [c.status for c in found] == ["disputed", "denied"]
    for c in found:
        assert c.status in CLAIM_STATUSES
        assert c.start <= c.cue_start < c.cue_end <= c.end
        assert c.text == text[c.start : c.end]
        assert text[c.cue_start : c.cue_end] == c.cue


def test_text_without_any_cue_has_no_claims(find):
    assert find("Heavy rain fell on Kharkiv overnight.") == ()
    assert find("") == ()


# --- attitudes, stances and phrases beyond the reporting verbs (PolNeAR-driven rules) -------


def content_of(text: str, claim: Claim) -> str:
    return span(text, claim.content_start, claim.content_end)


def test_desire_and_intention_with_a_clause_or_infinitive(find):
    text = "The Kremlin wants Ukraine to give up its claim to the four regions."
    (claim,) = find(text)
    assert (claim.source, claim.cue) == ("The Kremlin", "wants")
    assert content_of(text, claim) == "Ukraine to give up its claim to the four regions"
    (claim,) = find("Moscow wants guarantees that NATO will not expand further east.")
    assert claim.cue == "wants"
    assert find("Investors may want to wait for the ceasefire talks.") == ()  # advice


def test_seeing_someone_as_something_is_a_judgement(find):
    text = "Kyiv sees the offensive as a bluff meant to pin down its reserves."
    (claim,) = find(text)
    assert (claim.source, claim.cue) == ("Kyiv", "sees")
    assert content_of(text, claim).startswith("the offensive as a bluff")
    (claim,) = find("Police identified the attacker as a 24-year-old man from Mariupol.")
    assert (claim.source, claim.cue) == ("Police", "identified")


def test_speaking_about_a_topic_but_not_to_someone(find):
    text = "The governor spoke about the evacuation of Kupiansk at a briefing on Monday."
    (claim,) = find(text)
    assert content_of(text, claim).startswith("about the evacuation of Kupiansk")
    assert find("The governor spoke to reporters in Kharkiv on Monday.") == ()


def test_a_participle_speaks_for_the_noun_or_its_issuer(find):
    (claim,) = find("The army issued a statement saying its units had pulled back from Avdiivka.")
    assert claim.source == "The army"
    (claim,) = find("The city council approved a resolution condemning the strike on the hospital.")
    assert (claim.source, claim.cue) == ("The city council", "condemning")
    (claim,) = find("A new poll showed Zelensky's approval rating falling to 52 percent.")
    assert claim.source == "A new poll"
    assert find("A video showing soldiers raising a flag circulated on Telegram.") == ()


def test_as_someone_noted_or_put_it(find):
    text = "As the governor noted, most residents left the town in the spring."
    (claim,) = find(text)
    assert (claim.source, claim.cue) == ("the governor", "noted")
    assert content_of(text, claim) == "most residents left the town in the spring"
    text = "Ukraine has lost more soldiers than it can replace, as one commander put it."
    (claim,) = find(text)
    assert (claim.source, claim.cue) == ("one commander", "put")
    assert content_of(text, claim) == "Ukraine has lost more soldiers than it can replace"


def test_a_surname_is_filed_under_the_full_name(find):
    text = (
        "Poland's foreign minister, Radoslaw Sikorski, lashed out at Budapest over the veto. "
        "As Sikorski put it, Ukraine cannot wait until the spring."
    )
    assert [c.source for c in find(text)] == ["Radoslaw Sikorski", "Radoslaw Sikorski"]


def test_a_reporting_noun_speaks_through_a_light_verb(find):
    text = "Human rights groups raised concerns that the detainees were being tortured."
    (claim,) = find(text)
    assert (claim.source, claim.cue) == ("Human rights groups", "raised concerns")
    assert content_of(text, claim) == "that the detainees were being tortured"
    (claim,) = find("The new sanctions drew criticism from Budapest and Bratislava.")
    assert (claim.source, claim.cue) == ("Budapest and Bratislava", "criticism")
    assert content_of("The new sanctions drew criticism from Budapest and Bratislava.", claim) == (
        "The new sanctions"
    )


def test_made_clear_and_views_and_polls(find):
    text = "The foreign minister made clear that Kyiv would not trade territory for a ceasefire."
    (claim,) = find(text)
    assert (claim.source, claim.cue) == ("The foreign minister", "made clear")
    text = "In the general's view, the offensive will stall before the winter."
    (claim,) = find(text)
    assert (claim.source, claim.cue) == ("the general", "view")
    assert content_of(text, claim) == "the offensive will stall before the winter"
    text = "Zelensky's party led by nine points in a poll released on Monday."
    (claim,) = find(text)
    assert (claim.cue, claim.source) == ("in", "a poll")
    assert span(text, claim.source_start, claim.source_end) == "a poll released on Monday"


def test_attitudes_and_that_clauses(find):
    (claim,) = find("Kyiv is confident that the line will hold through the winter.")
    assert (claim.source, claim.cue) == ("Kyiv", "is confident")
    assert find("Fuel prices are certain to rise if the refinery stays closed.") == ()
    (claim,) = find("The court ruled that the strike on the market was unlawful.")
    assert (claim.source, claim.cue) == ("The court", "ruled")


def test_stances_are_positions_not_military_actions(find):
    (claim,) = find("The minister defended the decision to extend martial law.")
    assert (claim.source, claim.cue) == ("The minister", "defended")
    (claim,) = find("Western governments backed Kyiv's call for a special tribunal.")
    assert claim.cue == "backed"
    assert find("Ukrainian troops defended the town for three months before withdrawing.") == ()
    assert find("Russian forces attacked Kharkiv with glide bombs overnight.") == ()
    (claim,) = find("Drones attacked an oil depot in the Bryansk region, the governor said.")
    assert claim.cue == "said"


def test_idioms_and_calls_for_action(find):
    (claim,) = find("The Kremlin lashed out at the European Union over the new sanctions.")
    assert (claim.source, claim.cue) == ("The Kremlin", "lashed out")
    (claim,) = find("The foreign minister took aim at Hungary for blocking the aid package.")
    assert claim.cue == "took aim"
    text = "The UN secretary-general called for both sides to cease fire in the Red Sea."
    (claim,) = find(text)
    assert content_of(text, claim).startswith("for both sides to cease fire")


def test_title_case_headlines(find):
    (claim,) = find("Kharkiv Governor Says Russian Strikes Hit Three Power Stations")
    assert (claim.source, claim.cue) == ("Kharkiv Governor", "Says")
    (claim,) = find("Zelensky Praises Air Defence Crews After Night Of Drone Attacks")
    assert (claim.source, claim.cue) == ("Zelensky", "Praises")


def test_colons_name_a_speaker_but_not_a_transcript_turn(find):
    text = (
        "The timing of the strike did not surprise the analyst Ivan Petrenko: "
        '"They always hit before talks."'
    )
    (claim,) = find(text)
    assert (claim.source, claim.cue, claim.quote) == ("Ivan Petrenko", ":", "direct")
    assert find("Q: What happened at the bridge? A: The bridge was hit twice in one night.") == ()


def test_sources_the_parser_misplaces(find):
    text = (
        "In a call with reporters on Monday, Col. Oleksandr Shtupun, a spokesman for the "
        "southern command, said the Russian assault had been repelled."
    )
    (claim,) = find(text)
    assert claim.source == "Col. Oleksandr Shtupun"
    assert span(text, claim.source_start, claim.source_end).endswith("southern command")
    (claim,) = find("9:30 p.m. Zelensky says the counteroffensive has begun.")
    assert claim.source == "Zelensky"
    (claim,) = find("The commander told Reuters, the brigade would not retreat from the hill.")
    assert claim.source == "The commander"


@pytest.mark.parametrize(
    "text",
    [
        "Do you support the ceasefire plan? Share your view in the comments.",
        "The general has 40 pledged battalions at his disposal.",
        "The troops continued to fight for the village.",
        "Investigators may want to check the wreckage again.",
    ],
)
def test_more_non_claims(find, text):
    assert find(text) == ()


def test_continued_with_a_quotation_is_speech(find):
    (claim,) = find('"We will rebuild everything," he continued.')
    assert (claim.cue, claim.quote) == ("continued", "direct")


# --- the golden paragraphs -------------------------------------------------------------------


@pytest.fixture(scope="module")
def golden_score():
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_golden_claims as bench

    paragraphs = bench.load_golden()
    return paragraphs, bench.score(paragraphs, bench.predict(paragraphs))


def test_golden_fixture_is_consistent(golden_score):
    paragraphs, _ = golden_score
    assert len(paragraphs) >= 40
    for para in paragraphs:
        text = para["text"]
        for claim in para["claims"]:
            assert claim["sentence"] in text
            assert claim["source_text"] in claim["sentence"]
            assert claim["status"] in CLAIM_STATUSES
            assert claim["quote"] in ("direct", "reported")
        spans = sorted(tuple(m) for e in para["entities"] for m in e["mentions"])
        assert all(0 <= a < b <= len(text) for a, b in spans)
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))


def test_golden_floors(golden_score):
    _, result = golden_score
    assert result.f1 >= 0.97
    assert result.share(result.source_ok) >= 0.97
    assert result.share(result.status_ok) >= 0.95
