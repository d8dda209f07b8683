"""Events said not to have happened: "there was no clash whatsoever", "no such incident",
"denied that an encounter happened".

A claim whose content says an event did not take place ("there had been no fighting") is a
denial when earlier claims by another side report that event, and it contests all of them and
the rest of each such account (its party's claims in the sentences around). The event is named
by its noun ("no clash" answers "a clash"), or, for an armed encounter, by any of the words for
one (`data/armed_encounters.txt`: "there had been no fighting" answers "troops clashed", "no
such incident" a "brief firefight"). With no such claim before it, a claim of another side
after it that shares its content is answered (lede.py).
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import cues, datafiles, lede
from tui.pipeline.analyze.evidence import Ledger, same_party

_NO_EVENT_RE = re.compile(
    r"\bthere (?:was|were|has been|had been|have been) no (?:such )?(?P<noun>\w+)", re.IGNORECASE
)
# A denial that an event took place: "denied that an encounter happened in the town", "denied
# that there had been any shooting" (the noun, as "there was no encounter" names it).
_DENIED_EVENT_RE = re.compile(
    r"\W*(?:that\s+)?(?:(?:an?|any)\s+(?:\w+\s+)?(?P<noun>\w+)\s+(?:had\s+|has\s+|ever\s+)*"
    r"(?:happened|taken place|took place|occurred)\b|"
    r"there\s+(?:was|were|had been|has been|have been)\s+(?:an?|any)\s+(?:\w+\s+)?(?P<noun2>\w+))",
    re.IGNORECASE,
)
# A claim that negates is no account of the event ("claimed no knowledge of the incident").
_NEGATES_RE = re.compile(r"\b(?:no|not|never|nothing|none)\b|n't\b", re.IGNORECASE)
# One armed encounter, whatever the word: "there had been no fighting" answers "clashed".
_ENCOUNTER_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(line[0]) for line in datafiles.rows("armed_encounters.txt"))
    + r")",
    re.IGNORECASE,
)


def events(ledger: Ledger, own: list[tuple[int, int] | None]) -> dict[int, list[int]]:
    """ "there was no clash whatsoever" denies when earlier claims by another side have the
    event's noun ("the PDF had a clash with junta forces"); it contests all of them."""
    text = ledger.text
    found: dict[int, list[int]] = {}
    for k, d in enumerate(ledger.drafts):
        if own[k] is None:
            m = _NO_EVENT_RE.search(text, d.content[0], d.content[1])
        elif d.kind == cues.DENY:  # "denied that an encounter happened": a denial already
            m = _DENIED_EVENT_RE.match(text, d.content[0], d.content[1])
        else:
            continue
        if m is None:
            continue
        noun = m.group("noun") or m.group("noun2")
        stem = noun.lower()[:4]
        encounter = bool(_ENCOUNTER_RE.match(noun))
        targets = [
            j
            for j in ledger.others_before(d.cue[0], ledger.sent_of[k], d)
            if (stem in ledger.words[j] or encounter and _encounter(ledger, j))
            and not (d.affiliation and ledger.drafts[j].affiliation == d.affiliation)
            and not ledger.drafts[j].attached
            and not _NEGATES_RE.search(text, *ledger.drafts[j].content)
        ]
        if not targets:  # "there were no clashes ..." opening the story, the claim after it
            denied = ledger.sentence_profile(*d.content)
            targets = lede.later(ledger, k, denied, lambda j: not ledger.drafts[j].attached)
        if targets:  # and the rest of each account: "said it attacked ... It said the clash"
            around = [
                j
                for j in range(k)
                if not ledger.drafts[j].attached
                and any(
                    same_party(ledger.drafts[j], ledger.drafts[t])
                    and abs(ledger.sent_of[j] - ledger.sent_of[t]) <= 1
                    for t in targets
                )
            ]
            own[k] = own[k] or (m.start(), m.end())
            found[k] = sorted(set(targets) | set(around))
    return found


def _encounter(ledger: Ledger, j: int) -> bool:
    """Does claim `j` report an armed encounter, in any of the words for one?"""
    return bool(_ENCOUNTER_RE.search(ledger.text, *ledger.drafts[j].content))
