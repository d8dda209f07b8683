"""The twentieth stories pass: one speaker keyed apart across outlets.

An official, member, leader or head of a body whose phrase names it by its proper words, in
any spelling, speaks for it ("<Front> official <name>" / "the <Front>"); an organ of a state's
government named with its country ("<country>'s National Security Committee") is that state,
and the state's key heads the group; an acronym set after a description ("The UN monitoring
mission, UNMOK") names the source, and another outlet's phrase of that description's words
("the UN monitoring mission") is that body. Measured in bench/README.md ("Stories, twentieth
pass"); docs/STORIES.md section 3. The articles, names and bodies are ours.
"""

from __future__ import annotations

from tests.story_builders import article
from tui.pipeline.stories.ledger import build_ledger


def _said(ident: str, hours: float, feed: str, sentence: str, source: str, content: str,
          named: tuple[tuple[str, str], ...] = ()):  # type: ignore[no-untyped-def]  # fmt: skip
    return article(ident, "Fighting for a hill town", sentence, hours=hours, feed=feed,
                   claims=((sentence, source, content),), named=named)  # fmt: skip


def test_an_official_of_a_named_body_speaks_for_it_in_any_spelling() -> None:
    body = _said(
        "o-1", 0, "Meridian Wire",
        "The Tamarind Front said its fighters had taken the hill town of Sorvan.",
        "The Tamarind Front", "its fighters had taken the hill town of Sorvan",
    )  # fmt: skip
    official = _said(
        "o-2", 1, "Harbour Post",
        "Tamarynd Front official Leyla Haddad said the movement's fighters had taken Sorvan.",
        "Tamarynd Front official Leyla Haddad", "the movement's fighters had taken Sorvan",
        named=(("Leyla Haddad", "PERSON"),),
    )  # fmt: skip
    rows = build_ledger("s", [body, official])
    assert len(rows) == 1
    assert rows[0].outlets == ("Meridian Wire", "Harbour Post")
    analyst = _said(
        "o-3", 1, "Harbour Post",
        "Leyla Haddad, an analyst of the region, said the fighters had taken Sorvan.",
        "Leyla Haddad, an analyst of the region", "the fighters had taken Sorvan",
        named=(("Leyla Haddad", "PERSON"),),
    )  # fmt: skip
    assert len(build_ledger("s", [body, analyst])) == 2  # no holder's word: her own voice


def test_an_organ_of_a_state_named_with_its_country_is_that_state() -> None:
    ministry = _said(
        "g-1", 0, "Meridian Wire",
        "Peru's defence ministry said troops had cleared the border post at Tambo.",
        "Peru's defence ministry", "troops had cleared the border post at Tambo",
    )  # fmt: skip
    committee = _said(
        "g-2", 1, "Harbour Post",
        "Peru's National Security Committee said troops had cleared the border post at Tambo.",
        "Peru's National Security Committee", "troops had cleared the border post at Tambo",
    )  # fmt: skip
    rows = build_ledger("s", [committee, ministry])
    assert len(rows) == 1
    assert rows[0].source_key == "state:Peru"  # the state heads the group, not its organ
    about = _said(
        "g-3", 1, "Harbour Post",
        "The Andean Office for Peru said troops had cleared the border post at Tambo.",
        "The Andean Office for Peru", "troops had cleared the border post at Tambo",
    )  # fmt: skip
    assert len(build_ledger("s", [ministry, about])) == 2  # an office for Peru is not Peru's


def test_an_acronym_set_after_its_description_names_the_source() -> None:
    sentence = "The UN monitoring mission, UNMOK, said 3,000 people had fled the district."
    set_by = article("u-1", "Fighting for a hill town", sentence, feed="Meridian Wire", claims=(
        (sentence, "The UN monitoring mission, UNMOK", "3,000 people had fled the district",
         "claimed", "The UN monitoring mission"),  # the analysis's name leaves the acronym out
    ))  # fmt: skip
    plain = _said("u-2", 1, "Harbour Post", "UNMOK said 3,000 people had fled the district.",
                  "UNMOK", "3,000 people had fled the district")  # fmt: skip
    described = _said(
        "u-3", 2, "Northline News",
        "The UN monitoring mission said 3,000 people had fled the district.",
        "The UN monitoring mission", "3,000 people had fled the district",
    )  # fmt: skip
    rows = build_ledger("s", [set_by, plain, described])
    assert len(rows) == 1
    assert rows[0].source_key == "org:UNMOK"
    group = _said("u-4", 1, "Harbour Post", "The group said 3,000 people had fled the district.",
                  "The group", "3,000 people had fled the district")  # fmt: skip
    assert len(build_ledger("s", [set_by, group])) == 2  # generic words name no body
