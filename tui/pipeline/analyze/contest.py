"""A learned contest detector: claims the rules left `claimed` that another party contests.

The rules (status.py) need an explicit cue tying two accounts together; a reader also sees two
parties telling the same event differently. This module reads that from general signals of a
pair of claims, never a name, place or outlet: a claim the rules left `claimed`, and a claim of
another source not of its side (within REACH sentences, or a denial anywhere): whether they
are of known, different sides, how far apart, what content they share, whether the other is a
denial, negates, opens on a contrast or names this source, what kind of statement this one is
(an event with a number, a prospect, an appeal). A logistic model turns a pair into a
probability; the weights and the threshold are data (`data/contest_weights.tsv`, trained and
measured by `bench/train_contest.py`). No training happens here: the analyzer only reads them.

It acts only on claims the rules left `claimed` (docs/CLAIMS.md, "The learned contest
detector"): one whose most probable pair reaches the threshold becomes `disputed`, and its
evidence is the sentence of the other party's claim it leaned on most (kind "dispute").
Every status the rules gave stands.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from tui.core.models import Claim, Evidence
from tui.pipeline.analyze import cues, datafiles, lexicon, overlap
from tui.pipeline.analyze.disputes import falsity_in
from tui.pipeline.analyze.evidence import references, shared_weight

REACH = 6  # sentences either side in which another party's claim is looked for

# Features of a pair: claim k (left `claimed` by the rules) and another party's claim j.
FEATURES = (
    "bias",
    "rival",  # both sources have an affiliation and they differ
    "no_side",  # j's source has none
    "near",  # 1 / (1 + sentences apart)
    "after",  # j comes later in the article
    "same_sentence",
    "shared",  # content shared (capped at 4, over 4): a number 2, a name 1.5, a word 1
    "shared_number",
    "numbers_differ",  # both give numbers and share none
    "j_denied",  # the rules read j as a denial
    "j_disputed",  # the rules already dispute j
    "j_falsity",  # j's sentence calls something false
    "j_negated",  # j's content is negated ("no", "not", "never")
    "j_contrast",  # j's sentence opens on a contrast ("But", "However", "For its part")
    "j_names",  # j's sentence holds a word of k's source name or side
    "j_contested_cue",  # j's cue marks a contested statement ("claimed", "alleged")
    "both_war",  # both contents tell acts of war: forces, weapons, events, the dead
    "k_party",  # k's source has an affiliation
    "k_contested_cue",
    "k_number",  # k's content gives a number
    "k_modal",  # k's content is a prospect ("will", "must", "could")
    "k_appeal",  # k's cue takes an infinitive: a vow, an appeal, a warning
    "k_direct",  # k's content is a direct quotation
    "k_lede",  # k is in the first two sentences
    "denials",  # denials in the article (capped at 3, over 3)
    "sides",  # distinct affiliations among the article's sources (capped at 4, over 4)
    "j_deny_cue",  # j's cue is a verb of denial ("denied", "rejected")
    "shared_rare",  # content shared in words of at most two claims of the article (capped)
)

_CONTRAST_RE = re.compile(
    r"\W*(?:but|however|while|whereas|yet|though|although|meanwhile|instead|in contrast|"
    r"on the other hand|for (?:its|his|her|their) part|in turn|in response|responding)\b",
    re.IGNORECASE,
)
_MID_CONTRAST_RE = re.compile(r",\s+(?:however|in turn|for (?:its|his|her|their) part),", re.I)
_CONTESTED_CUES = frozenset(
    cues.words(
        "claim claims claimed claiming allege alleges alleged alleging insist insists "
        "insisted insisting maintain maintains maintained accuse accuses accused "
        "accusing assert asserts asserted asserting contend contends contended"
    )
)
_NUMBER_RE = re.compile(r"\b\d[\d,.]*\b")


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    threshold: float

    def probability(self, x: list[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def models(name: str = "contest_weights.tsv") -> dict[str, Model]:
    """The trained models by the status they give ("disputed"); {} when the file holds none.
    Rows: status, feature (or "threshold"), value."""
    table: dict[str, dict[str, float]] = {}
    for status, key, value in datafiles.rows(name):
        table.setdefault(status, {})[key] = float(value)
    return {
        status: Model(tuple(row.get(f, 0.0) for f in FEATURES), row.get("threshold", 1.0))
        for status, row in table.items()
    }


@dataclass
class Article:
    """What every claim's features read from the article, computed once."""

    text: str
    sentences: list[tuple[int, int]]
    claims: tuple[Claim, ...]
    at: list[int]  # each claim's sentence index
    profiles: list[dict[str, str]]
    numbers: list[set[str]]
    sides: int
    df: Counter  # in how many claims' contents each content word is
    denials: int
    cue: list[str]  # each claim's cue word (its last word, lower case)
    war: list[bool]  # its content tells acts of war
    negated: list[bool]  # its content is negated
    modal: list[bool]  # its content is a prospect
    falsity: list[bool]  # its sentence calls something false
    contrast: list[bool]  # its sentence opens on a contrast
    words: list[set[str]]  # the stems of its sentence's words
    names: list[set[str]]  # the stems of its canonical source and side

    @classmethod
    def read(cls, text: str, sentences: list[tuple[int, int]], claims: tuple[Claim, ...]):  # noqa: ANN206
        starts = [s for s, _ in sentences]
        at = [max(0, bisect_right(starts, c.start) - 1) for c in claims]
        contents = [text[c.content_start : c.content_end] for c in claims]
        own = [text[slice(*sentences[s])] for s in at]
        profiles = [overlap.profile(c) for c in contents]
        return cls(
            text=text,
            sentences=sentences,
            claims=claims,
            at=at,
            profiles=profiles,
            numbers=[set(_NUMBER_RE.findall(c)) for c in contents],
            df=Counter(w for p in profiles for w in p),
            sides=len({c.affiliation for c in claims if c.affiliation}),
            denials=sum(c.status == "denied" for c in claims),
            cue=[_cue_word(c) for c in claims],
            war=[_tells_war(c, p) for c, p in zip(contents, profiles, strict=True)],
            negated=[_NEGATION_RE.search(c) is not None for c in contents],
            modal=[_MODAL_RE.search(c) is not None for c in contents],
            falsity=[falsity_in(s) for s in own],
            contrast=[_contrast(s) for s in own],
            words=[_words_of(s) for s in own],
            names=[_name_words(c) for c in claims],
        )


def _rival(a: Claim, b: Claim) -> bool:
    """Another known side: both affiliations given and different."""
    return bool(a.affiliation and b.affiliation and a.affiliation != b.affiliation)


def _other_source(a: Claim, b: Claim) -> bool:
    name_a = overlap.normal_name(a.source_canonical or a.source)
    return name_a != overlap.normal_name(b.source_canonical or b.source)


def candidates(art: Article, k: int) -> list[int]:
    """The claims that may contest claim k: of another source not of its side, within REACH
    sentences, or anywhere when the rules read them as denials."""
    claim = art.claims[k]
    return [
        j
        for j, other in enumerate(art.claims)
        if j != k
        and _other_source(claim, other)
        and not _same_side(claim, other)
        and (abs(art.at[j] - art.at[k]) <= REACH or other.status == "denied")
        and _about(art, k, j)
    ]


def _about(art: Article, k: int, j: int) -> bool:
    """Whether claim j can be about claim k's proposition (issue 14: evidence shares content
    words, names or numbers with the claim, or names its source): a name or a number in
    common, or two words (`shared_weight` 1.5: one word alone is often a stem two topics share,
    "bring them back" / "backing the group"), j's sentence naming k's source or side, or
    referring to a statement ("rejected the accusations", "the report": evidence.references)."""
    if shared_weight(art.profiles[k], art.profiles[j]) >= 1.5 or art.names[k] & art.words[j]:
        return True
    return bool(references(art.text, *art.sentences[art.at[j]]))


def features(art: Article, k: int, j: int) -> list[float]:
    """The feature vector of the pair (k, j) (FEATURES, in order)."""
    claim, other = art.claims[k], art.claims[j]
    apart = abs(art.at[j] - art.at[k])
    shared = shared_weight(art.profiles[k], art.profiles[j])
    mine, theirs = art.numbers[k], art.numbers[j]
    return [
        1.0,
        float(_rival(claim, other)),
        float(not other.affiliation),
        1.0 / (1.0 + apart),
        float(art.at[j] > art.at[k] or (apart == 0 and other.start > claim.start)),
        float(apart == 0),
        min(shared, 4.0) / 4,
        float(bool(mine & theirs)),
        float(bool(mine and theirs and not mine & theirs)),
        float(other.status == "denied"),
        float(other.status == "disputed"),
        float(art.falsity[j]),
        float(art.negated[j]),
        float(art.contrast[j]),
        float(bool(art.names[k] & art.words[j])),
        float(art.cue[j] in _CONTESTED_CUES),
        float(art.war[k] and art.war[j]),
        float(bool(claim.affiliation)),
        float(art.cue[k] in _CONTESTED_CUES),
        float(bool(mine)),
        float(art.modal[k]),
        float(cues.takes_infinitive(art.cue[k])),
        float(claim.quote == "direct"),
        float(art.at[k] < 2),
        min(art.denials, 3) / 3,
        min(art.sides, 4) / 4,
        float(cues.verb_kind(art.cue[j]) == cues.DENY),
        min(sum(art.df[w] <= 2 for w in art.profiles[k].keys() & art.profiles[j].keys()), 3) / 3,
    ]


def _cue_word(claim: Claim) -> str:
    cue = claim.cue.lower().split()
    return cue[-1] if cue else ""


_NEGATION_RE = re.compile(r"\b(?:no|not|never|none|nothing|n't|neither|nor)\b", re.I)
_MODAL_RE = re.compile(r"\b(?:will|would|should|must|shall|could|may|might|wants? to)\b", re.I)
_WAR_WORDS = lexicon.MILITARY | lexicon.WEAPONS | lexicon.EVENTS


def _tells_war(content: str, profile: dict[str, str]) -> bool:
    """Forces, weapons or events of war (lexicon.py), the dead or downed (overlap's families)."""
    if "#dead" in profile or "#downed" in profile:
        return True
    return any(w in _WAR_WORDS for w in re.findall(r"[a-z]+", content.lower()))


_NAME_WORD_RE = re.compile(r"[A-Za-z]{4,}")


def _words_of(text: str) -> set[str]:
    return {w.lower()[:5] for w in _NAME_WORD_RE.findall(text)}


def _name_words(claim: Claim) -> set[str]:
    """Stems of the words of the claim's canonical source and side ("Ukrainian Armed Forces",
    "Ukraine": "ukrai", "armed", "force")."""
    return _words_of(f"{claim.source_canonical} {claim.affiliation}")


def _same_side(a: Claim, b: Claim) -> bool:
    return bool(a.affiliation and a.affiliation == b.affiliation)


def best(art: Article, k: int, m: Model) -> tuple[float, int | None]:
    """The model's probability that claim k is contested, and the claim it leans on most."""
    top, leaned = 0.0, None
    for j in candidates(art, k):
        p = m.probability(features(art, k, j))
        if p > top:
            top, leaned = p, j
    return top, leaned


def _contrast(sentence: str) -> bool:
    return bool(_CONTRAST_RE.match(sentence) or _MID_CONTRAST_RE.search(sentence))


def revise(
    text: str,
    sentences: list[tuple[int, int]],
    claims: tuple[Claim, ...],
    table: dict[str, Model] | None = None,
) -> tuple[Claim, ...]:
    """The claims with `disputed` given where the model is sure enough: only claims the rules
    left `claimed`, each with the other party's claim sentence it leaned on most as its
    evidence. `table`: the models (the trained file's when None; bench/train_contest.py
    passes a fold's)."""
    table = models() if table is None else table
    m = table.get("disputed")
    if m is None or not any(c.status == "claimed" for c in claims):
        return claims
    art = Article.read(text, sentences, claims)
    out = list(claims)
    for k, claim in enumerate(claims):
        if claim.status != "claimed":
            continue
        p, j = best(art, k, m)
        if j is not None and p >= m.threshold:
            other = claims[j]
            lo, hi = art.sentences[art.at[j]]
            ev = Evidence(lo, hi, "dispute", other.source_canonical or other.source)
            out[k] = replace(claim, status="disputed", evidence=(ev,))
    return tuple(out)
