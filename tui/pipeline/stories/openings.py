"""Where an article's own account of the event begins (features.py): past its dateline, or
past a header that introduces a document.

- A **dateline** ("PORT MORESBY, May 16 (Wire) - ", "WABAG — ") names where the story was
  filed, in capitals, before the first sentence: the agency's bureau (a capital, a regional
  city, Dubai for the Red Sea), the event's town only now and then. Wire style (AP, Reuters,
  AFP) writes it so, whatever the outlet.
- A **header** is a first paragraph that introduces a document the article then gives whole,
  as monitoring services print translated statements: "Text of a statement by ..., read on
  state television on 2 June; translated from Burmese.", "Communiqué of the Ministry of
  Defence, ... Translated from French.", "Statement by ..., posted on its Telegram channel".
  Its places say where the document was read or who speaks ("the news channel of the Islamic
  Republic of Iran Broadcasting at 0530 Tehran time"), its language is no country.

Neither names a focus place or a country of the event; a town the account itself names stays
one ("BAT YAM, Israel, May 4 (Wire) - An Iranian missile struck ... in Bat Yam"). The header's
openers are the words agencies and monitoring services use for a document given whole (text,
full text, excerpt, transcript; statement, communiqué, declaration, press release by or of),
and "translated from <language>" at its end.
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
_OPENERS = re.compile(
    r"^(?:(?:the\s+)?(?:full\s+)?(?:text|excerpts?|transcript)\s+of|"
    r"(?:statement|communiqu[eé]|declaration|press\s+release)\s+(?:by|of|from|issued)\b)",
    re.IGNORECASE,
)
_TRANSLATED = re.compile(r"\btranslated\s+from\s+[A-Z][a-z]+\W*$", re.IGNORECASE)
HEADER_MAX = 400  # characters: a header is a line or two, never an account


def dateline_end(text: str) -> int:
    """The offset just past a dateline that opens *text*, or 0 (a town of three letters at
    least, all in capitals: "US - " is no dateline)."""
    match = _DATELINE.match(text)
    if match is None or sum(c.isalpha() for c in match.group().split(",")[0]) < 3:
        return 0
    return match.end()


def header_end(text: str) -> int:
    """The end of a first paragraph that introduces a document given after it, or 0."""
    end = text.find("\n\n")
    if end < 0 or end > HEADER_MAX:
        return 0
    first = text[:end].strip()
    if not (_OPENERS.match(first) or _TRANSLATED.search(first)):
        return 0
    return end


def opening_end(text: str) -> int:
    """Where the account of the event begins: past a dateline, or past a document's header
    (the document's own first paragraph is its account)."""
    return dateline_end(text) or header_end(text)
