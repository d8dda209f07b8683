"""Casualty frames: two sides' counts of one side's dead, set against each other anywhere.

War reporting gives each party's toll of the same fight in different places: the army's "seven
soldiers were killed" in the lede, the rebels' "killed dozens of Pakistani troops" four
paragraphs on; "at least 75 Tigers had been killed" against "eight of their fighters were
killed"; "seven members of the liberation army had been killed" against "all the rebels had
survived". What ties the two is not shared wording (the topic words of a story are in every
sentence, evidence.py halves them) but what each counts: the dead of one side.

A claim's content holds a casualty frame when it counts dead people (a count noun of
data/count_nouns.tsv, or a side's name, with a word of death beside it):
- whose dead: a side named in the phrase ("seven Pakistani soldiers", "dozens of Pakistani
  troops", "75 Tigers", "five TNI personnel" when the article ties TNI to a side); a possessive
  of the speaker ("eight of their fighters", "nine of its members"): the speaker's side; else,
  between a state and an armed group, soldiers are the state's and fighters the group's;
- or a toll put on one side ("put the government death toll at 26": a state's forces);
- how many: a number, a range for "dozens", "scores", "hundreds", "at least", "more than"; or
  none ("no casualties", "lost no soldiers", "all the rebels had survived").
Two claims by sources of known, opposed sides (not one camp, data/allies.tsv) whose frames
count the same side's dead with counts that cannot both be right (20 against 4, dozens against
seven, none against any; not 11 against 9) dispute each other, at any distance in the article.
A denial is left alone (it is already what it is), and a side never disputes itself.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from tui.pipeline.analyze import datafiles, sides
from tui.pipeline.analyze.evidence import Ledger, claim_span, same_party

NUMBER_WORDS = {  # counts written as words (accounts.py's too)
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
# Vague counts as ranges: "dozens" is two dozen or more, below a hundred.
_VAGUE = {"dozens": (24, 99), "scores": (40, math.inf), "hundreds": (200, 999)}
_KINDS = {"soldiers": "combatants", "fighters": "combatants", "civilians": "civilians"}
# Nouns that count one side's people without saying which kind ("nine of its members").
_MEMBERS = ("members", "personnel", "men", "cadres")
_DEATH_AFTER = re.compile(
    r"^[^.;:]{0,50}?\b(?:killed|dead|died|perished|lost their lives|were slain|fell)\b",
    re.IGNORECASE,
)
_DEATH_BEFORE = re.compile(
    r"\b(?:kill(?:ed|ing)?|eliminat\w+|neutrali[sz]\w*|bodies of|death of|deaths of)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_FUNCTION = frozenset(("the", "and", "for", "its", "his", "her", "their"))
_TAIL_RE = re.compile(r"\s+of\s+(?:the\s+)?((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
_POSSESSIVE_RE = re.compile(r"\b(?:our|their|its|his|her|we|us)\b", re.IGNORECASE)
# A side reporting none of its own dead.
_NONE_RE = re.compile(
    r"\b(?:no\s+(?:casualt(?:y|ies)|deaths?|fatalit(?:y|ies)|loss(?:es)?|(?:\w+\s+)?(?:soldiers?|fighters?|men|"
    r"troops|members|civilians)\s+(?:were|was|had\s+been)\s+(?:killed|hurt|harmed))|"
    r"(?:lost|suffered|sustained)\s+no\s+(?:\w+\s+)?(?:soldiers|fighters|men|troops|members|lives|"
    r"loss(?:es)?|casualt(?:y|ies))|"
    r"none\s+of\s+(?:our|their|its|his)\s+\w+\s+(?:were|was|had\s+been)\s+(?:killed|hurt)|"
    r"all\s+(?:of\s+)?(?:the\s+|our\s+|their\s+|its\s+|his\s+)?(?P<noun>\w+)\s+(?:had\s+|have\s+)?"
    r"survived)",
    re.IGNORECASE,
)


# A toll put on one side's dead: "put the government death toll at 26", "the rebel toll at
# 40"; the word before "toll" says whose (a state's forces or an armed group's, as the count
# nouns do, or a side's own name: "the Tamil Tiger toll").
_TOLL_RE = re.compile(
    r"\b(?P<who>[\w'’-]+)\s+(?:death\s+)?toll\s+(?:at|of|to|was|stood at|rose to)\s+"
    r"(?:(?P<bound>at least|more than|over|some|about|around|nearly)\s+)?"
    r"(?P<n>\d[\d,]*|dozens|scores|hundreds)\b",
    re.IGNORECASE,
)
_TOLL_WHO = {
    "government": "soldiers",
    "army": "soldiers",
    "military": "soldiers",
    "rebel": "fighters",
    "guerrilla": "fighters",
    "insurgent": "fighters",
    "militant": "fighters",
}


@dataclass(frozen=True, slots=True)
class Frame:
    """One count of one side's dead: whose (a side, or a class when the side is unsaid), of
    which kind (combatants or civilians), and how many (a range)."""

    side: str  # "" when only the class is known
    cls: str  # "soldiers", "fighters", "civilians", "members"
    low: float
    high: float


@functools.cache
def _classes() -> dict[str, str]:
    """noun -> class, from data/count_nouns.tsv (people only)."""
    return {
        noun.lower(): cls
        for cls, nouns in datafiles.rows("count_nouns.tsv")
        if cls in _KINDS
        for noun in datafiles.split_list(nouns)
    } | {noun: "members" for noun in _MEMBERS}


@functools.cache
def _count_re() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:(?P<bound>at least|more than|over|some|about|around|nearly|up to)\s+)?"
        r"(?P<n>\d[\d,]*|dozens|scores|hundreds|" + "|".join(NUMBER_WORDS) + r")\s+(?:of\s+)?"
        r"(?P<words>(?:[\w'’-]+\s+){0,3}[\w'’-]+)",
        re.IGNORECASE,
    )


def load_tables() -> None:
    """Read the data files now (warm_up: before worker processes fork)."""
    _classes()
    _count_re()


def find(ledger: Ledger) -> None:
    """Mark each pair of opposed claims whose casualty frames clash as disputing each other."""
    named = article_sides(ledger)
    frames = [_frames(ledger, k, named) for k in range(len(ledger.drafts))]
    for k, b in enumerate(ledger.drafts):
        if not frames[k] or "denial" in ledger.kinds(k):
            continue
        for j in range(k):
            a = ledger.drafts[j]
            if not frames[j] or "denial" in ledger.kinds(j) or same_party(a, b):
                continue
            if not opposed(a.affiliation, b.affiliation):
                clash = _same_count_clash(frames[j], frames[k])
            else:
                clash = _clash(frames[j], frames[k], a.affiliation, b.affiliation)
            if clash:
                ledger.add(j, "dispute", claim_span(ledger, k, j), b.canonical)
                ledger.add(k, "dispute", claim_span(ledger, j, k), a.canonical)


def opposed(a: str, b: str) -> bool:
    return bool(a) and bool(b) and a != b and b not in sides.camp(a)


def _clash(first: list[Frame], second: list[Frame], side_a: str, side_b: str) -> bool:
    for x in first:
        for y in second:
            whose = _whose(x, side_a, side_b)
            if not whose or whose != _whose(y, side_b, side_a):
                continue
            kinds = {_KINDS.get(x.cls, ""), _KINDS.get(y.cls, "")}
            if len(kinds) > 1 and "members" not in (x.cls, y.cls):
                continue
            if x.high * 1.5 <= y.low or y.high * 1.5 <= x.low:
                return True
    return False


def _same_count_clash(first: list[Frame], second: list[Frame]) -> bool:
    """Two sources not set against each other by side (one side's two sources, or a source of
    no side) counting the same combatants' dead ("killed 50 leftist guerrillas" / "10
    terrorists died"): the same class, the same side or none named, counts that cannot both
    hold. Civilian tolls are left out: a toll that rises as the day goes on is no contest."""
    for x in first:
        for y in second:
            if x.cls != y.cls or x.cls not in ("soldiers", "fighters") or x.side != y.side:
                continue
            if x.high * 1.5 <= y.low or y.high * 1.5 <= x.low:
                return True
    return False


def _whose(frame: Frame, speaker: str, other: str) -> str:
    """The side whose dead `frame` counts, `speaker` and `other` being the pair's two sides."""
    if frame.side:
        return frame.side
    if frame.cls == "civilians":
        return ""
    state = [s for s in (speaker, other) if sides.country(s) == s]
    if len(state) != 1:
        return ""  # two states, or two groups: the class says nothing of the side
    group = other if state[0] == speaker else speaker
    if frame.cls == "soldiers":
        return state[0]
    if frame.cls == "fighters":
        return group
    return ""


def _frames(ledger: Ledger, k: int, named: dict[str, str]) -> list[Frame]:
    d = ledger.drafts[k]
    if d.attached:
        return []
    text = ledger.text
    lo, hi = d.content
    content = text[lo:hi]
    out = []
    for m in _count_re().finditer(content):
        found = _counted(m.group("words").split(), named)
        if found is None:
            continue
        cls, side, end = found
        before = content[max(0, m.start() - 40) : m.start()]
        after = content[m.start("words") + end :]
        if not (_DEATH_AFTER.search(after) or _DEATH_BEFORE.search(before)):
            continue
        tail = _TAIL_RE.match(after)
        if not side and tail:  # "seven members of the liberation army"
            for word in tail.group(1).split():
                side = side or side_word(named, word.strip(",.'’"), lower=True)
        if not side and _POSSESSIVE_RE.search(m.group("words") + " " + before[-12:]):
            side = d.affiliation
        low, high = _range(m.group("n"), m.group("bound") or "")
        out.append(Frame(side, cls, low, high))
    for m in _TOLL_RE.finditer(content):  # "put the government death toll at 26"
        who = m.group("who").strip(",.'’").removesuffix("'s").removesuffix("’s")
        cls = _TOLL_WHO.get(who.lower(), "")
        side = "" if cls else side_word(named, who)
        if cls or side:
            low, high = _range(m.group("n"), m.group("bound") or "")
            out.append(Frame(side, cls or "members", low, high))
    for m in _NONE_RE.finditer(content):
        noun = (m.group("noun") or "").lower()
        cls = _classes().get(noun, "members") if noun else "members"
        if noun and noun not in _classes():
            continue  # "all the houses survived"
        side = d.affiliation if cls == "members" or _POSSESSIVE_RE.search(m.group()) else ""
        out.append(Frame(side, cls, 0, 0))
    return out


def _counted(words: list[str], named: dict[str, str]) -> tuple[str, str, int] | None:
    """(class, side, end in characters) of what the words after a number count: the first
    count noun ("Pakistani soldiers", "of their fighters"), or a side's name ("75 Tigers"), with
    a side named before it; None for anything else ("12 Tamil Tiger craft")."""
    side, end = "", 0
    for k, word in enumerate(words):
        end += len(word) + 1
        bare = word.strip(",.;:'’")
        cls = _classes().get(bare.lower(), "")
        if cls:
            return cls, side, end - 1
        found = side_word(named, bare)
        if not found:
            if side or not bare[:1].islower():
                return None  # "12 Tamil Tiger craft": a side's thing, not its people
            continue  # "of their", "more"
        following = words[k + 1] if k + 1 < len(words) else ""
        if bare.endswith("s") and not following[:1].isupper():
            return "members", found, end - 1  # "75 Tigers had been killed"
        side = found
    return None


def _range(word: str, bound: str) -> tuple[float, float]:
    low_word = word.lower().replace(",", "")
    if low_word in _VAGUE:
        return _VAGUE[low_word]
    n = float(low_word) if low_word.isdigit() else float(NUMBER_WORDS.get(low_word, 0))
    if bound.lower() in ("at least", "more than", "over"):
        return n, math.inf
    if bound.lower() in ("some", "about", "around", "nearly", "up to"):
        return n * 0.8, n * 1.2
    return n, n


def side_word(named: dict[str, str], word: str, lower: bool = False) -> str:
    """The side a word of a count names: a country or demonym, a named force, or a word of the
    name of a side the article's sources are tied to ("Tigers", "TPNPB"; in lower case too when
    `lower`: "members of the liberation army")."""
    if not word[:1].isupper():
        return named.get(word.lower().rstrip("s"), "") if lower and len(word) > 4 else ""
    found = sides.country(word) or (sides.group(word) or ("", ""))[1]
    if found:
        return found
    return named.get(word.lower().rstrip("s"), "")


def article_sides(ledger: Ledger) -> dict[str, str]:
    """Capitalised words of the sides' names, then of their sources' names -> side, where one
    side alone has the word (a side's own name wins over a source misfiled under another)."""
    own: dict[str, set[str]] = {}
    told: dict[str, set[str]] = {}
    for d in ledger.drafts:
        if not d.affiliation:
            continue
        for where, phrase in ((own, d.affiliation), (told, d.name)):
            for word in re.findall(r"[A-Z][\w'’-]{2,}", phrase):
                if word.lower() in _FUNCTION:
                    continue
                where.setdefault(word.lower().rstrip("s"), set()).add(d.affiliation)
    out = {w: next(iter(s)) for w, s in told.items() if len(s) == 1 and w not in own}
    return out | {w: next(iter(s)) for w, s in own.items() if len(s) == 1}
