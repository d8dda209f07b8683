"""Which pole of what was hit a claim stands on, by the order of its words (poles.py):
armed men who acted are no objective hit ("gunmen had attacked an army patrol"), armed men an
act befell are ("killed five members of the group", "eleven militants had been killed"), and a
site named for civilians is theirs ("a site for displaced families"). docs/STORIES.md, §4."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report
from tui.pipeline.stories.poles import pole, what_was_hit
from tui.pipeline.stories.words import claim_key, negated_keys


def _pole(text: str) -> int:
    return pole(what_was_hit(text, frozenset(negated_keys(text))), 1)


@pytest.mark.parametrize(
    "text",
    [
        "gunmen had attacked an army patrol",
        "its fighters carried out a night attack on a church",
        "fighters of the rebel group had opened fire on a patrol",
        "the group's fighters had left the area weeks before the raid",
        "an attack by jihadist gunmen on the village",
    ],
)
def test_armed_men_who_acted_stand_on_no_pole(text: str) -> None:
    assert _pole(text) == 0


@pytest.mark.parametrize(
    "text",
    [
        "its soldiers killed five separatist fighters",
        "all those hit were members of the extremist force",
        "eleven militants had been killed in the operation",
        "two gunmen died in the exchange",
        "the army said it had fought off militants near the village",
        "the strike hit a training base for drone crews",
    ],
)
def test_armed_men_an_act_befell_stand_on_the_military_pole(text: str) -> None:
    assert _pole(text) == 1


def test_a_site_named_for_civilians_is_theirs() -> None:
    assert _pole("rockets were fired at villages and at a site for displaced families") == -1
    assert _pole("rockets were fired at a military site near the villages") == 1


TEXTS = [
    "Soldiers shot dead four militants near Kigoma village on Monday, the military said.\n\nThe "
    "military said gunmen had attacked an army patrol on a forest road.",
    "Four farmers were killed near Kigoma village on Monday, a church leader said.\n\n\"They "
    "were farmers working in their fields,\" the church leader said.",
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    found = analyze_many(TEXTS)
    articles = [
        StoryArticle(f"p{k}", f"https://p{k}.example/x", f"Feed {k}", "t",
                     datetime.fromisoformat(f"2025-06-02T0{k + 1}:00:00+00:00"), text,
                     f.claims, f.entities)
        for k, (text, f) in enumerate(zip(TEXTS, found, strict=True))
    ]  # fmt: skip
    return story_report("p", articles)


def test_who_attacked_first_is_no_account_of_what_was_hit(report) -> None:  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    disputes = [(rows[c.a].text, rows[c.b].text) for c in report.contradictions
                if c.kind == "dispute"]  # fmt: skip
    assert any("shot dead four militants" in a + b for a, b in disputes), disputes
    assert not any("attacked an army patrol" in a + b for a, b in disputes), disputes


def test_take_as_a_light_verb_is_no_capture() -> None:
    capture = claim_key("captured")
    assert capture in negated_keys("troops had taken the village by dawn")
    for text in ("an exchange of fire had taken place", "300 people had taken refuge in it",
                 "the wounded were taken to hospital", "militias took part in the assault"):
        assert capture not in negated_keys(text), text  # fmt: skip
        assert pole(frozenset(negated_keys(text)), 2) == 0, text
