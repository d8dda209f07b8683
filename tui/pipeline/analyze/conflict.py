"""Conflict relevance: does an article report on armed conflict? Placeholder."""

from __future__ import annotations

from typing import Any

from tui.pipeline.models import Entity


def is_conflict(doc: Any, entities: tuple[Entity, ...]) -> bool:
    return False
