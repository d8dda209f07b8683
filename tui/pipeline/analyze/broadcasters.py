"""A broadcaster named by its country: the state's own, so the country's side.

A radio or television whose proper name is a medium and a country or its capital ("Radio
Lusaka", "Radio Moscow", "Malawi TV") is that state's broadcaster in the news copy of the wars
it reports, and speaks for it (docs/CLAIMS.md, "Affiliation"); a private outlet takes its name
from elsewhere ("Radio Free Kivu", "Media Congo") and has no side of its own. Its reporters are
no part of it: "Radio France's correspondent" takes no side from it (canonical.py reads this
for sources that are no person).
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import sides

# A broadcaster whose proper name is a medium and a country or its capital ("Radio Lusaka",
# "Malawi TV"), after "state-run" or "official" or not.
NATIONAL_MEDIUM_RE = re.compile(
    r"^(?:(?:[Ss]tate-run|[Ss]tate-owned|[Oo]fficial)\s+)?(?:(?:Radio|Television|TV)\s+"
    r"(?P<after>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)|(?P<before>[A-Z][\w'’-]*(?:\s+[A-Z]"
    r"[\w'’-]*)?)\s+(?:Radio|Television|TV))$"
)


def national_medium(name: str) -> str:
    """The country of a broadcaster named by a medium and that country or its capital ("Radio
    Lusaka", "Malawi TV"), else ""."""
    found = NATIONAL_MEDIUM_RE.match(name)
    place = found.group("after") or found.group("before") if found else ""
    return (sides.country(place) or "") if place else ""
