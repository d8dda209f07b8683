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
- neither claim is an appeal, a warning or a vow ("called for an investigation into the
  crash, which killed all 176 on board"): a directive or a commitment reports no act, whatever
  act its object names (accounts.NOT_ASSERTED; "call" only as "call for / on");
and both are confirmed, each with the other's sentence. The precedence stands: when the side's
claim is contested too, it stays `disputed` with the confirmation listed.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import accounts, bodies, cues, overlap, sides
from tui.pipeline.analyze.admissions import ACT_RE
from tui.pipeline.analyze.disputes import falsity_in
from tui.pipeline.analyze.evidence import Ledger, claim_span, independent
from tui.pipeline.analyze.sources import Draft

REACH = 3
NEEDED = 2.5
_NEGATION_RE = re.compile(r"\b(?:no|not|never|none|nothing|n't|neither|nor|only)\b", re.I)
# What an act left: the wounded, the bodies, the impacts (besides admissions.ACT_RE's verbs).
_HARM_RE = re.compile(r"\b(?:wound\w*|injur\w*|bodies|casualties|impacts?|damage\w*)\b", re.I)
_PROSPECT_RE = re.compile(r"\b(?:may|might|would|will|should|must|shall)\b", re.IGNORECASE)
_CONTRAST_RE = re.compile(r"\W*(?:but|however|yet|though|although|instead)\b", re.IGNORECASE)


def find(ledger: Ledger) -> None:
    for j, d in enumerate(ledger.drafts):
        if d.affiliation or unread_side(d) or d.attached or ledger.kinds(j):
            continue
        if not _plain(ledger, j) or not asserts(ledger, j):
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
            if not asserts(ledger, k):
                continue
            if not independent_of(other, d):
                continue
            a, b = ledger.words[k], ledger.words[j]
            tied = any(a[w] in ("num", "name") for w in a.keys() & b.keys())
            told = ledger.text[slice(*other.content)], ledger.text[slice(*d.content)]
            if tied and ledger.weight(a, b) >= NEEDED and not counts_differ(*told):
                ledger.add(k, "confirmation", claim_span(ledger, j, k), d.canonical)
                ledger.add(j, "confirmation", claim_span(ledger, k, j), other.canonical)


_APPEAL_RE = re.compile(r"\s+(?:for|on|upon)\b", re.IGNORECASE)


def asserts(ledger: Ledger, k: int) -> bool:
    """Does claim `k` assert something, rather than appeal, warn or vow ("urged restraint",
    "called for an inquiry", "vowed to respond")? "called the attack a massacre" asserts."""
    d = ledger.drafts[k]
    said = ledger.text[d.cue[0] : d.cue[1]].lower().split()
    for n, word in enumerate(said):
        base = cues.VERB_BASE.get(word, "")
        if base not in accounts.NOT_ASSERTED:
            continue
        if base != "call" or n + 1 < len(said) and said[n + 1] in ("for", "on", "upon"):
            return False
        return n + 1 < len(said) or not _APPEAL_RE.match(ledger.text, d.cue[1])
    return True


def _plain(ledger: Ledger, j: int) -> bool:
    """No negation, contrast or falsity in the claim's content and sentence opening."""
    d = ledger.drafts[j]
    content = ledger.text[d.content[0] : d.content[1]]
    sentence = ledger.text[d.sent[0] : d.sent[1]]
    if _NEGATION_RE.search(content) or _CONTRAST_RE.match(sentence):
        return False
    if _PROSPECT_RE.search(content):
        return False  # "the mission would verify the killing": a prospect reports no act
    return not falsity_in(sentence)


def _tells_act(ledger: Ledger, k: int) -> bool:
    lo, hi = ledger.drafts[k].content
    words = ledger.words[k]
    if "#dead" in words or ACT_RE.search(ledger.text, lo, hi) is not None:
        return True
    return _HARM_RE.search(ledger.text, lo, hi) is not None


def telling(ledger: Ledger, j: int, said: dict[str, str]) -> bool:
    """Does claim `j` share with `said` a number, a name, or a word the article has in at most
    two sentences (not only words of a family, countries, or words it repeats)?"""
    words = ledger.words[j]
    for key in words.keys() & said.keys():
        kinds = {words[key], said[key]}
        if kinds & {"num", "name"} and not kinds & {"side", "family"}:
            return True
        if kinds == {"word"} and ledger.df[key] <= 2:
            return True
    return False


def counts_differ(text: str, other: str) -> bool:
    """Do both count the dead or wounded ("#dead") with numbers, none of them shared ("killed
    40 soldiers" / "seven soldiers were killed"): a different count confirms no number."""
    if "#dead" not in overlap.profile(text) or "#dead" not in overlap.profile(other):
        return False
    mine, theirs = _numbers(text), _numbers(other)
    return bool(mine) and bool(theirs) and not mine & theirs


# Numbers written as words, to twenty and the tens (a count's usual spellings in news copy).
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_NUMBER_WORDS = {w: n for n, w in enumerate(f"{_UNITS} {_TEENS}".split())} | _TENS | {"ninety": 90}
_NUMBER_RE = re.compile(r"\b(?:\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _numbers(text: str) -> set[int]:
    out = set()
    for m in _NUMBER_RE.finditer(text):
        word = m.group().lower().replace(",", "")
        out.add(int(word) if word[0].isdigit() else _NUMBER_WORDS[word])
    return out


# A source the text names as a state's or an armed party's without saying whose: "the army",
# "police", "local officials", "the governor", "rebels" (the closed family of such bodies and
# offices). Its side is unread, not none: it may be the claim's own. A body of no side in
# its name ("a UN official", "a hospital spokesman", a listed organisation) is none of these.
_PARTY_RE = re.compile(
    r"\b(?:army|military|armed forces|forces|troops|soldiers|police\w*|government|regime|"
    r"ministry|minister|militias?|rebels?|fighters|militants?|insurgents?|guerrillas?|junta|"
    r"commanders?|officers?|officials?|authorities|governor|mayor|administrator|prefect|"
    r"garrison|brigade|battalion|navy|air force|coast guard)\b",
    re.IGNORECASE,
)
_NEUTRAL_RE = re.compile(
    r"\b(?:UN|U\.N\.|United Nations|Red Cross|Red Crescent|(?i:hospitals?|doctors?|medics?|"
    r"monitors?|observers?|peacekeep\w*|aid|charity|rights))\b"
)


def unread_side(d: Draft) -> bool:
    """Is `d` a state's or an armed party's source whose side the text leaves unread?"""
    if d.affiliation or not _PARTY_RE.search(d.name):
        return False
    return not _NEUTRAL_RE.search(d.name) and bodies.known_key(d.canonical) is None


def independent_of(claim: Draft, confirmer: Draft) -> bool:
    """evidence.independent, and a confirmer of unread side (`unread_side`) only for a claim
    of an armed group (the state's army confirming the rebels' account is their adversary) or
    of a source of no side in its name (residents, a UN official)."""
    if not independent(claim, confirmer):
        return False
    if not unread_side(confirmer):
        return True
    if claim.affiliation:
        return sides.country(claim.affiliation) is None
    return not _PARTY_RE.search(claim.name)
