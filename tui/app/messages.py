"""App-wide messages, named in the past tense. Widget-specific ones live on their widgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:  # the refresh stack loads after the first paint, not with the app
    from tui.service.refresh import FeedOutcome


@dataclass
class RefreshProgressed(Message):
    """Feeds or articles done so far. Floods merge: only the latest matters."""

    phase: str
    done: int
    total: int
    failed: str = ""  # the phase stopped on this error (the last event of the phase)

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgressed) and message.phase == self.phase


@dataclass
class FeedRefreshed(Message):
    outcome: FeedOutcome


class BookmarkChanged(Message):
    """Posted to the screen that bookmarked a claim, so it can mark (or unmark) it."""

    def __init__(
        self, article_id: int | None, spot: tuple[int, int | None] | None, bookmarked: bool
    ) -> None:
        self.article_id = article_id
        self.spot = spot  # (claim start, source start): two claims can share a sentence
        self.bookmarked = bookmarked
        super().__init__()


class ClaimStatusSet(Message):
    """Posted to the screen where the user set a claim's status (`v`), with the claim as it is
    now (`Library.set_claim_status`), so it can show the new status where the claim is."""

    def __init__(self, article_id: int, claim: dict[str, Any]) -> None:
        self.article_id = article_id
        self.claim = claim
        super().__init__()
