"""The claims view (`c`) and the help screen (`?`), through the pilot on the seeded cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import build_seed_app, wait_for
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.claim_list import ClaimList
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.status_bar import StatusBar

SIZE = (120, 40)


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


async def test_claims_view_lists_filters_and_opens_the_reader_at_a_claim(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("c")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ClaimsScreen) and "17 claims" in status(app)
        )
        claims = app.screen.query_one(ClaimList)
        first = claims.current
        assert (first.source, first.status, first.title) == (
            "Russia's defence ministry",
            "disputed",
            "Drones hit power station in Sumy region",
        )
        await pilot.press("j", "enter")  # the second claim of the newest article
        await wait_for(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and "claim 2/3" in status(app)
        )
        assert status(app) == "claim 2/3 — Oleh Hryhorov · claimed"
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press("slash", *"by:police", "enter")
        await wait_for(pilot, lambda: "1 claim" in status(app))
        assert claims.current.source == "Police" and "filter: by:police" in status(app)
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, ReaderScreen)
                and "claim 2/3 — Police · unconfirmed" in status(app)
            ),
        )
        await pilot.press("escape", "slash", "escape")  # esc in the bar clears the filter
        await wait_for(pilot, lambda: "17 claims" in status(app))
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_claims_view_starts_with_the_lists_filter(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("slash", *"tag:africa", "enter", "c")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ClaimsScreen) and "2 claims" in status(app)
        )
        assert app.screen.query_one(FilterBar).input.value == ""  # closed, but
        assert "filter: tag:africa" in status(app)


def described(screen: Any) -> set[str]:
    return {
        b.binding.description
        for b in screen.active_bindings.values()
        if b.binding.description and not b.binding.system and b.binding.action != "screen.copy_text"
    }


async def test_help_lists_every_binding_of_the_focused_screen(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        for keys in ((), ("enter",), ("escape", "c")):  # main, reader, claims view
            await pilot.press(*keys)
            await pilot.pause(0.2)
            origin = app.screen
            expected = described(origin)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            shown = {description for _, description in app.screen.rows}
            assert expected <= shown, expected - shown
            texts = " ".join(str(s.render()) for s in app.screen.query("Static"))
            assert "status:disputed" in texts  # the filter language is explained too
            await pilot.press("escape")
            assert app.screen is origin
        main = app.screen_stack[1]
        assert {"Filter", "Claims", "Next failing feed", "Un/read"} <= described(main)


async def test_help_names_the_reader_keys(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("question_mark")
        rows = dict((d, k) for k, d in app.screen.rows)
        assert rows["Next claim"] == "]" and rows["Prev claim"] == "["
        assert rows["Copy claim"] == "y" and rows["Open in browser"] == "o"
        assert rows["Text / summary / raw HTML"] == "x" and rows["Entities"] == "e"
        assert rows["Help"] == "?" and "^p" in rows["palette"]
