"""Evidence for claim statuses, and how a piece of evidence finds the claim it is about.

Every status other than "claimed" rests on evidence spans (docs/CLAIMS.md): the claim's own
denial, another party's statement against it, a remark that it could not be verified, an
independent confirmation. `Ledger` collects them per claim; `status` reads the strongest kind
by the precedence below.

Evidence is about a claim only when it is about the same proposition (`about`):
- an explicit reference to it: "the claim", "the figure", "Moscow's account", "the bloggers'
  reports", "the death toll reported by the ministry" (`references`); with an owner, every
  recent claim of that owner; without one, the nearest claim that fits the noun (a figure or toll
  needs a number);
- or shared content: words weighted by how rare they are in the article (a word in one or two
  sentences counts 1, a commoner one 0.5), numbers 2.
Proximity alone never links evidence to a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.models import Evidence
from tui.pipeline.analyze import bodies, cues, overlap, sides
from tui.pipeline.analyze.lexicon import words
from tui.pipeline.analyze.sources import Draft

# Precedence when evidence conflicts: a denial is what the statement is; another party's
# contradiction outranks a confirmation (the reader must see that the claim is contested, and
# the confirmation stays listed as evidence); a confirmation outranks a remark that the claim
# could not be verified (the remark is about the claim as first made).
PRECEDENCE = ("denial", "dispute", "confirmation", "unverified")
STATUS_OF = {
    "denial": "denied",
    "dispute": "disputed",
    "confirmation": "confirmed",
    "unverified": "unconfirmed",
}
WINDOW = 4  # sentences back that evidence may reach without an owner named

_NOUNS = (
    r"claims?|reports?|reporting|accounts?|figures?|tolls?|death tolls?|numbers?|tall(?:y|ies)|"
    r"counts?|estimates?|allegations?|accusations?|assertions?|statements?|versions?|stor(?:y|ies)|"
    r"charges?|narratives?|information|account of events|deaths?|killings?"
)
# Where the owner after "reported by" ends: at an auxiliary, a conjunction or a preposition
# ("the figure given by the army could not be verified": the owner is "the army").
_STOPS_OWNER = (
    r"(?:could|can|cannot|was|were|is|are|has|have|had|would|will|did|does|do|may|might|"
    r"and|but|or|which|that|who|in|on|at|of|for|to|as|with|from|after|before|since)"
)
_REFERENCE_RE = re.compile(
    r"\b(?:(?P<det>(?i:the|these|those|such|this|that|its|their|his|her|either|neither|both|"
    r"any|all|each|a|an))\s+|(?P<owner>(?:(?i:the)\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|"
    r"(?i:the)\s+[a-z]+(?:\s+[a-z]+)?)['’]s?\s+)"
    r"(?P<adj>(?:[A-Z][\w-]*|(?i:two|earlier|initial|latest|official|reported|casualty|death|"
    r"rebel|militant|insurgent|guerrilla|army|military))"
    r"\s+)?(?P<noun>(?i:" + _NOUNS + r"))\b"
    r"(?:\s+(?:reported|given|released|published|issued|put out|made|cited)\s+by\s+"
    r"(?P<by>(?:the\s+)?[\w'’-]+(?:\s+(?!" + _STOPS_OWNER + r"\b)[\w'’-]+){0,5}))?",
)
_PLURAL_RE = re.compile(r"(?:s|ies)$|^(?:neither|either|both|these|those|all)$")
_FIGURE_NOUNS = frozenset(
    ("figure", "figures", "toll", "tolls", "number", "numbers", "tally", "tallies", "count",
     "counts", "estimate", "estimates", "death toll", "death tolls")
)  # fmt: skip
_PRONOUN_OWNERS = frozenset(("its", "their", "his", "her"))
_NUMBER_RE = re.compile(r"\d")
_ARMED_NOUNS = words(
    "group rebels insurgents militants fighters militia force forces faction movement "
    "jihadists paramilitaries rebel insurgent militant guerrilla guerrillas"
)
_PARTY_ADJECTIVES = words("rebel militant insurgent guerrilla army military")
_BODY_NOUNS = words("organization organisation agency monitor charity")
# A state's forces under any of their common names: "the army's count" is the military's.
_STATE_ARMS = words("army military troops soldiers")
_ACRONYM_RE = re.compile(r"\b(?:the\s+)?[A-Z]{3,6}\s+(?:had|has|have|was|were|is|are|\w+ed)\b")
_STATE_ARMS_RE = re.compile(r"\b(?:army|military|armed forces|troops|soldiers)\b")
_ACCUSING = words("accuse blame allege charge implicate")
_PARTY_WORDS_RE = re.compile(
    r"\b(?:army|military|forces|troops|soldiers|police|government|regime|militia|militias|"
    r"rebels|fighters|militants|drones?|aircraft|warplanes|artillery)\b",
    re.IGNORECASE,
)
_CASUALTY_NOUNS = frozenset(("death", "deaths", "killing", "killings"))
_APPEALS = words("call urge demand ask appeal plead implore beg request")
_NAME_HEAD_RE = re.compile(r"^(?:the|a|an)\s+")
_SHIFT_RE = re.compile(
    r"\W*(?:separately|elsewhere|meanwhile|in other news|in an unrelated (?:development|move|"
    r"incident)|in a separate (?:development|incident|statement))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reference:
    """ "the bloggers' reports": the noun, its owner (words, or "" for none), plural or not."""

    start: int
    end: int
    noun: str
    owner: str
    plural: bool
    clause: bool  # followed by its own content ("reports that the commander had resigned")


class Ledger:
    """The drafts of one article with their sentences, words, and the evidence found so far."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], drafts: list[Draft]) -> None:
        self.text = text
        self.sentences = sentences
        self.drafts = drafts
        self.starts = [s for s, _ in sentences]
        self.sent_of = [self.sentence_at(d.cue[0]) for d in drafts]
        self.words = [overlap.profile(text[d.content[0] : d.content[1]]) for d in drafts]
        seen: Counter[str] = Counter()
        for lo, hi in sentences:
            seen.update(overlap.content_words(text[lo:hi]))
        self.df = seen
        self.found: list[list[Evidence]] = [[] for _ in drafts]

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def add(self, k: int, kind: str, span: tuple[int, int], by: str = "") -> None:
        item = Evidence(start=span[0], end=span[1], kind=kind, by=by)
        if all(
            (e.start, e.end, e.kind) != (item.start, item.end, item.kind) for e in self.found[k]
        ):
            self.found[k].append(item)

    def kinds(self, k: int) -> set[str]:
        return {e.kind for e in self.found[k]}

    def status(self, k: int) -> str:
        kinds = self.kinds(k)
        for kind in PRECEDENCE:
            if kind in kinds:
                return STATUS_OF[kind]
        return "claimed"

    def sentence_span(self, s: int) -> tuple[int, int]:
        return self.sentences[s]

    def weight(self, words: dict[str, str], other: dict[str, str], halve: bool = True) -> float:
        """How much two content profiles share (`shared_weight`), a number, name or word
        halved when the word is in more than two sentences of the article (unless `halve` is
        False)."""
        return shared_weight(words, other, self.df if halve else None)

    def sentence_profile(self, lo: int, hi: int) -> dict[str, str]:
        return overlap.profile(self.text[lo:hi])

    def shifts_topic(self, s: int) -> bool:
        """Does sentence `s` open on another subject ("Separately, ...", "Elsewhere, ...")?"""
        lo, hi = self.sentences[s]
        return bool(_SHIFT_RE.match(self.text, lo, hi))

    def others_before(self, pos: int, s: int, by: Draft | None, reach: int = WINDOW) -> list[int]:
        """Claims before `pos` in sentences s-reach..s, not by `by`'s source, nearest first."""
        return [
            j
            for j in range(len(self.drafts) - 1, -1, -1)
            if s - reach <= self.sent_of[j] <= s
            and self.drafts[j].cue[0] < pos
            and (by is None or not same_party(self.drafts[j], by))
        ]

    def owned_by(self, owner: str, candidates: list[int]) -> list[int]:
        """The candidates whose source `owner` names ("Moscow", "the bloggers", "Israeli")."""
        return [j for j in candidates if owns(owner, self.drafts[j])]


def shared_weight(
    words: dict[str, str], other: dict[str, str], df: Mapping[str, int] | None = None
) -> float:
    """How much two content profiles (overlap.profile) share: a number counts 2, a name 1.5,
    another word 1 (halved when *df*, given, puts the word in more than two sentences), a
    word of a family ("killed" / "losses") 0.5, a country or demonym 0.25."""
    score = 0.0
    for word in words.keys() & other.keys():
        kinds = {words[word], other[word]}
        if "num" in kinds:
            score += 2.0
        elif "side" in kinds:
            score += 0.25
        elif "family" in kinds:
            score += 0.5
        else:
            base = 1.5 if "name" in kinds else 1.0
            score += base if df is None or df[word] <= 2 else base / 2
    return score


# What a party said, named by the saying: "everything that has been announced by the Free
# Fezzan Army", "what the rebels said", "all that Kyiv claims".
_WHAT_SAID_RE = re.compile(
    r"\b(?i:everything|all|whatever|what)\s+(?:that\s+)?(?:(?:has|have|had)\s+been\s+|"
    r"(?:is|was|were|are)\s+(?:being\s+)?)?(?:said|announced|claimed|reported|stated|published)"
    r"\s+by\s+(?P<by>(?:the\s+)?[\w'’-]+(?:\s+(?!" + _STOPS_OWNER + r"\b)[\w'’-]+){0,5})|"
    r"\b(?i:everything|all|whatever|what)\s+(?:that\s+)?(?P<owner>(?:the\s+)?[A-Z\w][\w'’-]*"
    r"(?:\s+[\w'’-]+){0,4}?)\s+(?:has\s+|had\s+)?(?:said|says|claimed|claims|announced|"
    r"announces|reported|reports|alleged|alleges)\b"
)
_EPITHETS_RE = re.compile(r"\b(?:self-(?:proclaimed|styled)|so-called)\s+", re.IGNORECASE)


def references(text: str, lo: int, hi: int) -> list[Reference]:
    """Explicit references to statements in text[lo:hi]: "the claim", "Moscow's account",
    "what the government said"."""
    out = []
    for m in _WHAT_SAID_RE.finditer(text, lo, hi):
        owner = _EPITHETS_RE.sub("", m.group("by") or m.group("owner") or "").strip()
        if owner.lower() not in ("he", "she", "it", "they", "we", "i", "you", "the", "that"):
            out.append(Reference(m.start(), m.end(), "statements", owner, True, False))
    for m in _REFERENCE_RE.finditer(text, lo, hi):
        noun = m.group("noun")
        det = (m.group("det") or "").lower()
        owner = m.group("by") or m.group("owner") or ""
        adj = (m.group("adj") or "").strip()
        if not owner and adj and (adj[:1].isupper() or adj.lower() in _PARTY_ADJECTIVES):
            owner = adj  # "the Israeli statement", "the Russian claim", "the rebel statement"
        if det in _PRONOUN_OWNERS:
            owner = det
        if det in ("a", "an") and not owner:
            continue  # "a report" names no statement; "a CNN report" names CNN's
        after = text[m.end() : m.end() + 6].lower()
        out.append(
            Reference(
                start=m.start(),
                end=m.end(),
                noun=noun.lower(),
                owner=owner.strip(),
                plural=bool(_PLURAL_RE.search(noun.lower()) or _PLURAL_RE.search(det)),
                clause=after.startswith((" that", " of ", " abou")),
            )
        )
    return out


def fits(reference: Reference, text: str, draft: Draft) -> bool:
    """Can the claim be what the reference names? A figure or toll needs a number in it; an
    appeal ("called for talks") is no claim, report or accusation."""
    if reference.noun in _CASUALTY_NOUNS:
        return "#dead" in overlap.profile(text[draft.content[0] : draft.content[1]])
    if reference.noun not in _FIGURE_NOUNS:
        words = text[draft.cue[0] : draft.cue[1]].lower().split()
        base = cues.VERB_BASE.get(words[-1], "") if words else ""
        if base in _APPEALS:
            return False
        if reference.noun.rstrip("s") in ("accusation", "allegation", "charge"):
            return base in _ACCUSING or _names_party(text[draft.content[0] : draft.content[1]])
        return True
    if reference.noun in _FIGURE_NOUNS:
        content = text[draft.content[0] : draft.content[1]]
        return bool(_NUMBER_RE.search(content)) or bool(
            re.search(
                r"\b(?:dozens|hundreds|thousands|scores|one|two|three|four|five|six|seven|"
                r"eight|nine|ten|twelve|twenty)\b",
                content,
                re.IGNORECASE,
            )
        )
    return True


def _names_party(content: str) -> bool:
    """Does a claim name someone to accuse: a country, group, seat of power, or armed body?"""
    if _PARTY_WORDS_RE.search(content):
        return True
    for word in re.findall(r"[A-Z][\w'’.-]*", content):
        part = word.split("-")[0]
        if sides.country(part) or sides.group(part) or part.lower() in sides.seats():
            return True
    return bool(_ACRONYM_RE.search(content))  # "the SPLA had shot down": an armed body's initials


def owns(owner: str, draft: Draft) -> bool:
    """Does `owner` ("Moscow", "the rebels", "Israeli", "the ministry") name `draft`'s source?"""
    words = [w for w in re.findall(r"[\w'’.-]+", owner) if w.lower() not in ("the", "a", "an")]
    if not words:
        return False
    side = None
    for n in range(len(words), 0, -1):  # "the Myanmar National Democratic Alliance Army"
        found = sides.group(" ".join(words[:n]))
        if found is not None:
            side = found[1]
            break
    if side is None and len(words) <= 3:
        side = sides.country(" ".join(words)) or sides.country(words[0])
    if side is not None and draft.affiliation == side:
        return True
    source = (draft.name + " " + draft.canonical).lower().replace("’", "'")
    stems = {w[:5] for w in re.findall(r"[a-z][a-z'-]+", source)}
    if all(w.lower().replace("’", "'")[:5] in stems for w in words if len(w) > 2):
        return True
    head = words[-1].lower()
    if head in _STATE_ARMS and not draft.person and _STATE_ARMS_RE.search(source):
        return sides.group(draft.canonical) is None  # "the army's count": the military's
    key = bodies.known_key(" ".join(words))
    if key is not None and any(  # "the United Nations' accusation": the U.N. spokesman's
        bodies.known_key(w.strip(",")) == key for w in draft.name.split()
    ):
        return True
    if head in _ARMED_NOUNS:  # "the group's statement", "the rebels' account"
        side = draft.affiliation  # a named force, or a group of no country ("the UFDD")
        return sides.group(draft.canonical) is not None or bool(side) and not sides.country(side)
    return head in _BODY_NOUNS and not draft.person and draft.affiliation == ""


def owns_in(sentence: str, draft: Draft) -> bool:
    """Does `sentence` name `draft`'s source (its name's head noun, or its canonical name)?"""
    low = sentence.lower().replace("’", "'")
    name = _NAME_HEAD_RE.sub("", draft.canonical.lower())
    if len(name) > 3 and name in low:
        return True
    head = re.split(r"\s(?:of|in|at|for|from|on|near|who|which|that)\s", draft.name.lower())[0]
    words = re.findall(r"[a-z][a-z'-]{3,}", head)
    return bool(words) and re.search(r"\b" + re.escape(words[-1]) + r"\b", low) is not None


def same_party(a: Draft, b: Draft) -> bool:
    """One source: equal or nested names, or one canonical name."""
    if a.canonical and a.canonical == b.canonical:
        return True
    x, y = overlap.normal_name(a.name), overlap.normal_name(b.name)
    return bool(x) and bool(y) and (x == y or x in y or y in x)


def independent(claim: Draft, confirmer: Draft) -> bool:
    """Can `confirmer` corroborate `claim`? Not its own source, and not a party with a side
    unless the claim's side is known and another one (a Ukrainian body does not confirm a
    governor the text ties to no side; the UN, or an outlet, may)."""
    if same_party(claim, confirmer):
        return False
    if not confirmer.affiliation:
        return True
    if confirmer.affiliation in sides.camp(claim.affiliation):
        return False  # the NUG confirming the PDF: one camp (data/allies.tsv)
    return bool(claim.affiliation) and claim.affiliation != confirmer.affiliation


def claim_span(ledger: Ledger, k: int, other: int) -> tuple[int, int]:
    """Claim `k` as evidence for claim `other`: its sentence, or its clause in a shared one."""
    d = ledger.drafts[k]
    if ledger.sent_of[k] != ledger.sent_of[other]:
        return d.sent
    spans = (d.source, d.cue, d.content)
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def names_side(ledger: Ledger, j: int, side: str) -> bool:
    """Does claim `j`'s content name `side` ("Iranian-backed militias" names Iran)?"""
    d = ledger.drafts[j]
    content = ledger.text[d.content[0] : d.content[1]]
    own = sides.own_name(re.findall(r"[A-Za-z][\w'’.-]*", content))
    if own is not None and own[0] == side:
        return True  # "the Western Togoland Restoration Front had bombed ...": an unlisted group
    words = re.findall(r"[A-Za-z][\w'’.-]*", content)
    for k, word in enumerate(words):
        if not word[:1].isupper():
            continue
        for n in (4, 3, 2):  # "the Pakistani Taliban", "Myanmar National Democratic Alliance"
            found = sides.group(" ".join(words[k : k + n]))
            if found is not None and found[1] == side:
                return True
        for part in (word, word.split("-")[0]):
            found = sides.group(part)
            if (found is not None and found[1] == side) or sides.country(part) == side:
                return True
    return False


def restated(ledger: Ledger, best: int, options: list[int]) -> list[int]:
    """Claims of `best`'s side (its source, or one of a known side) right before it (no other
    party between, no sentence without one) that share its content: the same claim told twice."""
    b, out, last = ledger.drafts[best], [], best
    for j in range(best - 1, -1, -1):
        d = ledger.drafts[j]
        if not (same_party(d, b) or (b.affiliation and d.affiliation == b.affiliation)):
            break
        if ledger.sent_of[last] - ledger.sent_of[j] > 1:
            break
        if j in options and ledger.weight(ledger.words[j], ledger.words[best]) >= 1.5:
            out.append(j)
        last = j
    return out
