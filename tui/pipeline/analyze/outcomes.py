"""Two accounts of one event whose outcomes cannot both hold, with no word of denial.

`find`: ground taken, or the assault driven back. Front-line copy sets the attacker's account
and the defender's side by side: "Ankara said the Turkish military had entered Afrin" / "the
YPG said Turkish troops tried to cross the border but were forced back"; "the army said it had
taken back the town" / "rebels said they were still in control". One tells the ground as taken
(captured, seized, overran, took control of a place; or only entered), the other as held (the
attack repelled, repulsed, fought off, the attackers forced back; or the defenders still in
control). Both cannot be true of one assault, so each account disputes the other when:
- they are accounts of different parties (never one source), neither a denial nor a claim
  without content of its own;
- their sources are of known, opposed sides (sides.py, not one camp), or one side is unknown
  and the other account names that side's forces as the ones it speaks of ("Turkish forces
  were repulsed", said by a source the text ties to no side, against Ankara's "entered");
- they are about one place and one fight: a name, a number or a telling word shared (overlap
  weight 1, as evidence.py weighs it), or, for the account that names the other's side, the
  next sentences (`_NEAR`);
- within `_REACH` sentences of each other, in either order ("Ankara earlier said ...").
Attackers who entered a town and defenders still in control of it can both be right (street
fighting); an account that tells both (a town taken and a counter-attack repelled) is no side
of such a pair; a tally of many assaults ("31 assaults repelled on the axis") is not the one
assault the other tells; a negated verb ("had not entered") is a denial, read elsewhere
(events.py).

`downed`: an aircraft shot down, or lost by itself. "Serbian air defence officials said they
shot down the F-16" / NATO: "the jet crashed after an engine failure"; "we shot down the
drone" / "the drone crashed while carrying out a mission". The same gates (another party,
opposed sides or one unknown, one event: shared content, or the same kind of aircraft within
`_NEAR` sentences), and the aircraft must be the crashed account's party's when the shooter
says whose it was ("shot down a Turkish drone" is no answer to Italy's drone that crashed).

The verbs are the closed families of English for taking ground and holding it against an
attack (a thesaurus's "capture" and "repel" senses), and for an aircraft brought down by fire
or lost to a fault, not phrases of any one article.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import sides
from tui.pipeline.analyze.evidence import Ledger, claim_span, names_side, same_party
from tui.pipeline.analyze.lexicon import words

_REACH = 8  # sentences apart
_NEAR = 3  # sentences apart when only the side named ties the two
_SAME_FIGHT = 1.0  # overlap weight (evidence.shared_weight)

# Ground taken: the verbs of capture in their finite and participle forms, and "took / seized
# / gained / wrested control of", "now controls", "under (its) control".
_TAKEN_RE = re.compile(
    r"\b(?:captured|recaptured|seized|retook|retaken|overran|overrun|liberated|took|taken)\b"
    r"(?!\s+(?:part|place|hostage|prisoner|captive|into\s+custody|to\b|away|off|aback|up|"
    r"over\s+as|note|refuge|cover|shelter|steps|measures|action))|"
    r"\b(?:took|taken|seized|gained|wrested|assumed|established)\s+(?:full\s+|complete\s+|"
    r"total\s+)?control\b|"
    r"\bnow\s+(?:controls?|controlled|holds?|held)\b|"
    r"\b(?:is|are|was|were)\s+(?:now\s+)?(?:in\s+(?:the\s+)?hands|under\s+(?:the\s+)?control)\b|"
    r"(?P<entered>\b(?:entered|stormed|(?:pushed|advanced|moved|broke)\s+into)\b)",
    re.IGNORECASE,
)
# Ground held: the attack turned back ("repelled", "repulsed", "fought off", "beat off",
# "warded off", "foiled", "thwarted", "forced / driven / beaten / pushed / thrown back",
# "forced to retreat / withdraw"), the defenders "still in control", "still hold(s)".
_HELD_RE = re.compile(
    r"\b(?:repel(?:led|s|ling)?|repuls(?:ed|es|ing)|foiled|thwarted|"
    r"(?:fought|beat|beaten|warded|staved|held)\s+off|"
    r"(?:forced|driven|beaten|pushed|thrown|turned|sent)\s+back|"
    r"forced\s+to\s+(?:retreat|withdraw|pull\s+back|fall\s+back|flee)|"
    r"(?P<holds>(?:still|remains?|remained|continues?\s+to\s+be|were\s+still|was\s+still)\s+"
    r"(?:firmly\s+|fully\s+|in\s+full\s+|in\s+)?(?:control|controls|controlled|hold|holds|held|"
    r"in\s+control)|still\s+(?:control|controls|controlled|hold|holds|held)))\b",
    re.IGNORECASE,
)
# What is taken must be ground: a place's noun, or a capitalised name, near the verb.
_GROUND_RE = re.compile(
    r"\b(?:towns?|villages?|city|cities|bases?|camps?|posts?|outposts?|positions?|hills?|"
    r"heights|airports?|airfields?|garrisons?|districts?|areas?|region|territory|border|"
    r"crossings?|bridges?|road|highway|port|island|peninsula|strip|valley|front|ground|"
    r"headquarters|barracks|checkpoints?|compound|provinces?|state|capital|localit(?:y|ies))\b"
)
# A tally of many fights ("31 Russian assaults had been repelled on the axis", "repulsed 12
# attacks"): not an account of the one assault another party tells.
_TALLY_RE = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|several|"
    r"numerous|multiple|many)\s+(?:[\w'’-]+\s+){0,2}?(?:assaults|attacks|attempts|offensives|"
    r"raids|incursions|advances)\b",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"\b[A-Z][a-z][\w'’-]*")
_NEGATED_RE = re.compile(r"\b(?:not|n't|never|no|failed\s+to|nor)\s+(?:\w+\s+){0,2}$", re.I)
_WINDOW = 60  # characters either side of the verb in which its ground may stand


def find(ledger: Ledger) -> None:
    """Mark each pair of accounts that tell one assault as taken and as held."""
    outcome = [_outcome(ledger, k) for k in range(len(ledger.drafts))]
    for k in range(len(ledger.drafts)):
        if outcome[k] not in ("taken", "entered"):
            continue
        for j in range(len(ledger.drafts)):
            if outcome[j] not in ("repelled", "holds") or (outcome[k], outcome[j]) == (
                "entered",
                "holds",
            ):
                continue  # the attackers in and the defenders still holding can both be so
            if abs(ledger.sent_of[j] - ledger.sent_of[k]) > _REACH:
                continue
            if _pair(ledger, k, j):
                _dispute_each_other(ledger, k, j)


def _dispute_each_other(ledger: Ledger, k: int, j: int) -> None:
    """Claims `k` and `j` tell outcomes that cannot both hold: each is the other's evidence."""
    ledger.add(k, "dispute", claim_span(ledger, j, k), ledger.drafts[j].canonical)
    ledger.add(j, "dispute", claim_span(ledger, k, j), ledger.drafts[k].canonical)


def _outcome(ledger: Ledger, k: int) -> str:
    """What claim `k`'s content tells of an assault: "taken" (ground captured), "entered" (the
    attackers in, nothing said of who holds it), "repelled" (the attack turned back), "holds"
    (the defenders still in control), or ""."""
    d = ledger.drafts[k]
    if d.attached or "denial" in ledger.kinds(k):
        return ""
    content = ledger.text[d.content[0] : d.content[1]]
    taken = [
        "entered" if m.group("entered") else "taken"
        for m in _TAKEN_RE.finditer(content)
        if _ground_near(content, m) and not _negated(content, m)
    ]
    held = [
        "holds" if m.group("holds") else "repelled"
        for m in _HELD_RE.finditer(content)
        if not _negated(content, m) and not _TALLY_RE.search(content)
    ]
    if bool(taken) == bool(held):
        return ""  # neither, or both told in one account
    found = taken or held
    return "taken" if "taken" in found else "repelled" if "repelled" in found else found[0]


def _ground_near(content: str, m: re.Match[str]) -> bool:
    before = content[max(0, m.start() - _WINDOW) : m.start()]
    after = content[m.end() : m.end() + _WINDOW]
    return any(
        _GROUND_RE.search(part) or any(_place(w) for w in _NAME_RE.findall(part))
        for part in (before, after)
    )


def _place(word: str) -> bool:
    """A capitalised word that may name a place: not a side's name, a weekday, a month or a
    word capitalised for opening a sentence ("They also seized ...")."""
    if sides.country(word) is not None or sides.group(word) is not None:
        return False
    return word.lower() not in _NOT_PLACES


_NOT_PLACES = words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december the a an this that these those "
    "they he she it we i you our their his her its there then but and or so yet if when "
    "after before while as in on at by for from with"
)


def _negated(content: str, m: re.Match[str]) -> bool:
    return bool(_NEGATED_RE.search(content[max(0, m.start() - 30) : m.start()]))


def _pair(ledger: Ledger, k: int, j: int) -> bool:
    """Can "taken" account `k` and "held" account `j` be the two sides of one assault?"""
    a, b = ledger.drafts[k], ledger.drafts[j]
    if same_party(a, b):
        return False
    apart = abs(ledger.sent_of[j] - ledger.sent_of[k])
    shared = ledger.weight(ledger.words[k], ledger.words[j]) >= _SAME_FIGHT
    if _opposed(a.affiliation, b.affiliation):
        return shared
    if a.affiliation and not b.affiliation:
        named = names_side(ledger, j, a.affiliation)  # "Turkish forces were repulsed"
    elif b.affiliation and not a.affiliation:
        named = names_side(ledger, k, b.affiliation)  # "rebels overran the army's base"
    else:
        return False
    return named and (shared or apart <= _NEAR)


def _opposed(a: str, b: str) -> bool:
    return bool(a) and bool(b) and a != b and b not in sides.camp(a)


# What brought an aircraft down: fire from the ground or the air ("shot down the F-16", "went
# down after being hit by a missile"), or nothing but itself ("crashed", "engine failure", "a
# technical fault", "an emergency landing", "pilot error", "bad weather"). Told by two parties,
# the two cannot both hold. The aircraft are the nouns of military and civil flight and the
# type designations written with a hyphen and a number ("F-16", "Su-24", "MiG-29").
_AIRCRAFT = (
    r"(?:aircraft|airplanes?|aeroplanes?|planes?|jets?|warplanes?|fighters?\s+jets?|"
    r"helicopters?|choppers?|gunships?|drones?|UAVs?|bombers?|airliners?|transports?|"
    r"[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]?s?)\b"
)
_AIRCRAFT_RE = re.compile(r"\b" + _AIRCRAFT)
_SHOT_RE = re.compile(
    r"\b(?:sh(?:o|oo)t(?:ing)?\s+(?:it\s+|them\s+)?down|shot\s+down|downed|downing|"
    r"brought\s+(?:it\s+)?down|bring\s+(?:it\s+)?down|"
    r"(?:hit|struck|targeted)\s+by\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:missiles?|rockets?|fire|gunfire|anti-aircraft|air\s+defen[cs]es?|shells?)|"
    r"intercepted)\b",
    re.IGNORECASE,
)
_CRASHED_RE = re.compile(
    r"\b(?:crash(?:ed|es|ing)?|crash-landed|(?:engine|technical|mechanical|hydraulic|systems?)\s+"
    r"(?:failure|fault|problems?|trouble|malfunction|difficult(?:y|ies)|defects?)|"
    r"malfunction(?:ed|ing)?|emergency\s+landing|pilot\s+error|bad\s+weather|"
    r"(?:an\s+)?accident(?:al|ally)?)\b",
    re.IGNORECASE,
)


def downed(ledger: Ledger) -> None:
    """Mark each pair of accounts of one aircraft lost, one to fire and one to itself."""
    cause = [_cause(ledger, k) for k in range(len(ledger.drafts))]
    for k in range(len(ledger.drafts)):
        if cause[k] != "shot":
            continue
        for j in range(len(ledger.drafts)):
            if cause[j] != "crashed" or abs(ledger.sent_of[j] - ledger.sent_of[k]) > _REACH:
                continue
            if _cause_pair(ledger, k, j):
                _dispute_each_other(ledger, k, j)


def _cause(ledger: Ledger, k: int) -> str:
    """ "shot" (an aircraft brought down by fire), "crashed" (down by itself), or ""."""
    d = ledger.drafts[k]
    if d.attached or "denial" in ledger.kinds(k):
        return ""
    content = ledger.text[d.content[0] : d.content[1]]
    if not _AIRCRAFT_RE.search(content):
        return ""
    shot = any(not _negated(content, m) for m in _SHOT_RE.finditer(content))
    if shot:
        return "shot"
    crashed = any(not _negated(content, m) for m in _CRASHED_RE.finditer(content))
    return "crashed" if crashed else ""


def _cause_pair(ledger: Ledger, k: int, j: int) -> bool:
    """Can the "shot" account `k` and the "crashed" account `j` be told of one aircraft?"""
    a, b = ledger.drafts[k], ledger.drafts[j]
    if same_party(a, b):
        return False
    if a.affiliation and b.affiliation and not _opposed(a.affiliation, b.affiliation):
        return False
    owner = _owner(_content(ledger, k))
    if owner and b.affiliation and owner != b.affiliation:
        return False  # "shot down a Turkish drone" against Italy's drone that crashed
    if ledger.weight(ledger.words[k], ledger.words[j]) >= _SAME_FIGHT:
        return True
    craft = {m.group().lower().rstrip("s") for m in _AIRCRAFT_RE.finditer(_content(ledger, k))}
    same = craft & {
        m.group().lower().rstrip("s") for m in _AIRCRAFT_RE.finditer(_content(ledger, j))
    }
    return bool(same) and abs(ledger.sent_of[j] - ledger.sent_of[k]) <= _NEAR


_OWNER_RE = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:[\w-]+\s+){0,2}?(?=" + _AIRCRAFT + ")")


def _owner(content: str) -> str:
    """The side whose aircraft `content` says was shot down ("an Italian drone"), or ""."""
    for m in _OWNER_RE.finditer(content):
        side = sides.country(m.group(1))
        if side is not None:
            return side
    return ""


def _content(ledger: Ledger, k: int) -> str:
    d = ledger.drafts[k]
    return ledger.text[d.content[0] : d.content[1]]
