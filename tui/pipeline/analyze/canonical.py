"""One name per source: the canonical form a claim is filed under, and its affiliation.

The source *name* (sources.py) is the phrase as the article writes it, pronouns resolved. The
*canonical* name merges the ways one speaker is written (docs/CLAIMS.md, "Canonical source");
names.py does the work on the words, this module the work that needs the article:
- a person under the fullest form of the name the article gives ("Col. Diarra" -> "Souleymane
  Diarra"), or the name set off beside a description ("One of the survivors, Ola al-Shaer");
- a named force or group, also behind a country ("Sudan's Rapid Support Forces"), a role
  ("the Iran-backed Houthis") or a unit ("the Naypyitaw chapter of the PDF"), and acronyms
  the article spells out or whose letters an earlier source's name gives ("UKMTO");
- a bare body ("The Health Ministry") under the earlier source that is that body, and a short
  name ("Central Command") under the fuller one given before ("U.S. Central Command");
- "the statement added" under whoever issued the statement (issuers.py); "the group", "the
  paramilitary force" under the group named last; a back-reference or pronoun under its
  antecedent.
The affiliation comes from sides.py, or from the antecedent, or for a state body or one of its
spokesmen ("the government", "police", "an army spokesman") from the earlier source that is
that body or the country the article has named most so far.
"""

from __future__ import annotations

import re
from typing import Any

from tui.core.models import Entity
from tui.pipeline.analyze import (
    acronyms,
    broadcasters,
    describe,
    insurgents,
    issuers,
    kinds,
    names,
    offices,
    roles,
    shared_names,
    sides,
    spelled_groups,
    titled,
)
from tui.pipeline.analyze import source_forms as forms
from tui.pipeline.analyze.article_sides import ArticleSides
from tui.pipeline.analyze.lexicon import words

# Military ranks (data/source_titles.txt has them among other titles): an officer so titled,
# with nothing else to say whose, is an officer of the army of the article's country.
RANKS = words(
    "major maj captain capt colonel col lieutenant lt general gen brigadier brig sergeant sgt "
    "corporal cpl admiral adm"
)
_STATE_ARMS = words("military army navy government forces")
# The offices of a state's government a person may hold with no country named ("Defense
# Minister X", "Foreign Secretary X", "the state Attorney General"); not a region's or a
# town's (a governor's region may lie in either state at war), nor the UN's Secretary-General.
_OFFICE_RE = re.compile(
    r"\b(?:minister|president|secretary(?![- ]general)|chancellor|premier|prosecutor|"
    r"attorney[- ]general)\b(?!\s+of\s+[A-Z])",
    re.IGNORECASE,
)


# Offices whose "General" is no rank: "Secretary-General", "Attorney General", "Director
# General", "Inspector General", "Solicitor General", "Consul General", "Governor-General".
_CIVIL_GENERAL_RE = re.compile(
    r"\b(?:secretary|attorney|director|inspector|solicitor|consul|governor|postmaster)"
    r"[- ]general\b",
    re.IGNORECASE,
)


class Namer(ArticleSides):
    """Canonical names and affiliations for the drafts of one article, in text order."""

    def __init__(self, text: str, entities: tuple[Entity, ...]) -> None:
        self.text = text
        self.people = sorted(
            {e.name.replace("’", "'") for e in entities if e.type == "PERSON"}, key=len
        )
        self.acronyms = names.acronyms(text)
        self.acronyms.update(acronyms.defined(text, self.acronyms))  # "the IAF": "Indian Air Force"
        self._countries: list[tuple[int, str]] | None = None
        self.fell_back = False  # `_group` took the country the article names further down
        self.in_full = shared_names.named_in_full(text)  # "Congo" after "Republic of Congo"
        self.spelled = spelled_groups.spelled_out(text)  # "MUJAO" after its full name

    def name(self, draft: Any, earlier: list[Any]) -> tuple[str, str]:
        """(canonical, affiliation) of `draft`, given the drafts before it."""
        canonical, side = self._name(draft, earlier)
        phrase = self.text[draft.source[0] : draft.source[1]]  # "the rebels": the one group's
        canonical, side = insurgents.resolve(self.text, phrase, canonical, side, draft.person)
        canonical, side = self.spelled.get(canonical, canonical), self.spelled.get(side, side)
        return canonical, self.in_full.get(side, side)

    def _name(self, draft: Any, earlier: list[Any]) -> tuple[str, str]:
        if draft.antecedent >= 0:
            first = earlier[draft.antecedent]
            return first.canonical, first.affiliation
        phrase = names.clean(self.text[draft.source[0] : draft.source[1]])
        name = names.clean(draft.name) or phrase
        if not draft.person:
            name = forms.DESCRIBED_RE.sub("", name) or name
        if forms.PARTITIVE_RE.match(name):  # filed with the last group that spoke before it
            group = next((d for d in reversed(earlier) if not d.person and d.canonical), None)
            if group is not None:
                return group.canonical, group.affiliation
        if name.lower() in forms.PRONOUNLIKE and len(phrase) > len(name):
            name = phrase  # "those who have left": the clause is all there is of the name
        known = forms.KNOWN_AS_RE.search(phrase)
        if known and not name.split()[-1][:1].isupper():
            name = known.group("name")  # "a coalition of gangs known as X"; not "The M23, ..."
        name = describe.apposed_to(self.text, name)  # "Al-Shabaab, the ... group": Al-Shabaab
        if names.outlet_of(name):  # "The Sahara News Agency of the Polisario Front"
            return names.outlet_of(name), sides.affiliation(phrase, self.acronyms)
        named = issuers.named_issuer(self.text, draft.source[0])
        if issuers.reference(name) == "" and named:
            name = phrase = named  # "the statement" after "a Senegalese army press release"
        issuer = None if named and name == named else issuers.issuer(name, earlier)
        if issuer is not None:
            return issuer.canonical, issuer.affiliation
        publisher = describe.publisher(self.text, name, draft.source[0])
        if publisher:  # "The report claimed ..." after "dismissed a CNN report": CNN's
            return publisher, sides.affiliation(publisher, self.acronyms)
        if (medium := issuers.broadcaster(phrase, earlier)) is not None:
            return medium.canonical, medium.affiliation  # "The report" after "Radio Lusaka"
        issued = names.issuer(name) or names.issuer(phrase)  # "a Russian defense ministry
        if issued:  # statement", "a communique issued by Peru's joint chiefs of staff"
            name = phrase = issued
        name = names.tallier(name) or name  # "according to an AFP tally"
        relational = forms.RELATIONAL_RE.match(phrase)
        if relational:
            name = relational.group("app")  # "its rival, the Sudanese army"
        bare = forms.BACKER_RE.sub("", names.bare(name))  # "the Iran-backed Houthis"
        wide = self._lead_in(draft) + forms.CLAUSE_RE.sub("", phrase)  # not "who ... Kenya"
        found = self._named(bare, earlier) or self._named(forms.LED_RE.sub("", bare), earlier)
        if found is not None:
            return found  # also "the Kurdish-led Syrian Democratic Forces": the force
        kind = None if draft.person else kinds.named(bare)  # "the Al Arabiya news channel"
        if kind is not None:
            bare = kind[0]
            found = self._named(bare, earlier)
            if found is not None:
                return found  # "Lebanon's Hezbollah guerrilla group"
            if kind[1] != "outlet":  # "The Syrian Kurdish YPG militia": its own side
                canonical = self._group(bare, draft.source[0], earlier)[0]
                return canonical, canonical if kind[1] == "armed" else ""
        if draft.antecedent < 0 and forms.DESCRIPTION_RE.match(name):
            found = self._described(name, draft.source[0], earlier)
            if found is not None:
                return found
        person = ""
        apposed = describe.apposed(phrase)
        if draft.person or name in self.people or (apposed and not bare[:1].isupper()):
            person = names.person(name) or names.person(apposed)
        elif self._surname(bare, earlier):  # "Kiir accused ..." after "President Salva Kiir"
            person = bare
        person = titled.holder(phrase, person)  # "Lt. Col X Y, ... spokesman": no entity
        if not person and not any(w[:1].isupper() and not sides.country(w) for w in bare.split()):
            person = roles.person(self.text, bare, self.people)  # "the Sudanese president"
        if person:
            return self._person(person, wide, phrase, draft, earlier)
        self.fell_back = False
        canonical, side = self._group(bare, draft.source[0], earlier)
        if self.fell_back:  # "The Hamas-run health ministry in Gaza": Hamas's
            side = sides.affiliation(wide, self.acronyms) or side
        if describe.two_parties(phrase, lambda half: sides.affiliation(half, self.acronyms)):
            return canonical, ""  # "Both Kenya and Somalia", "officials in X and Y"
        if forms.PLACED_RE.sub("", bare).split()[-1].lower() in describe.OBSERVERS:  # "Military
            return canonical, sides.affiliation(forms.PLACED_RE.sub("", wide))  # analysts in Kenya"
        side = side or self._local_body(wide)  # "The Kano State Government": Nigeria's
        if not side:
            side = sides.affiliation(wide, self.acronyms)
        if not side:
            side = (
                self._side_of_same(canonical, earlier)
                or self._side_of_owner(phrase, draft.source[0], earlier)
                or self._side_by_body(phrase, draft.source[0], earlier)
            )
        side = side or self._side_by_description(phrase, draft.source[0], earlier)
        side = side or broadcasters.national_medium(bare)
        if not side and forms.OFFICIALS_RE.match(phrase):  # "officials said": the article's state's
            side = self._state_country(draft.source[0])
        return canonical, side or self._office(wide, draft.source[0])

    def _person(
        self, short: str, wide: str, phrase: str, draft: Any, earlier: list[Any]
    ) -> tuple[str, str]:
        full = self._fullest(short, earlier)
        side = sides.affiliation(_without(wide, full), self.acronyms)
        side = side or self._side_of_same(full, earlier)
        side = side or self._side_of_owner(phrase, draft.source[0], earlier)
        side = side or self._side_by_body(_without(wide, full), draft.source[0], earlier)
        ranks = {  # "Major", "Lt. Col.", and a compound rank as one word: "Brig.-Gen.", "Lt-Gen"
            p.lower().rstrip(".,")
            for p in re.split(r"[\s-]+", _CIVIL_GENERAL_RE.sub(" ", _without(wide, full)))
        } & RANKS
        if not side and ranks:  # "Major Mohamed Ali told Reuters": an officer of the army
            side = self._side_by_body("army", draft.source[0], earlier, whole=False)
        if not side and _OFFICE_RE.search(_without(wide, full)):  # "Defense Minister X": the
            side = self._state_country(draft.source[0])  # state the article is about
        if not side and offices.LOCAL_OFFICE_RE.search(_without(wide, full)):  # "the mayor of
            side = self._local(_without(wide, full), draft.source[0])  # Beledweyne": Somalia
        side = side or self._local_body(_without(wide, full))  # "Balochistan police spokesman"
        if not side and re.match(r"(?i)(?:its|their)\s", phrase):
            side = next((d.affiliation for d in reversed(earlier) if not d.person), "")
        side = side or self._side_by_description(phrase, draft.source[0], earlier)
        if not side and full not in phrase:  # "Kiir" after "President Salva
            lead = self._title_before(full)  # Kiir": the title of its first mention
            side = sides.affiliation(lead, self.acronyms)
            if not side and _OFFICE_RE.search(lead):
                side = self._state_country(draft.source[0])
            elif not side and offices.LOCAL_OFFICE_RE.search(lead):
                side = self._local(lead, draft.source[0])
            side = side or self._local_body(self._title_before(full, 8))
        return full, side

    def _office(self, words: str, at: int) -> str:
        """The side of an office of a state named with no country and no person the entity
        rules found ("district administrator X", "the state Attorney General"): the place's
        country for a local office, else the article's; none for a rebel's office."""
        if sides.NON_STATE & set(words.lower().split()):
            return ""
        if offices.LOCAL_OFFICE_RE.search(words):
            return self._local(words, at)
        return self._state_country(at) if _OFFICE_RE.search(words) else ""

    def _local(self, words: str, at: int) -> str:
        """The side of a local office: the country of the place it names, else the article's."""
        return offices.country_of_place(words) or self._state_country(at)

    def _local_body(self, words: str) -> str:
        """The state a region's or a town's police or government lies in ("Balochistan
        police", "a provincial police"), when the article names that state; else ""."""
        body = offices.LOCAL_BODY_RE.search(words)
        if body is None:
            return ""
        c = offices.country_of_place(words)
        self._article_country(len(self.text))  # the countries the article names
        named = any(found == c for _, found in self._countries or ())
        return c if c and (named or " " in body.group()) else ""  # "State Government"

    def _before_name(self, full: str) -> str:
        """The name with the possessive or demonym right before its first mention ("Iran's
        Islamic Republic News Agency")."""
        at = self.text.replace("`", "'").find(full)
        before = self.text[max(0, at - 30) : at].split() if at > 0 else []
        return " ".join(before[-1:] + [full])

    def _title_before(self, full: str, most: int = 4) -> str:
        """The words right before the first mention of `full` in the article, back to a
        punctuation mark (at most `most`): "President", "Sudanese Defence Minister"."""
        at = self.text.find(full)
        if at < 0:
            return ""
        before = re.split(r"[.,;:!?\"“”()—]", self.text[max(0, at - 80) : at])[-1]
        return " ".join(before.split()[-most:])

    def _surname(self, bare: str, earlier: list[Any]) -> bool:
        """Is `bare`, one capitalised word that names no country, seat or group, a short form of
        a person's name the article gave before ("Kiir" of "Salva Kiir", "Malki" of "Turki
        al-Malki", "Mao" of "Mao Ning")?"""
        if " " in bare or not bare[:1].isupper() or bare.isupper() or bare in self.acronyms:
            return False
        if sides.country(bare) is not None or sides.group(bare) is not None:
            return False
        if bare.lower() in sides.seats():
            return False
        known = [names.person(p) or p for p in self.people]
        known += [d.canonical for d in earlier if d.person]
        key = names.name_key(bare)
        for p in known:  # its last word, or the first of two ("Mao" of "Mao Ning")
            parts = names.name_key(p).split()
            if len(parts) > 1 and (parts[-1] == key or (len(parts) == 2 and parts[0] == key)):
                return True
        return False

    def _fullest(self, short: str, earlier: list[Any]) -> str:
        known = [names.person(p) or p for p in self.people]  # "Major X Y" as a name: "X Y"
        return names.fullest(short, known + [d.canonical for d in earlier if d.person])

    def _named(self, bare: str, earlier: list[Any]) -> tuple[str, str] | None:
        """A named force or group behind whatever stands before it, or an acronym whose
        letters spell an earlier source's name."""
        owner = names.possessive(bare)
        for candidate in (
            bare,
            names.unit_of(bare),
            owner[1] if owner else "",
            names.bare(owner[0]) if owner else "",  # "the PDF's Naypyitaw chapter"
            names.proper_tail(bare),
            describe.KIND_AFTER_RE.sub("", bare),  # "the PKK militant group", "SDF media center"
        ):
            if candidate and (found := self._force(candidate)) is not None:
                return found
        if bare.isupper() and len(bare) >= 3:
            spelled = names.clean(self.acronyms.get(bare, "")).lower()
            for d in reversed(earlier):
                if names.initials(d.canonical) == bare:
                    return d.canonical, d.affiliation  # "UKMTO" after its full name
                if spelled and names.clean(d.name).lower().endswith(spelled):
                    return d.canonical, d.affiliation  # "ISPR" after "Pakistan's ... (ISPR)"
        return None

    def _group(self, bare: str, at: int, earlier: list[Any]) -> tuple[str, str]:
        """(canonical, side) of a body, country, seat or description."""
        if not bare:
            return bare, ""
        full = self.acronyms.get(bare) if bare.isupper() and " " not in bare else None
        if full and full != bare:  # an acronym the article defines: the name it stands for
            canonical, side = self._group(names.bare(names.clean(full)), at, earlier)
            return canonical, side or sides.affiliation(self._before_name(full), self.acronyms)
        c = sides.country(bare) if " " in bare or bare[:1].isupper() else None
        country = c is not None and (sides.is_capital(bare) or names.body(bare) is None)
        if country and bare.split()[0][:1].isupper() and len(bare.split()) <= 6:
            return c, c  # "Moscow", "the Democratic Republic of Congo"
        seat = sides.seats().get(bare.lower().replace("’", "'"))
        if seat is not None:
            return bare, seat
        body = names.body(bare)
        if body is not None:
            return body
        media = forms.STATE_MEDIA_RE.match(bare)
        if media:  # "State television", "Iranian state TV": the state's (of the article's)
            owner = media.group("owner") or ""
            c = sides.country(owner) if owner else self._article_country(at)
            if c:
                return f"{names.adjective(c)} state {media.group('medium')}", c
        at_place, seat = forms.BODY_AT_RE.match(bare), ""
        if at_place and at_place.group("body").lower() in names.bodies():
            seat = sides.affiliation(bare)  # "The army in Nepal": that state's army
            bare = at_place.group("body")  # the place is where it sits, not its name
        if bare.lower() in names.bodies():  # "The Health Ministry", "the government"
            for d in reversed(earlier):
                if d.canonical.lower().endswith(names.bodies()[bare.lower()].lower()):
                    return d.canonical, d.affiliation
            standard = names.bodies()[bare.lower()]
            arms = standard == "Armed Forces"
            c = seat or (arms and self._forces_country()) or self._article_country(at)
            if not c:  # named further down: the side gives way to the words' own, below
                c = self._state_country(at)
                self.fell_back = bool(c)
            national = standard == "Government" and bare.lower().endswith("government")
            if arms or (c and national):  # "Chadian Government"; an administration may be rebel
                return f"{names.adjective(c)} {standard}".strip(), c
            return bare, c
        owned = names.possessive(bare)
        if owned is not None:
            return self._owned(*owned)
        fuller = [d for d in earlier if d.canonical.endswith(" " + bare)]
        if fuller:
            return fuller[-1].canonical, fuller[-1].affiliation  # "Central Command"
        described = describe.described_name(bare)
        if described:
            return described, ""
        proper = names.proper_tail(bare)
        return (proper or bare), ""

    def _owned(self, owner: str, rest: str) -> tuple[str, str]:
        """ "Ukraine's southern command", "Kyiv's military administration", "the U.S.
        military's Central Command", "Hamas's armed wing"."""
        owner = names.bare(owner)
        if sides.country(owner) is not None and not sides.is_capital(owner):
            c = sides.country(owner)
            proper = names.proper_tail(rest)  # "Lebanon's state-run National News Agency"
            return (proper, c) if proper else (f"{names.adjective(c)} {rest}", c)
        found = self._force(owner)
        if found is not None:
            return f"{owner} {rest}", found[1]
        side = sides.affiliation(owner, self.acronyms)
        state_arm = owner.split()[-1].lower() in _STATE_ARMS if owner else False
        if rest[:1].isupper() and (state_arm or not owner[:1].isupper()):
            # "the U.S. military's Central Command": a named unit of a state's forces
            if side and sides.country(side) and side.lower() not in rest.lower():
                return f"{names.adjective(side)} {rest}", side
            return rest, side
        return f"{owner} {rest}", side

    def _lead_in(self, draft: Any) -> str:
        """The words before the source that describe it (describe.lead_in)."""
        return describe.lead_in(self.text[draft.sent[0] : draft.source[0]])


def _without(phrase: str, person: str) -> str:
    """The phrase with the person's own name taken out (so "Said" is not read as a place)."""
    return phrase.replace(person, " ").replace(person.split()[-1], " ")
