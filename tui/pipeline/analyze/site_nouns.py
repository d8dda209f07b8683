"""A site's noun in lower case right after a name: the name is the site's, a place.

English writes a named site either with its noun as part of the name ("Ta Prohm Temple",
"Suez Canal") or with the noun in lower case after it ("the Ta Prohm temple", "the
Kakhovka dam", "the Shatt al-Arab waterway"). person_spans.py reads the first form from
data/name_nouns.tsv; this reads the second from the same rows, each noun of a place in lower
case and in the plural, but for the ones English also uses as verbs ("Smith and Jones drive
to ...", "they market"): in lower case no surname is meant, and no person is followed by
"temple" or "waterway" with no possessive between.
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze.datafiles import rows

# The nouns of name_nouns.tsv's places that are English verbs too.
_VERBS = frozenset((
    "drive", "market", "mine", "tower", "towers", "quarter", "compound", "bridge", "station",
    "wall", "gate",
))


@functools.cache
def _pattern() -> re.Pattern[str]:
    nouns = {row[0].lower() for row in rows("name_nouns.tsv") if row[1] == "place"} - _VERBS
    nouns |= {noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s") for noun in nouns}
    alternatives = "|".join(sorted(nouns, key=len, reverse=True))
    return re.compile(rf" (?:{alternatives})\b(?![’'-])")


def follows(after: str) -> bool:
    """Whether `after` (the text right after a name) opens with a site's noun in lower case:
    " temple in the Reasi district", " waterway, with ..."; not " Temple" (part of the name,
    person_spans.py's) nor " hall's" or " mine-clearing"."""
    return _pattern().match(after) is not None
