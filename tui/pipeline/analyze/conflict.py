"""Conflict relevance: does an article report on armed conflict? (`is:conflict` in queries)

An article is about conflict when war vocabulary is dense and varied enough, and stronger
evidence (named weapon systems, military units, places at war) adds to it. Words that sport,
business and politics borrow from war ("attack", "strike", "battle", "offensive",
"captain", "shot") count little: a match report is full of them. The score is a weighted
count of distinct and repeated cues; short texts (a headline, a paragraph) need fewer.
"""

from __future__ import annotations

import re
from typing import Any

from tui.core.models import Entity
from tui.pipeline.analyze.lists import rows

# Words that, in news, almost only describe armed conflict.
_STRONG = (
    r"wars?|warfare|wartime|invasion|invaded|invading|invade|air ?strikes?|air-strikes?|airstrikes?"
    r"|shelling|shelled|artillery|troops|soldiers?|servicem[ae]n|militants?|insurgents?|insurgency"
    r"|rebels?|ceasefire|cease-fire|truce|front ?lines?|front-line|frontline|counter-?offensive"
    r"|bombardment|bombing|bombings|bombed|casualties|warplanes?|fighter jets?|air defen[cs]es?"
    r"|anti-aircraft|occupied|occupation|occupying|annex(?:ed|ation)|hostages?|combat|battlefield"
    r"|battalions?|brigades?|regiments?|militias?|mortars?|ammunition|munitions|missiles?"
    r"|rockets?|drones?|paramilitar(?:y|ies)|genocide|massacres?|sniper|ambush(?:ed)?"
    r"|landmines?|armou?red vehicles?|tanks|howitzers?|ballistic|cruise missiles?|military"
    r"|armed forces|army|navy|air force|defen[cs]e ministry|ministry of defen[cs]e|general staff"
    r"|killed|wounded|injured|dead|death toll|civilians|evacuat(?:ed|ion)|refugees|displaced"
    r"|explosions?|blasts?|strikes? on|struck|shot down|intercepted|downed|captured|recaptured"
    r"|liberated|encircle(?:d|ment)?|siege|besieged|weapons?|arms supplies|nato|kremlin"
    r"|jihadists?|terrorists?|(?:drone|missile|rocket|artillery|mortar) (?:strikes?|attacks?|fire)"
)
# Words shared with sport, business and politics: weak evidence alone.
_WEAK = r"attacks?|attacked|strikes?|battles?|fight(?:s|ing)?|offensive|forces|defen[cs]e|security"
_CUES = re.compile(rf"\b(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK}))\b")
# "War" in the idioms of business, politics and sport names no war: "trade war", "price
# war", "culture wars", "a war of words", "the war on drugs".
_NOT_WAR = re.compile(
    r"\b(?:trade|price|tariff|currency|culture|cultural|bidding|turf|talent|console|format"
    r"|flame|streaming|star|browser|patent|legal|class|budget|subsidy|chip|tech) wars?\b"
    r"|\bwars? (?:of words|on (?:drugs|poverty|terror|christmas|cancer|woke|crime))\b"
)
# What a report of fighting tells: someone killed or hurt, something struck, attacked,
# shelled, captured or shot down. Without one of these an article talks about war (a summit,
# a budget, a history) rather than reporting it.
_EVENTS = re.compile(
    r"\b(?:killed|killing|wounded|injured|dead|casualties|death toll|shelling|shelled"
    r"|air ?strikes?|bombard(?:ed|ment)|bombed|bombing|clash(?:es|ed)|fighting|fought|battles?"
    r"|struck|shot down|intercepted|downed|captured|recaptured|seized|stormed|ambush(?:ed)?"
    r"|raided|attacked|attacks? on|strikes? on|explosions?|hostages?|repelled|overran|offensive)\b"
)
# Very common in ordinary news ("killed in a crash", "dead", "injured"): counted once each.
# fmt: off
_COMMON = frozenset((
    "killed", "wounded", "injured", "dead", "civilians", "explosion", "explosions", "blast",
    "blasts", "captured", "struck", "displaced", "refugees", "evacuated", "evacuation", "military",
    "weapons", "weapon", "nato", "kremlin",
))
# fmt: on
# Places of the wars of the period, whole names ("West Bank", "Khan Younis"): data file.
CONFLICT_PLACES = frozenset(row[0] for row in rows("conflict_places.tsv"))


def conflict_score(text: str, entities: tuple[Entity, ...]) -> float:
    """Evidence of armed conflict per the weighting above (unnormalised)."""
    text = _NOT_WAR.sub(" ", text.lower())
    distinct: set[str] = set()
    score = 0.0
    for match in _CUES.finditer(text):
        word = match.group()
        if match.group("strong"):
            if word in _COMMON:
                score += 0.0 if word in distinct else 1.0
            else:
                score += 2.0 if word not in distinct else 1.0
        else:
            score += 0.25
        distinct.add(word)
    weapons = sum(e.count for e in entities if e.type == "WEAPON")
    units = sum(e.count for e in entities if e.type == "ORG" and _is_unit(e.name))
    places = sum(e.count for e in entities if e.type == "PLACE" and e.name in CONFLICT_PLACES)
    score += 3.0 * min(weapons, 5) + 2.0 * min(units, 5) + 1.0 * min(places, 5)
    strong_kinds = len(distinct - _COMMON - set(_WEAK_WORDS))
    return score if strong_kinds >= 2 or weapons else score / 2


def is_conflict(doc: Any, entities: tuple[Entity, ...], text: str | None = None) -> bool:
    """True when the article reports on armed conflict, by density of evidence.

    `text`: the doc's text when the caller has it (`doc.text` is rebuilt on every access).
    """
    if text is None:
        text = doc.text
    words = max(1, len(text.split()))
    score = conflict_score(text, entities)
    # A short text needs a fixed amount of evidence; a long one needs a density of it.
    if score < max(8.0, 3.0 * words / 100):
        return False
    return _EVENTS.search(_NOT_WAR.sub(" ", text.lower())) is not None


_WEAK_WORDS = (
    "attack",
    "attacks",
    "attacked",
    "strike",
    "strikes",
    "battle",
    "battles",
    "fight",
    "fights",
    "fighting",
    "offensive",
    "forces",
    "defence",
    "defense",
    "security",
)
_UNIT = re.compile(
    r"\b(?:Brigade|Regiment|Battalion|Division|Army|Corps|Fleet|Forces|Guards|"
    r"Legion|Staff)\b|Defen[cs]e Ministry"
)


def _is_unit(name: str) -> bool:
    return bool(_UNIT.search(name))
