"""The name lists under data/ (weapons.tsv, orgs.tsv), and a matcher that finds their entries.

The lists are data, each file saying where its entries come from and how to extend it. They
are read once per process. Matching is by word lookup rather than by one regex alternation of
every spelling: Python's regex engine tries the branches of an alternation one by one at each
position, and a thousand spellings over a long article cost more than the rest of the entity
rules; a dictionary keyed by the first word, then by the whole phrase, costs one lookup a word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

_DATA = "tui.pipeline.analyze.data"


def rows(filename: str) -> list[list[str]]:
    """The rows of a tab-separated list under data/: comment lines and the header skipped."""
    text = resources.files(_DATA).joinpath(filename).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def split_forms(cell: str) -> list[str]:
    return [form.strip() for form in cell.split("|") if form.strip()]


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    form: str  # the key that matched (apostrophes straightened)
    value: object  # what the list says about the form


# Punctuation that may stick to the first or last word of a name in running text.
_LEAD = "([{\"'“‘«/"
_TRAIL = ")]}\"'”’»,;:!?./"
_APOSTROPHES = "'’"
_TOKEN = re.compile(r"\S+")


class PhraseIndex:
    """Exact phrases (one to a dozen words) looked up word by word in a text.

    `add(form, value)`: a phrase as written; `find(text)`: every occurrence of a phrase as
    whole words, longest first where several start at one word, none overlapping. A word may
    carry punctuation and a possessive after it ("Hamas's", "HIMARS,") and a bracket or quote
    before it. Curly apostrophes count as straight ones. `variants` (optional) gives more keys
    to try for the last word of a phrase (a plural, a model variant: "F-16s", "T-72B3").
    """

    def __init__(self) -> None:
        self._phrases: dict[str, object] = {}
        self._longest: dict[str, int] = {}  # first word -> most words of a phrase it starts

    def add(self, form: str, value: object) -> None:
        form = " ".join(form.replace("’", "'").split())
        self._phrases.setdefault(form, value)
        first = form.split(" ", 1)[0]
        self._longest[first] = max(self._longest.get(first, 0), form.count(" ") + 1)

    def __contains__(self, form: str) -> bool:
        return form.replace("’", "'") in self._phrases

    def get(self, form: str) -> object | None:
        return self._phrases.get(form.replace("’", "'"))

    def find(self, text: str, variants: object = None) -> list[Hit]:
        plain = text.replace("’", "'")
        words, cores, capitalised, lower = _tokens(plain)
        longest = self._longest
        # Only words that can open a listed phrase are tried: those that open a name as the
        # lists write them (a capital or a digit), and the few lower-case first words of the
        # list ("al-Qaeda", "dpa"). Variants (a plural, a model suffix) need the capital too.
        candidates = list(capitalised)
        for first in self._lower_firsts():
            candidates += lower.get(first, ())
        candidates.sort()
        hits: list[Hit] = []
        free_from = 0
        for i in candidates:
            if i < free_from:
                continue
            start, end = cores[i]
            if (
                variants is None
                and plain[start:end] not in longest
                and plain[start : words[i][1]] not in longest
            ):
                continue
            hit = self._match_at(plain, words, cores, i, variants)
            if hit is not None:
                hits.append(hit[0])
                free_from = hit[1]
        return hits

    @functools.cache  # noqa: B019 (one index per list, for the life of the process)
    def _lower_firsts(self) -> tuple[str, ...]:
        return tuple(w for w in self._longest if not (w[:1].isupper() or w[:1].isdigit()))

    def _match_at(
        self,
        plain: str,
        words: list[tuple[int, int]],
        cores: list[tuple[int, int]],
        i: int,
        variants: object,
    ) -> tuple[Hit, int] | None:
        first_start, first_end = cores[i]
        first = plain[first_start:first_end]
        longest = max(
            self._longest.get(first, 0),
            self._longest.get(plain[first_start : words[i][1]], 0),
            1 if variants is not None and (first[:1].isupper() or first[:1].isdigit()) else 0,
        )
        for size in range(min(longest, len(words) - i), 0, -1):
            last = i + size - 1
            # A name goes on only over plain spaces: no punctuation between its words, but the
            # commas of a listed name that has them ("for Peace, Security and Development").
            if any(
                plain[cores[k][1] : words[k][1]] not in ("", "'", "'s", ",")
                for k in range(i, last)
            ):
                continue
            if any(cores[k][0] != words[k][0] for k in range(i + 1, last + 1)):
                continue
            start, end = first_start, cores[last][1]
            for key, key_end in _keys(plain, start, end, variants):
                value = self._phrases.get(key)
                if value is not None:
                    return Hit(start, key_end, key, value), last + 1
        return None


@functools.lru_cache(maxsize=4)
def _tokens(
    plain: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], dict[str, list[int]]]:
    """The words of a text, their cores, the indices of the words that open with a capital or
    a digit, and the others' indices by core; shared by the lists searched in one text."""
    words = [piece for m in _TOKEN.finditer(plain) for piece in _credit_pieces(plain, *m.span())]
    cores = [_core(plain, s, e) for s, e in words]
    capitalised: list[int] = []
    lower: dict[str, list[int]] = {}
    for i, (start, end) in enumerate(cores):
        first = plain[start : start + 1]
        if first.isupper() or first.isdigit():
            capitalised.append(i)
        else:
            lower.setdefault(plain[start:end], []).append(i)
    return words, cores, capitalised, lower


# A slash between two names, as in a photo credit ("Ahmed Hassan/AFP", "REUTERS/VALENTYN
# OGIRENKO"), ends a word; a designation keeps its slash ("Kh-101/102", "M/V").
_CREDIT_SLASH = re.compile(r"(?<=[^\W\d_]{2})/(?=[A-Z])")


def _credit_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for slash in _CREDIT_SLASH.finditer(text, start, end):
        pieces.append((start, slash.start()))
        start = slash.end()
    pieces.append((start, end))
    return pieces


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A word without the punctuation and possessive around it ("(HIMARS)," -> "HIMARS")."""
    while start < end and text[start] in _LEAD:
        start += 1
    while end > start:
        possessive = _possessive_at(text, start, end)
        if possessive > start:
            end = possessive
        elif text[end - 1] in _TRAIL and not _is_abbreviation(text, start, end):
            end -= 1
        else:
            break
    return start, end


def _possessive_at(text: str, start: int, end: int) -> int:
    """Where a closing possessive ("'s", "’s", a bare apostrophe) starts, else -1 (what
    `['’]s?$` finds, without trying every position of the word)."""
    last = text[end - 1]
    if last in _APOSTROPHES:
        return end - 1
    if last == "s" and end - start >= 2 and text[end - 2] in _APOSTROPHES:
        return end - 2
    return -1


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """ "U.N." and "U.S." keep their last full stop."""
    return end - start >= 4 and text[end - 1] == "." and text[end - 3] == "."


def _keys(text: str, start: int, end: int, variants: object) -> list[tuple[str, int]]:
    phrase = text[start:end]
    keys = [(phrase, end)]
    if phrase.endswith(".") and not phrase.endswith(".."):
        keys.append((phrase[:-1], end - 1))
    if callable(variants):
        keys += variants(phrase, end)
    return keys


@functools.cache
def weapon_rows() -> list[list[str]]:
    return rows("weapons.tsv")


@functools.cache
def org_rows() -> list[list[str]]:
    return rows("orgs.tsv")


def acronym(form: str) -> bool:
    """Whether `form` is an acronym, to be matched as written: "RSF", and also one written in
    mixed case ("JeM", "LeT"), which folded to lower case would be another group's ("JEM", the
    Justice and Equality Movement); not a name with capitals inside ("Hizb-ul-Mujahideen")."""
    letters = [c for c in form if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return " " not in form and upper >= 2 and 2 * upper >= len(letters)


# The armed groups of data/orgs.tsv are their own sides too ("the LTTE", "Tamil Tigers"): by
# their names and spelled-out forms only, since a bare acronym there may be another body's in
# the article ("SNA": the Syrian National Army, or the Somali National Army).
def armed_groups() -> list[tuple[str, str, str]]:
    out = []
    for name, kind, forms, _ in org_rows():
        if kind != "armed group":
            continue
        spelled = [f for f in split_forms(forms) if not acronym(f)]
        side = name
        out.append((name, " | ".join(spelled), side))
    return out


# A branch named as its parent "in" or "of" a land ("al-Qaeda in the Arabian Peninsula",
# "Islamic State in Somalia") is written with every spelling of the parent's name ("al Qaida
# in the Arabian Peninsula"); not its acronyms ("ISIS in Somalia"), nor a form ending in a
# lower-case word or holding a preposition already ("Islamic State group", "X of Y").
_BRANCH = re.compile(r"(?P<parent>.+?) (?P<rest>(?:in|of) .+)")


@functools.cache
def _parents() -> dict[str, list[str]]:
    """Every spelled-out form of a listed organisation -> all that organisation's spellings."""
    out: dict[str, list[str]] = {}
    for name, _kind, forms, _country in org_rows():
        spelled = [f for f in [name, *split_forms(forms)] if _parent_form(f)]
        for form in spelled:
            out.setdefault(form.casefold(), spelled)
    return out


def _parent_form(f: str) -> bool:
    return not acronym(f) and f.split()[-1][:1].isupper() and not _BRANCH.match(f)


def branch_forms(written: list[str]) -> list[str]:
    """A row's forms, with a branch's name also written with each of its parent's spellings."""
    out = list(written)
    for form in written:
        branch = _BRANCH.match(form)
        for parent in _parents().get(branch["parent"].casefold(), []) if branch else []:
            out.append(parent + " " + branch["rest"])
    return list(dict.fromkeys(out))
