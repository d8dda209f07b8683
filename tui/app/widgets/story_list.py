"""The stories list: one row per story, newest first.

    ⚡  4 outlets   6 articles  Missile strike on Zaporizhzhia market…  Capital Dispatch, …  2h

⚡ when the story holds a contradiction (is:contested) · how many outlets and articles carry
it · its title (the earliest article's headline) · the outlets, newest first (when there is
room) · the age of its newest article. Columns give way on narrow terminals: the outlet names
go first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from textual.message import Message

from tui.app.widgets.article_list import age
from tui.app.widgets.virtual_list import VirtualList, fit, now_of

CONTESTED = "⚡"
CONTESTED_MEANING = "the story holds a contradiction: a denial, a dispute or figures that differ"
# What each column of a row means, left to right: help shows it as the list's legend.
COLUMNS = (
    (CONTESTED, CONTESTED_MEANING + " (is:contested)"),
    ("4 outlets", "how many outlets carry the story (outlets:>=3)"),
    ("6 articles", "how many articles it holds"),
    ("title", "the earliest article's headline"),
    ("outlets", "which outlets, newest first (wide terminals)"),
    ("2h", "how long ago its newest article was published"),
)


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str
    articles: int
    outlets: int
    contested: bool
    last_seen: str
    outlet_names: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: Any) -> StoryRow:
        return cls(
            row["id"],
            " ".join((row["title"] or "").split()),
            row["articles"],
            row["outlets"],
            bool(row["contested"]),
            row["last_seen"],
            tuple(row["outlet_names"]),
        )


def _counted(number: int, noun: str, width: int) -> str:
    """ " 4 outlets" / " 1 outlet " : the number right-aligned, the column a fixed width."""
    word = noun if number == 1 else noun + "s"
    return f"{number:>{width}} {word:<{len(noun) + 1}}"


class StoryList(VirtualList[StoryRow]):
    COMPONENT_CLASSES = VirtualList.COMPONENT_CLASSES | {
        "story-list--contested",
        "story-list--counts",
        "story-list--title",
    }
    DEFAULT_CSS = """
    StoryList > .story-list--contested { color: $text-warning; text-style: bold; }
    StoryList > .story-list--counts { color: $text-accent; }
    StoryList > .story-list--title { text-style: bold; }
    """

    class Opened(Message):
        def __init__(self, row: StoryRow) -> None:
            self.row = row
            super().__init__()

    def opened(self, row: StoryRow) -> None:
        self.post_message(self.Opened(row))

    def render_row(self, row: StoryRow, width: int) -> list[Segment]:
        style = self.get_component_rich_style
        muted = style("virtual-list--muted")
        mark = f" {CONTESTED} " if row.contested else "    "
        counts = _counted(row.outlets, "outlet", 2) + _counted(row.articles, "article", 3)
        when = f" {age(row.last_seen, now_of(self.app)):>4} "
        rest = width - 4 - len(counts) - 1 - len(when)
        names: list[Segment] = []
        if rest >= 90:  # room for the outlets' names
            names_width = min(44, rest // 3)
            names = [Segment("  " + fit(", ".join(row.outlet_names), names_width), muted)]
            rest -= names_width + 2
        return [
            Segment(fit(mark, 4), style("story-list--contested")),
            Segment(counts, style("story-list--counts")),
            Segment(" " + fit(row.title, max(0, rest)), style("story-list--title")),
            *names,
            Segment(when, muted),
        ]
