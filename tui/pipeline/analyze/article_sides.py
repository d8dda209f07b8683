"""The side of a source read from the rest of its article (canonical.Namer's base class).

When a source's own words name no side (sides.py), the article may: the same name said
before with a side; "the group's spokesman" or "a spokesman for the rebels", the group the
description refers back to (the one named last); "an army spokesman", the earlier source that
is that body, else the country the article has named most so far; a named force or group
written as the article spells it (`_force`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from tui.pipeline.analyze import describe, names, sides
from tui.pipeline.analyze.lexicon import words

_FORCES_RE = re.compile(
    r"\b([A-Z][\w'’-]+)\s+(?:soldiers|troops|forces|army|military|servicemen|armed forces)\b"
)
_CAP_RE = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]+){0,3}")
_ARMED = words("group force forces militia rebels insurgents fighters militants faction")
_ARMED |= words("paramilitaries jihadists movement")
_FOR_DESCRIPTION_RE = re.compile(
    r"\b(?:for|of)\s+(?P<desc>the\s+(?:[A-Za-z-]+\s+)?(?:group|rebels|insurgents|militants|"
    r"jihadists|fighters|militia|movement|paramilitaries|faction))\b"
)
# "the group's spokesman", "the rebels' commander": a person speaking for the group the
# description refers back to, whatever body word follows ("the group's military wing").
_GROUP_OWNER_RE = re.compile(
    r"\b(?:the|its|their)\s+(?P<noun>group|rebels|militants|insurgents|jihadists|fighters|"
    r"militia|movement|faction|paramilitaries)['’]s?\s"
)
# "Gaza's health ministry": a body owned by a named place that is no country; "the enclave's
# health ministry": by a part of a country named by what it is (a region, a town, a strip).
_OWNED_RE = re.compile(r"[A-Z][\w.-]*['’]s?\s")
_PART_OWNED_RE = re.compile(
    r"\b(?:the|this|that)\s+(?:enclave|territory|region|province|district|city|town|village|"
    r"strip|municipality|county|governorate|oblast|prefecture|island|capital)['’]s\s",
    re.IGNORECASE,
)


class ArticleSides:
    """Sides from the article around a source (the attributes are set by canonical.Namer)."""

    text: str
    acronyms: dict[str, str]
    _countries: list[tuple[int, str]] | None

    def _force(self, name: str) -> tuple[str, str] | None:
        parts = name.split()
        if len(parts) > 1 and parts[-1].lower() in describe.MEMBERS:
            found = self._force(" ".join(parts[:-1]))  # "M23 rebels"
            if found is not None:
                return found
        if name in self.acronyms:
            found = sides.group(self.acronyms[name]) or sides.group(name)
            return found  # an acronym spelled out is a side only if it is a named force
        found = sides.group(name)
        if found is not None:
            return found
        for acr, full in self.acronyms.items():
            if full.lower() == name.lower() and (found := sides.group(acr)) is not None:
                return full, found[1]
        return None

    def _described(self, name: str, before: int, earlier: list[Any]) -> tuple[str, str] | None:
        """ "the paramilitary force", "the rebels", "the Lebanese group": the group named last
        (a source, or a name in the text before); "the organization": the last source that is
        no person and no state body, in the last few claims."""
        head = name.lower().split()[-1]
        irregular = bool(describe.IRREGULAR & set(name.lower().split()))
        if head in _ARMED:
            for d in reversed(earlier):
                if irregular and sides.country(d.affiliation) is not None:
                    continue  # "the paramilitary group" is not the army it fights
                if sides.group(d.canonical) is not None:
                    return d.canonical, d.affiliation
            found = None
            for m in _CAP_RE.finditer(self.text, 0, before):
                for word in (m.group(), m.group().split()[0]):
                    hit = self._force(word)
                    if hit is not None:
                        found = hit
                        break
            if found is not None or head != "group":
                return found
        for d in reversed(earlier[-3:]):
            if not d.person and not names.is_state_body(d.canonical):
                return d.canonical, d.affiliation
        return None

    def _side_of_same(self, canonical: str, earlier: list[Any]) -> str:
        for d in reversed(earlier):
            if d.canonical == canonical and d.affiliation:
                return d.affiliation
        return ""

    def _side_of_owner(self, phrase: str, at: int, earlier: list[Any]) -> str:
        """ "the group's military operations spokesman": the side of the group the description
        refers back to, whatever body word follows."""
        owner = _GROUP_OWNER_RE.search(phrase)
        if owner is None:
            return ""
        found = self._described("the " + owner.group("noun"), at, earlier)
        return found[1] if found is not None else ""

    def _side_by_body(self, phrase: str, at: int, earlier: list[Any], whole: bool = True) -> str:
        """ "an army spokesman", "a spokesman for the junta", "The Director Army Public
        Relations, Brig.-Gen. X": the side of the nearest earlier source that is that body, else
        the country the article has named most so far; none when a place owns the body ("the
        Gaza health ministry"). A military rank alone ("Major X") speaks for the army, but only
        for a country named before it (`whole` False: the officer's words name no state)."""
        for m in names.body_re().finditer(phrase.lower()):
            body = names.bodies()[m.group()]
            for d in reversed(earlier):
                if d.canonical.endswith(body) and d.affiliation:
                    return d.affiliation
            owners = [  # a place or name before the body owns it; a title does not
                w
                for w in re.findall(r"\b[A-Z][\w'’.-]*", phrase[1 : m.start()])
                if w.lower().rstrip(".") not in names.titles()
                and not all(p.lower().rstrip(".") in names.titles() for p in w.split("-"))
            ]
            if owners or _OWNED_RE.match(phrase) or _PART_OWNED_RE.search(phrase[: m.start()]):
                return ""  # not "The Gaza health ministry", "Gaza's health ministry"
            if sides.NON_STATE & set(phrase[: m.start()].lower().split()):
                return ""  # "Rebels opposing the government": the body is what they fight
            return self._state_country(at) if whole else self._article_country(at)
        return ""

    def _side_by_description(self, phrase: str, at: int, earlier: list[Any]) -> str:
        """ "a spokesman for the jihadists", "a commander of the rebels": the side of the group
        the description refers back to (`_described`)."""
        m = _FOR_DESCRIPTION_RE.search(phrase)
        if m is None:
            return ""
        found = self._described(m.group("desc"), at, earlier)
        return found[1] if found is not None else ""

    def _forces_country(self) -> str:
        """The one country whose forces the article names ("Seven Pakistani soldiers"), or ""."""
        found = {sides.country(m.group(1)) for m in _FORCES_RE.finditer(self.text)} - {None}
        return str(next(iter(found))) if len(found) == 1 else ""

    def _state_country(self, before: int) -> str:
        """The country of a state body or office with no country in its words: the one named
        most before `before`; when none is named before it, the one the whole article names
        most ("The Defense Ministry said ..." in a report that names its country further down),
        if no other is named as often (two named alike: its country is not told)."""
        return self._article_country(before) or self._article_country(len(self.text), clear=True)

    def _article_country(self, before: int, clear: bool = False) -> str:
        """The country named most often before `before`, through names, demonyms and capitals;
        with `clear`, "" when another is named as often."""
        if self._countries is None:
            found = []
            for m in _CAP_RE.finditer(self.text):
                span = m.group()
                c = sides.country(span) or sides.country(span.split()[0])
                if c is not None:
                    found.append((m.start(), c))
            self._countries = found
        top = Counter(c for at, c in self._countries if at < before).most_common(2)
        if not top or (clear and len(top) == 2 and top[0][1] == top[1][1]):
            return ""
        return top[0][0]
