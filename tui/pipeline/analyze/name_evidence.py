"""What the rest of the document says about a name the model calls a person.

A span's own words (person_spans.py) cannot tell "Garlic" at a sentence's head, "Raid Kills"
in a headline or a village after "in" from a surname: the document can. A person is named again
with a title, a given name or a speech verb; a common word is written in lower case elsewhere;
a headline's guess is not named again below it; a place is where things happen ("in X",
"near X") and never speaks. These rules read the whole text, after the mentions are resolved
(entities.py), and change only what the model alone said.
"""

from __future__ import annotations

import re

from tui.pipeline.analyze import (
    aliases,
    bodies,
    gazetteer,
    given_names,
    labels,
    name_context,
    person_forms,
)
from tui.pipeline.analyze.grouping import Found


def headline_guess(text: str, start: int, end: int) -> bool:
    """Whether the model's person text[start:end] is a guess from a headline's capitals: it
    sits in a Title Case first line ("ISWAP Raid Kills Six Soldiers at Borno Military Base")
    and is not named again below it. In such a line every word has a name's shape, and some
    are given names too ("Raid"), so only the body can say which ones are names. A byline is
    no headline."""
    line_end = text.find("\n")
    if line_end == -1 or end > line_end or not is_headline(text[:line_end]):
        return False
    surface = text[start:end]
    return re.search(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text[line_end:]) is None


# Verbs that Title Case headlines write after their subject ("Pakistan Launches Drone Blitz",
# "Bandits Attack Zamfara Village", "Haftar Army Claims ..."): English headline grammar, the
# present tense of reporting and of the acts of war, and the bare participles of a passive.
# fmt: off
_HEADLINE_VERBS = frozenset((
    "Says", "Say", "Claims", "Claim", "Denies", "Deny", "Confirms", "Warns", "Vows", "Accuses",
    "Rejects", "Reports", "Launches", "Launch", "Kills", "Kill", "Killed", "Attack", "Attacks",
    "Strikes", "Hits", "Seizes", "Seize", "Seized", "Captures", "Capture", "Captured", "Ambush",
    "Ambushes", "Raids", "Bombs", "Shells", "Targets", "Destroys", "Destroyed", "Downs",
    "Shoots", "Open", "Opens", "Continues", "Takes", "Take", "Storm", "Storms", "Flee", "Flees",
    "Wounded", "Injured", "Abducted", "Kidnapped", "Arrested", "Freed", "Clash", "Clashes",
))
# fmt: on


def before_headline_verb(text: str, start: int, end: int) -> int:
    """Where a name the model found in a Title Case headline ends: before the first headline
    verb after its first word ("Pakistan" of "Pakistan Launches Drone Blitz"); `end` when
    there is none or the line is no headline."""
    line_end = text.find("\n")
    if line_end == -1 or end > line_end or not is_headline(text[:line_end]):
        return end
    words = text[start:end].split(" ")
    for i, word in enumerate(words[1:], 1):
        if word in _HEADLINE_VERBS:
            return start + len(" ".join(words[:i]))
    return end


def is_headline(line: str) -> bool:
    words = line.split()
    if words and words[0].lower() == "by":
        return False  # a byline ("By Anna Kovalenko and Lidia Moroz"): names are all it holds
    capitals = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and capitals >= 0.6 * len(words) and not line.rstrip().endswith(".")


def common_words(text: str, found: list[Found], below: int) -> list[Found]:
    """The mentions without the persons of one word that the text itself writes in lower case
    elsewhere ("Barter has always been ...", "Qualifier vs. ...", "barter deals"): a word the
    writer also uses as a common noun or adjective is one at the head of a sentence or a table
    row, unless it is a given name ("Said"), a title stands before it, or it is a word of a
    longer person's name in the text ("Gordon Brown ... Brown said"). The model's places and
    organisations of one word too ("Army planes intervened", "Fierce dispute ..."), unless the
    gazetteer or a list knows them or "the" names them. Only mentions ranked below `below`
    (the model's) are judged; a rule's mention stays."""
    parts = {
        word for m in found if m.type == "PERSON" for word in text[m.start : m.end].split()[1:]
    }
    kept = []
    for m in found:
        surface = text[m.start : m.end]
        if m.type == "PERSON" and _bare_title(text, m.end, surface) and surface not in parts:
            continue  # an abbreviated title alone names nobody ("Gen." of a garbled run)
        if (
            m.type in ("PERSON", "PLACE", "ORG")
            and (m.type == "PERSON" or _no_known_name(text, m.start, m.end))
            and m.rank < below
            and " " not in surface
            and surface[:1].isupper()
            and not surface.isupper()
            and surface not in parts
            and not given_names.is_given_name(surface)
            and not _titled(text, m.start)
            and re.search(rf"(?<![\w'’./@-]){re.escape(surface.lower())}(?![\w'’-]|\.\w)", text)
        ):
            continue
        kept.append(m)
    return kept


def _bare_title(text: str, end: int, surface: str) -> bool:
    """A title abbreviated before a name ("Gen. Hulusi"), the model's person alone; not a
    surname that is a title's word at a sentence's end ("said King."), which `parts` keeps."""
    return text.startswith(". ", end) and text[end + 2 : end + 3].isupper() and (
        aliases.is_title(surface)
    )


def _no_known_name(text: str, start: int, end: int) -> bool:
    """A place or organisation of one word that is neither in the gazetteer nor a listed
    organisation or body, and that no "the" names ("Army planes intervened", "Fierce dispute"
    at a sentence's head; not "Mosul", "Hamas" or "the Army's brigade")."""
    surface = text[start:end]
    return (
        gazetteer.lookup(surface) is None
        and bodies.known_key(surface) is None
        and not _THE_BEFORE.search(text, max(0, start - 4), start)
    )


_THE_BEFORE = re.compile(r"\b[Tt]he $")


def _titled(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].split()
    return bool(before) and aliases.is_title(before[-1].rstrip("."))


# Prepositions and phrases of place before a name: where things happen ("fighting in Dabagi",
# "an ambush near Kwanar", "north of Gidan", "the headquarters at Lungi"). Not "from", which
# persons follow too ("a letter from Dina"), nor "at" after a word of aiming, shooting, looking
# or feeling, which points at a person ("a shot at Moura", "angry at Dina").
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|outside|around|across|into|towards?|above|(?:north|south|east|west)"
    r"(?:east|west)?(?:ern)? of|(?:on )?the outskirts of"
    r"|(?<!\baim )(?<!\baimed )(?<!\baims )(?<!aiming )(?<!\bfire )(?<!fired )(?<!\bfires )"
    r"(?<!firing )(?<!\bshot )(?<!shots )(?<!shoot )(?<!\blook )(?<!looked )(?<!looks )"
    r"(?<!looking )(?<!glance )(?<!stared )(?<!staring )(?<!pointed )(?<!\bangry )"
    r"(?<!furious )(?<!\bupset )(?<!\bswipe )(?<!\bjab )(?<!\bdig )(?<!laughed )"
    r"(?<!directed )(?<!lashed out )(?<!\bhit out )at) $"
)
# What follows a person and never a place: a speech verb, "who", an age in commas.
_PERSON_AFTER = re.compile(
    r"(?:['’]s)? ?,? (?:(?:said|says|told|added|stated|wrote|explained|noted|who|whose)\b"
    r"|[0-9]{1,2} ?,)"
)


def unknown_places(text: str, found: list[Found], below: int) -> None:
    """Persons and organisations of one word that the text only places things in are places:
    every mention of the name that says anything says place ("in Dabagi", "the hills above
    Minova"), none says person or speaker (a title before it, a speech verb, "who" or an age
    after it, a given name before it, a given name of its own). The gazetteer's towns are
    labels.py's; this is for the villages it lacks, which the model calls either. An
    organisation must be placed at every mention ("as in Apple" once is no village), and not be
    a word in capitals nor an organisation's word ("in Congress"). Only mentions ranked below
    `below` (the model's) change."""
    by_surface: dict[str, list[Found]] = {}
    for m in found:
        if m.type == "PERSON" or (m.type == "ORG" and not m.key):
            by_surface.setdefault(text[m.start : m.end], []).append(m)
    parts = {w for surface in by_surface for w in surface.split()[1:]}
    for surface, mentions in by_surface.items():
        if (
            " " in surface
            or surface in parts
            or any(m.rank >= below for m in mentions)
            or given_names.is_given_name(surface)
            or len({m.type for m in mentions}) > 1
        ):
            continue
        if mentions[0].type == "ORG" and (
            not surface.istitle() or surface in labels.ORG_WORDS or labels.is_demonym(surface)
        ):
            continue
        placed, organisation = 0, mentions[0].type == "ORG"
        for m in mentions:
            before = text[max(0, m.start - 30) : m.start]
            if _titled(text, m.start) or _PERSON_AFTER.match(text, m.end):
                break
            words = before.split()
            if words and given_names.is_given_name(words[-1]) and before.endswith(" "):
                break
            # "investigations into Burisma": an organisation is looked into, not entered; and
            # one works "at" it ("an analyst at Stratfor")
            placed += bool(_PLACE_BEFORE.search(before)) and not (
                organisation and before.endswith(("into ", "at "))
            )
        else:
            if placed == len(mentions) or (placed and not organisation):
                for m in mentions:
                    m.type = "PLACE"


def featured_places(text: str, found: list[Found], below: int) -> None:
    """A model person that one of its mentions names as a place is a place at every mention:
    "on Puncak Kabo hill" says what "reach Puncak Kabo" is, wherever the model saw the name
    and wherever the name was only found again. Not when any mention is titled or speaks.
    Only mentions ranked below `below` (the model's) change."""
    by_surface: dict[str, list[Found]] = {}
    for m in found:
        if m.type == "PERSON" and not m.key:
            by_surface.setdefault(text[m.start : m.end], []).append(m)
    for mentions in by_surface.values():
        if any(m.rank >= below for m in mentions):
            continue
        if any(_titled(text, m.start) or _PERSON_AFTER.match(text, m.end) for m in mentions):
            continue
        if any(
            name_context.kind_from_context(text, m.start, m.end, sure_only=True) == "PLACE"
            for m in mentions
        ):
            for m in mentions:
                m.type = "PLACE"


def by_form(text: str, found: list[Found], below: int) -> list[Found]:
    """The persons that their name's own form makes something else, or longer (a regnal
    number, a cape, a company's legal form, a people in the plural: person_forms.py)."""
    return person_forms.apply(text, found, below)
