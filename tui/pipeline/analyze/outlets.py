"""Organisations that the words around them mark as such, whatever the model says: outlets and
firms in the roles reporting gives them, and names that are not entities at all (ships).

- A dateline's credit: "KHARKIV, Ukraine (Frontline Wire) —" names the outlet.
- Work only an outlet or a monitor does: "analysed by X", "reviewed by X", "independently
  confirmed by X", "told X by phone", "X could not independently verify".
- A name set after what it is: "the Ukrainian news site NV", "the British maritime security
  firm Ambrey", "the state broadcaster ORTM".

Ships are named like people and places ("the Aster Grace", "the Maersk Gibraltar", "MV Aster
Grace"); a vessel's name is not an entity (`ship_names` gives their spans, so that no place or
person is taken out of them).
"""

from __future__ import annotations

import re

from tui.pipeline.analyze.aliases import HONORIFICS

_NAME = (
    r"(?P<name>(?:(?:[A-Z]\.){2,}|[A-Z][\w&'’-]*|[0-9]+)"
    r"(?: (?:of |for |the |de |al-)?(?:(?:[A-Z]\.){2,}|[A-Z][\w&'’-]*|[0-9]+)){0,4})"
)
_CREDIT = re.compile(rf"(?m)^[A-Z][A-Za-z .'’,-]{{1,60}} \({_NAME}\) ?[-—–]")
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


def outlet_spans(text: str) -> list[tuple[int, int]]:
    """Spans of names that the surrounding words mark as outlets, firms or monitors."""
    spans = []
    for regex in (_CREDIT, _WORK, _CANNOT_VERIFY, _APPOSED):
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


def ship_names(text: str) -> list[tuple[int, int]]:
    """Spans of vessels' names, with their prefix ("MV Aster Grace", "the Maersk Gibraltar"
    after "the container ship")."""
    spans = []
    for match in _SHIP_PREFIX.finditer(text):
        spans.append((match.start(), match.end("name")))
    for match in _SHIP_NOUN.finditer(text):
        spans.append(match.span("name"))
    return spans
