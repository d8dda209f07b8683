"""Entities (PERSON, PLACE, ORG, WEAPON) from the spaCy doc plus the domain rules.

The small English model finds most names but mislabels the ones war reporting is made of
(Kharkiv, Sumy and "Volodymyr Artiukh" come out as organisations, HIMARS as an organisation,
front-line villages as nothing). So the model's spans are one source among several:

1. rules, which win where they apply: weapon systems (weapons.py), military units and
   organisations the sentence describes as such ("Halcyon Maritime, the Athens-based company
   that ...", "the Group for the Support of Islam and Muslims"; orgs.py), state bodies named
   through their country ("Russia's defence ministry") and
   organisations known by name ("Hamas", "Telegram"; bodies.py), names after an honorific or
   an office ("Mr Artiukh"; labels.py), places named by context ("the village of Zhuravka",
   "the Sumy region", datelines; places.py);
2. the model's spans, trimmed (no "the", titles, possessives) and retyped with the gazetteer
   and the words around them (labels.py);
3. gazetteer places the model left unlabelled.

Overlaps go to the stronger source; then one surface gets one type across the document, the
names found are searched for again where the model missed them, and aliases merge into one
entity each (grouping.py).
"""

from __future__ import annotations

import re
from typing import Any

from tui.core.models import Entity
from tui.pipeline.analyze import (
    aliases,
    bodies,
    demonyms,
    gazetteer,
    given_names,
    given_persons,
    labels,
    name_context,
    name_evidence,
    org_forms,
    orgs,
    outlets,
    person_spans,
    places,
    reconcile,
    span_repair,
    sports,
    weapons,
)
from tui.pipeline.analyze.grouping import Found, group_mentions, harmonise, propagate

RULE, CONTEXT, MODEL, LOOKUP = 3, 2, 1, 0
_MODEL_TYPES = {
    "PERSON": "PERSON",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "ORG": "ORG",
    "NORP": "",  # these four only when the gazetteer says the span is a place
    "PRODUCT": "",
    "EVENT": "",
    "WORK_OF_ART": "",
}


def find_entities(doc: Any, text: str | None = None) -> tuple[Entity, ...]:
    """Every PERSON, PLACE, ORG and WEAPON in the doc, aliases merged, mentions sorted.

    `text` is the text the doc was made from, when the caller has it: `doc.text` is rebuilt
    from every token on each access (a Token object each), a few milliseconds an article.
    """
    if text is None:
        text = doc.text
    return group_mentions(text, candidates(doc, text))


def candidates(doc: Any, text: str) -> list[Found]:
    """The mentions of the rules, the lists and the model, each with its type, before they
    are grouped into entities (bench/train_entity_types.py reads them here)."""
    model = _model_mentions(doc, text)
    rules = org_forms.short_names(text, _rule_mentions(text), RULE)  # "the Observatory"
    reconcile.possessive_names(text, rules, model)
    found = _without_known_inside(text, rules, model)
    found += model
    found += _lookup_mentions(doc, text)
    found += [Found(s, e, "PLACE", CONTEXT) for s, e in reconcile.places_beyond(doc, text)]
    given = given_persons.mentions(doc, text, CONTEXT)
    found += given_persons.outside_model(text, model, given, CONTEXT)
    found = outlets.drop_not_names(text, found, CONTEXT, MODEL)
    kept = org_forms.repaired(text, span_repair.repair(text, _resolve(text, found)), CONTEXT)
    kept = harmonise(text, kept)
    kept += propagate(text, kept)
    kept = name_evidence.common_words(text, kept, CONTEXT)
    name_evidence.unknown_places(text, kept, CONTEXT)
    name_evidence.featured_places(text, kept, CONTEXT)
    kept = name_evidence.by_form(text, kept, RULE)  # regnal numbers, capes, firms, peoples
    if sports.is_sports_text(text):
        _sides(text, kept)
    return kept


def _sides(text: str, found: list[Found]) -> None:
    """In a sports text, towns, counties and states named as sides are organisations
    (sports.py); countries stay places."""
    for m in found:
        if m.type != "PLACE" or m.key or m.rank >= RULE:
            continue
        place = labels.lookup_unlabelled(text[m.start : m.end]) or gazetteer.lookup(
            text[m.start : m.end]
        )
        if place is not None and labels.is_national(place):
            continue
        if sports.is_side(text, m.start, m.end):
            m.type = "ORG"


def _rule_mentions(text: str) -> list[Found]:
    found = [
        Found(w.start, w.end, "WEAPON", RULE, "weapon:" + w.name, w.name)
        for w in weapons.find_weapons(text)
    ]
    found += [
        Found(o.start, o.end, "ORG", RULE, _org_key(text, o.start, o.end, o.key), o.name)
        for o in orgs.find_orgs(text)
    ]
    found += [
        Found(b.start, b.end, "ORG", RULE, _org_key(text, b.start, b.end, b.key))
        for b in bodies.find_bodies(text)
    ]
    for start, end in outlets.outlet_spans(text):
        key = _org_key(text, start, end, aliases.org_key(text[start:end]))
        found.append(Found(start, end, "ORG", CONTEXT, key))
    for p in places.find_context_places(text):
        start, end = labels.place_span(text, p.start, p.end)
        found.append(Found(start, end, "PLACE", CONTEXT if p.strength != "near" else MODEL))
    named = labels.titled_names(text) + person_spans.credit_names(text)
    named += person_spans.aged_names(text) + person_spans.nicknamed_names(text)
    named += person_spans.role_named(text) + person_spans.aliased_names(text)
    named += name_context.led_by_names(text)
    for start, end in named:
        found.append(Found(start, end, "PERSON", CONTEXT))
    for start, end in name_context.kind_named(text):
        key = _org_key(text, start, end, aliases.org_key(text[start:end]))
        found.append(Found(start, end, "ORG", CONTEXT, key))
    for start, end, kind in name_context.followed_names(text):
        key = _org_key(text, start, end, aliases.org_key(text[start:end])) if kind == "ORG" else ""
        found.append(Found(start, end, kind, CONTEXT, key))
    return found


def _org_key(text: str, start: int, end: int, key: str) -> str:
    """A listed organisation keeps its list key whichever rule found it ("Rapid Support
    Forces" as a unit's name and "RSF" from the list are one entity)."""
    if key.startswith("body:"):
        return key
    return bodies.known_key(text[start:end]) or key


def _model_mentions(doc: Any, text: str) -> list[Found]:
    found = []
    for ent in doc.ents:
        kind = _MODEL_TYPES.get(ent.label_)
        if kind is None:
            continue
        if ent.end - ent.start == 1 and doc[ent.start].tag_ in ("NN", "NNS"):
            continue  # "Videos posted on ...": a capitalised common noun, not a name
        if ent.end - ent.start > 1 and given_names.opens_with_no_name(doc[ent.start]):
            ent = doc[ent.start + 1 : ent.end]  # "Seizing Kanyabayonga", "Near Goma, ..."
        spans = aliases.pieces(text, ent.start_char, ent.end_char, reconcile.possessive_inside)
        for piece_start, piece_end in spans:
            pair = places.pair(text, piece_start, piece_end)
            if pair:  # "the Israel-Hamas war": two names, not one
                found += [Found(s, e, kind, MODEL) for s, e, kind in pair]
                continue
            joined = name_context.joined_places(text, piece_start, piece_end)
            if joined and not any(w in labels.ORG_WORDS for w in ent.text.split()):
                found += [Found(s, e, "PLACE", CONTEXT) for s, e in joined]
                continue  # "ambushed the army in Tepalcatepec and Aguililla": two places
            start, end, _ = aliases.trim(text, piece_start, piece_end, titles=False)
            end = name_evidence.before_headline_verb(text, start, end)  # "X Launches Drone"
            titled = False
            if kind in ("PERSON", "ORG", ""):
                t_start, t_end, titled = aliases.trim(text, start, end, titles=True)
                if kind == "PERSON" or (titled and text[t_start:t_end] not in labels.ORG_WORDS):
                    start, end = t_start, t_end  # but "General Command", "General Staff"
            head = _PLACE_HEAD_BEFORE.search(text, max(0, start - 12), start)
            if head is not None and head["head"] in name_context.PLACE_ONLY_HEADS:
                start = head.start("head")  # "Kiryat Shmona": the model left out the head
            joined = places.HYPHEN_TAIL.match(text, end)
            tail = joined.group()[1:] if joined is not None else ""
            if joined is not None and places.one_name(text[start : joined.end()], tail):
                end = joined.end()  # "Canapé-Vert": the model stopped at the hyphen
            if kind in ("ORG", ""):
                prefix = person_spans.PREFIX.match(text, start, end)
                if prefix is not None:
                    start = prefix.end()  # "anti-Taliban fighters": the Taliban
                end = aliases.without_qualifier_tail(text, start, end)
                end = orgs.without_kind_tail(text, start, end)  # "Interfax news agency"
                start = _after_qualifier(text, start, end)
            surface = text[start:end]
            if not any(c.isupper() or c.isdigit() for c in surface) or aliases.is_title(surface):
                continue
            if not any(c.isalpha() for c in surface):
                continue  # "990" of "Paul Lawrie 207,990": a number is no name
            if aliases.opens_title(text, start, end):
                continue  # "Squadron" of "Squadron Leader Hassan Siddiqui"
            if demonyms.is_nationality(surface, given_names.is_given_name):
                continue  # "Azerbaijani troops", "the Tigrayan side": a people, no name
            if demonyms.is_peoples_plural(surface) or surface in person_spans.SERVICE_MEMBERS:
                continue  # "Alawites fled", "armed Kukis", "One Marine said"
            rank, context = MODEL, None
            if kind == "PERSON":
                # "Iyad Abuheweila New York Times": a byline's name, then the outlet
                end = places.before_known_org(text, start, end)
                end = aliases.apostrophe_tail(text, end)
                start, end, verdict = person_spans.check(text, start, end)
                if verdict is None:
                    start = person_spans.given_left_out(doc, text, start, end)
                if verdict == "" or name_evidence.headline_guess(text, start, end):
                    continue  # "Sunni Muslims", "the Fair Sentencing Act", "2016", "Raid Kills"
                if verdict == "PLACE":  # "Marshall Islands-flagged", "Coral Sky Amphitheatre"
                    found.append(Found(*labels.place_span(text, start, end), "PLACE", CONTEXT))
                    continue
                context = name_context.kind_from_context(text, start, end)
            elif kind in ("ORG", ""):
                context = name_context.kind_from_context(text, start, end, sure_only=True)
            if person_spans.is_credited(text, start, end):
                context = "PERSON"  # "REUTERS/VALENTYN OGIRENKO": the photographer
            if context is not None:
                rank, new_kind = CONTEXT, context  # "in Ain Baal", "Kamal Adwan hospital"
            else:
                new_kind = labels.retype(doc, ent, kind, text, start, end, titled)
            if (
                new_kind == "ORG"
                and person_spans.names_a_place(text[start:end], organisation=True)
                and not text[end : end + 2].strip().isdigit()  # "National Highway 2"
                and text[start:end].rsplit(" ", 1)[-1] not in _TRADE_NOUNS  # "Home Depot"
            ):
                new_kind = "PLACE"  # "Mitiga International Airport", "Crocus City Hall"
            if new_kind and name_context.kind_from_context(text, start, end) == "":
                new_kind = ""  # "operation Keletigui", "the al-Fara family"
            if new_kind == "PLACE":
                start, end = labels.place_span(text, start, end)
            elif _SINGLE_LETTER.fullmatch(text, start, end):
                end -= 1  # "site X.": the full stop ends the sentence
            if new_kind and text[start:end] in bodies.KIND_ACRONYMS | _TIME_ZONES:
                new_kind = ""  # "a Houthi UAV", "(0200 GMT)"
            if new_kind:
                found.append(Found(start, end, new_kind, rank))
    return found


_SINGLE_LETTER = re.compile(r"[A-Z]\.")
# Time zones as wire copy writes them after a time: no organisation ("(0200 GMT)").
_TIME_ZONES = frozenset(
    ("GMT", "UTC", "EST", "EDT", "CST", "PST", "CET", "CEST", "EET", "EEST", "BST", "WAT", "EAT")
)
# Places' nouns that also end shops' and chains' names ("Home Depot", "Tanger Outlets").
_TRADE_NOUNS = frozenset(("Depot", "Outlets", "Mall", "Market"))


def _after_qualifier(text: str, start: int, end: int) -> int:
    """Where an organisation's name starts once a hedge ("Suspected") or a nationality before
    a listed organisation ("Afghan Taliban", "Lebanese Hezbollah") is left out of it."""
    first, _, rest = text[start:end].partition(" ")
    if not rest:
        return start
    if first in orgs.HEDGES or (
        (
            demonyms.is_nationality(first, given_names.is_given_name)
            or demonyms.is_people(first)
            or first in _QUALIFIERS
        )
        and bodies.known_key(rest) is not None
        and bodies.known_key(text[start:end]) is None
    ):
        return start + len(first) + 1
    return start
# Words that open a region's name and say which part of something else it is.
_PART_WORDS = name_context.COMPASS | {"Middle"}
# What is left of "Agwa Police Station" once a rule took the place: a facility, no name.
# And of "Gorno-Badakhshan Autonomous Province": the unit's qualifier (places._add).
_FACILITIES = frozenset(
    ("Police Station", "Police Post", "Army Camp", "Military Camp", "Station", "Autonomous")
) | {"War", "Conflict"}  # "War" of "the Persian Gulf War" (places._WAR_IN)
# Adjectives a sentence capitalises before a listed organisation ("Local Taliban officials").
_QUALIFIERS = frozenset(("Local", "Rival", "Senior", "Former", "Top", "Regional", "Provincial"))
_PLACE_HEAD_BEFORE = re.compile(r"(?<![\w'’-])(?P<head>[A-Z][a-z]+(?:['’][a-z]+)?) $")


def _without_known_inside(text: str, rules: list[Found], model: list[Found]) -> list[Found]:
    """A known organisation inside a longer organisation or person the model found is part of
    that name ("Red Cross" in "International Committee of the Red Cross", "Bloomberg" in
    "Michael Bloomberg")."""
    containers = [(m.start, m.end, m.type) for m in model if m.type in ("ORG", "PERSON")]
    containers += [  # "Middle Shabelle", "Lower Juba": a region named after a river or a town
        (m.start, m.end, "ORG")
        for m in model
        if m.type == "PLACE" and text[m.start : m.end].split(" ", 1)[0] in _PART_WORDS
    ]

    def inside(r: Found) -> bool:
        for s, e, kind in containers:
            if s <= r.start and r.end <= e and e - s > r.end - r.start:
                # A person's name before it: "Michael Bloomberg" is one name, "Iyad Abuheweila
                # New York Times" (a byline) is two; "Deadly Al Shabaab" is no person.
                person = given_names.is_given_name(text[s:e].split()[0]) and s < r.start
                return person == (kind == "PERSON")
        return False

    return [r for r in rules if not r.key.startswith("org:") or not inside(r)]


def _lookup_mentions(doc: Any, text: str) -> list[Found]:
    """Gazetteer places among proper nouns the model left unlabelled.

    Works on the doc's arrays and makes Token objects only for candidates: this runs over
    every token of every article.
    """
    import numpy
    from spacy.attrs import ENT_TYPE, SENT_START, TAG

    strings = doc.vocab.strings
    rows = doc.to_array([TAG, ENT_TYPE, SENT_START])
    proper = numpy.isin(rows[:, 0], [strings.add("NNP"), strings.add("NNPS")])
    free = set(numpy.flatnonzero(proper & (rows[:, 1] == 0)).tolist())
    found = []
    skip_to = 0
    for i in sorted(free):
        if i < skip_to:
            continue
        for size in (4, 3, 2, 1):
            if not all(i + k in free or _of_between(doc, i, k, size, free) for k in range(size)):
                continue
            first, last = doc[i], doc[i + size - 1]
            start, end = first.idx, last.idx + len(last.text)
            if not text[start].isupper():
                break
            if text[end : end + 1] == "-" or text[start - 1 : start] == "-":
                start, end, whole = places.compound(text, start, end)
                if not whole:
                    break  # "Nagorno-Karabakh" is not Karabakh; "Kyiv-based" is Kyiv
            place = labels.lookup_unlabelled(text[start:end])
            if place is not None and labels.plausible_place(place, rows[i, 2] == 1):
                team = not labels.is_national(place) and labels.is_team(doc, i, i + size)
                found.append(Found(start, end, "ORG" if team else "PLACE", LOOKUP))
                skip_to = i + size
                break
    return found


def _of_between(doc: Any, i: int, k: int, size: int, free: set[int]) -> bool:
    """ "of" inside a place's name ("Gulf of Aden", "Strait of Hormuz"), between proper nouns."""
    return 0 < k < size - 1 and i + k + 1 in free and doc[i + k].lower_ == "of"


def _resolve(text: str, found: list[Found]) -> list[Found]:
    """Keep the strongest of overlapping mentions; a weaker one keeps what does not overlap."""
    taken = bytearray(len(text))
    kept: list[Found] = []
    for mention in sorted(found, key=lambda m: (-m.rank, m.start - m.end, m.start)):
        if not any(taken[mention.start : mention.end]):
            kept.append(mention)
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            continue
        if mention.rank != MODEL:
            continue
        for start, end in _free_pieces(taken, mention.start, mention.end):
            start, end, _ = aliases.trim(text, start, end, titles=mention.type == "PERSON")
            piece = text[start:end]
            if (
                mention.type == "PERSON"
                and " " not in piece
                and not given_names.is_given_name(piece)
            ):
                continue  # "Deadly" of "Deadly Al Shabaab": one word left of a person is no name
            if (
                piece in labels.PLACE_WORDS
                or piece in _FACILITIES
                or piece.lower().removesuffix(" of") in places.UNIT_NAMES
                or demonyms.is_nationality(piece)
            ):
                continue  # "Village" of "Yay Myat Village", "Russian" of "Russian Black Sea Fleet"
            if end - start > 1 and text[start].isupper() and not aliases.is_title(piece):
                kept.append(Found(start, end, mention.type, MODEL))
                taken[start:end] = b"\x01" * (end - start)
    kept.sort(key=lambda m: m.start)
    return kept


def _free_pieces(taken: bytearray, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    piece_start = None
    for i in range(start, end + 1):
        free = i < end and not taken[i]
        if free and piece_start is None:
            piece_start = i
        elif not free and piece_start is not None:
            pieces.append((piece_start, i))
            piece_start = None
    return pieces
