"""One line of a side pane: a label cut to fit, then right-aligned extras that never wrap.

OptionList wraps a long prompt onto a second line, which turns a feeds pane of long outlet names
into a ragged list. A Row always renders as exactly one line of the width it is given: the label
gives way (ending in "…"), the count and sparkline stay whole, and extras that do not fit at all
are dropped from the right.
"""

from __future__ import annotations

from dataclasses import replace

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

MIN_LABEL = 8
MIN_TREND = 4
LABEL_BESIDE_TREND = 14  # a name beside a sparkline keeps this much (at 80 columns: 9 before)


class Row(Visual):
    def __init__(self, label: Content, *extras: Content, trend: Content | None = None) -> None:
        self.label = label
        self.extras = [e for e in extras if e.cell_length]
        self.trend = trend if trend is not None and trend.cell_length else None

    def fit(self, width: int) -> Content:
        """The line at exactly *width* cells."""
        extras = list(self.extras)
        # Keep at least MIN_LABEL cells of label; drop the rightmost extras until that holds.
        while extras and sum(e.cell_length + 1 for e in extras) > max(0, width - MIN_LABEL):
            extras.pop()
        avail = width - sum(e.cell_length + 1 for e in extras)
        if self.trend is not None:
            # The label keeps half the room whatever its own length (and never less than
            # LABEL_BESIDE_TREND: a name comes before its trend), so the sparklines of a column
            # of rows line up; a trend takes what is left, losing its oldest cells first, and
            # goes entirely below MIN_TREND cells.
            label_room = max(LABEL_BESIDE_TREND, avail // 2)
            trend_room = min(self.trend.cell_length, avail - label_room - 1)
            if trend_room >= MIN_TREND:
                extras.append(self.trend[self.trend.cell_length - trend_room :])
                avail -= trend_room + 1
        tail = Content(" ").join(extras) if extras else Content("")
        label = self.label.truncate(max(0, avail), ellipsis=True, pad=True)
        return (label + " " + tail) if extras else label

    @property
    def plain(self) -> str:
        trend = [self.trend.plain] if self.trend is not None else []
        return " ".join([self.label.plain, *(e.plain for e in self.extras), *trend])

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        line = self.fit(width)
        one_line = replace(options, rules={"text_wrap": "nowrap", "text_overflow": "clip"})
        return line.render_strips(width, 1, style, one_line)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        trend = self.trend.cell_length + 1 if self.trend is not None else 0
        return self.label.cell_length + sum(e.cell_length + 1 for e in self.extras) + trend

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1
