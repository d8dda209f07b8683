"""Claims: attributed statements with source, cue, content and status. Placeholder."""

from __future__ import annotations

from typing import Any

from tui.pipeline.models import Claim, Entity


def find_claims(doc: Any, entities: tuple[Entity, ...]) -> tuple[Claim, ...]:
    return ()
