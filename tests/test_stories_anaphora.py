"""A source that names nobody by itself, and a denial that shares only an act with a toll, with
an invented story through the real analyzer (the demo's Mali story had both: a row of "One
of them" and an armed group's "none of its fighters were killed" set against every toll)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report

TEXT = (
    "Burkina Faso's army said on Sunday that an air strike near the village of Sollé had "
    "killed dozens of terrorists.\n\n"
    "Three residents of Sollé said the aircraft struck a wedding. One of them, a herder who "
    "asked not to be named, said he had helped bury 31 people. \"There were no fighters at "
    "the wedding,\" he said.\n\n"
    "A regional official put the death toll at 34.\n\n"
    "Ansarul Islam said that none of its fighters had been killed."
)


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    (found,) = analyze_many([TEXT])
    article = StoryArticle("a1", "https://a.example/1", "Feed", "Air strike near Sollé",
                           datetime.fromisoformat("2025-05-04T08:00:00+00:00"), TEXT,
                           found.claims, found.entities)  # fmt: skip
    return story_report("s", [article])


def test_a_pronoun_or_a_part_of_a_group_is_not_shown_as_the_source(report) -> None:  # type: ignore[no-untyped-def]
    written = {r.source for r in report.rows}
    assert not any(s.casefold().startswith(("one of", "he", "she", "they")) for s in written)
    buried = next(r for r in report.rows if "bury" in r.text)
    assert "resident" in buried.source.casefold(), written


def test_a_denial_sharing_only_an_act_answers_no_toll(report) -> None:  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    denial = next(r for r in report.rows if r.is_denial and "fighters had been killed" in r.text)
    answered = {rows[c.b].text for c in report.contradictions if c.a == denial.id}
    assert not any("toll" in t or "bury" in t for t in answered), answered
    assert any("terrorists" in t for t in answered), answered  # what it does deny


def test_a_row_of_a_named_government_and_its_unnamed_spokesman_shows_the_named_one() -> None:
    """A state's body named with its country, then "a government spokeswoman" of the same
    denial: the row is shown under the name that says whose government (it showed
    "government", the one mention filed under the row's own key)."""
    text = (
        "Burundi's government has consistently denied sending troops into South Kivu, despite "
        "reports by UN experts that say Burundian soldiers have fought alongside the army. A "
        "government spokeswoman in Gitega on Sunday called the accusations \"baseless\" and "
        "said Burundi wanted peace."
    )
    (found,) = analyze_many([text])
    article = StoryArticle("b1", "https://b.example/1", "Feed", "Burundi denies sending troops",
                           datetime.fromisoformat("2025-05-04T08:00:00+00:00"), text,
                           found.claims, found.entities)  # fmt: skip
    rows = story_report("s", [article]).rows
    denial = next(r for r in rows if "sending troops" in r.text)
    assert denial.source == "Burundi's government", [(r.source, r.text) for r in rows]
