"""Pinning an entity from the reader's panel (`p`): the panel changes at once, the write
follows in a thread and is undone on screen if it fails. Names are web text: toasts are plain."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.screen import Screen

from tui.app.contract import sitrep
from tui.app.widgets.entity_panel import EntityItem, EntityPanel
from tui.core.errors import StoreError

Pins = set[tuple[str, str]]  # (name, type)


def request_pin(screen: Screen[Any], panel: EntityPanel, pinned: Pins | None,
                entity: EntityItem, pin: bool) -> None:
    """*pinned* is the open article's set of pins (None: no article shown yet)."""
    if sitrep(screen).library.readonly:
        screen.notify("Read-only: another sitrep is running; pin there.", severity="warning")
    elif pinned is not None:
        show_pin(panel, pinned, entity, pin)
        screen.run_worker(partial(_save_pin, screen, panel, pinned, entity), thread=True,
                          group="pins", name="_save_pin", exit_on_error=False)


def show_pin(panel: EntityPanel, pinned: Pins, entity: EntityItem, pin: bool) -> None:
    (pinned.add if pin else pinned.discard)((entity.name, entity.type))
    panel.set_pinned(entity, pin)


def _save_pin(screen: Screen[Any], panel: EntityPanel, wanted: Pins, entity: EntityItem) -> None:
    app = screen.app
    try:
        pinned = sitrep(screen).library.match_pin(entity.name, entity.type, wanted)
    except StoreError as exc:  # nothing was saved: show the pin as it was
        shown = (entity.name, entity.type) in wanted
        app.call_from_thread(show_pin, panel, wanted, entity, not shown)
        app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
        return
    name = entity.name
    message = f"Unpinned {name}."
    if pinned:
        message = f"Pinned {name}: you'll be told when new claims mention it."
    app.call_from_thread(screen.notify, message, markup=False)
