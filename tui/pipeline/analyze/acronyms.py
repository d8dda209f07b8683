"""Acronyms an article defines without brackets: the name it writes whose letters they are.

names.acronyms finds an acronym the article spells out ("Rapid Support Forces (RSF)"). Wire
copy often writes the full name once and the acronym elsewhere with nothing joining them:
"the Indian Air Force ... The IAF said", "Iran's Islamic Republic News Agency ... IRNA said".
An acronym of three letters or more is then the name the article writes
- whose capitalised words' initials spell it, linking words left out ("Islamic Republic News
  Agency", "Nigerian National Petroleum Corporation", "Press Trust of India"); or
- that data/orgs.tsv lists with that acronym, when the article writes that name in full (an
  acronym of another language's order: "MNLA", the "National Movement for the Liberation of
  Azawad").
An acronym the article writes and defines nowhere stays as written ("JNIM", "NATO").
"""

from __future__ import annotations

import functools
import re

from tui.pipeline.analyze import names
from tui.pipeline.analyze.lists import org_rows, split_forms

_ACRONYM_RE = re.compile(r"\b[A-Z]{3,7}\b")
# A run of capitalised words, with the linking words a proper name may hold.
_RUN_RE = re.compile(
    r"\b[A-Z][\w'’`-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+the\s+|for\s+|and\s+|the\s+)?"
    r"[A-Z][\w'’`-]*){1,7}"
)


@functools.cache
def _listed() -> dict[str, str]:
    """Acronym -> the full name data/orgs.tsv lists it for (one name only)."""
    out: dict[str, str] = {}
    seen: set[str] = set()
    for name, _kind, forms, _country in org_rows():
        for form in split_forms(forms):
            if form.isupper() and " " not in form:
                if form in out and out[form] != name:
                    seen.add(form)  # two bodies share it: no expansion
                out[form] = name
    return {k: v for k, v in out.items() if k not in seen}


def defined(text: str, spelled: dict[str, str]) -> dict[str, str]:
    """Acronym -> full name for each acronym `text` writes that `spelled` (names.acronyms) does
    not hold and the text defines by writing the name elsewhere."""
    out: dict[str, str] = {}
    runs = [m.group().replace("`", "’") for m in _RUN_RE.finditer(text)]
    for acr in dict.fromkeys(_ACRONYM_RE.findall(text)):
        if acr in spelled:
            continue
        full = _by_initials(acr, runs) or _by_list(acr, text)
        if full:
            out[acr] = full
    return out


def _by_initials(acr: str, runs: list[str]) -> str:
    for run in runs:
        parts = run.split()
        for k in range(len(parts)):
            for j in range(len(parts), k, -1):
                candidate = " ".join(parts[k:j])
                ends = parts[j - 1][:1].isupper() and parts[k][:1].isupper()
                if ends and candidate != acr and names.initials(candidate) == acr:
                    return candidate
    return ""


def _by_list(acr: str, text: str) -> str:
    full = _listed().get(acr, "")
    if full and full.lower() in text.replace("’", "'").lower():
        return full
    return ""
