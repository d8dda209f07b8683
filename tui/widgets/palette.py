"""Command palette (ctrl+p) entries: refresh, add feed, filter by entity, failing feeds, claims
view, switch theme, help (bookmarks and their export come from tui.screens.bookmarks). Each one
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

from tui.pipeline.errors import ConfigError
from tui.widgets.add_feed import AddFeedPrompt, NewFeed

TOP_ENTITIES = 400


def commands(app: Any, screen: Screen[Any]) -> Iterator[SystemCommand]:
    yield SystemCommand("Refresh all feeds", "Fetch every feed now (R)", app.action_refresh_all)
    yield SystemCommand(
        "Add feed…", "Add a feed address to feeds.toml and fetch it", partial(add_feed, app)
    )
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


def _claims_view(app: Any) -> None:
    from tui.screens.claims import ClaimsScreen

    if not isinstance(app.screen, ClaimsScreen):
        app.push_screen(ClaimsScreen())


# ── add feed ──
def add_feed(app: Any) -> None:
    if app.db.readonly:
        app.notify("Read-only: add feeds in the sitrep that is refreshing.", severity="warning")
        return
    app.push_screen(AddFeedPrompt(), partial(_write_feed, app))


def _write_feed(app: Any, feed: NewFeed | None) -> None:
    if feed is not None:
        app.run_worker(
            partial(_write_in_thread, app, feed), thread=True, group="config", exit_on_error=False
        )


def _write_in_thread(app: Any, feed: NewFeed) -> None:
    from tui.config import load_config
    from tui.feeds_file import FeedSpec, add_feeds

    try:
        added, _ = add_feeds(app.config.path, [FeedSpec(feed.url, feed.name, feed.tags)])
        config = load_config(app.config.path)
    except (ConfigError, OSError) as exc:
        app.call_from_thread(
            app.notify, f"Could not add the feed: {exc}", severity="error", markup=False
        )
        return
    if not added:
        app.call_from_thread(app.notify, "That feed is already in feeds.toml.", markup=False)
        return
    app.call_from_thread(app.reload_config, config)
    app.call_from_thread(
        app.notify, f"Added {feed.name or feed.url}; fetching it now.", markup=False
    )


# ── filter by entity ──
def pick_entity(app: Any) -> None:
    app.run_worker(partial(_load_entities, app), thread=True, group="palette", exit_on_error=False)


def _load_entities(app: Any) -> None:
    rows = app.db.run(
        lambda conn: conn.execute(
            "SELECT e.name, e.type, count(DISTINCT m.article_id) AS n FROM entities e "
            "JOIN mentions m ON m.entity_id = e.id GROUP BY e.id ORDER BY n DESC LIMIT ?",
            (TOP_ENTITIES,),
        ).fetchall()
    )
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
