"""Accounts set against each other: they dispute one another without any denial.

- "In response to the claims, X said ...": the statement and the claims it answers;
- two sources of different sides in one sentence joined by "while", "whereas" or "but", or a
  sentence opening with "But", "However" or "For its part" ("X, however," / "X, in turn,")
  right after another side's claim;
- "Y gave a different account. It said ...": Y's claims and the claim before them;
- the same count given far apart by two sides ("killed 20 soldiers" / "four soldiers died";
  not three against four, not "dozens" against 60);
- a version of its own set against another side's claim ("the attack was repelled", "the men
  were civilians"): counters.py; two sides' counts of one side's dead: casualties.py.
A side's own accounts never dispute each other. Evidence spans: the other claim's sentence, or
its clause when both stand in one sentence.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import casualties, counters, cues, datafiles
from tui.pipeline.analyze.evidence import WINDOW, Ledger, fits, references, same_party
from tui.pipeline.analyze.lexicon import words
from tui.pipeline.analyze.sources import Draft

_CONTRAST_RE = re.compile(r"\b(?:while|whereas|but)\b", re.IGNORECASE)
# "But ...", "However, ...", "X, however, said"; "X, in turn, accused ...", "For its part, X
# said ...": the party answers with its own account.
_TURN_RE = re.compile(
    r"^\W*(?:but|however|for (?:its|his|her|their) part)\b|,\s*(?:however|in turn|for (?:its|his|"
    r"her|their) part),",
    re.IGNORECASE,
)
_OTHER_ACCOUNT_RE = re.compile(
    r"\b(?:(?:a|an)\s+(?:different|conflicting|contradictory|opposite|starkly different)\s+"
    r"(?:account|version|picture)|"
    r"(?:disputed|contradicted) (?:this|that|the) (?:account|version))\b",
    re.IGNORECASE,
)


@functools.cache
def _count_classes() -> dict[str, str]:
    """noun -> class ("troops" -> "soldiers", "guerrillas" -> "fighters"): data/count_nouns.tsv."""
    return {
        noun.lower(): cls
        for cls, nouns in datafiles.rows("count_nouns.tsv")
        for noun in datafiles.split_list(nouns)
    }


@functools.cache
def _count_re() -> re.Pattern[str]:
    nouns = "|".join(sorted((re.escape(n) for n in _count_classes()), key=len, reverse=True))
    return re.compile(
        r"\b(?P<n>\d[\d,]*|dozens|hundreds|thousands|scores|one|two|three|four|five|six|seven|"
        r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\s+(?:of\s+)?"
        r"(?:[\w'’-]+\s+){0,3}?(?P<noun>" + nouns + r")\b",
        re.IGNORECASE,
    )


# "In response to the Somaliland claims, X said ...": what follows answers those statements.
_RESPONSE_RE = re.compile(
    r"\b(?:in\s+(?:response|reply|answer)\s+to|respond(?:ing|ed)\s+to|react(?:ing|ed)\s+to|"
    r"reply(?:ing)?\s+to|replied\s+to)\s+",
    re.IGNORECASE,
)


def find(ledger: Ledger) -> None:
    _responses(ledger)
    _contrasts(ledger)
    _other_accounts(ledger)
    _counts(ledger)
    counters.find(ledger)
    counters.struck(ledger)
    casualties.find(ledger)


def _number(word: str) -> int | None:
    """A count as a number; "dozens" and the like are no count to compare."""
    low = word.lower().replace(",", "")
    return int(low) if low.isdigit() else casualties.NUMBER_WORDS.get(low)


def _far_apart(a: int, b: int) -> bool:
    """Two counts of one thing that cannot both be right: 20 against 4, not 3 against 4."""
    return max(a, b) >= 1.5 * max(min(a, b), 1)


def _contrasts(ledger: Ledger) -> None:
    """ "X said ..., while Y said ..."; "However, Y said ...": the two accounts dispute."""
    text = ledger.text
    for k in range(1, len(ledger.drafts)):
        b = ledger.drafts[k]
        sb = ledger.sent_of[k]
        for j in range(k - 1, -1, -1):
            a = ledger.drafts[j]
            sa = ledger.sent_of[j]
            if sa < sb - 1:
                break
            if same_party(a, b) or b.attached or a.attached:
                continue
            if a.affiliation and a.affiliation == b.affiliation:
                break  # one side's accounts do not dispute each other
            between = text[a.cue[1] : b.source[0]] if a.cue[1] < b.source[0] else ""
            sentence = text[b.sent[0] : b.sent[1]]
            if (sa == sb and _CONTRAST_RE.search(between)) or (
                sb == sa + 1 and _TURN_RE.search(sentence[: max(0, b.cue[0] - b.sent[0])])
            ):
                for x, y, by in ((j, k, b), (k, j, a)):
                    if "denial" not in ledger.kinds(x):  # a denial is no account disputed
                        ledger.add(x, "dispute", _span_of(ledger, y, x), by.canonical)
            break


def _span_of(ledger: Ledger, k: int, other: int) -> tuple[int, int]:
    """Claim `k` as evidence for claim `other`: its sentence, or its clause in a shared one."""
    d = ledger.drafts[k]
    if ledger.sent_of[k] != ledger.sent_of[other]:
        return d.sent
    spans = (d.source, d.cue, d.content)
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def _other_accounts(ledger: Ledger) -> None:
    """ "Y gave a different account. It said ...": Y's claims and the one before dispute."""
    text = ledger.text
    for m in _OTHER_ACCOUNT_RE.finditer(text):
        s = ledger.sentence_at(m.start())
        lo, hi = ledger.sentences[s]
        givers = [k for k, x in enumerate(ledger.sent_of) if x in (s, s + 1)]
        givers = [k for k in givers if ledger.drafts[k].cue[0] > lo]
        earlier = [
            j
            for j in range(len(ledger.drafts))
            if ledger.sent_of[j] < s and ledger.sent_of[j] >= s - WINDOW
        ]
        if not earlier:
            continue
        mine = [k for k in givers if ledger.sent_of[k] == s] or givers[:1]
        if mine and any(same_party(ledger.drafts[k], ledger.drafts[earlier[-1]]) for k in mine):
            continue
        target = earlier[-1]
        ledger.add(target, "dispute", (lo, hi), ledger.drafts[mine[0]].canonical if mine else "")
        for k in mine:
            ledger.add(k, "dispute", ledger.drafts[target].sent, ledger.drafts[target].canonical)


def _counts(ledger: Ledger) -> None:
    """The same count given differently by two sides: each account disputes the other."""
    text = ledger.text
    counts = []
    for d in ledger.drafts:
        found = {}
        for m in _count_re().finditer(text, d.content[0], d.content[1]):
            value = _number(m.group("n"))
            if value is not None:
                found[_count_classes()[m.group("noun").lower()]] = value
        counts.append(found)
    for k, b in enumerate(ledger.drafts):
        for j in range(k - 1, -1, -1):
            if ledger.sent_of[k] - ledger.sent_of[j] > 2:
                break
            a = ledger.drafts[j]
            if same_party(a, b) or not (a.affiliation and b.affiliation):
                continue
            if a.affiliation == b.affiliation:
                continue
            if "denial" in ledger.kinds(j) or "denial" in ledger.kinds(k):
                continue  # a denial already disputes what it answers
            shared = set(counts[j]) & set(counts[k])
            if any(_far_apart(counts[j][n], counts[k][n]) for n in shared):
                ledger.add(j, "dispute", _span_of(ledger, k, j), b.canonical)
                ledger.add(k, "dispute", _span_of(ledger, j, k), a.canonical)

# Speech acts that assert nothing to contest: warnings, vows, appeals (directives, commissives).
NOT_ASSERTED = words("warn threaten vow pledge promise urge call demand appeal ask")


def verb_base(text: str, draft: Draft) -> str:
    """The base of the cue's last word ("called" -> "call"), or ""."""
    words = text[draft.cue[0] : draft.cue[1]].lower().split()
    return cues.VERB_BASE.get(words[-1], "") if words else ""


def _responses(ledger: Ledger) -> None:
    """ "Responding to these claims, the official said ...": the statement disputes the claims
    the reference names (their owner's within four sentences, else the last other party's run
    of claims for a plural, its last claim for a singular; never a warning, a vow or an
    appeal), and they dispute it."""
    text = ledger.text
    for m in _RESPONSE_RE.finditer(text):
        s = ledger.sentence_at(m.start())
        refs = [r for r in references(text, m.end(), ledger.sentences[s][1]) if r.start == m.end()]
        after = [k for k, x in enumerate(ledger.sent_of) if x == s]
        answers = [k for k in after if ledger.drafts[k].cue[0] > m.start()]
        if not refs or not answers:
            continue
        ref, first = refs[0], ledger.drafts[answers[0]]
        near = [
            j
            for j in ledger.others_before(m.start(), s, first)
            if not ledger.drafts[j].attached
            and fits(ref, text, ledger.drafts[j])
            and verb_base(text, ledger.drafts[j]) not in NOT_ASSERTED
        ]
        if ref.owner and ref.owner.lower() not in ("its", "their", "his", "her"):
            near = ledger.owned_by(ref.owner, near) or near
        if not near:
            continue
        named = [near[0]]
        for j in near[1:] if ref.plural else ():
            if not same_party(ledger.drafts[j], ledger.drafts[near[0]]):
                break
            named.append(j)
        for j in named:
            if "denial" not in ledger.kinds(answers[0]):  # the answer is its first statement
                by = ledger.drafts[j].canonical
                ledger.add(answers[0], "dispute", _span_of(ledger, j, answers[0]), by)
            if "denial" not in ledger.kinds(j):
                ledger.add(j, "dispute", _span_of(ledger, answers[0], j), first.canonical)
