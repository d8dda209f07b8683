"""Counter-accounts: another side's version set against a claim without a word of denial.

Wire copy often lets one side answer the other by stating its own version: "the attack was
repelled" after "its fighters captured the base", "the bridge remained open to traffic" after
"three direct hits on the bridge", "the men were civilians" after "killed three militants",
"no damage, and the crew were safe" after "set the tanker on fire". A claim disputes a claim of
another side (both sides known, and different) in its own sentence or the two before it when
- its content has a phrase of a counter-account family (data/counter_accounts.tsv), and the
  other claim is of the kind that family answers (a capture for "still held", a hit for "no
  damage", fighters killed for "were civilians");
- and the two are about the same thing: they share content (overlap weight 1, evidence.py), or,
  in the next sentence, the counter-account points back with a generic noun ("the attack",
  "the men": data/back_references.txt).
Both accounts then dispute each other (a phrase that negates the other's act, "the post had
not fallen", makes the answer a denial of it), and the claims the other side made just
before the one answered (its account runs on: "The bloggers also said ...") are answered
with it.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import datafiles, overlap
from tui.pipeline.analyze.evidence import WINDOW, Ledger, claim_span, names_side, same_party

# What each family answers, in the other claim's content.
_ANSWERS = {
    "hold": re.compile(
        r"\b(?:captur\w*|seiz\w*|took|taken|tak(?:e|ing)\s+control|enter\w*|overr[au]n\w*|"
        r"f[ae]ll(?:en)?|withdr[ae]w\w*|retreat\w*|control\w*|liberat\w*|advanc\w*)\b",
        re.IGNORECASE,
    ),
    "repel": re.compile(  # an attack said to have succeeded: "captured the base"
        r"\b(?:captur\w*|seiz\w*|overr[au]n\w*|took|taken|storm\w*|liberat\w*|"
        r"(?:killed|destroyed)\b.{0,60}\b(?:attack|assault|raid)\b)",
        re.IGNORECASE,
    ),
    "crash": re.compile(r"\b(?:shot\s+down|shoot\s+down|downed|brought\s+down)\b", re.I),
    "harmless": re.compile(
        r"\b(?:hit|hits|struck|strike|strikes|target\w*|fire|fired|damag\w*|destroy\w*|"
        r"kill\w*|wound\w*|explo\w*|sank|sunk|shot\s+down|downed)\b",
        re.IGNORECASE,
    ),
}
# An act of force in a claim's content, for what it hit or killed (`struck`).
_FORCE_RE = re.compile(
    r"\b(?:struck|strikes?|hit|hits|kill(?:ed|ing|s)?|bomb(?:ed|ing|s)?|shell(?:ed|ing|s)?|"
    r"target(?:ed|ing|s)?|destroy(?:ed|ing|s)?|died|dead|fatalities|neutrali[sz]ed)\b",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)
_OTHER_KIND = {"civilians": "combatant-nouns", "combatants": "civilian-nouns"}
_NEXT_SENTENCE = 1
_REACH = 2
_SIDE_REACH = WINDOW  # sentences apart when one account names the other's side
_NOUN_BEFORE = 24  # characters before a phrase where its subject stands ("the drone crashed")


@functools.cache
def _families() -> dict[str, re.Pattern[str]]:
    grouped: dict[str, list[str]] = {}
    for family, pattern in datafiles.rows("counter_accounts.tsv"):
        grouped.setdefault(family, []).append(f"(?:{pattern})")
    return {name: re.compile("|".join(parts), re.IGNORECASE) for name, parts in grouped.items()}


@functools.cache
def _back_reference() -> re.Pattern[str]:
    nouns = "|".join(re.escape(row[0]) for row in datafiles.rows("back_references.txt"))
    return re.compile(r"\b(?:the|that|this|those|these)\s+(?:\w+\s+)?(?:" + nouns + r")\b", re.I)


def load_tables() -> None:
    """Read the data files now (warm_up: before worker processes fork)."""
    _families()
    _back_reference()


def find(ledger: Ledger) -> None:
    """Mark each counter-account and the claim it answers as disputing each other."""
    text = ledger.text
    families = _families()
    for k, b in enumerate(ledger.drafts):
        if b.attached or not b.affiliation:
            continue
        content = text[b.content[0] : b.content[1]]
        found = [
            name
            for name in ("hold", "repel", "harmless", "crash", "civilians", "combatants")
            if name in families and families[name].search(content)
        ]
        if not found:
            continue
        sb = ledger.sent_of[k]
        for j in range(k - 1, -1, -1):
            a = ledger.drafts[j]
            sa = ledger.sent_of[j]
            if sa < sb - _REACH:
                break
            if a.attached or same_party(a, b) or not a.affiliation:
                continue
            if a.affiliation == b.affiliation:
                continue
            if not _answers(ledger, j, found) or not (
                _about_same(ledger, j, k, content) or _same_thing(ledger, j, content, found)
            ):
                continue
            for t in _run(ledger, j):
                ledger.add(t, "dispute", claim_span(ledger, k, t), b.canonical)
            negated = _negated_phrase(content, found)
            if negated is not None:  # "the post had not fallen": the capture itself denied
                ledger.add(k, "denial", (b.content[0] + negated[0], b.content[0] + negated[1]))
            else:
                ledger.add(k, "dispute", claim_span(ledger, j, k), a.canonical)
            break


def struck(ledger: Ledger) -> None:
    """Two sides' accounts of what a strike hit or killed: civilians, a market, a refugee
    settlement against terrorists, fighters, a command post. Each disputes the other when both
    sides are known and differ, the later claim is in the same sentence or the two after, each
    names only one kind with an act of force, and they are about the same thing (shared
    content, or "the strikes" pointing back)."""
    text, families = ledger.text, _families()
    kinds = []
    for d in ledger.drafts:
        content = text[d.content[0] : d.content[1]]
        found = {
            name
            for name in ("struck-civilian", "struck-military")
            if name in families and families[name].search(content)
        }
        force = _FORCE_RE.search(content) is not None
        kinds.append(next(iter(found)) if len(found) == 1 and force and not d.attached else "")
    for k, b in enumerate(ledger.drafts):
        if not kinds[k]:
            continue
        for j in range(k - 1, -1, -1):
            a = ledger.drafts[j]
            apart = ledger.sent_of[k] - ledger.sent_of[j]
            if apart > _SIDE_REACH:
                break
            if kinds[j] in ("", kinds[k]) or a.affiliation == b.affiliation:
                continue  # one side's two accounts, or two witnesses of no side
            if same_party(a, b):
                continue
            content = text[b.content[0] : b.content[1]]
            near = apart <= _REACH and _about_same(ledger, j, k, content)
            if not near and not _blames_other(ledger, j, k):
                continue
            ledger.add(k, "dispute", claim_span(ledger, j, k), a.canonical)
            for t in _told_again(ledger, kinds, j):
                ledger.add(t, "dispute", claim_span(ledger, k, t), b.canonical)
            break


def _told_again(ledger: Ledger, kinds: list[str], j: int) -> list[int]:
    """Claim `j` and its side's accounts of the same kind right after it, in its sentence or
    the next ("Iran says it hit a militant group" / "State TV said the operation hit two
    sites linked to the group"): one account told twice."""
    a, out = ledger.drafts[j], [j]
    for t in range(j + 1, len(ledger.drafts)):
        if ledger.sent_of[t] - ledger.sent_of[out[-1]] > 1:
            break
        e = ledger.drafts[t]
        if not (same_party(a, e) or (a.affiliation and e.affiliation == a.affiliation)):
            break
        if kinds[t] == kinds[j]:
            out.append(t)
    return out


def _blames_other(ledger: Ledger, j: int, k: int) -> bool:
    """Is one account of the strike about the other's side: "hit militants in western
    Pakistan" / Pakistani officials: "two children were killed"; "killed by a Turkish drone" /
    Turkey's ministry: "three terrorists were killed"? The striker names where it struck, the
    struck names who struck: one strike, whatever words the two accounts share."""
    a, b = ledger.drafts[j], ledger.drafts[k]
    return bool(
        (b.affiliation and names_side(ledger, j, b.affiliation))
        or (a.affiliation and names_side(ledger, k, a.affiliation))
    )


def _negated_phrase(content: str, found: list[str]) -> tuple[int, int] | None:
    """The span of a counter-account phrase that negates the other's act ("had not fallen",
    "did not completely fall"), or None: such a phrase is a denial, not a version of its own."""
    for name in found:
        if name != "hold":
            continue  # "no damage" is a version of its own, not a denial of the hit
        for m in _families()[name].finditer(content):
            if _NEGATION_RE.search(m.group()):
                return m.span()
    return None


def _answers(ledger: Ledger, j: int, found: list[str]) -> bool:
    """Is claim `j` of the kind one of the counter-account families `found` answers?"""
    a = ledger.drafts[j]
    content = ledger.text[a.content[0] : a.content[1]]
    for name in found:
        if _families()[name].search(content):
            continue  # both sides holding, both repelling: two accounts of their own
        if name in _ANSWERS and _ANSWERS[name].search(content):
            return True
        other = _families().get(_OTHER_KIND.get(name, ""))
        if other is not None and other.search(content):
            return True
    return False


def _about_same(ledger: Ledger, j: int, k: int, content: str) -> bool:
    if ledger.weight(ledger.words[k], ledger.words[j]) >= 1:
        return True
    near = ledger.sent_of[k] - ledger.sent_of[j] <= _NEXT_SENTENCE
    return near and bool(_back_reference().search(content))


def _same_thing(ledger: Ledger, j: int, content: str, found: list[str]) -> bool:
    """Does claim `j` name the thing the counter-account says came to no harm or crashed ("the
    drone crashed" / "shot down an Italian drone"; "none of our boats sank" / "destroyed 12
    boats")? The story's topic word is in many sentences, so shared words alone weigh little."""
    other = ledger.words[j]
    for name in found:
        if name not in ("harmless", "crash"):
            continue
        for m in _families()[name].finditer(content):
            near = content[max(0, m.start() - _NOUN_BEFORE) : m.end()]
            if any(other.get(w) == "word" for w in overlap.content_words(near)):
                return True
    return False


def _run(ledger: Ledger, j: int) -> list[int]:
    """Claim `j` and the claims its party made right before it, in its sentence or the one
    before, with no other party's claim between."""
    out = [j]
    for t in range(j - 1, -1, -1):
        if ledger.sent_of[j] - ledger.sent_of[t] > 1:
            break
        if not same_party(ledger.drafts[t], ledger.drafts[j]):
            break
        if not ledger.drafts[t].attached:
            out.append(t)
    return out
