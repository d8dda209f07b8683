"""A proper name inside a description of what kind of body it is (canonical.py's helper;
docs/CLAIMS.md, "Canonical source").

A source is often written as a description whose head noun says what the body is, with the
body's own name as a modifier of that head: "the Al Arabiya news channel", "the English-language
New Light of Myanmar newspaper", "The Syrian Kurdish YPG militia", "The joint UNAMID peacekeeping
force", "Lebanon's Hezbollah guerrilla group"; or the name set after the head as its apposition:
"Moroccan TV channel 2M". The claim is filed under the name; the head, the words describing it
and the owner or demonyms before the name are not part of it. This reads the structure of the
phrase, not a list of bodies: the heads are the closed family of nouns that say what kind of
organisation or outlet a body is.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import describe, sides
from tui.pipeline.analyze.lexicon import words

# What kind of outlet a body is (the head of the description).
OUTLETS = words(
    "newspaper paper daily weekly magazine agency channel television tv radio station "
    "broadcaster network website site outlet portal"
)
# What kind of organised armed body it is: its name is then its own side.
ARMED = words("militia militias group movement faction organization organisation")
# A force kept apart from the sides ("the joint UNAMID peacekeeping force").
NEUTRAL = words("force mission")
# Words describing the head, between the name and the head ("news channel", "guerrilla
# group", "peacekeeping force").
_DESCRIBING = words(
    "news satellite television tv radio state state-run state-owned private independent online "
    "guerrilla guerilla rebel rebels militant armed separatist jihadist insurgent paramilitary "
    "peacekeeping opposition extremist resistance insurgency militia joint international "
    "regional local official government pro-government daily weekly web"
)
_CONNECTORS = words("of and for the de du al el")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&-]+$")


def _proper(word: str) -> bool:
    """A word of a proper name: capitalised or a figure with letters ("2M"), never an owner
    ("Lebanon's") nor a describing compound ("English-language", "Iran-backed")."""
    word = word.replace("’", "'")
    if word.endswith(("'s", "s'")) or not (word[:1].isupper() or word[:1].isdigit()):
        return False
    if word[:1].isdigit() and not any(c.isalpha() for c in word):
        return False
    parts = word.split("-")
    return not (len(parts) > 1 and parts[-1][:1].islower() and not parts[0].islower())


def _run_before(parts: list[str], end: int) -> list[str]:
    """The proper name that ends right before `end` (connectors inside it kept)."""
    k = end
    while k > 0 and (_proper(parts[k - 1]) or parts[k - 1].lower() in _CONNECTORS):
        k -= 1
    run = parts[k:end]
    while run and not _proper(run[0]):
        run.pop(0)
    return run


def _trimmed(run: list[str]) -> str:
    """The name without the demonyms and country names describing it ("Syrian Kurdish YPG":
    "YPG"; "Moroccan"); "" when nothing but those is left."""
    if len(run) > 1 and _ACRONYM_RE.match(run[-1]):
        letters = "".join(w[0] for w in run[:-1] if w[:1].isupper())
        if not run[-1].startswith(letters):
            return run[-1]  # adjectives before an acronym that they do not spell
    while run and sides.country(run[0]) is not None:
        run = run[1:]
    if not run or all(sides.country(w) is not None for w in run):
        return ""
    return " ".join(run)


def named(bare: str) -> tuple[str, str] | None:
    """(name, kind) of a description that holds a body's own name, kind "outlet", "armed" or
    "neutral"; None when the phrase is no such description ("the Lebanese group")."""
    parts = bare.split()
    if len(parts) < 2:
        return None
    head = parts[-1].lower()
    if head in OUTLETS | ARMED | NEUTRAL and parts[-1].islower():  # not "Al Masirah TV"
        k = len(parts) - 1
        while k > 0 and parts[k - 1].lower() in _DESCRIBING and not parts[k - 1].isupper():
            k -= 1
        if head in NEUTRAL and not any(p.lower() == "peacekeeping" for p in parts[k:]):
            return None  # "the government force": a state's, not a name
        run = _run_before(parts, k)
        if run and run[0].lower() in describe.MEMBERS | describe.IRREGULAR:
            return None  # "Fighters of the Kordofan militia": members, not a name
        name = _trimmed(run)
        if name:
            kind = "outlet" if head in OUTLETS else "armed" if head in ARMED else "neutral"
            return name, kind
        return None
    for k, word in enumerate(parts[:-1]):  # "Moroccan TV channel 2M": the name after its head
        if word.lower() in OUTLETS and (word.islower() or word == "TV"):
            rest = parts[k + 1 :]
            if (
                rest
                and _proper(rest[0])
                and all(_proper(w) or w.lower() in _CONNECTORS for w in rest)
            ):
                return " ".join(rest), "outlet"
    return None
