"""Sports sides named after places ("Leicestershire beat Somerset", "Derbyshire 471").

Results pages and match reports name clubs by their town or county; the model and the
gazetteer see places. In a text whose vocabulary is that of sport (innings, wickets, goals,
halftime, seeded, homered, standings, scorelines such as "2-1"), a town, county or state is a
side unless the words around it make it a place: a preposition of place ("in Toronto", "at
Leicester"), a venue before a colon ("Chester-le-Street : Glamorgan 259"), or the line of a
dateline. Countries stay places: a national side is its country, as in "Ukraine says".

War reporting is not touched: its vocabulary never reaches the threshold (checked on the wire
set and the golden paragraphs), and in it a town is a place.
"""

from __future__ import annotations

import re

# fmt: off
_SPORT_WORDS = frozenset((
    "innings", "wicket", "wickets", "bowled", "batsman", "batsmen", "bowler", "overs", "goal",
    "goals", "goalkeeper", "striker", "midfielder", "defender", "halftime", "half-time",
    "penalty", "penalties", "league", "championship", "tournament", "seeded", "seed", "seeds",
    "quarter-final", "quarter-finals", "semi-final", "semi-finals", "semifinal", "semifinals",
    "final", "finals", "homer", "homers", "homered", "pitcher", "pitched", "inning", "rbi",
    "touchdown", "touchdowns", "quarterback", "standings", "lap", "laps", "stage", "rider",
    "jockey", "coach", "captain", "match", "matches", "season", "scored", "scorer", "scorers",
    "points", "beat", "drew", "draw", "won", "lost", "cup", "club", "side", "sides", "squad",
    "cricket", "soccer", "tennis", "rugby", "baseball", "basketball", "golf", "cycling",
    "athletics", "boxing", "racing", "title", "defeated", "victory", "defeat", "played",
))
# fmt: on
_STRIP = ".,;:!?()[]\"'“”‘’"
_SCORE = re.compile(r"(?<![\w.-])\d{1,3}-\d{1,3}(?![\w.-])")
_LOCATIVE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ff]rom|[Tt]o|[Oo]utside|[Ii]nto|[Oo]f|[Vv]isit|[Vv]isiting"
    r"|[Ii]N|AT|IN)\s+(?:the\s+)?$"
)


def is_sports_text(text: str) -> bool:
    """Whether the text reads as sport: results, tables or match reports."""
    words = text.lower().split()
    hits = sum(word.strip(_STRIP) in _SPORT_WORDS for word in words)
    hits += 2 * len(_SCORE.findall(text))
    return hits >= 6 and hits >= 0.03 * max(1, len(words))


def is_side(text: str, start: int, end: int) -> bool:
    """Whether the place name text[start:end], in a sports text, names a side."""
    before = text[max(0, start - 16) : start]
    if _LOCATIVE.search(before):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if re.search(r"\b\d{4}-\d{2}-\d{2}\b", line) and len(line.split()) <= 6:
        return False  # a dateline: "LONDON 1996-08-30"
    after = text[end : end + 3]
    return not after.startswith((" :", ":"))  # a venue: "Chester-le-Street : Glamorgan 259"
