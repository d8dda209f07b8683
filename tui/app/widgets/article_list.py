"""The article list: read state, claim count, conflict mark, title, feed and age per row.

    ●  12 ≠ Russia claims capture of village near Kupiansk…   Frontline Wire   3d

● unread · the number of claims found (… while the article waits for analysis; the language, such
as `uk`, for an article not in English: claims are found in English only) · ≠ when the article
reports armed conflict (is:conflict) · the feed · how long ago.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rich.segment import Segment
from textual.message import Message

from tui.app.widgets.virtual_list import PAGE_SIZE, VirtualList, fit, now_of

__all__ = ["COLUMNS", "CONFLICT_MEANING", "PAGE_SIZE", "ArticleList", "ArticleRow", "age"]

CONFLICT_MEANING = "the article reports armed conflict (is:conflict)"
# What each column of a row means, left to right: help shows it as the list's legend.
COLUMNS = (
    ("●", "unread"),
    ("12", "claims found in the article (… while it waits for analysis; uk, ru, ar…: its "
           "language when not English, where claims are not sought)"),
    ("≠", CONFLICT_MEANING),
    ("title", "the article's headline"),
    ("outlet", "the feed it came from"),
    ("3d", "how long ago it was published (m, h, d, w; the date after a year)"),
)


def age(timestamp: str | None, now: datetime) -> str:
    """A compact age: 5m, 3h, 2d, 6w, or the date for anything older than a year."""
    if not timestamp:
        return ""
    try:
        when = datetime.fromisoformat(timestamp)
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if seconds < 3600:
        return f"{max(0, int(seconds // 60))}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if seconds < 86400 * 7 * 8:
        return f"{int(seconds // 86400)}d"
    if seconds < 86400 * 365:
        return f"{int(seconds // (86400 * 7))}w"
    return when.date().isoformat()


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str
    feed_name: str
    sort_ts: str
    read: bool
    claim_count: int
    state: str
    conflict: bool = False
    feed_id: int | None = None
    language: str = "en"

    @classmethod
    def from_row(cls, row: Any) -> ArticleRow:
        return cls(
            row["id"],
            row["title"],
            row["feed_name"],
            row["sort_ts"],
            bool(row["read"]),
            row["claim_count"],
            row["state"],
            bool(row["conflict"]),
            row["feed_id"],
            row["language"] if "language" in row.keys() else "en",  # noqa: SIM118 (sqlite3.Row)
        )


class ArticleList(VirtualList[ArticleRow]):
    COMPONENT_CLASSES = VirtualList.COMPONENT_CLASSES | {
        "article-list--unread",
        "article-list--read",
        "article-list--claims",
        "article-list--conflict",
        "article-list--marker",
    }
    DEFAULT_CSS = """
    ArticleList > .article-list--unread { text-style: bold; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--claims { color: $text-warning; }
    ArticleList > .article-list--conflict { color: $text-error; text-style: bold; }
    ArticleList > .article-list--marker { color: $text-accent; }
    """

    class Opened(Message):
        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    def opened(self, row: ArticleRow) -> None:
        self.post_message(self.Opened(row.id))

    def render_row(self, row: ArticleRow, width: int) -> list[Segment]:
        style = self.get_component_rich_style
        base = style("article-list--read" if row.read else "article-list--unread")
        if row.language != "en":
            claims = f"{row.language[:3]:>3}"
        elif row.claim_count:
            claims = f"{row.claim_count:>3}"
        else:
            claims = "  …" if row.state in ("queued", "new") else "   "
        feed_width = min(22, max(8, width // 6))
        tail = f" {fit(row.feed_name, feed_width)} {age(row.sort_ts, now_of(self.app)):>4} "
        title_width = max(0, width - 3 - len(claims) - 2 - len(tail))
        return [
            Segment(" ● " if not row.read else "   ", style("article-list--marker")),
            Segment(claims, style("article-list--claims")),
            Segment(" ≠" if row.conflict else "  ", style("article-list--conflict")),
            Segment(" " + fit(row.title, title_width - 1), base),
            Segment(tail, style("virtual-list--muted")),
        ]
