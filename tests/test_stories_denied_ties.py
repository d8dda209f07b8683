"""A denial that one party backs another ("denied arming or commanding the rebels") answers the
accounts of that tie ("fought alongside the rebels", "their foreign sponsors"), not the armed
group's own account of the fighting nor a mediator's wish "to bring them back" (the demo's
Minova story, eleventh pass): the `backing` family of data/claim_families.tsv and
contradictions._denials, docs/STORIES.md section 4."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report

TEXTS = [
    "Rockets fired at a camp for displaced families near Kitshanga killed nine civilians on "
    "Monday, Congo's army said, blaming the CRP rebels.\n\nUburundi's government denied arming "
    "or commanding the CRP. A panel of UN experts said Uburundi's soldiers had fought alongside "
    "the CRP in the hills above the camp.",
    "The CRP rebels said they had been responding to attacks by army positions around "
    "Kitshanga.\n\nA local priest said the rebels and their foreign sponsors were shelling "
    "women and children. Kenya's foreign ministry said mediators hoped to bring the two "
    "delegations back to the table before the end of the year. Uburundi again denied backing the "
    "group.",
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    found = analyze_many(TEXTS)
    articles = [
        StoryArticle(f"t{k}", f"https://t{k}.example/x", f"Feed {k}", "t",
                     datetime.fromisoformat(f"2025-05-05T0{k + 1}:00:00+00:00"), text,
                     f.claims, f.entities)
        for k, (text, f) in enumerate(zip(TEXTS, found, strict=True))
    ]  # fmt: skip
    return story_report("t", articles)


def test_a_denied_tie_answers_accounts_of_the_tie_only(report) -> None:  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    answered = [
        rows[c.b].text
        for c in report.contradictions
        if c.kind == "denial" and "arming" in rows[c.a].text
    ]
    assert any("alongside" in t for t in answered), answered
    assert not any("back to the table" in t for t in answered), answered
    assert not any("responding to attacks" in t for t in answered), answered
