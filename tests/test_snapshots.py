"""SVG snapshots of each screen (pytest-textual-snapshot), deterministic by construction.

Fixed terminal sizes, the seeded cache, the app's clock frozen at SEED_NOW (ages and sparklines
never move with the date), no refresh, and each shot taken only once the screen's data is in.
Update after looking at every changed SVG: `pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tests.conftest import build_seed_app, wait_for
from tui.app.dialogs.status_chooser import StatusChooser
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.feed_list import FeedList

WIDE, NARROW = (160, 45), (80, 24)
Steps = Callable[[Any], Awaitable[None]]


async def main_ready(pilot: Any) -> None:
    app = pilot.app
    await wait_for(
        pilot,
        lambda: (
            app.screen.query(ArticleList)
            and app.screen.query_one(ArticleList).count == 8
            and len(app.screen.query_one(FeedList).feeds) == 3
            and app.refresher is not None
        ),
    )


async def reader_ready(pilot: Any) -> None:
    await main_ready(pilot)
    await pilot.press("enter")
    app = pilot.app
    await wait_for(
        pilot,
        lambda: (
            isinstance(app.screen, ReaderScreen)
            and app.screen.data is not None
            and app.screen.daily != {}
        ),
    )


def shot(
    snap_compare: Any, seed_cache: tuple[Path, dict], size: tuple[int, int], steps: Steps
) -> bool:
    return snap_compare(build_seed_app(seed_cache[0]), terminal_size=size, run_before=steps)


def test_main_screen(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    assert shot(snap_compare, seed_cache, WIDE, main_ready)


def test_main_screen_at_80_columns(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await main_ready(pilot)
        await pilot.press("e")  # a failing feed highlighted: its error in the status bar

    assert shot(snap_compare, seed_cache, NARROW, steps)


def test_reader_with_claims_highlighted(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await reader_ready(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")

    assert shot(snap_compare, seed_cache, WIDE, steps)


def test_reader_with_a_status_set_by_you(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    """The first claim's evidence marked, its status set by hand (v): ✓✎ and the status line."""

    async def steps(pilot: Any) -> None:
        await reader_ready(pilot)
        await pilot.press("right_square_bracket", "v")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, StatusChooser))
        await pilot.press("j", "j", "enter")
        await wait_for(pilot, lambda: "set by you" in str(pilot.app.screen.status.render()))
        pilot.app.clear_notifications()  # the toast would cover the status line
        await pilot.pause(0.1)

    assert shot(snap_compare, seed_cache, WIDE, steps)


def test_reader_entity_panel(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await reader_ready(pilot)
        await pilot.press("e", "j", "j", "j")  # Zhuravka: its mention marked in the text

    assert shot(snap_compare, seed_cache, WIDE, steps)


def test_reader_at_80_columns(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await reader_ready(pilot)
        await pilot.press("right_square_bracket")

    assert shot(snap_compare, seed_cache, NARROW, steps)


def test_claims_view(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await main_ready(pilot)
        await pilot.press("c")
        app = pilot.app
        await wait_for(
            pilot, lambda: isinstance(app.screen, ClaimsScreen) and app.screen.claims.count == 17
        )

    assert shot(snap_compare, seed_cache, WIDE, steps)


def test_claims_view_at_80_columns(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await main_ready(pilot)
        await pilot.press("c")
        app = pilot.app
        await wait_for(
            pilot, lambda: isinstance(app.screen, ClaimsScreen) and app.screen.claims.count == 17
        )

    assert shot(snap_compare, seed_cache, NARROW, steps)


def test_filtered_list(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await main_ready(pilot)
        await pilot.press("slash", *"is:conflict -tag:africa", "enter")
        articles = pilot.app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: articles.count == 2)

    assert shot(snap_compare, seed_cache, WIDE, steps)


def test_malformed_filter_keeps_the_list(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await main_ready(pilot)
        bar = pilot.app.screen.query_one("FilterBar")
        await pilot.press("slash", *"tag:africa")
        articles = pilot.app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: articles.count == 1)
        bar.input.cursor_blink = False
        # One edit, not key by key: on a loaded machine the debounce could otherwise apply a
        # valid prefix ("tag:africa st") before the malformed term is complete.
        bar.input.insert_text_at_cursor(" status:maybe")
        await wait_for(
            pilot, lambda: "status is one of" in str(bar.query_one("#filter-error").render())
        )

    assert shot(snap_compare, seed_cache, WIDE, steps)


def test_help_screen(snap_compare: Any, seed_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await main_ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert shot(snap_compare, seed_cache, (120, 45), steps)
