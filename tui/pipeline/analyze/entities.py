"""Entities (PERSON, PLACE, ORG, WEAPON) from the spaCy doc plus domain rules. Placeholder."""

from __future__ import annotations

from typing import Any

from tui.pipeline.models import Entity


def find_entities(doc: Any) -> tuple[Entity, ...]:
    return ()
