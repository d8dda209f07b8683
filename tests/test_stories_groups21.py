"""Story grouping on new sets (helper groups21): one event's places at two levels when the
analysis tagged one of them in only one report, and an analysis whose headline spans two
places.

Each rule is a fact of how copy names a place or frames a piece (bench/README.md, "Stories:
grouping on new sets (groups21)"; docs/STORIES.md section 2). The articles are ours.
"""

from __future__ import annotations

from tests.story_builders import article
from tui.pipeline.stories.features import ArticleFeatures, article_features
from tui.pipeline.stories.grouping import StoryIndex
from tui.pipeline.stories.place_fit import nested, round_up, written_as_word


def _features(ident, hours, terms, places=(), kinds=(), title="", trend=False):  # type: ignore[no-untyped-def]
    return ArticleFeatures(
        ident, hours * 3600.0, title or ident, dict(terms), tuple(places), tuple(kinds),
        tuple(places) if title else (), trend,
    )  # fmt: skip


# Other news of the same days, so that the words of the event weigh as in a real cache.
FILLERS = [
    _features(f"fill-{n}", n, {w: 1.0 for w in words.split()})
    for n, words in enumerate((
        "market fire trader blaze", "flood river rain bridge", "election vote ballot count",
        "drone port grain warehouse", "protest police crowd square", "ship cargo strait tanker",
        "hospital doctor patient fuel", "border crossing refugee queue",
    ))
]  # fmt: skip


def _filed(*features: ArticleFeatures) -> StoryIndex:
    index = StoryIndex()
    for f in (*FILLERS, *features):
        index.assign(f)
    return index


BORDER = {"soldier": 3, "shoot": 3, "frontier": 2, "kill": 2, "position": 2, "military": 2}
# The first side's report: its village, the other side's district only in its body.
SIDE_A = _features(
    "side-a", 10, {"@~trvk": 1.5, **BORDER, "conscript": 1, "@~drsk": 0.5}, ["@~trvk"]
)
# The other side's: its own district, the village only as a word the analysis did not tag.
REPLY = {"accus": 3, "provocation": 2, "retaliat": 2, "soldier": 1, "shoot": 2, "position": 1}
SIDE_B = _features("side-b", 12, {"@~drsk": 1.5, "torvik": 1, **REPLY}, ["@~drsk"])


def test_a_town_the_analysis_left_untagged_is_met_as_a_word_by_its_skeleton() -> None:
    assert written_as_word({"torvik": 1.0}, ("@~trvk",))
    assert written_as_word({"maré": 1.0}, ("@~mare",))  # a short name keeps its letters
    assert not written_as_word({"kill": 1.0, "fire": 1.0}, ("@~kl",))  # concept keys, short
    assert not written_as_word({"@place:9": 1.0}, ("@~trvk",))


def test_two_sides_each_naming_its_own_place_and_the_other_s_are_one_event() -> None:
    index = _filed(SIDE_A)
    story = index.stories[index.story_of["side-a"]]
    assert nested(SIDE_B, story)
    assert index.anchored(SIDE_B, story)  # one place at two levels anchors the article
    assert index.assign(SIDE_B) == story.id


def test_a_report_naming_another_town_one_way_only_stays_apart() -> None:
    index = _filed(SIDE_A)
    story = index.stories[index.story_of["side-a"]]
    elsewhere = _features("else-1", 12, {"@~hlmr": 1.5, **REPLY}, ["@~hlmr"])
    # its own town only, in the same words: another shooting on the same frontier
    assert not nested(elsewhere, story)
    assert not index.anchored(elsewhere, story)
    assert index.assign(elsewhere) != story.id


def test_the_untagged_place_is_found_in_real_copy() -> None:
    named = (("Torvik", "PLACE"), ("Dorsk", "PLACE"))
    first = article(
        "tv-1",
        "Soldier killed by cross-border fire near Torvik, army says",
        "A conscript was killed when troops across the border fired on army positions near "
        "the village of Torvik overnight, the defence ministry said.\n\nThe other side said "
        "its units in the Dorsk district had come under fire first.",
        named=named,
    )
    second = article(
        "tv-2",
        "Neighbour accuses army of provocation on border",
        "The defence ministry accused the army on Tuesday of firing at its positions in the "
        "Dorsk district from the direction of Torvik overnight.",
        hours=3,
        feed="Northline News",
        named=(("Dorsk", "PLACE"),),  # the village left untagged in this report
    )
    one, two = article_features(first), article_features(second)
    assert "@~trvk" in one.places and two.places == ("@~drsk",)
    assert "torvik" in two.terms and "@~trvk" not in two.terms


ROUND_UP = "Analysis: Torvik and Hallmoor show how a quiet border wakes"


def test_an_analysis_whose_headline_spans_two_places_is_a_round_up() -> None:
    assert round_up(_features("an-1", 1, {}, title=ROUND_UP, trend=True))
    span = "Analysis: From Torvik to Hallmoor, drones turn markets into front lines"
    assert round_up(_features("an-2", 1, {}, title=span, trend=True))
    assert not round_up(_features("an-3", 1, {}, title=ROUND_UP))  # no label: a report
    one = "Analysis: What the Torvik shooting tells us about the border"
    assert not round_up(_features("an-4", 1, {}, title=one, trend=True))
    plain = "Analysis: Cheap drones and small units reshape two wars"
    assert not round_up(_features("an-5", 1, {}, title=plain, trend=True))


def test_a_round_up_joins_no_story_even_when_only_one_of_its_places_has_one() -> None:
    index = _filed(SIDE_A)
    piece = _features(
        "an-6", 20, {"@~trvk": 1.5, **BORDER, "quiet": 2, "wake": 2}, ["@~trvk"],
        title=ROUND_UP, trend=True,
    )  # fmt: skip
    story = index.stories[index.story_of["side-a"]]
    index._count(piece, +1)  # scored as assign scores it: it would qualify
    assert index.score(piece, story) >= index.params.join_anchored
    index._count(piece, -1)
    assert index.assign(piece) != story.id
