"""Who speaks: one key per speaker across outlets, so a ledger row gathers every outlet's mention.

Outlets name one speaker many ways: "regional governor Serhiy Lysak" and "Lysak"; "Russia's
Defence Ministry", "the Russian Defense Ministry", "Moscow"; "MSF" and "Medecins Sans
Frontieres". `speaker_of` files one claim's source under a key:
- `person:<name>`: a person entity of the article inside the source ("Governor Serhiy Lysak");
- `state:<country>`: a country, its demonym, capital or seat of power, alone or with words of
  the state apparatus only ("Moscow", "Russia's Defence Ministry", "the Israeli army"). A state
  and its ministries and forces are one party: "Moscow claimed the capture" and "the Defence
  Ministry said its troops took" are one statement by one source;
- `org:<ACRONYM>` for a body with an acronym (own, or known for its name: lexicon.ACRONYMS);
- `body:<words>` for a state body without its country ("the army"); `org:<words>` otherwise.
An unnamed spokesperson speaks as their body ("a spokeswoman for the emergency service"), a
named one too once the story shows the body (parties.spoken_for); a relative clause is no part
of a name ("which Gaza's civil defence").
`resolve` then works across one story's speakers: a surname joins the full name ("Zelensky"),
a body without country joins the one state whose body it is, a description joins the one named
speaker it describes ("the regional governor", "volunteers" -> "... a network of local
volunteers"), and initials join their acronym ("Medecins Sans Frontieres" -> "MSF").

The analysis's names are the starting point: `Claim.source_canonical` ("Zaw Min Tun" for "Junta
spokesman Major General Zaw Min Tun") and `Claim.affiliation` (the country or armed group the
text ties the source to); a description of an armed group speaks as the group it is tied to.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from tui.core.models import Claim, Entity
from tui.pipeline.stories import lexicon
from tui.pipeline.stories import speaker_links as links
from tui.pipeline.stories.acronyms import acronym_of, by_initials, is_acronym
from tui.pipeline.stories.countries import country_in, country_of, country_words, name_tokens
from tui.pipeline.stories.polities import body_keys
from tui.pipeline.stories.words import stem

_POSSESSIVE = re.compile(r"['’]s?$")
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person)|representative)\b", re.IGNORECASE)
_FOR = re.compile(r"\b(?:for|of)\s+(.+)$", re.IGNORECASE)
_ARTICLES = frozenset(("the", "a", "an"))
# What a body said it in is no part of who said it: "a Central Command statement".
_DOCUMENT = re.compile(
    r"\s+(?:" + "|".join(sorted(lexicon.DOCUMENT_WORDS)) + r")$", re.IGNORECASE
)
# Where a body sits is no part of which body it is, when outlets word it differently: "civil
# society leaders in Ituri province", "Local civil society leaders", "... in Komanda".
_WHERE = re.compile(
    r"^(?:the\s+)?local\s+|\s+in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:\s+(?:province|region|state|district|county|governorate))?\s*$",
    re.IGNORECASE,
)
_LINKS = frozenset(("of", "for", "in", "at", "and", "on", "to"))
# A body's acronym set after its description ("The UN agency for Palestinian refugees, UNRWA",
# "A rights group, the RNDDH"): the acronym names the source, and the description is its.
_APPOSED = re.compile(r",\s+(?:the\s+)?([A-Z][A-Za-z0-9]+)\s*$")
# A relative clause says what a speaker did, not who ("armed group, which seized the town").
_RELATIVE = re.compile(r"^(?:which|who|that)\s+|,?\s+(?:which|who)\s.*$", re.IGNORECASE)
_BACK_WORDS = lexicon.ANAPHOR_WORDS | lexicon.GENERIC_ROLES  # "it", "the group": the canonical


@dataclass(frozen=True, slots=True)
class Speaker:
    """The source of one claim, filed under a key that other outlets' wordings can meet."""

    key: str
    name: str  # as the article gives it, asides dropped
    party: str | None  # the country (or body) the speaker speaks for, when known
    roles: frozenset[str]  # stems of the describing words of the source phrase
    named: bool  # a proper name, not only a description ("the regional governor")
    initials: str = ""  # of the capitalised words of the name ("MSF")
    proper: frozenset[str] = frozenset()  # its capitalised words that are no country or title
    bare: str = ""  # its key words without where it sits (_WHERE)
    phrase: str = ""  # a person's source phrase as written ("Army spokesman Nabil Abdallah")
    described: frozenset[str] = frozenset()  # key words of the description an acronym is set by


def speaker_of(claim: Claim, text: str, entities: tuple[Entity, ...]) -> Speaker:
    """File one claim's source under a key (see the module docstring)."""
    given = _RELATIVE.sub("", claim.source_canonical or "")
    name = given or _RELATIVE.sub("", claim.source) or claim.source
    phrase = text[claim.source_start : claim.source_end] or name
    roles = _roles(phrase)
    party = claim.affiliation or country_in(phrase)
    person = _person_in(name, phrase, entities, claim.source_start, claim.source_end)
    if person and given:
        person = _person_named(person, given)
    if person:
        return Speaker(f"person:{person.casefold()}", person, party, roles, True, phrase=phrase)
    apposed = _APPOSED.search(phrase)
    if apposed and is_acronym(apposed.group(1)):  # "The UN peacekeeping mission, MINUSCA"
        described = _key_words(name_tokens(phrase[: apposed.start()]))
        speaker = _filed(apposed.group(1), party, roles)
        return replace(speaker, phrase=phrase, described=described)
    name = _unnamed_spokesperson(name)
    group = _group_described(name, claim.affiliation)
    if group:
        name = group
    speaker = _filed(name, party, roles)  # shown as written, asides out, unless it refers back
    written = _RELATIVE.sub("", claim.source) or claim.source
    if given and not group and not set(written.casefold().split()) <= _BACK_WORDS:
        speaker = replace(speaker, name=_as_written(_unnamed_spokesperson(written)))
    return replace(speaker, phrase=phrase)


def _as_written(name: str) -> str:  # capitals kept, no leading article
    first, _, rest = name.partition(" ")
    return rest if rest and first.casefold() in _ARTICLES else name


def _filed(name: str, party: str | None, roles: frozenset[str]) -> Speaker:
    """A speaker that is no person, filed under its country, acronym or words."""
    name = _DOCUMENT.sub("", name) or name
    tokens = name_tokens(name)
    country = country_in(name)
    named = _is_named(tokens) or country is not None
    initials = "".join(
        t[0] for t in tokens if t[:1].isupper() and t.casefold() not in _ARTICLES | _LINKS
    )
    proper = frozenset(_proper_key(t) for t in tokens if _is_proper(t))
    words = _key_words(tokens)
    if country and all(w in _STATE_WORDS for w in _armed_source(words - country_words(name))):
        return Speaker(f"state:{country}", name, country, roles, True)
    core = words - lexicon.UNIT_WORDS  # "the army's 8th Infantry Division": the army
    armed = core & _ARMED_WORDS or country
    if core != words and armed and core <= _STATE_WORDS | country_words(name):
        if country:
            return Speaker(f"state:{country}", name, country, roles, True)
        return Speaker("body:" + " ".join(sorted(core)), name, party, roles, False)
    outlet = country or (country_of(party) if party else None)
    if _state_media(name, words - country_words(name)):  # without its country: a state body
        key = f"state:{outlet}" if outlet else "body:" + " ".join(sorted(words))
        return Speaker(key, name, outlet, roles, bool(outlet))
    acronym = acronym_of(tokens)
    if acronym in lexicon.STATE_FORCES:  # "the IDF", "US Central Command"
        state = country_of(lexicon.STATE_FORCES[acronym]) or lexicon.STATE_FORCES[acronym]
        return Speaker(f"state:{state}", name, state, roles, True)
    if acronym:
        return Speaker(f"org:{acronym}", name, party, roles, True, initials)
    if words and not named and words <= lexicon.STATE_BODY_WORDS:
        return Speaker("body:" + " ".join(sorted(words)), name, party, roles, False)
    key = " ".join(sorted(words)) or name.casefold()
    bare = " ".join(sorted(_key_words(name_tokens(_WHERE.sub("", name)))))
    return Speaker(f"org:{key}", name, party, roles, named, initials, proper, bare)


def _armed_source(words: frozenset[str]) -> frozenset[str]:
    """A state's armed forces speaking unnamed ("a Moroccan military source", "Ukrainian army
    sources"): the source is their voice, as their spokesman is; "security sources" stay a
    source of their own (who they serve is not said)."""
    if words & _SOURCE_WORDS and words & _ARMED_WORDS:
        return words - _SOURCE_WORDS
    return words


def _state_media(name: str, words: frozenset[str]) -> bool:
    """A state's own media ("Iranian state television", "Lebanon's state-run National News
    Agency"): they carry what the state says, and speak as the state."""
    run = "state" in words or _STATE_RUN.search(name) is not None
    return run and bool(words) and words - _MEDIA_PLAIN <= lexicon.STATE_OUTLETS


_STATE_RUN = re.compile(r"\bstate-(?:run|owned|controlled)\b", re.IGNORECASE)
_MEDIA_PLAIN = frozenset(("state", "national", "official"))


_SOURCE_WORDS = frozenset(("source", "sources"))
_ARMED_WORDS = frozenset(("military", "army", "defence", "navy", "naval"))
_STATE_WORDS = lexicon.STATE_BODY_WORDS


def resolve(speakers: list[Speaker], declared: dict[str, str] | None = None) -> dict[str, str]:
    """Key -> the key it is one speaker with, across one story's speakers (see the docstring).
    `declared`: names and the acronyms the story's copy gives them in parentheses
    (acronyms.declared): a name and its declared acronym are one speaker.

    Links found between keys are merged, and each group is filed under its most frequent key
    (the alphabetically first on a tie), so the result does not depend on the speakers' order.
    """
    keys = Counter(s.key for s in speakers)
    spelled = {
        "org:" + " ".join(sorted(_key_words(name_tokens(name)))): f"org:{acronym}"
        for name, acronym in (declared or {}).items()
    }
    by_key: dict[str, Speaker] = {}
    roles: dict[str, set[str]] = {}
    for s in speakers:
        by_key.setdefault(s.key, s)
        roles.setdefault(s.key, set()).update(s.roles)
    people = [k for k in keys if k.startswith("person:")]
    states = [k for k in keys if k.startswith("state:")]
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for key in sorted(keys):
        target = None
        if key.startswith("person:") and " " not in key:
            target = links.one(k for k in people if k.endswith(" " + key[7:]))
        elif key.startswith("body:"):
            words = set(key[5:].split())
            fits = [k for k in states if words & roles[k]] or states
            target = (
                max(fits, key=lambda k: (keys[k], k)) if fits else links.placed_body(key, by_key)
            )
        elif key.startswith("org:") and not by_key[key].named:
            target = (
                links.described(by_key[key], roles, by_key)
                or links.organ_of(by_key[key], by_key)
                or links.superset(key, keys)
                or links.armed_group(by_key[key], by_key)
                or links.same_bare(by_key[key], by_key)
            )
        elif key.startswith("org:") and not key[4:].isupper():
            target = (
                (spelled[key] if spelled.get(key) in keys else None)
                or by_initials(by_key[key].initials, keys)
                or links.organ_of(by_key[key], by_key)
                or links.superset(key, keys)
                or _same_proper(by_key[key], by_key)
                or links.same_bare(by_key[key], by_key)
            )
        if target and root(target) != root(key):
            parent[root(key)] = root(target)
    for key, target in links.set_by_acronym(speakers, keys).items():
        if root(target) != root(key):
            parent[root(key)] = root(target)
    organs = set()  # states an organ of theirs was filed under: the group's head
    for key in sorted(keys):
        target = links.state_organ(by_key[key], keys) if key.startswith("org:") else None
        if target and root(target) != root(key):
            parent[root(key)] = root(target)
            organs.add(target)
    polities: dict[str, list[str]] = {}
    for key in sorted(keys):
        for name in body_keys(by_key[key].name) if key.startswith("org:") else ():
            polities.setdefault(name, []).append(key)
    for members in polities.values():
        for key in members[1:]:
            if root(key) != root(members[0]):
                parent[root(key)] = root(members[0])
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(root(key), []).append(key)
    resolved = {}
    for members in groups.values():
        head = min(members, key=lambda k: (k not in organs, -keys[k], k.startswith("body:"), k))
        for key in members:
            resolved[key] = head
    return resolved


def _person_named(entity: str, canonical: str) -> str | None:
    """The person a source names, when the analysis's canonical name is that person's: the
    canonical name (titles already dropped: "Zaw Min Tun" for the entity "Major General Zaw"),
    or the entity's fuller name when the canonical one is part of it ("Lysak"). None when the
    canonical name is no person's ("rescuer in Kyauk Sin": the entity is a place in it)."""
    words = canonical.split()
    if not words or not all(w[:1].isupper() or w in _NAME_PARTICLES for w in words):
        return None
    mine = {w.casefold() for w in words}
    theirs = {w.casefold() for w in entity.split()}
    if not mine & theirs:
        return None
    return entity if mine <= theirs else canonical


_NAME_PARTICLES = frozenset(("al", "al-", "bin", "ibn", "de", "van", "von", "da", "el", "abu"))


def _group_described(name: str, affiliation: str) -> str | None:
    """The armed group an unnamed description speaks for ("the paramilitary group", "the
    rebels" -> the group the analysis ties it to); None for anything else."""
    if not affiliation or country_of(affiliation) or not _words_in(affiliation):
        return None
    words = {w.casefold().removesuffix("'s") for w in name_tokens(name)} - _ARTICLES - _LINKS
    if words and all(w in lexicon.GROUP_WORDS for w in words):
        return affiliation
    return None


def _words_in(name: str) -> bool:
    return any(t[:1].isupper() for t in name_tokens(name))


def _same_proper(speaker: Speaker, by_key: dict[str, Speaker]) -> str | None:
    """ "The DeepState group" -> the one "independent monitoring project DeepState"; a name
    the analysis did not tag a person ("Yohannes Tadesse") -> the person of the story."""
    if not (mine := speaker.proper):
        return None
    return links.one(
        k
        for k, s in by_key.items()
        if k != speaker.key
        and (k.startswith("org:") and bool(s.proper) and (s.proper <= mine or mine <= s.proper)
             or k.startswith("person:") and " ".join(sorted(k[7:].split())) == speaker.bare)
    )  # fmt: skip


def _is_named(tokens: list[str]) -> bool:
    """A capitalised word after the first that is no title, or an acronym: a name, not a
    description ("the Defence Ministry" and "Volunteers" describe; "Kharkiv officials" names).
    A phrase headed by a role is a description whatever follows ("the manager of the carrier
    Orion Crest")."""
    plain = [t for t in tokens if t.casefold() not in _ARTICLES]
    if plain and plain[0].islower() and plain[0] in lexicon.ROLE_WORDS:
        return False
    return any(t[:1].isupper() and t.casefold() not in _PLAIN for t in tokens[1:]) or any(
        is_acronym(t) for t in tokens
    )


def _is_proper(token: str) -> bool:
    bare = token.removesuffix("'s")
    return bare[:1].isupper() and bare.casefold() not in _PLAIN and not country_of(bare)


def _proper_key(token: str) -> str:
    bare = token.removesuffix("'s")
    return bare[:-1] if len(bare) > 4 and bare.endswith("s") and bare.istitle() else bare


_PLAIN = _ARTICLES | _LINKS | lexicon.STATE_BODY_WORDS | lexicon.ROLE_WORDS


def _key_words(tokens: list[str]) -> frozenset[str]:
    """The words a body is filed under: lower case, no articles, links, possessives or
    describing compounds ("Hamas-run"), one spelling, countries for demonyms."""
    found = set()
    for token in tokens:
        low = token.casefold().removesuffix("'s")
        if low in _ARTICLES or low in _LINKS or low.endswith(lexicon.DESCRIPTIVE_SUFFIXES):
            continue
        country = country_of(token.removesuffix("'s"))
        low = country.casefold() if country else low
        found.add(lexicon.SPELLINGS.get(low, low))
    return frozenset(found)


def _unnamed_spokesperson(name: str) -> str:
    """ "a spokeswoman for Ukraine's emergency service" -> "Ukraine's emergency service";
    "An RSF spokesman" -> "RSF"."""
    match = _SPOKES.search(name)
    if not match:
        return name
    after = _FOR.search(name, match.end())
    if after:
        return after.group(1)
    before = name[: match.start()].strip()
    words = [w for w in before.split() if w.casefold() not in _ARTICLES]
    return " ".join(words) or name


_TITLED = lexicon.ROLE_WORDS | lexicon.OFFICE_TITLES | lexicon.STATE_BODY_WORDS


def _roles(phrase: str) -> frozenset[str]:
    """Stems of the lower-case describing words of a source phrase, asides included."""
    found = set()
    for token in name_tokens(phrase):
        low = token.casefold()
        if low in _ARTICLES or low in _LINKS or low in lexicon.STOPWORDS:
            continue
        if token[:1].islower() or low in _TITLED:
            found.add(stem(_POSSESSIVE.sub("", low)))  # "the hospital's director": hospital
    return frozenset(found)


def _person_in(
    name: str, phrase: str, entities: tuple[Entity, ...], start: int, end: int
) -> str | None:
    """The person entity the source names: mentioned inside the source span, or by name."""
    for ent in entities:
        if ent.type != "PERSON":
            continue
        if any(start <= lo and hi <= end for lo, hi in ent.mentions) or ent.name in name:
            return ent.name
    return None
