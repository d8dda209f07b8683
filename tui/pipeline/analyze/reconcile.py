"""Where a rule's organisation and the model's meet: which of the two spans the name is.

The rules (orgs.py, bodies.py) cut names by their shape and win over the model, so where
their shape stops short of the name the model saw whole, the rule's span is the wrong one:

- a possessive inside a name ("Lord's Resistance Army", "People's Liberation Army of
  China", "Ankara Chief Public Prosecutor's Office"): the unit rule starts after the
  possessive; when the model's organisation ends where the rule's does and opens with one
  capitalised word and its possessive that names no place, no listed organisation and no
  person, the name starts there ("Russia's Airborne Forces", "Hamas's Qassam Brigades" stay
  the owner and the unit).
"""

from __future__ import annotations

import re
from typing import Any

from tui.pipeline.analyze import bodies, gazetteer, given_names

_OWNER = re.compile(r"(?P<owner>[A-Z][a-z]+)['’]s? $")


def possessive_names(text: str, rules: list[Any], model: list[Any]) -> None:
    """Move a rule's organisation back over an owner word the model's span holds."""
    ends = {m.end: m.start for m in model if m.type == "ORG"}
    for rule in rules:
        if rule.type != "ORG" or rule.end not in ends:
            continue
        start = ends[rule.end]
        owner = _OWNER.fullmatch(text, start, rule.start)
        if owner is None or not _common_owner(owner["owner"]):
            continue
        rule.start = start
        rule.name = ""
        if rule.key.startswith("unit:"):
            rule.key = "unit:" + text[start : rule.end].lower()


def _common_owner(word: str) -> bool:
    """Whether a possessive's word can open a name: no place, organisation or person owns it."""
    return (
        gazetteer.lookup(word) is None
        and bodies.known_key(word) is None
        and not given_names.is_given_name(word)
    )
