"""Organisations that the words around them mark as such, whatever the model says: outlets and
firms in the roles reporting gives them, and names that are not entities at all (ships).

- A dateline's credit: "KHARKIV, Ukraine (Frontline Wire) —", "BELDWEYNE [SMN] –", "KABUL:
  (DNA) ..." name the outlet.
- Work only an outlet or a monitor does: "analysed by X", "reviewed by X", "independently
  confirmed by X", "told X by phone", "X could not independently verify".
- A name set after what it is: "the Ukrainian news site NV", "the British maritime security
  firm Ambrey", "the state broadcaster ORTM".

What looks like a name and is none (`drop_not_names`): a vessel's name, a name cut by an
editor's bracket, the capitals of a title-case headline, an empty span.

Ships are named like people and places ("the Aster Grace", "the Maersk Gibraltar", "MV Aster
Grace"); a vessel's name is not an entity (`ship_names` gives their spans, so that no place or
person is taken out of them).
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import labels
from tui.pipeline.analyze.aliases import HONORIFICS
from tui.pipeline.analyze.grouping import Found

_NAME = (
    r"(?P<name>(?:(?:[A-Z]\.){2,}|[A-Z][\w&'’-]*|[0-9]+)"
    r"(?: (?:of |for |the |de |al-)?(?:(?:[A-Z]\.){2,}|[A-Z][\w&'’-]*|[0-9]+)){0,4})"
)
# A dateline's credit in brackets of either kind, with the date after a slash or not, before a
# dash ("KHARKIV, Ukraine (Frontline Wire) —", "BELDWEYNE [SMN] –", "CAGAYAN DE ORO (MindaNews /
# 10 August) —"), or after a dateline in capitals and its colon ("KABUL: (DNA) The Taliban").
_CREDIT = re.compile(
    rf"(?m)^[A-Z][A-Za-z .'’,-]{{1,60}} [(\[]{_NAME}(?: / [\w ,.]{{1,24}})?[)\]] ?[-—–]"
)
_CREDIT_AFTER_COLON = re.compile(rf"(?m)^[A-Z][A-Z .'’,-]{{1,40}}: [(\[]{_NAME}[)\]] (?=[A-Z])")
_WORK = re.compile(
    r"\b(?:(?:analy[sz]ed|reviewed|verified|geolocated|obtained|seen|examined|compiled|"
    r"independently (?:confirmed|verified)|confirmed independently) by|according to data from) "
    r"(?:the )?"
    + _NAME
    + r"(?= (?:by|through|via|from|in|on|that|which|showed|as|independently)\b|[,.;])"
)
_CANNOT_VERIFY = re.compile(
    _NAME + r" (?:could not|was unable to|was not able to|has not been able to|cannot|"
    r"did not) (?:independently )?(?:verify|confirm)"
)
_KIND = (
    r"news (?:site|website|agency|outlet|channel|portal|service)|newspaper|daily|weekly|"
    r"broadcaster|outlet|(?:TV |television |radio )?(?:channel|station|network)|magazine|"
    r"agency|firm|company|consultancy|monitor|monitoring group|think tank|watchdog|charity|"
    r"group|organi[sz]ation|NGO|militia|contractor|manufacturer|operator|insurer"
)
_APPOSED = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|by|from|to|for|with) (?:[\w'’-]+ ){0,4}?(?:"
    + _KIND
    + r") "
    + _NAME.replace("{0,4}", "{0,3}")
)
# fmt: off
_NOT_NAMES = frozenset((
    "The", "A", "An", "In", "On", "At", "By", "He", "She", "It", "They", "We", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
))
# fmt: on
_SHIP_PREFIX = re.compile(
    r"\b(?:MV|M/V|MT|M/T|SS|HMS|USS|RFS|INS|HMCS|HMAS|FS|ROKS|TCG|KRI)\.? "
    r"(?P<name>[A-Z][\w'’-]*(?: [A-Z0-9][\w'’-]*){0,3})"
)
_SHIP_NOUN = re.compile(
    r"\b(?:the|a|an|[Tt]he [\w-]+(?:-flagged|-owned|-operated|-registered)) (?:[\w-]+ ){0,3}?"
    r"(?:ship|vessel|tanker|freighter|(?:bulk|aircraft|LNG|gas|car) carrier|ferry|"
    r"trawler|yacht|warship|frigate|destroyer|corvette|cruiser|submarine|tug|dredger|boat)"
    r",? (?:the |named |called )?(?P<name>[A-Z][\w'’-]*(?: [A-Z0-9][\w'’-]*){0,3})"
)


# A broadcaster named with what it is: "Amu TV", "Tolo News", "Radio Okapi" is the model's
# already; not an adjective's ("state TV", "Iranian Television", "National Radio").
# Only in a reporting role, since a TV is also a product ("a Samsung TV", "Apple TV"): "told
# Amu TV", "confirmed to X Television", "X TV reported".
_BROADCASTER = re.compile(
    r"\b(?:told|to|on|by|from|according to|with) (?P<name>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2}"
    r" (?:TV|Television|Radio))(?![\w-])"
    r"|(?<![\w&'’.-])(?P<subject>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2} (?:TV|Television|Radio))"
    r" (?:reported|said|quoted|cited|broadcast|aired|showed)\b"
)
_GENERIC = frozenset(("State", "National", "Local", "Public", "Regional", "Live", "Satellite"))


def outlet_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names that the surrounding words mark as outlets, firms or monitors."""
    spans = []
    for match in _BROADCASTER.finditer(text):
        group = "name" if match["name"] else "subject"
        first = match[group].split()[0]
        if first not in _GENERIC and first not in _NOT_NAMES and not labels.is_demonym(first):
            spans.append(match.span(group))
    for regex in (_CREDIT, _CREDIT_AFTER_COLON, _WORK, _CANNOT_VERIFY, _APPOSED):
        for match in regex.finditer(text):
            start, end = match.span("name")
            words = text[start:end].split()
            while words and words[0] in _NOT_NAMES:
                start += len(words.pop(0)) + 1
            if not words or len(words[0]) < 2 or not words[0][:1].isupper():
                continue
            if words[0].rstrip(".") in HONORIFICS:
                continue
            spans.append((start, start + len(" ".join(words))))
    return spans


# A flag set before a name makes it a vessel's: "the Liberian-flagged Eternity C".
_FLAGGED = re.compile(
    r"\b[Tt]he [\w-]+-(?:flagged|registered) (?P<name>[A-Z][\w'’-]*(?: [A-Z0-9][\w'’-]*){0,3})"
)


def ship_names(text: str) -> list[tuple[int, int]]:
    """Spans of vessels' names, with their prefix ("MV Aster Grace", "the Maersk Gibraltar"
    after "the container ship")."""
    spans = []
    for match in _SHIP_PREFIX.finditer(text):
        spans.append((match.start(), match.end("name")))
    for match in _SHIP_NOUN.finditer(text):
        spans.append(match.span("name"))
    for match in _FLAGGED.finditer(text):
        spans.append(match.span("name"))
    return spans


def drop_not_names(text: str, found: list[Found], context: int, model: int) -> list[Found]:
    """Drop what is not a name: anything inside a vessel's name ("the Maersk Gibraltar"), a
    name cut by an editor's bracket ("(Israeli Prime Minister Benjamin) Netanyahu" gives no
    "Benjamin"), a word of a title-case headline that nothing else in the text supports, and
    empty spans."""
    ships = ship_names(text)
    headline_lines = _title_case_lines(text)
    supported = {text[m.start : m.end] for m in found if m.rank >= context}
    kept = []
    for m in found:
        if m.end <= m.start or not text[m.start : m.end].strip():
            continue
        if any(s < m.end and m.start < e for s, e in ships):
            continue
        if _cut_by_bracket(text, m.start, m.end):
            continue
        if m.rank <= model and any(s <= m.start and m.end <= e for s, e in headline_lines):
            surface = text[m.start : m.end]
            elsewhere = text.count(surface) > 1 or surface in supported
            if not elsewhere and labels.lookup_unlabelled(surface) is None:
                continue
        kept.append(m)
    return kept


def _cut_by_bracket(text: str, start: int, end: int) -> bool:
    """Whether a name ends at a closing bracket that a bracket before it opened, with more of
    the name after it: "(... Benjamin) Netanyahu"; an acronym is whole ("KABUL: (DNA) The")."""
    if not text.startswith(") ", end) or not text[end + 2 : end + 3].isupper():
        return False
    if text[start:end].isupper():
        return False
    opened = text.rfind("(", max(0, start - 80), start)
    return opened != -1 and ")" not in text[opened:start]


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case, as headlines are ("Russia Says Troops Took Two Villages"),
    not in capitals (those are read by grouping.propagate)."""
    spans = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w not in _SMALL_WORDS and w[:1].isalpha()]
        byline = line.startswith(("By ", "by "))  # "By Vivian Yee and Iyad Abuheweila": names
        if (
            len(words) >= 4
            and not line.isupper()
            and "(" not in line
            and ";" not in line
            and not byline
        ):
            capitalised = sum(w[:1].isupper() for w in words)
            if capitalised >= 0.8 * len(words):
                spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


# Words that title case leaves in lower case ("Strikes Kill 38 in South Gaza as Talks Stall").
# fmt: off
_SMALL_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "by", "for", "from",
    "with", "as", "via", "vs", "v", "per", "into", "over", "amid",
))
# fmt: on
