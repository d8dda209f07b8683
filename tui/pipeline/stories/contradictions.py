"""Contradictions: pairs of ledger rows of different speakers that cannot both be right.

Three kinds, between rows of two speakers that do not speak for one party (a state and an
armed force of the country it fights in are two, whatever country the analysis gives it):
- `denial`: a row of denials against a row it answers: one the analysis marked disputed in an
  article that carries the denial, one whose statement shares DENIAL_OVERLAP of the denial's
  ("did not strike homes" / "struck homes"; not an act alone: "none of its fighters were
  killed" / "27 killed"; a denied act or tie needs that act or tie: "denied striking the
  hospital" / "sent supplies to the hospital"), or one on the pole of an opposition that what
  it denies stands on ("denied killing civilians" / "31 people were killed at the market";
  "no civilian was harmed" too); a denial of who holds a place answers only accounts of who
  holds it (denied.py);
- `dispute`: two rows on opposite poles of one family of incompatible accounts
  (lexicon.OPPOSITIONS: a military objective or homes and civilians; a place taken or held; a
  target hit or unharmed), each on one pole only, neither a denial;
- `figures`: two speakers' different amounts for the same quantity of the same kind of thing,
  given within FIGURE_HOURS of each other; a toll that rises over days is an update, and the
  same speaker's amounts never contradict each other.
A pair found as a denial is not reported again as a dispute. `a` answers (the denial, or the
later one), `b` is answered."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tui.pipeline.stories import lexicon
from tui.pipeline.stories.countries import country_of, name_tokens
from tui.pipeline.stories.denied import HARMED, same_proposition
from tui.pipeline.stories.figures import Figure, FigureMention
from tui.pipeline.stories.ledger import LedgerRow
from tui.pipeline.stories.parties import GENERIC_NAMES, names_body, officer_of_state
from tui.pipeline.stories.poles import (
    ACTS,
    HIT,
    POLES,
    displacement_only,
    pole,
    sides,
    told_statements,
)
from tui.pipeline.stories.scope import same_places
from tui.pipeline.stories.statements import blamed_first, overlap
from tui.pipeline.stories.words import claim_key, keys, negated_keys

DENIAL_OVERLAP = 0.5
FIRST = len(lexicon.OPPOSITIONS) + 1  # the dispute over who fired first
FIGURE_HOURS = 24.0
KINDS = ("denial", "dispute", "figures")


@dataclass(frozen=True, slots=True)
class Contradiction:
    a: str  # row id of the row that answers
    b: str  # row id of the row answered
    kind: str  # one of KINDS


_VERDICT = frozenset(claim_key(w) for w in lexicon.VERDICT_WORDS) - {""}
_ARMED_MEN = frozenset((claim_key("soldiers"), claim_key("fighters")))  # military, fighter
_BACKING = claim_key("backing")  # "denied arming the M23": answers accounts of that tie only


def find_contradictions(rows: list[LedgerRow], figures: Iterable[Figure]) -> list[Contradiction]:
    by_id = {row.id: row for row in rows}
    found: dict[frozenset[str], Contradiction] = {}
    for a, b in _denials(rows):
        found.setdefault(frozenset((a.id, b.id)), Contradiction(a.id, b.id, "denial"))
    disputes = list(_disputes(rows))
    # Who the dead were outweighs how many: "killed up to 85 of them" (officers) against "10
    # dead, two of them children" is a dispute over what was hit; soldiers' counts stay figures.
    what_was_hit = {frozenset((a.id, b.id)) for a, b, n in disputes if n == 1}
    for a, b, kind in _figure_pairs(list(figures), by_id):
        if kind in _MILITARY_KINDS or frozenset((a.id, b.id)) not in what_was_hit:
            found.setdefault(frozenset((a.id, b.id)), Contradiction(a.id, b.id, "figures"))
    for a, b, _ in disputes:
        found.setdefault(frozenset((a.id, b.id)), Contradiction(a.id, b.id, "dispute"))
    order = {row.id: k for k, row in enumerate(rows)}
    return sorted(found.values(), key=lambda c: (KINDS.index(c.kind), order[c.a], order[c.b]))


def _apart(one: LedgerRow, other: LedgerRow) -> bool:
    """Two speakers that may contradict each other: not one speaker or party, a body and the
    named spokesperson its wording gives it ("civil defence spokesman Mahmoud Basal"), a state
    and its ranked officer. A state and a speaker that is not the state are two, whatever
    country the analysis ties the other to (a hospital, its director, a witness)."""
    if one.source_key == other.source_key:
        return False
    if _speaks_for(one, other) or _speaks_for(other, one) or officer_of_state(one, other):
        return False
    if _against_its_state(one, other) or _against_its_state(other, one):
        return True
    same = bool(one.affiliation) and one.affiliation == other.affiliation
    if same and (_state_run(one) or _state_run(other)):
        return False  # "military-run Global New Light of Myanmar" and the junta
    if one.source_key.startswith("state:") != other.source_key.startswith("state:"):
        return True  # a state and a hospital, a witness or a local official of its country
    return not (one.affiliation and one.affiliation == other.affiliation)


def _against_its_state(state: LedgerRow, group: LedgerRow) -> bool:
    """A state and an armed force of the country it fights in ("Myanmar's military
    government" / "the Arakan Army", both tied to Myanmar): two sides, whatever the country
    the analysis ties each to."""
    if not state.source_key.startswith("state:") or group.source_key.startswith("state:"):
        return False
    named = f"{group.source} {group.source_key}".casefold()
    return not lexicon.ARMED_GROUP_WORDS.isdisjoint(re.findall(r"[a-z]+", named))


def _state_run(row: LedgerRow) -> bool:  # "military-run ...", "state broadcaster"
    words = re.findall(r"[a-z]+(?:-[a-z]+)?", row.source.casefold())
    return any(
        w.partition("-")[0] in lexicon.STATE_RUN and w.partition("-")[2] in ("run", "owned")
        or w == "state" and nxt in lexicon.STATE_OUTLETS
        for w, nxt in zip(words, [*words[1:], ""], strict=True)
    )


def _speaks_for(person: LedgerRow, body: LedgerRow) -> bool:
    """Whether a person's row is worded as a spokesperson of the body of the other row: every
    proper word of the body's name, or its initials ("BLA spokesman Jeeyand Baloch" for the
    Balochistan Liberation Army), in one of the person's source phrases."""
    if not person.source_key.startswith("person:") or body.source_key.startswith("person:"):
        return False
    return names_body([m.claim.source for m in person.mentions], body.source)


def _denials(rows: list[LedgerRow]) -> Iterable[tuple[LedgerRow, LedgerRow]]:
    weight = _weights(rows)
    for denial in (r for r in rows if r.is_denial):
        names = {m.claim.source_canonical.casefold() for m in denial.mentions} - {""}
        articles = {m.article_id: m.start for m in denial.mentions if m.denial}
        denied = [
            _counter(k.removeprefix("not:") for k in st if k.removeprefix("not:") not in _VERDICT)
            for m, st in zip(denial.mentions, denial.statements, strict=True)
            if m.denial
        ]
        owners = _owners_named(denial, rows)
        own = set().union(*(d for d in denied if _BACKING not in d)) - ACTS
        tie = set().union(*(d for d in denied if _BACKING in d)) - ACTS
        # What it denies stands on a pole of what was hit or who holds a place: "denied
        # killing civilians" answers every civilian toll, "denied its fighters used the school"
        # every account of fighters hit there, in any words.
        poles = {
            pole
            for m, st in zip(denial.mentions, denial.statements, strict=True)
            if m.denial and m.scope.of_event  # not "targeting civilians in previous attacks"
            for pole in _denied_poles(
                _reported(m.content) or _what_is_denied(m.claim.cue, st, m.content)
            )
        }
        for row in rows:
            if row.is_denial or not _apart(denial, row) or not _told(row):
                continue
            if owners and not owners & _names(row):
                continue  # "the Russian claim is false" answers Russia's claims only
            if all(displacement_only(st) for st in told_statements(row)):
                continue  # "2,400 families fled the camp" tells no act to deny
            if all(any(k.startswith("not:") for k in st) for st in told_statements(row)):
                continue  # "there is not a single military object here": nothing to deny
            stands = sides(row)
            if not same_proposition(denied, stands):
                continue  # "did not occupy the town" / "seven killed in the town"
            if poles == {1} and -1 in stands and 1 not in stands:
                continue  # "denied its fighters used the school" / "22 killed at the school"
            if (
                poles & stands
                or _disputed_by(row, names, articles)
                and (own | (tie if _BACKING in row.statement else set())) & row.statement
            ) or any(
                len(d) >= 2
                and not set(d).isdisjoint(st - ACTS)  # "none of its fighters were killed"
                and (set(d).isdisjoint(ACTS) or not (set(d) & ACTS).isdisjoint(st))
                and (_BACKING not in d or _BACKING in st)  # "denies backing the group"
                and overlap(d, _counter(st), weight) >= DENIAL_OVERLAP  # is not "27 killed"
                for d in denied
                for st in row.statements
            ):
                yield denial, row


def _denied_poles(denied: frozenset[str]) -> set[int]:
    """The poles of lexicon.OPPOSITIONS what a denial says is untrue stands on: a military
    objective or armed men wherever they were ("denied any soldiers were at the market": +1),
    else civilians harmed ("denied killing civilians", "denied targeting homes": -1); a place
    taken or held. A denial of "the claim" or "the report" names no content of its own."""
    if not denied or denied & _VERDICT or _BACKING in denied:  # "denied arming the rebels"
        return set()
    first, second = POLES[0]
    found = {pole(denied, 2)} - {0}
    if denied & (first | _ARMED_MEN):
        found.add(1)
    elif denied & second and denied & _HURT:  # "no civilian was harmed" (twenty-first pass)
        found.add(-1)
    return found


def _reported(content: str) -> frozenset[str]:
    """What a denial of a report says is untrue: the words after "reports of", "the claim
    that", "responsibility for" ("rejected reports of civilian deaths as propaganda": civilian
    deaths; thirteenth pass). Empty when it denies no report's words."""
    found = _REPORTED.search(content)
    return frozenset(negated_keys(content[found.end() :])) - _VERDICT if found else frozenset()


_POLE_WORDS = POLES[0][0] | POLES[0][1]
_HURT = ACTS | HARMED  # what a denial may say was not done: acts of war and bodily harm
_HABIT = re.compile(r"\b(?:does|do)\s+not\b|\b(?:doesn|don)['’]t\b|\bnever\b", re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(?:reports?|claims?|accusations?|allegations?|responsibility)\s+(?:of|that|for)\s+",
    re.IGNORECASE,
)


def _what_is_denied(cue: str, statement: frozenset[str], content: str = "") -> frozenset[str]:
    """The keys a denial says are untrue: those under its negation ("there were no military
    units here. This is a student city": the units, not the students), or, after a verb of
    denial, all of them ("denied killing civilians"); none otherwise (a name it is called)."""
    negated = frozenset(k.removeprefix("not:") for k in statement if k.startswith("not:"))
    told = not _HABIT.search(content)  # "it does not target civilians": a policy, no event
    if told and negated and (negated & _HURT or negated & _POLE_WORDS and statement & _HURT):
        # a negated act takes its object, a negated object its act: "did not target
        # civilians", "no civilians were targeted" deny targeting civilians (eighteenth pass)
        return negated | (statement & (_HURT | _POLE_WORDS))
    if negated:
        return negated
    if any(w.casefold() in lexicon.DENIAL_CUES for w in cue.split()):
        return statement
    return frozenset()


def _told(row: LedgerRow) -> bool:
    """Whether one of the row's mentions tells the event itself (scope.Scope.of_event)."""
    return any(m.scope.of_event for m in row.mentions)


def _names(row: LedgerRow) -> frozenset[str]:
    """The ways a row's party is named: its affiliation, its speaker's name and key, as
    comparison keys ("Houthis" -> "houthi")."""
    found = set()
    for name in (row.affiliation or "", row.source, row.source_key.partition(":")[2]):
        found.update(keys(name))
    return frozenset(found) - GENERIC_NAMES


def _owners_named(denial: LedgerRow, rows: list[LedgerRow]) -> frozenset[str]:
    """The parties a denial names as the owners of what it denies ("the Russian claim",
    "the Houthi movement's claim", "Moscow's account"): a name within three words before a
    word of its verdict. Empty when it names none."""
    found = set()
    for m in denial.mentions:
        words = name_tokens(m.content)
        for i, word in enumerate(words):
            if word.casefold() not in lexicon.VERDICT_WORDS or i == 0:
                continue
            for name in words[max(0, i - 3) : i]:
                if not name[:1].isupper():
                    continue
                country = country_of(name.removesuffix("'s"))
                found.update(keys(country) if country else keys(name.removesuffix("'s")))
    mine = _names(denial)
    return frozenset(found - mine) & frozenset().union(*(_names(r) for r in rows))


def _disputed_by(row: LedgerRow, names: set[str], articles: dict[str, int]) -> bool:
    """Whether the analysis says the denial's speaker disputes one of the row's mentions in an
    article that carries the denial (its evidence names who disputes: `by`)."""
    for m in row.mentions:
        if m.article_id not in articles:
            continue
        if any(e.kind == "dispute" and e.by.casefold() in names for e in m.claim.evidence):
            return True
    return False


def _weights(rows: list[LedgerRow]) -> dict[str, float]:
    """Rarity of each key among the story's mentions: a word every claim shares (the town's
    name, "strike") says little about which claim a denial answers."""
    df: Counter[str] = Counter()
    n = 0
    for row in rows:
        for st in row.statements:
            df.update({k.removeprefix("not:") for k in st})
            n += 1
    return {k: math.log(1.0 + n / c) for k, c in df.items()}


def _disputes(rows: list[LedgerRow]) -> Iterable[tuple[LedgerRow, LedgerRow, int]]:
    """Pairs of rows on opposite poles of a family of lexicon.OPPOSITIONS, with the family
    (the lowest, when they oppose on several)."""
    stands = [sides(row) for row in rows]
    places = [_places(row) for row in rows]
    for i, one in enumerate(rows):
        for j in range(i + 1, len(rows)):
            other = rows[j]
            if one.is_denial or other.is_denial or not _apart(one, other):
                continue
            near = _near(one, other)
            first, second = blamed_first(one.statement), blamed_first(other.statement)
            if near and first and second and first.isdisjoint(second):  # who fired first,
                yield other, one, FIRST  # each side often at its own village: "Pakistani
                continue  # troops had opened unprovoked fire" / "Indian forces started it"
            if not same_places(places[i], places[j]):
                continue
            opposed = sorted(
                abs(s)
                for s in stands[i]
                if abs(s) != HIT and -s in stands[j] and (near or abs(s) == 1)
            )  # a later toll of the strike disputes what it hit as the first did
            if opposed:
                yield other, one, opposed[0]
            elif (
                near
                and -HIT in stands[i] | stands[j]
                and HIT in stands[i] | stands[j]
                and _same_target(one, other)
            ):
                yield other, one, HIT


def _places(row: LedgerRow) -> frozenset[str]:
    """The towns the row's accounts of the event name: two rows naming different towns tell
    of two strikes ("tents in al-Mawasi" / "a school in Nuseirat")."""
    return frozenset().union(*(m.scope.places for m in row.mentions if m.scope.of_event))


def _near(one: LedgerRow, other: LedgerRow) -> bool:
    """Two rows said within FIGURE_HOURS of each other (a toll rising days later is no news)."""
    first = min(m.time for m in one.mentions)
    second = min(m.time for m in other.mentions)
    return abs(first - second) <= FIGURE_HOURS * 3600.0


def _same_target(one: LedgerRow, other: LedgerRow) -> bool:
    """Whether a row that says a target was hit and one that says it was unharmed speak of one
    target: they share a word beyond those of hitting ("the ship was hit" / "the ship was
    undamaged"; "the attack was in support of Gaza" names no target)."""
    hit, unharmed = POLES[HIT - 1]
    return bool((one.statement & other.statement) - hit - unharmed - ACTS)


_MILITARY_KINDS = frozenset(("soldiers", "attackers"))  # lexicon.FIGURE_CLASSES


def _figure_pairs(
    figures: list[Figure], rows: dict[str, LedgerRow]
) -> Iterable[tuple[LedgerRow, LedgerRow, str]]:
    for i, one in enumerate(figures):
        for other in figures[i + 1 :]:
            if (one.what, one.kind) != (other.what, other.kind):
                continue
            if one.source_key == other.source_key:
                continue
            if one.low <= other.high and other.low <= one.high:
                continue  # equal, or a range that holds the other
            for m in one.mentions:
                for n in other.mentions:
                    if abs(m.time - n.time) > FIGURE_HOURS * 3600.0:
                        continue
                    if not _one_count(m, n, one, other):
                        continue
                    a, b = rows[m.row_id], rows[n.row_id]
                    if a.is_denial or b.is_denial:
                        continue  # "dismissed as false a claim that 13 policemen were killed":
                        # the count a denial gives is the one it denies (eighteenth pass)
                    if _speaks_for(a, b) or _speaks_for(b, a):
                        continue  # a body's spokesperson gives the body's count
                    if a.id != b.id:  # one side's two counts contradict each other too
                        yield (a, b, one.kind) if m.time >= n.time else (b, a, one.kind)


def _one_count(m: FigureMention, n: FigureMention, one: Figure, other: Figure) -> bool:
    """Whether two mentions count one quantity over one scope: the same time frame (an
    event's toll is no toll since the war began), the same reach (one town, a region, many
    places), places that agree, both a whole or both a part of one ("two commanders were
    among the dead" is no toll), and the higher not an update of the lower ("the toll rose to
    19" after 14)."""
    a, b = m.scope, n.scope
    if a.generic or b.generic or (a.frame, a.reach, m.part) != (b.frame, b.reach, n.part):
        return False
    if a.frame == "cumulative":
        return False  # "since 2022" / "since the start of the year": two spans, not one count
    if not same_places(a.places, b.places):
        return False
    higher = m if one.low > other.high else n
    return not higher.update  # "rose to 12": the newer count, whatever outlet came first


def _counter(keys: Iterable[str]) -> dict[str, int]:
    return dict.fromkeys(keys, 1)
