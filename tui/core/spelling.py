"""Spelling variants for search: "air defence" also finds "air defense", "Kyiv" finds "Kiev".

A pure function over a small table (data/spelling_variants.tsv beside this module, which says
where its entries come from); part of the query language, so the store can call it for every
query and the analyzer can use it too. Only listed forms are varied: a general rule (-ise/-ize,
-our/-or) would also "vary" words that have one spelling ("promise", "four").
"""

from __future__ import annotations

import functools
from itertools import product
from pathlib import Path

_MAX = 16  # variants of one term at most: the product of its words' forms grows fast
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})


_TABLE = Path(__file__).with_name("data") / "spelling_variants.tsv"


def _rows() -> list[str]:
    """The first column of each line (comments start with '#'; columns are tab-separated)."""
    lines = _TABLE.read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return [ln.split("\t")[0].strip() for ln in kept]


@functools.cache
def _groups() -> tuple[dict[str, tuple[str, ...]], int]:
    """Lower-case form -> every form of its group, first the one written in the table."""
    table: dict[str, tuple[str, ...]] = {}
    longest = 1
    for column in _rows():
        forms = tuple(f.strip() for f in column.split("|") if f.strip())
        for form in forms:
            table[_key(form)] = forms
            longest = max(longest, len(form.split()))
    return table, longest


def _key(form: str) -> str:
    return " ".join(form.translate(_APOSTROPHES).lower().split())


def variants(term: str) -> tuple[str, ...]:
    """`term` and its spelling variants, `term` first; words the table lacks stay as they are.

    Multi-word forms ("Khan Younis") are matched before single words; case follows the table
    for a capitalised form and the term's own case otherwise ("Air Defence" -> "Air Defense").
    Give the term without quotation marks: `variants('air defence')`.
    """
    table, longest = _groups()
    words = term.split()
    if not words:
        return (term,)
    choices: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            forms = table.get(_key(phrase.strip('.,;:!?"“”')))
            if forms is not None:
                choices.append(tuple(_cased(phrase, f) for f in _ordered(phrase, forms)))
                i += n
                break
        else:
            choices.append((words[i],))
            i += 1
    out: list[str] = []
    for combo in product(*choices):
        joined = " ".join(combo)
        if joined not in out:
            out.append(joined)
        if len(out) >= _MAX:
            break
    return tuple(out)


def _ordered(phrase: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """The form as written first, then the others."""
    own = _key(phrase.strip('.,;:!?"“”'))
    return tuple(sorted(forms, key=lambda f: _key(f) != own))


def _cased(written: str, form: str) -> str:
    """A table form in the case the term was written in, when the table form is lower case."""
    if _key(form) == _key(written.strip('.,;:!?"“”')):
        return written
    if form[:1].isupper():
        return form
    if written.isupper():
        return form.upper()
    if written[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
