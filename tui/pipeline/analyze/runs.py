"""A disputed account runs on: the claims its source makes around the one contested.

Wire copy gives one party's account over several sentences ("Russia's defence ministry said
Ukraine had attacked ... 'The enemy launched a large-scale offensive,' the ministry said ...
'The enemy did not achieve its tasks,' it said"), and the other side answers the account, not
one sentence of it ("We do not comment on any kind of fake"). When a claim is disputed, the
same dispute goes to the claims that nothing else marked among
- its run: the same source, in its sentence or the next, one after another with no other
  party's claim between, telling ("said", "added", "told"; not an appeal or a description);
- the claims of its side that confirm it, or that it confirms when it is such a confirmation
  ("Kosovo's interior minister confirmed the police account"): not independent (evidence.py),
  so one account, and what contests either contests both.
"""

from __future__ import annotations

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.evidence import Ledger, same_party
from tui.pipeline.analyze.lexicon import words

# Verbs that go on with an account; an appeal ("urged"), a description ("described it as")
# or a warning says something else, which the answer to the account need not touch.
_TELLING = words("say tell add state report claim continue write post insist")


def find(ledger: Ledger) -> None:
    disputed = [
        k
        for k in range(len(ledger.drafts))
        if "dispute" in ledger.kinds(k) and "denial" not in ledger.kinds(k)
    ]
    for k in disputed:
        evidence = [e for e in ledger.found[k] if e.kind == "dispute"]
        for t in _run(ledger, k) + _endorsing(ledger, k):
            if ledger.kinds(t):
                continue  # marked by evidence of its own
            for e in evidence:
                ledger.add(t, "dispute", (e.start, e.end), e.by)


def _endorsing(ledger: Ledger, k: int) -> list[int]:
    """Claims of `k`'s side that confirm it in the next two sentences ("Kosovo's interior
    minister confirmed the police account"), or, when `k` is such a confirmation, the claims
    of its side it confirms: no independent confirmation, but one account, and what contests
    either contests both."""
    d = ledger.drafts[k]
    if not d.affiliation:
        return []
    out = []
    for t in range(len(ledger.drafts)):
        e = ledger.drafts[t]
        if t == k or abs(ledger.sent_of[t] - ledger.sent_of[k]) > 2 or e.attached:
            continue
        if e.affiliation != d.affiliation or same_party(d, e):
            continue
        if (t > k and e.kind == cues.CONFIRM) or (t < k and d.kind == cues.CONFIRM):
            out.append(t)  # the confirmation after it, or what a disputed confirmation confirmed
    return out


def _run(ledger: Ledger, k: int) -> list[int]:
    out = []
    for step in (-1, 1):
        last, j = k, k + step
        while 0 <= j < len(ledger.drafts):
            if not same_party(ledger.drafts[j], ledger.drafts[k]):
                break
            if ledger.sent_of[j] - ledger.sent_of[last] not in (0, step):
                break
            if not ledger.drafts[j].attached and _telling(ledger, j):
                out.append(j)
            last, j = j, j + step
    return out


def _telling(ledger: Ledger, j: int) -> bool:
    d = ledger.drafts[j]
    cue = ledger.text[d.cue[0] : d.cue[1]].lower().split()
    return bool(cue) and cues.VERB_BASE.get(cue[-1], cue[-1]) in _TELLING
