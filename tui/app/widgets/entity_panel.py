"""Entities of the open article under People, Places, Organisations and Weapons.

Each shows its count in the article and a sparkline of its mentions per day across the whole
cache (the most recent day on the right), so a name that is suddenly everywhere stands out.
Highlighting one marks its mentions in the text; Enter filters the lists by it; `p` pins it.

Pinned entities come first within their type's group, marked with PIN_MARK, rather than moving
to a "Pinned" group at the top: the four headings and their counts stay put as pins come and go
(the cursor moves a few rows, never across the panel), and a pinned name keeps its type.
The mark is a single cell: "◆" is in every monospace font's geometric shapes and measures one
cell in Textual, as the "●" and "★" markers elsewhere do; an emoji pin is two cells wide (and
drawn one or two wide depending on the terminal), which would jog the column of names.
Only pinned rows carry the mark, so the rows of an article with no pins look as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from textual.binding import Binding
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.row import Row

GROUPS = (
    ("PERSON", "People"),
    ("PLACE", "Places"),
    ("ORG", "Organisations"),
    ("WEAPON", "Weapons"),
)
_BARS = "▁▂▃▄▅▆▇█"
PIN_MARK = "◆"
TREND_DAYS = 14  # days a sparkline covers


def sparkline(counts: list[int]) -> Content:
    """Bars scaled to the busiest day; a day without mentions is a dim floor. A name with no
    mention in the period gets the floor all along, and one whose counts have not arrived yet a
    blank of the same width: every row keeps its columns (the count never jumps)."""
    top = max(counts, default=0)
    if not counts:
        return Content(" " * TREND_DAYS)
    if top == 0:
        return Content.styled(_BARS[0] * len(counts), "$text-muted")
    text = "".join(_BARS[0 if c == 0 else max(1, round(7 * c / top))] for c in counts)
    spans = [
        Span(i, i + 1, "$text-muted" if c == 0 else "$text-success") for i, c in enumerate(counts)
    ]
    return Content(text, spans)


@dataclass(frozen=True)
class EntityItem:
    id: int
    name: str
    type: str
    count: int
    spans: tuple[tuple[int, int], ...]
    daily: tuple[int, ...] = ()

    @classmethod
    def from_row(cls, row: Any, daily: list[int] | None = None) -> EntityItem:
        spans = tuple((int(s), int(e)) for s, e in json.loads(row["spans"]))
        return cls(row["id"], row["name"], row["type"], row["count"], spans, tuple(daily or ()))


class EntityPanel(OptionList):
    DEFAULT_CSS = """
    EntityPanel { border: none; padding: 0; background: $surface;
        scrollbar-size-vertical: 1; }
    EntityPanel:focus { border: none; background-tint: $foreground 4%; }
    EntityPanel > .option-list--option { padding: 0 1; }
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("enter", "select", "Filter lists by entity", id="choose_entity"),
        # "Pin", not "Pin / unpin": the reader's footer then still fits 160 columns.
        Binding(
            "p",
            "pin_entity",
            "Pin",
            tooltip="Pin or unpin: pinned entities come first, and new claims about them are "
            "announced",
            id="pin_entity",
        ),
    ]

    class Highlighted(Message):
        def __init__(self, entity: EntityItem | None) -> None:
            self.entity = entity
            super().__init__()

    class Chosen(Message):
        def __init__(self, entity: EntityItem) -> None:
            self.entity = entity
            super().__init__()

    class PinRequested(Message):
        """`p` on an entity: the screen decides (read-only?), saves, and sets `pinned`."""

        def __init__(self, entity: EntityItem, pin: bool) -> None:
            self.entity = entity
            self.pin = pin  # what the user asked for: pin (True) or unpin
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entities: dict[str, EntityItem] = {}
        self.pinned: set[tuple[str, str]] = set()

    def is_pinned(self, entity: EntityItem) -> bool:
        return (entity.name, entity.type) in self.pinned

    def show_entities(
        self, entities: list[EntityItem], pinned: set[tuple[str, str]] | None = None
    ) -> None:
        """Show *entities* (in the order given within each group, pinned ones first)."""
        if pinned is not None:
            self.pinned = set(pinned)
        self.entities = {str(e.id): e for e in entities}
        self._build()
        self.action_first()  # the first entity, past the heading

    def set_pinned(self, entity: EntityItem, pinned: bool) -> None:
        """Mark or unmark one entity and reorder its group; the cursor stays on it."""
        key = (entity.name, entity.type)
        if (key in self.pinned) == pinned:
            return
        (self.pinned.add if pinned else self.pinned.discard)(key)
        current = self.highlighted_option
        self._build()
        if current is not None and current.id is not None:
            self.highlighted = self.get_option_index(current.id)

    def _build(self) -> None:
        entities = list(self.entities.values())
        options: list[Option | None] = []
        for entity_type, heading in GROUPS:
            group = [e for e in entities if e.type == entity_type]
            group.sort(key=lambda e: not self.is_pinned(e))  # stable: counts order otherwise
            if not group:
                continue
            if options:
                options.append(None)
            options.append(
                Option(
                    Content.styled(f"{heading} ({len(group)})", "bold $text-accent"), disabled=True
                )
            )
            options += [Option(self._row(e), id=str(e.id)) for e in group]
        if not options:
            options.append(
                Option(Content.styled("No entities yet", "italic $text-muted"), disabled=True)
            )
        self.clear_options()
        self.add_options(options)

    def show_trends(self, daily: dict[int, list[int]]) -> None:
        """Add the sparklines once the per-day counts arrive (they come second: slower)."""
        for key, entity in list(self.entities.items()):
            if entity.id in daily:
                entity = replace(entity, daily=tuple(daily[entity.id]))
                self.entities[key] = entity
                self.replace_option_prompt(key, self._row(entity))

    def _row(self, entity: EntityItem) -> Row:
        count = Content.styled(f"{entity.count:>2}", "$text-muted")
        name = Content(entity.name)  # web text: data, never markup
        if self.is_pinned(entity):
            name = Content.styled(f"{PIN_MARK} ", "$text-warning") + name
        return Row(name, count, trend=sparkline(list(entity.daily)))

    def highlighted_entity(self) -> EntityItem | None:
        option = self.highlighted_option
        return self.entities.get(option.id or "") if option is not None else None

    def action_pin_entity(self) -> None:
        entity = self.highlighted_entity()
        if entity is not None:
            self.post_message(self.PinRequested(entity, not self.is_pinned(entity)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.entities.get(event.option.id or "")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self.entities.get(event.option.id or "")
        if entity is not None:
            self.post_message(self.Chosen(entity))
