"""Two sides placing one event on different ground: whose territory, airspace or waters it was.

Border incidents are told by each side on its own ground: "the soldiers were inside Israeli
territory when they came under fire" / "the troops tried to remove a tree from the Lebanese
side of the border"; "the jet was in international airspace when hit" / "it engaged the
aircraft in its airspace". No word of denial, but one event cannot have happened in two
states' territory (or in one state's and in international space): the two accounts dispute
each other.

What a claim's content says of where (`_where`): the owner of the space it names, read from
the parse of the phrase, not from a list of places:
- a state's adjective or name before a noun of sovereign space ("Israeli territory", "Syrian
  airspace", "Iran's territorial waters"), or "the <adjective> side of the border / line /
  frontier / fence";
- "its / our (own)" before such a noun: the speaker's side (the claim's affiliation; "their" is
  left out, as often the other party's);
- "international airspace / waters", "the high seas": no state's.
The gates are opposed.py's: two sources of known sides that are not one camp, within
`_REACH` sentences, neither a denial (the denial rules read those); and the
thing placed must be one: when each content names whose forces or aircraft it places ("Indian
aircraft" / "Pakistani jets") the two must agree, else they are two incidents.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import sides
from tui.pipeline.analyze.evidence import Ledger, claim_span, same_party
from tui.pipeline.analyze.lexicon import MILITARY
from tui.pipeline.analyze.opposed import side_word

_REACH = 3  # sentences apart
# The nouns of a state's sovereign space (a dictionary's "territory" sense) and of its edge.
_SPACE = r"(?:territory|territorial\s+waters|waters|airspace|air\s+space|soil)"
_EDGE = r"(?:border|frontier|line|fence|boundary)"
_WHERE_RE = re.compile(
    r"\b(?:(?P<intl>(?i:international\s+(?:airspace|air\s+space|waters)|high\s+seas))|"
    r"(?P<own>(?i:its|our))\s+(?:own\s+)?" + _SPACE + r"|"
    r"(?:the\s+)?(?P<adj>[A-Z][\w'’-]*?)(?:'s|’s)?\s+(?:" + _SPACE + r"|side\s+of\s+the\s+"
    + _EDGE + r"))\b"
)
# Whose forces or aircraft the content places: "Indian aircraft", "Pakistani jets".
_PLACED = (
    r"(?:" + "|".join(sorted(MILITARY)) + r"|aircraft|planes?|jets?|warplanes?|helicopters?|"
    r"drones?|ships?|vessels?|boats?)"
)
_PLACED_RE = re.compile(r"\b(?P<side>[A-Z][\w'’-]*)\s+(?:[a-z-]+\s+)?" + _PLACED + r"\b")
_INTERNATIONAL = "international"


def find(ledger: Ledger) -> None:
    """Mark each pair of opposed accounts that place one event on different ground."""
    where = [_where(ledger, k) for k in range(len(ledger.drafts))]
    for k in range(len(ledger.drafts)):
        if not where[k]:
            continue
        for j in range(k - 1, -1, -1):
            if ledger.sent_of[k] - ledger.sent_of[j] > _REACH:
                break
            if not where[j] or where[j] == where[k] or not _pair(ledger, j, k):
                continue
            ledger.add(k, "dispute", claim_span(ledger, j, k), ledger.drafts[j].canonical)
            ledger.add(j, "dispute", claim_span(ledger, k, j), ledger.drafts[k].canonical)


def _where(ledger: Ledger, k: int) -> str:
    """The owner of the space claim `k` places its event in: a side, "international", or ""."""
    d = ledger.drafts[k]
    if d.attached or not d.affiliation or "denial" in ledger.kinds(k):
        return ""
    content = ledger.text[d.content[0] : d.content[1]]
    owners = set()
    for m in _WHERE_RE.finditer(content):
        if m.group("intl"):
            owners.add(_INTERNATIONAL)
        elif m.group("own"):
            owners.add(d.affiliation)
        else:
            side = side_word(m.group("adj"))
            if side:
                owners.add(side)
    return owners.pop() if len(owners) == 1 else ""  # two spaces named: a crossing, not a place


def _pair(ledger: Ledger, j: int, k: int) -> bool:
    a, b = ledger.drafts[j], ledger.drafts[k]
    if same_party(a, b) or not a.affiliation or not b.affiliation:
        return False
    if a.affiliation == b.affiliation or b.affiliation in sides.camp(a.affiliation):
        return False
    placed_a = _placed(ledger.text[a.content[0] : a.content[1]])
    placed_b = _placed(ledger.text[b.content[0] : b.content[1]])
    return not (placed_a and placed_b and placed_a != placed_b)


def _placed(content: str) -> str:
    m = _PLACED_RE.search(content)
    return side_word(m.group("side")) if m else ""
