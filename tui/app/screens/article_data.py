"""What the reader shows, read from the store in one thread trip: the article row, its claims,
its entities, the raw page (for `x`), and the user's pins. Plus the citation `y` copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.app.widgets.entity_panel import EntityItem
from tui.app.widgets.reader_view import ClaimSpan
from tui.core.sanitize import clean_text
from tui.store import pins, store

_RAW_LIMIT = 200_000


@dataclass
class ArticleData:
    row: dict[str, Any]
    claims: list[ClaimSpan]
    entities: list[EntityItem]
    raw: str
    pinned: set[tuple[str, str]] = field(default_factory=set)  # (name, type); see _pin_requested


def load_article(db: Any, article_id: int) -> ArticleData | None:
    """Everything the reader shows first, in one trip to the store (runs in a thread)."""
    row = db.run(store.get_article, article_id)
    if row is None:
        return None
    claims = [
        ClaimSpan(
            c["start"],
            c["end"],
            c["source_start"],
            c["source_end"],
            c["cue_start"],
            c["cue_end"],
            c["status"],
            c["source"],
        )
        for c in db.run(store.claims_for, article_id)
    ]
    entities = [EntityItem.from_row(r) for r in db.run(store.entities_for, article_id)]
    raw = ""
    if row["raw_html"]:
        body, _ = store.raw_page(row)
        raw = clean_text(body[:_RAW_LIMIT].decode("utf-8", "replace"))  # raw bytes: strip escapes
    return ArticleData(dict(row), claims, entities, raw, db.run(pins.pinned))


def citation(data: ArticleData, text: str, claim: ClaimSpan) -> str:
    """The claim as it reads in the article, with who said it, where and when."""
    row = data.row
    quoted = " ".join(text[claim.start : claim.end].split())
    date = (row["published"] or row["sort_ts"] or "")[:10]
    url = row["final_url"] or row["url"]
    return (
        f"“{quoted}” — {claim.source} ({claim.status}). {row['feed_name']}, "
        f"“{row['title']}”, {date}. {url}"
    )
