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
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import demonyms, gazetteer, labels, orgs
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
