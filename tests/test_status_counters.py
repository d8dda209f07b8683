"""Issue 14, second pass: a claim contested by another party in a later sentence without a word
of denial (counter-accounts), denials carried on into the next sentence, a bare verdict that
answers a whole account, and the decoys each rule must leave alone (docs/CLAIMS.md)."""

from __future__ import annotations

import pytest

from tui.core.models import Claim


def status_of(found: tuple[Claim, ...], source: str) -> list[str]:
    return [c.status for c in found if source in c.source]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (  # an attack beaten off answers a capture
            "Houthi fighters said they had captured two Saudi border posts near Jizan. Saudi "
            "Arabia's defence ministry said the attack was repulsed and the posts were intact.",
            "Houthi fighters",
            "Saudi Arabia's defence ministry",
        ),
        (  # a place still held answers an entry
            "Russian war bloggers said assault units had entered the village of Pishchane. "
            "Ukraine's 47th Brigade said the village was still under Ukrainian control.",
            "Russian war bloggers",
            "Ukraine's 47th Brigade",
        ),
        (  # no harm done answers a hit
            "The Houthis said their missiles had hit the freighter Sea Lark in the Red Sea. "
            "Greece's shipping ministry said the ship suffered no damage and the crew were safe.",
            "The Houthis",
            "Greece's shipping ministry",
        ),
        (  # who the dead were
            "Israel's military said its aircraft killed four Hezbollah militants in Aitaroun. "
            "Lebanon's health ministry said the men were farmers tending their orchards.",
            "Israel's military",
            "Lebanon's health ministry",
        ),
    ],
)
def test_a_counter_account_disputes_the_claim_it_answers_and_back(find, text, first, second):
    found = find(text)
    assert status_of(found, first) == ["disputed"]
    assert status_of(found, second) == ["disputed"]
    answered = next(c for c in found if first in c.source)
    starts = [text[e.start :] for e in answered.evidence if e.kind == "dispute"]
    assert any(start.startswith(second) for start in starts)


@pytest.mark.parametrize(
    "text",
    [
        # the same side: an ally's account is no counter
        "Ukraine's air force said it shot down 30 drones overnight. Ukraine's 47th Brigade said "
        "its positions near Avdiivka were still under Ukrainian control.",
        # both sides say they repelled the other: two accounts of their own, no answer
        "The RSF said it repelled an army attack on Babanusa. Sudan's army said its troops "
        "repelled an RSF assault on the town of El Obeid.",
        # a killing answered by "repelled" is no contradiction: an attack can be beaten off
        # after it killed
        "Al-Shabab said its fighters killed 12 soldiers in an ambush near Afgoye. Ethiopia's "
        "military said the ambush was repelled within an hour.",
    ],
)
def test_decoys_stay_claimed(find, text):
    assert {c.status for c in find(text)} == {"claimed"}


def test_a_denial_goes_on_in_the_next_sentence(find):
    text = (
        "M23 rebels said they had seized the town of Masisi. Congo's army spokesman, Gen. "
        "Sylvain Ekenge, told reporters the claim was false. \"Our soldiers are in Masisi "
        'and the town is calm," Ekenge said. Ekenge added that two rebels were arrested.'
    )
    found = find(text)
    assert status_of(found, "M23") == ["disputed"]
    said = [c for c in found if c.source_canonical == "Sylvain Ekenge" and c.cue != "told"]
    assert [c.status for c in said] == ["denied", "claimed"]  # the next one says something new


def test_a_spokesman_pointing_at_the_statement_goes_on_with_his_side(find):
    text = (
        "Ukraine's armed forces rejected Russia's claim about the strike on Kharkiv. \"This "
        'information is as reliable as their weather forecasts," Nazar Voloshyn, a spokesman '
        "for Ukraine's Khortytsia group of forces, told Suspilne."
    )
    found = find(text)
    assert status_of(found, "Nazar Voloshyn") == ["denied"]


def test_a_bare_verdict_answers_the_whole_account_before_it(find):
    text = (
        "Russia's defence ministry said Ukraine attacked with four battalions near Vuhledar. "
        '"The enemy lost 300 men," the ministry said. "It achieved nothing," it said. Asked '
        'to comment, a Ukrainian military spokesman said: "It is all fake."'
    )
    found = find(text)
    assert status_of(found, "Ukrainian military spokesman") == ["denied"]
    others = [c.status for c in found if "Ukrainian" not in c.source]
    assert others == ["disputed"] * 3


def test_which_after_a_clause_denies_it_and_a_rejected_statement_is_no_claim(find):
    text = (
        "Moscow said its drones had destroyed a fuel depot near Odesa, which Kyiv denied. "
        "Odesa's governor said a drone had hit a warehouse, rejecting Moscow's statement that "
        "the target was a fuel depot."
    )
    found = find(text)
    assert [(c.source, c.cue, c.status) for c in found] == [
        ("Moscow", "said", "disputed"),
        ("Kyiv", "denied", "denied"),
        ("Odesa's governor", "said", "denied"),
    ]


def test_sources_datelines_descriptions_and_places(find):
    text = (
        "Khartoum: The Sudanese army said it had retaken the town of Bara from the RSF, a "
        "claim the paramilitary group rejected. The health ministry in the northern city, "
        "Dongola, said 14 people were killed. Fighters of the Kordofan militia, who are "
        "backed by the army, said they had cut the road."
    )
    found = find(text)
    assert [c.source_canonical for c in found] == [
        "Sudanese Armed Forces",
        "Rapid Support Forces",
        "health ministry",
        "Fighters of the Kordofan militia",
    ]
    assert found[0].source_start == text.index("The Sudanese army")


@pytest.mark.parametrize(
    "rebuttal",
    [
        "A spokesman for the CSP pushed back on that claim, saying its fighters held the town.",
        "The separatist CSP took issue with the army's account.",
        "The rebels debunked the claim.",
        "The rebels rubbished the report.",
    ],
)
def test_rebuttal_idioms_and_verbs_deny_and_dispute(find, rebuttal):
    text = "Mali's army said troops had taken the town of Tessit. " + rebuttal
    found = find(text)
    assert found[0].status == "disputed"
    assert {c.status for c in found[1:]} == {"denied"}


def test_what_the_outlets_people_saw_is_no_claim(find):
    text = (
        "Sudan's army said it had recaptured Jebel Moya. Reuters journalists who visited on "
        "Friday saw army trucks in its villages. Residents said they saw the soldiers arrive."
    )
    found = find(text)
    assert [(c.source, c.cue) for c in found] == [("Sudan's army", "said"), ("Residents", "said")]


def test_counts_of_one_class_given_far_apart_dispute(find):
    text = (
        "The Taliban said its fighters killed 25 Pakistani soldiers near Angoor Adda. "
        "Pakistan's military said four troops had died."
    )
    assert [c.status for c in find(text)] == ["disputed", "disputed"]


def test_a_spokesman_for_a_described_group_takes_its_side(find):
    text = (
        "Nigeria's army said troops killed 35 ISWAP militants near Monguno. A spokesman for "
        "the jihadists said only three of its fighters had died."
    )
    found = find(text)
    assert found[1].affiliation == "Islamic State West Africa Province"
    assert [c.status for c in found] == ["disputed", "disputed"]


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis said their missiles hit a tanker in the Red Sea. The U.S. military said "
        "the missiles were intercepted and no ship was hit.",
        "Russia's defence ministry said its forces had captured the village of Urozhaine. "
        "Ukraine's military said fighting for the village was continuing.",
        "The RSF said it had shot down an army drone over Nyala. Sudan's army said it lost no "
        "aircraft over Nyala.",
    ],
)
def test_third_pass_counter_phrasings(find, text):
    """Interceptions and losses denied ("the missiles were intercepted", "lost no aircraft"),
    and a fight said to go on for a place claimed taken (bench/README.md, third pass)."""
    assert [c.status for c in find(text)] == ["disputed", "disputed"]


def test_an_interception_of_most_of_a_salvo_answers_no_other_strike(find):
    text = (
        "The Russian defence ministry said its forces had destroyed a Ukrainian Patriot "
        "launcher near Pavlohrad. Ukraine's air force said Russia had launched 23 missiles "
        "and 90 drones overnight and that most had been shot down."
    )
    assert [c.status for c in find(text)] == ["claimed", "claimed"]
