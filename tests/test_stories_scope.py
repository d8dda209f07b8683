"""Scope of claims and the contradiction rules built on it, with invented sentences.

Each rule of scope.py and of contradictions.py's scope checks has a case here; the dev set's
floor (precision and recall of contradictions, the real analyzer on all 46 articles) is held
at the end (a looser quote mapping than bench/bench_stories.py, which gives 0.958 / 0.739).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report
from tui.pipeline.stories.features import article_features
from tui.pipeline.stories.grouping import StoryIndex
from tui.pipeline.stories.scope import (
    Scope,
    cues,
    frame_of,
    is_increment,
    is_part,
    is_update,
    reach_of,
    same_places,
    scope_of,
    words_of,
)

DEV = Path(__file__).resolve().parent / "fixtures" / "stories" / "dev"


def test_time_frames() -> None:
    assert frame_of(words_of("a missile killed seven people at the bus station")) == "event"
    assert frame_of(words_of("shelling has killed 900 people since the war began")) == "cumulative"
    assert (
        frame_of(words_of("more than 61,000 have been killed since October 2023")) == "cumulative"
    )
    assert frame_of(words_of("attacks killed 11 people over the past 24 hours")) == "period"
    assert frame_of(words_of("a day after a strike on the city killed 14")) == "background"
    # what a denial says of other strikes is no denial of this one
    assert frame_of(words_of("targeting civilians in previous attacks on the city")) == "background"


def test_reach_of_a_count() -> None:
    assert reach_of(words_of("air defences shot down 19 drones over the region")) == "region"
    assert reach_of(words_of("46 drones were destroyed over seven regions")) == "wide"
    assert reach_of(words_of("strikes across the territory killed 43")) == "wide"
    # a village in a region is one place, not the region
    assert reach_of(words_of("a strike on a village in the Sagaing region killed 18")) == "event"


def test_updates_parts_and_generic_words() -> None:
    assert is_update("the death toll from the strike rose to ")
    assert is_update("a woman died in hospital, raising the toll to ")
    assert not is_update("regional governor said ")
    assert is_part("among the dead were 11 children and ", " women")
    assert is_part("", " Hamas commanders were among those killed")
    assert not is_part("the strike killed ", " people, the agency said")
    assert is_part("medics received twenty bodies, ", " of them children")  # tenth pass
    assert not is_part("the army shot down ", " of 30 drones")
    assert ("must",) in cues()["generic"]
    assert same_places(frozenset(), frozenset({"@place:a"}))
    assert not same_places(frozenset({"@place:a"}), frozenset({"@place:b"}))


def test_since_a_date_a_clause_away_and_a_war_in_its_year_are_cumulative() -> None:
    assert (
        frame_of(words_of("shelling has killed 900 people since Russian forces withdrew from the "
                          "city in November 2022"))
        == "cumulative"
    )  # fmt: skip
    assert frame_of(words_of("the war, now in its third year, has driven 12 million out")) == (
        "cumulative"
    )
    # Tenth pass: a span or a habit tells no one event.
    assert frame_of(words_of("the port has been hit by drones almost every day")) == "cumulative"
    assert frame_of(words_of("the village has gone no night without shelling for weeks")) == (
        "cumulative"
    )
    assert frame_of(words_of("the drone hit the port on Tuesday")) != "cumulative"
    assert frame_of(words_of("the heaviest strike on the city since a school was hit")) == "event"


def test_a_sentence_opening_on_another_event_tells_no_part_of_this_one() -> None:
    text = (
        "A strike on a house killed 15 people, the agency said.\n\nSeparately, medics said "
        "Israeli fire killed 21 people near aid points."
    )
    article = StoryArticle("a", "u", "f", "t", datetime(2025, 3, 3), text, (), ())
    content = "Israeli fire killed 21 people near aid points"
    assert scope_of(content, text.index(content), article).frame == "background"
    first = "A strike on a house killed 15 people"
    assert scope_of(first, 0, article).of_event


def test_many_places_at_once_and_increments_are_no_account_of_the_event() -> None:
    assert not Scope("event", "wide", frozenset(), False).of_event
    assert Scope("event", "region", frozenset(), False).of_event
    assert is_increment("two more bodies") and is_increment("five more people")
    assert not is_increment("two bodies") and not is_increment("more than 30 people")


def _article(aid: str, feed: str, hour: int, title: str, text: str) -> dict:
    return {"id": aid, "feed": feed, "title": title, "hour": hour, "text": text}


# One invented strike told by two outlets, with counts of other scopes beside its toll.
STORY = [
    _article("a", "Alpha Wire", 6, "Missile strike on Kramatorsk market kills seven",
             "A Russian missile hit a market in Kramatorsk on Monday, killing seven people, "
             "regional governor Vadym Filashkin said.\n\nRussian attacks killed 15 people across "
             "the Donetsk region over the past day, the regional police said.\n\nShelling has "
             "killed more than 2,000 civilians in the region since the war began, the regional "
             "prosecutor's office said."),
    _article("b", "Beta Post", 8, "Seven dead as missile strikes Kramatorsk market",
             "Seven people were killed when a Russian missile struck a market in Kramatorsk on "
             "Monday, Governor Vadym Filashkin said.\n\nThe city's mayor, Oleksandr Honcharenko, "
             "said nine people were killed at the market.\n\nThe toll later rose to 12, the "
             "State Emergency Service said."),
    _article("c", "Gamma Times", 10, "Russia says it hit arms depot in Kramatorsk",
             "Russia's Defence Ministry said its forces had destroyed a Ukrainian ammunition "
             "depot in Kramatorsk.\n\nUkraine's General Staff rejected the Russian claim as "
             "false, saying no depot was there.\n\n"
             "About 300 residents fled the district after the strike, the city council said.\n\n"
             "\"Markets must never be a target,\" the UN humanitarian coordinator said."),
]  # fmt: skip


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    texts = [a["text"] for a in STORY]
    found = analyze_many(texts)
    articles = [
        StoryArticle(a["id"], f"https://{a['id']}.example/x", a["feed"], a["title"],
                     datetime.fromisoformat(f"2025-03-03T{a['hour']:02d}:00:00+00:00"),
                     a["text"], f.claims, f.entities)
        for a, f in zip(STORY, found, strict=True)
    ]  # fmt: skip
    return story_report("s", articles)


def test_counts_of_other_scopes_do_not_contradict_the_toll(report) -> None:  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    figures = [
        (rows[c.a].text, rows[c.b].text) for c in report.contradictions if c.kind == "figures"
    ]
    for a, b in figures:
        for scoped in ("over the past day", "since the war began", "rose to 12"):
            assert scoped not in a and scoped not in b, (a, b)
    # the mayor's nine at the market and the governor's seven are one quantity
    assert any("nine" in a + b for a, b in figures), figures


def test_denials_and_disputes_keep_to_their_proposition(report) -> None:  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    pairs = [(c.kind, rows[c.a], rows[c.b]) for c in report.contradictions]
    for kind, a, b in pairs:
        for row in (a, b):
            assert "must never" not in row.text, (kind, a.text, b.text)  # what ought to be
            assert "fled" not in row.text, (kind, a.text, b.text)  # what followed, no act
        if kind == "denial" and "Russian claim" in a.text:
            assert b.source_key == "state:Russia", b.text  # the denial names whose claim
    denial = [r for r in report.rows if r.is_denial and "Russian claim" in r.text]
    answered = [b for k, a, b in pairs if k == "denial" and a in denial]
    assert denial and answered, [(r.source, r.is_denial, r.text) for r in report.rows]


def _quote_rows(report, texts: dict[str, str], gold: dict) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """Gold group -> the rows one of whose mentions holds one of its quotes."""
    found: dict[str, set[str]] = defaultdict(set)
    for group in gold["claim_groups"]:
        for q in group["mentions"]:
            lo = texts[q["article"]].index(q["quote"])
            hi = lo + len(q["quote"])
            for row in report.rows:
                for m in row.mentions:
                    c = m.claim
                    if m.article_id == q["article"] and c.start < hi and lo < c.end:
                        found[group["id"]].add(row.id)
    return found


def test_dev_set_contradictions_floor() -> None:
    meta = json.loads((DEV / "articles.json").read_text(encoding="utf-8"))
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    texts = {m["id"]: (DEV / m["file"]).read_text(encoding="utf-8") for m in meta}
    found = analyze_many([texts[m["id"]] for m in meta])
    articles = [
        StoryArticle(m["id"], m["url"], m["feed"], m["title"],
                     datetime.fromisoformat(m["published"]), texts[m["id"]], a.claims, a.entities)
        for m, a in zip(meta, found, strict=True)
    ]  # fmt: skip
    index = StoryIndex()
    index.rebuild(article_features(a) for a in articles)
    by_story: dict[str, list[StoryArticle]] = defaultdict(list)
    for a in articles:
        by_story[index.story_of[a.id]].append(a)
    hits = predicted = 0
    found_gold: set[frozenset[str]] = set()
    gold_pairs = {frozenset((c["a"], c["b"])) for c in gold["contradictions"]}
    for sid, arts in by_story.items():
        rep = story_report(sid, arts)
        rows_of = _quote_rows(rep, texts, gold)
        for c in rep.contradictions:
            predicted += 1
            pairs = {
                frozenset((x, y))
                for x, rs in rows_of.items() if c.a in rs
                for y, ss in rows_of.items() if c.b in ss and x != y
            } & gold_pairs  # fmt: skip
            hits += bool(pairs)
            found_gold |= pairs
    precision, recall = hits / predicted, len(found_gold) / len(gold_pairs)
    print(f"dev contradictions: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, (precision, recall)


# Eleventh pass: 0.925 / 0.905 on the gold relabelled to the spokesperson convention, a
# spokesperson's rows now their body's (fewer row pairs; 0.947 / 0.913 before).
PRECISION_FLOOR = 0.89  # 0.912 -> 0.897 with canon18's local offices (one more false denial)
RECALL_FLOOR = 0.89  # with this looser quote mapping (bench: 0.770)


@pytest.mark.parametrize(
    ("content", "reach"),
    [
        ("More than 7 million people are displaced inside Congo", "wide"),
        ("about 2 million people have fled their homes within Sudan", "wide"),
        ("half a million are displaced inside the country", "wide"),
        ("45,000 people had now fled the fighting", "event"),
        ("families sheltering inside the Kremlin walls", "event"),  # a seat of power, no country
    ],
)
def test_a_count_inside_a_whole_country_is_wide(content: str, reach: str) -> None:
    """A country's total is no count of one event: "7 million displaced inside Congo" and
    "45,000 fled the fighting" are two quantities, not two figures for one (the demo's Congo
    story paired them)."""
    article = StoryArticle("a", "u", "f", "t", datetime(2025, 3, 3), content, (), ())
    assert scope_of(content, 0, article).reach == reach
