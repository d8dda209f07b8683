"""Idioms of speech and stance: a plain verb with a particle or an object.

"lashed out at", "weighed in on", "pushed back against", "laid out his plan", "doubled down
on", "took aim at", "took issue with": the idiom is the cue and its complement the content.
Armed forces are no source ("troops pushed back against the assault").
"""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import cues, subjects
from tui.pipeline.analyze.frame import Found, Token, np_span, subtree, trim

_EMPTY = frozenset(("it", "this", "that", "there", "which", "what"))
_PARTICLE_IDIOMS = {
    "lash": "out",
    "hit": "out back",
    "fire": "back",
    "push": "back",
    "speak": "out",
    "come": "out",
    "weigh": "in",
    "double": "down",
    "lay": "out",
    "spell": "out",
    "sound": "off",
    "laugh": "off",  # rejections by scorn: "laughed off the claim", "brushed aside the report"
    "brush": "off aside",
    "shrug": "off",
    "wave": "off away aside",
}
_OBJECT_IDIOMS = {"take": cues.words("aim issue swipe swipes shot shots exception umbrage")}
_IRREGULAR = {
    "take": ("takes", "took", "taken", "taking"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "come": ("comes", "came", "come", "coming"),
    "lay": ("lays", "laid", "laid", "laying"),
    "spell": ("spells", "spelled", "spelt", "spelling"),
    "shrug": ("shrugs", "shrugged", "shrugged", "shrugging"),
}
IDIOM_BASE = {
    form: base
    for base in (*_PARTICLE_IDIOMS, *_OBJECT_IDIOMS)
    for form in (base, *_IRREGULAR.get(base, cues.forms(base)[1:]))
}


# What a figure is given for: "put the death toll at 27", "put the number of dead at 40".
_FIGURES = cues.words(
    "toll tolls number numbers figure figures count losses casualties cost damage total tally"
)
# Verbs that give a figure as their object: "gave a lower toll of 31 dead" (a figure someone
# gives is a claim, as with "put"); "put" needs its "at", these an amount in the object.
GIVE_FORMS = cues.words("give gives gave given giving keep keeps kept keeping")
# Verbs of counting the dead: "counted 31 bodies", "tallied at least 19 dead" (a count someone
# makes and gives is a claim, as with "put" and "gave"): an amount of the dead as the object.
TALLY_FORMS = cues.words("count counts counted counting tally tallies tallied tallying")
_TALLIED = cues.words("dead bodies body deaths victims corpses fatalities casualties")
# Verbs that set a figure "at" an amount, as "put" does: "placed the toll at 19", "set the
# number of dead at 40", "pegged the death toll at 12", "fixed the toll at 9".
AT_FORMS = cues.words(
    "put puts putting place places placed placing set sets setting peg pegs pegged pegging "
    "fix fixes fixed fixing"
)
FIGURE_VERBS = AT_FORMS | GIVE_FORMS | TALLY_FORMS


def put_figure(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """ "X put the death toll at 27", "X gave a lower toll of 31 dead", "X has kept its count
    of 23 dead", "X counted 31 bodies": a figure given is a claim; the object (and "at") the
    content. "gave", "kept" and "counted" need an amount in their object, so "the war has
    given a heavy toll" and "counted the cost" are none."""
    if tok.lower_ not in FIGURE_VERBS:
        return None
    wanted = _TALLIED if tok.lower_ in TALLY_FORMS else _FIGURES
    if tok.lower_ in AT_FORMS:
        wanted = _FIGURES | _TALLIED  # "puts the dead at 14" as "puts the toll at 14"
    objs = [c for c in tok.rights if c.dep_ == "dobj" and c.lower_ in wanted]
    source = subjects.speaker(tok)
    if not objs or source is None or not start <= source.i < tok.i:
        return None
    if tok.lower_ in GIVE_FORMS or tok.lower_ in TALLY_FORMS:
        last = objs[0].right_edge.i + 1
        if not any(t.like_num for t in doc[objs[0].left_edge.i : min(last, end)]):
            return None
    else:
        at = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "at"]
        if not at:
            return None
        last = at[0].right_edge.i + 1
        if objs[0].lower_ not in _FIGURES and not any(t.like_num for t in doc[at[0].i : last]):
            return None  # "put the bodies at the morgue": a place, no figure
    src = np_span(source, start, end)
    return Found(
        cue=(tok.i, tok.i + 1),
        source=trim(doc, (src[0], min(src[1], tok.i)), quotes=True),
        head=source.i,
        content=trim(doc, (objs[0].left_edge.i, min(last, end))),
        kind=cues.SPEECH,
    )


def idiom(doc: Any, tok: Token, start: int, end: int) -> Found | None:
    """ "X lashed out at Y", "X took aim at Y": the idiom is the cue, its complement the content."""
    base = IDIOM_BASE[tok.lower_]
    particles = _PARTICLE_IDIOMS.get(base, "").split()
    key = next(
        (
            c
            for c in tok.rights
            if (c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles)
            or (c.dep_ == "dobj" and c.lower_ in _OBJECT_IDIOMS.get(base, ()))
        ),
        None,
    )
    if key is None:
        return None
    topic = next(
        (
            c
            for c in (*key.rights, *tok.rights)
            if c.i > key.i and c.dep_ in ("prep", "dobj", "ccomp", "xcomp", "advcl")
            or c.dep_ == "pobj" and key.dep_ == "prep"  # "laughed off the claim", "off" a prep
        ),
        None,
    )
    source = subjects.speaker(tok)
    if topic is None or source is None or not start <= source.i < tok.i:
        return None
    if source.lower_ in cues.MILITARY or source.lower_ in _EMPTY:
        return None  # "troops pushed back against the assault"
    content = trim(doc, subtree(topic, start, end))
    if content[1] - content[0] < 2:
        return None
    src = np_span(source, start, end)
    return Found(
        cue=(tok.i, key.i + 1),
        source=trim(doc, (src[0], min(src[1], tok.i)), quotes=True),
        head=source.i,
        content=content,
        kind=cues.SPEECH,
    )
