"""A same-side confirmation and the claim it confirms are one account: a dispute of either is
a dispute of both.

"Kosovo police said a Serbian armed group had attacked their patrol. Kosovo's interior
minister confirmed the police account. Belgrade said the men were local Serbs ...": the
minister's confirmation is no independent one (evidence.py, `independent`), so it does not
raise the police claim; it adopts it, and what contests the police account contests the
minister's word too, and the other way round when the answer names the confirmation ("the
report"). When a claim is disputed, the claims of its side within two sentences that confirm
it, or, when it is such a confirmation, the claims of its side it confirms, take the same
dispute unless they have evidence of their own; so does a claim of its source or side in the
next sentence that says it adds to it ("According to the group, vehicles were also destroyed").

(A wider reading, the dispute carried through every claim its source goes on telling in the
next sentences, lifted wire1 by two claims but added a wrong contradiction to the stories'
dev set, and was dropped: bench/README.md, "Claims: third pass".)
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.evidence import Ledger, same_party

# "According to al-Shabab, military vehicles were also destroyed": a claim that says it adds to
# what its source has just said is more of the same account.
_ALSO_RE = re.compile(r"\b(?:also|as well)\b", re.IGNORECASE)


def find(ledger: Ledger) -> None:
    disputed = [
        k
        for k in range(len(ledger.drafts))
        if "dispute" in ledger.kinds(k) and "denial" not in ledger.kinds(k)
    ]
    for k in disputed:
        evidence = [e for e in ledger.found[k] if e.kind == "dispute"]
        for t in _endorsing(ledger, k) + _added(ledger, k):
            if ledger.kinds(t):
                continue  # marked by evidence of its own
            for e in evidence:
                ledger.add(t, "dispute", (e.start, e.end), e.by)


def _endorsing(ledger: Ledger, k: int) -> list[int]:
    """Claims of `k`'s side that confirm it in the next two sentences, or, when `k` is such a
    confirmation, the claims of its side it confirms."""
    d = ledger.drafts[k]
    if not d.affiliation:
        return []
    out = []
    for step in (-1, 1):  # within two sentences either way: linear in the article's length
        t = k + step
        while 0 <= t < len(ledger.drafts) and abs(ledger.sent_of[t] - ledger.sent_of[k]) <= 2:
            e = ledger.drafts[t]
            confirming = (t > k and e.kind == cues.CONFIRM) or (t < k and d.kind == cues.CONFIRM)
            same_side = e.affiliation == d.affiliation and not same_party(d, e)
            if confirming and same_side and not e.attached:
                out.append(t)
            t += step
    return sorted(out)


def _added(ledger: Ledger, k: int) -> list[int]:
    """The claim of `k`'s source or side in the next sentence that says it adds to `k`."""
    d, t = ledger.drafts[k], k + 1
    while t < len(ledger.drafts) and ledger.sent_of[t] == ledger.sent_of[k]:
        t += 1
    if t == len(ledger.drafts) or ledger.sent_of[t] != ledger.sent_of[k] + 1:
        return []
    e = ledger.drafts[t]
    if not (same_party(d, e) or (d.affiliation and e.affiliation == d.affiliation)) or e.attached:
        return []  # its source, or its side ("the group's spokesman said ... The group also")
    lo = min(e.source[0], e.cue[0], e.content[0])  # "The group also claimed ..." too
    return [t] if _ALSO_RE.search(ledger.text, lo, max(e.cue[1], e.content[1])) else []
