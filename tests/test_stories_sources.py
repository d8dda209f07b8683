"""Speakers: one key per speaker across outlets' wordings (no model)."""

from __future__ import annotations

from dataclasses import replace

from tests.story_builders import claim, entities
from tui.pipeline.stories.polities import polity_key
from tui.pipeline.stories.sources import resolve, speaker_of


def speaker(source: str, text: str = "", named: tuple[tuple[str, str], ...] = ()):  # type: ignore[no-untyped-def]
    text = text or f"{source} said the strike hit a depot."
    found = claim(text, text, source, "the strike hit a depot")
    return speaker_of(found, text, entities(text, *named))


def test_a_state_its_capital_and_its_ministries_are_one_speaker() -> None:
    keys = {
        speaker(s).key
        for s in ("Russia's Defence Ministry", "The Russian Defense Ministry", "Moscow",
                  "the Kremlin", "Russian forces")
    }  # fmt: skip
    assert keys == {"state:Russia"}


def test_a_person_is_filed_under_the_entity_name_whatever_the_title() -> None:
    named = (("Serhiy Lysak", "PERSON"),)
    one = speaker("regional governor Serhiy Lysak", named=named)
    two = speaker("Serhiy Lysak", named=named)
    assert one.key == two.key == "person:serhiy lysak"
    assert "governor" in one.roles


def test_an_unnamed_spokesman_speaks_for_the_body_a_named_one_for_himself() -> None:
    assert speaker("An RSF spokesman").key == speaker("The RSF").key == "org:RSF"
    named = speaker("Army spokesman Nabil Abdallah", named=(("Nabil Abdallah", "PERSON"),))
    assert named.key == "person:nabil abdallah"


def test_acronyms_known_names_and_initials_meet() -> None:
    assert speaker("US Central Command").key == speaker("CENTCOM").key == "state:United States"
    assert speaker("the UN humanitarian office").key == "org:OCHA"
    spelled = speaker("Medecins Sans Frontieres")
    assert resolve([spelled, speaker("MSF")])[spelled.key] == "org:MSF"
    long = speaker("The Rapid Support Forces")
    assert resolve([long, speaker("The RSF")])[long.key] == "org:RSF"


def test_a_surname_a_bare_body_and_a_description_join_their_named_speaker() -> None:
    full = speaker("President Volodymyr Zelensky", named=(("Volodymyr Zelensky", "PERSON"),))
    short = speaker("Zelensky", named=(("Zelensky", "PERSON"),))
    ministry = speaker("Russia's Defence Ministry")
    bare = speaker("the Defence Ministry")
    room = speaker(
        "the Emergency Response Room in El Fasher, a network of local volunteers",
        "the Emergency Response Room in El Fasher, a network of local volunteers, said the strike"
        " hit a depot.",
    )
    volunteers = speaker("Volunteers")
    keys = resolve([full, short, ministry, bare, room, volunteers])
    assert keys[short.key] == keys[full.key] == "person:volodymyr zelensky"
    assert bare.key.startswith("body:") and keys[bare.key] == "state:Russia"
    assert keys[volunteers.key] == keys[room.key]


def test_resolving_does_not_depend_on_the_order_of_speakers() -> None:
    found = [speaker("The Rapid Support Forces"), speaker("The RSF"), speaker("An RSF spokesman")]
    assert resolve(found) == resolve(list(reversed(found)))


def test_claims_are_filed_under_the_analysis_canonical_source_and_side() -> None:
    text = "Moscow said the strike hit a depot."
    found = replace(
        claim(text, text, "Moscow", "the strike hit a depot"),
        source_canonical="Russian Defence Ministry",
        affiliation="Russia",
    )
    one = speaker_of(found, text, ())
    assert one.key == "state:Russia" and one.party == "Russia"


def test_a_person_is_filed_under_the_canonical_name_not_a_title_the_model_kept() -> None:
    text = "Junta spokesman Major General Zaw Min Tun said the strike hit a depot."
    found = replace(
        claim(text, text, "Junta spokesman Major General Zaw Min Tun", "the strike hit a depot"),
        source_canonical="Zaw Min Tun",
    )
    one = speaker_of(found, text, entities(text, ("Major General Zaw", "PERSON")))
    assert one.key == "person:zaw min tun"
    place = "A rescuer in Kyauk Sin said the strike hit a depot."
    rescuer = replace(
        claim(place, place, "A rescuer in Kyauk Sin", "the strike hit a depot"),
        source_canonical="rescuer in Kyauk Sin",
    )
    two = speaker_of(rescuer, place, entities(place, ("Kyauk Sin", "PERSON")))
    assert not two.key.startswith("person:")


def test_a_description_of_an_armed_group_speaks_as_that_group() -> None:
    text = "A spokesman for the paramilitary group said the strike hit a depot."
    found = claim(text, text, "A spokesman for the paramilitary group", "the strike hit a depot")
    tied = speaker_of(replace(found, affiliation="Rapid Support Forces"), text, ())
    assert tied.key == speaker("The Rapid Support Forces").key
    untied = speaker_of(found, text, ())
    rsf = replace(speaker("The Rapid Support Forces"), party="Rapid Support Forces")
    assert resolve([untied, rsf])[untied.key] == rsf.key


def test_a_body_without_a_name_joins_the_one_fuller_name_of_it() -> None:
    bare, full = speaker("the Hamas-run health ministry"), speaker("Gaza's health ministry")
    assert resolve([bare, full])[bare.key] == full.key
    assert speaker("M23").key == speaker("The M23 rebel group").key == "org:M23"


def test_a_polity_or_armed_group_and_its_organs_are_one_speaker_in_any_spelling() -> None:
    jubaland = [
        speaker("Jubaland state officials"),
        speaker("Jubaland authorities"),
        speaker("Jubaland's security ministry"),
    ]
    keys = resolve(jubaland)
    assert len({keys[s.key] for s in jubaland}) == 1
    shabaab = [speaker("al-Shabab"), speaker("Somalia's al-Shabaab militant group")]
    keys = resolve(shabaab)
    assert keys[shabaab[0].key] == keys[shabaab[1].key]
    found = resolve(list(reversed(jubaland + shabaab)))
    assert found == resolve(jubaland + shabaab)


def test_a_polity_is_told_apart_from_another_by_its_name() -> None:
    people = [speaker("Hamas officials"), speaker("Hamas"), speaker("the Hezbollah group")]
    keys = resolve(people)
    assert keys[people[0].key] == keys[people[1].key] != keys[people[2].key]


def test_a_body_with_a_word_of_its_own_is_no_polity_voice() -> None:
    assert polity_key("Jubaland's security ministry") == polity_key("Jubaland authorities")
    assert polity_key("the Gaza health ministry") is None
    assert polity_key("Gaza's civil defence") is None
    assert polity_key("Governor Serhiy Lysak") is None


def test_a_states_forces_by_acronym_or_dotted_name_are_the_state() -> None:
    assert speaker("the IDF").key == speaker("the Israeli military").key == "state:Israel"
    assert speaker("US Central Command").key == "state:United States"
    assert speaker("U.S. armed forces").key == speaker("the US military").key
    assert speaker("FARDC").key == speaker("the Congolese army").key
    # Tenth pass: a military's press wing by acronym or name, and its media wing.
    assert speaker("ISPR").key == speaker("Inter-Services Public Relations").key == "state:Pakistan"
    assert speaker("the South Sudan People's Defence Forces").key == "state:South Sudan"
    assert speaker("South Sudan People Defence Forces").key == "state:South Sudan"  # as canonical
    wing, army = speaker("the military's media wing"), speaker("Pakistan's army")
    assert resolve([wing, army])[wing.key] == "state:Pakistan"


def test_a_relative_clause_and_a_ruling_body_say_nothing_of_who_speaks() -> None:
    assert speaker("which Gaza's civil defence").key == speaker("Gaza's civil defence").key
    assert speaker("the armed group, which seized the town last year").key == (
        speaker("the armed group").key
    )
    assert speaker("Myanmar's ruling military").key == "state:Myanmar"


def test_a_name_the_analysis_did_not_tag_a_person_is_that_person() -> None:
    """Ninth pass: one outlet's "Amina Yusuf" is a person entity, another's is not (filed by
    its words); within a story they are one speaker. Another name stays apart."""
    tagged = speaker("local councillor Amina Yusuf", named=(("Amina Yusuf", "PERSON"),))
    untagged = speaker("Amina Yusuf")
    other = speaker("Yusuf Bello")
    assert tagged.key == "person:amina yusuf" and untagged.key.startswith("org:")
    keys = resolve([tagged, untagged, other])
    assert keys[untagged.key] == keys[tagged.key] != keys[other.key]


def test_press_offices_federal_bodies_and_commanders_of_a_state_are_the_state() -> None:
    for source in ("Kenya's Government Communication Service", "Kenya's federal government",
                   "the Kenyan National Defence Force", "Kenyan commanders"):  # fmt: skip
        assert speaker(source).key == "state:Kenya", source
    assert speaker("Kenyan security sources").key != "state:Kenya"  # no spokespeople


def test_separatists_and_islamists_describe_an_armed_group() -> None:
    """Ninth pass: "the separatist rebels" speak as the one armed group of the story."""
    text = "The separatist rebels said the strike hit a depot."
    found = claim(text, text, "The separatist rebels", "the strike hit a depot")
    front = replace(speaker("The Liberation Front"), party="Liberation Front")
    assert resolve([speaker_of(found, text, ()), front])[speaker_of(found, text, ()).key] == (
        front.key
    )


def test_a_body_named_by_what_it_does_is_one_body_whatever_its_head_and_place() -> None:
    """Tenth pass: "the ombudsman's office" / "the national ombudsman"; "the Sanaa health
    office" / "local health authorities"; a body with another function stays apart."""
    office, national = speaker("The Ombudsman's Office"), speaker("the national ombudsman")
    assert resolve([office, national])[national.key] == resolve([office, national])[office.key]
    health, local = speaker("The Sanaa health office"), speaker("local health authorities")
    workers = speaker("health workers")
    resolved = resolve([health, local, workers])
    assert resolved[health.key] == resolved[local.key] != resolved[workers.key]


def test_a_description_that_refers_back_shows_the_name_it_refers_to() -> None:
    """"The group, which tracks attacks ..." after the Sudan Doctors Network: the ledger shows
    the network, not the description with its relative clause; a description with words of
    its own is shown as written, its relative clause left out."""
    source = "The group, which tracks attacks on medical staff in Sudan"
    text = f"{source}, said the strike hit a depot."
    back = replace(
        claim(text, text, source, "the strike hit a depot"),
        source_canonical="Sudan Doctors Network",
    )
    assert speaker_of(back, text, ()).name == "Sudan Doctors Network"
    source = "The regional health office, which runs the clinic"
    text = f"{source}, said the strike hit a depot."
    own = replace(
        claim(text, text, source, "the strike hit a depot"),
        source_canonical="Kadugli health office",
    )
    assert speaker_of(own, text, ()).name == "regional health office"
