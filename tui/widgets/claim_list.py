"""The claims view list: status, source, claim text, outlet and age per row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from tui.widgets.article_list import age
from tui.widgets.virtual_list import VirtualList, fit

STATUS_COLOURS = {"claimed": "#d7b94a", "denied": "#e06c6c", "disputed": "#d484c8",
                  "unconfirmed": "#7fa3d6", "confirmed": "#6cc486"}


@dataclass(frozen=True)
class ClaimRow:
    id: int
    article_id: int
    start: int
    text: str
    source: str
    status: str
    title: str
    feed_name: str
    sort_ts: str

    @classmethod
    def from_row(cls, row: Any) -> ClaimRow:
        return cls(row["id"], row["article_id"], row["start"], " ".join(row["text"].split()),
                   row["source"], row["status"], row["title"], row["feed_name"], row["sort_ts"])


class ClaimList(VirtualList[ClaimRow]):
    class Opened(Message):
        def __init__(self, row: ClaimRow) -> None:
            self.row = row
            super().__init__()

    def opened(self, row: ClaimRow) -> None:
        self.post_message(self.Opened(row))

    def render_row(self, row: ClaimRow, width: int) -> list[Segment]:
        meta = self.get_component_rich_style("virtual-list--muted")
        status = Style(color=STATUS_COLOURS.get(row.status), bold=True)
        source_width = min(28, max(10, width // 5))
        feed_width = min(16, max(6, width // 8))
        tail = f" {fit(row.feed_name, feed_width)} {age(row.sort_ts):>5} "
        text_width = max(0, width - 13 - source_width - 1 - len(tail))
        return [
            Segment(f" {fit(row.status, 11)} ", status),
            Segment(fit(row.source, source_width) + " ", Style(underline=True)),
            Segment(fit(row.text, text_width)),
            Segment(tail, meta),
        ]
