"""The rebels of a two-sided war: "the rebels" after "the New People's Army".

Conflict reports set a state against one armed group and then call that group by what it is:
"the rebels", "a guerrilla spokesman", "Rebels opposing the government". When the article
names exactly one non-state armed group (data/named_forces.tsv, or a proper name of an armed
group: sides.own_name), a source called only by such a word speaks for that group: its side,
and for a bare group ("The rebels", "Rebels opposing the government in Chad") its name too.
With two groups named, or none, the words stay what they are.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import sides

# The words for the non-state side of a civil war, as a source's head or its first word
# ("the rebels", "Separatist rebels", "separatists", "the militants").
_REBEL_RE = re.compile(
    r"^(?:(?:the|a|an|one|two|some|several)\s+)?(?:[\w.'’]+-(?:backed|supported)\s+)?"
    r"(?:(?!(?:separatist|armed|islamist|jihadist)\b)(?P<demonym>(?-i:[A-Z][a-z]+))\s+)?"
    r"(?:(?:separatist|armed|islamist|jihadist)\s+)?"
    r"(?P<head>rebels?|guerrillas?|insurgents?|separatists|militants|jihadists)\b"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_CAP_RE = re.compile(
    r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+)?[A-Z][\w'’-]*){0,6}"
)
_WORD_RE = re.compile(r"[\w'’-]+")


@functools.cache
def only_group(text: str) -> tuple[str, str] | None:
    """(canonical, side) of the one non-state armed group `text` names, else None."""
    found: dict[str, str] = {}
    for m in _CAP_RE.finditer(text):
        hits = _listed(m.group().split())
        if not hits:
            own = sides.own_name(_WORD_RE.findall(m.group()))
            hits = [(own[0], own[0])] if own else []
        for hit in hits:
            if sides.country(hit[1]) is None:
                found[hit[1]] = hit[0]
    if len(found) != 1:
        return None
    side, canonical = next(iter(found.items()))
    return canonical, side


def _listed(words: list[str]) -> list[tuple[str, str]]:
    """The listed forces a run of capitals names anywhere in it, longest first: "The Liberation
    Tigers of Tamil Eelam", "Arnu Ngutulu Lodi of the Sudan People's Liberation Movement-North"
    (a person, or an article, before the group's name)."""
    hits, k = [], 0
    while k < len(words):
        for n in range(len(words) - k, 0, -1):
            hit = sides.group(" ".join(words[k : k + n]))
            if hit is not None and k > 0 and _name_word(words[k - 1]) and n < len(words):
                return []  # "Kivu National Liberation Army": another group, not the ELN
            if hit is not None:
                hits.append(hit)
                k += n
                break
        else:
            k += 1
    return hits


def _name_word(word: str) -> bool:
    """Could `word` open a longer proper name ("Kivu"), not an article or a possessive?"""
    return word[:1].isupper() and word.lower() not in ("the", "a", "an") and not word.endswith(
        ("'s", "’s")
    )


def resolve(text: str, phrase: str, canonical: str, side: str, person: bool) -> tuple[str, str]:
    """(canonical, side) of a source called `phrase`, the rebels' group when it is theirs."""
    m = _REBEL_RE.match(phrase.strip())
    if side or m is None:
        return canonical, side
    if m.group("demonym") and sides.country(m.group("demonym")) is None:
        return canonical, side  # "Ugandan rebels" are the one group; "Kivu rebels" a name
    group = only_group(text)
    if group is None:
        return canonical, side
    rest = m.group("rest").strip()
    if person or rest.startswith(("spokes", "commander", "leader", "official", "source")):
        return canonical, group[1]  # "Rebel spokesman Gregorio Rosal": the group's man
    return group  # "The rebels", "Rebels opposing the government in Chad": the group
