"""What the article says about checking claims: unverified remarks and confirmations.

Unverified (evidence kind "unverified"): a remark found by verification.py ("could not be
independently verified", "provided no evidence", "unconfirmed reports") goes to
- the claim it sits in, unless it is part of what the source said;
- the claims it names: "the bloggers' reports" (every recent claim of the bloggers), "the
  monitor's claim", "the army's figures", "the group's claims" and "he provided no evidence"
  (the subject's claims), "neither account" and "either claim" (the accounts just set against
  each other), "the claim" (the nearest claim that is no denial);
- a remark about something no claim said ("the footage could not be verified"), or in a
  sentence that reports with no source ("was said to have been injured, but ... could not
  confirm this account"), goes nowhere.

Confirmed (evidence kind "confirmation"): a sentence in which someone or something confirms,
verifies or corroborates (verification.py) supports an earlier claim only when
- it is about the same proposition (an explicit reference, "confirmed the toll", or shared
  content with what the confirming verb governs, not the rest of its sentence: evidence.py),
  and a claim that only says something was not confirmed is nothing to corroborate, and
- it is independent: imagery, the outlet, or a party that is neither the claim's source nor on
  its side (the Ukrainian air force does not confirm a Ukrainian governor), also when another
  reports the confirmation ("she said the WHO had verified the deaths" does not confirm the
  World Health Organization's toll);
the confirming claim, if the sentence is one, is confirmed by the claim it corroborates.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import admissions, bodies, corroboration, cues, overlap, verification
from tui.pipeline.analyze.evidence import (
    WINDOW,
    Ledger,
    Reference,
    fits,
    owns_in,
    references,
    same_party,
)
from tui.pipeline.analyze.names import initials
from tui.pipeline.analyze.sources import Draft

_SIDES_RE = re.compile(r"\b(?:neither|either|both)\s+(?:side|party|parties|sides)\b", re.I)
_SUBJECT_RE = re.compile(
    r"\W*(?P<subject>(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)\s+(?:also\s+)?"
    r"(?:provided|offered|gave|presented|produced|cited|showed|did|has|had|have)\b",
    re.IGNORECASE,
)
# "..., but offered no evidence": a verb coordinated with the reporting verb, so its subject is
# the source, whatever the parser hung it on.
_COORDINATED_RE = re.compile(r"\b(?:but|and|yet|though)\s+(?:(?:has|had|have)\s+)?$", re.I)
_WHETHER_RE = re.compile(r"\s+(?:whether|if|that)\b|\s+(?:how|what|which|who|when)\b")
_PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "any"}
# A report with no source, in the remark's own sentence before it: what the remark is about.
_HEARSAY_RE = re.compile(
    r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:said|reported|"
    r"believed|thought|alleged|rumou?red)\s+to\b|\b(?:reportedly|allegedly|purportedly)\b",
    re.IGNORECASE,
)
_BY_RE = re.compile(r"\b(?:by|from)\s+(?P<name>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
_OUTLET_SUBJECT_RE = re.compile(
    r"\W*(?P<name>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)


def unverified(ledger: Ledger) -> None:
    text = ledger.text
    for m in verification.UNVERIFIED_RE.finditer(text):
        s = ledger.sentence_at(m.start())
        lo, hi = ledger.sentences[s]
        if m.start() >= hi or _WHETHER_RE.match(text, m.end(), hi):
            continue  # "did not confirm whether Deif was present": withheld, not a remark
        span, targets = _unverified_targets(ledger, s, m)
        by = _remark_by(text, lo, m.start())
        for k in targets:
            ledger.add(k, "unverified", span, by)


def _unverified_targets(
    ledger: Ledger, s: int, m: re.Match[str]
) -> tuple[tuple[int, int], list[int]]:
    text = ledger.text
    lo, hi = ledger.sentences[s]
    here = [k for k in range(len(ledger.drafts)) if ledger.sent_of[k] == s]
    own = [k for k in here if not ledger.drafts[k].attached and _remark_about_own(ledger, k, m)]
    if own:
        return (m.start(), _clause_end(text, m.end(), hi)), own
    named = [  # "unable to verify the ministry's claim that ...": the claim named after it
        k
        for k in here
        if m.end() <= ledger.drafts[k].cue[0] <= m.end() + 60
        and ledger.drafts[k].kind != "according"
        and ledger.text[ledger.drafts[k].cue[0] : ledger.drafts[k].cue[1]].lower() in cues.NOUN_CUES
    ]
    if named:
        return (lo, hi), named[:1]
    sentence = (lo, hi)
    earlier = [
        k
        for k in range(len(ledger.drafts))
        if s - 3 <= ledger.sent_of[k] < s and not ledger.drafts[k].attached
    ]
    if not earlier or ledger.shifts_topic(s) or _HEARSAY_RE.search(text, lo, m.start()):
        return sentence, []  # "X was said to have been injured, but ... unable to confirm this"
    reach = [k for k in range(len(ledger.drafts)) if s - 2 * WINDOW <= ledger.sent_of[k] < s]
    owned = [j for o in verification.two_owners(text, lo, hi) for j in ledger.owned_by(o, reach)]
    if owned:  # "the Iranian and Iraqi claims": both parties' claims
        return sentence, sorted({j for j in owned if not ledger.drafts[j].attached})
    refs = references(text, lo, hi)
    if refs:
        found: list[int] = []
        for ref in refs:
            found += [k for k in _referenced(ledger, s, ref, earlier) if k not in found]
        return sentence, sorted(found)
    if _SIDES_RE.search(text, lo, hi):
        return sentence, _accounts(ledger, earlier)
    subject = _subject_claims(ledger, s, earlier)
    if subject:
        return sentence, subject
    if _about_imagery(text, lo, m.start()):
        return sentence, []  # "the footage could not be verified": no claim said it
    plain = [k for k in earlier if not _denial(ledger, k)]
    if verification.PLURAL_RE.search(text, max(lo, m.start() - 40), min(hi, m.end() + 25)):
        return sentence, _accounts(ledger, earlier)
    return sentence, plain[-1:]


def _referenced(ledger: Ledger, s: int, ref, earlier: list[int]) -> list[int]:  # noqa: ANN001
    """The claims a reference in a remark names (see the module docstring)."""
    text = ledger.text
    if ref.owner and ref.owner.lower() not in ("its", "their", "his", "her"):
        reach = [
            k
            for k in range(len(ledger.drafts))
            if s - 2 * WINDOW <= ledger.sent_of[k] < s and not ledger.drafts[k].attached
        ]
        owned = [k for k in ledger.owned_by(ref.owner, reach) if fits(ref, text, ledger.drafts[k])]
        if ref.plural or ref.noun in ("account", "version", "story"):
            return owned
        return owned[-1:]
    if ref.owner or ref.noun in ("claims", "reports", "accounts", "statements"):
        subject = _subject_claims(ledger, s, earlier)
        if subject:
            return subject
    if ref.plural:
        return [k for k in _accounts(ledger, earlier) if fits(ref, text, ledger.drafts[k])]
    fitting = [k for k in earlier if fits(ref, text, ledger.drafts[k]) and not _denial(ledger, k)]
    return fitting[-1:]


def _remark_about_own(ledger: Ledger, k: int, m: re.Match[str]) -> bool:
    """Is remark `m`, in claim `k`'s sentence, about that claim (not part of what it says)?"""
    d = ledger.drafts[k]
    text = ledger.text
    if verification.SPEAKER_RE.match(m.group()):
        return True  # "said, without providing evidence, that ..."
    if verification.OFFERED_NONE_RE.match(m.group()) and _COORDINATED_RE.search(
        text, max(0, m.start() - 20), m.start()
    ):
        return True  # "said its fighters shot dead three soldiers, but offered no evidence"
    aside = verification.ASIDE_RE.search(text, max(0, m.start() - 40), m.start())
    if aside:
        return True
    if d.content[0] <= m.start() < d.content[1]:
        return bool(re.match(r"unconfirmed|unverified", m.group(), re.I)) and d.kind == cues.SPEECH
    return m.start() > d.cue[0]


def _clause_end(text: str, pos: int, hi: int) -> int:
    stop = re.search(r"[,;.]", text[pos:hi])
    return pos + stop.start() if stop else hi


def _subject_claims(ledger: Ledger, s: int, earlier: list[int]) -> list[int]:
    """ "He provided no evidence", "The group provided no evidence for its claims": the claims
    of the sentence's subject."""
    lo, hi = ledger.sentences[s]
    m = _SUBJECT_RE.match(ledger.text, lo, hi)
    if m is None:
        return []
    subject = m.group("subject").strip()
    kind = _PRONOUNS.get(subject.lower())
    if kind is not None:
        for k in reversed(earlier):
            d = ledger.drafts[k]
            if kind == "any" or (kind == "person") == d.person:
                return [j for j in earlier if same_party(ledger.drafts[j], d)]
        return []
    owned = ledger.owned_by(subject, earlier)
    if owned:
        last = ledger.drafts[owned[-1]]
        return [j for j in owned if same_party(ledger.drafts[j], last)]
    return []


def _accounts(ledger: Ledger, earlier: list[int]) -> list[int]:
    """The accounts just given: the claims of the last two parties to speak."""

    def party(k: int) -> str:
        d = ledger.drafts[k]
        return d.affiliation or d.canonical

    parties: list[str] = []
    for k in reversed(earlier):
        if party(k) not in parties:
            parties.append(party(k))
        if len(parties) == 2:
            break
    return [k for k in earlier if party(k) in parties]


def _denial(ledger: Ledger, k: int) -> bool:
    return "denial" in ledger.kinds(k)


def _about_imagery(text: str, lo: int, at: int) -> bool:
    return bool(
        re.search(
            r"\b(?:footage|video|videos|images?|photo(?:graph)?s?|clips?|recordings?)\b",
            text[lo:at],
            re.IGNORECASE,
        )
    )


def _remark_by(text: str, lo: int, at: int) -> str:
    """Who could not verify: "Reuters could not independently verify" -> "Reuters"."""
    m = _OUTLET_SUBJECT_RE.match(text, lo, at)
    if m is None or at - m.end() > 3:
        return ""
    name = m.group("name")
    return (
        ""
        if name.split()[0].lower() in ("the", "this", "neither", "it", "he", "she", "they")
        and len(name.split()) < 2
        else name.removeprefix("The ")
    )


_TRUE_RE = re.compile(
    r"\b(?:was|were|is|are|had been|has been)\s+(?:in fact\s+|indeed\s+|entirely\s+|completely\s+"
    r"|fully\s+)?(?:true|correct|accurate|right)\b",
    re.IGNORECASE,
)


def corroborated(ledger: Ledger) -> None:
    """ "locals said the PDF claim was in fact true", "the account provided by the PDF was
    correct": a claim that another party's statement is true corroborates it, when independent."""
    text = ledger.text
    for k, d in enumerate(ledger.drafts):
        m = _TRUE_RE.search(text, d.content[0], d.content[1])
        if m is None or d.attached:
            continue
        refs = [r for r in references(text, d.content[0], m.start()) if r.owner]
        if not refs:
            refs = [r for r in _owned_phrases(text, d.content[0], m.start())]
        for ref in refs:
            s = ledger.sent_of[k]
            reach = [j for j in range(k) if s - 2 * WINDOW <= ledger.sent_of[j] <= s]
            for j in ledger.owned_by(ref.owner, reach):
                if not corroboration.independent_of(ledger.drafts[j], d):
                    continue
                ledger.add(j, "confirmation", d.sent, d.canonical)
                ledger.add(k, "confirmation", ledger.drafts[j].sent, ledger.drafts[j].canonical)


_PROVIDED_RE = re.compile(
    r"\b(?:account|claim|report|version|statement)s?\s+(?:\w+\s+){0,4}?"
    r"(?:provided|given|made|issued|released)\s+by\s+(?:the\s+)?(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


def _owned_phrases(text: str, lo: int, hi: int) -> list:
    """ "the account of the incident provided by the PDF": its owner, as a reference."""
    return [
        Reference(m.start(), m.end(), "account", m.group("owner"), False, False)
        for m in _PROVIDED_RE.finditer(text, lo, hi)
    ]


def confirmed(ledger: Ledger, sentences: dict[int, str]) -> None:
    text = ledger.text
    for s in sorted(sentences):
        named = sentences[s]
        lo, hi = ledger.sentences[s]
        here = [k for k in range(len(ledger.drafts)) if ledger.sent_of[k] == s]
        confirmers = [k for k in here if ledger.drafts[k].kind == cues.CONFIRM]
        who_k, who = (confirmers[0], ledger.drafts[confirmers[0]]) if confirmers else (-1, None)
        by = who.canonical if who is not None else _confirmer(text, lo, hi)
        said = _confirmed_words(ledger, s, confirmers)
        # Who tells it ("the governor said officials had confirmed") is independent too.
        at = verification.confirmed_at(text, lo, hi)
        tellers = [h for h in here if at in range(*ledger.drafts[h].content)]
        told = [ledger.drafts[h] for h in tellers]
        candidates = [
            j
            for j in range(len(ledger.drafts))
            if s - WINDOW <= ledger.sent_of[j] < s
            and not ledger.drafts[j].attached
            and "denial" not in ledger.kinds(j)
            and not _remark_only(ledger, j)
            and (who is None or corroboration.independent_of(ledger.drafts[j], who))
            and all(corroboration.independent_of(ledger.drafts[j], t) for t in told)
            and not (named and _names_source(named, ledger.drafts[j]))
            and not any(same_party(ledger.drafts[j], ledger.drafts[h]) for h in here)
        ]
        if ledger.shifts_topic(s) or any("denial" in ledger.kinds(h) for h in tellers + confirmers):
            candidates = []  # "denied the claims, confirming that ...": the denier's account
        targets = _confirmed_targets(ledger, s, candidates, said)
        if not targets and confirmers and admissions.bare_event(text, ledger.drafts[who_k].content):
            targets = admissions.event_account(ledger, candidates)  # "confirmed the attack"
        for j in targets:
            ledger.add(j, "confirmation", (lo, hi), by)
            for k in confirmers:
                ledger.add(k, "confirmation", ledger.drafts[j].sent, ledger.drafts[j].canonical)


def _confirmed_targets(ledger: Ledger, s: int, candidates: list[int], said_text: str) -> list[int]:
    text = ledger.text
    said = overlap.profile(said_text)
    lo, hi = ledger.sentences[s]
    for ref in references(text, lo, hi):
        if ref.clause:
            break
        if ref.owner and ref.owner.lower() not in ("its", "their", "his", "her"):
            owned = [
                j
                for j in ledger.owned_by(ref.owner, candidates)
                if fits(ref, text, ledger.drafts[j])
            ]
            if owned:
                return owned[-1:]
            continue
        fitting = [j for j in candidates if fits(ref, text, ledger.drafts[j])]
        return fitting[-1:]
    if not candidates:
        return []

    def support(j: int) -> float:
        """Shared content, and 1.5 more when the sentence names the claim's source ("matched
        them to the location the residents described", "given by Ukraine's military")."""
        named = owns_in(text[lo:hi], ledger.drafts[j])
        return ledger.weight(ledger.words[j], said) + (1.5 if named else 0.0)

    best = max(candidates, key=lambda j: (support(j), j))
    # Two rare words or a number, or one in the very next sentence ("confirmed that about 30
    # rockets had crossed"); a telling item unless it names the source; counts that agree.
    named = owns_in(text[lo:hi], ledger.drafts[best])
    needed = 1.0 if ledger.sent_of[best] == s - 1 else 1.5 if named else 2.0
    told = text[slice(*ledger.drafts[best].content)]
    if support(best) < needed or corroboration.counts_differ(told, said_text):
        return []
    return [] if not named and not corroboration.telling(ledger, best, said) else [best]


def _remark_only(ledger: Ledger, j: int) -> bool:
    """Does claim `j` say only that something was not confirmed ("adding that the extent of
    the damage was not confirmed")? A remark about checking is nothing to corroborate."""
    lo, hi = ledger.drafts[j].content
    return verification.UNVERIFIED_RE.search(ledger.text, lo, hi) is not None


def _confirmed_words(ledger: Ledger, s: int, confirmers: list[int]) -> str:
    """What is confirmed: the content of the confirming verb when a claim holds it ("confirmed
    the army had taken the town back but said fighting continued": the taking, not the
    fighting), else what the verb governs ("satellite images confirmed a fire at the depot":
    the words after it; "reports of a fire were confirmed by ...": the words before it)."""
    text = ledger.text
    if confirmers:
        return " ".join(text[slice(*ledger.drafts[k].content)] for k in confirmers)
    return verification.confirmed_part(text, *ledger.sentences[s])


_BARE_RE = re.compile(r"^(?:the|The)\s+")


def _names_source(words: str, draft: Draft) -> bool:
    """Do the words naming who confirms name the claim's own source, in full or by its initials
    ("Dr Okafor said the WHO had verified the deaths" after the World Health Organization's
    toll): a party does not corroborate itself, even when another reports that it did."""
    if owns_in(words, draft):
        return True
    plain = words.replace(".", "").split()
    short = initials(draft.canonical)
    if len(short) >= 2 and short in plain:
        return True
    # A listed organisation by its other spelling ("UNICEF", "United Nations Children's Fund").
    keys = {bodies.known_key(_BARE_RE.sub("", n)) for n in (draft.name, draft.canonical)}
    keys.discard(None)
    named = [" ".join(plain), _BARE_RE.sub("", " ".join(plain)), *plain]
    return bool(keys) and any(bodies.known_key(n) in keys for n in named)


def _confirmer(text: str, lo: int, hi: int) -> str:
    """Who or what confirms, for the status line: "reviewed by Frontline Wire" -> that name."""
    m = _BY_RE.search(text, lo, hi)
    if m is not None:
        return m.group("name").removeprefix("the ").removeprefix("The ")
    return ""
