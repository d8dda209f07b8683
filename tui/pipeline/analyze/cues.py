"""The vocabulary of attribution as lookup tables: reporting verbs, their kinds, their frames.

The word lists are in lexicon.py. The model runs without a lemmatizer (it is excluded for
speed), so inflected forms are expanded here once, at import, into plain dictionaries: looking
a token up is one dict access.

Verb kinds decide what counts as a claim and how its status starts out:
- SPEECH   said, told, announced...: a claim whenever a source and some content are found;
- DENY     denied, rejected, refuted...: the sentence is its source's denial;
- CONFIRM  confirmed, verified, corroborated: may corroborate another party's claim;
- COGNITIVE believes, fears, wants, intends...: attitudes, a claim only with a clause or (for
  some) a to-infinitive as content ("Kyiv believes Moscow is massing troops", "Moscow wants to
  annex the region"), never with a bare object ("believes him");
- OBJECT   verbs whose bare noun-phrase object is what was said ("announced a curfew",
  "condemned the strike"); the SPEECH verbs other than these need a clause or a quotation.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import lexicon
from tui.pipeline.analyze.lexicon import words

__all__ = ["words"]

SPEECH = "speech"
DENY = "deny"
CONFIRM = "confirm"
COGNITIVE = "cognitive"

TOPIC_ONLY = lexicon.TOPIC_ONLY
LEAD_INTO_CONTENT = lexicon.LEAD_INTO_CONTENT
STANCE = lexicon.STANCE
PHYSICAL_STANCE = lexicon.PHYSICAL_STANCE
MILITARY = lexicon.MILITARY

# A that-clause after a verb (not "that plan"): a proposition, with a verb of its own within a few
# words. "rebuffing that the area fell" rejects it as "denied that the area fell" does.
PROPOSITION_RE = re.compile(
    r"\W*that\s+(?:\S+\s+){0,6}?(?:was|were|is|are|had|has|have|would|will|could|did|\w+ed|"
    r"fell|took|hit|shot|won|lost)\b",
    re.IGNORECASE,
)


def forms(base: str) -> tuple[str, ...]:
    """The base, third-person, past, participle and gerund forms of a verb."""
    if base in lexicon.IRREGULAR:
        return (base, *lexicon.IRREGULAR[base])
    if base.endswith("e"):
        stem = base[:-1]
        return (base, base + "s", stem + "ed", stem + "ing")
    if base.endswith("y") and base[-2] not in "aeiou":
        stem = base[:-1]
        return (base, stem + "ies", stem + "ied", base + "ing")
    if base.endswith(("sh", "ch", "ss", "x")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


def _table() -> tuple[dict[str, str], dict[str, str]]:
    kinds: dict[str, str] = {}
    bases: dict[str, str] = {}
    groups = (
        (lexicon.COGNITIVE_VERBS, COGNITIVE),
        (lexicon.SPEECH_VERBS, SPEECH),
        (lexicon.CONFIRM_VERBS, CONFIRM),
        (lexicon.DENY_VERBS, DENY),
    )
    for text, kind in groups:  # later groups win: "deny" is DENY even if listed elsewhere
        for base in text.split():
            for form in forms(base):
                kinds[form] = kind
                bases[form] = base
    return kinds, bases


VERB_KIND, VERB_BASE = _table()

_NOUNS = {
    SPEECH: lexicon.SPEECH_NOUNS,
    DENY: lexicon.DENY_NOUNS,
    CONFIRM: lexicon.CONFIRM_NOUNS,
    COGNITIVE: lexicon.COGNITIVE_NOUNS,
}
NOUN_CUES: dict[str, str] = {w: kind for kind, text in _NOUNS.items() for w in text.split()}

# Every word that can start a cue, for a fast first pass over the whole text.
CUE_WORDS = frozenset(VERB_KIND) | frozenset(NOUN_CUES) | frozenset(("according", ":"))


def verb_kind(word: str) -> str | None:
    """The cue kind of an inflected verb form (lower-case), or None."""
    return VERB_KIND.get(word)


def takes_object(word: str) -> bool:
    """Whether a bare noun-phrase object of this verb is what was said."""
    return VERB_BASE.get(word, "") in lexicon.OBJECT_BASES


def takes_infinitive(word: str) -> bool:
    """Whether this verb's to-infinitive is what was said ("vowed to retake the town")."""
    return VERB_BASE.get(word, "") in lexicon.INFINITIVE_BASES


def is_not_content(word: str) -> bool:
    """Objects that make a reporting verb literal: "the strike claimed twelve lives"."""
    return word in lexicon.NOT_CONTENT


def needs_document(word: str) -> bool:
    """Whether this verb states something only when its object is a statement or document."""
    return VERB_BASE.get(word, "") in lexicon.DOCUMENT_VERBS


def is_document(word: str) -> bool:
    return word in lexicon.DOCUMENTS


def object_states(verb: str, obj: str) -> bool:
    """Whether "<verb> <obj>" states something: "issued a warning", not "published a video"."""
    return VERB_BASE.get(verb, "") not in lexicon.DOCUMENT_VERBS or obj in lexicon.DOCUMENTS


def states_findings(verb: str, subject: str) -> bool:
    """Whether "<subject> <verb> X" reports X as found: "a poll showed Kyiv ahead"."""
    return VERB_BASE.get(verb, "") in lexicon.FINDING_VERBS and subject in lexicon.FINDINGS
