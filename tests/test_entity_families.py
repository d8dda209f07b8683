"""Entities: the families the grown wire set showed (issue 15, third pass), each on sentences of
our own, with exact names, types and spans."""

from __future__ import annotations

from typing import Any

import pytest

from tui.core.models import Entity
from tui.pipeline.analyze import demonyms, entities, gazetteer, given_names, model
from tui.pipeline.analyze.grouping import find_names


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def find(nlp: Any, text: str) -> dict[str, Entity]:
    return {e.name: e for e in entities.find_entities(nlp(text))}


def spans(text: str, entity: Entity) -> list[str]:
    return [text[s:e] for s, e in entity.mentions]


def types(nlp: Any, text: str) -> dict[str, str]:
    """Every mention's surface and type."""
    found = entities.find_entities(nlp(text))
    return {text[s:e]: ent.type for ent in found for s, e in ent.mentions}


def test_nationalities_are_no_names() -> None:
    assert demonyms.is_nationality("Azerbaijani")
    assert demonyms.is_nationality("Congolese")  # from data/country_adjectives.tsv
    assert demonyms.is_nationality("Tigrayan")  # a region's people
    assert demonyms.is_nationality("Azerbaijanis")
    assert demonyms.is_nationality("Armenian-Azerbaijani")
    assert not demonyms.is_nationality("Adrian", given_names.is_given_name)  # not Adria's people
    assert not demonyms.is_nationality("Myanmar")  # the place itself


def test_a_nationality_the_model_calls_a_person_is_dropped(nlp: Any) -> None:
    text = (
        "Azerbaijani troops opened fire at the Armenian-Azerbaijani border near Norabak, "
        "the ministry in Yerevan said. Commanders on the Tigrayan side disagreed."
    )
    found = types(nlp, text)
    assert "Azerbaijani" not in found and "Armenian-Azerbaijani" not in found
    assert "Tigrayan" not in found
    assert found["Yerevan"] == "PLACE"


def test_accented_names_stay_whole(nlp: Any) -> None:
    text = "United Nations Secretary-General António Guterres condemned the attacks."
    found = find(nlp, text)
    assert found["António Guterres"].type == "PERSON"
    assert spans(text, found["António Guterres"]) == ["António Guterres"]


def test_a_given_name_inside_a_longer_name(nlp: Any) -> None:
    text = (
        "At least 15 soldiers were killed, including a commander named Major Abdulle Ali Mire. "
        "The coup ousted the civilian government of Aung San Suu Kyi in 2021."
    )
    found = find(nlp, text)
    assert spans(text, found["Abdulle Ali Mire"]) == ["Abdulle Ali Mire"]
    assert found["Aung San Suu Kyi"].type == "PERSON"


def test_schools_are_named_as_hospitals_are(nlp: Any) -> None:
    text = (
        "An F-16 hit a school called Hassan Salame, where 14 people were buried. Debris also "
        "hit a neighbouring school known as Nasser, and residents said Nasser school was hit "
        "directly. The army said it targeted the Hassan Salame and Nasser schools."
    )
    found = find(nlp, text)
    assert found["Hassan Salame"].type == "ORG"
    assert found["Nasser"].type == "ORG"
    assert len(found["Nasser"].mentions) == 3


def test_words_before_and_after_a_name_that_make_it_a_place(nlp: Any) -> None:
    text = (
        "Six police officers died in a clash in the Port-au-Prince suburb of Pacot. The attack "
        "occurred in the Burkina town of Sole. Rebels advanced towards Nubl and Zahra, two "
        "Shia towns. Gunmen attacked the Niafunke post at dawn."
    )
    found = types(nlp, text)
    for place in ("Port-au-Prince", "Pacot", "Sole", "Zahra", "Niafunke"):
        assert found[place] == "PLACE", place


def test_arabic_and_hebrew_place_heads(nlp: Any) -> None:
    text = (
        "Hezbollah fired anti-tank missiles at the Kiryat Shmona area. Ships crossed the Red "
        "Sea, Bab al-Mandeb and Gulf of Aden, CENTCOM wrote on X."
    )
    found = types(nlp, text)
    assert found["Kiryat Shmona"] == "PLACE"
    assert found["Bab al-Mandeb"] == "PLACE"
    assert found["Gulf of Aden"] == "PLACE"
    assert found["X"] == "ORG"


def test_front_line_localities_are_places_whatever_the_model_says(nlp: Any) -> None:
    assert gazetteer.lookup("Ayelet Hashahar").kind == "locality"  # type: ignore[union-attr]
    text = "Hezbollah launched rockets towards Ayelet Hashahar; sirens sounded in Ayelet Hashahar."
    found = find(nlp, text)
    assert found["Ayelet Hashahar"].type == "PLACE"
    assert len(found["Ayelet Hashahar"].mentions) == 2


def test_hyphenated_names(nlp: Any) -> None:
    text = (
        "Fighters of the Canapé-Vert brigades fell. After the ceasefire in the Nagorno-Karabakh "
        "conflict zone, Russia-Ukraine talks stalled. Gangs headed to Pétion-Ville. Hamas "
        "fighters regrouped during the Israel-Hamas war, Kyiv-based analysts said."
    )
    found = types(nlp, text)
    assert found["Canapé-Vert"] == "PLACE"
    assert found["Nagorno-Karabakh"] == "PLACE" and "Karabakh" not in found
    assert found["Russia"] == "PLACE" and found["Ukraine"] == "PLACE"
    assert found["Pétion-Ville"] == "PLACE"
    assert found["Israel"] == "PLACE"
    assert "Israel-Hamas" not in found


def test_a_found_name_is_found_again_beside_a_hyphen() -> None:
    text = "Hamas said so. The Israel-Hamas war; Hamas-run ministries; al-Hamas."
    hits = [text[s:e] for s, e, _ in find_names(text, ["Hamas"], 0, len(text))]
    assert hits == ["Hamas", "Hamas", "Hamas"]  # not the one after "al-"


def test_arabic_article_spellings_and_acronyms_of_listed_groups(nlp: Any) -> None:
    text = (
        "Deadly Al Shabaab attack kills 15 soldiers. The attack was carried out by al Shabaab "
        "near Afgoye. The Hay’at Tahrir al-Sham (HTS) group advanced. Ousmane Dicko, head of "
        "Jama'a Nusrat ul-Islam wa al-Muslimin (JMIN) in Burkina, appeared in a video."
    )
    found = types(nlp, text)
    assert found["Al Shabaab"] == "ORG" and found["al Shabaab"] == "ORG"
    assert "Deadly" not in found
    assert found["Hay’at Tahrir al-Sham"] == "ORG" and found["HTS"] == "ORG"
    assert found["JMIN"] == "ORG"


def test_a_byline_and_a_credit(nlp: Any) -> None:
    text = (
        "By Vivian Yee and Iyad Abuheweila New York Times\n\n"
        "YEREVAN, November 22. /TASS/. An Armenian soldier was killed in Gaza City."
    )
    found = types(nlp, text)
    assert found["Iyad Abuheweila"] == "PERSON"
    assert found["New York Times"] == "ORG"
    assert found["TASS"] == "ORG"


def test_state_bodies_of_the_new_theatres(nlp: Any) -> None:
    text = (
        "DRC's army confirmed the withdrawal. The Congolese army said it held the town. It seeks "
        "autonomy from Myanmar’s central government. Strikes by the Russian and Syrian air "
        "forces hit Idlib. A U.S. military drone was shot down."
    )
    found = types(nlp, text)
    assert found["DRC's army"] == "ORG"
    assert found["Congolese army"] == "ORG"
    assert found["Myanmar’s central government"] == "ORG"
    assert found["Syrian air forces"] == "ORG"
    assert found["U.S."] == "PLACE" and "U.S. military" not in found


def test_a_member_set_beside_a_name_is_a_person(nlp: Any) -> None:
    text = "Haitham, a Syrian national guard at a nearby company, said the strike came at night."
    found = types(nlp, text)
    assert found["Haitham"] == "PERSON"
    assert "Syrian national guard" not in found


def test_a_given_name_stands_for_the_full_name(nlp: Any) -> None:
    text = (
        "Deputy attorney general Fikadu Tsega said 93 people died. “They were fighters,” "
        "Fikadu said. Prime Minister Abiy Ahmed spoke. Eritrea sent soldiers to back Abiy."
    )
    found = find(nlp, text)
    assert spans(text, found["Fikadu Tsega"]) == ["Fikadu Tsega", "Fikadu"]
    assert spans(text, found["Abiy Ahmed"]) == ["Abiy Ahmed", "Abiy"]


def test_model_organisations_that_are_places(nlp: Any) -> None:
    text = (
        "RSF drones struck the Flamingo Naval Base. The strike occurred on Ramree Island, a "
        "township. Troops were ambushed in Doonka and Bullalow near the town. Four strikes hit "
        "the Seiyana area. An air base in Mandalay Division was used."
    )
    found = types(nlp, text)
    assert found["Flamingo Naval Base"] == "PLACE"
    assert found["Ramree Island"] == "PLACE"
    assert found["Bullalow"] == "PLACE"
    assert found["Seiyana"] == "PLACE"
    assert found["Mandalay"] == "PLACE"


def test_headlines_are_no_speakers_offices_or_units(nlp: Any) -> None:
    text = (
        "Heightened Tensions: Russian Military Buildup in Pokrovsk Sparks Concern\n\n"
        "Ukraine Commander Acknowledges Significant Russian Forces at Pokrovsk\n\n"
        "The Israeli Army said it killed the leader of Hezbollah’s Naser unit in Tyre."
    )
    found = types(nlp, text)
    assert "Heightened Tensions" not in found
    assert "Russian Military" not in found
    assert not any("Acknowledges" in name for name in found)
    assert found["Naser"] == "ORG"
