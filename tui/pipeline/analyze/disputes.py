"""Denials and disputes: which claims deny, and which claims they contest.

A claim is a denial (evidence kind "denial", status "denied") when its source denies or rejects:
- a verb of denial: "denied", "refuted", "disavowed" always; "rejected", "dismissed",
  "disputed", "contradicted", "rebuked" a statement ("the claim", "the figure", "the report");
- content that calls something false ("said the report was fabricated", "pure fiction",
  "simply not true") or denies an act ("said its forces did not fire on civilians", "no landing
  had taken place");
- a sequel of a denial ("denied ..., saying ...", and in the next sentence: sequels.py).

Each denial contests (evidence kind "dispute" on the other claim) the claim it is about, if the
article holds it (evidence.py, `about`): a claim in its own sentence that it hangs on ("X said
A, a claim Y dismissed"; "..., which Y denied"; "a claim quickly denied by Y"), a claim it
names ("rejected Moscow's account", "disputed the death toll reported by the ministry"), or an
earlier claim by another party that shares its content or the act it denies. Wire copy often
opens on the denial and reports the claim denied after it ("The government dismissed claims by
the group to have killed five soldiers ... The group said its fighters killed five soldiers"):
when no earlier claim is answered, a later claim of another side in the next sentences that
shares the denial's content (weight 1.5) is. A denial of something no claim said ("denied
reports that the commander had resigned") contests nothing.

Accounts set against each other without a denial are accounts.py's.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import accounts, cues, datafiles, idioms, lede, negated, sequels
from tui.pipeline.analyze.evidence import (
    WINDOW,
    Ledger,
    fits,
    names_side,
    references,
    restated,
    same_party,
)
from tui.pipeline.analyze.lexicon import words

_REBUTTALS = datafiles.rows("rebuttals.tsv")
_ALWAYS_DENY = frozenset(base for kind, base in _REBUTTALS if kind == "always")
_REJECT = frozenset(base for kind, base in _REBUTTALS if kind == "statement")
# An idiom's verb and its particle or object, a rejection's base: "took issue with the account".
_IDIOMS = {tuple(base.split()): base.split()[0] for kind, base in _REBUTTALS if kind == "idiom"}
# "Lie" as where something lies ("patients lying in corridors", "lies 20 km north", "bodies
# lying inside and outside the stadium", "lying face down"): no falsity. Every English
# preposition and adverb of place but "about" ("lying about the toll" is a lie), and the words
# of a body's posture.
_PLACED = (
    "in on at under near along across among beneath between within beyond next just some with "
    "entirely solely squarely wholly firmly ahead behind inside outside around over above "
    "below underneath beside by alongside amid amidst against throughout opposite off upon onto "
    "here there everywhere nearby face motionless unconscious flat prone"
)  # "the responsibility lies entirely with X", "the challenge lies ahead"
_WHERE = rf"(?!\s+(?:{'|'.join(_PLACED.split())}|\d+|north|south|east|west|dead|wounded|still)\b)"
# "staged" as feigned ("the attack was staged", "a staged video"), not as carried out ("staged
# four attacks", "staged an ambush": a determiner or a count after it).
_STAGED = (
    r"staged(?!\s+(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens|"
    r"\d+)\b)"
)
_FALSITY = (
    r"\b(?:false(?:ly)?|untrue|not true|no truth|baseless|groundless|unfounded|fabricat\w*|"
    r"spurious|bogus|concocted|fictitious|trumped-up|misleading|ridiculous|preposterous|"
    r"rubbish|without (?:any )?(?:foundation|basis)|"
    rf"fake|fakes|lies{_WHERE}|lying{_WHERE}|an? [\"“]?(?:[\w-]+,? ){{0,3}}lie\b|"
    r"nonsense|absurd|propaganda|"
    r"disinformation|misinformation|doctored|photoshopped|montaged|forged|faked|spliced|"
    r"never happened|did not happen|didn't happen|(?:did|has|had|have) not taken? place|"
    rf"no \w+ (?:had|has|have) (?:taken place|occurred|happened)|{_STAGED}|hoax|fiction|fantasy|"
    r"an invention|invented|made up|exaggerat\w*|inflated|no evidence|"
    r"(?:has|had|have|played) no (?:role|part|involvement)|(?:has|had|have) nothing to do|"
    r"not involved|not responsible|no responsibility|(?:was|were|is|are) not behind|"
    r"took no part|slander\w*|(?:was|were|are|is) not (?:\w+ )?(?:members?|militants?|fighters?|"
    r"terrorists?|insurgents?|combatants?)\b|"
    r"(?:do|does|did) not (?:align|match|correspond|tally|square) (?:with|to)|"
    r"not correct|incorrect|not accurate|inaccurate|"
    r"(?:far|divorced) from (?:the )?(?:reality|truth)|imaginary|"
    r"(?:nothing|no) more than (?:an? )?(?:\w+ )?(?:allegations?|rumou?rs?|speculation|claims?)|"
    r"mere (?:allegations?|rumou?rs?|speculation)|"
    r"distanc\w* (?:ourselves|itself|themselves|himself|herself) from (?:this|that|the|these|such)|"
    r"(?:has|had|have) nothing to do with (?:the )?(?:reality|truth|facts))\b"
)
# Words apart by spaces or by quotation marks: 'they did "not correspond with the reality."'
_FALSITY_RE = re.compile(_FALSITY.replace(" ", r"[\s\"“”]+"), re.IGNORECASE)
# Acts of force a party is blamed for: denying one ("did not fire on civilians") is a denial.
_BLAMED_ACTS = (
    r"(?:carr(?:y|ied) out|conduct(?:ed)?|str(?:ike|uck)|attack(?:ed)?|target(?:ed|ing)?|"
    r"shell(?:ed|ing)?|fired?|firing|launch(?:ed)?|hit|bomb(?:ed)?|use[ds]?|deploy(?:ed)?|"
    r"shoot|shot|kill(?:ed)?|order(?:ed)?|sen[dt]|open(?:ed)? fire|damaged|land(?:ed)?|arming)"
)
# Acts a claim may report, which a denial of an act answers ("denied losing any positions"
# answers "cut the last road"); saying one did not happen to oneself ("we have not lost a
# single position") is an account, not a denial.
_ACTS = (
    _BLAMED_ACTS[:-1] + r"|captur(?:e|ed)|seiz(?:e|ed)|t(?:ake|aken|ook)|enter(?:ed)?|"
    r"cross(?:ed)?|los(?:e|t|ing)|f(?:all|ell|allen)|cut|withdr(?:aw|ew|awn)|retreat(?:ed)?|"
    r"overr(?:un|an))"
)
_NEGATION = (
    r"\b(?:did not|didn't|never|had not|hadn't|has not|hasn't|have not|haven't|does not|"
    r"doesn't|do not|don't|was not|wasn't|were not|weren't)\s+(?:been\s+)?"
)
_NEGATED_ACT_RE = re.compile(_NEGATION + _BLAMED_ACTS + r"\b", re.IGNORECASE)
_NEGATED_ANY_RE = re.compile(_NEGATION + _ACTS + r"\b", re.IGNORECASE)
_ACT_RE = re.compile(r"\b" + _ACTS + r"\b", re.IGNORECASE)
# "there was no clash whatsoever": an event said not to have happened. A denial only when a
# claim here says it happened (negated.py).
# A denial that is nothing but a verdict: "the claim was false", "any kind of fake", "nonsense".
_FALSITY_ONLY_RE = re.compile(
    r"^\W*(?:\w+\W+){0,14}?(?:false|untrue|not true|fake|a lie|lies|nonsense|propaganda|"
    r"fabricated|baseless|fiction)\W*$",
    re.IGNORECASE,
)
# "offered no evidence", "provided no proof": what the source failed to give (verification.py
# reads it as unverified), not the source calling something baseless.
_OFFERED_RE = re.compile(
    r"\b(?:offered|provided|gave|given|presented|produced|cited|showed|shown|offering|providing|"
    r"giving|presenting)\s+$",
    re.IGNORECASE,
)
# "pushed back on that", "rejected this", "that was false": a demonstrative standing alone
# (no noun after it) points at the statement just made.
_DEMONSTRATIVE_RE = re.compile(
    r"\W*(?:(?:on|with|against)\s+)?(?:that|this)\b(?=\s*(?:[,.;:]|$|as\b|was\b|is\b|"
    r"were\b|had\b|has\b))",
    re.IGNORECASE,
)
_STATEMENT_RE = re.compile(
    r"\b(?:claims?|reports?|allegations?|accusations?|accounts?|figures?|tolls?|assertions?|"
    r"suggestions?|statements?|versions?|charges?|stor(?:y|ies)|narratives?|numbers?|"
    r"declarations?|announcements?|publications?|rumou?rs?|"
    r"estimates?|reporting|footage|videos?|images?|photos?|information|which)\b",
    re.IGNORECASE,
)
# "..., a claim the navy dismissed", "..., which Kyiv denied": what comes before the source
# when a denial is a relative clause on a statement or on the whole clause before it.
_ON_STATEMENT_RE = re.compile(
    r"(?:(?:\b(?:a|an|the|this|that|such)\s+(?:\w+\s+)?|,\s*)(?:claims?|accusations?|allegations?|"
    r"statements?|reports?|assertions?|charges?|accounts?|versions?|figures?)\s+(?:that\s+|"
    r"which\s+)?|,\s*which\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)
_NAMES_CONTENT_RE = re.compile(
    r"\b(?:claims?|reports?|allegations?|accusations?|suggestions?|rumou?rs?)\s+(?:that|of)\b",
    re.IGNORECASE,
)
_INVOLVEMENT_RE = re.compile(
    r"\b(?:involvement|involved|responsibility|responsible|role|complicity|links?|ties|"
    r"connection|nothing to do|behind)\b",
    re.IGNORECASE,
)
_WHOLE_ACCOUNTS = words(
    "account accounts accusation accusations allegation allegations version story narrative charges"
)


_NEITHER_RE = re.compile(r"\bneither\s+(?:\w+\s+)?(?:confirm|verif)\w*\s+nor\s+$", re.IGNORECASE)


def falsity_in(text: str) -> bool:
    """Whether `text` calls something false ("baseless", "a lie", "did not happen")."""
    return _FALSITY_RE.search(text) is not None


def denial_span(text: str, d) -> tuple[int, int] | None:  # noqa: ANN001 (a sources.Draft)
    """The words that make draft `d` a denial, or None when it is none."""
    if _NEITHER_RE.search(text, d.sent[0], d.cue[0]):
        return None  # "neither confirmed nor denied": no denial, and no confirmation
    words = text[d.cue[0] : d.cue[1]].lower().split()
    base = cues.VERB_BASE.get(words[-1], words[-1]) if words else ""
    if len(words) == 2 and (idioms.IDIOM_BASE.get(words[0]), words[1]) in _IDIOMS:
        base = "reject"  # "pushed back on", "took issue with": a rejection of what follows
    content = text[d.content[0] : d.content[1]]
    rejected = text[min(d.cue[1], d.content[0]) : d.content[1]]  # "rejecting Moscow's statement"
    statement = _STATEMENT_RE.search(rejected) or _DEMONSTRATIVE_RE.match(rejected)
    statement = statement or cues.PROPOSITION_RE.match(rejected) or hangs_on_statement(text, d)
    if base in _ALWAYS_DENY or (base in _REJECT and statement):
        end = d.content[1] if d.content[1] - d.cue[0] < 80 else d.cue[1]
        return (min(d.cue[0], d.content[0]), max(d.cue[1], end))
    if d.kind == cues.DENY and base not in _REJECT:
        return d.cue
    falsity = _FALSITY_RE.search(content) or _NEGATED_ACT_RE.search(content)
    if falsity is not None and _OFFERED_RE.search(content, 0, falsity.start()):
        falsity = None  # "..., but offered no evidence": a claim left unproven, no denial
    if falsity is not None:
        return d.content[0] + falsity.start(), d.content[0] + falsity.end()
    return None


def hangs_on_statement(text: str, d) -> bool:  # noqa: ANN001
    """ "..., a claim the navy dismissed as ...": the source follows a statement noun."""
    return bool(_ON_STATEMENT_RE.search(text, d.sent[0], d.source[0]))


def find(ledger: Ledger) -> None:
    """Denials, the claims they contest, and accounts set against each other."""
    text = ledger.text
    own = [denial_span(text, d) for d in ledger.drafts]
    events = negated.events(ledger, own)
    for k, span in enumerate(own):
        if span is not None:
            ledger.add(k, "denial", span, ledger.drafts[k].canonical)
    carried = sequels.find(ledger, own, denial_span)
    for k, span in enumerate(own):
        if span is None or k in carried:
            continue  # a denial carried on contests what the denial before it contests
        if ledger.drafts[k].attached and not _names_statement(ledger, k):
            continue
        for target in events.get(k) or _targets(ledger, k, own):
            ledger.add(target, "dispute", _clause(ledger, k, target), ledger.drafts[k].canonical)
    accounts.find(ledger)


def _names_statement(ledger: Ledger, k: int) -> bool:
    d = ledger.drafts[k]
    return bool(_STATEMENT_RE.search(ledger.text[min(d.cue[1], d.content[0]) : d.content[1]]))


def _targets(ledger: Ledger, k: int, own: list[tuple[int, int] | None]) -> list[int]:
    """The claims denial `k` contests (see the module docstring), nearest first."""
    text, d = ledger.text, ledger.drafts[k]
    s = ledger.sent_of[k]

    def free(j: int) -> bool:
        return own[j] is None and not ledger.drafts[j].attached

    here = [
        j
        for j in range(k - 1, -1, -1)
        if ledger.sent_of[j] == s and not same_party(ledger.drafts[j], d) and free(j)
    ]
    if here and (_hangs_on_earlier(d) or hangs_on_statement(text, d)):
        return here[:1]  # "X said A, a claim Y dismissed" / "a claim quickly denied by Y"
    near = [j for j in ledger.others_before(d.cue[0], s, d) if free(j)]
    if ledger.shifts_topic(s):
        near = [j for j in near if ledger.sent_of[j] == s]
    said = _words_of(ledger, k)
    lo, hi = (
        (min(d.cue[1], d.content[0]), d.content[1])
        if d.attached
        else (min(d.cue[0], d.content[0]), d.sent[1])  # a quotation before its cue too
    )
    refs = references(text, lo, hi)
    named = any(r.clause for r in refs) or bool(_NAMES_CONTENT_RE.search(text, *d.content))
    for ref in refs:
        if ref.owner and ref.owner.lower() not in ("its", "their", "his", "her"):
            owned = [
                j
                for j in range(len(ledger.drafts))
                if j != k
                and abs(ledger.sent_of[j] - s) <= 2 * WINDOW
                and free(j)
                and not same_party(ledger.drafts[j], d)
                and fits(ref, text, ledger.drafts[j])
            ]
            owned = ledger.owned_by(ref.owner, owned)
            if not owned:
                return []  # it names whose statement it denies, and that one is not here
            given = [j for j in owned if j < k]
            if given and not ref.plural:
                owned = given  # "disputed the military account": one given already
            if ref.plural:
                return owned
            weights = {j: ledger.weight(ledger.words[j], said) for j in owned}
            top = max(weights.values())
            if top > 0:  # "Russia's claim about the Kramatorsk attack": all its claims about it
                return [j for j in owned if weights[j] >= 0.75 * top]
            best = min(owned, key=lambda j: abs(j - k))
            return _run(ledger, best, owned, ref.noun, said)
        if ref.clause:
            break  # "reports that the commander had resigned": matched by content below
        fitting = [j for j in near if fits(ref, text, ledger.drafts[j])]
        if fitting:
            if ref.plural:
                return fitting
            best = max(fitting, key=lambda j: (ledger.weight(ledger.words[j], said), j))
            return _run(ledger, best, fitting, ref.noun, said)
    denied = ledger.sentence_profile(*d.content)  # what it denies, not its own version after
    if not lede.own_words(d, own[k]):
        denied = {}  # a sequel that carries another's denial ("..., saying ..."): its version
    if not near:
        return lede.later(ledger, k, denied, free)
    scored = [(ledger.weight(ledger.words[j], said), -n, j) for n, j in enumerate(near)]
    best = max(scored)
    if best[0] >= 1.5 or (best[0] >= 1 and s - ledger.sent_of[best[2]] <= 2):
        return sorted(  # "there was no clash": every claim of another side that had one
            j
            for w, _, j in scored
            if w >= max(1.0, 0.75 * best[0]) and _same_side_as(ledger, j, best[2])
        )
    later = lede.later(ledger, k, denied, free)
    if later:
        return later
    if named:
        return []  # it says what it denies, and no claim here says that
    if (
        _DEMONSTRATIVE_RE.match(text, d.content[0], d.content[1])
        and s - ledger.sent_of[near[0]] <= 1
    ):
        return [near[0]]  # "pushed back on that", "said that was false": the last statement
    if d.affiliation and _FALSITY_ONLY_RE.match(text[d.content[0] : d.content[1]]):
        opposed = [  # "We do not comment on any kind of fake": the other side's last claim
            j
            for j in near
            if s - ledger.sent_of[j] <= 2
            and ledger.drafts[j].affiliation not in ("", d.affiliation)
        ]
        if opposed:  # and the claims that party made right before it: one account
            run = [opposed[0]]
            for j in near[near.index(opposed[0]) + 1 :]:
                if not same_party(ledger.drafts[j], ledger.drafts[opposed[0]]):
                    break
                run.append(j)
            return sorted(run)
    content = text[d.content[0] : d.content[1]]
    if d.affiliation and _INVOLVEMENT_RE.search(content):
        blaming = [j for j in near if names_side(ledger, j, d.affiliation)]
        if blaming:
            return blaming[:1]  # "denied any involvement": the claim that blamed its side
    if d.kind == cues.DENY and d.affiliation:
        about = [
            j for j in near if s - ledger.sent_of[j] <= 1 and names_side(ledger, j, d.affiliation)
        ]
        if about:  # "killed 10 militants of the Pakistani Taliban" / "The TTP denied ...": the
            return about[:1]  # claim about the denier's own side
    nearest = near[0]
    if (
        s - ledger.sent_of[nearest] <= 1
        and _denies_act(d, content)
        and _ACT_RE.search(
            text[ledger.drafts[nearest].content[0] : ledger.drafts[nearest].content[1]]
        )
    ):
        return [nearest]
    return []


def _same_side_as(ledger: Ledger, j: int, best: int) -> bool:
    a, b = ledger.drafts[j], ledger.drafts[best]
    return same_party(a, b) or bool(a.affiliation) and a.affiliation == b.affiliation


def _run(
    ledger: Ledger, best: int, options: list[int], noun: str, said: dict[str, str]
) -> list[int]:
    """An account or an accusation is everything its party said in the run of its claims
    around the claim named (no other party's claim between, no sentence without one), unless
    the denial's words single one out; a claim or figure is one claim, and the claims of its
    side just before it that say the same (weight 1.5: "Local media run by the group reported
    it captured the town" / "A spokesman said its fighters captured the town")."""
    if noun not in _WHOLE_ACCOUNTS or ledger.weight(ledger.words[best], said) > 0:
        return [best, *restated(ledger, best, options)]
    run = {best}
    for step in (-1, 1):
        last, j = best, best + step
        while 0 <= j < len(ledger.drafts):
            if not same_party(ledger.drafts[j], ledger.drafts[best]):
                break
            if abs(ledger.sent_of[j] - ledger.sent_of[last]) > 1:
                break
            if j in options:
                run.add(j)
            last, j = j, j + step
    return sorted(run)


def _words_of(ledger: Ledger, k: int) -> dict[str, str]:
    d = ledger.drafts[k]
    return ledger.sentence_profile(d.cue[0], d.sent[1])


def _denies_act(d, content: str) -> bool:  # noqa: ANN001
    """ "denied targeting civilians", "said its forces did not fire": an act denied."""
    return bool(_NEGATED_ANY_RE.search(content)) or (
        d.kind == cues.DENY and bool(_ACT_RE.search(content))
    )


def _hangs_on_earlier(d) -> bool:  # noqa: ANN001
    """Is the denial a relative or reduced clause on what came before it in its sentence?

    "..., a claim the navy dismissed" and "..., which Kyiv denied": the denied thing (its
    content) stands before its source. "..., a claim quickly denied by Kyiv": its source
    stands after its verb.
    """
    return d.content[0] < d.source[0] or d.source[0] > d.cue[0]


def _clause(ledger: Ledger, k: int, target: int) -> tuple[int, int]:
    """The evidence span of denial `k` against `target`: its sentence, or its clause in one."""
    d = ledger.drafts[k]
    if ledger.sent_of[k] != ledger.sent_of[target]:
        return d.sent
    lo = min(d.source[0], d.content[0], d.cue[0])
    hi = max(d.source[1], d.content[1], d.cue[1])
    following = [e.source[0] for e in ledger.drafts if d.sent[0] <= e.source[0] and e.cue[0] > hi]
    end = min(following) if following else d.sent[1]
    return lo, max(hi, min(end, d.sent[1]))
