"""The command palette's entries (ctrl+p): refresh, feeds (add, OPML import and export; the work
is in tui.app.flows.feeds), filter by entity, failing feeds, claims view, stories, bookmarks and
their export, switch theme, help; then the entries of the screen in front (`commands()`, when it has
one: the main screen's feed and read-state entries, the bookmarks screen's undo). Each one calls
an app or screen action, so the palette and the keys never disagree about what a command does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.app.contract import sitrep
from tui.app.flows import feeds as feed_flows
from tui.app.flows.bookmarks import export_bookmarks
from tui.app.palette.entities import pick_entity


@runtime_checkable
class HasCommands(Protocol):
    """A screen with palette entries of its own."""

    def commands(self) -> Iterable[SystemCommand]: ...


def commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Every entry for *screen*: the app's, then the screen's own."""
    ours = sitrep(app)
    yield SystemCommand("Refresh all feeds", "Fetch every feed now (R)", ours.action_refresh_all)
    yield SystemCommand(
        "Add feed…",
        "Check a feed address, then add it to feeds.toml and fetch it (a)",
        partial(feed_flows.add_feed, app),
    )
    yield SystemCommand(
        "Import OPML…",
        "Add the feeds of an OPML file (or a list of URLs) to feeds.toml",
        partial(feed_flows.import_opml, app),
    )
    yield SystemCommand(
        "Export OPML…",
        "Write every configured feed to an OPML file",
        partial(feed_flows.export_opml, app),
    )
    yield SystemCommand(
        "Filter by entity…",
        "Show the articles and claims that mention a person, place, organisation or weapon",
        partial(pick_entity, app),
    )
    yield SystemCommand(
        "Show failing feeds",
        "Jump to the feeds whose last refresh failed (e)",
        ours.navigate.failing,
    )
    yield SystemCommand("Claims view", "Every claim across the cache (c)", ours.navigate.claims)
    yield SystemCommand(
        "Stories",
        "The same event across outlets: ledger, contradictions, figures (s)",
        ours.navigate.stories,
    )
    yield SystemCommand("Switch theme", "Pick a colour theme", app.action_change_theme)
    yield SystemCommand("Help", "Every key of this screen (?)", ours.action_help)
    yield SystemCommand("Bookmarks", "Show saved claims (B)", ours.navigate.bookmarks)
    for fmt, label in (("md", "Markdown"), ("json", "JSON"), ("csv", "CSV")):
        yield SystemCommand(
            f"Export bookmarks as {label}",
            f"Write sitrep-bookmarks.{fmt} (asks where: your documents folder by default)",
            partial(export_bookmarks, app, fmt),
        )
    if isinstance(screen, HasCommands):
        yield from screen.commands()
