"""Conflict relevance: front-line reports are conflict; sport, business, culture are not."""

from __future__ import annotations

from typing import Any

import pytest

from tui.pipeline.analyze import conflict, entities, model


@pytest.fixture(scope="module")
def nlp() -> Any:
    return model.get_nlp()


def flag(nlp: Any, text: str) -> bool:
    doc = nlp(text)
    return conflict.is_conflict(doc, entities.find_entities(doc))


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops shelled the village of Zhuravka in the Sumy region overnight, killing two "
        "civilians, regional governor Volodymyr Artiukh said. Ukraine's air defence shot down 30 "
        "Shahed drones and two Iskander-M missiles, the air force said.",
        "Ukrainian forces repelled 14 assaults near Pokrovsk on Tuesday, the General Staff said. "
        "Artillery duels continued along the front line as Russia pressed its offensive.",
        "An Israeli airstrike on a school sheltering displaced families in Gaza killed at least "
        "20 people, the territory's civil defence agency said. The Israeli military said it had "
        "targeted Hamas militants.",
        "Paramilitary fighters of the Rapid Support Forces besieged El Fasher for a third month, "
        "and shelling of the camp for displaced people killed dozens, aid workers said.",
        "Suspected jihadists stormed an army post in northern Burkina Faso before dawn, killing "
        "nine soldiers, security sources said. The attackers were terrorists of an al-Qaeda "
        "affiliate, an official said.",
    ],
    ids=["ukraine-drones", "ukraine-front", "gaza-strike", "sudan-siege", "sahel-post"],
)
def test_front_line_reports_are_conflict(nlp: Any, text: str) -> None:
    assert flag(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal's attack was relentless as the Gunners beat Chelsea 3-1 on Saturday. The striker "
        "fired a shot into the top corner before half-time, and the captain said the team's "
        "defence had won the battle in midfield. It was a fight to the end, the manager said.",
        "Shares in the chipmaker rose 4% after it beat forecasts. The company's offensive into the "
        "AI market has paid off, analysts said, although a strike at its Korean plant and a "
        "security breach weighed on margins. The chief executive said the battle for market "
        "share would continue.",
        "The film, a sweeping historical epic, premiered at the Venice festival to a standing "
        "ovation. The director said the battle scenes took eight months to shoot, and the lead "
        "actor described the role as the fight of his career.",
        "The senator attacked the government's budget plan, calling it a strike against working "
        "families. Parliament will vote on the defence spending bill next week, and the "
        "opposition vowed to fight it.",
        "Two people were killed and three injured in a crash on the motorway on Sunday night, "
        "police said. The road was closed for several hours while investigators examined it.",
        "The trade war between the two largest economies escalated as both sides raised tariffs. "
        "Investors fear trade wars, a price war among carmakers and the culture wars at home, "
        "and analysts said the war of words could hit markets for months.",
        "Defence ministers met in Brussels to discuss military aid for the war, weapons "
        "production and ammunition for the army. Troops, missiles, drones and air defences are "
        "on the agenda since the invasion, and the NATO summit will set a new spending target.",
    ],
    ids=["football", "business", "film", "politics", "road-crash", "trade-war", "summit"],
)
def test_other_news_is_not_conflict(nlp: Any, text: str) -> None:
    assert not flag(nlp, text)


def test_weapon_systems_weigh_more_than_shared_words(nlp: Any) -> None:
    plain = "The attack on the city began at night, officials said."
    armed = "The HIMARS attack on the city began at night, officials said."
    plain_doc, armed_doc = nlp(plain), nlp(armed)
    assert conflict.conflict_score(
        armed, entities.find_entities(armed_doc)
    ) > conflict.conflict_score(plain, entities.find_entities(plain_doc))


def test_conflict_places_are_whole_names() -> None:
    # "West Bank" and "Khan Younis" count as themselves; their words alone ("West", "Bank",
    # "Khan") name nothing.
    assert {"West Bank", "Khan Younis", "Red Sea"} <= conflict.CONFLICT_PLACES
    assert not {"West", "Bank", "Khan", "Younis", "Red", "Sea"} & conflict.CONFLICT_PLACES
