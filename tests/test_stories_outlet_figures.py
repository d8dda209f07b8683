"""An outlet's own tolls (docs/STORIES.md, "Figures"): a count told with no speaker is a figure
whose source is the outlet; a count since a date, a part of a total or an update is none, and
these figures pair with no claim."""

from __future__ import annotations

from tests.story_builders import article
from tui.pipeline.stories.export import story_report

ONE = article(
    "o1", "Shells hit Kostel market",
    "Shells struck the covered market in Kostel on Tuesday morning. Nine people were killed "
    "and 14 wounded in the blast.\n\nThe regional governor said 11 people had died. Since "
    "January, the fighting has killed 240 civilians in the province.",
    feed="Larkspur Wire",
    claims=(("The regional governor said 11 people had died.", "The regional governor",
             "11 people had died"),),  # fmt: skip
)
TWO = article(
    "o2", "Market in Kostel shelled",
    "At least nine people died when shells fell on the Kostel market. Two of the dead were "
    "children.",
    hours=3.0, feed="Heron Daily",
)


def _figures(report):
    return {(f.what, f.low, f.source) for f in report.figures}


def test_a_toll_told_with_no_speaker_is_the_outlet_s_figure() -> None:
    report = story_report("s", [ONE, TWO])
    found = _figures(report)
    assert ("killed", 9, "Larkspur Wire") in found
    assert ("wounded", 14, "Larkspur Wire") in found
    assert ("killed", 9, "Heron Daily") in found
    assert ("killed", 11, "The regional governor") in found


def test_counts_since_a_date_and_parts_of_a_total_are_no_outlet_figure() -> None:
    found = _figures(story_report("s", [ONE, TWO]))
    assert not any(low in (240, 2) for _, low, _ in found)


def test_an_outlet_s_figure_pairs_with_no_claim() -> None:
    report = story_report("s", [ONE, TWO])
    rows = {r.id for r in report.rows}
    assert all(c.a in rows and c.b in rows for c in report.contradictions)
    outlets = [f for f in report.figures if f.source_key.startswith("outlet:")]
    assert outlets and all(m.row_id == "" for f in outlets for m in f.mentions)


def test_the_story_screen_shows_an_outlet_s_toll_with_no_claim_to_open() -> None:
    from dataclasses import replace

    from tui.service.story_detail import detail_of

    one, two = replace(ONE, id="1"), replace(TWO, id="2")
    detail = detail_of(story_report("s", [one, two]))
    lines = {line.text.split(":")[0]: line for line in detail.figures}
    assert "Larkspur Wire" in lines["wounded"].text and lines["wounded"].first is None
    assert lines["killed"].first is not None  # the governor's claim opens in the reader
