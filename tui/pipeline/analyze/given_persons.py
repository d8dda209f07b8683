"""Persons whose name opens with a known given name, whatever the model made of them.

The model misses or mistypes many persons ("Mark Philippoussis" an organisation, "Natalya
Golodnova" a place); a name that opens with one of gender-guesser's given names
(given_names.py) and passes the checks of a person's span (person_spans.py) is one. These
mentions take the rank the caller gives (entities.py: context, the name's own words say
person).
"""

from __future__ import annotations

import re
from typing import Any

from tui.pipeline.analyze import (
    aliases,
    bodies,
    gazetteer,
    given_names,
    labels,
    name_context,
    name_evidence,
    person_spans,
)
from tui.pipeline.analyze.grouping import Found, find_names


def mentions(doc: Any, text: str, rank: int) -> list[Found]:
    """Persons whose name opens with a known given name ("Mark Philippoussis"), whatever the
    model made of them (given_names.py)."""
    import numpy
    from spacy.attrs import IDX, TAG

    strings = doc.vocab.strings
    rows = doc.to_array([TAG, IDX])
    proper = numpy.isin(rows[:, 0], [strings.add("NNP"), strings.add("NNPS")])
    starts = set(rows[proper, 1].tolist())
    spans: list[tuple[int, int]] = []
    places_named: list[Found] = []
    model = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "PERSON" and e[0].lower_ != "the"
    ]
    for start, end in given_names.person_spans(text, starts, _NOT_PERSON_PARTS):
        start, end, verdict = person_spans.check(text, start, end)
        if verdict is not None or end <= start or name_evidence.headline_guess(text, start, end):
            continue  # "Hong Kong-based", "Sunni Muslims": no person
        office = _NEXT_WORD.match(text, end)
        if office is not None and office["word"] in aliases.OFFICES:
            continue  # "Allen Fire Chief Jonathan Boyd": the words before an office qualify it
        if office is not None and office["word"] in person_spans.FEATURE_AFTER:
            places_named.append(Found(start, office.end(), "PLACE", rank))
            continue  # "the Osman Digna Air Base": a place named after a person
        if text.endswith("the ", 0, start) and not any(s < end and start < e for s, e in model):
            continue  # "the Martial Law declaration": a name after "the" is a person's only
            # if the model saw a person there, without the article ("the Biden administration")
        spans.append((start, end))
    # A name that its words anywhere in the text make a place or an organisation ("Kamal Adwan
    # hospital") is that everywhere.
    otherwise = {
        text[start:end]
        for start, end in spans
        if any(
            name_context.kind_from_context(text, at, at + end - start) is not None
            for at, _, _ in find_names(text, [text[start:end]], 0, len(text))
        )
    }
    persons = [Found(s, e, "PERSON", rank) for s, e in spans if text[s:e] not in otherwise]
    return persons + places_named


_NEXT_WORD = re.compile(r" (?P<word>[A-Z][\w-]*)")
_NOT_PERSON_PARTS = (
    labels.ORG_WORDS | labels.PLACE_WORDS | person_spans.place_nouns() | aliases.OFFICES
)


def outside_model(text: str, model: list[Found], given: list[Found], rank: int) -> list[Found]:
    """Given-name persons, except those inside a longer person or organisation the model found:
    "Major Abdulle Ali Mire" is one person; an "organisation" that ends in a person's name and
    has no organisation word ("Aung San Suu Kyi") is that person, whole."""
    kept = []
    for g in given:
        outer = [
            m
            for m in model
            if m.start <= g.start and g.end <= m.end and m.end - m.start > g.end - g.start
        ]
        if not outer:
            kept.append(g)
            continue
        m = outer[0]
        surface = text[m.start : m.end]
        if (
            m.type == "ORG"
            and m.end == g.end
            and labels.looks_like_name(surface)
            and len(surface.split()) <= 4
            and not person_spans.names_a_place(surface)  # "Ta Moan Thom Temple"
            and bodies.known_key(surface) is None
            and gazetteer.lookup(surface) is None
        ):
            m.type, m.rank = "PERSON", rank
    return kept
