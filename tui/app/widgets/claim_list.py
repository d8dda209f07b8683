"""The claims view list: status, canonical source, what was said, its article, outlet, age.

Each row shows the claim itself — its content span ("air defence units shot down 12 drones"),
not the first words of its sentence — under the source's one name (the canonical source:
"Russian Defence Ministry" however the article wrote it). Columns give way on narrow
terminals: the outlet goes first, then the article title; status, source, claim and age always
stay. The whole sentence and the evidence are in the preview under the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from tui.app.widgets.article_list import age
from tui.app.widgets.status_looks import look, marker
from tui.app.widgets.virtual_list import VirtualList, fit, now_of


def content_text(row: Any) -> str:
    """The content span, cut from the sentence (the sentence when the span lies outside it)."""
    text, start = row["text"], row["start"]
    keys = row.keys()
    if "content_start" in keys and row["content_start"] is not None:
        begin, end = row["content_start"] - start, row["content_end"] - start
        if 0 <= begin < end <= len(text):
            return " ".join(text[begin:end].split())
    return " ".join(text.split())


@dataclass(frozen=True)
class ClaimRow:
    id: int
    article_id: int
    start: int
    source_start: int
    text: str  # the sentence
    source: str  # as written
    status: str
    title: str
    feed_name: str
    sort_ts: str
    bookmarked: bool = False
    content: str = ""  # what was said
    canonical: str = ""  # the source's one name ("" when the analysis gave none)
    manual: bool = False  # the user set the status
    analysis_status: str = ""

    @property
    def who(self) -> str:
        return self.canonical or self.source

    @classmethod
    def from_row(cls, row: Any, marked: set[tuple[int, int, int]] | None = None) -> ClaimRow:
        keys = row.keys()
        analysed = row["analysis_status"] if "analysis_status" in keys else None
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
            content_text(row),
            (row["source_canonical"] if "source_canonical" in keys else "") or "",
            analysed is not None,
            analysed or row["status"],
        )


class ClaimList(VirtualList[ClaimRow]):
    class Opened(Message):
        def __init__(self, row: ClaimRow) -> None:
            self.row = row
            super().__init__()

    class Highlighted(Message):
        """The cursor is on another claim (None: its page is not loaded yet)."""

        def __init__(self, row: ClaimRow | None) -> None:
            self.row = row
            super().__init__()

    def opened(self, row: ClaimRow) -> None:
        self.post_message(self.Opened(row))

    def watch_cursor(self, old: int, new: int) -> None:
        super().watch_cursor(old, new)
        self.post_message(self.Highlighted(self.current))

    def add_page(self, generation: int, offset: int, rows: list[ClaimRow]) -> None:
        waiting = self.current is None
        super().add_page(generation, offset, rows)
        if waiting and self.current is not None:
            self.post_message(self.Highlighted(self.current))

    def render_row(self, row: ClaimRow, width: int) -> list[Segment]:
        muted = self.get_component_rich_style("virtual-list--muted")
        found = look(row.status)
        status = Style(color=found.colour, bold=True)
        source_width = min(26, max(14, width // 5))  # canonical names run to 20-odd cells
        when = f" {age(row.sort_ts, now_of(self.app)):>4} "
        who = fit(row.who, source_width)
        name = who.rstrip(" ")  # the name underlined, not the padding after it
        segments = [
            Segment(
                f"{'★' if row.bookmarked else ' '}{marker(row.status, row.manual)}"
                f"{fit(row.status, 11)} ",
                status,
            ),
            Segment(name, Style(underline=True, bold=True)),
            Segment(who[len(name) :] + "  "),
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
        claim = row.content or row.text
        return [*segments, Segment(fit(claim, max(0, rest))), *extra, Segment(when, muted)]
