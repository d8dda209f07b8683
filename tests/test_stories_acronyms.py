"""An acronym a story's copy declares in parentheses makes the name and the acronym one speaker
("the West Papua National Liberation Army (TPNPB)", an acronym of an Indonesian name, not of
the English initials): acronyms.declared, sources.resolve, docs/STORIES.md section 3."""

from __future__ import annotations

from tui.pipeline.stories.acronyms import declared
from tui.pipeline.stories.sources import Speaker, resolve


def test_a_name_before_an_acronym_in_parentheses_declares_it() -> None:
    found = declared([
        "Fighters of the West Papua National Liberation Army (TPNPB) opened fire, it said.",
        "The attack was blamed on the Democratic Forces for the Liberation of Rwanda (FDLR).",
        "Police in Kenya (KE) said so.",  # a country alone is no body's name
        "The group, the NPA (NPA), said.",  # one capital word: no name
    ])  # fmt: skip
    assert found["West Papua National Liberation Army"] == "TPNPB"
    assert found["Democratic Forces for the Liberation of Rwanda"] == "FDLR"
    assert not {"Kenya", "NPA"} & set(found)


def test_a_declared_acronym_and_its_name_are_one_speaker() -> None:
    full = Speaker("org:army liberation national papua west",
                   "West Papua National Liberation Army", None, frozenset(), True, "WPNLA")
    short = Speaker("org:TPNPB", "TPNPB", None, frozenset(), True, "TPNPB")  # fmt: skip
    speakers = [full, short, short]
    assert resolve(speakers)[full.key] == full.key  # initials alone do not meet
    spoken = declared(["the West Papua National Liberation Army (TPNPB) said"])
    assert resolve(speakers, spoken)[full.key] == short.key
