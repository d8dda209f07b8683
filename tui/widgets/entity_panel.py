"""Entities of the open article under People, Places, Organisations and Weapons.

Each shows its count in the article and a sparkline of its mentions per day across the cache.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

GROUPS = (("PERSON", "People"), ("PLACE", "Places"), ("ORG", "Organisations"),
          ("WEAPON", "Weapons"))
_BARS = " ▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    top = max(counts, default=0)
    if top == 0:
        return ""
    return "".join(_BARS[0 if c == 0 else max(1, round(8 * c / top))] for c in counts)


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
        spans = tuple(tuple(s) for s in json.loads(row["spans"]))
        return cls(row["id"], row["name"], row["type"], row["count"], spans,  # type: ignore[arg-type]
                   tuple(daily or ()))


class EntityPanel(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
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
            options.append(Option(Content.styled(f"{heading} ({len(group)})", "bold $accent"),
                                  disabled=True))
            for entity in group:
                options.append(Option(self._label(entity), id=str(entity.id)))
        if not options:
            options.append(Option(Content.styled("No entities yet", "italic"), disabled=True))
        self.clear_options()
        self.add_options(options)

    @staticmethod
    def _label(entity: EntityItem) -> Content:
        count = f" {entity.count}"
        spark = sparkline(list(entity.daily))
        text = f"{entity.name}{count}" + (f" {spark}" if spark else "")
        spans = [Span(len(entity.name), len(entity.name) + len(count), "$text-muted")]
        if spark:
            spans.append(Span(len(text) - len(spark), len(text), "$success"))
        return Content(text, spans)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.entities.get(event.option.id or "")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self.entities.get(event.option.id or "")
        if entity is not None:
            self.post_message(self.Chosen(entity))
