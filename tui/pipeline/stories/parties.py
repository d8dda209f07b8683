"""One party under several names: bodies joined by their side and by the count they give.

`sources.resolve` joins the names of one speaker that share words (a surname and its full
name, initials and their acronym, a body and its fuller name). Outlets also name one party in
ways that share no word: "North Kordofan authorities" and "Sudan"; "the civil administration"
and "the South Darfur administration"; "the prime minister's office" and "Haiti". What ties
them is not their names but their side and what they say. Two speakers of one story are one
party when they

- are no named person (two people are two; a named spokesperson is first filed under the
  body their wording names, `spoken_for`, eleventh pass),
- never speak in one article (an article that quotes both quotes two speakers),
- stand on one side: the analysis ties one of them to a country, and the other to the same
  country or to none (it ties most bodies to none), and
- give one count of one quantity of one class of thing in two outlets' words ("killed at
  least 40 people" / "at least 40 people were killed"), and no different count of a quantity
  both give (a governor's 14 dead and the regional authorities' 15 are two speakers).

A denial and an assertion never tie two speakers. Measured in bench/README.md ("Stories,
eighth pass"): words alone (most concepts shared, no count) joined residents and volunteers,
named people joined a governor and the regional authorities, and speakers with no country
between them joined a local resistance official and the government in exile (two speakers
in the gold): all three were left out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from tui.pipeline.analyze.canonical import RANKS
from tui.pipeline.analyze.datafiles import rows
from tui.pipeline.stories import lexicon
from tui.pipeline.stories.countries import country_in, country_of, name_tokens
from tui.pipeline.stories.placenames import skeleton
from tui.pipeline.stories.words import claim_key, keys, stem


def same_party_links(
    keys: Sequence[str],
    articles: Sequence[str],
    sides: Sequence[str | None],
    statements: Sequence[Counter[str]],
    denials: Sequence[bool],
) -> dict[str, str]:
    """Key -> the key of the one party it is, for the keys this rule joins (others left out).

    The inputs are parallel, one item per claim of the story: its resolved speaker key, its
    article, its side (None when unknown), its statement (statements.statement_keys: counts are
    `#what:class:amount` keys) and whether it is a denial, in the story's order. Each party is
    filed under its most frequent key (a state's on a tie).
    """
    where: dict[str, set[str]] = defaultdict(set)
    told: dict[str, Counter[str]] = defaultdict(Counter)
    count: Counter[str] = Counter(keys)
    for key, article, side in zip(keys, articles, sides, strict=True):
        where[key].add(article)
        if side:
            told[key][side] += 1
    side_of = {k: c.most_common(1)[0][0] for k, c in told.items()}
    counts = [_counts(st) for st in statements]
    parent = {k: k for k in count}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for i, j in _sharing_a_count(statements):
        one, other = keys[i], keys[j]
        if one == other or denials[i] != denials[j] or root(one) == root(other):
            continue
        if one.startswith("person:") or other.startswith("person:"):
            continue
        if not _one_side(side_of.get(one), side_of.get(other)):
            continue
        a, b = root(one), root(other)
        if where[a] & where[b]:
            continue
        if _one_count(counts[i], counts[j]):
            head, tail = sorted((a, b), key=lambda k: (-count[k], not k.startswith("state:"), k))
            parent[tail] = head
            where[head] |= where[tail]
    return {k: root(k) for k in count if root(k) != k}


def _one_side(one: str | None, other: str | None) -> bool:
    """Whether two speakers stand on one side: the analysis ties one of them to a country and
    the other to the same or to none. A side that is no country ("National Unity Government",
    a movement tied to itself) says nothing of which body speaks for it: a local resistance
    official and the government in exile give one toll and are two speakers."""
    if one and other and one != other:
        return False
    return bool(country_of(one or "") or country_of(other or ""))


def _sharing_a_count(statements: Sequence[Counter[str]]) -> list[tuple[int, int]]:
    """Pairs of claims (in order) that give one count: only those can tie two speakers, and a
    story of hundreds of articles holds thousands of claims."""
    by_count: dict[str, list[int]] = defaultdict(list)
    for i, statement in enumerate(statements):
        for k in statement:
            if k.startswith("#"):
                by_count[k].append(i)
    return sorted({(i, j) for ids in by_count.values() for i in ids for j in ids if i < j})


def _one_count(mine: dict[str, set[str]], theirs: dict[str, set[str]]) -> bool:
    """A count both give of one quantity of one class of thing, and no quantity both count
    differently."""
    shared = mine.keys() & theirs.keys()
    if any(mine[q].isdisjoint(theirs[q]) for q in shared):
        return False
    return any(mine[q] & theirs[q] for q in shared)


def _counts(statement: Counter[str]) -> dict[str, set[str]]:
    """Quantity and class ("killed:people") -> the amounts a statement gives of it."""
    found: dict[str, set[str]] = defaultdict(set)
    for k in statement:
        if k.startswith("#"):
            quantity, _, amount = k[1:].rpartition(":")
            found[quantity].add(amount)
    return found


@functools.cache
def _ranks() -> frozenset[str]:
    """The analyzer's military and police ranks: its plain ones (canonical.RANKS) and the
    titles of data/titles.tsv's rank-* families ("Lieutenant Colonel", "Naib Subedar")."""
    titled = (row[0].casefold() for row in rows("titles.tsv") if row[1].startswith("rank-"))
    return frozenset(titled) | RANKS


def officer_of_state(one: Any, other: Any) -> bool:
    """Two ledger rows of one party: a state and an officer of its forces."""
    return any(
        in_ranks_of(m.claim.source, a.affiliation, b.source_key)
        for a, b in ((one, other), (other, one))
        for m in a.mentions
    )


def in_ranks_of(person: str, person_side: str | None, state_key: str) -> bool:
    """Whether a person named with a military or police rank ("Lieutenant Colonel Vitalii
    Yaremchuk") speaks for the state of `state_key` ("state:Ukraine"): the analysis ties them
    to that country. A rank is worn in a state's forces (docs/CLAIMS.md: a rank with nothing
    else to say whose speaks for the army), so the state and its officer are one party."""
    if not state_key.startswith("state:") or person_side != state_key.removeprefix("state:"):
        return False
    words = person.casefold().replace(".", "").split()
    return any(" ".join(words[:n]) in _ranks() for n in (1, 2, 3))


_SPOKES = re.compile(r"\bspokes(?:man|woman|person)\b", re.IGNORECASE)
# Words of holding a place in a body ("Fatah official Tarek Khalaf", "Houthi politburo member
# Mohammed al-Bukhaiti", "a Hamas commander"): the holder speaks as the body their phrase
# names, as a spokesperson does (twentieth pass). Only by the body's name: no organ's word or
# side alone, as "the district chief" names no state.
_HOLDS = re.compile(
    r"\b(?:officials?|members?|leaders?|commanders?|chief|head|representatives?)\b", re.IGNORECASE
)
# Words of a state's organs in a spokesperson's title ("Army spokesman", "junta spokesman").
_ORGANS = lexicon.STATE_BODY_WORDS - lexicon.GROUP_WORDS - {"of", "the", "state", "national"}
_TITLES = _ORGANS | {w for rank in _ranks() for w in rank.split()} | {"spokesman", "spokeswoman"}
# Words of a party's name that name no party ("ministry", "forces", "spokesman").
GENERIC_NAMES = frozenset(
    claim_key(w) for w in lexicon.STATE_BODY_WORDS | lexicon.ROLE_WORDS | lexicon.GENERIC_ROLES
) - {""}


def spoken_for(speakers: Sequence[Any], resolved: dict[str, str]) -> dict[str, str]:
    """`resolved` with each named spokesperson filed under the one body of the story their
    wording speaks for ("Houthi military spokesman Yahya Saree" -> the Houthis, "Viktor
    Trehubov, a spokesman for Ukraine's Khortytsia group" -> Ukraine, "Army spokesman Nabil
    Abdallah", tied to Sudan -> Sudan): outlets name the same statement's speaker either way,
    and a reader asks what the army says. A spokesperson whose wording fits no body of the
    story, or two, stays a person of their own (sources.py)."""
    names: dict[str, set[str]] = defaultdict(set)
    spoken: dict[str, list[Any]] = defaultdict(list)
    for s in speakers:
        key = resolved[s.key]
        if key.startswith("person:") and _holder(s.phrase) or _named_spokesperson(s):
            spoken[key].append(s)
        elif not key.startswith("person:"):
            names[key].add(s.name)
    found = {}
    states = sum(k.startswith("state:") for k in names)
    for person, said in spoken.items():
        fits = {
            k for k, known in names.items() for s in said
            if _SPOKES.search(s.phrase) and _speaks_as(s, k, known, states)
        } or {k for k, known in names.items() for s in said if _holds_in(s, k, known)}  # fmt: skip
        if len(fits) == 1:
            found[person] = fits.pop()
    return {k: found.get(v, v) for k, v in resolved.items()}


def _holder(phrase: str) -> bool:
    return bool(_SPOKES.search(phrase) or _HOLDS.search(phrase))


def _holds_in(holder: Any, key: str, names: set[str]) -> bool:
    """A holder's phrase names the body: a state by its country ("a Chadian official"), any
    other body by the proper words of one of its names, each capitalised in the phrase and
    whatever its spelling ("Fatah official", "Tehreek-e-Taliban Pakistan spokesman" for
    "Tehrik-i-Taliban Pakistan"; not "the city's military administration" for "city
    officials")."""
    if key.startswith("state:"):
        return country_in(holder.phrase) == key[6:]
    if key.startswith("body:"):
        return False
    capitals = {
        _proper_key(t) for t in name_tokens(holder.phrase) if t[:1].isupper()
    }
    return any(_proper_words(n) <= capitals for n in names if _proper_words(n))


def _proper_key(word: str) -> str:  # "Houthis", "Houthi's", "Houthi" -> one key
    return skeleton(stem(word.casefold().removesuffix("'s")))


def _proper_words(name: str) -> set[str]:
    """The skeletons of a body's name's words that are neither a country nor a generic word."""
    return {
        _proper_key(w)
        for t in name_tokens(name)
        if (w := t.removesuffix("'s")).casefold() not in ("the", "a", "an")
        and claim_key(w) not in GENERIC_NAMES and not country_of(w)
    }  # fmt: skip


def _named_spokesperson(speaker: Any) -> bool:
    """A name the analysis did not tag a person, written after a spokesperson's word
    ("coalition spokesman Brigadier General Saleh al-Otaibi"): a named spokesperson, not a
    body ("a Kataib Hezbollah spokesman" names the body before the word)."""
    if not speaker.key.startswith("org:"):
        return False
    match = _SPOKES.search(speaker.phrase)
    if match is None:  # "Houthi politburo member Mohammed al-Bukhaiti": the name after it
        held = _HOLDS.search(speaker.phrase)
        name = speaker.name
        return bool(held and name[:1].isupper() and name in speaker.phrase[held.end() :])
    tail = speaker.phrase[match.end() :]
    after = {w.casefold() for w in name_tokens(tail)}
    return speaker.named and speaker.name in tail or set(speaker.key[4:].split()) <= after


def _speaks_as(spokesperson: Any, key: str, names: set[str], states: int) -> bool:
    """A state by its name, or by an organ's word when the analysis ties the person to it or,
    tied to no side, their title names nothing else and the story one state ("Junta
    spokesman Major General Zaw Min Tun"; not "National Unity Government spokesman")."""
    phrase = spokesperson.phrase
    if key.startswith("body:"):  # "government spokesman Maxime Balalou" / "the government",
        words = {w.casefold().removesuffix("'s") for w in name_tokens(phrase)}  # a story with
        return bool(spokesperson.party) and set(key[5:].split()) <= words  # no state's name
    if not key.startswith("state:"):
        return any(names_body([phrase], name) for name in names)
    if country := country_in(phrase):
        return country == key[6:]
    words = {w.casefold().removesuffix("'s") for w in name_tokens(phrase)}
    if not words & _ORGANS or spokesperson.party:
        return bool(words & _ORGANS) and spokesperson.party == key[6:]
    own = set(spokesperson.name.split())
    return states == 1 and not any(
        t[:1].isupper() and t not in own and t.casefold().removesuffix("'s") not in _TITLES
        for t in name_tokens(phrase)
    )


def names_body(phrases: Sequence[str], body: str) -> bool:
    """Whether one of a person's source phrases names the body: every proper word of its name
    ("civil defence spokesman" for "Gaza's civil defence agency"), or its initials ("BLA
    spokesman" for the Balochistan Liberation Army)."""
    words = [
        w for w in name_tokens(body) if not w.endswith(("'s", "’s")) and not country_of(w)
    ]  # fmt: skip
    name = set(keys(" ".join(words))) - GENERIC_NAMES
    initials = "".join(w[0] for w in words if w[:1].isupper() and w not in ("The", "A", "An"))
    acronyms = {w for w in words if len(w) >= 2 and w.isupper() and w.isalnum()}  # "M23"
    return any(
        bool(name) and name <= set(keys(p))
        or len(initials) >= 2 and initials in p.split()
        or not acronyms.isdisjoint(p.split())
        for p in phrases
    )
