"""Sequels of a denial: claims that go on with it, and so deny too (disputes.py).

- in its sentence, by the same source: "denied ..., saying ..."; "rejected X and said ..." when
  the clause negates or shares the denial's words; "said ..., rejecting Moscow's account" (the
  participle makes the claim before it a denial);
- in the next sentence: by the same source ("X told reporters the claim was not true. '...,'
  he said"), or by a speaker of the same side who points at the statement or negates ("This
  information is as true as ...," a spokesman told ...). These are "carried": they contest
  what the denial before them contests, and no target of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.evidence import Ledger, same_party
from tui.pipeline.analyze.lexicon import words

Denial = Callable[[str, object], "tuple[int, int] | None"]

_NEGATIVE_RE = re.compile(r"\b(?:no|not|never|none|nothing|n't)\b", re.IGNORECASE)
# A content that opens on the statement answered: "This information is as true as ...".
_POINTS_BACK_RE = re.compile(
    r"\W*(?:this|that|these|those|such|the|their|its)\s+(?:\w+\s+)?(?:claims?|reports?|"
    r"information|allegations?|accusations?|accounts?|statements?|figures?|news|version)\b",
    re.IGNORECASE,
)
# Verbs whose sequel restates a denial ("denied ..., saying ..."); a sequel that adds, warns
# or demands says something new.
_RESTATING = words(
    "say insist maintain state tell argue stress explain call describe reiterate repeat note write "
    "confirm"
)
# A sequel in the next sentence that adds or concedes says something new, whatever its verb:
# "However, it also confirmed that the pilot had been captured", "He said instead that ...".
# The closed classes of English discourse adverbs: additive
# (also, too, as well, in addition, moreover, furthermore, besides) and concessive or
# contrastive (but, however, yet, still, nevertheless, nonetheless, though, although, instead).
_TURNS_RE = re.compile(
    r"\b(?:also|too|as well|in addition|moreover|furthermore|besides|but|however|yet|still|"
    r"nevertheless|nonetheless|though|although|instead)\b",
    re.IGNORECASE,
)


def find(ledger: Ledger, own: list[tuple[int, int] | None], denial_span: Denial) -> set[int]:
    """ "denied ..., saying ..." / "rejected X and said ...": the sequel denies too. Returns
    the sequels carried on into the next sentence (`_goes_on`)."""
    carried: set[int] = set()
    for k, d in enumerate(ledger.drafts):
        if own[k] is not None:
            continue
        for j in range(k - 1, -1, -1):
            e = ledger.drafts[j]
            if ledger.sent_of[j] != ledger.sent_of[k]:
                break
            base = cues.VERB_BASE.get(ledger.text[d.cue[0] : d.cue[1]].lower().split()[-1], "")
            if (
                own[j] is not None
                and e.source == d.source
                and e.cue[0] < d.cue[0]
                and base in _RESTATING
                and _restates(ledger, j, k)
            ):
                ledger.add(k, "denial", own[j], d.canonical)
                own[k] = own[j]
                break
        if own[k] is None and _goes_on(ledger, own, k):
            own[k] = own[k - 1]
            ledger.add(k, "denial", own[k], d.canonical)
            carried.add(k)
        if own[k] is None and d.kind != cues.DENY:
            for j in range(k + 1, len(ledger.drafts)):  # "said ..., rejecting Moscow's account"
                e = ledger.drafts[j]
                if ledger.sent_of[j] != ledger.sent_of[k]:
                    break
                span = denial_span(ledger.text, e)
                if (
                    e.source == d.source
                    and span is not None
                    and (e.attached or _negates(ledger, k))
                ):
                    ledger.add(k, "denial", span, d.canonical)
                    break
    return carried


def _goes_on(ledger: Ledger, own: list[tuple[int, int] | None], k: int) -> bool:
    """Does claim `k` carry on, in the next sentence, the denial right before it? "X told
    reporters the claim was not true. 'The insurgents only infiltrated ...,' he said": the same
    source goes on; a spokesman of the denying side goes on when he points at the statement or
    negates ("This information is as true as ...")."""
    if k == 0 or own[k - 1] is None or ledger.sent_of[k] - ledger.sent_of[k - 1] != 1:
        return False
    d, e = ledger.drafts[k], ledger.drafts[k - 1]
    base = cues.VERB_BASE.get(ledger.text[d.cue[0] : d.cue[1]].lower().split()[-1], "")
    if base not in _RESTATING or d.kind == cues.DENY or _turns(ledger, k):
        return False
    if d.canonical and d.canonical == e.canonical:
        return True
    content = ledger.text[d.content[0] : d.content[1]]
    return bool(d.affiliation and d.affiliation == e.affiliation) and bool(
        _POINTS_BACK_RE.match(content) or _NEGATIVE_RE.search(content)
    )


def _turns(ledger: Ledger, k: int) -> bool:
    """Does claim `k` add or concede rather than go on ("However, it also confirmed ...",
    "He said instead ...")? Read in its sentence up to the end of its cue, outside its
    content (a "but" inside what was said is the speaker's)."""
    d = ledger.drafts[k]
    lo, hi = d.sent[0], max(d.cue[1], d.content[0])
    head = ledger.text[lo : min(hi, d.content[0]) if d.content[0] > lo else lo]
    rest = ledger.text[max(lo, d.content[1]) : d.cue[1]] if d.content[1] < d.cue[1] else ""
    return bool(_TURNS_RE.search(head) or _TURNS_RE.search(rest))


def _negates(ledger: Ledger, k: int) -> bool:
    """ "said no one had crossed from its side and called the statement a fabrication": a
    negated clause before a denial by the same source in its sentence goes with it."""
    d = ledger.drafts[k]
    return bool(_NEGATIVE_RE.search(ledger.text, d.content[0], d.content[1]))


def _restates(ledger: Ledger, j: int, k: int) -> bool:
    """Does sequel `k` go on with denial `j`? A participle ("..., saying ...") always does; a
    clause of its own ("... and said ...") when it negates or shares the denial's words ("denied
    targeting civilian sites and said the damage was caused by an air defense missile")."""
    d = ledger.drafts[k]
    if ledger.text[d.cue[0] : d.cue[1]].lower().endswith("ing"):
        return True
    if _NEGATIVE_RE.search(ledger.text, d.content[0], d.content[1]):
        return True
    if ledger.weight(ledger.words[k], ledger.words[j]) >= 1:
        return True
    return any(
        ledger.weight(ledger.words[k], ledger.words[t]) >= 1 for t in _near_claims(ledger, j)
    )


def _near_claims(ledger: Ledger, j: int) -> list[int]:
    """Claims by other sides just before denial `j`: what it may answer."""
    s = ledger.sent_of[j]
    d = ledger.drafts[j]
    return [
        t
        for t in range(j)
        if s - 2 <= ledger.sent_of[t] <= s
        and not same_party(ledger.drafts[t], d)
        and (not d.affiliation or ledger.drafts[t].affiliation != d.affiliation)
    ]
