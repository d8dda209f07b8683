"""Title-case headlines, read by the shape of their words rather than by the parse.

"Zelensky Says Kyiv Will Not Give Up Kharkiv", "EXPERTS DOUBT TRUCE": the parser reads
capitalised verbs as names, so a headline is read as a short name, a reporting verb in
headline tense (present: "Says", "Slam") and the rest. Past forms are left out (in titles they
are mostly adjectives: "Calculated Predictions"), and so are words that titles mostly use as
nouns ("Claims", "Attacks", "Email"). Used only for a sentence in which the parse found nothing.
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.frame import Found, Token, trim


def read(doc: Any, start: int, end: int) -> Found | None:
    """The attribution of a title-case headline [start, end), if it reads as one."""
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
        return None
    lo = start
    while lo < end and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    if lo >= end or doc[lo].lower_ in _QUESTIONS:
        return None
    for t in doc[lo + 1 : min(end - 2, lo + 8)]:
        low = t.lower_
        if t.is_punct and t.tag_ != "HYPH" and t.text not in ("'", "’", "."):
            return None  # "Clinton Wades In: ..." has no plain name before its verb
        if low in cues.VERB_KIND and _headline_verb(t):
            hi = t.i
            while hi > lo + 1 and (
                doc[hi - 1].lower_.endswith("ly") or doc[hi - 1].lower_ == "just"
            ):
                hi -= 1  # "Trump Finally Endorses" -> "Trump"
            return Found(
                cue=(t.i, t.i + 1),
                source=(lo, hi),
                head=hi - 1,
                content=trim(doc, (t.i + 1, end)),
                kind=cues.VERB_KIND[low],
            )
    return None


_QUESTIONS = cues.words("why how what when where who whom which whether")
_TITLE_NOUNS = cues.words(
    """
    email emails post posts tweet tweets show shows call calls list lists report reports attack
    attacks support supports comment comments question questions answer answers offer offers
    order orders estimate estimates plan plans quote quotes release releases claim claims
    warning warnings statement issue issues challenge challenges charge charges demand demands
    vow vows pledge pledges promise promises threat threats appeal appeals back backs
    """
)


def _headline_verb(tok: Token) -> bool:
    low = tok.lower_
    if low in _TITLE_NOUNS or low.endswith(("ing", "ed")) or tok.doc[tok.i - 1].lower_ == "to":
        return False
    return cues.VERB_BASE.get(low) != low or tok.doc[tok.i - 1].lower_.endswith("s")
