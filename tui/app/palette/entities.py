"""The "Filter by entity…" palette: the entities of the cache, most seen first."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import App
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.app.contract import sitrep
from tui.app.wording import count_of

TOP_ENTITIES = 400
KINDS = {"PERSON": "person", "PLACE": "place", "ORG": "organisation", "WEAPON": "weapon"}


def pick_entity(app: App[Any]) -> None:
    app.run_worker(partial(_load_entities, app), thread=True, group="palette", exit_on_error=False)


def _load_entities(app: App[Any]) -> None:
    rows = sitrep(app).library.top_entities(TOP_ENTITIES)
    if not rows:
        app.call_from_thread(app.notify, "No entities yet: they appear as articles are read.")
        return
    entities = [
        (row["name"], f"{KINDS.get(row['type'], row['type'])} · {count_of(row['n'], 'article')}")
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
        return partial(sitrep(self.app).navigate.by_entity, name)

    async def discover(self) -> Hits:
        for name, about in self.entities:
            yield DiscoveryHit(Content(name), self._hit(name), help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, about in self.entities:
            if (score := matcher.match(name)) > 0:
                yield Hit(score, Content(name), self._hit(name), help=about)
