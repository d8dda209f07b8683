"""Two sides' accounts of one event: each disputes the other, without a word of denial.

Conflict copy sets the parties' versions side by side and leaves the reader to weigh them:
"the border service said Tajik troops opened fire on a post ... Tajikistan's border guards said
it was Kyrgyz troops who fired first". No denial verb, no "while", no counter-figure: what
makes the second an answer is who says it (another side of the war) and what it is about (the
same event: the same place, group, number or act). This module reads that from the claims
themselves, not from a list of phrasings:
- two claims by sources of known, different sides that are not one camp (sides.py,
  data/allies.tsv), the later in the same sentence as the earlier or one of the next two;
- about one event: their contents share a telling word, name or number (overlap weight, as
  evidence.py weighs it, of at least 1);
- neither already answered, answering or confirmed (the readings of disputes.py, accounts.py,
  counters.py and remarks.py go first);
- both about the war's events (a word of force, harm, ground or bodies: `_EVENT_RE`);
- and something that sets them against each other:
  - each blames the other: the subject of each content is the other side's forces ("Tajik
    troops opened fire ..." / "it was Kyrgyz troops who fired first"). A side merely named
    ("struck a Ukrainian launcher", "rockets launched from Lebanon") is no agent: two sides
    reporting their own strikes on each other are not disputing;
  - or the later narrows the earlier with "only", "merely", "just" ("his forces had fired
    only warning shots into an uninhabited area"); such an answer may stand up to eight
    sentences after the account it narrows when both name the same place or number (overlap
    weight 3), even when that account is already contested.
Opposition alone is not enough: measured on the development sets, two sides' accounts of one
event agree about as often as they clash ("Hezbollah confirmed Sharara's death"; the
Pentagon's "the base came under attack but no personnel were injured"), and a negation in the
later one is no better a sign (bench/README.md, "Claims: third pass"). Each of the pair then
disputes the other.

`conflicting` reads the one place where the article says so itself: "There were conflicting
accounts of yesterday's clash", "Casualty estimates vary, with ...": the two parties that
speak in that sentence or the next two (else the two before) dispute each other.

`doubted` reads doubt voiced about another party's statement ("raised questions about the
report", "expressed doubts", "questioned the credibility of India's account"): no denial, but
the doubter and the statement doubted dispute each other.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import sides, verification
from tui.pipeline.analyze.evidence import (
    Ledger,
    claim_span,
    fits,
    references,
    same_party,
)
from tui.pipeline.analyze.lexicon import MILITARY

_REACH = 2  # sentences after the earlier account in which the answer may stand
_SAME_EVENT = 1  # overlap weight (evidence.py): one telling word, a name or a number
# "confirmed only that armed men had briefly occupied Ounianga Kebir", seven sentences after the
# rebels' "captured a town": a narrowing answer reaches further when it names what the other
# account named (a place, a number: overlap weight 3, two names or a number and a name).
_FAR_REACH = 8
_SAME_PLACE = 3
_EVENT_RE = re.compile(
    r"\b(?:kill\w*|dead|died|deaths?|wound\w*|injur\w*|casualt\w*|bod(?:y|ies)|attack\w*|"
    r"strike|strikes|struck|hit|hits|shell\w*|fir(?:e|ed|ing)|shot|shoot\w*|bomb\w*|"
    r"destroy\w*|damag\w*|captur\w*|seiz\w*|took|taken|overr[au]n|control\w*|recaptur\w*|occup\w*|"
    r"ambush\w*|clash\w*|raid\w*|crossed|infiltrat\w*|burn\w*|missiles?|drones?|rockets?|"
    r"artillery|troops|soldiers|fighters|civilians|post|base|positions?|town|village)\b",
    re.IGNORECASE,
)
_AGENT_RE = re.compile(
    r"\W*(?:that\s+)?(?:it\s+(?:was|had\s+been)\s+)?(?:the\s+)?(?P<side>[A-Z][\w'’.-]*)\s+"
    r"(?:[a-z-]+\s+)?(?P<force>" + "|".join(sorted(MILITARY | {"guards"})) + r")\b"
)
_ONLY_RE = re.compile(r"\b(?:only|merely|just)\b", re.IGNORECASE)
# The article saying that the accounts clash: "There were conflicting accounts of the clash",
# "the two had conflicting accounts of what happened", "Casualty estimates vary, with ...".
# Adjectives of disagreement before a noun of statement, or the noun before a verb of it.
_CONFLICT_RE = re.compile(
    r"\b(?:conflicting|contradictory|contradicting|differing|competing|contrasting|"
    r"divergent|varying|clashing|opposing)\s+(?:\w+\s+)?(?:accounts?|versions?|reports?|"
    r"claims?|statements?|estimates?|figures?|tolls?|narratives?)\b|"
    r"\b(?:accounts?|versions?|reports?|claims?|estimates?|figures?|tolls?)\s+"
    r"(?:of\s+[\w\s'’]{0,30}?)?(?:differ|differed|vary|varied|diverge|diverged)\b|"
    r"\b(?:accounts|versions|reports|claims|estimates|figures|tolls)\s+(?:conflict|conflicted)\b",
    re.IGNORECASE,
)
_CONFLICT_REACH = 2  # sentences after (or before) the remark in which the accounts stand


def find(ledger: Ledger) -> None:
    """Mark each pair of opposed accounts of one event as disputing each other."""
    settled = {
        k
        for k in range(len(ledger.drafts))
        if ledger.kinds(k) & {"denial", "dispute", "confirmation"}
    }
    for k, b in enumerate(ledger.drafts):
        if k in settled or not _eligible(ledger, k):
            continue
        narrows = bool(_ONLY_RE.search(ledger.text, *b.content))
        for j in range(k - 1, -1, -1):
            far = ledger.sent_of[k] - ledger.sent_of[j] > _REACH
            if far and not (narrows and ledger.sent_of[k] - ledger.sent_of[j] <= _FAR_REACH):
                break
            if not _eligible(ledger, j) or j in settled and (
                not far or ledger.kinds(j) & {"denial", "confirmation"}
            ):
                continue
            a = ledger.drafts[j]
            if not _opposed(a.affiliation, b.affiliation) or same_party(a, b):
                continue
            if not _signal(ledger, j, k) or far and _shared(ledger, j, k) < _SAME_PLACE:
                continue
            ledger.add(k, "dispute", claim_span(ledger, j, k), a.canonical)
            ledger.add(j, "dispute", claim_span(ledger, k, j), b.canonical)
            settled.update((j, k))
            break


def conflicting(ledger: Ledger) -> None:
    """The article says the accounts conflict ("There were conflicting accounts of yesterday's
    clash. X said ... Y said ..."): the claims of the first two parties (sources of no one
    camp) that speak in that sentence and the next two, or else in the two before it, dispute
    each other, with the remark and the other party's claim as evidence. A remark that the
    conflicting reports could not be verified is an unverified remark (remarks.py), not this.
    """
    text = ledger.text
    for s, (lo, hi) in enumerate(ledger.sentences):
        m = _CONFLICT_RE.search(text, lo, hi)
        if m is None or verification.UNVERIFIED_RE.search(text, lo, hi):
            continue
        pairs = (
            _two_parties(ledger, range(s, s + 1), by_side=False)
            or _two_parties(ledger, range(s, s + _CONFLICT_REACH + 1))
            or _two_parties(ledger, range(s - _CONFLICT_REACH, s))
        )
        for mine, theirs in pairs:
            other = ledger.drafts[theirs[0]].canonical
            for k in mine:
                ledger.add(k, "dispute", (lo, hi))
                ledger.add(k, "dispute", claim_span(ledger, theirs[0], k), other)


def _two_parties(
    ledger: Ledger, sentences: range, by_side: bool = True
) -> list[tuple[list[int], list[int]]]:
    """The claims of the first two parties to speak in `sentences`, as (A's, B's) and (B's,
    A's); [] when fewer than two parties speak there. A party is one source, and with
    `by_side` one side (one camp); in the remark's own sentence ("Casualty estimates vary,
    with a reporter saying ..., while an army spokesman said ...") the two sources it sets
    against each other."""
    groups: list[list[int]] = []
    for k, d in enumerate(ledger.drafts):
        if ledger.sent_of[k] not in sentences or d.attached:
            continue
        if ledger.kinds(k) & {"denial", "confirmation"}:
            continue
        for group in groups:
            first = ledger.drafts[group[0]]
            if same_party(first, d) or by_side and first.affiliation and (
                first.affiliation == d.affiliation or d.affiliation in sides.camp(first.affiliation)
            ):
                group.append(k)
                break
        else:
            if len(groups) < 2:
                groups.append([k])
    if len(groups) < 2:
        return []
    return [(groups[0], groups[1]), (groups[1], groups[0])]


def _shared(ledger: Ledger, j: int, k: int) -> float:
    return ledger.weight(ledger.words[j], ledger.words[k])


def _signal(ledger: Ledger, j: int, k: int) -> str:
    """What sets claim `k` against the earlier claim `j` of another side, or ""."""
    text = ledger.text
    a, b = ledger.drafts[j], ledger.drafts[k]
    first = text[a.content[0] : a.content[1]]
    second = text[b.content[0] : b.content[1]]
    if ledger.weight(ledger.words[j], ledger.words[k]) < _SAME_EVENT:
        return ""  # not visibly about one event
    if _agent(first) == b.affiliation and _agent(second) == a.affiliation:
        return "blame"  # each says the other's forces did it
    if _ONLY_RE.search(second) and not _ONLY_RE.search(first):
        return "only"  # "fired only warning shots": the other's account cut down
    return ""


def _agent(content: str) -> str:
    """The side whose forces are the subject of `content`: "Tajik troops opened fire", "it was
    Kyrgyz troops who fired first", "Houthi drones struck" -> that side; else "". A side named
    elsewhere ("struck a Ukrainian launcher", "near the Israeli-occupied Golan") is no agent."""
    m = _AGENT_RE.match(content)
    return "" if m is None else side_word(m.group("side"))


def side_word(word: str) -> str:
    """The side a word names, as a group or a country ("Houthi", "Israeli-occupied" by its
    first part), else ""."""
    for part in (word, word.split("-")[0]):
        found = sides.group(part)
        if found is not None:
            return found[1]
        country = sides.country(part)
        if country is not None:
            return country
    return ""


def _eligible(ledger: Ledger, k: int) -> bool:
    d = ledger.drafts[k]
    content = ledger.text[d.content[0] : d.content[1]]
    return not d.attached and bool(d.affiliation) and bool(_EVENT_RE.search(content))


def _opposed(a: str, b: str) -> bool:
    return bool(a) and bool(b) and a != b and b not in sides.camp(a)


# Doubt voiced about another party's statement: "raised questions about the report", "expressed
# doubts", "cast doubt on the claim", "questioned the credibility of India's account", "were
# skeptical of the figures". Weaker than a denial (the doubter says no falsehood), so both the
# doubter and the doubted account are disputed. The verbs: English's ways of voicing doubt
# (express, voice, raise, cast, throw + doubt or questions; question and doubt as verbs,
# skeptical), the bare verbs only with a statement after them (not "police questioned him").
_DOUBT_RE = re.compile(
    r"\b(?P<noun>(?:raised|raises|raising|voiced|voices|voicing|expressed|expresses|"
    r"expressing|cast|casts|casting|threw|throws|throwing)\s+(?:\w+\s+){0,2}?"
    r"(?:doubts?|questions?)|(?:was|were|is|are|remained|remain)\s+(?:\w+\s+)?(?:skeptical|"
    r"sceptical|doubtful|unconvinced))\b|"
    r"\b(?P<verb>questioned|questions|questioning|doubted|doubts|doubting|disbelieved)\b",
    re.IGNORECASE,
)
# A doubt with no object of its own ("expressed doubts, saying ...", "were skeptical."): about
# what its sentence already named. A that-clause after it is a forecast doubted ("skeptical
# that Russia would keep to the truce"), not a statement.
_BARE_RE = re.compile(r"\s*[,.;:]")
_DOUBT_OBJECT = 70  # characters after a bare verb of doubt in which the statement it doubts stands


def doubted(ledger: Ledger) -> None:
    """A claim voicing doubt about an earlier statement disputes it, and is disputed by it."""
    text = ledger.text
    for k, d in enumerate(ledger.drafts):
        if d.attached or ledger.kinds(k) & {"denial", "confirmation"}:
            continue
        lo, hi = ledger.sentences[ledger.sent_of[k]]
        m = _DOUBT_RE.search(text, d.source[0], min(max(d.cue[1], d.content[0]) + 20, hi))
        if m is None or _DOUBT_RE.search(text, lo, d.source[0]) and m.start() < d.source[0]:
            continue
        refs = [r for r in references(text, m.start(), hi) if r.start - m.end() <= _DOUBT_OBJECT]
        if not refs and (m.group("verb") or not _BARE_RE.match(text, m.end(), hi)):
            continue  # "police questioned two men", "raised questions about the truce": no
            # statement doubted; "expressed doubts, saying ..." doubts what its sentence named
        earlier = ledger.others_before(d.source[0], ledger.sent_of[k], d)
        earlier = [j for j in earlier if _doubtable(ledger, j)]
        targets = _doubted(ledger, k, refs, earlier, text[lo:hi])
        for j in targets:
            ledger.add(j, "dispute", (lo, hi), d.canonical)
            ledger.add(k, "dispute", claim_span(ledger, j, k), ledger.drafts[j].canonical)


def _doubtable(ledger: Ledger, j: int) -> bool:
    return not ledger.drafts[j].attached and "denial" not in ledger.kinds(j)


def _doubted(
    ledger: Ledger, k: int, refs: list, earlier: list[int], sentence: str
) -> list[int]:
    """What claim `k` doubts: the claims its reference names ("India's account": India's; "the
    report": the nearest that fits), else, for a doubt with no object, the claims of the side
    its sentence names ("The air raid report from Burkina Faso ..., but analysts expressed
    doubts")."""
    for ref in refs:
        if ref.owner:
            owned = ledger.owned_by(ref.owner, earlier)
            if owned:
                return owned
        else:
            fitting = [j for j in earlier if fits(ref, ledger.text, ledger.drafts[j])]
            if fitting:
                return fitting[:1]
    named = {
        side
        for word in re.findall(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?", sentence)
        for side in (sides.country(word),)
        if side is not None
    }
    return [j for j in earlier if ledger.drafts[j].affiliation in named]
