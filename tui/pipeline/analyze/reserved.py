"""A confirmation with a reservation: "X confirmed A but said B" sets B against the claim
confirmed.

A party that confirms another's claim often confirms part of it and contests the rest in the
same sentence: "Armenia confirmed an exchange of fire near Lachin but blamed Azerbaijan for
starting it", "the army confirmed the attack but said no soldiers were killed". The second
clause, a claim of the confirmer's own after "but", "though", "although" or "while", disputes
the claim confirmed when it negates ("no soldiers were killed") or names the confirmed claim's
side ("blamed Azerbaijan"); a reservation that does neither ("but said the toll could rise")
leaves the confirmation alone. The confirmation stays listed; the dispute outranks it
(evidence.PRECEDENCE).
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import sides
from tui.pipeline.analyze.evidence import WINDOW, Ledger

_BUT_RE = re.compile(r"\b(?:but|though|although|while|yet)\b", re.IGNORECASE)
_NEGATION_RE = re.compile(r"\b(?:no|not|never|none|nobody|no one)\b|n't\b", re.IGNORECASE)


def find(ledger: Ledger) -> None:
    text = ledger.text
    for k, confirmer in enumerate(ledger.drafts):
        spans = [e for e in ledger.found[k] if e.kind == "confirmation"]
        if not spans:
            continue
        confirmed = []
        for j in range(k - 1, -1, -1):  # what it confirms stands in the sentences before it
            if ledger.sent_of[k] - ledger.sent_of[j] > WINDOW:
                break
            if any(e.start <= ledger.drafts[j].cue[0] < e.end for e in spans):
                confirmed.append(j)
        if not confirmed:
            continue
        for m in range(k + 1, len(ledger.drafts)):
            rest = ledger.drafts[m]
            if ledger.sent_of[m] != ledger.sent_of[k]:
                break
            if rest.source != confirmer.source:
                continue
            if not _BUT_RE.search(text, confirmer.cue[1], rest.cue[0]):
                continue
            content = text[rest.content[0] : rest.content[1]]
            for j in confirmed:
                side = ledger.drafts[j].affiliation
                if _NEGATION_RE.search(content) or (side and _names(content, side)):
                    ledger.add(j, "dispute", rest.sent, confirmer.canonical)
                    ledger.add(m, "dispute", ledger.drafts[j].sent, ledger.drafts[j].canonical)


def _names(content: str, side: str) -> bool:
    for word in re.findall(r"[A-Z][\w'’.-]*", content):
        for part in (word, word.split("-")[0]):
            found = sides.group(part)
            if (found is not None and found[1] == side) or sides.country(part) == side:
                return True
    return False
