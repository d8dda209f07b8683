"""A denial of an act on something ("denied striking the hospital") answers the accounts of an
act on it, not every row that names the same thing ("delivered supplies to the hospital",
"the hospital's beds were full"): contradictions._denials, docs/STORIES.md."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report

TEXTS = [
    "A drone strike on a health centre in Kadugli killed eleven patients on Sunday, the regional "
    "health ministry said.\n\nThe Sudanese army denied striking the hospital. Witnesses said a "
    "second strike hit a fuel depot near the airport.",
    "Eleven people were killed in a drone strike on a clinic in Kadugli, local officials said.\n\n"
    "The Red Cross said it had delivered surgical supplies to the hospital in Dilling, which it "
    "said was overwhelmed.",
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    found = analyze_many(TEXTS)
    articles = [
        StoryArticle(f"h{k}", f"https://h{k}.example/x", f"Feed {k}", "t",
                     datetime.fromisoformat(f"2025-05-05T0{k + 1}:00:00+00:00"), text,
                     f.claims, f.entities)
        for k, (text, f) in enumerate(zip(TEXTS, found, strict=True))
    ]  # fmt: skip
    return story_report("h", articles)


def test_a_denied_act_answers_acts_not_every_mention_of_its_object(report) -> None:  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    answered = {
        rows[c.b].text for c in report.contradictions if c.kind == "denial"
    } | {rows[c.a].text for c in report.contradictions if c.kind == "denial"}
    assert any("strike" in t and "eleven" in t for t in answered), answered  # the toll
    assert not any("supplies" in t for t in answered), answered
