"""Who may contradict whom in a story's ledger, with an invented story: a body and its named
spokesperson are one party, and a denial answers assertions, not another negative account."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report

TEXTS = [
    "An Israeli air strike on a house in Jabalia killed 22 people, Gaza's civil defence agency "
    "said.\n\nThe Israeli military said it had struck a Hamas militant operating from the house.",
    "Civil defence spokesman Mahmoud Basal said 25 people were killed in the strike on the "
    "house in Jabalia.\n\nHamas denied that any of its fighters had been in the house.",
    "Russian shelling hit a market in Kherson, killing seven people. Governor Oleksandr "
    "Prokudin said there was not a single military object near the market.\n\nVladyslav "
    "Voloshyn, a spokesman for the southern defence forces, denied that any soldiers had been "
    "at the market.\n\nRussia's Defence Ministry said it had hit a position of Ukrainian drone "
    "operators at the market.",
]


@pytest.fixture(scope="module")
def reports():  # type: ignore[no-untyped-def]
    found = analyze_many(TEXTS)
    articles = [
        StoryArticle(f"a{k}", f"https://a{k}.example/x", f"Feed {k}", "t",
                     datetime.fromisoformat(f"2025-03-03T0{k + 1}:00:00+00:00"), text,
                     f.claims, f.entities)
        for k, (text, f) in enumerate(zip(TEXTS, found, strict=True))
    ]  # fmt: skip
    return story_report("g", articles[:2]), story_report("k", articles[2:])


def _pairs(report):  # type: ignore[no-untyped-def]
    rows = {r.id: r for r in report.rows}
    return [(c.kind, rows[c.a], rows[c.b]) for c in report.contradictions]


def test_a_body_and_its_named_spokesperson_do_not_contradict_each_other(reports) -> None:  # type: ignore[no-untyped-def]
    gaza, _ = reports
    keys = {r.source_key for r in gaza.rows}
    assert not any("basal" in k for k in keys), keys  # his body's voice (parties.spoken_for)
    assert any("Basal" in m.claim.source for r in gaza.rows for m in r.mentions)
    for kind, a, b in _pairs(gaza):
        both = {a.source_key, b.source_key}
        assert not (any("basal" in k for k in both) and any("defence" in k for k in both)), (
            kind, a.text, b.text,
        )  # fmt: skip


def test_a_denial_answers_assertions_not_another_negative_account(reports) -> None:  # type: ignore[no-untyped-def]
    _, kherson = reports
    assert any("not a single military object" in r.text for r in kherson.rows)
    for kind, a, b in _pairs(kherson):
        assert "not a single military object" not in a.text + b.text, (kind, a.text, b.text)


STATE_AND_HOSPITAL = (
    "Ethiopia's army said on Monday that its drone had struck Fano militants massing to attack "
    "the town of Dangila.\n\nDr Almaz Bekele, director of the Dangila hospital, said 17 "
    "civilians were killed, most of them traders at the market."
)


def test_a_state_and_a_hospital_of_its_country_are_two_sides() -> None:
    """The analysis often ties a hospital's director to the country the article names most
    (here every claim is given Ethiopia, as it does); the army's militants and the hospital's
    civilian dead are still a dispute."""
    (found,) = analyze_many([STATE_AND_HOSPITAL])
    claims = tuple(replace(c, affiliation="Ethiopia") for c in found.claims)
    article = StoryArticle("e1", "https://e.example/1", "Feed", "Drone strike in Dangila",
                           datetime.fromisoformat("2025-06-02T08:00:00+00:00"),
                           STATE_AND_HOSPITAL, claims, found.entities)  # fmt: skip
    report = story_report("e", [article])
    rows = {r.id: r for r in report.rows}
    pairs = {(c.kind, rows[c.a].source_key, rows[c.b].source_key) for c in report.contradictions}
    assert any(k == "dispute" and "state:Ethiopia" in (a, b) for k, a, b in pairs), (
        pairs, [(r.source_key, r.affiliation, r.text) for r in report.rows])


STATE_AND_ITS_PAPER = (
    "Myanmar's military government denied losing any positions near Sittwe on Monday.\n\n"
    "The military-run Global New Light of Myanmar newspaper said the air force had carried out "
    "precise strikes on terrorist training camps in Kyauktaw."
)


def test_a_state_and_the_outlet_it_runs_are_one_side() -> None:
    """Eleventh pass, from the demo's Sittwe story: the junta's denial of lost positions does
    not answer its own newspaper's account of air strikes (lexicon.STATE_RUN)."""
    (found,) = analyze_many([STATE_AND_ITS_PAPER])
    claims = tuple(replace(c, affiliation="Myanmar") for c in found.claims)
    article = StoryArticle("m1", "https://m.example/1", "Feed", "Sittwe",
                           datetime.fromisoformat("2025-06-02T08:00:00+00:00"),
                           STATE_AND_ITS_PAPER, claims, found.entities)  # fmt: skip
    report = story_report("m", [article])
    sources = {r.source for r in report.rows}
    assert any("military-run" in s for s in sources), sources
    assert not report.contradictions, [(c.kind, c.a, c.b) for c in report.contradictions]
