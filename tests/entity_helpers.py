"""What the entity tests read from the analysis: every mention's surface and type."""

from __future__ import annotations

from typing import Any

from tui.pipeline.analyze import entities


def types(nlp: Any, text: str) -> dict[str, str]:
    """Every mention's surface and type."""
    found = entities.find_entities(nlp(text))
    return {text[s:e]: ent.type for ent in found for s, e in ent.mentions}
