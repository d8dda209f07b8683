"""Links between one story's speakers that `sources.resolve` merges, beyond names that match:
a description to the one named speaker it describes ("the regional governor"), a body's news
agency or media office to the body ("the group's Amaq news agency"), a description of an armed
group to the one armed group speaking ("a spokesman for the paramilitary group"), a shorter name
to the one fuller name of it ("health ministry" -> "Gaza health ministry"), bodies whose
words are the same once where each sits is left out, and an organ of a state's government
named with its country to that state ("Syria's health ministry" -> Syria).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from tui.pipeline.stories import lexicon
from tui.pipeline.stories.countries import country_in, country_of, name_tokens
from tui.pipeline.stories.words import stem


class Speaker(Protocol):
    """What these links read of a sources.Speaker."""

    key: str
    name: str
    party: str | None
    roles: frozenset[str]
    named: bool
    bare: str
    phrase: str
    described: frozenset[str]

_ARTICLES = frozenset(("the", "a", "an"))
_LINKS = frozenset(("of", "for", "in", "at", "and", "on", "to"))
_GENERIC = {stem(w) for w in lexicon.GENERIC_ROLES}
_ROLE_STEMS = {stem(w) for w in lexicon.ROLE_WORDS | lexicon.OFFICE_TITLES}


def one(found: object) -> str | None:
    items = sorted(set(found))  # type: ignore[call-overload]
    return items[0] if len(items) == 1 else None


def armed_group(speaker: Speaker, by_key: dict[str, Speaker]) -> str | None:
    """ "A spokesman for the paramilitary group" -> the one armed group speaking in the story
    (a named source whose side is no country: the analysis makes an armed group its own side)."""
    words = {w.casefold() for w in name_tokens(speaker.name)} - _ARTICLES - _LINKS
    if not words or not all(w in lexicon.GROUP_WORDS for w in words):
        return None
    return one(
        k
        for k, s in by_key.items()
        if k != speaker.key and s.named and s.party and not country_of(s.party)
        and not k.startswith("person:")
    )  # fmt: skip


def described(
    speaker: Speaker, roles: dict[str, set[str]], by_key: dict[str, Speaker]
) -> str | None:
    """The one named speaker of the story that a description's role words describe. A person's
    name the analysis did not tag a person in one article ("org:alia hyacinth") is that person
    (sources.resolve joins them), so it is no second candidate (fourteenth pass: "Benue's
    governor" had two, "Governor Hyacinth Alia" and the same name filed by its words)."""
    wanted = {w for w in speaker.roles if w in _ROLE_STEMS and w not in _GENERIC}
    if not wanted:
        return None
    people = {" ".join(sorted(k[7:].split())): k for k in by_key if k.startswith("person:")}
    return one(
        people.get(k[4:], k) if k.startswith("org:") else k
        for k, r in roles.items()
        if k != speaker.key and by_key[k].named and wanted <= r
    )


def organ_of(speaker: Speaker, by_key: dict[str, Speaker]) -> str | None:
    """ "The group's Amaq news agency", "the front's news agency" -> the one named body of the
    story that the possessive's noun heads ("Islamic State group", "Polisario Front"): a
    body's own news agency or media office speaks for it, as a state's press office does."""
    tokens = [t for t in name_tokens(speaker.name) if t.casefold() not in _ARTICLES]
    if len(tokens) < 2 or not tokens[0].islower() or not tokens[0].endswith("'s"):
        return None
    rest = [t.casefold() for t in tokens[1:] if not t[:1].isupper()]
    if not rest or not set(rest) <= _ORGANS or sum(t[:1].isupper() for t in tokens) > 1:
        return None
    noun = tokens[0].removesuffix("'s")
    return one(
        k
        for k, s in by_key.items()
        if k != speaker.key and k.startswith("org:")
        and noun in (w.casefold() for w in name_tokens(s.name))
    )  # fmt: skip


_ORGANS = lexicon.STATE_OUTLETS | frozenset(("wing", "office", "press"))


def superset(key: str, keys: Counter[str]) -> str | None:
    """ "org:health ministry" -> the one "org:gaza health ministry" of the story."""
    words = set(key[4:].split())
    if len(words) < 2:
        return None
    return one(k for k in keys if k.startswith("org:") and k != key and words < set(k[4:].split()))


def same_bare(speaker: Speaker, by_key: dict[str, Speaker]) -> str | None:
    """ "civil society leaders in Ituri province" -> the one "Local civil society leaders" of
    the story: the same words once where each sits is left out. All such keys are one
    speaker, so the first of them is as good a link as any."""
    if not speaker.bare:
        return None
    same = [
        k
        for k, s in by_key.items()
        if k != speaker.key and k.startswith("org:") and s.bare == speaker.bare
    ]
    return min(same) if same else None


def placed_body(key: str, by_key: dict[str, Speaker]) -> str | None:
    """ "body:police" -> the one "org:chhattisgarh police" of a story with no state to speak
    for it: a bare body is the one body of the story named by its words and the proper name
    of where it serves ("the police" / "the Chhattisgarh police"; "state police" / "Manipur
    police": a sub-national state's word and the generic heads of lexicon.GENERIC_HEADS set
    aside). Fourteenth pass."""
    words = set(key[5:].split()) - _SUBNATIONAL
    if not words:
        return None
    return one(
        k
        for k, s in by_key.items()
        if k.startswith("org:") and words < set(k[4:].split())
        and all(w in words or w in lexicon.GENERIC_HEADS or _proper(w, s.name)
                for w in k[4:].split())
    )  # fmt: skip


_SUBNATIONAL = frozenset(("state", "provincial", "regional", "local")) | lexicon.GENERIC_HEADS


def _proper(word: str, name: str) -> bool:
    """Whether a key word is written capitalised in the body's name (a proper name)."""
    return any(
        t.casefold().removesuffix("'s") == word and t[:1].isupper() for t in name_tokens(name)
    )


# Heads of the organs of a state's government: a ministry, a committee, an office of it, its
# cabinet, presidency, administration or a command or corps of its forces. Not "forces" (an
# armed group's name: "Sudan's Rapid Support Forces") nor "council" (a village's).
_ORGAN_HEADS = frozenset(
    ("committee", "office", "government", "cabinet", "presidency", "administration",
     "command", "corps")
)  # fmt: skip


def state_organ(speaker: Speaker, keys: Counter[str]) -> str | None:
    """ "Syria's health ministry", "Russia's National Anti-Terrorism Committee", "Afghanistan's
    Taliban government" -> the state of the story they are organs of, as its defence ministry
    is (sources._filed): named with the country, headed by an organ's word, and tied by the
    analysis to that country or to none ("Myanmar's National Unity Government", tied to itself,
    is no organ of the junta's state). Twentieth pass."""
    tokens = name_tokens(speaker.name)
    heads = [i for i, t in enumerate(tokens) if t.casefold().removesuffix("'s") in _ORGAN_HEADS]
    if not heads:
        return None
    country = country_in(" ".join(tokens[: heads[-1]]))  # whose it is: not "Office for Kosovo"
    if not country or f"state:{country}" not in keys:
        return None
    if speaker.party and (country_of(speaker.party) or speaker.party) != country:
        return None
    return f"state:{country}"


def set_by_acronym(speakers: Iterable[Speaker], keys: Counter[str]) -> dict[str, str]:
    """Key -> the acronym's key whose description, where the story's copy sets the acronym
    after it ("The UN peacekeeping mission, MINUSCA"), holds every word of one of the key's
    phrases ("The UN mission"; "a rights group" for "A rights group, the RNDDH"), when one
    acronym's does. A phrase of generic words only ("the group") names none. Twentieth pass."""
    described: dict[str, set[str]] = {}
    for s in speakers:
        if s.described:
            described.setdefault(s.key, set()).update(s.described)
    found: dict[str, set[str]] = {}
    for s in speakers:
        if s.key in described or s.key.startswith(("person:", "state:")):
            continue
        words = {
            w.casefold().removesuffix("'s") for w in name_tokens(s.phrase)
        } - _ARTICLES - _LINKS  # fmt: skip
        if not words - _GENERIC_WORDS:
            continue
        found.setdefault(s.key, set()).update(k for k, d in described.items() if words <= d)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and k in keys}


_GENERIC_WORDS = lexicon.GENERIC_ROLES | lexicon.ANAPHOR_WORDS
