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
  "struck", "targeted", "bombed", "shelled", "hit"), an incursion ("entered", "crossed into",
  "intruded into", "invaded": its target the country whose territory it is, the first country
  or demonym after the act: "crossed into Somalia", "entered Honduran territory");
- its target, near the act: the kind of thing (aircraft: jets, planes, helicopters, drones;
  ships: warships, vessels, carriers, boats; ground: bases, posts, towns, villages) with the
  side named with it ("Indian jets", "12 Tamil Tiger craft" through the article's sides,
  "none of their boats": the speaker's), or the proper name of the thing ("the Eisenhower").
Two claims of opposed sides with frames of one act on one target, one of them negated ("sank
12 Tamil Tiger craft" / "none of their boats were sunk"), anywhere in the article: the negated
one denies the act, the other is disputed. Then a claim whose status is a denial disputes
every claim of another party (not its own, not its side) with a frame of the same act class on
the same target: the same kind and side, or the same proper name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.pipeline.analyze import casualties
from tui.pipeline.analyze.evidence import Ledger, claim_span, same_party
from tui.pipeline.analyze.lexicon import words

_ACTS = {
    "downed": r"shot\s+down|shoot(?:s|ing)?\s+down|downed|downing|brought\s+down|"
    r"bring(?:s|ing)?\s+down",
    "sunk": r"sank|sunk|sink(?:s|ing)?",
    "captured": r"captur(?:ed|es|ing)|seiz(?:ed|es|ing)|overr[au]n|took\s+control\s+of|"
    r"tak(?:en|es|ing)\s+control\s+of",
    "attacked": r"attack(?:ed|s|ing)|struck|strik(?:es|ing)|target(?:ed|s|ing)|bomb(?:ed|s|ing)|"
    r"shell(?:ed|s|ing)|hit(?:s|ting)?",
    # an incursion: its target is a country's territory ("crossed into Somalia", "entered
    # Honduran territory", "had not crossed into Somali border towns")
    "entered": r"enter(?:ed|s|ing)|cross(?:ed|es|ing)\s+(?:over\s+)?(?:in)?to|"
    r"intrud(?:ed|es|ing)\s+into|penetrat(?:ed|es|ing)(?:\s+into)?|invad(?:ed|es|ing)",
}
_ACT_RE = {name: re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE) for name, p in _ACTS.items()}
_KINDS = {
    "aircraft": "aircraft aircrafts jet jets plane planes warplane warplanes fighter-jets "
    "helicopter helicopters drone drones",
    "ship": "ship ships vessel vessels warship warships carrier carriers destroyer destroyers "
    "frigate frigates boat boats gunboat gunboats craft tanker tankers",
    "ground": "base bases post posts outpost outposts town towns village villages camp camps "
    "position positions checkpoint checkpoints",
}
_KIND_OF = {noun: kind for kind, nouns in _KINDS.items() for noun in nouns.split()}
_WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")
_AROUND = 60  # characters after the act (or before it, for a passive) where its target stands
_NEGATION_RE = re.compile(r"\b(?:no|none|not|never|neither|nor)\b|n't\b", re.IGNORECASE)
_NEGATION_REACH = 30  # characters before the act where its negation stands
_POSSESSIVE_RE = re.compile(r"\b(?:our|their|its)\b", re.IGNORECASE)
_GENERIC = words("the a an its their his her our any all two three four several one us")


@dataclass(frozen=True, slots=True)
class Frame:
    act: str
    kind: str
    side: str
    names: frozenset[str]
    negated: bool = False  # "none of their boats were sunk", "did not shoot down"


def find(ledger: Ledger) -> None:
    """Give every claim whose act a denial of another party denies that denial's dispute; set
    two opposed sides' accounts of one act against each other when one says it did not happen."""
    named = casualties.article_sides(ledger)
    frames = [_frames(ledger, k, named) for k in range(len(ledger.drafts))]
    _negations(ledger, frames)
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


def _negations(ledger: Ledger, frames: list[list[Frame]]) -> None:
    """ "sank 12 Tamil Tiger craft" / "none of their boats were sunk": two sides (known, not one
    camp) on one act and target, one of them negated, anywhere in the article: the negated one
    denies the act (as counters.py reads "the post had not fallen"), the other is disputed."""
    for k, b in enumerate(ledger.drafts):
        for j in range(k):
            a = ledger.drafts[j]
            if not (frames[j] and frames[k]) or same_party(a, b):
                continue
            if not casualties.opposed(a.affiliation, b.affiliation):
                continue
            if ledger.kinds(j) & {"denial"} or ledger.kinds(k) & {"denial"}:
                continue
            pairs = [(x, y) for x in frames[j] for y in frames[k]]
            clash = [(x, y) for x, y in pairs if _same(x, y) and x.negated != y.negated]
            if not clash:
                continue
            no, yes = (k, j) if clash[0][1].negated else (j, k)
            denier = ledger.drafts[no]
            ledger.add(no, "denial", denier.content)  # "none of their boats were sunk": denied
            ledger.add(yes, "dispute", claim_span(ledger, no, yes), denier.canonical)


def _same(x: Frame, y: Frame) -> bool:
    if x.act != y.act:
        return False
    if x.names & y.names:
        return True
    return bool(x.kind) and x.kind == y.kind and bool(x.side) and x.side == y.side


def _frames(ledger: Ledger, k: int, named: dict[str, str]) -> list[Frame]:
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
            clause = _last_clause(before)
            if act == "entered":  # a country's territory, in the words after the act
                frame = _territory(after, named)
            else:
                frame = _target(act, after, named, d.affiliation)
                frame = frame or _target(act, clause, named, d.affiliation)
            if frame is not None:
                negated = bool(_NEGATION_RE.search(clause[-_NEGATION_REACH:]))
                out.append(Frame(act, frame.kind, frame.side, frame.names, negated))
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


def _target(act: str, words_near: str, named: dict[str, str], own: str) -> Frame | None:
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
        found = casualties.side_word(named, bare)
        if found:
            side = side or found
        elif len(bare) > 3:
            names.append(low)  # "the Eisenhower", "carrier Dwight D. Eisenhower": its own name
    if not kind and not names:
        return None
    if not side and own and _POSSESSIVE_RE.search(" ".join(words)):
        side = own  # "none of their boats": the speaker's own
    return Frame(act, kind, side, frozenset(names))


_TERRITORY_END_RE = re.compile(r"[,;:()\"“”]|(?<![A-Z])\.\s|\b(?:and|but|while|after|when)\b")


def _territory(after: str, named: dict[str, str]) -> Frame | None:
    """The country an incursion entered: the first country, demonym or side named in the
    words after the act, up to the clause's end ("Somalia through the border town of Dolow",
    "Somali border towns", "Honduran territory")."""
    cut = _TERRITORY_END_RE.search(after)
    for w in _WORD_RE.findall(after[: cut.start()] if cut else after)[:6]:
        bare = w.strip(".,'’").removesuffix("'s").removesuffix("’s")
        if bare[:1].isupper():
            found = casualties.side_word(named, bare)
            if found:
                return Frame("entered", "territory", found, frozenset())
    return None
