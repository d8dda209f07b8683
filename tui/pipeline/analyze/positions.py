"""Standing positions and impersonal verdicts: verb frames that state no claim.

A claim is something someone said (docs/CLAIMS.md). Two forms of English put a verb of the
attribution vocabulary in a sentence where nobody says anything:

- a standing position told in the simple present, with no clause after it: "Most villagers
  support the separatists", "Most residents favour union with the north", "the front, which
  demands a referendum", "as the security forces press their campaign": what a party holds,
  told by the outlet as background. The present of saying stays a claim ("the ministry claims
  that ...", "Kabul denies the charge"), and so does a position with a clause ("the rebels
  demand that the army withdraw") or one told as an act ("the envoy supported the plan");
- an impersonal verdict on saying, with the empty "it" of English as its subject: "It was
  impossible to confirm the claims", "It was not possible immediately to confirm the report",
  "it is too early to say": nobody speaks (the outlet's note, which status.py reads as such);
- ground claimed: "claim" with a piece of ground or a country as what is claimed, and no
  clause or infinitive ("the area claimed by India", "a watershed claimed by both countries",
  "invaded to claim land the neighbour considers its own", "Morocco claims the territory"):
  ownership demanded, in the verb's dictionary sense, not a statement ("claimed to have taken
  the town" and "claimed that the town had fallen" stay claims);

Tried and left out (bench/README.md, claims20): will with the subject's own infinitive ("agreed
to hand over its weapons", "has refused to commit to a ceasefire"), which no wire gold marks but
PolNeAR does, and which lowered a validation figure.
"""

from __future__ import annotations

from tui.pipeline.analyze.frame import Token
from tui.pipeline.analyze.lexicon import words

# Verbs of a position held (supporting, backing, favouring, preferring, opposing, resisting) and
# of a standing demand (demanding, pressing, pushing, lobbying), in their dictionary sense.
STANDING = words("support back favor favour prefer oppose resist demand press push lobby")
_PRESENT = frozenset(("VBZ", "VBP"))
# Ground and sea that states contest: "the disputed border", "disputed waters", "the area
# claimed by India".
GROUND = words(
    """
    border borders boundary boundaries frontier line lines area areas region regions territory
    territories zone zones island islands islets waters sea seas enclave enclaves strip
    peninsula reef shoal shoals land lands district province village villages town corridor
    watershed
    """
)


def standing_position(tok: Token, base: str) -> bool:
    """ "Most villagers support the separatists": a position held, in the present, no clause."""
    if base not in STANDING or tok.tag_ not in _PRESENT:
        return False
    if any(c.dep_ in ("aux", "auxpass", "ccomp") for c in tok.children):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]  # "demands guarantees that ..."
    return not any(t.dep_ in ("ccomp", "acl") for o in objects for t in o.subtree)


def claims_ground(tok: Token) -> bool:
    """ "the area claimed by India": ground or a country claimed, no clause (module docstring)."""
    if any(c.dep_ in ("ccomp", "xcomp", "advcl", "parataxis") for c in tok.children):
        return False
    claimed = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not claimed and tok.dep_ in ("acl", "relcl"):
        claimed = [tok.head]  # "the area claimed by India", "the island which both claim"
    return any(c.lower_ in GROUND or c.ent_type_ in ("GPE", "LOC") for c in claimed)


def impersonal(source: Token, tok: Token) -> bool:
    """ "It was impossible to confirm the claims": the empty "it" before an adjective is no one."""
    head = tok.head.head if tok.head.dep_ == "acomp" else tok.head  # "too early to say"
    return (
        source.lower_ == "it"
        and source.dep_ == "nsubj"
        and source.head.i == head.i != tok.i
        and tok.dep_ in ("xcomp", "ccomp")
        and any(c.dep_ == "acomp" for c in head.children)
    )
