"""Descriptions of sources and the names they are filed under (canonical.py's helpers).

- a description set off by commas after a proper name is that name's ("Al-Shabaab, the
  Somalia-based al-Qaeda-linked extremist Islamist group, claimed"), and so is a reference back
  to the description ("The group");
- a proper name set off beside a description ("A community leader in Gwoza, Bulama
  Kachalla") is the speaker's name;
- people described by who they are and then where they are, members of a named group, a name
  after its description (`described_name`);
- "The report" as a source after the text named whose report it is ("a CNN report").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.pipeline.analyze import names, sides
from tui.pipeline.analyze.lexicon import PERSON_NOUNS, words

MEMBERS = words("rebels fighters militants insurgents group movement forces")
# What a named force is, or what of it speaks, after its name: "the PKK militant group", "the
# SDF media center", "the PKK statement" are the force's (never its people: "PDF officer").
KIND_AFTER_RE = re.compile(
    r"(?:\s+(?:militant|rebel|armed|separatist|jihadist|insurgent|group|statement|media|center|"
    r"centre))+$"
)
# Words that describe a force outside a state's army: such a description never refers back
# to a country's armed forces ("the paramilitary group" after "Sudan's army").
IRREGULAR = words(
    "paramilitary paramilitaries rebel rebels militia militias insurgent insurgents jihadist "
    "jihadists militant militants separatist separatists guerrilla guerrillas"
)
# A description a group, movement or organisation's proper name may stand beside.
_DESCRIPTION_HEAD_RE = re.compile(
    r"^(?:the|The)\s+(?:\S+\s+){0,5}(?:group|organization|organisation|movement|militia|faction)$"
)
_APPOSED_RE = re.compile(
    r",\s+(?P<name>(?:(?:[A-Z][\w.'’-]*|al-\w+|bin|de)\s+){1,4}(?:[A-Z][\w'’-]+|al-\w+))\s*(?:,|$)"
)
# "a peacekeeping official in Laayoune": who, then where (`described_name`).
_PLACED_RE = re.compile(r"^(?P<who>[^,]+?)\s+(?:in|at|near)\s+(?:the\s+)?\S[^,]*$")
# People a description may name besides lexicon.PERSON_NOUNS, in the plural as wire copy uses
# them for a group of anonymous speakers.
_ROLE_NOUNS = words("peacekeeper observer monitor inspector investigator guard")
_QUANTIFIERS = words("other others some several many few more most all both")

# What a publisher puts out, and "a CNN report" / "Amnesty's investigation" naming whose it is.
_PUBLISHED = words("report investigation analysis study")
_PUBLISHED_BY_RE = re.compile(
    r"\b(?:a|an|the)\s+(?P<owner>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}?)(?:['’]s?)?\s+"
    r"(?P<noun>report|investigation|analysis|study)\b"
)


def apposed_to(text: str, name: str) -> str:
    """ "Al-Shabaab, the Somalia-based al-Qaeda-linked extremist Islamist group, claimed":
    a description set off by commas after a proper name is that name's, and a reference
    back to the description ("The group") is filed under the name (not "Earlier, the group
    said", nor "in Bosso, the jihadist group said": no comma after the description)."""
    if not _DESCRIPTION_HEAD_RE.match(name):
        return name
    m = re.search(
        r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}),\s+" + re.escape(name) + r",",
        text,
    )
    if m is None or sides.country(m.group("name")) is not None:
        return name  # not "Mali, the country's ..."
    return m.group("name")


def described_name(bare: str) -> str:
    """The name a description of no state body is filed under, or "":
    - a name set off after its description: "a PKK-affiliated news agency, Firat" -> "Firat";
    - an armed group's own name behind a word for its members: "Rebels of the Coalition of
      Patriots for Change" -> the coalition (sides.own_name);
    - people described by who they are and then where they are: "a United Nations
      peacekeeping official in Laayoune", "Beninese security sources in Natitingou" -> the
      description; the place stays when nothing else says who they are ("Police in Intan
      Jaya", "medical authorities in Gaza") or the head is a body ("the UN mission in ...")."""
    apposed = re.match(r"^[^,]+,\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’.-]*\s*){1,4})$", bare)
    if apposed and not bare[:1].isupper():
        return apposed.group("name").strip()
    tokens = bare.split()
    if len(tokens) > 2 and tokens[0].lower() in MEMBERS | IRREGULAR and tokens[1] == "of":
        own = sides.own_name(tokens[2:])
        if own is not None and own[1] <= 1:
            return own[0]
    placed = _PLACED_RE.match(bare)
    # "officials in X and a source close to Y" are two sources, not people in a place
    if placed is not None and " and " not in bare:
        head = placed.group("who").split()
        last = head[-1].lower()
        person = last in PERSON_NOUNS or last.removesuffix("s") in PERSON_NOUNS | _ROLE_NOUNS
        told = any(w[:1].isupper() for w in head[1:]) or sides.country(head[0]) is not None
        # "Guerrilla officials in Quetta", "Military analysts in Chad": a word before the head
        # says who they are
        told = told or (len(head) >= 2 and head[0].lower() not in _QUANTIFIERS)
        if person and told and len(head) >= 2:
            return placed.group("who")
    return ""


def apposed(phrase: str) -> str:
    """ "A community leader in Gwoza, Bulama Kachalla": the proper name set off by commas."""
    m = _APPOSED_RE.search(phrase)
    return m.group("name") if m else ""


def publisher(text: str, name: str, before: int) -> str:
    """ "The report" or "the investigation" as a source, after the text has named whose
    it is ("a CNN report", "Human Rights Watch's report"): that owner, or ""."""
    parts = name.lower().split()
    found = _PUBLISHED_BY_RE.fullmatch(name)  # the source resolved to "a CNN report" itself
    if found is None:
        if len(parts) != 2 or parts[0] != "the" or parts[1] not in _PUBLISHED:
            return ""
        for m in _PUBLISHED_BY_RE.finditer(text, 0, before):
            if m.group("noun").lower() == parts[1]:
                found = m
    if found is None or sides.country(found.group("owner")) is not None:
        return ""  # not "a Russian report": a country's report is not a publisher's
    return names.clean(found.group("owner"))


_QUOTE_END_RE = re.compile(r".*[”\"](?:\s|,)")
_LEAD_VERBS = words("said says told added reported announced claimed is are was were has have had")
# A lead that opens on a preposition or an adverb of time is a circumstance, no apposition:
# "On Friday, Israeli Prime Minister X announced" (the "On" is no place the source is in).
_CIRCUMSTANTIAL = words(
    "on in at after before during earlier later late last early meanwhile separately also then "
    "yesterday today however but and"
)
# Role nouns that make the words right before a name its title ("IDF international
# spokesperson Lt. Col. X" when the parser kept only the name).
_ROLES = words(
    "spokesman spokeswoman spokesperson minister commander chief official officer head leader "
    "president secretary envoy ambassador governor director"
)


def lead_in(before: str) -> str:
    """ "A spokesman for the Sudanese army, Brig. X, said": the words before the source when
    they are an apposition to it (short, set off by a comma, no verb, not a circumstance of
    time); after a quotation, the words between it and the source ("'...,' the commander of
    Somalia's infantry forces, General X said"); or a title right before the name that the
    source's words left out ("IDF international spokesperson Lt. Col. X")."""
    quoted = _QUOTE_END_RE.search(before)
    if quoted is not None:
        before = before[quoted.end() :]
    lead = before.split()
    while lead and all(
        p.lower().rstrip(".") in names.titles() for p in lead[-1].split("-") if p.strip(".")
    ):
        lead.pop()  # "..., Brig. " before the name, and a compound rank: "Brig.-Gen."
    if lead and not lead[-1].endswith(","):
        tail = " ".join(lead).rsplit(",", 1)[-1].split()
        if 0 < len(tail) <= 6 and tail[-1].lower() in _ROLES and not _verbal(tail):
            return " ".join(tail) + " "  # "IDF international spokesperson" before the name
        return ""
    if len(lead) < 2 or len(lead) > 10 or lead[0].lower() in _CIRCUMSTANTIAL:
        return ""  # not "Separately, ...", not "On Friday, ..."
    return "" if _verbal(lead) else " ".join(lead) + " "


def _verbal(lead: list[str]) -> bool:
    """Does the lead hold a verb ("It was the first attack on the region, X reported")?"""
    return any(w.lower().strip(",") in _LEAD_VERBS or w.lower().endswith("ed") for w in lead)



# People who watch a war and are no party to it: "Military analysts in Kenya", "Western
# diplomats" speak for no army and no place, only for a country their words name ("Israeli
# analysts").
OBSERVERS = words(
    "analyst analysts expert experts observer observers commentator commentators diplomat "
    "diplomats scholar scholars academic academics researcher researchers"
)


def two_parties(phrase: str, side_of: Callable[[str], str]) -> bool:
    """Is `phrase` two sources joined by "and", each of its own side ("Both Kenya and
    Somalia", "officials in both Kenya and Uganda", "Kenya and Somalia")? Such a source
    speaks for neither. `side_of` gives a phrase's side (sides.affiliation)."""
    halves = re.sub(r"\b[Bb]oth\s+", "", phrase).split(" and ")
    if len(halves) != 2:
        return False
    first, second = side_of(halves[0]), side_of(halves[1])
    return bool(first and second and first != second)
