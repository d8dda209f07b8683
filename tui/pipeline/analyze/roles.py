"""A role described is the person the article names with that role (canonical.py's helper).

"the Sudanese president said" after "Sudanese President Omar al-Bashir announced", "a Thai
army spokesman said" where the story quotes "Thai army spokesman Sansern Kaewkamnerd", "The
Indian ambassador" after "India's ambassador to China, S. Jaishankar": a description whose
head is an office or role (docs/CLAIMS.md, "Canonical source") is filed under the one person
whose title, before the name or set off beside it, holds the role and every other word of the
description (a country as its name, demonym or possessive). Two persons so titled, or none,
leave the description as it is.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import names, sides
from tui.pipeline.analyze.lexicon import words

# Offices and roles a description may name one person by.
ROLES = words(
    "spokesman spokeswoman spokesperson minister commander chief president ambassador envoy "
    "governor director secretary premier chairman chairwoman leader"
)
_FILLER = words("the a an of for to in at and his her its their")
_CUT_RE = re.compile(r"[.;:!?\"“”()—]")


def _words(phrase: str) -> set[str]:
    """The words of a title or description, a country as its name ("Indian", "India's")."""
    out = set()
    for w in re.findall(r"[A-Za-z][\w'’.-]*", phrase):
        w = w.replace("’", "'")
        if w.lower() in _FILLER:
            continue
        c = sides.country(w) if w[:1].isupper() else None
        out.add(c.lower() if c else w.lower().removesuffix("'s"))
    return out


def _titles(text: str, person: str) -> list[str]:
    """The title words of each mention of `person`: the words right before the name back to a
    punctuation mark ("Sudanese President"), or an apposition before it ("India's ambassador
    to China, S. Jaishankar") or after it ("X, the army's spokesman,")."""
    out = []
    for m in re.finditer(re.escape(person), text):
        before = _CUT_RE.split(text[max(0, m.start() - 100) : m.start()])[-1]
        parts = before.rsplit(",", 2)
        title = parts[-1]
        if not title.strip() and len(parts) > 1 and len(parts[-2].split()) <= 6:
            title = parts[-2]  # "India's ambassador to China, S. Jaishankar"
        after = _CUT_RE.split(text[m.end() : m.end() + 100])[0]
        if after.startswith(","):
            apposed = after[1:].split(",")[0]
            if len(apposed.split()) <= 8:
                title += " " + apposed  # "X, the army's spokesman, said"
        out.append(" ".join(title.split()[-6:]) if title else "")
    return out


def _fits(title: str, wanted: set[str], head: str) -> bool:
    """Does the title hold every word wanted, and no qualifier of its own before the role
    ("Tiger military spokesman" is no "military spokesman": another side's)?"""
    if not wanted <= _words(title):
        return False
    before = title.lower().split(head)[0] if head in title.lower() else title
    own = {
        w
        for w in re.findall(r"[A-Z][\w'’.-]*", title[: len(before)])
        if w.lower().rstrip(".") not in names.titles()
    }
    return _words(" ".join(own)) <= wanted


def person(text: str, description: str, people: list[str]) -> str:
    """The one person in `people` (full names) whose title in `text` holds the role and every
    word of `description` ("the Sudanese president"), else ""."""
    wanted = _words(description)
    head = re.split(r"\s+(?:of|for)\s+", description)[0].split()
    if not head or head[-1].lower() not in ROLES or not wanted:
        return ""  # "the Sudanese president", "the chief of the general staff"
    role = head[-1].lower()
    found = {
        p for p in people if " " in p and any(_fits(t, wanted, role) for t in _titles(text, p))
    }
    if len(found) != 1:
        return ""
    one = next(iter(found))
    return names.person(one) or one
