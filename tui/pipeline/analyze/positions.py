"""Will, standing positions and impersonal verdicts: verb frames that state no claim.

A claim is something someone said (docs/CLAIMS.md). Three forms of English put a verb of the
attribution vocabulary in a sentence where nobody says anything:

- will and decision with the subject's own to-infinitive: "the militia agreed to hand over its
  weapons", "the neighbouring state has offered to mediate", "the prime minister has refused to
  commit to a ceasefire", "the insurgents were planning to attack", "the group, which wants to
  topple the council": what a party means or agreed to do, not a statement. Verbs of saying
  with an infinitive ("vowed to retake the town", "threatened to blow up the speakers", "urged
  them to leave", "claimed to have shot down") stay claims; so does a want with someone else's
  infinitive ("want the regions to secede"), which is a clause of its own;
- a standing position told in the simple present, with no clause after it: "Most villagers
  support the separatists", "Most residents favour union with the north", "the front, which
  demands a referendum", "as the guerrillas seek control of the road": what a party holds, told
  by the outlet as background. The present of saying stays a claim ("the ministry claims that
  ...", "Kabul denies the charge"), and so does a position with a clause ("The separatists want
  the two regions to secede", "Moscow wants guarantees that NATO will not expand") or one told
  as an act ("the envoy supported the plan");
- an impersonal verdict on saying, with the empty "it" of English as its subject: "It was
  impossible to confirm the claims", "It was not possible immediately to confirm the report",
  "it is too early to say": nobody speaks (the outlet's note, which status.py reads as such).
"""

from __future__ import annotations

from tui.pipeline.analyze.frame import Token
from tui.pipeline.analyze.lexicon import words

# Verbs of will, intention and decision (wanting, wishing, intending, seeking, planning,
# deciding, hoping, aiming) and of consent and refusal (agreeing, offering, refusing) in their
# dictionary sense: with a to-infinitive they tell what the subject will or would do.
WILL = words("want wish intend seek plan decide hope aim agree offer refuse consent")

# Verbs of a position held (supporting, backing, favouring, preferring, opposing, resisting) and
# of a standing demand or aim (demanding, pressing, pushing, lobbying, and the verbs of will).
STANDING = WILL | words("support back favor favour prefer oppose resist demand press push lobby")
_PRESENT = frozenset(("VBZ", "VBP"))


def will_to_act(tok: Token, base: str) -> bool:
    """ "agreed to hand over its weapons", "wants to topple the council": the subject's will."""
    return base in WILL and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in tok.children
    )


def standing_position(tok: Token, base: str) -> bool:
    """ "Most villagers support the separatists": a position held, in the present, no clause."""
    if base not in STANDING or tok.tag_ not in _PRESENT:
        return False
    if any(c.dep_ in ("aux", "auxpass", "ccomp") for c in tok.children):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]  # "wants guarantees that NATO ..."
    return not any(t.dep_ in ("ccomp", "acl") for o in objects for t in o.subtree)


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
