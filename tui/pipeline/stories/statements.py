"""One speaker's statements compared (ledger.py): is this claim one more outlet's wording of a
statement the speaker made already?

A claim's statement is its own content as comparison keys (`statement_keys`): its words as the
claims' concept families and stems (negations marked: "was not damaged" -> `not:damag`), one
key per entity named in it, and one per amount (`#killed:people:14`). `similarity` says how far
it is one of a row's statements: the rarity-weighted overlap of their keys (`overlap`, each key
weighted by `weights`: how rare it is among the story's claims), one count of one quantity
whatever the noun, the concepts and amounts a paraphrase keeps, or one side of who holds a
place; never when the two give different amounts of one quantity (a toll of 14 and one of 19:
the second is an update).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from tui.core.models import Claim
from tui.pipeline.stories.amounts import amounts_in
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.countries import country_of, name_tokens
from tui.pipeline.stories.lexicon import CLAIM_CONCEPTS, OPPOSITIONS, words
from tui.pipeline.stories.scope import is_increment, is_part
from tui.pipeline.stories.words import claim_key, negated_keys, pole_keys

CORE_JOIN = 0.6
HOLDER_JOIN = 0.5


def statement_keys(text: str, lo: int, article: StoryArticle) -> Counter[str]:
    """The comparison keys of a claim's own content: its words (negations marked), one more
    key per entity named in it (a name weighs more than a word), and its amounts."""
    hi = lo + len(text)
    found: Counter[str] = Counter()
    for ent in article.entities:
        for m_lo, m_hi in ent.mentions:
            if lo <= m_lo < hi and text[m_lo - lo : m_hi - lo].strip():
                found["@" + " ".join(ent.name.casefold().split())] += 1
    found.update(negated_keys(text))
    if _OPENED_FIRE.search(text):  # to open fire is to fire first: "Tajik forces opened fire
        found[_FIRST] += 1  # on a border post" (thirteenth pass)
    if _FIRST in found and (actor := _fired_first(text)):  # the side blamed, whatever the
        found[f"{_FIRST}:{actor}"] += 1  # words of the act
    if _WHO_THE_DEAD.search(text):  # "the victims were traders and herders": an account of
        found[WHO_THE_DEAD] += 1  # whom the act killed, as a toll is (poles.py: what was hit)
    padded = " " * lo + text
    for amount in amounts_in(padded, lo, hi):  # "killed 14" and "14 dead" share one key
        span = str(amount.low) if amount.high == amount.low else f"{amount.low}-{amount.high}"
        key = f"#{amount.what}:{amount.kind}:{span}"  # "dozens": a range, 24-99
        found[key] += 1
        before = padded[max(lo, amount.start - _NEAR) : amount.start]
        after = padded[amount.end : amount.end + _NEAR]
        if (
            is_part(before, after)
            or is_increment(padded[amount.start : amount.end])
            or _SUPERSEDED.search(before)  # "revising an earlier toll of 14": not its count
        ):
            found[_PART + key] += 1  # "one of them a woman": no other toll (`_other_amounts`)
    return found


# Who the dead were: the dead, the victims, those killed, then "were" (or "included") and not
# a verb of what befell them ("they were killed"): it tells whom the act killed.
_WHO_THE_DEAD = re.compile(
    r"\b(?:dead|victims|those\s+killed|those\s+who\s+died|people\s+killed)\s+"
    r"(?:were|was|included)\s+"
    r"(?!(?:killed|wounded|injured|hurt|hit|struck|shot|taken|brought|buried|among|not\b)\w*)",
    re.IGNORECASE,
)
WHO_THE_DEAD = "frame:who-the-dead"  # read by poles.py only: no word of the statement
_FIRST = claim_key("initiated")  # the claims' family of who fired first
_OPENED_FIRE = re.compile(r"\bopen(?:ed|s|ing)?\s+fire\b", re.IGNORECASE)


def _fired_first(text: str) -> str | None:
    """The country a statement says fired first: the last one named before the words of
    firing first ("two guards were killed when Tajik forces opened fire": Tajikistan), else
    the first after them ("the firing began from the Indian side")."""
    tokens = name_tokens(text)
    cue = next(
        (i for i, t in enumerate(tokens) if claim_key(t) == _FIRST or _OPENED_FIRE.match(
            " ".join(tokens[i : i + 2]))),
        len(tokens),
    )  # fmt: skip
    before = [c for c in map(country_of, tokens[:cue]) if c]
    return before[-1] if before else next(filter(None, map(country_of, tokens[cue:])), None)


def clauses(text: str, lo: int) -> list[tuple[str, int]]:
    """The that-clauses of a claim's content that says two things ("the attack had been beaten
    back and that 27 of the attackers were killed"): (text, offset) each; [] for one."""
    cuts = [m for m in _AND_THAT.finditer(text)]
    if not cuts:
        return []
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), len(text)]
    return [(text[a:b], lo + a) for a, b in zip(starts, ends, strict=True)]


_AND_THAT = re.compile(r",?\s+and\s+that\s+", re.IGNORECASE)


def statement_spans(text: str, lo: int) -> list[tuple[str, int]]:
    """The statements of a claim's content, (text, offset) each: one claim sentence often
    reports two ("armed men had taken over two of its schools and that about 2,000 people had
    fled"), and other outlets give each in a sentence of its own, so each is a mention of its
    own row. Cut at "and that" (a reported clause of its own) and between the sentences of a
    quotation ("There was no gang meeting in that yard. It was a family having dinner"), when
    each side has words enough to say something; a coordinated verb ("killed 11 soldiers and
    overran the base") and a participle (", killing 23") were measured and left whole
    (bench/README.md, "Stories, seventeenth pass")."""
    cuts = sorted([(m.start(), m.end()) for m in _AND_THAT.finditer(text)] + _sentence_ends(text))
    spans, at = [], 0
    for start, end in cuts:
        if start < at:
            continue
        head = text[at:start]
        if len(_WORDS.findall(head)) >= _MIN_WORDS and len(_WORDS.findall(text[end:])) >= 2:
            spans.append((head, lo + at))
            at = end
    spans.append((text[at:], lo + at))
    return spans


_WORDS = re.compile(r"[A-Za-z0-9]+")
# A sentence's end inside a quotation of two ("There was no gang meeting. It was a family
# having dinner"): not after an initial or a title's abbreviation ("U.S. Army", "Col. Diarra").
_SENTENCE = re.compile(r"(\w+)[.!?][\"”]?\s+(?=[\"“]?[A-Z])")
_ABBREVIATIONS = words("col gen lt maj capt sgt cpl adm dr mr mrs ms st no jr sr rev gov sen rep")


def _sentence_ends(text: str) -> list[tuple[int, int]]:
    return [
        (m.end(1) + 1, m.end())
        for m in _SENTENCE.finditer(text)
        if len(m.group(1)) > 1 and m.group(1).casefold() not in _ABBREVIATIONS
    ]

_MIN_WORDS = 3


def blamed_first(statement: Counter[str] | frozenset[str]) -> frozenset[str]:
    """The sides a statement says fired first (`first:<country>` keys)."""
    return frozenset(k[len(_FIRST) + 1 :] for k in statement if k.startswith(_FIRST + ":"))
_NEAR = 80  # characters either side of an amount read for a part's cues (as figures.py)
_PART = "part:"
_SUPERSEDED = re.compile(
    r"\b(?:(?:an?|the)\s+)?(?:earlier|previous|initial|preliminary|prior|first)\s+"
    r"(?:toll|count|figure|tally|estimate)\s+(?:of|at)\s+$|\b(?:up|down)\s+from\s+$",
    re.IGNORECASE,
)
_MARKS = (_PART, "frame:")  # keys that mark how a statement reads, not words it shares


def overlap(one: Counter[str], other: Counter[str], weight: dict[str, float]) -> float:
    """Shared weight over the smaller statement's weight (0 to 1)."""
    a = sum(weight.get(k, 1.0) for k in one if not k.startswith(_MARKS))
    b = sum(weight.get(k, 1.0) for k in other if not k.startswith(_MARKS))
    if a <= 0 or b <= 0:
        return 0.0
    shared = sum(weight.get(k, 1.0) for k in one if k in other and not k.startswith(_MARKS))
    return shared / min(a, b)


def similarity(
    statement: Counter[str],
    others: list[Counter[str]],
    weight: dict[str, float],
    join: float,
) -> float:
    """How far a statement is one of a row's: 0 below the thresholds (`join`), else a score."""
    best = 0.0
    for other in others:
        if _other_amounts(statement, other):
            continue
        if _amounts(statement) & _amounts(other):
            return 1.0  # one speaker's same count of one quantity is one statement
        by_words = overlap(statement, other, weight)
        if by_words >= join:
            best = max(best, by_words)
        side = _holder_side(statement)
        if side and side == _holder_side(other):
            best = max(best, HOLDER_JOIN)  # "its troops still held the town" / "repelled"
        mine, theirs = _core(statement), _core(other)
        if len(mine | theirs) >= 2 and len(mine & theirs) / len(mine | theirs) >= CORE_JOIN:
            best = max(best, len(mine & theirs) / len(mine | theirs))
    return best


def quantities_met(statement: Counter[str], others: list[Counter[str]]) -> set[str]:
    """The quantities ("killed", "wounded") of which a statement gives one count with one of
    a row's statements that gives no other count of it."""
    return {
        shared.split(":")[0]
        for other in others
        if not _other_amounts(statement, other)
        for shared in _amounts(statement) & _amounts(other)
    }


def _holder_side(statement: Counter[str]) -> int:
    """1 when a statement says a place was taken, -1 when it says it held, else 0: one
    speaker's accounts of who holds a place are one statement in many words ("its troops
    still controlled the town", "its soldiers held Pinga", "the rebels had been pushed back")."""
    taken, held = bool(statement.keys() & _TAKEN), bool(statement.keys() & _HELD)
    return 0 if taken == held else (1 if taken else -1)


def _core(statement: Counter[str]) -> set[str]:
    """The concepts and amounts of a statement: what a paraphrase keeps of it."""
    return {k for k in statement if k.removeprefix("not:") in _CONCEPT_NAMES or k[:1] == "#"}


_CONCEPT_NAMES = frozenset(CLAIM_CONCEPTS.values())
_TAKEN, _HELD = (pole_keys(pole) for pole in OPPOSITIONS[1])


def _amounts(statement: Counter[str]) -> set[str]:
    """Quantity and amount, whatever the noun: "eight soldiers were killed" and "put its losses
    at eight dead" give one count. A part ("two children were among the dead") meets only the
    same part of another count ("rose to 20, including two children")."""
    found = set()
    parts = _parts(statement)
    for k in statement:
        if k.startswith("#"):
            what, kind, amount = k[1:].split(":")
            found.add(f"part:{what}:{kind}:{amount}" if k in parts else f"{what}:{amount}")
    return found


def _parts(statement: Counter[str]) -> set[str]:
    """The amounts a statement gives as parts of another count of the same quantity that it
    gives whole ("three civilians, one of them a woman, were killed": the one), or as a count
    it supersedes ("revising an earlier toll of 14"). A cue read as a part with no whole
    beside it ("two children were among the dead") makes no part. When the cue marks every
    count of a quantity ("Nine civilians, among them two farmers, were killed"; "Four
    children were among nine people killed": a cue word sits near both), the largest is the
    whole and the others its parts: a part is never more than its whole (nineteenth pass)."""
    marked = {k for k in statement if k.startswith("#") and _PART + k in statement}
    whole = {k.split(":")[0] for k in statement if k.startswith("#") and k not in marked}
    parts = {k for k in marked if k.split(":")[0] in whole}
    largest: dict[str, tuple[int, str]] = {}
    for k in marked - parts:
        what, high = k.split(":")[0], _range(k.rpartition(":")[2])[1]
        if what not in largest or high > largest[what][0]:
            largest[what] = (high, k)
    return parts | {k for k in marked - parts if k != largest[k.split(":")[0]][1]}


def _other_amounts(one: Counter[str], other: Counter[str]) -> bool:
    """Whether two statements give different amounts of one quantity: a toll of 14 and a
    toll of 19 are two statements, the second an update of the first. An amount in words
    that holds the other is no other amount ("killing up to 50 servicemen" / "killed dozens
    of servicemen": one ministry's one claim in two outlets' words); nor is a part of a count
    ("three civilians, one of them a woman, were killed" / "killed three civilians")."""
    mine: dict[str, list[tuple[int, int]]] = {}
    parts = _parts(one) | _parts(other)
    for k in one:
        if k.startswith("#") and k not in parts:
            quantity, _, amount = k.rpartition(":")
            mine.setdefault(quantity, []).append(_range(amount))
    for k in other:
        if not k.startswith("#") or k in parts:
            continue  # a part ("one of them a woman") is no other toll
        quantity, _, amount = k.rpartition(":")
        low, high = _range(amount)
        if quantity in mine and not any(lo <= high and low <= hi for lo, hi in mine[quantity]):
            return True
    return False


def _range(amount: str) -> tuple[int, int]:
    low, _, high = amount.partition("-")
    return int(low), int(high or low)


def weights(statements: list[Counter[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for statement in statements:
        df.update(statement.keys())
    n = len(statements)
    return {k: math.log(1.0 + n / c) for k, c in df.items()}


def gives_count(statement: Counter[str]) -> bool:
    """Whether a statement gives a count of something."""
    return any(k.startswith("#") for k in statement)


def content_words(statement: Counter[str]) -> set[str]:
    """A statement's keys of words: no entity, amount or mark."""
    return {k for k in statement if k[:1] not in "#@" and not k.startswith(("part:", "frame:"))}


def own_content(claim: Claim, article: StoryArticle) -> tuple[str, int]:
    """(text, offset) of a claim's content, other claims nested in it blanked out."""
    lo, hi = claim.content_start, claim.content_end
    if hi <= lo:
        lo, hi = claim.start, claim.end
    chars = list(article.text[lo:hi])
    for other in article.claims:
        if other is not claim and lo <= other.source_start < hi and other.content_end <= hi:
            start = min(other.source_start, other.content_start, other.cue_start)
            chars[max(0, start - lo) : other.content_end - lo] = " " * (
                other.content_end - max(lo, start)
            )
    other_speaker = _OTHER_SPEAKER.search(article.text, lo, hi)
    if other_speaker:  # "..., after the civil defence agency said the strike killed 22"
        chars[other_speaker.start() - lo :] = " " * (hi - other_speaker.start())
    return "".join(chars), lo


# A clause in which someone else speaks, hanging at the end of a claim's content.
_OTHER_SPEAKER = re.compile(
    r",\s+(?:after|as|while|when|whereas|before|even as)\s[^,.;]{0,80}?\b"
    r"(?:said|says|reported|reports|told|claimed|announced|stated)\b"
)
