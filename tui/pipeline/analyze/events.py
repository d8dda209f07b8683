"""Event frames: a denial answers every account of the act it denies, anywhere in the article.

A denial names what it denies by the act and its target, not by the words of one claim: "The
IAF denied that any Indian jets were downed" answers "Pakistan shot down two Indian Air Force
planes" in the lede and "PAF shot down two Indian aircrafts" in the next paragraph; "A claim
... that its forces had attacked the U.S. aircraft carrier Dwight D. Eisenhower ... is false"
answers "the Houthi group said its forces had attacked the Eisenhower", seven sentences on.
Shared words weigh little there (the story repeats "jets" and "Eisenhower" in every paragraph;
"planes" and "jets" share nothing), so the link is read from a frame of each claim's content:
- the act, by class: a shoot-down ("shot down", "downed", "brought down"), a sinking ("sank",
  "sunk"), a capture ("captured", "seized", "took control of", "overran"), an attack ("attacked",
  "struck", "targeted", "bombed", "shelled", "hit");
- its target, near the act: the kind of thing (aircraft: jets, planes, helicopters, drones;
  ships: warships, vessels, carriers, boats; ground: bases, posts, towns, villages) with the
  side named with it ("Indian jets"), or the proper name of the thing ("the Eisenhower").
A claim whose status is a denial (disputes.py found it) disputes every claim of another party
(not its own, not its side) with a frame of the same act class on the same target: the same
kind and side, or the same proper name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.pipeline.analyze import sides
from tui.pipeline.analyze.evidence import Ledger, same_party
from tui.pipeline.analyze.lexicon import words

_ACTS = {
    "downed": r"shot\s+down|shoot(?:s|ing)?\s+down|downed|downing|brought\s+down|"
    r"bring(?:s|ing)?\s+down",
    "sunk": r"sank|sunk|sink(?:s|ing)?",
    "captured": r"captur(?:ed|es|ing)|seiz(?:ed|es|ing)|overr[au]n|took\s+control\s+of|"
    r"tak(?:en|es|ing)\s+control\s+of",
    "attacked": r"attack(?:ed|s|ing)|struck|strik(?:es|ing)|target(?:ed|s|ing)|bomb(?:ed|s|ing)|"
    r"shell(?:ed|s|ing)|hit(?:s|ting)?",
}
_ACT_RE = {name: re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE) for name, p in _ACTS.items()}
_KINDS = {
    "aircraft": "aircraft aircrafts jet jets plane planes warplane warplanes fighter-jets "
    "helicopter helicopters drone drones",
    "ship": "ship ships vessel vessels warship warships carrier carriers destroyer destroyers "
    "frigate frigates boat boats tanker tankers",
    "ground": "base bases post posts outpost outposts town towns village villages camp camps "
    "position positions checkpoint checkpoints",
}
_KIND_OF = {noun: kind for kind, nouns in _KINDS.items() for noun in nouns.split()}
_WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")
_AROUND = 60  # characters after the act (or before it, for a passive) where its target stands
_GENERIC = words("the a an its their his her our any all two three four several one us")


@dataclass(frozen=True, slots=True)
class Frame:
    act: str
    kind: str
    side: str
    names: frozenset[str]


def find(ledger: Ledger) -> None:
    """Give every claim whose act a denial of another party denies that denial's dispute."""
    frames = [_frames(ledger, k) for k in range(len(ledger.drafts))]
    for k, d in enumerate(ledger.drafts):
        if "denial" not in ledger.kinds(k) or not frames[k]:
            continue
        span = next(e for e in ledger.found[k] if e.kind == "denial")
        for j, c in enumerate(ledger.drafts):
            if j == k or c.attached or not frames[j] or same_party(c, d):
                continue
            if c.affiliation and c.affiliation == d.affiliation:
                continue
            if ledger.kinds(j) & {"denial", "confirmation"}:
                continue
            if any(_same(x, y) for x in frames[k] for y in frames[j]):
                ledger.add(j, "dispute", (span.start, span.end), d.canonical)


def _same(x: Frame, y: Frame) -> bool:
    if x.act != y.act:
        return False
    if x.names & y.names:
        return True
    return bool(x.kind) and x.kind == y.kind and bool(x.side) and x.side == y.side


def _frames(ledger: Ledger, k: int) -> list[Frame]:
    d = ledger.drafts[k]
    if d.attached:
        return []
    text = ledger.text
    lo, hi = d.content
    out = []
    for act, pattern in _ACT_RE.items():
        for m in pattern.finditer(text, lo, hi):
            after = text[m.end() : min(hi, m.end() + _AROUND)]
            before = text[max(lo, m.start() - _AROUND) : m.start()]
            frame = _target(act, after) or _target(act, _last_clause(before))
            if frame is not None:
                out.append(frame)
    return out


def _last_clause(before: str) -> str:
    """The words before a passive act, from the clause's start ("that any Indian jets were")."""
    parts = re.split(r"[,;:]|\b(?:that|and|but|while|after)\b", before)
    return parts[-1]


# Where the target's phrase ends: a preposition of place or time, a verb of its clause.
_END_RE = re.compile(
    r"\b(?:in|at|near|over|on|off|inside|from|across|along|during|with|by|after|before|and|or|"
    r"which|that|who|while|but|as|to|into|when)\b|[,;:()\"“”]|(?<![A-Z])\.\s",
    re.IGNORECASE,
)


def _target(act: str, words_near: str) -> Frame | None:
    cut = _END_RE.search(words_near)
    words = _WORD_RE.findall(words_near[: cut.start()] if cut else words_near)[:8]
    kind, side, names = "", "", []
    for w in words:
        bare = w.strip(".,'’").removesuffix("'s").removesuffix("’s")
        low = bare.lower()
        if low in _KIND_OF:
            kind, names = _KIND_OF[low], []  # the head noun: "aircraft carrier" is a ship
            continue
        if not bare[:1].isupper() or low in _GENERIC:
            continue
        found = sides.country(bare) or (sides.group(bare) or ("", ""))[1]
        if found:
            side = side or found
        elif len(bare) > 3:
            names.append(low)  # "the Eisenhower", "carrier Dwight D. Eisenhower": its own name
    if not kind and not names:
        return None
    return Frame(act, kind, side, frozenset(names))
