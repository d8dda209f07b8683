"""The claims view list: status (glyph, word), source, the claim, its article, outlet, age.

Columns give way on narrow terminals: the outlet goes first, then the article title; status,
source, claim text and age always stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from tui.app.widgets.article_list import age
from tui.app.widgets.status_looks import look
from tui.app.widgets.virtual_list import VirtualList, fit, now_of


@dataclass(frozen=True)
class ClaimRow:
    id: int
    article_id: int
    start: int
    source_start: int
    text: str
    source: str
    status: str
    title: str
    feed_name: str
    sort_ts: str
    bookmarked: bool = False

    @classmethod
    def from_row(cls, row: Any, marked: set[tuple[int, int, int]] | None = None) -> ClaimRow:
        return cls(
            row["id"],
            row["article_id"],
            row["start"],
            row["source_start"],
            " ".join(row["text"].split()),
            row["source"],
            row["status"],
            row["title"],
            row["feed_name"],
            row["sort_ts"],
            (row["article_id"], row["start"], row["source_start"]) in (marked or ()),
        )


class ClaimList(VirtualList[ClaimRow]):
    class Opened(Message):
        def __init__(self, row: ClaimRow) -> None:
            self.row = row
            super().__init__()

    def opened(self, row: ClaimRow) -> None:
        self.post_message(self.Opened(row))

    def render_row(self, row: ClaimRow, width: int) -> list[Segment]:
        muted = self.get_component_rich_style("virtual-list--muted")
        found = look(row.status)
        status = Style(color=found.colour, bold=True)
        source_width = min(28, max(12, width // 6))
        when = f" {age(row.sort_ts, now_of(self.app)):>4} "
        segments = [
            Segment(f"{'★' if row.bookmarked else ' '}{found.glyph} {fit(row.status, 11)} ",
                    status),
            Segment(fit(row.source, source_width), Style(underline=True, bold=True)),
            Segment("  "),
        ]
        rest = width - 15 - source_width - 2 - len(when)
        extra: list[Segment] = []
        if rest >= 70:  # room for the article's title and the outlet
            title_width, feed_width = min(40, rest // 4), min(18, rest // 7)
            extra = [
                Segment(" " + fit(row.title, title_width), muted),
                Segment(" " + fit(row.feed_name, feed_width), muted),
            ]
            rest -= title_width + feed_width + 2
        elif rest >= 55:  # room for the article's title
            title_width = min(24, rest // 3)
            extra = [Segment(" " + fit(row.title, title_width), muted)]
            rest -= title_width + 1
        return [*segments, Segment(fit(row.text, max(0, rest))), *extra, Segment(when, muted)]
