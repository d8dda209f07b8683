"""Bodies that speak for a polity or armed group other than a state: one party across outlets.

A state and its ministries and forces are one party (sources.py files them under
`state:<country>`). A polity the country tables do not hold (Jubaland, Puntland, Rakhine's
Arakan Army) or an armed group speaks the same way through its organs, and outlets spell its
name their own way: "Jubaland state officials", "Jubaland authorities" and "Jubaland's security
ministry" are one speaker; "al-Shabab" and "Somalia's al-Shabaab militant group" too. A body
with a word of its own ("the Gaza health ministry", "Gaza's civil defence") is a body of its own.

A body named by what it does is one body whatever head and place outlets give it (`body_keys`):
"the ombudsman's office" / "the national ombudsman"; "the Marib health office" / "local health
authorities" (its words less the generic heads of lexicon.GENERIC_HEADS and its proper names).
"""

from __future__ import annotations

from tui.pipeline.analyze import gazetteer
from tui.pipeline.stories import lexicon, place_words
from tui.pipeline.stories.countries import country_of, name_tokens
from tui.pipeline.stories.placenames import skeleton

_ARTICLES = frozenset(("the", "a", "an"))
_LINKS = frozenset(("of", "for", "in", "at", "and", "on", "to"))
# Words of a polity's organs or of an armed group: they say through whom it speaks. Fourteenth
# pass: and words of what a polity is ("Somalia's semi-autonomous Puntland state", "the
# breakaway region's authorities"), which say nothing of who speaks.
_STATUS_WORDS = frozenset(
    ("semi-autonomous", "autonomous", "breakaway", "self-declared", "self-governing",
     "separatist-held", "unrecognised", "unrecognized")
)  # fmt: skip
_ORGAN_WORDS = (
    lexicon.STATE_BODY_WORDS | lexicon.GROUP_WORDS | _ARTICLES | _LINKS | _STATUS_WORDS
)
_PLAIN = _ORGAN_WORDS | lexicon.ROLE_WORDS


def polity_key(name: str) -> str | None:
    """The spelling-free key (placenames.skeleton) of the one proper name of a source made of
    that name, countries, and words of the state apparatus or of an armed group only; None for
    any other source."""
    proper = []
    for token in name_tokens(name):
        bare = token.removesuffix("'s")
        low = bare.casefold()
        head, dash, rest = low.partition("-")
        if dash and head in place_words.NAME_ARTICLES and rest:  # "al-Shabaab": Shabaab
            bare, low = bare[len(head) + 1 :], rest
        if low in _ARTICLES or low in _LINKS or country_of(bare):
            continue
        if bare[:1].isupper() and low not in _PLAIN:
            proper.append(bare)
        elif low not in _ORGAN_WORDS:
            return None
    if len(proper) != 1:
        return None
    key = skeleton(proper[0])
    return key if len(key) >= 3 else None




def body_keys(name: str) -> tuple[str, ...]:
    """The keys a body meets other names of it by: its polity's (`polity_key`), and "fn:" with
    the words it is named by for what it does (no article, link, country, place the gazetteer
    knows or generic head of lexicon.GENERIC_HEADS), when any is left."""
    words = set()
    for token in name_tokens(name):
        bare = token.removesuffix("'s").removesuffix("'")
        low = bare.casefold()
        if low in _ARTICLES or low in _LINKS or low in lexicon.GENERIC_HEADS or country_of(bare):
            continue
        if bare[:1].isupper() and gazetteer.lookup(bare) is not None:
            continue  # where it sits: "the Marib health office"
        words.add(low)
    found = (polity_key(name), "fn:" + " ".join(sorted(words)) if words else None)
    return tuple(k for k in found if k)
