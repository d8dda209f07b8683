"""Incremental story grouping on hand-built analysed articles (no model)."""

from __future__ import annotations

import json

from tests.story_builders import article
from tui.pipeline.stories.features import ArticleFeatures, article_features
from tui.pipeline.stories.grouping import Params, StoryIndex

DNIPRO = (("Dnipro", "PLACE"), ("Serhiy Lysak", "PERSON"))
STRIKE_1 = article(
    "strike-1",
    "Russian missile strike on Dnipro apartment block kills 14",
    "A Russian ballistic missile struck an apartment block in Dnipro before dawn, killing 14 "
    "people and wounding 52, regional governor Serhiy Lysak said.\n\nRescuers searched the "
    "rubble of the five-storey building for survivors.",
    named=DNIPRO,
)
STRIKE_2 = article(
    "strike-2",
    "Fourteen dead as ballistic missile hits homes in Dnipro",
    "Fourteen people were killed when a ballistic missile hit a residential block in Dnipro "
    "overnight, according to governor Serhiy Lysak.\n\nEmergency crews pulled survivors "
    "from the ruins of the building.",
    hours=2,
    feed="Northline News",
    named=DNIPRO,
)
FOLLOW_UP = article(
    "strike-3",
    "Death toll from Dnipro missile strike rises to 19",
    "The number of people killed by the Russian missile strike on an apartment block in "
    "Dnipro has risen to 19, governor Serhiy Lysak said, as rescuers ended their search of "
    "the ruins.",
    hours=50,
    named=DNIPRO,
)
GRAIN = article(
    "grain-1",
    "Fire breaks out at Dnipro grain terminal after drone attack",
    "Falling debris from a downed drone set fire to a grain terminal on the outskirts of "
    "Dnipro overnight, destroying sunflower seeds, governor Serhiy Lysak said.\n\n"
    "Firefighters put out the blaze by morning.",
    hours=24,
    feed="Horizon Daily",
    named=DNIPRO,
)
ODESA = article(
    "odesa-1",
    "Drones hit Odesa port, killing two workers",
    "Russian attack drones struck port facilities in Odesa overnight, killing two workers "
    "and setting a grain warehouse on fire, governor Oleh Kiper said.",
    hours=72,
    named=(("Odesa", "PLACE"), ("Oleh Kiper", "PERSON")),
)
KHARKIV = article(
    "kharkiv-1",
    "Drone attack on Kharkiv kills one, cuts power",
    "Russian drones struck Kharkiv overnight, killing one man and knocking out a power "
    "substation, mayor Ihor Terekhov said.",
    hours=73,
    feed="Northline News",
    named=(("Kharkiv", "PLACE"), ("Ihor Terekhov", "PERSON")),
)
ODESA_2 = article(
    "odesa-2",
    "Two dead as night drone raid sets Odesa port warehouse ablaze",
    "A night drone raid on the port of Odesa left two workers dead and a grain warehouse on "
    "fire, according to governor Oleh Kiper.",
    hours=74,
    feed="Horizon Daily",
    named=(("Odesa", "PLACE"), ("Oleh Kiper", "PERSON")),
)
KHARKIV_2 = article(
    "kharkiv-2",
    "Kharkiv substation hit in overnight drone attack, one killed",
    "A drone hit an electrical substation in Kharkiv overnight and one man was killed, "
    "mayor Ihor Terekhov said, as power engineers worked to restore supply.",
    hours=75,
    feed="Capital Dispatch",
    named=(("Kharkiv", "PLACE"), ("Ihor Terekhov", "PERSON")),
)
ROUNDUP = article(
    "analysis-1",
    "Analysis: Odesa and Kharkiv drone strikes show a widening campaign",
    "Friday's drone attacks on Odesa and Kharkiv show Russia striking ports and the power "
    "grid at once.\n\nIn Odesa, drones set a grain warehouse on fire; in Kharkiv, a hit on a "
    "substation cut power.",
    hours=80,
    feed="Horizon Daily",
    named=(("Odesa", "PLACE"), ("Kharkiv", "PLACE")),
)
ALL = (STRIKE_1, STRIKE_2, GRAIN, FOLLOW_UP, ODESA, KHARKIV, ODESA_2, KHARKIV_2, ROUNDUP)


def grouped(articles=ALL) -> dict[str, str]:  # type: ignore[no-untyped-def]
    index = StoryIndex()
    for a in articles:
        index.assign(article_features(a))
    return dict(index.story_of)


def test_outlets_of_one_event_share_a_story_and_a_follow_up_two_days_later_joins_it() -> None:
    story = grouped()
    assert story["strike-1"] == story["strike-2"] == story["strike-3"]


def test_the_same_city_another_event_the_next_day_is_its_own_story() -> None:
    story = grouped()
    assert story["grain-1"] != story["strike-1"]


def test_two_drone_strikes_the_same_night_in_two_cities_stay_apart() -> None:
    story = grouped()
    assert story["odesa-1"] == story["odesa-2"]
    assert story["kharkiv-1"] == story["kharkiv-2"]
    assert story["odesa-1"] != story["kharkiv-1"]


def test_a_piece_naming_two_events_starts_its_own_story() -> None:
    story = grouped()
    assert story["analysis-1"] not in {story["odesa-1"], story["kharkiv-1"]}


def test_the_same_order_gives_the_same_stories_and_ids() -> None:
    assert grouped() == grouped()
    assert grouped()["strike-1"].startswith("s")


def test_state_round_trips_through_json_and_goes_on_assigning_alike() -> None:
    first = StoryIndex()
    for a in ALL[:6]:
        first.assign(article_features(a))
    state = json.loads(json.dumps(first.to_state()))
    second = StoryIndex.from_state(state)
    assert second.story_of == first.story_of
    assert {s.id: s.article_ids for s in second.stories.values()} == {
        s.id: s.article_ids for s in first.stories.values()
    }
    for a in ALL[6:]:
        feats = article_features(a)
        assert second.assign(feats) == first.assign(feats)


def test_state_without_document_frequencies_counts_them_again_from_features() -> None:
    first = StoryIndex()
    for a in ALL:
        first.assign(article_features(a))
    state = first.to_state()
    del state["df"]
    second = StoryIndex.from_state(state)
    assert second.df == first.df and second.n_docs == first.n_docs


def test_reassigning_an_article_moves_only_that_article() -> None:
    index = StoryIndex()
    for a in ALL:
        index.assign(article_features(a))
    before = dict(index.story_of)
    changed = article_features(KHARKIV_2)
    moved = ArticleFeatures(
        changed.article_id, changed.time, ODESA_2.title, article_features(ODESA_2).terms,
        article_features(ODESA_2).places,
    )  # fmt: skip
    assert index.reassign(moved) == before["odesa-1"]
    after = dict(index.story_of)
    assert {k for k in before if before[k] != after[k]} == {"kharkiv-2"}
    assert "kharkiv-2" not in index.stories[before["kharkiv-1"]].article_ids


def test_removing_the_last_article_drops_the_story() -> None:
    index = StoryIndex()
    story = index.assign(article_features(GRAIN))
    index.remove("grain-1")
    assert story not in index.stories and index.n_docs == 0 and not index.df


def test_features_round_trip_as_plain_data() -> None:
    feats = article_features(STRIKE_1)
    assert ArticleFeatures.from_dict(json.loads(json.dumps(feats.to_dict()))) == feats
    assert "@~dnpr" in feats.places  # Dnipro, the focus place, by its skeleton


def test_disjoint_focus_places_lower_the_score() -> None:
    index = StoryIndex()
    story = index.stories[index.assign(article_features(ODESA))]
    kharkiv = article_features(KHARKIV)
    placeless = ArticleFeatures(kharkiv.article_id, kharkiv.time, kharkiv.title, kharkiv.terms)
    assert 0 < index.score(kharkiv, story) < index.score(placeless, story)


def test_a_crowded_window_scores_a_shortlist_and_still_finds_the_event() -> None:
    """A heavy reader's window holds thousands of stories sharing a word or two with a new
    article; only the stories its most telling terms point to are scored in full."""
    shared = ["emergency", "crews", "survivors", "ruins", "fourteen"]  # each in a fifth

    def crowded(params: Params) -> tuple[int, bool]:
        index = StoryIndex(params)
        for n in range(300):
            own = " ".join(f"{word}{chr(97 + n % 26)}{chr(97 + n // 26)}x"
                           for word in ("vor", "tel", "mar", "quen", "dal", "bri"))
            index.assign(article_features(article(
                f"crowd-{n}", f"{own.title()}", f"{own} {shared[n % 5]}.",
                hours=n * 0.1, feed=f"Outlet {n % 9}")))  # fmt: skip
        first = index.assign(article_features(STRIKE_1))
        feats = article_features(STRIKE_2)
        return len(index._candidates(feats)), index.assign(feats) == first

    everything = crowded(Params(shortlist=10**6, per_probe=10**6))
    assert everything[0] > 100  # every crowd story shares a word with the new report
    shortlisted = crowded(Params())
    assert shortlisted == (Params().shortlist, True)
