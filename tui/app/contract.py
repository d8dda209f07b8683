"""What screens, dialogs, flows and palette commands may ask of the app, as a typed Protocol.

Screens never import the app module (it imports them) nor each other: they ask the app to
navigate (`navigate.reader`, `navigate.claims`, `navigate.story`, ...) and reach data through
`library`. `sitrep(node)` gives any node of ours the running app as a `Sitrep`, checked once,
so no screen needs `app: Any` or an attribute-error ignore to call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from textual.app import App
from textual.message_pump import MessagePump

from tui.service.config import Config
from tui.service.library import Library
from tui.service.locations import Locations


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """One claim, as bookmarks know it: its article, where it starts, where its source starts
    (one sentence can carry two claims with different sources)."""

    article_id: int
    start: int
    source_start: int
    status: str = ""  # the status in force, for `v` to offer the others
    analysis_status: str = ""  # the analyzer's
    manual: bool = False  # the user set `status`


@runtime_checkable
class HasCurrentClaim(Protocol):
    """A screen with a claim under its cursor (the reader, the claims view): `b` bookmarks it,
    `v` sets its status."""

    def claim_ref(self) -> ClaimRef | None: ...


class Navigation(Protocol):
    """Moving between screens (tui.app.navigation.Navigator)."""

    def reader(
        self, article_id: int, claim_start: int | None = None, source_start: int | None = None
    ) -> None: ...
    def claims(self, text: str = "") -> None: ...
    def bookmarks(self) -> None: ...
    def stories(self, text: str = "") -> None: ...
    def story(self, story_id: str) -> None: ...
    def next_unread(self, step: int) -> bool: ...
    def by_entity(self, name: str) -> None: ...
    def failing(self) -> None: ...


@runtime_checkable
class Sitrep(Protocol):
    """The app as its screens see it. SitrepApp implements it; nothing else needs to."""

    config: Config
    library: Library
    locations: Locations

    def now(self) -> datetime:
        """The app's clock (tests freeze it)."""
        ...

    # ── data and refresh ──
    def list_shown(self) -> None: ...
    def refresh_feeds(self, urls: list[str] | None) -> None: ...
    async def process_article_now(self, article_id: int) -> None: ...
    def bump_data(self, force: bool = False) -> None: ...
    def reload_config(self, config: Config) -> None: ...

    navigate: Navigation  # moving between screens

    # ── app-wide actions the palette offers ──
    def action_refresh_all(self) -> None: ...
    def action_help(self) -> None: ...


def sitrep(node: MessagePump) -> Sitrep:
    """The running app of *node* (a screen, widget or the app itself) as a Sitrep."""
    app = node if isinstance(node, App) else node.app
    if not isinstance(app, Sitrep):
        raise TypeError(f"{type(app).__name__} is not a sitrep app")
    return app
