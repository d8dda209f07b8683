"""The thirteenth stories pass (no model): speakers, statements, scope and focus places.

Each rule is a fact of the language or of how copy names a speaker, read from the development
sets' errors (bench/README.md, "Stories, thirteenth pass"): docs/STORIES.md sections 1-4.
"""

from __future__ import annotations

from collections import Counter

from tests.story_builders import article, claim, speaker
from tui.pipeline.stories.features import article_features
from tui.pipeline.stories.scope import cues
from tui.pipeline.stories.sources import resolve
from tui.pipeline.stories.statements import similarity, statement_keys, weights


def _keys(content: str) -> Counter[str]:
    story = article("k1", "Strike", content, 0, "Meridian Wire")
    return statement_keys(content, 0, story)


def test_an_acronym_of_the_name_in_another_word_order_is_onespeaker() -> None:
    full = speaker("The Democratic Party of Iranian Kurdistan")
    short = speaker("The KDPI")
    assert short.key == "org:KDPI"
    assert resolve([full, short, short])[full.key] == "org:KDPI"
    other = speaker("The Popular Defence Initiative")  # its letters are no anagram
    assert resolve([other, short, short])[other.key] == other.key


def test_a_state_s_military_source_speaks_as_the_state_security_sources_do_not() -> None:
    assert speaker("A Moroccan military source").key == "state:Morocco"
    assert speaker("Ukrainian army sources").key == "state:Ukraine"
    assert speaker("Burkinabe security sources").key != "state:Burkina Faso"


def test_a_body_s_news_agency_speaks_as_the_body() -> None:
    agency = speaker("The group's Amaq news agency")
    group = speaker("The Islamic State group")
    analyst = speaker("A rights group")
    assert resolve([agency, group, group])[agency.key] == group.key
    assert resolve([agency, group, analyst])[agency.key] == agency.key  # two groups: neither


def test_a_part_of_a_count_is_no_other_toll() -> None:
    whole = _keys("Three civilians, one of them a woman, were killed in the village")
    other = _keys("shelling had killed three civilians in villages near the town")
    toll = _keys("five civilians were killed")
    weight = weights([whole, other, toll])
    assert similarity(other, [whole], weight, 0.3) == 1.0  # one count: one statement
    assert similarity(toll, [whole], weight, 0.3) == 0.0  # another toll: an update


def test_who_fired_first_is_keyed_by_the_side_blamed() -> None:
    one = _keys("Indian forces started the firing")
    two = _keys("the firing began from the Indian side")
    three = _keys("Pakistani troops fired first")
    assert "first:India" in one and "first:India" in two
    assert "first:Pakistan" in three and "first:India" not in three


def test_alarm_at_what_is_reported_tells_no_event() -> None:
    assert ("alarmed", "by") in cues()["generic"]
    assert ("concerned", "about") in cues()["generic"]


def test_a_district_is_a_focus_place() -> None:
    text = (
        "Three civilians were killed when shells landed on villages in the Mendhar area of "
        "Poonch district overnight, officials said."
    )
    story = article(
        "d1", "Shelling kills three", text, 0, "Meridian Wire",
        named=(("Mendhar", "PLACE"), ("Poonch", "PLACE")),
    )  # fmt: skip
    places = article_features(story).places
    assert any(p.startswith("@~pn") for p in places), places


def test_a_denial_of_a_report_denies_what_the_report_says() -> None:
    from tui.pipeline.stories.contradictions import _denied_poles, _reported

    deaths = _reported("reports of civilian deaths as separatist propaganda")
    assert "civilian" in deaths and "propaganda" not in deaths
    assert _denied_poles(_reported("the Russian claim that soldiers were in the building")) == {1}
    assert _reported("the claim as a lie meant to cover up a strike on civilians") == frozenset()


def test_who_the_dead_were_tells_an_act_and_kin_of_armed_men_are_no_armed_men() -> None:
    from tui.pipeline.stories.poles import what_was_hit
    from tui.pipeline.stories.statements import WHO_THE_DEAD

    assert WHO_THE_DEAD in _keys("the victims were traders and herders")
    assert WHO_THE_DEAD not in _keys("the victims were killed at the market")
    content = "three relatives of its members were killed"
    assert "member" not in what_was_hit(content, frozenset(_keys(content)))
    content = "eleven members of the group were killed"
    assert "member" in what_was_hit(content, frozenset(_keys(content)))


def test_two_sides_blaming_each_other_for_firing_first_dispute() -> None:
    assert "first:Tajikistan" in _keys(
        "Two Kyrgyz border guards were killed when Tajik forces opened fire on a post"
    )
    assert "first:Kyrgyzstan" in _keys("Kyrgyz forces had started the shooting")
    from tui.pipeline.stories.statements import blamed_first

    assert blamed_first(frozenset({"first", "first:India"})) == {"India"}


def test_a_claim_of_two_statements_joins_by_one_and_draws_by_that_one_only() -> None:
    from tui.pipeline.stories.statements import clauses

    text = "the attack had been beaten back and that 27 of the attackers were killed"
    parts = clauses(text, 100)
    assert [t for t, _ in parts] == [
        "the attack had been beaten back", "27 of the attackers were killed"
    ]
    assert parts[1][1] == 100 + text.index("27")
    assert clauses("the ship was not damaged", 0) == []


def test_a_count_superseded_in_the_same_claim_is_no_other_toll() -> None:
    revised = _keys("15 people had been killed, revising an earlier toll of 14")
    plain = _keys("15 people had been killed in the strike")
    weight = weights([revised, plain])
    assert similarity(plain, [revised], weight, 0.3) == 1.0


def test_a_count_is_read_past_an_aside_naming_its_parts() -> None:
    from tui.pipeline.stories.amounts import amounts_in

    text = "Nine civilians, among them a teacher and two elderly farmers, were killed"
    assert [(a.what, a.low) for a in amounts_in(text, 0, len(text))] == [
        ("killed", 9), ("killed", 2)
    ]


def test_another_s_account_called_untrue_is_a_denial() -> None:
    from tui.pipeline.stories.ledger import is_denial

    def said(content: str) -> bool:
        text = f"The ministry said {content}."
        return is_denial(claim(text, text, "The ministry", content), Counter())

    assert said("the jihadists' claim that they had seized the base was pure propaganda")
    assert said("Yerevan's statement was disinformation")
    assert not said("it had struck a facility where drone crews trained, a claim officials "
                    "rejected as a lie")  # fmt: skip
