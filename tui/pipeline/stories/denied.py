"""What a denial answers, by the structure of what it denies (twenty-first pass).

contradictions.py pairs a denial with the rows it answers. `same_proposition`: a denial
worded as who holds a place ("the insurgents never occupied the town, they were pushed back",
"claims that the rebels had seized the town") denies a capture, and answers only an account
that stands on that family of lexicon.OPPOSITIONS ("its fighters took the town"), by its
words or by the analysis's dispute evidence alike; a toll or a flight told in the same town
("seven killed in the town", "2,000 fled the town") shares its place and its actors, not its
proposition.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.pipeline.stories import lexicon
from tui.pipeline.stories.poles import pole
from tui.pipeline.stories.words import claim_key

HOLDS = 2  # the family of lexicon.OPPOSITIONS on who holds a place
# The verbs of bodily harm in a dictionary's sense (their keys: "hurt", "injured" and
# "wounded" share one): what a denial says was not done to people, as lexicon.ACTS are what
# was done to a place ("no civilian was harmed", "nobody was hurt").
HARMED = frozenset(claim_key(w) for w in lexicon.words("harmed hurt injured wounded maimed")) - {""}


def same_proposition(denied: Iterable[Iterable[str]], stands: set[int]) -> bool:
    """Whether a row (the poles it stands on, poles.sides) may be what a denial denies: a
    denial one of whose wordings stands on the place-held family answers only a row that
    stands on that family ("never occupied the town" / "its fighters took the town")."""
    holds = any(pole(frozenset(d), HOLDS) for d in denied)
    return not holds or bool({HOLDS, -HOLDS} & stands)
