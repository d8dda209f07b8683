"""The fourteenth stories pass (no model): speakers and one weapon class.

Each rule is a fact of the language or of how copy names a speaker, read from the development
sets' errors (bench/README.md, "Stories, fourteenth pass"): docs/STORIES.md sections 1-3.
"""

from __future__ import annotations

from tests.story_builders import speaker
from tui.pipeline.stories.kinds import disagree, event_kinds
from tui.pipeline.stories.polities import polity_key
from tui.pipeline.stories.sources import Speaker, resolve


def test_a_monarchy_s_forces_by_their_style_speak_as_the_state() -> None:
    assert speaker("The Royal Thai Army").key == "state:Thailand"
    assert speaker("The Royal Moroccan Armed Forces").key == "state:Morocco"
    assert speaker("The Thai army").key == "state:Thailand"


def test_iran_s_revolutionary_guards_are_a_state_force() -> None:
    assert speaker("Iran's Revolutionary Guards").key == "state:Iran"
    assert speaker("The IRGC").key == "state:Iran"
    assert speaker("The Islamic Revolutionary Guard Corps").key == "state:Iran"


def test_shelling_and_a_missile_attack_are_one_weapon_class() -> None:
    rockets = event_kinds("Cambodian rockets kill six at border market")
    shelling = event_kinds("Cambodia denies shelling civilians")
    drone = event_kinds("Drone hits the town")
    assert disagree(shelling, set(rockets)) == 0
    assert disagree(drone, set(rockets)) == 1  # a drone is still another weapon


def test_a_description_s_named_speaker_is_one_person_however_the_name_was_typed() -> None:
    person = Speaker("person:hyacinth alia", "Hyacinth Alia", None, frozenset({"governor"}), True)
    same = Speaker(
        "org:alia hyacinth", "Hyacinth Alia", None, frozenset({"governor", "state"}), True,
        "HA", frozenset({"Hyacinth", "Alia"}), "alia hyacinth",
    )  # fmt: skip
    described = speaker("Benue's governor")
    resolved = resolve([person, person, same, described])
    assert resolved[described.key] == "person:hyacinth alia"
    assert resolved[same.key] == "person:hyacinth alia"


def test_a_bare_body_of_a_story_with_no_state_joins_the_body_named_by_where_it_serves() -> None:
    bare = speaker("Police")
    placed = speaker("The Chhattisgarh police")
    assert bare.key == "body:police"
    assert resolve([bare, bare, placed])[placed.key] == resolve([bare, bare, placed])[bare.key]
    party = speaker("The Maoist party")  # no body of the police's words: apart
    assert resolve([bare, party])[bare.key] == bare.key
    two = speaker("The Manipur police")  # two bodies it may be: neither
    assert resolve([bare, placed, two])[bare.key] == bare.key


def test_words_of_what_a_polity_is_say_nothing_of_who_speaks() -> None:
    forces = "Forces of Somalia's semi-autonomous Puntland state"
    assert polity_key(forces) == polity_key("Puntland officials") is not None
    assert polity_key("the breakaway region's authorities") is None  # no name: no polity
