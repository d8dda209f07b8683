"""The forms of a source phrase that canonical.py reads (docs/CLAIMS.md, "Canonical source"):
what is no part of a name (a clause or participle describing it, who leads or backs it, where
it is), what refers back (a partitive, a definite description of a group), and the names a
state's broadcaster or a body in a place are written with. Patterns over the words of the
phrase, no list of names."""

from __future__ import annotations

import re

from tui.pipeline.analyze.lexicon import words

KNOWN_AS_RE = re.compile(
    r"\b(?:known as|calling itself|calls itself|which calls itself|called|dubbed)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|in|for|al-\w+))*)"
)
# Definite descriptions that refer back to a group: "the paramilitary force", "the group".
DESCRIPTION_RE = re.compile(
    r"^(?:the|The)\s+(?:[A-Za-z-]+\s+)?(?:group|organization|organisation|agency|force|forces|"
    r"militia|rebels|insurgents|fighters|militants|movement|faction|paramilitaries|jihadists)$"
)
# "M23 rebels, who are backed by Kigali", "Local media run by the MNDAA": a clause or a
# participle that describes the source after its head is no part of its name.
DESCRIBED_RE = re.compile(
    r"(?:,\s+(?:who|which|whose)\b|\s+(?:run|backed|operated|owned|controlled|funded|deployed|"
    r"stationed|based)\s+(?:by|in|at|near)\b).*$"
)
# "X, who flew between Nairobi, the capital of Kenya, and Kampala, said":
# a relative clause tells what the source did, not whose it is.
CLAUSE_RE = re.compile(r",\s+(?:who|whose)\b.*$", re.DOTALL)
PLACED_RE = re.compile(r"\s+(?:in|at|from|near)\s+.*$", re.DOTALL)
PRONOUNLIKE = words("those others one some many people both")
# A state's officials named by nothing but their office ("officials", "local authorities",
# "Senior officials", "a local official"): the country the article has named most so far
# (never "sources").
OFFICIALS_RE = re.compile(
    r"^(?:(?:the|two|some|other|several|many)\s+)?(?:(?:local|senior|top|regional|provincial|"
    r"civilian|district|government)\s+)?(?:officials|authorities)$"
    r"|^(?:a|an|one|the)\s+(?:(?:local|senior|top|regional|provincial|civilian|district|"
    r"government)\s+)?official$",
    re.IGNORECASE,
)
# "One of them", "two of those", "some of us": a part of a group the article named before.
PARTITIVE_RE = re.compile(
    r"^(?:one|two|three|some|several|many|most|few|none|each|all|both|either|neither|another)"
    r"\s+of\s+(?:them|those|us|these)$",
    re.IGNORECASE,
)
RELATIONAL_RE = re.compile(
    r"^(?:its|their|his|her)\s+(?:\w+\s+)?(?:rival|rivals|ally|allies|enemy|enemies|opponent|"
    r"opponents|adversary|neighbou?r|partner|partners|foe|foes),\s+(?P<app>[^,]+)"
)
# "the Kurdish-led Syrian Democratic Forces": who leads a named force is no part of its name
# (a body keeps it: "the Saudi-led coalition" names no force, and is filed as written).
LED_RE = re.compile(r"^(?:\S+-led\s+)+")
BACKER_RE = re.compile(
    r"^(?:(?!state-)\S+-(?:backed|linked|aligned|allied|supported|funded|run|controlled|based|"
    r"operated)\s+)+"
)
# A state's broadcaster or news agency named by what it is: "State television", "Iranian state
# TV", "Syria's state news agency", "state-run radio".
STATE_MEDIA_RE = re.compile(
    r"^(?:(?P<owner>[A-Z][\w-]*?)(?:['’]s)?\s+)?(?:[Ss]tate|[Ss]tate-run|[Ss]tate-owned)\s+"
    r"(?P<medium>television|TV|radio|media|news\s+agency|broadcaster)$"
)
# "the health ministry in Gaza", "the interior ministry in Tripoli": a body and where it sits.
BODY_AT_RE = re.compile(r"^(?P<body>.+?)\s+(?:in|at)\s+\S.*$")
