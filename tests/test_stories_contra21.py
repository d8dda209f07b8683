"""Contradictions on sets nobody tuned on (contra21): what a denial answers, read from the
structure of what it denies, and the class of a count of one. A denial of who holds a place
("the insurgents never occupied the town", "claims that they had seized the town") answers
accounts of who holds it, not a toll or a flight told in the same town; a denial that people
were harmed ("no civilian was harmed", "nobody was hurt") denies an act on them, as "did not
kill civilians" does, and answers the civilian tolls; an amount of one counts its singular
noun's class ("one soldier was killed" is a count of soldiers, set against another party's
four). docs/STORIES.md section 4; bench/README.md "Stories: contradictions on new sets
(contra21)". The articles are ours.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.amounts import amounts_in
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.contradictions import _denied_poles, _what_is_denied
from tui.pipeline.stories.denied import HARMED, HOLDS, same_proposition
from tui.pipeline.stories.export import story_report
from tui.pipeline.stories.words import claim_key


def _keys(*words: str) -> frozenset[str]:
    return frozenset(claim_key(w.removeprefix("not:")) if not w.startswith("not:")
                     else "not:" + claim_key(w.removeprefix("not:")) for w in words)  # fmt: skip


def test_a_denial_of_a_capture_answers_only_accounts_of_who_holds_the_place() -> None:
    seized = [_keys("insurgents", "seized", "town")]
    assert same_proposition(seized, {HOLDS})  # "its fighters took the town"
    assert same_proposition(seized, {-HOLDS, -1})  # "the army held the town"
    assert not same_proposition(seized, {-1, 3})  # "seven were killed in the town"
    assert not same_proposition(seized, set())  # "2,000 fled the town"
    killing = [_keys("denied", "killing", "civilians")]
    assert same_proposition(killing, {-1})  # no capture denied: every row as before
    assert same_proposition([], {-1})


def test_verbs_of_bodily_harm_are_what_a_denial_says_was_not_done() -> None:
    assert {claim_key(w) for w in ("harmed", "hurt", "injured", "wounded")} <= HARMED
    for content, statement in (
        ("no civilian was harmed", _keys("not:civilian", "harmed")),
        ("no civilians were hurt in the operation", _keys("not:civilians", "hurt", "operation")),
    ):
        denied = _what_is_denied("said", statement, content)
        assert -1 in _denied_poles(denied), (content, denied)
    # a habit is no event ("it does not harm civilians"), and soldiers hurt stay armed men
    habit = _what_is_denied("said", _keys("not:harm", "civilians"), "it does not harm civilians")
    assert not _denied_poles(habit), habit
    armed = _what_is_denied(
        "said", _keys("not:fighters", "harmed"), "none of its fighters was harmed"
    )
    assert _denied_poles(armed) == {1}


def test_an_amount_of_one_counts_the_class_of_its_singular_noun() -> None:
    for text, kind in (
        ("One soldier was killed and four were wounded", "soldiers"),
        ("one policeman died in hospital", "soldiers"),
        ("a rebel commander said one fighter was killed", "attackers"),
        ("one civilian was killed", "people"),
        ("one child was wounded", "children"),
    ):
        found = amounts_in(text, 0, len(text))
        assert any(a.kind == kind and a.low == 1 for a in found), (text, found)


TEXTS = [
    # a denial of a capture, in a story that also tells a toll and a flight from the town
    "PEMBA, March 3 (Kestrel) - Insurgents attacked the town of Namuno on Sunday, and seven "
    "people were killed, a church mission said. More than 1,500 people fled Namuno for the "
    "district capital, the mission said.\n\nThe defence ministry said the insurgents never "
    "occupied Namuno and were pushed back into the bush.",
    "MAPUTO, March 3 (Osprey) - The Islamic State group said its fighters seized the town of "
    "Namuno in northern Mozambique on Sunday.\n\nThe defence ministry denied claims that the "
    "insurgents had seized Namuno.",
]
HARM_TEXTS = [
    "BANDARBAN, June 9 (Kestrel) - Soldiers killed four villagers who were cutting bamboo near "
    "Thanchi on Tuesday, a community leader said.\n\nThe army said no civilian was harmed in "
    "the operation near Thanchi.",
    "DHAKA, June 9 (Osprey) - The army said troops fought off armed men near Thanchi on "
    "Tuesday.\n\nA village elder said four farmers were killed near Thanchi.",
]


def _report(texts: list[str], sid: str):  # type: ignore[no-untyped-def]
    found = analyze_many(texts)
    articles = [
        StoryArticle(f"{sid}{k}", f"https://{sid}{k}.example/x", f"Feed {k}", "t",
                     datetime.fromisoformat(f"2026-03-0{k + 1}T08:00:00+00:00"), text,
                     f.claims, f.entities)
        for k, (text, f) in enumerate(zip(texts, found, strict=True))
    ]  # fmt: skip
    return story_report(sid, articles)


@pytest.fixture(scope="module")
def capture():  # type: ignore[no-untyped-def]
    return _report(TEXTS, "n")


@pytest.fixture(scope="module")
def harm():  # type: ignore[no-untyped-def]
    return _report(HARM_TEXTS, "b")


def _answered(report, kind: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    return [(rows[c.a].text, rows[c.b].text) for c in report.contradictions if c.kind == kind]


def test_a_denied_capture_answers_no_toll_of_the_town(capture) -> None:  # type: ignore[no-untyped-def]
    denials = _answered(capture, "denial")
    assert not any("killed" in b or "fled" in b for _, b in denials), denials
    assert any("seized the town" in b for _, b in denials), denials  # the capture it denies


def test_no_civilian_harmed_answers_the_civilian_toll(harm) -> None:  # type: ignore[no-untyped-def]
    denials = _answered(harm, "denial")
    assert any("harmed" in a and ("villagers" in b or "farmers" in b) for a, b in denials), (
        denials,
        [(r.source, r.text, r.is_denial) for r in harm.rows],
    )
