"""Tell a consent banner's text from an article that talks about cookies, privacy law or GDPR.

A banner speaks *as the site* ("we use cookies", "this website uses cookies", "we and our
partners", "you agree") and ends in the words of its controls ("Accept", "Accept all", "Manage
preferences", "Read more"). An article about the same subject reports it: it says "websites",
"companies", "the regulator", and when it repeats a banner's wording it puts it in quotation
marks. So the rules count consent signals only outside quoted passages, need the site's own voice
for all but the densest banners, and treat reported speech ("..., the company said") as prose.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(
    r"“[^”]{0,400}”|\"[^\"]{0,400}\"|‘[^’]{0,200}’|«[^»]{0,400}»|„[^“”]{0,400}[“”]"
)
# Phrases only a site says about itself: any one of them is the site's own voice.
_OWN_VOICE = tuple(
    re.compile(p, re.I)
    for p in (
        r"\b(?:this|our) (?:web ?)?(?:site|website|page) uses? cookies\b",
        r"\bwe(?: and our (?:\d+ )?(?:partners|vendors))? use (?:cookies|tracking|technologies)",
        r"\bwe and our (?:\d+ )?(?:partners|vendors)\b",
        r"\bby (?:continuing to (?:use|browse)|using|browsing|clicking)\b.{0,60}\byou (?:agree|"
        r"accept|consent|are agreeing|are accepting|are consenting)",
        r"\b(?:agree|agreeing|consent|consenting) to (?:the|our) use of cookies\b",
        r"\bour use of cookies\b",
        r"\bwe (?:value|care about|respect) your privacy\b",
        r"\bstore and/or access information on a device\b",
        r"\bwe(?:'ll| will) assume you(?:'re| are) ok\b",
    )
)
_SIGNALS = _OWN_VOICE + tuple(
    re.compile(p, re.I)
    for p in (
        r"\b(?:cookies|cookie) (?:policy|notice|settings|preferences|statement)\b",
        r"\bprivacy (?:policy|notice|settings|preferences|statement|center|centre)\b",
        r"\bpersonali[sz]ed (?:ads|advertising|content)\b",
        r"\bmanage (?:your )?(?:preferences|cookies|consent|settings|choices|options)\b",
        r"\b(?:accept|allow|reject|decline|deny) (?:all|all cookies|cookies|non-essential)\b",
        r"\b(?:necessary|essential|functional|performance|analytics?|marketing|third[- ]party) "
        r"cookies\b",
        r"\b(?:your|give|withdraw) (?:your )?consent\b",
        r"\blegitimate interests?\b",
        r"\bimprove your (?:browsing |user )?experience\b",
        r"\bcookies\b",
    )
)
_GATE = re.compile(r"cookie|consent|privacy|partners|personali[sz]ed|legitimate|experience", re.I)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b|\bthis (?:web ?)?(?:site|website)\b", re.I)
_CONTROLS = re.compile(
    r"\b(?:accept(?: all| cookies)?|agree|allow(?: all)?|ok|okay|got it|i understand|"
    r"reject(?: all)?|decline|deny|manage (?:preferences|options|settings|cookies)|"
    r"(?:cookie )?settings|customi[sz]e|preferences|more info(?:rmation)?|learn more|read more|"
    r"privacy policy|cookie policy|continue|close|dismiss)\W*$",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|according to|wrote|writes|argued|claimed|stated|reported)\b", re.I
)


def consent_signals(text: str) -> int:
    """How many distinct consent phrases occur outside quotation marks."""
    if not _GATE.search(text):
        return 0
    bare = _QUOTED.sub(" ", text)
    return sum(1 for pattern in _SIGNALS if pattern.search(bare))


def is_consent_text(text: str) -> bool:
    """True when a paragraph is a consent or cookie notice rather than prose about one."""
    signals = consent_signals(text)
    if signals == 0:
        return False
    bare = _QUOTED.sub(" ", text).strip()
    if signals < 4 and _REPORTED.search(bare):
        return False
    controls = bool(_CONTROLS.search(bare))
    if any(p.search(bare) for p in _OWN_VOICE):
        return controls or signals >= 2
    if _FIRST_PERSON.search(bare) and controls and signals >= 2:
        return True
    return signals >= 4


def is_consent_control(text: str) -> bool:
    """A banner's loose button or heading: "Accept all", "Manage preferences", "Got it"."""
    words = text.split()
    return 0 < len(words) <= 5 and bool(_CONTROLS.match(text.strip()))
