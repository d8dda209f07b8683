"""Statements and who issued them (canonical.py's helper; docs/CLAIMS.md, "Canonical source").

A statement speaks for whoever issued it, never for the outlet that carried it:
- "the statement added", "The communique said", "its press release": the latest earlier source
  that is no outlet ("according to a statement carried on ANF news agency": not ANF's), a body
  or group first, else a person ("X claimed on a website ... The statement also said");
- "The Argentine communique said": the latest earlier source of that country;
- "a statement from the Ethiopian National Defense Forces", "a communique issued by Peru's joint
  chiefs of staff", "a Senegalese army press release": the body or group named in it.
A broadcast is its broadcaster's: "the report" or "the broadcast", with no publisher named, is
the latest earlier source that is a radio, a television, a news agency or an outlet named by
its kind ("State-run Radio Lusaka said ... The report also said"; "the X newspaper").
"""

from __future__ import annotations

import functools
import re
from typing import Any

from tui.pipeline.analyze import names, sides
from tui.pipeline.analyze.lexicon import words
from tui.pipeline.analyze.lists import org_rows, split_forms

NOUNS = words("statement communique communiqué post message release announcement update bulletin")
_OWNERS = words("the its their his her this that")
_OUTLET_KINDS = ("news agency", "outlet")
_OUTLET_HEADS = re.compile(
    r"\b(?:news\s+agency|agency|website|web\s+site|newspaper|daily|television|TV|radio|channel|"
    r"broadcaster|media)$",
    re.IGNORECASE,
)


@functools.cache
def _outlets() -> frozenset[str]:
    """Every spelling of a listed news agency or outlet, in lower case (data/orgs.tsv)."""
    out = set()
    for name, kind, forms, _country in org_rows():
        if kind in _OUTLET_KINDS:
            out.update(f.lower() for f in (name, *split_forms(forms)))
    return frozenset(out)


def is_outlet(name: str) -> bool:
    """Is `name` an outlet or news agency ("Interfax", "the ANF news agency", "state TV")?"""
    bare = re.sub(r"^(?:the|The)\s+", "", name.replace("’", "'")).strip()
    return bare.lower() in _outlets() or bool(_OUTLET_HEADS.search(bare))


# A statement named in the text with its issuer: "a Senegalese army press release", "a
# statement from the Ethiopian National Defense Forces", "a communique issued by Peru's army".
_NAMED_RE = re.compile(
    r"\b(?:a|an|the|its|their|his|her)\s+(?P<phrase>(?:[\w'’.-]+\s+){0,4}?"
    r"(?:statement|communiqu[eé]|press\s+release|bulletin)"
    r"(?:\s+(?:(?:issued|released|put\s+out)\s+)?(?:by|from)\s+(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’.-]*)*(?:['’]s?\s+[a-z]+(?:\s+[a-z]+){0,3})?)?)"
)


def named_issuer(text: str, before: int) -> str:
    """The issuer of the last statement the text names with its issuer before `before`, if the
    phrase names one ("a Senegalese army press release" -> "Senegalese army"), else ""."""
    last = None
    for m in _NAMED_RE.finditer(text, max(0, before - 1500), before):
        last = m
    if last is None:
        return ""
    return names.issuer("a " + last.group("phrase"))


def reference(name: str) -> str | None:
    """None when `name` is no reference to a statement; else the country its adjective names
    ("The Argentine communique": "Argentina"), or "" ("the statement", "its press release")."""
    parts = name.replace("’", "'").split()
    if len(parts) == 3 and " ".join(parts[1:]).lower() == "press release":
        parts = [parts[0], "release"]
    if len(parts) not in (2, 3) or parts[0].lower() not in _OWNERS:
        return None
    if parts[-1].lower() not in NOUNS:
        return None
    if len(parts) == 3:
        return sides.country(parts[1])  # not "the final statement", "the rebel communique"
    return ""


def issuer(name: str, earlier: list[Any]) -> Any | None:
    """The earlier source whose statement `name` is ("the statement", "The Argentine
    communique"), or None when `name` is no such reference or nothing fits."""
    side = reference(name)
    if side is None:
        return None
    speakers = [
        d for d in reversed(earlier) if not is_outlet(d.canonical) and not is_outlet(d.name)
    ]
    if side:
        return next((d for d in speakers if not d.person and d.affiliation == side), None)
    found = next((d for d in speakers if not d.person), None)
    return found if found is not None else next(iter(speakers), None)


_BROADCAST_RE = re.compile(r"^(?:the|The)\s+(?:radio\s+|television\s+)?(?:report|broadcast)$")
_MEDIUM_RE = re.compile(r"\b(?:radio|television|TV|news\s+agency|broadcaster)\b", re.IGNORECASE)


def broadcaster(name: str, earlier: list[Any]) -> Any | None:
    """The broadcaster whose report `name` is ("the report", "the broadcast"), or None."""
    if not _BROADCAST_RE.match(name.strip()):
        return None
    return next(  # also a newspaper or website named by its kind ("the X newspaper")
        (
            d
            for d in reversed(earlier)
            if not d.person and (_MEDIUM_RE.search(d.canonical) or is_outlet(d.name))
        ),
        None,
    )
