"""A party admitting what another party says it did: both accounts are confirmed.

"Gunmen of the Okapi Liberation Front attacked a police station, the governor said. ... The
Front admitted carrying out the attack": the party the claim hurts concedes it, which
is corroboration at least as strong as an independent party's (docs/CLAIMS.md, "Admissions").
An admission is a claim whose cue is a verb of conceding ("admitted", "acknowledged",
"conceded") or a claim of responsibility ("claimed responsibility for the
attack", "claimed credit for"), not negated; it confirms each claim of another party, not of
its side, within WINDOW sentences before it (or two after: "the army said the group was
responsible ... The group claimed responsibility" is told either way round) when
- that claim's content names the admitting party (its side, or its name: "the Front attacked
  the station"), so the claim is one that hurts it, in an act (the name, then a verb of force
  or "responsible" after it: not "several Front supporters were wounded"), and
- the two are about the same act: shared content (weight 1, halved as usual: "attacked" /
  "the attack"), or the admission points back at an event ("the attack", "the raid").
A confirmation that makes the confirmer's own party the actor ("confirmed its fighters were
behind the raid", "confirmed that the attackers were members of the rebel organization") is an
admission too: the party the claim hurts confirming is no independent confirmation, it is a
concession. When no claim names it as the actor, it concedes the nearest earlier account of the
act by another party that it points at ("the raid", "the attackers": `_told_event`).
The admission is confirmed by the claim it concedes. A denial is never a target, and the
precedence is unchanged (evidence.PRECEDENCE): a claim both admitted by the party it hurts and
contested by another stays `disputed` ("the army said two groups were responsible; one denied
it, the other claimed the attack": the army's claim is disputed, the admission confirmed).

What "confirmed the attack" confirms is read here too (`bare_event`, `event_account`, used by
remarks.confirmed): a confirmation whose object only points back at an event confirms the
nearest earlier account of an act, with the claims its party made around it.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import cues
from tui.pipeline.analyze.evidence import (
    WINDOW,
    Ledger,
    claim_span,
    names_side,
    owns_in,
    same_party,
)
from tui.pipeline.analyze.sources import Draft

# Verbs of conceding (the cue's last word), in every form; "claim" only with "responsibility"
# or "credit" as what is claimed (a claim of an act of one's own that another party imputes).
# Source: the reporting verbs of concession in English usage guides (admit, acknowledge,
# concede), and the wire idiom "claimed responsibility for".
_CONCEDING_RE = re.compile(
    r"(?:admit|admits|admitted|admitting|acknowledge|acknowledges|acknowledged|acknowledging|"
    r"concede|concedes|conceded|conceding)$",
    re.IGNORECASE,
)
_CLAIMING_RE = re.compile(r"(?:claim|claims|claimed|claiming)$", re.IGNORECASE)
_RESPONSIBILITY_RE = re.compile(r"\W*(?:full\s+)?(?:responsibility|credit)\b", re.IGNORECASE)
# A concession withheld: "did not admit", "refused to acknowledge", "never conceded".
_WITHHELD_RE = re.compile(
    r"\b(?:not|n't|never|no longer|refused to|refuses to|declined to|declines to|"
    r"would not|without)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "released a statement claiming responsibility for the attack": the claim of responsibility
# inside what a statement noun carries.
_RELEASED_RE = re.compile(
    r"\W*(?:(?:a|an|the|its|their)\s+)?(?:\w+\s+)?(?:statement|communiqu\w+|message|video)\b"
    r"[^.;]{0,40}?\bclaim(?:s|ed|ing)?\s+(?:full\s+)?(?:responsibility|credit)\b",
    re.IGNORECASE,
)
_NEGATED_CONTENT_RE = re.compile(r"\b(?:no|not|never|n't|nothing|none)\b", re.IGNORECASE)
# The admission's content points back at an event ("the attack", "responsibility for the raid").
_EVENT_RE = re.compile(
    r"\b(?:the|that|this|these|those)\s+(?:\w+\s+)?(?:attacks?|assaults?|raids?|strikes?|bombings?|"
    r"ambush(?:es)?|shelling|killings?|operation|offensive|explosions?|blasts?|incident|abduction|"
    r"kidnapping)\b",
    re.IGNORECASE,
)
AFTER = 2  # sentences after the admission that a claim it concedes may come in
# A confirmation that makes the confirmer's own party the actor: "confirmed its fighters were
# behind the raid", "confirmed that it had carried out an air strike", "confirmed that the
# attackers were members of the rebel organization". The subject is a word of self-reference
# (or the actors named as such), then, in the content, an act or its attribution.
_SELF_ACTOR_RE = re.compile(
    r"\W*(?:that\s+)?(?:(?:its|their|our)\s+(?:own\s+)?[a-z]+|it|they|we|"
    r"the\s+(?P<doers>attackers|assailants|gunmen|raiders|perpetrators)\s+(?:were|was))\b",
    re.IGNORECASE,
)
_ATTRIBUTION_RE = re.compile(r"\b(?:behind|responsible|members?\s+of)\b", re.IGNORECASE)


def admission(ledger: Ledger, k: int) -> bool:
    """Is claim `k` an admission (see the module docstring)?"""
    d = ledger.drafts[k]
    text = ledger.text
    cue = text[d.cue[0] : d.cue[1]].split()
    if not cue or d.attached:
        return False
    word = cue[-1]
    lo = max(d.sent[0], d.cue[0] - 25)
    if _WITHHELD_RE.search(text, lo, d.cue[0]):
        return False
    content = text[d.content[0] : d.content[1]]
    if _RELEASED_RE.match(content):
        return True  # "released a statement claiming responsibility for the attack"
    if _CLAIMING_RE.match(word):
        return bool(_RESPONSIBILITY_RE.match(content))
    if d.kind == cues.CONFIRM:
        return self_actor(ledger, k)
    if not _CONCEDING_RE.match(word):
        return False
    return _NEGATED_CONTENT_RE.search(content) is None


def self_actor(ledger: Ledger, k: int) -> bool:
    """Does claim `k`'s content make its own party the actor of an act, not negated ("its
    fighters were behind the raid", "it had carried out an air strike")?"""
    lo, hi = ledger.drafts[k].content
    content = ledger.text[lo:hi]
    if _SELF_ACTOR_RE.match(content) is None or _NEGATED_CONTENT_RE.search(content):
        return False
    return ACT_RE.search(content) is not None or _ATTRIBUTION_RE.search(content) is not None


def find(ledger: Ledger) -> None:
    for a in range(len(ledger.drafts)):
        if not admission(ledger, a):
            continue
        conceded = _conceded(ledger, a)
        if not conceded and ledger.drafts[a].kind == cues.CONFIRM:
            conceded = _told_event(ledger, a)
        for k in conceded:
            ledger.add(k, "confirmation", claim_span(ledger, a, k), ledger.drafts[a].canonical)
            ledger.add(a, "confirmation", claim_span(ledger, k, a), ledger.drafts[k].canonical)


def _conceded(ledger: Ledger, a: int) -> list[int]:
    """The claims of other parties that admission `a` concedes."""
    d = ledger.drafts[a]
    s = ledger.sent_of[a]
    text = ledger.text
    content = text[d.content[0] : d.content[1]]
    pointed = _EVENT_RE.search(content) is not None
    out = []
    for k, other in enumerate(ledger.drafts):
        if k == a or other.attached or not s - WINDOW <= ledger.sent_of[k] <= s + AFTER:
            continue
        if _one_party(other, d):
            continue
        if "denial" in ledger.kinds(k) or not _hurts(ledger, k, d):
            continue
        shared = ledger.weight(ledger.words[k], ledger.words[a])
        if shared >= 1.0 or pointed:
            out.append(k)
    return out


def _told_event(ledger: Ledger, a: int) -> list[int]:
    """What a confirmation of one's own act that names no accuser concedes ("confirmed its
    fighters were behind the raid"): when it points back at an event ("the raid", or "the
    attackers were ..."), the nearest earlier
    account of an act by another party (not its side) within WINDOW sentences, with that
    party's claims around it (event_account)."""
    d = ledger.drafts[a]
    self_named = _SELF_ACTOR_RE.match(ledger.text, *d.content)
    doers = self_named is not None and self_named.group("doers")
    if _EVENT_RE.search(ledger.text, *d.content) is None and not doers:
        return []  # "the attackers were members of ...": the doers point at the event too
    s = ledger.sent_of[a]
    candidates = [
        k
        for k, other in enumerate(ledger.drafts)
        if s - WINDOW <= ledger.sent_of[k] < s
        and not other.attached
        and not _one_party(other, d)
        and "denial" not in ledger.kinds(k)
    ]
    return event_account(ledger, candidates) if candidates else []


def _one_party(a: Draft, b: Draft) -> bool:
    """One source or one side: the same canonical name or affiliation ("the army" is no part of
    "the Hill Defence Army", which evidence.same_party's nested names would take it for)."""
    if a.canonical and a.canonical == b.canonical:
        return True
    return bool(a.affiliation) and a.affiliation == b.affiliation


def _hurts(ledger: Ledger, k: int, admitter: Draft) -> bool:
    """Does claim `k`'s content name the admitting party (its side or its name) as the one
    who acted: the name, then a verb of force or "responsible" after it ("the Front attacked
    the station", "two groups, the Hill Defence Army and the River Brigade, were responsible";
    not "several Front supporters were wounded")?"""
    lo, hi = ledger.drafts[k].content
    if not (
        (admitter.affiliation and names_side(ledger, k, admitter.affiliation))
        or owns_in(ledger.text[lo:hi], admitter)
    ):
        return False
    at = _first_mention(ledger.text[lo:hi], admitter)
    return at is not None and ACT_RE.search(ledger.text, lo + at, hi) is not None


def _first_mention(content: str, admitter: Draft) -> int | None:
    """Where the content first names the admitter: a word of its canonical name or side."""
    names = f"{admitter.canonical} {admitter.affiliation} {admitter.name}"
    stems = {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w'’-]{2,}", names)}
    stems -= {"the", "forc", "force", "armed", "army", "group", "front", "movem", "natio"}
    for m in re.finditer(r"[A-Za-z][\w'’-]{2,}", content):
        if m.group()[:1].isupper() and m.group().lower()[:5] in stems:
            return m.start()
    return None


ACT_RE = re.compile(
    r"\b(?:attack\w*|assault\w*|raid\w*|struck|strik\w*|bomb\w*|ambush\w*|shell\w*|kill\w*|"
    r"blew|blown|blow\w*|fired|fire|shot|shoot\w*|seiz\w*|captur\w*|abduct\w*|kidnap\w*|sabotag\w*|"
    r"responsible)\b",
    re.IGNORECASE,
)


# A confirmation whose object is only a word pointing back at an event: "confirmed the attack",
# "confirmed the incident" (data/back_references.txt names such words for counter-accounts).
_BARE_EVENT_RE = re.compile(
    r"\W*(?:the|that|this)\s+(?:\w+\s+)?(?:attacks?|assault|raid|strikes?|bombing|ambush|"
    r"shelling|killings?|explosion|blast|incident|abduction|kidnapping|clash(?:es)?)\W*$",
    re.IGNORECASE,
)


def bare_event(text: str, content: tuple[int, int]) -> bool:
    """Is this content only a back-reference to an event ("the attack", "the incident")?"""
    return _BARE_EVENT_RE.match(text[content[0] : content[1]]) is not None


def event_account(ledger: Ledger, candidates: list[int]) -> list[int]:
    """What "confirmed the attack" confirms: the nearest earlier account of an act among
    `candidates` (claims before the confirmation, in text order), with the claims its party
    made right before and after it (no other party's claim between)."""
    acts = [j for j in candidates if ACT_RE.search(ledger.text, *ledger.drafts[j].content)]
    if not acts:
        return []
    last = acts[-1]
    run = [last]
    for step in (-1, 1):  # the party's claims on either side of it, up to another party's
        j = last + step
        while 0 <= j <= candidates[-1] and same_party(ledger.drafts[j], ledger.drafts[last]):
            if j in candidates:
                run.append(j)
            j += step
    return sorted(run)
