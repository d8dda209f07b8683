"""Corroboration without a verb of confirming: a party of no side tells the same event.

"The Front said its fighters shelled army positions near Mahbes on Monday night. ... A UN
official said observers had recorded four artillery impacts near the army positions at Mahbes
that night": a party that takes no side in the war (a UN body, an aid group, a hospital, a
monitor: no affiliation in the text) reporting the act a side claimed, in its own words,
corroborates it (docs/CLAIMS.md, "Corroboration"). A claim of no side confirms a claim of a
known side in the REACH sentences before it when
- both tell an act of war (a verb of force, or the dead),
- the two share what ties two statements to one event: a number or a proper name, and in all
  shared content weighing at least NEEDED (evidence.shared_weight, halved for words the
  article repeats: "Mahbes" 1.5 and "positions" 1),
- the corroborating claim neither negates nor opens on a contrast ("But", "However"), nor
  calls anything false, and has no evidence of its own yet;
and both are confirmed, each with the other's sentence. The precedence stands: when the side's
claim is contested too, it stays `disputed` with the confirmation listed.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze.admissions import ACT_RE
from tui.pipeline.analyze.disputes import falsity_in
from tui.pipeline.analyze.evidence import Ledger, claim_span

REACH = 3
NEEDED = 2.5
_NEGATION_RE = re.compile(r"\b(?:no|not|never|none|nothing|n't|neither|nor|only)\b", re.I)
# What an act left: the wounded, the bodies, the impacts (besides admissions.ACT_RE's verbs).
_HARM_RE = re.compile(r"\b(?:wound\w*|injur\w*|bodies|casualties|impacts?|damage\w*)\b", re.I)
_CONTRAST_RE = re.compile(r"\W*(?:but|however|yet|though|although|instead)\b", re.IGNORECASE)


def find(ledger: Ledger) -> None:
    for j, d in enumerate(ledger.drafts):
        if d.affiliation or d.attached or ledger.kinds(j) or not _plain(ledger, j):
            continue
        if not _tells_act(ledger, j):
            continue
        s = ledger.sent_of[j]
        for k in range(j):
            other = ledger.drafts[k]
            if not other.affiliation or other.attached or not s - REACH <= ledger.sent_of[k] < s:
                continue
            if "denial" in ledger.kinds(k) or not _tells_act(ledger, k):
                continue
            a, b = ledger.words[k], ledger.words[j]
            tied = any(a[w] in ("num", "name") for w in a.keys() & b.keys())
            if tied and ledger.weight(a, b) >= NEEDED:
                ledger.add(k, "confirmation", claim_span(ledger, j, k), d.canonical)
                ledger.add(j, "confirmation", claim_span(ledger, k, j), other.canonical)


def _plain(ledger: Ledger, j: int) -> bool:
    """No negation, contrast or falsity in the claim's content and sentence opening."""
    d = ledger.drafts[j]
    content = ledger.text[d.content[0] : d.content[1]]
    sentence = ledger.text[d.sent[0] : d.sent[1]]
    if _NEGATION_RE.search(content) or _CONTRAST_RE.match(sentence):
        return False
    return not falsity_in(sentence)


def _tells_act(ledger: Ledger, k: int) -> bool:
    lo, hi = ledger.drafts[k].content
    words = ledger.words[k]
    if "#dead" in words or ACT_RE.search(ledger.text, lo, hi) is not None:
        return True
    return _HARM_RE.search(ledger.text, lo, hi) is not None
