"""What the reader shows, read from the store in one thread trip: the article row, its claims,
its entities, the raw page (for `x`), and the user's pins. Plus the citation `y` copies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tui.app.widgets.entity_panel import EntityItem
from tui.app.widgets.reader_view import ClaimSpan
from tui.service.bookmarks import claim_citation
from tui.service.library import Library


@dataclass
class ArticleData:
    row: dict[str, Any]
    claims: list[ClaimSpan]
    entities: list[EntityItem]
    raw: str
    pinned: set[tuple[str, str]] = field(default_factory=set)  # (name, type); see _pin_requested


def load_article(library: Library, article_id: int) -> ArticleData | None:
    """Everything the reader shows first, in one trip to the store (runs in a thread)."""
    record = library.article(article_id)
    if record is None:
        return None
    claims = [span_of(c) for c in record.claims]
    entities = [EntityItem.from_row(r) for r in record.entities]
    return ArticleData(record.row, claims, entities, record.raw, record.pinned)


def span_of(claim: Mapping[str, Any]) -> ClaimSpan:
    """A claim as the library gives it (`Library.article`, `Library.set_claim_status`)."""
    return ClaimSpan(
        claim["start"],
        claim["end"],
        claim["source_start"],
        claim["source_end"],
        claim["cue_start"],
        claim["cue_end"],
        claim["status"],
        claim["source"],
        tuple(claim.get("evidence") or ()),
        bool(claim.get("manual")),
        claim.get("analysis_status") or claim["status"],
    )


def citation(data: ArticleData, text: str, claim: ClaimSpan) -> str:
    """The claim as it reads in the article, with who said it, where and when."""
    return claim_citation(
        text[claim.start : claim.end], claim.source, claim.status, data.row, manual=claim.manual
    )


def content_of(
    data: ArticleData, mode: str
) -> tuple[str, str, list[ClaimSpan], list[tuple[int, int]]]:
    """(text, note, claims, entity mentions) the reader shows for *data* in *mode*: the reading
    text with its marks, the feed's summary, or the raw page (`x` switches)."""
    row = data.row
    if mode == "raw":
        where = row["final_url"] or row["url"]
        note = f"The page as fetched from {where} (x to switch)"
        return data.raw or "(no stored page)", note, [], []
    if mode == "summary" or not row["text"]:
        note = ""
        if mode == "summary":
            note = "The feed's summary (x to switch)"
        elif row["state"] == "queued":
            note = "Fetching and analysing the full text…"
        elif row["state"] == "failed":
            note = f"Full text unavailable ({row['error']}); showing the feed's summary."
        elif row["state"] == "skipped":
            note = "Full text is off for this feed; showing the feed's summary."
        return row["summary"] or "(no summary)", note, [], []
    mentions = [span for entity in data.entities for span in entity.spans]
    return row["text"], "", data.claims, mentions
