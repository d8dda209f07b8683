"""Command palette entries (ctrl+p), each run the way a user runs it: type, then enter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from tests.conftest import build_seed_app, wait_for
from tui.app.dialogs.add_feed import AddFeedPrompt
from tui.app.dialogs.text_prompt import ConfirmPrompt, TextPrompt
from tui.app.widgets.feed_list import FeedList
from tui.app.widgets.status_bar import StatusBar
from tui.service.config import load_config
from tui.store import mention_spans, schema

SIZE = (120, 40)


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


def notices(app: Any) -> list[str]:
    return [n.message for n in app.told]


async def choose(app: Any, pilot: Any, text: str, *, open_palette: bool = True) -> None:
    """Open the palette (unless one is open), paste *text* (a bracketed paste, as a terminal
    sends it: typed key by key, each key waits for the palette's search to settle, about 0.1 s),
    wait for a hit, press enter."""
    if open_palette:
        await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: CommandPalette.is_open(app))
    app.screen.query_one(Input).post_message(events.Paste(text))
    await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
    await pilot.pause(0.3)  # the search settles on its best hit
    await pilot.press("enter")


async def ready(app: Any, pilot: Any) -> None:
    await wait_for(pilot, lambda: "8 articles" in status(app) and app.refresher is not None)


async def test_show_failing_feeds(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "failing feeds")
        pane = app.screen.query_one(FeedList)
        await wait_for(pilot, lambda: pane.has_focus)
        assert pane.highlighted_feed().name == "Sahel Dispatch"
        assert "HTTP 503 from the server" in status(app)


async def test_filter_by_entity(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "filter by entity")
        await pilot.pause(0.3)
        await choose(app, pilot, "Zhuravka", open_palette=False)  # entities, most seen first
        await wait_for(pilot, lambda: "1 article" in status(app))
        assert 'filter: entity:"Zhuravka"' in status(app)


async def test_switch_theme(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "switch theme")
        await pilot.pause(0.3)
        await choose(app, pilot, "nord", open_palette=False)
        await wait_for(pilot, lambda: app.theme == "nord")


async def test_export_bookmarks(
    seed_cache: tuple[Path, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export asks where, offering the documents folder (never the current directory
    unasked), says the path when done, and asks before replacing a file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "docs"))
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "export bookmarks as markdown")
        await wait_for(
            pilot, lambda: isinstance(app.screen, TextPrompt) and bool(app.screen.query(Input))
        )
        written = tmp_path / "docs" / "sitrep-bookmarks.md"
        assert app.screen.query_one(Input).value == str(written)
        await pilot.press("enter")
        await wait_for(pilot, lambda: written.exists())
        assert "Houthi military spokesman Yahya Saree" in written.read_text(encoding="utf-8")
        assert not (tmp_path / "sitrep-bookmarks.md").exists()
        await wait_for(pilot, lambda: any(str(written) in t.message for t in app.told))
        written.write_text("mine", encoding="utf-8")
        await choose(app, pilot, "export bookmarks as markdown")
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPrompt))
        await pilot.press("n")
        await app.workers.wait_for_complete()
        assert written.read_text(encoding="utf-8") == "mine"


async def test_refresh_all_feeds(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "refresh all")
        # The seeded feeds live on a closed port: every one fails, and says so.
        await wait_for(pilot, lambda: any("Refreshed 3 feeds" in n for n in notices(app)))
        await wait_for(pilot, lambda: len(app.screen.query_one(FeedList).failing()) == 3)


async def test_add_feed_writes_the_config_and_fetches_it(
    seed_cache: tuple[Path, dict], served_demo: str
) -> None:
    directory = seed_cache[0]
    app = build_seed_app(directory)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "add feed")
        await wait_for(pilot, lambda: isinstance(app.screen, AddFeedPrompt))
        await pilot.press(*"ftp://nope", "enter")  # refused in the prompt
        assert isinstance(app.screen, AddFeedPrompt)
        app.screen.query_one("#add-url").value = served_demo
        await pilot.press("tab", *"Demo wire", "tab", *"demo", "enter")
        checked = "Frontline Wire (demo) — 10 items. Enter saves, Esc cancels"
        await wait_for(pilot, lambda: checked in str(app.screen.query_one("#add-status").render()))
        assert load_config(directory / "feeds.toml").feeds[-1].url != served_demo  # not yet
        await pilot.press("enter")
        await wait_for(pilot, lambda: "18 articles" in status(app), seconds=60)
        feeds = load_config(directory / "feeds.toml").feeds
        assert (feeds[-1].url, feeds[-1].name, feeds[-1].tags) == (
            served_demo,
            "Demo wire",
            ("demo",),
        )
        assert app.config.feeds[-1].url == served_demo
        pane = app.screen.query_one(FeedList)
        await wait_for(pilot, lambda: any(f.name == "Demo wire" for f in pane.feeds))


async def test_entity_names_are_never_markup(seed_cache: tuple[Path, dict]) -> None:
    directory, ids = seed_cache
    hostile = "[@click=app.quit]Quit[/] [b]now[/b]"
    db = schema.connect(directory / "cache" / "sitrep.db")
    with db:
        entity_id = db.execute(
            "INSERT INTO entities(name, type) VALUES (?, 'ORG')", (hostile,)
        ).lastrowid
        mention_spans.add(db, ids["doha"], entity_id, [(0, 5)])
    db.close()
    app = build_seed_app(directory)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "filter by entity")
        await pilot.pause(0.3)
        await pilot.press(*"quit now")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count > 0)
        prompt = commands.get_option_at_index(0).prompt
        assert hostile in str(getattr(prompt, "plain", prompt))  # shown as typed, not obeyed
        await pilot.press("enter")
        await wait_for(pilot, lambda: "1 article" in status(app))
        assert app.return_code is None  # the [@click=app.quit] never ran
