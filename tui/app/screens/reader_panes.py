"""The reader's two panes: the text and the entity panel beside it.

The panel's messages (an entity highlighted, chosen, pinned) bubble up to this container before
they reach the screen, so what they do to the text lives here: the marks in the text follow the
panel's cursor while the panel has focus, Enter filters the article list by the entity, `p` pins
it. The screen keeps the keys (`e`, `\\`) and tells the panes which entities the user has pinned.
"""

from __future__ import annotations

from textual import on
from textual.containers import Horizontal

from tui.app.contract import sitrep
from tui.app.flows.pins import Pins, request_pin
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.reader_view import ReaderView


class ReaderPanes(Horizontal):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.pinned: Pins | None = None  # the open article's pins; None until one is shown

    def toggle_entities(self) -> None:
        """\\: hide the entity panel (the text gets its columns), or show it again."""
        panel, reader = self.query_one(EntityPanel), self.query_one(ReaderView)
        panel.display = not panel.display
        if not panel.display:
            reader.mark_entity([])
            reader.focus()

    def focus_entities(self) -> None:
        """e: into the panel, marking the highlighted entity in the text."""
        panel = self.query_one(EntityPanel)
        panel.display = True
        panel.focus()
        entity = panel.highlighted_entity()
        if entity is not None:
            self.query_one(ReaderView).mark_entity(entity.spans)

    def leave_entities(self) -> bool:
        """Back from the panel to the text; False when the panel did not have focus."""
        if not self.query_one(EntityPanel).has_focus:
            return False
        reader = self.query_one(ReaderView)
        reader.mark_entity([])
        reader.focus()
        return True

    @on(EntityPanel.Highlighted)
    def _highlighted(self, event: EntityPanel.Highlighted) -> None:
        if self.query_one(EntityPanel).has_focus:  # marks follow the cursor only while in use
            self.query_one(ReaderView).mark_entity(event.entity.spans if event.entity else [])

    @on(EntityPanel.Chosen)
    def _chosen(self, event: EntityPanel.Chosen) -> None:
        sitrep(self).navigate.by_entity(event.entity.name)

    @on(EntityPanel.PinRequested)
    def _pin_requested(self, event: EntityPanel.PinRequested) -> None:
        request_pin(self.screen, self.query_one(EntityPanel), self.pinned, event.entity, event.pin)
