"""One name per source: the canonical form a claim is filed under, and its affiliation.

The source *name* (sources.py) is the phrase as the article writes it, pronouns resolved. The
*canonical* name merges the ways one speaker is written (docs/CLAIMS.md, "Canonical source"):
- apostrophes straightened, datelines ("BANGKOK:", "GAZA/CAIRO (Reuters) -") and leading
  articles and number words dropped ("Two residents" -> "residents");
- a person without titles, ranks or the role before the name ("Kremlin spokesman Dmitry
  Orlovsky", "Col. Diarra" -> "Dmitry Orlovsky", "Souleymane Diarra"), under the fullest form
  of the name the article gives;
- a state body as "<adjective> <Body>" from data/state_bodies.tsv ("Russia's defence ministry",
  "the Russian Defense Ministry", "Russian MoD" -> "Russian Defence Ministry");
- a named force or group, or an acronym the article spells out, under its full name ("RSF" ->
  "Rapid Support Forces", "M23 rebels" -> "M23"); a capital for its country ("Moscow" ->
  "Russia"); what a group is "known as" or "calls itself";
- "the statement added" under whoever issued the statement; a back-reference or pronoun under
  its antecedent's canonical name (sources.py records which claim that is).
The affiliation comes from sides.py, or from the antecedent, or for a bare state body ("the
government", "police") from the country the article has named most so far.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from tui.pipeline.analyze import sides
from tui.pipeline.analyze.datafiles import rows, split_list
from tui.pipeline.analyze.lexicon import words
from tui.pipeline.analyze.sentences import DATELINE_RE
from tui.pipeline.models import Entity

_LEADING_RE = re.compile(
    r"^(?:(?:the|a|an|this|that|these|those|another|some|several|many|two|three|four|five|six|"
    r"seven|eight|nine|ten|dozens of|\d+)\s+)+",
    re.IGNORECASE,
)
_KNOWN_AS_RE = re.compile(
    r"\b(?:known as|calling itself|calls itself|which calls itself|called|dubbed)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|in|for|al-\w+))*)"
)
_POSSESSIVE_RE = re.compile(
    r"^(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})['’]s?\s+(?P<rest>.+)$"
)
_OF_RE = re.compile(r"^(?P<body>.+?)\s+of\s+(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})$")
_STATEMENT_NOUNS = words(
    "statement communique communiqué post message release announcement update bulletin"
)
_MEMBERS = frozenset(("rebels", "fighters", "militants", "insurgents", "group", "movement"))
_NAME_WORD_RE = re.compile(r"^(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|van|von|da|du|el-\w+)$")
_PLACE_WORDS = words("of in at for from to near by on the with and")
_ACRONYM_AFTER_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]*\s+)(?:(?:of|for|the|and)\s+|[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)\s+\((?P<acr>[A-Z][A-Z0-9]{1,7})\)"
)
_ACRONYM_BEFORE_RE = re.compile(
    r"\b(?P<acr>[A-Z][A-Z0-9]{1,7}),\s+the\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the))*\s*[A-Z][\w'’-]*)"
)
_CAP_RE = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
# Definite descriptions that refer back to a group: "the paramilitary force", "the group".
_DESCRIPTION_RE = re.compile(
    r"^(?:the|The)\s+(?:[a-z-]+\s+)?(?:group|organization|organisation|agency|force|forces|"
    r"militia|rebels|insurgents|fighters|militants|movement|faction|paramilitaries|jihadists)$"
)
_ARMED = words(
    "force forces militia rebels insurgents fighters militants faction paramilitaries jihadists "
    "movement"
)
_VERBS = frozenset(("said", "says", "told", "added", "reported", "announced", "claimed"))
_APPOSED_RE = re.compile(r",\s+(?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]+)\s*(?:,|$)")


@functools.cache
def _bodies() -> dict[str, str]:
    """Lower-case variant -> canonical body name ("ministry of defense" -> "Defence Ministry")."""
    out = {}
    for row in rows("state_bodies.tsv"):
        canonical, variants = row[0], row[1] if len(row) > 1 else ""
        for form in (canonical.lower(), *split_list(variants)):
            out[form] = canonical
    return out


@functools.cache
def _body_re() -> re.Pattern[str]:
    """Any body variant as whole words, longest first."""
    variants = sorted(_bodies(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in variants) + r")\b")


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(row[0].lower().rstrip(".") for row in rows("source_titles.txt"))


@functools.cache
def _adjectives() -> dict[str, str]:
    return dict((row[0], row[1]) for row in rows("country_adjectives.tsv") if len(row) > 1)


def adjective(country: str) -> str:
    """ "Russia" -> "Russian"; "United States" -> "U.S."; the country itself when none is known."""
    from tui.pipeline.analyze import demonyms

    return _adjectives().get(country) or demonyms.demonym_of(country) or country


class Namer:
    """Canonical names and affiliations for the drafts of one article, in text order."""

    def __init__(self, text: str, entities: tuple[Entity, ...]) -> None:
        self.text = text
        self.people = sorted(
            {e.name.replace("’", "'") for e in entities if e.type == "PERSON"}, key=len
        )
        self.acronyms = _acronyms(text)
        self._countries: list[tuple[int, str]] | None = None

    def name(self, draft: Any, earlier: list[Any]) -> tuple[str, str]:
        """(canonical, affiliation) of `draft`, given the drafts before it."""
        if draft.antecedent >= 0:
            first = earlier[draft.antecedent]
            return first.canonical, first.affiliation
        phrase = _clean(self.text[draft.source[0] : draft.source[1]])
        name = _clean(draft.name) or phrase
        known = _KNOWN_AS_RE.search(phrase)
        if known and not name.split()[-1][:1].isupper():
            name = known.group("name")  # "a coalition of gangs known as X"; not "The M23, ..."
        issuer = self._issuer(name, earlier)
        if issuer is not None:
            return issuer.canonical, issuer.affiliation
        wide = self._lead_in(draft) + phrase
        forced = self._force(_LEADING_RE.sub("", name).strip())
        if forced is not None:
            return forced
        if draft.antecedent < 0 and _DESCRIPTION_RE.match(name):
            found = self._described(name, draft.source[0], earlier)
            if found is not None:
                return found
        person = ""
        if draft.person or name in self.people:
            person = self._person(name) or self._person(_apposed(phrase))
        if person:
            side = sides.affiliation(_without(wide, person), self.acronyms)
            side = (
                side or self._side_of_same(person, earlier) or self._side_by_body(phrase, earlier)
            )
            if not side and re.match(r"(?i)(?:its|their)\s", phrase):
                side = next((d.affiliation for d in reversed(earlier) if not d.person), "")
            return person, side
        canonical, side = self._group(name)
        if not side:
            side = sides.affiliation(wide, self.acronyms)
        if not side and canonical.lower() in _bodies():
            side = self._article_country(draft.source[0])  # "the government", "police"
        if not side:
            side = self._side_of_same(canonical, earlier) or self._side_by_body(phrase, earlier)
        return canonical, side

    def _lead_in(self, draft: Any) -> str:
        """ "A spokesman for the Sudanese army, Brig. X, said": the words before the source
        when they are an apposition to it (short, set off by a comma, no verb)."""
        lead = self.text[draft.sent[0] : draft.source[0]]
        words = lead.split()
        while words and words[-1].lower().rstrip(".") in _titles():
            words.pop()  # "..., Brig. " before the name
        lead = " ".join(words)
        if not lead.endswith(",") or len(words) > 10:
            return ""
        if any(w.lower() in _VERBS for w in re.findall(r"[a-z]+", lead)):
            return ""
        return lead + " "

    def _described(self, name: str, before: int, earlier: list[Any]) -> tuple[str, str] | None:
        """ "the paramilitary force", "the rebels": the group named last; "the group", "the
        organization": the last source that is no person, if it spoke in the last sentences."""
        head = name.lower().split()[-1]
        if head in _ARMED:
            for d in reversed(earlier):
                if sides.group(d.canonical) is not None:
                    return d.canonical, d.affiliation
            found = None
            for m in _CAP_RE.finditer(self.text, 0, before):
                for word in (m.group(), m.group().split()[0]):
                    hit = self._force(word)
                    if hit is not None:
                        found = hit
                        break
            return found
        for d in reversed(earlier[-3:]):
            if not d.person and not _is_state_body(d.canonical):
                return d.canonical, d.affiliation
        return None

    def _issuer(self, name: str, earlier: list[Any]) -> Any | None:
        """ "the statement added": the latest earlier source that is not a person."""
        words = name.lower().split()
        if len(words) != 2 or words[0] not in ("the", "its", "their", "his", "her"):
            return None
        if words[1] not in _STATEMENT_NOUNS:
            return None
        return next((d for d in reversed(earlier) if not d.person), None)

    def _person(self, name: str) -> str:
        """A person's name without titles or role words, in its fullest form, or "" if none."""
        words = _LEADING_RE.sub("", name).split()
        tail: list[str] = []
        for word in reversed(words):
            if not _NAME_WORD_RE.match(word) or word.lower().rstrip(".") in _titles():
                break
            tail.insert(0, word)
        while tail and tail[0].lower().rstrip(".") in _titles():
            tail.pop(0)
        if not tail or (len(words) > len(tail) and words[-len(tail) - 1].lower() in _PLACE_WORDS):
            return ""
        short = " ".join(tail)
        fuller = [p for p in self.people if p == short or p.endswith(" " + short)]
        return fuller[-1] if fuller else short

    def _group(self, name: str) -> tuple[str, str]:
        """(canonical, side) of a group, body, country or description."""
        bare = _LEADING_RE.sub("", name).strip()
        if not bare:
            return name, ""
        if (c := _capital_or_country(bare)) is not None:
            return c, c
        seat = sides.seats().get(bare.lower().replace("’", "'"))
        if seat is not None:
            return bare, seat
        found = self._force(bare)
        if found is not None:
            return found
        proper = _proper_tail(bare)
        if proper and (found := self._force(proper)) is not None:
            return found
        body = _body(bare)
        if body is not None:
            return body
        possessive = _POSSESSIVE_RE.match(bare)
        if possessive:
            owner, rest = possessive.group("owner"), possessive.group("rest")
            c = _capital_or_country(owner) if sides.capitals().get(owner.lower()) is None else None
            if c is not None:
                return f"{adjective(c)} {rest}", c
            found = self._force(owner)
            if found is not None:
                return f"{owner} {rest}", found[1]
            return f"{owner} {rest}", ""
        if proper:
            return proper, ""
        return bare, ""

    def _force(self, name: str) -> tuple[str, str] | None:
        words = name.split()
        if words and words[-1].lower() in _MEMBERS and len(words) > 1:
            trimmed = " ".join(words[:-1])
            found = self._force(trimmed)
            if found is not None:
                return found
        if name in self.acronyms:
            full = self.acronyms[name]
            found = sides.group(full)
            return found if found is not None else (full, full)
        found = sides.group(name)
        if found is not None:
            return found
        for acr, full in self.acronyms.items():
            if _fold(full) == _fold(name):
                found = sides.group(acr) or sides.group(full)
                return (full, found[1]) if found else (full, full)
        return None

    def _side_of_same(self, canonical: str, earlier: list[Any]) -> str:
        for d in reversed(earlier):
            if d.canonical == canonical and d.affiliation:
                return d.affiliation
        return ""

    def _side_by_body(self, phrase: str, earlier: list[Any]) -> str:
        """ "an army spokesman": the side of the nearest earlier source that is that body."""
        for m in _body_re().finditer(phrase.lower()):
            body = _bodies()[m.group()]
            for d in reversed(earlier):
                if d.canonical.endswith(body) and d.affiliation:
                    return d.affiliation
        return ""

    def _article_country(self, before: int) -> str:
        """The country named most often before `before`, through names, demonyms and capitals."""
        if self._countries is None:
            found = []
            for m in _CAP_RE.finditer(self.text):
                c = sides.country(m.group()) or sides.country(m.group().split()[0])
                if c is not None:
                    found.append((m.start(), c))
            self._countries = found
        counts = Counter(c for at, c in self._countries if at < before)
        return counts.most_common(1)[0][0] if counts else ""


def _clean(name: str) -> str:
    name = name.replace("’", "'").replace("‘", "'")
    dateline = DATELINE_RE.match(name)
    name = name[dateline.end() :] if dateline else name
    return " ".join(name.strip(' \t\n"“”,;:').split())


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _is_state_body(canonical: str) -> bool:
    low = canonical.lower()
    return any(low == body or low.endswith(" " + body) for body in _bodies())


def _apposed(phrase: str) -> str:
    """ "A community leader in Gwoza, Bulama Kachalla": the proper name set off by commas."""
    m = _APPOSED_RE.search(phrase)
    return m.group("name") if m else ""


def _without(phrase: str, person: str) -> str:
    """The phrase with the person's own name taken out (so "Said" is not read as a place)."""
    last = person.split()[-1]
    return phrase.replace(person, " ").replace(last, " ")


def _capital_or_country(word: str) -> str | None:
    """ "Moscow" -> "Russia", "Ukraine" -> "Ukraine" (a bare country or capital as the source)."""
    if " " in word.strip() and sides.capitals().get(word.lower()) is None:
        from tui.pipeline.analyze import gazetteer

        place = gazetteer.lookup(word)
        return place.name if place is not None and place.kind == "country" else None
    capital = sides.capitals().get(word.lower())
    if capital is not None:
        return capital
    from tui.pipeline.analyze import gazetteer

    place = gazetteer.lookup(word)
    return place.name if place is not None and place.kind == "country" else None


def _body(bare: str) -> tuple[str, str] | None:
    """(body, country) of "Russia's defence ministry", "the Russian MoD", "armed forces of
    Ukraine"; None for anything else."""
    bodies = _bodies()
    words = bare.replace("’", "'").split()
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        owner = " ".join(words[:n])
        rest = " ".join(words[n:]).lower()
        if rest not in bodies:
            continue
        owner = owner.removesuffix("'s").removesuffix("'")
        c = sides.country(owner) if " " not in owner else _capital_or_country(owner)
        if c is not None:
            return f"{adjective(c)} {bodies[rest]}", c
    of = _OF_RE.match(bare)
    if of and of.group("body").lower() in bodies:
        c = sides.country(of.group("owner")) or _capital_or_country(of.group("owner"))
        if c is not None:
            return f"{adjective(c)} {bodies[of.group('body').lower()]}", c
    return None


def _proper_tail(bare: str) -> str:
    """ "Ukraine's nuclear operator Energoatom" -> "Energoatom": a proper name after a role noun."""
    words = bare.split()
    tail: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        tail.insert(0, word)
    if not tail or len(tail) == len(words):
        return ""
    before = words[-len(tail) - 1]
    if before.lower() in _PLACE_WORDS or before.endswith(("ern", "'s")) or not before.isalpha():
        return ""  # "of the Kharkiv region", "northern Gaza", "59th Brigade"
    return " ".join(tail)


def _acronyms(text: str) -> dict[str, str]:
    """Acronyms the article spells out: "Rapid Support Forces (RSF)", "JNIM, the Group for ..."."""
    out = {}
    for m in _ACRONYM_AFTER_RE.finditer(text):
        out[m.group("acr")] = _initials_match(m.group("name"), m.group("acr"))
    for m in _ACRONYM_BEFORE_RE.finditer(text):
        out.setdefault(m.group("acr"), m.group("name").strip())
    return {k: v for k, v in out.items() if v}


def _initials_match(name: str, acr: str) -> str:
    """The shortest end of `name` whose initials spell `acr` ("... the Rapid Support Forces")."""
    words = name.split()
    for k in range(len(words) - 1, -1, -1):
        tail = [w for w in words[k:] if w[:1].isupper()]
        initials = "".join(w[0] for w in tail).upper()
        if initials == acr.upper():
            return " ".join(words[k:])
    return name if len(words) >= 2 else ""
