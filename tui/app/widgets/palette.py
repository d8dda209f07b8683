"""Command palette (ctrl+p) entries: refresh, feeds (add, rename, tag, remove, OPML import and
export; the work is in tui.app.screens.feeds_admin), filter by entity, failing feeds, claims
view, switch theme, help (bookmarks and their export come from tui.app.screens.bookmarks). Each one
calls an app or screen action, so the palette and the keys never disagree about what a command
does.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.app import SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from tui.app.screens import feeds_admin

TOP_ENTITIES = 400


def commands(app: Any, screen: Screen[Any]) -> Iterator[SystemCommand]:
    yield SystemCommand("Refresh all feeds", "Fetch every feed now (R)", app.action_refresh_all)
    yield from _feed_commands(app, screen)
    yield SystemCommand(
        "Filter by entity…",
        "Show the articles and claims that mention a person, place, organisation or weapon",
        partial(pick_entity, app),
    )
    yield SystemCommand(
        "Show failing feeds",
        "Jump to the feeds whose last refresh failed (e)",
        app.action_show_failing,
    )
    yield SystemCommand(
        "Claims view", "Every claim across the cache (c)", partial(_claims_view, app)
    )
    yield SystemCommand("Switch theme", "Pick a colour theme", app.action_change_theme)
    yield SystemCommand("Help", "Every key of this screen (?)", app.action_help)


def _feed_commands(app: Any, screen: Screen[Any]) -> Iterator[SystemCommand]:
    yield SystemCommand(
        "Add feed…",
        "Check a feed address, then add it to feeds.toml and fetch it (a)",
        partial(feeds_admin.add_feed, app),
    )
    from tui.app.screens.main import MainScreen

    if isinstance(screen, MainScreen):  # these act on the feed under the cursor
        for title, help_text, action in (
            ("Rename feed…", "Rename the feed under the cursor", feeds_admin.rename),
            ("Tag feed…", "Change the tags of the feed under the cursor", feeds_admin.retag),
            (
                "Remove feed…",
                "Remove the feed under the cursor from feeds.toml",
                feeds_admin.remove,
            ),
            (
                "Feed menu…",
                "Rename, tag, remove, mark read or refresh a feed (f)",
                feeds_admin.feed_menu,
            ),
        ):
            yield SystemCommand(title, help_text, partial(_on_target_feed, app, action))
    yield SystemCommand(
        "Import OPML…",
        "Add the feeds of an OPML file (or a list of URLs) to feeds.toml",
        partial(feeds_admin.import_opml, app),
    )
    yield SystemCommand(
        "Export OPML…",
        "Write every configured feed to an OPML file",
        partial(feeds_admin.export_opml, app),
    )


def _on_target_feed(app: Any, action: Any) -> None:
    """Run *action(screen, feed)* on the feed under the cursor, or say there is none."""
    from tui.app.screens.main import MainScreen

    screen = app.screen
    if isinstance(screen, MainScreen):
        feed = screen.target_feed()
        if feed is None:
            feeds_admin.feed_menu(screen, None)  # says so
        else:
            action(screen, feed)


def _claims_view(app: Any) -> None:
    from tui.app.screens.claims import ClaimsScreen

    if not isinstance(app.screen, ClaimsScreen):
        app.push_screen(ClaimsScreen())


# ── filter by entity ──
def pick_entity(app: Any) -> None:
    app.run_worker(partial(_load_entities, app), thread=True, group="palette", exit_on_error=False)


def _load_entities(app: Any) -> None:
    rows = app.library.top_entities(TOP_ENTITIES)
    if not rows:
        app.call_from_thread(app.notify, "No entities yet: they appear as articles are read.")
        return
    kinds = {"PERSON": "person", "PLACE": "place", "ORG": "organisation", "WEAPON": "weapon"}
    entities = [
        (row["name"], f"{kinds.get(row['type'], row['type'])} · {row['n']:,} articles")
        for row in rows
    ]
    provider = type("EntityChoices", (EntityChoices,), {"entities": entities})
    app.call_from_thread(
        app.push_screen, CommandPalette(providers=[provider], placeholder="Filter by entity…")
    )


class EntityChoices(Provider):
    """The entities of the cache, most seen first. Names are web text: shown as plain Content,
    never parsed as markup (the stock SimpleProvider would parse them)."""

    entities: list[tuple[str, str]] = []

    def _hit(self, name: str) -> partial[None]:
        return partial(self.app.filter_by_entity, name)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for name, about in self.entities:
            yield DiscoveryHit(Content(name), self._hit(name), help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, about in self.entities:
            if (score := matcher.match(name)) > 0:
                yield Hit(score, Content(name), self._hit(name), help=about)
