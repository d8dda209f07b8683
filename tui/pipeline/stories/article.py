"""The input of stories: one analysed article, as the store keeps it after analysis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tui.core.models import Claim, Entity


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article with its analysis. `id` is the store's key; offsets index `text`."""

    id: str
    url: str
    feed: str  # the outlet's feed name, as the reader sees it
    title: str
    published: datetime  # aware; a naive value is taken as UTC
    text: str
    claims: tuple[Claim, ...] = ()
    entities: tuple[Entity, ...] = ()

    @property
    def timestamp(self) -> float:
        """Seconds since the epoch, the clock the grouping compares."""
        when = self.published
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.timestamp()
