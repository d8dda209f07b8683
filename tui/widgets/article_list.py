"""The article list: unread mark, claim count, title, feed and age per row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rich.segment import Segment
from textual.message import Message

from tui.widgets.virtual_list import PAGE_SIZE, VirtualList, fit

__all__ = ["PAGE_SIZE", "ArticleList", "ArticleRow", "age"]


def age(timestamp: str | None, now: datetime | None = None) -> str:
    """A compact age: 5m, 3h, 2d, 6w, or a date for anything older than a year."""
    if not timestamp:
        return ""
    try:
        when = datetime.fromisoformat(timestamp)
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
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

    @classmethod
    def from_row(cls, row: Any) -> ArticleRow:
        return cls(row["id"], row["title"], row["feed_name"], row["sort_ts"], bool(row["read"]),
                   row["claim_count"], row["state"])


class ArticleList(VirtualList[ArticleRow]):
    COMPONENT_CLASSES = VirtualList.COMPONENT_CLASSES | {
        "article-list--unread", "article-list--read", "article-list--claims"}
    DEFAULT_CSS = """
    ArticleList > .article-list--unread { text-style: bold; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--claims { color: $warning; }
    """

    class Opened(Message):
        def __init__(self, article_id: int) -> None:
            self.article_id = article_id
            super().__init__()

    def opened(self, row: ArticleRow) -> None:
        self.post_message(self.Opened(row.id))

    def render_row(self, row: ArticleRow, width: int) -> list[Segment]:
        base = self.get_component_rich_style(
            "article-list--read" if row.read else "article-list--unread")
        meta = self.get_component_rich_style("virtual-list--muted")
        claims_style = self.get_component_rich_style("article-list--claims")
        marker = "  " if row.read else "● "
        claims = f"{row.claim_count:>3}✎ " if row.claim_count else "     "
        feed_width = min(20, max(8, width // 6))
        tail = f" {fit(row.feed_name, feed_width)} {age(row.sort_ts):>5} "
        title_width = max(0, width - len(marker) - len(claims) - len(tail))
        return [
            Segment(marker, base),
            Segment(claims, claims_style),
            Segment(fit(row.title, title_width), base),
            Segment(tail, meta),
        ]
