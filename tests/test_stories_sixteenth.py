"""The sixteenth stories pass: what puts a town on the map, which story an article of no town
or of a town at another level joins, and a spokesperson the analysis did not tag a person.

Each rule is a fact of the language or of how copy names a place or a speaker, read from the
development sets' errors (bench/README.md, "Stories, sixteenth pass"): docs/STORIES.md
sections 1, 2 and 3. The articles are ours.
"""

from __future__ import annotations

from dataclasses import replace

from tests.story_builders import article, claim, speaker
from tui.pipeline.stories.features import ArticleFeatures, article_features
from tui.pipeline.stories.grouping import StoryIndex
from tui.pipeline.stories.parties import spoken_for
from tui.pipeline.stories.placenames import located_names, skeleton
from tui.pipeline.stories.sources import resolve, speaker_of


def _names(text: str) -> list[str]:
    return [name for *_, name in located_names(text)]


def test_a_sentence_s_first_word_is_no_place_for_a_facility_two_words_on() -> None:
    assert _names("Villagers block road with coffins after the raid") == []
    assert _names("Mourners fill square as the toll rises") == []
    assert _names("Tessit camp attacked at dawn") == ["Tessit"]  # the word right after
    assert _names("Rebels shelled the Tawila displacement camp") == ["Tawila"]  # inside


def test_an_act_of_war_on_or_of_a_name_puts_it_on_the_map() -> None:
    assert _names("the settler attack on Turmus Ayya on Monday") == ["Turmus Ayya"]
    assert _names("after the shelling of Huliaipole overnight") == ["Huliaipole"]
    assert _names("the siege of Mariupol ended") == ["Mariupol"]
    assert _names("the talks on Tuesday") == []  # no act before "on"
    assert _names("the leader of Hamas said") == []  # no act before "of"


def test_a_named_target_is_a_focus_place_unless_a_body_or_a_people() -> None:
    village = article(
        "v-1",
        "Medics treat 19 wounded after settler raid near Nablus",
        "Medics said they treated 19 people wounded in the settler attack on Turmus Ayya on "
        "Sunday.\n\nThe village council said homes were burned.",
        named=(("Turmus Ayya", "PERSON"),),  # the model's type for a village it does not know
    )
    assert "@~" + skeleton("Turmus Ayya") in article_features(village).places
    body = article(
        "b-1",
        "Strike on Hamas commander",
        "The army said its strike on Hamas overnight killed a commander.",
        named=(("Hamas", "ORG"),),
    )
    assert article_features(body).places == ()
    people = article(
        "p-1",
        "Drone strike on Kurdish gas field",
        "A drone strike on Kurdish oil fields overnight caused a fire, officials said.",
    )
    assert article_features(people).places == ()


def _index(*articles) -> StoryIndex:  # type: ignore[no-untyped-def]
    index = StoryIndex()
    for a in articles:
        index.assign(article_features(a))
    return index


def _features(ident, hours, terms, places=(), kinds=()):  # type: ignore[no-untyped-def]
    return ArticleFeatures(ident, hours * 3600.0, ident, dict(terms), tuple(places), tuple(kinds))


# Other news of the same days, so that the words of the event weigh as in a real cache.
FILLERS = [
    _features(f"fill-{n}", n, {w: 1.0 for w in words.split()})
    for n, words in enumerate((
        "market fire trader blaze", "flood river rain bridge", "election vote ballot count",
        "drone port grain warehouse", "protest police crowd square", "ship cargo strait tanker",
        "hospital doctor patient fuel", "border crossing refugee queue",
    ))
]  # fmt: skip
POST = {"post": 3, "army": 2, "jihadist": 2, "repel": 2, "soldier": 3, "kill": 2}
POST_1 = _features("post-1", 10, {"@~kplm": 1.5, **POST}, ["@~kplm"], ["weapon:ground"])
POST_2 = _features("post-2", 12, {"@~kplm": 1.5, **POST, "assailant": 1}, ["@~kplm"])
# The armed group's claim: no town in its headline or first paragraph, few words shared.
CLAIM = _features(
    "claim",
    14,
    {"group": 3, "overrun": 2, "post": 1, "jihadist": 1, "weapon": 2, "seiz": 1, "soldier": 1},
)


def _filed(*features: ArticleFeatures) -> StoryIndex:
    index = StoryIndex()
    for f in (*FILLERS, *features):
        index.assign(f)
    return index


def test_an_article_of_no_town_joins_the_one_story_it_fits_well_ahead_of_any_other() -> None:
    index = _filed(POST_1, POST_2)
    story = index.stories[index.story_of["post-1"]]
    index._count(CLAIM, +1)  # scored as assign scores it
    assert index.params.join_anchored <= index.score(CLAIM, story) < index.params.join
    index._count(CLAIM, -1)
    assert index.assign(CLAIM) == story.id


def test_an_article_of_no_town_fitting_two_stories_alike_starts_its_own() -> None:
    ambush = {"group": 1, "camp": 3, "ambush": 2, "convoy": 2, "overrun": 1, "attack": 2}
    elsewhere = _features("else-1", 11, {"@~sokd": 1.5, **ambush}, ["@~sokd"], ["weapon:ground"])
    index = _filed(POST_1, POST_2, elsewhere)
    assert index.assign(CLAIM) not in (index.story_of["post-1"], index.story_of["else-1"])
    town = replace(CLAIM, places=("@~bsr",))  # a town of its own: no exception
    alone = _filed(POST_1, POST_2)
    assert alone.assign(town) != alone.story_of["post-1"]
    struck = replace(CLAIM, kinds=("weapon:drone",))  # another weapon: no exception
    alone = _filed(POST_1, POST_2)
    assert alone.assign(struck) != alone.story_of["post-1"]


def test_the_first_paragraph_s_town_chooses_between_stories_when_the_headline_names_none() -> None:
    denial = _features("deny-1", 13, {"deny": 3, "overrun": 3, "government": 2, "post": 1})
    toll = _features(
        "toll-1",
        14,
        {"deny": 3, "overrun": 2, "government": 2, "post": 2, "@~kplm": 1.5, "soldier": 1},
        ["@~kplm"],
    )
    index = _filed(POST_1, POST_2, denial)
    assert index.story_of["deny-1"] != index.story_of["post-1"]
    index._count(toll, +1)
    ahead = index.score(toll, index.stories[index.story_of["deny-1"]])
    assert ahead > index.score(toll, index.stories[index.story_of["post-1"]])
    index._count(toll, -1)
    assert index.assign(toll) == index.story_of["post-1"]  # its town's story


def test_two_reports_each_naming_the_other_s_town_are_one_place_at_two_levels() -> None:
    named = (("Turmus Ayya", "PLACE"), ("Nablus", "PLACE"))
    village = article(
        "lvl-1",
        "Two Palestinians killed as settlers raid West Bank village",
        "Two Palestinians were killed when settlers raided Turmus Ayya, a village north of "
        "Nablus, and set homes and cars on fire, the health ministry said.",
        named=named,
    )
    city = article(
        "lvl-2",
        "Red Crescent treats 19 after settler raid near Nablus",
        "The Red Crescent said it treated 19 people wounded near Nablus on Sunday, several "
        "by live fire.\n\nThe raid on Turmus Ayya left homes and cars burned, the village "
        "council said, and the health ministry said two Palestinians were killed.",
        hours=3,
        feed="Northline News",
        named=named,
    )
    index = _index(village)
    features = article_features(city)
    assert features.places == ("@~nbls",)  # its headline's city: the village is in its body
    assert index.assign(features) == index.story_of["lvl-1"]


def test_a_spokesperson_the_analysis_did_not_tag_a_person_speaks_as_the_body_named() -> None:
    text = "The charges are false, coalition spokesman Colonel Nasser al-Harbi said."
    found = claim(text, text, "coalition spokesman Colonel Nasser al-Harbi", "The charges")
    found = replace(found, source_canonical="Nasser al-Harbi", affiliation="Saudi Arabia")
    spokesperson = speaker_of(found, text, ())  # no person entity: filed by its words
    assert spokesperson.key == "org:al-harbi nasser"
    speakers = [speaker("The Saudi-led coalition"), speaker("The coalition"), spokesperson]
    alone = resolve(speakers)
    assert alone[spokesperson.key] == spokesperson.key
    assert spoken_for(speakers, alone)[spokesperson.key] == "org:coalition"
    body = speaker("A Kataib Hezbollah spokesman")  # the body named before the word
    speakers = [speaker("The coalition"), body]
    assert spoken_for(speakers, resolve(speakers))[body.key] == body.key


def test_a_state_s_own_media_speak_as_the_state() -> None:
    assert speaker("Iranian state television").key == "state:Iran"
    assert speaker("Lebanon's state-run National News Agency").key == "state:Lebanon"
    bare = speaker("State television")  # its country unnamed: a state body
    assert bare.key == "body:state television"
    state = speaker("Tehran")
    assert resolve([state, bare])[bare.key] == "state:Iran"
    assert speaker("A state governor").key != "state:Iran"  # no outlet of the state
    assert not speaker("Qatar's Al Jazeera television").key.startswith("state:")


def test_a_unit_of_a_state_s_army_speaks_as_the_army() -> None:
    assert speaker("The Philippine Army").key == "state:Philippines"  # the state's adjective
    assert speaker("The army's 8th Infantry Division").key == "body:army"
    assert speaker("Ukraine's 3rd Mechanised Brigade").key == "state:Ukraine"
    assert speaker("The 3rd Mechanised Brigade").key.startswith("org:")  # no army named
    assert speaker("India's White Knight Corps").key.startswith("org:")  # a name of its own
