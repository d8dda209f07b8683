"""Claim status across the article: denied, disputed, unconfirmed, confirmed or claimed.

DESIGN §5 defines the statuses; the rules that implement them:
- denied: the claim is its source's denial: a denial verb ("denied", "refuted"; "rejected"
  or "dismissed" a claim, report or account), or content that calls something false ("said
  the report was fabricated") or denies an act ("said its forces did not fire on civilians");
- disputed: another source contradicts it:
  * a denial aimed at it: the earlier claim by someone else that shares the most content
    words with the denial ("shot down 40 drones" / "rejected the figure"), or, for an
    anaphoric denial ("denied the accusation") or one that negates an act, the nearest
    earlier claim by someone else;
  * accounts set against each other: two sources in one sentence joined by "while",
    "whereas" or "but", or a next sentence that opens with "But"/"However", or a sentence
    that gives "a different account" of the previous claim;
- unconfirmed and confirmed: remarks found by verification.py; a confirmation corroborates
  the nearest earlier claim by another source (the confirming claim is confirmed too);
- claimed: none of these.
When several apply: denied > confirmed > disputed > unconfirmed > claimed (an independent
confirmation outweighs a partisan denial; a denial is what the sentence is).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tui.pipeline.analyze import cues, overlap, verification
from tui.pipeline.analyze.sources import Draft

_ALWAYS_DENY = frozenset(("deny", "refute", "rebut", "disavow", "disown"))
_FALSITY_RE = re.compile(
    r"\b(?:false(?:ly)?|untrue|not true|no truth|baseless|groundless|unfounded|fabricat\w*|"
    r"fake|lies|lying|a lie|nonsense|absurd|propaganda|disinformation|misinformation|"
    r"never happened|did not happen|didn't happen|did not take place|staged|hoax|"
    r"exaggerat\w*|inflated|no evidence|(?:has|had|have|played) no (?:role|part|involvement)|"
    r"(?:has|had|have) nothing to do|not involved|slander\w*)\b",
    re.IGNORECASE,
)
_ACTS = (
    r"(?:carr(?:y|ied) out|conduct(?:ed)?|str(?:ike|uck)|attack(?:ed)?|target(?:ed)?|"
    r"shell(?:ed)?|fired?|launch(?:ed)?|hit|bomb(?:ed)?|use[ds]?|deploy(?:ed)?|shoot|shot|"
    r"kill(?:ed)?|order(?:ed)?|sen[dt]|open(?:ed)? fire|damaged)"
)
_NEGATED_ACT_RE = re.compile(
    r"\b(?:did not|didn't|never|had not|hadn't|has not|hasn't|have not|haven't|does not|"
    r"doesn't|do not|don't|was not|wasn't|were not|weren't)\s+(?:been\s+)?" + _ACTS + r"\b",
    re.IGNORECASE,
)
_ACT_RE = re.compile(r"\b" + _ACTS + r"\b", re.IGNORECASE)
_STATEMENT_NOUN_RE = re.compile(
    r"\b(?:claims?|reports?|allegations?|accusations?|accounts?|figures?|assertions?|"
    r"suggestions?|statements?|versions?|charges?|stor(?:y|ies)|narratives?|numbers?|"
    r"estimates?|reporting|footage|videos?|images?|photos?)\b",
    re.IGNORECASE,
)
_ANAPHOR_RE = re.compile(
    r"\b(?:the|these|those|such|that|this|its|their|his|her|[A-Z]\w+(?:'s|’s))\s+(?:\w+\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|accounts?|figures?|assertions?|"
    r"statements?|version|charges?|stor(?:y|ies)|numbers?)\b",
    re.IGNORECASE,
)
_CONTRAST_RE = re.compile(r"\b(?:while|whereas|but)\b", re.IGNORECASE)
_TURN_RE = re.compile(r"^\W*(?:but|however)\b|,\s*however,", re.IGNORECASE)
_OTHER_ACCOUNT_RE = re.compile(
    r"\b(?:(?:a|an)\s+(?:different|conflicting|contradictory|opposite)\s+(?:account|version)|"
    r"contradict(?:ed|s)?|disputed (?:this|that|the) (?:account|version|claim))\b",
    re.IGNORECASE,
)
_RANK = {"denied": 4, "confirmed": 3, "disputed": 2, "unconfirmed": 1, "claimed": 0}
_WINDOW = 4  # sentences back that a denial, remark or confirmation may reach


class _Article:
    """The drafts with their sentence numbers and content words, and their statuses."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], drafts: list[Draft]) -> None:
        self.text = text
        self.sentences = sentences
        self.drafts = drafts
        starts = [s for s, _ in sentences]
        self.sent_of = [max(0, bisect_right(starts, d.cue[0]) - 1) for d in drafts]
        self.words = [overlap.content_words(text[d.content[0] : d.content[1]]) for d in drafts]
        self.status = ["claimed"] * len(drafts)

    def raise_to(self, k: int, state: str) -> None:
        if _RANK[state] > _RANK[self.status[k]]:
            self.status[k] = state

    def others_before(self, k: int, s: int) -> list[int]:
        """Claims by another source in the `_WINDOW` sentences up to sentence `s`, nearest first."""
        name = self.drafts[k].name if k >= 0 else ""
        return [
            j
            for j in range(len(self.drafts) - 1, -1, -1)
            if j != k
            and s - _WINDOW <= self.sent_of[j] <= s
            and self.drafts[j].cue[0] < self._at(k, s)
            and not same_source(self.drafts[j].name, name)
        ]

    def _at(self, k: int, s: int) -> int:
        return self.drafts[k].cue[0] if k >= 0 else self.sentences[s][0]


def assign(
    text: str, sentences: list[tuple[int, int]], drafts: list[Draft], confirmed: set[int]
) -> list[str]:
    """The status of every draft (drafts in text order); `confirmed`: confirming sentences."""
    art = _Article(text, sentences, drafts)
    denial = [_is_denial(text, d) for d in drafts]
    for k in range(len(drafts)):
        if denial[k]:
            art.raise_to(k, "denied")
            target = _denial_target(art, k, denial)
            if target is not None:
                art.raise_to(target, "disputed")
    _contrasts(art)
    _remarks(art)
    for s in sorted(confirmed):
        _confirm(art, s)
    return art.status


def _is_denial(text: str, d: Draft) -> bool:
    cue = text[d.cue[0] : d.cue[1]].lower().split()[-1]
    content = text[d.content[0] : d.content[1]]
    if d.kind == cues.DENY:
        base = cues.VERB_BASE.get(cue, cue)
        return base in _ALWAYS_DENY or bool(_STATEMENT_NOUN_RE.search(content))
    return bool(_FALSITY_RE.search(content) or _NEGATED_ACT_RE.search(content))


def _denial_target(art: _Article, k: int, denial: list[bool]) -> int | None:
    """The claim by another source that denial `k` contradicts, if any."""
    d = art.drafts[k]
    candidates = [j for j in art.others_before(k, art.sent_of[k]) if not denial[j]]
    if not candidates:
        return None
    said = overlap.content_words(art.text[d.sent[0] : d.sent[1]])
    scored = [(len(art.words[j] & said), -n, j) for n, j in enumerate(candidates)]
    best = max(scored)
    if best[0] >= 2 or (best[0] == 1 and art.sent_of[k] - art.sent_of[best[2]] <= 2):
        return best[2]
    sentence = art.text[d.sent[0] : d.sent[1]]
    if _ANAPHOR_RE.search(sentence):
        return candidates[0]
    nearest = candidates[0]
    if _NEGATED_ACT_RE.search(sentence) and _ACT_RE.search(
        art.text[art.drafts[nearest].content[0] : art.drafts[nearest].content[1]]
    ):
        return nearest
    return None


def _contrasts(art: _Article) -> None:
    """Accounts set against each other: "X said ..., while Y said ..."; "However, Y said ..."."""
    text = art.text
    for k in range(1, len(art.drafts)):
        a, b = art.drafts[k - 1], art.drafts[k]
        if same_source(a.name, b.name):
            continue
        sa, sb = art.sent_of[k - 1], art.sent_of[k]
        between = text[a.cue[1] : b.source[0]] if a.cue[1] < b.source[0] else ""
        sentence = text[b.sent[0] : b.sent[1]]
        if (sa == sb and _CONTRAST_RE.search(between)) or (
            sb == sa + 1 and _TURN_RE.search(sentence)
        ):
            art.raise_to(k - 1, "disputed")
            art.raise_to(k, "disputed")
    starts = [lo for lo, _ in art.sentences]
    for m in _OTHER_ACCOUNT_RE.finditer(text):
        s = bisect_right(starts, m.start()) - 1
        if s >= 0:
            earlier = art.others_before(-1, s)
            here = [j for j in range(len(art.drafts)) if art.sent_of[j] == s]
            for j in earlier:
                if art.sent_of[j] < s and not any(
                    same_source(art.drafts[j].name, art.drafts[h].name) for h in here
                ):
                    art.raise_to(j, "disputed")
                    break


def _remarks(art: _Article) -> None:
    """Verification remarks: the claims they are about become unconfirmed."""
    starts = [lo for lo, _ in art.sentences]
    for m in verification.UNVERIFIED_RE.finditer(art.text):
        s = bisect_right(starts, m.start()) - 1
        if s >= 0 and m.start() < art.sentences[s][1]:
            for k in _remark_targets(art, s, m):
                art.raise_to(k, "unconfirmed")


def _remark_targets(art: _Article, s: int, m: re.Match[str]) -> list[int]:
    text = art.text
    here = [k for k in range(len(art.drafts)) if art.sent_of[k] == s]
    if here:
        aside = verification.ASIDE_RE.search(text, max(0, m.start() - 40), m.start())
        speaker = verification.SPEAKER_RE.match(m.group())
        return [
            k
            for k in here
            if aside
            or speaker
            or not art.drafts[k].content[0] <= m.start() < art.drafts[k].content[1]
        ]
    earlier = [k for k in range(len(art.drafts)) if s - 3 <= art.sent_of[k] < s]
    if not earlier:
        return []
    if verification.PLURAL_RE.search(text, max(0, m.start() - 40), m.end() + 25):
        return earlier
    return [earlier[-1]]


def _confirm(art: _Article, s: int) -> None:
    """A confirming sentence corroborates the nearest earlier claim by someone else."""
    here = [k for k in range(len(art.drafts)) if art.sent_of[k] == s]
    confirmers = [k for k in here if art.drafts[k].kind == cues.CONFIRM]
    names = [art.drafts[k].name for k in here]
    said = overlap.content_words(art.text[art.sentences[s][0] : art.sentences[s][1]])
    earlier = [
        j
        for j in art.others_before(-1, s)
        if art.sent_of[j] < s and not any(same_source(art.drafts[j].name, n) for n in names)
    ]
    if not earlier:
        return
    best = max(earlier, key=lambda j: (len(art.words[j] & said), art.drafts[j].cue[0]))
    art.raise_to(best, "confirmed")
    for k in confirmers:
        art.raise_to(k, "confirmed")


def same_source(a: str, b: str) -> bool:
    """Same party: equal names, or one inside the other ("Artiukh" / "Volodymyr Artiukh")."""
    a, b = overlap.normal_name(a), overlap.normal_name(b)
    return bool(a) and bool(b) and (a == b or a in b or b in a)
