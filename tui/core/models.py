"""Plain values that flow through the pipeline. All offsets are character offsets into text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

CLAIM_STATUSES = ("claimed", "denied", "disputed", "unconfirmed", "confirmed")
ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "WEAPON")
# What backs a status other than "claimed" (docs/CLAIMS.md): the claim's own denial, another
# party's statement against it, a remark that it could not be verified, an independent
# confirmation.
EVIDENCE_KINDS = ("denial", "dispute", "unverified", "confirmation")


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed item as parsed from a feed, every string already sanitised."""

    guid: str
    link: str
    title: str
    author: str = ""
    published: datetime | None = None  # aware, UTC
    summary: str = ""  # plain text


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    link: str
    entries: tuple[Entry, ...]
    warning: str = ""  # feedparser's bozo reason when it still produced entries


@dataclass(frozen=True, slots=True)
class Article:
    """The reading text of a page and its metadata, as extraction produced it."""

    url: str
    text: str  # paragraphs separated by one blank line
    title: str = ""
    byline: str = ""
    published: datetime | None = None
    final_url: str = ""
    lead_caption: str = ""
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article that backs a claim's status; `by` names whose statement it is
    ("" for the outlet, imagery or an unnamed remark)."""

    start: int
    end: int
    kind: str  # one of EVIDENCE_KINDS
    by: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "by": self.by}


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that attributes a statement. Spans index the article text."""

    start: int
    end: int
    text: str
    source: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    quote: str  # "direct" or "reported"
    status: str  # one of CLAIM_STATUSES
    evidence: tuple[Evidence, ...] = ()  # what backs `status`, in text order
    source_canonical: str = ""  # one name per source across spellings, titles and pronouns
    affiliation: str = ""  # the country or armed group the text ties the source to, or ""

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "content_start": self.content_start,
            "content_end": self.content_end,
            "quote": self.quote,
            "status": self.status,
            "status_evidence": [e.as_dict() for e in self.evidence],
            "source_canonical": self.source_canonical,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing with every place it is mentioned. `name` is the canonical form."""

    name: str
    type: str  # one of ENTITY_TYPES
    mentions: tuple[tuple[int, int], ...] = field(default_factory=tuple)

    @property
    def count(self) -> int:
        return len(self.mentions)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "count": self.count,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    claims: tuple[Claim, ...]
    entities: tuple[Entity, ...]
    conflict: bool
    version: str
    language: str = "en"  # ISO 639-1; only English text has claims and entities
