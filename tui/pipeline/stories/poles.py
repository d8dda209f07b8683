"""Which pole of each family of lexicon.OPPOSITIONS a ledger row's accounts stand on.

A row stands on a pole when its words do: "struck a position of drone operators" on the
military objective's, "14 people were killed at the market" on the civilians'. Words alone
mislead in two ways that the order of a sentence settles (twelfth pass):
- armed men named as those who acted are no objective hit: "gunmen had attacked an army
  patrol", "its fighters carried out an attack on a church", "blamed UPC fighters", "an attack
  by jihadist gunmen" tell who attacked, not that fighters were hit; they are hit when an act
  comes before them ("killed five members of the group", "all those hit were members") or
  befalls them ("eleven terrorists had been killed", "two militants died");
- the kin of armed men are no armed men ("three relatives of its members were killed";
  thirteenth pass);
- a site named for the people it serves is theirs: "a site for displaced families" is a
  civilian place, where "a training base for drone crews" stays a military one.
contradictions.py pairs rows on opposite poles (disputes) and answers denials by pole.
"""

from __future__ import annotations

import re
from collections import Counter

from tui.pipeline.stories import lexicon
from tui.pipeline.stories.ledger import LedgerRow
from tui.pipeline.stories.statements import WHO_THE_DEAD
from tui.pipeline.stories.words import claim_key, pole_keys

POLES = tuple((pole_keys(one), pole_keys(other)) for one, other in lexicon.OPPOSITIONS)
ACTS = pole_keys(lexicon.ACTS)
HIT = 3  # the family of lexicon.OPPOSITIONS on whether a target was hit

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*")
# Who may be hit or may act: the armed men of the military objective's pole.
_ARMED = pole_keys(lexicon.words("fighters members gang commanders units"))
_TROOPS = claim_key("soldiers")
_TROOPS_DIED = "#killed:soldiers:told"  # soldiers an act befell, whatever the count's class
_SITES = pole_keys(lexicon.words("site base facility headquarters"))
# Acts that may befall armed men: those of lexicon.ACTS, firing, shooting down, fighting off.
_DONE = ACTS | {claim_key("fired"), claim_key("shot"), claim_key("repelled"), claim_key("fought")}
_PASSIVE = lexicon.words("was were been being be is are get got gets")
_DYING = lexicon.words("died die dies dying dead perished")
_SERVES = lexicon.words("for housing sheltering hosting")  # "a site for displaced families"
_AGENT = "by"  # "an attack by jihadist gunmen"
# Nouns of an act or of its dead: armed men after one were hit only as its object ("the
# killing of five fighters", "an attack on militants"), not as its authors or background.
_ACT_NOUNS = lexicon.words(
    "attack attacks strike strikes raid raids bombing bombings shelling assault assaults ambush "
    "toll bodies body death deaths casualties fatalities lives massacre"
)
_OBJECT = lexicon.words("on of against at targeting")
# What follows an attack, not what it hit: its authors pursued and killed ("troops pursued the
# attackers and killed eleven", "killed in the gunfight that followed", "tracked down and
# neutralised 15 of the attackers"). The verbs of pursuit in a dictionary's sense and "that
# followed"; armed men killed in such a clause stand on no pole of what the attack hit.
_PURSUIT = re.compile(
    r"\b(?:pursu(?:e|ed|es|ing|it|ers)|chas(?:e|ed|ing)\s+(?:down|after)|"
    r"(?:tracked|tracking|hunted|hunting|ran|run)\s+down|that\s+(?:followed|ensued))\b",
    re.IGNORECASE,
)


def told_statements(row: LedgerRow) -> list[frozenset[str]]:
    """The statements of the row's mentions that tell the event itself."""
    return [st for m, st in zip(row.mentions, row.statements, strict=False) if m.scope.of_event]


def _told_hits(row: LedgerRow) -> list[frozenset[str]]:
    """As told_statements, each as far as it says what was hit (see `what_was_hit`)."""
    return [
        what_was_hit(m.content, st)
        for m, st in zip(row.mentions, row.statements, strict=False)
        if m.scope.of_event
    ]


def sides(row: LedgerRow) -> set[int]:
    """+n / -n: the row stands on the first / second pole of family n. Each mention stands on
    one pole or none (see `pole`); a row stands on the pole most of its mentions stand on, and
    on neither when as many stand on each ("struck a facility of mercenaries" / "a stray
    missile fell on the block")."""
    found: dict[int, Counter[int]] = {}
    acts = bool(row.statement & ACTS) or WHO_THE_DEAD in row.statement  # "the victims were
    # traders and herders" tells whom an act killed (thirteenth pass)
    for statement in _told_hits(row) if row.statements else (row.statement,):
        for n in range(1, len(POLES) + 1):
            if n == 1 and (not acts or displacement_only(statement)):
                continue
            side = pole(statement, n)
            if side:
                found.setdefault(n, Counter())[side] += 1
    stands = set()
    for counts in found.values():
        (top, k), *rest = counts.most_common()
        if not rest or rest[0][1] < k:
            stands.add(top)
    return stands


def pole(statement: frozenset[str], n: int) -> int:
    """+n / -n / 0 for one mention. On what was hit (family 1), a count of people killed or
    wounded stands with the civilians ("the strike killed 14 people") unless the mention counts
    soldiers too, and a military objective
    outweighs the place it was in ("a Hamas command centre inside the school")."""
    first, second = POLES[n - 1]
    on_first, on_second = bool(statement & first), bool(statement & second)
    if n == 1:
        on_second = on_second or (
            any(k.startswith(_CIVILIAN_COUNTS) for k in statement)
            and not any(k.startswith(_SOLDIER_COUNTS) for k in statement)
        )
        if on_first:
            return n
    if on_first == on_second:
        return 0
    return n if on_first else -n


def what_was_hit(content: str, statement: frozenset[str]) -> frozenset[str]:
    """The statement less the military objective's words that name no objective hit: armed
    men who acted ("gunmen had attacked a patrol"), a site named for civilians ("a site for
    displaced families"). A word the sentence also uses for what was hit stays."""
    if statement.isdisjoint(_ARMED | _SITES | {_TROOPS}):
        return statement
    if _PURSUIT.search(content):  # "killed five fighters as they pursued the group after the
        statement = statement - _ARMED  # massacre": armed men killed after the event, no
        # objective of it (eighteenth pass)
    found = [(w.casefold(), claim_key(w)) for w in _WORD.findall(content)]
    drop, keep = set(), set()
    for i, (_, key) in enumerate(found):
        if key == _TROOPS and _befallen(found, i):
            keep.add(_TROOPS_DIED)  # "the number of dead soldiers at 27": their count
        if key in _ARMED and _kin_of(found, i):
            drop.add(key)  # "three relatives of its members were killed": the kin were hit
        elif key in _ARMED:
            (keep if _befallen(found, i) else drop).add(key)
        elif key in _SITES:
            (drop if _serves_civilians(found, i) else keep).add(key)
    return (statement | (keep & {_TROOPS_DIED})) - (drop - keep)


def _kin_of(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the armed men at word i are named as whose kin were hit: "relatives of its
    members", "the families of fighters" (thirteenth pass)."""
    before = [word for word, _ in found[max(0, i - 3) : i]]
    while before and before[-1] in _POSSESSIVES:
        before.pop()
    return len(before) >= 2 and before[-1] == "of" and before[-2] in _KIN


_POSSESSIVES = lexicon.words("its their his her the")
_KIN = lexicon.words(
    "relatives relative families family wives wife children sons daughters parents kin"
)


def _befallen(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the armed men at word i are what an act hit: one comes before them, not as its
    agent ("killed five members", not "an attack by gunmen"), or after them in the passive or
    as their death ("had been killed", "died"); "fighters opened fire" acted."""
    before = [k for k, (_, key) in enumerate(found[:i]) if key in _DONE]
    if before:
        act = before[-1]
        if found[act][0] in _ACT_NOUNS and (act + 1 == i or found[act + 1][0] not in _OBJECT):
            return False  # "the attack was the work of TTP militants", "31 bodies ... after
            # gunmen attacked": a noun of the act, its object not after it (session 17)
        return all(word != _AGENT for word, _ in found[act + 1 : i])
    for k in range(i + 1, len(found)):
        word, key = found[k]
        if key in _DONE:
            return word in _DYING or any(w in _PASSIVE for w, _ in found[max(i + 1, k - 2) : k])
    return False


def _serves_civilians(found: list[tuple[str, str]], i: int) -> bool:
    """Whether the site at word i is named for civilians: "for" (or "housing") and, within the
    next three words, one of the civilians' pole ("a site for displaced families")."""
    if i + 1 >= len(found) or found[i + 1][0] not in _SERVES:
        return False
    return any(key in POLES[0][1] for _, key in found[i + 2 : i + 5])


def displacement_only(statement: frozenset[str]) -> bool:
    """A count of people who fled, and of no one killed or hurt: it tells what followed the
    strike, not what was hit ("2,400 families fled the camp after the shelling")."""
    counts = [k for k in statement if k.startswith("#")]
    told = statement & _FLIGHT  # the flight is told, not a camp's size ("shelters thousands")
    return bool(counts and told) and all(k.startswith(_AFTERMATH) for k in counts)


_AFTERMATH = ("#displaced:", "#missing:", "#detained:")
_FLIGHT = frozenset(claim_key(w) for w in lexicon.FIGURE_CUES["displaced"]) - {""}
# A count of people beside a count of soldiers in one sentence counts the same dead ("killed 27
# soldiers, far more than the seven deaths the army admitted", "11 soldiers were killed and five
# wounded"): no civilians (twelfth pass).
_SOLDIER_COUNTS = tuple(f"#{what}:soldiers:" for what in ("killed", "wounded"))
_CIVILIAN_COUNTS = tuple(
    f"#{what}:{kind}:" for what in ("killed", "wounded") for kind in ("people", "children")
)
