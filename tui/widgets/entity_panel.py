"""Entities of the open article under People, Places, Organisations and Weapons.

Each shows its count in the article and a sparkline of its mentions per day across the whole
cache (the most recent day on the right), so a name that is suddenly everywhere stands out.
Highlighting one marks its mentions in the text; Enter filters the lists by it.
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

from tui.widgets.row import Row

GROUPS = (
    ("PERSON", "People"),
    ("PLACE", "Places"),
    ("ORG", "Organisations"),
    ("WEAPON", "Weapons"),
)
_BARS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> Content:
    """Bars scaled to the busiest day; a day without mentions is a dim floor."""
    top = max(counts, default=0)
    if top == 0:
        return Content("")
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
        Binding("enter", "select", "Filter lists by entity"),
    ]

    class Highlighted(Message):
        def __init__(self, entity: EntityItem | None) -> None:
            self.entity = entity
            super().__init__()

    class Chosen(Message):
        def __init__(self, entity: EntityItem) -> None:
            self.entity = entity
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entities: dict[str, EntityItem] = {}

    def show_entities(self, entities: list[EntityItem]) -> None:
        self.entities = {str(e.id): e for e in entities}
        options: list[Option | None] = []
        for entity_type, heading in GROUPS:
            group = [e for e in entities if e.type == entity_type]
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
        self.action_first()  # the first entity, past the heading

    def show_trends(self, daily: dict[int, list[int]]) -> None:
        """Add the sparklines once the per-day counts arrive (they come second: slower)."""
        for key, entity in list(self.entities.items()):
            if entity.id in daily:
                entity = replace(entity, daily=tuple(daily[entity.id]))
                self.entities[key] = entity
                self.replace_option_prompt(key, self._row(entity))

    @staticmethod
    def _row(entity: EntityItem) -> Row:
        count = Content.styled(f"{entity.count:>2}", "$text-muted")
        return Row(Content(entity.name), count, trend=sparkline(list(entity.daily)))

    def highlighted_entity(self) -> EntityItem | None:
        option = self.highlighted_option
        return self.entities.get(option.id or "") if option is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.entities.get(event.option.id or "")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self.entities.get(event.option.id or "")
        if entity is not None:
            self.post_message(self.Chosen(entity))
