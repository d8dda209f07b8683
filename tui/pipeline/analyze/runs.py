"""A disputed account runs on: the claims its source makes around the one contested.

Wire copy gives one party's account over several sentences ("Russia's defence ministry said
Ukraine had attacked ... 'The enemy launched a large-scale offensive,' the ministry said ...
'The enemy did not achieve its tasks,' it said"), and the other side answers the account, not
one sentence of it ("We do not comment on any kind of fake"). When a claim is disputed, the
claims of its run (the same source, in its sentence or the next, one after another with no
other party's claim between) that nothing else marked and that go on telling ("said",
"added", "told"; not an appeal or a description) are disputed by the same evidence.
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
        for t in _run(ledger, k):
            if ledger.kinds(t):
                continue  # marked by evidence of its own
            for e in evidence:
                ledger.add(t, "dispute", (e.start, e.end), e.by)


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
