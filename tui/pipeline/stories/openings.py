"""Where an article's own account of the event begins (features.py): past its dateline.

A **dateline** ("PORT MORESBY, May 16 (Wire) - ", "WABAG — ") names where the story was filed,
in capitals, before the first sentence: the agency's bureau (a capital, a regional city, Dubai
for the Red Sea), the event's town only now and then. Wire style (AP, Reuters, AFP) writes it
so, whatever the outlet; its town is no focus place of the event and its country no country
of the event. A town the first sentence names as well stays a focus place ("BAT YAM, Israel,
May 4 (Wire) - An Iranian missile struck ... in Bat Yam").
"""

from __future__ import annotations

import re

_CAPS = r"[A-Z][A-Z'’.-]+"
_DATELINE = re.compile(
    rf"^{_CAPS}(?:\s{_CAPS})*"  # the town, in capitals
    r"(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)?"  # its country or state
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"  # the date
    r"\s*(?:\([^)\n]{1,40}\))?"  # the agency
    r"\s*[-–—]+\s+"
)


def dateline_end(text: str) -> int:
    """The offset just past a dateline that opens *text*, or 0 (a town of three letters at
    least, all in capitals: "US - " is no dateline)."""
    match = _DATELINE.match(text)
    if match is None or sum(c.isalpha() for c in match.group().split(",")[0]) < 3:
        return 0
    return match.end()
