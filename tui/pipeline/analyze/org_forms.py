"""An organisation's short name, as the article that names it in full goes on to write it
(sixteenth pass).

English copy names a group once in full and then by its head noun, capitalised: "the Syrian
Observatory for Human Rights ... according to the Observatory", "the Freedom of Russia Legion
... The Legion was declared ...", "the Liberation Tigers of Tamil Eelam (LTTE) ... the Tigers
... Tiger fighters" (a plural head's singular is its adjective). So where a listed or
pattern-found organisation is in the document, its head noun alone, capitalised and standing
outside any other name, is that organisation. Not the generic heads that every body shares
("Army", "Ministry", "Forces", "Front", "Guard": labels.ORG_WORDS), which "the Army" or "the
Front" could mean of several, nor a place's name ("Islamic State Khorasan"); and the short
name beats a weapon spelt the same ("Tiger", a helicopter, before "fighters").

Seventeenth pass: an acronym in brackets right after an organisation's name is that
organisation whatever its letters ("the Bolivarian National Armed Force (FANB)"), and a listed
organisation or a nationality joined by "and" to another name makes two names, not one.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import bodies, demonyms, gazetteer, labels, orgs, site_names
from tui.pipeline.analyze.grouping import Found

_CALENDAR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
    r"|August|September|October|November|December"
)
_JOIN = re.compile(r" (?:of|for) ")
_CAPITAL_BEFORE = re.compile(r"(?P<word>[A-Z][\w’'.-]*) $")
_CAPITAL_AFTER = re.compile(r" [A-Z0-9]")


def short_names(text: str, rules: list[Found], rank: int) -> list[Found]:
    """The rules' mentions with the short names of their organisations added, and no weapon
    where a short name stands."""
    heads: dict[str, str] = {}
    for m in rules:
        if m.type != "ORG" or not m.key.startswith(("org:", "unit:")):
            continue
        head = _head(m.key.split(":", 1)[1])
        if head:
            heads[head] = m.key
            if head.endswith("s") and len(head) > 4:
                heads[head[:-1]] = m.key  # "Tiger fighters": the plural head's adjective
    if not heads:
        return rules
    added = []
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, heads)) + r")(?![\w'’-])")
    for match in pattern.finditer(text):
        start, end = match.span()
        before = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and before["word"] not in orgs.NOT_UNIT_START | orgs.HEDGES:
            continue  # "Tamil Tigers", "Bengal Tigers": inside another name
        if _CAPITAL_AFTER.match(text, end):
            continue  # "the Observatory Building"
        same = (start, end)
        if any(
            r.start < end and start < r.end and r.type != "WEAPON" and (r.start, r.end) != same
            for r in rules
        ):
            continue  # inside a longer name a rule found
        added.append(Found(start, end, "ORG", rank, heads[match.group()]))
    if not added:
        return rules
    kept = [r for r in rules if not any(a.start < r.end and r.start < a.end for a in added)]
    return kept + added


def _head(name: str) -> str:
    """The capitalised head noun of a name in lower case ("liberation tigers of tamil eelam"
    is "Tigers", "freedom of russia legion" "Legion"), or "" for a generic one."""
    before = _JOIN.split(name, maxsplit=1)[0].split()
    words = before if len(before) >= 2 else name.split()
    if len(words) < 2:
        return ""
    head = words[-1].capitalize()
    if head in labels.ORG_WORDS or not head.isalpha() or len(head) < 4 or _CALENDAR.match(head):
        return ""
    if gazetteer.lookup(head) is not None or demonyms.country_of(head) is not None:
        return ""  # "Islamic State Khorasan", "the Niger Delta Avengers": a place's name
    return head


# An acronym in brackets right after an organisation's name: the article defines it there,
# whatever its letters ("the Bolivarian National Armed Force (FANB)", Spanish order; "Turkish
# Aerospace Industries (TUSAŞ)", Turkish spelling), as "the Arakan Army (AA)" is defined.
_BRACKETED = re.compile(r" \((?P<acronym>[^\W\d_][^\W_]{1,7})\)")
_TIME_ZONES = frozenset(("GMT", "UTC", "EST", "EDT", "CET", "CEST", "BST", "WAT", "EAT"))


def bracketed_acronyms(text: str, kept: list[Found], rank: int) -> list[Found]:
    """The acronyms defined in brackets after an organisation's name, as that organisation
    (its key given to both), where no other name stands and the acronym is no kind of thing
    ("a Non-Governmental Organisation (NGO)", "Improvised Explosives Devices (IEDS)"), no
    time zone and no place ("(US)")."""
    added = []
    for m in kept:
        hit = _BRACKETED.match(text, m.end) if m.type == "ORG" else None
        if hit is None or not hit["acronym"].isupper():
            continue
        acronym, (start, end) = hit["acronym"], hit.span("acronym")
        kinds = bodies.KIND_ACRONYMS | _TIME_ZONES
        if {acronym, acronym[:-1], acronym[:-1] + "s"} & kinds or gazetteer.lookup(acronym):
            continue
        if any(o.start < end and start < o.end for o in kept):
            continue
        m.key = m.key or "org:" + text[m.start : m.end].casefold()
        added.append(Found(start, end, "ORG", rank, m.key))
    return kept + added if added else kept


def coordinated(text: str, kept: list[Found]) -> list[Found]:
    """Two names joined by "and" into one organisation are two where the first is a listed
    organisation or a nationality and the second a name of its own ("both of Taliban and
    National Resistance Front fighters", "a coalition of Comoran and African Union troops");
    "the Defence and Security Forces" and a listed name with "and" in it stay whole."""
    out = []
    for m in kept:
        surface = text[m.start : m.end]
        left, _, right = surface.partition(" and ")
        if m.type != "ORG" or not right or bodies.known_key(surface) is not None:
            out.append(m)
            continue
        listed = bodies.known_key(left)
        own = bodies.known_key(right) is not None or len(right.split()) >= 2
        if not own or not right[:1].isupper() or not (listed or demonyms.is_nationality(left)):
            out.append(m)
            continue
        right_start = m.start + len(left) + len(" and ")
        if listed:
            out.append(Found(m.start, m.start + len(left), "ORG", m.rank, listed))
        key = bodies.known_key(right) or ("org:" + right.casefold() if m.key else "")
        out.append(Found(right_start, m.end, "ORG", m.rank, key))
    return out


def repaired(text: str, kept: list[Found], rank: int) -> list[Found]:
    """The resolved mentions with coordinated names split, bracketed acronyms added and named
    sites made places (site_names.py)."""
    return site_names.repaired(text, bracketed_acronyms(text, coordinated(text, kept), rank), rank)
