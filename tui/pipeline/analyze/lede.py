"""A denial that opens the story answers the claims the article reports after it.

Wire copy often leads with the denial and reports the claim denied below it: "The government
dismissed claims by the group to have killed five soldiers ... His remarks came after the group
said its fighters overran a base, killing five soldiers". disputes.py first looks for the claim
a denial answers before it; when none is there, the claim may come after: a claim of another
side (both sides known: a witness of no side who says what the accuser said is no accuser)
later in the denial's sentence or in the next
WINDOW sentences, with no change of subject between ("Separately, ..."), whose content shares
what the denial denies. Only the denial's own words count ("denied that X": X), never the
version a "saying ..." sequel gives, which a later claim may well share in agreement.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze.evidence import WINDOW, Ledger, names_side, same_party

# "denied accusations that its troops had crossed the border": what another side said about
# the denier; a later claim of another side that names the denier's side and shares a word of
# it is that accusation ("Eritrean forces had begun digging trenches on the border").
_ACCUSATIONS_RE = re.compile(
    r"\W*(?:\w+\s+){0,2}?(?:accusations|allegations|charges)\b", re.IGNORECASE
)


def later(ledger: Ledger, k: int, said: dict[str, str], free) -> list[int]:  # noqa: ANN001
    """The claims a denial answers that the article reports after it ("dismissed claims by the
    group to have killed five soldiers ... The group said it killed five soldiers"): claims of
    another side (never the denier's own) after it, in its sentence or the next WINDOW, whose
    content shares what the denial denies (`said`, its content's profile: weight 1.5, a number,
    or a name and a word; not the version a "saying ..." sequel gives), and the others of that
    side's account that share as much."""
    d, s = ledger.drafts[k], ledger.sent_of[k]
    lede = s == 0  # a denial in the first sentence denies what the story is about: its words,
    scored = [  # in many sentences, then keep their whole weight (and need 2, not 1.5)
        (_weight(ledger, j, said, lede), j)
        for j in range(k + 1, len(ledger.drafts))
        if s <= ledger.sent_of[j] <= s + WINDOW
        and ledger.drafts[j].cue[0] > max(d.cue[1], d.content[1])
        and free(j)
        and not same_party(ledger.drafts[j], d)
        and d.affiliation
        and ledger.drafts[j].affiliation not in ("", d.affiliation)
        and not any(ledger.shifts_topic(t) for t in range(s + 1, ledger.sent_of[j] + 1))
    ]
    accused = _ACCUSATIONS_RE.match(ledger.text, min(d.cue[1], d.content[0]), d.content[1])
    hits = [
        (w, j)
        for w, j in scored
        if w >= 1.5 or (accused and w >= 0.5 and names_side(ledger, j, d.affiliation))
    ]
    hits = hits if said else []
    if not hits:
        return []
    first = min(j for _, j in hits)
    return sorted(j for _, j in hits if _same_side(ledger, j, first))


def _weight(ledger: Ledger, j: int, said: dict[str, str], lede: bool) -> float:
    halved = ledger.weight(ledger.words[j], said)
    whole = ledger.weight(ledger.words[j], said, halve=False) if lede else 0.0
    return max(halved, whole - 0.5)


def own_words(d, span: tuple[int, int] | None) -> bool:  # noqa: ANN001
    """Do the words that make `d` a denial lie in its own cue or content?"""
    if span is None:
        return False
    lo, hi = min(d.cue[0], d.content[0]), max(d.cue[1], d.content[1])
    return span[0] < hi and lo < span[1]


def _same_side(ledger: Ledger, j: int, best: int) -> bool:
    a, b = ledger.drafts[j], ledger.drafts[best]
    return same_party(a, b) or bool(a.affiliation) and a.affiliation == b.affiliation
