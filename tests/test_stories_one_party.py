"""One party under names that share no word (parties.py): a state and a body no country is
given for, that give one count of one event in two outlets, are one speaker of the ledger;
two speakers quoted in one article, a named person, or two counts of one quantity are not."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from tui.pipeline.analyze import analyze_many
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import story_report
from tui.pipeline.stories.parties import same_party_links

TEXTS = [
    "A drone strike on a livestock market in El Obeid killed 19 people and wounded 30, "
    "Sudan's government said on Monday.\n\nThe Rapid Support Forces did not comment.",
    "Nineteen people were killed when a drone hit the livestock market in El Obeid, the "
    "local authorities said.\n\nWitnesses said the market was crowded.",
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    found = analyze_many(TEXTS)
    articles = [
        StoryArticle(f"e{k}", f"https://e{k}.example/x", f"Feed {k}", "t",
                     datetime.fromisoformat(f"2025-05-05T0{k + 1}:00:00+00:00"), text,
                     f.claims, f.entities)
        for k, (text, f) in enumerate(zip(TEXTS, found, strict=True))
    ]  # fmt: skip
    return story_report("e", articles)


def test_a_state_and_a_body_giving_one_toll_in_two_outlets_are_one_row(report) -> None:  # type: ignore[no-untyped-def]
    tolls = [r for r in report.rows if "19" in r.text or "Nineteen" in r.text]
    assert len(tolls) == 1, [(r.source_key, r.text) for r in report.rows]
    assert len(tolls[0].outlets) == 2


def _link(keys, articles, sides, counts, denials=None):  # type: ignore[no-untyped-def]
    statements = [Counter({f"#killed:people:{n}": 1, "kill": 1}) for n in counts]
    return same_party_links(keys, articles, sides, statements, denials or [False] * len(keys))


def test_one_count_on_one_side_joins_two_names() -> None:
    found = _link(["state:Sudan", "org:authorities local"], ["a", "b"], ["Sudan", None], [19, 19])
    assert found == {"org:authorities local": "state:Sudan"}


def test_what_keeps_two_speakers_apart() -> None:
    keys = ["state:Sudan", "org:authorities local"]
    assert _link(keys, ["a", "a"], ["Sudan", None], [19, 19]) == {}  # quoted in one article
    assert _link(keys, ["a", "b"], ["Sudan", None], [19, 21]) == {}  # two counts
    assert _link(keys, ["a", "b"], ["Sudan", "Chad"], [19, 19]) == {}  # two sides
    assert _link(keys, ["a", "b"], [None, None], [19, 19]) == {}  # no country to stand on
    assert _link(keys, ["a", "b"], ["Sudan", None], [19, 19], [True, False]) == {}
    person = ["person:ahmed hassan", "org:authorities local"]
    assert _link(person, ["a", "b"], ["Sudan", None], [19, 19]) == {}  # a named person
    counted = [
        Counter({"#killed:people:19": 1, "#wounded:people:30": 1}),
        Counter({"#killed:people:19": 1, "#wounded:people:12": 1}),
    ]
    assert same_party_links(keys, ["a", "b"], ["Sudan", None], counted, [False, False]) == {}


def test_a_state_and_an_officer_of_its_forces_are_one_party() -> None:
    """A rank (data/titles.tsv) and the state's country: the officer speaks for the state, so a
    denial by the state never answers its own officer (the demo's Kupiansk story)."""
    from tui.pipeline.stories.parties import in_ranks_of

    assert in_ranks_of("Lieutenant Colonel Vitalii Yaremchuk", "Ukraine", "state:Ukraine")
    assert in_ranks_of("Major Jean-Pierre Mbala", "Democratic Republic of the Congo",
                       "state:Democratic Republic of the Congo")  # fmt: skip
    assert not in_ranks_of("Lieutenant Colonel Vitalii Yaremchuk", "Ukraine", "state:Russia")
    assert not in_ranks_of("Oleksandr Hrytsenko", "Ukraine", "state:Ukraine")  # no rank
    assert not in_ranks_of("Colonel Ivanov", None, "state:Ukraine")  # no side given
