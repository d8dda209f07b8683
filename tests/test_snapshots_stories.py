"""SVG snapshots of the stories view, the story screen and the reader's story line, on the
seeded stories cache (tests/story_seed.py), deterministic as tests/test_snapshots.py's are:
fixed sizes, the clock frozen at SEED_NOW, no refresh, each shot once the screen's data is in.
Update after looking at every changed SVG:
`pytest tests/test_snapshots_stories.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tests.conftest import build_seed_app, wait_for
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.stories import StoriesScreen
from tui.app.screens.story import StoryScreen
from tui.app.widgets.story_hint import StoryHint

WIDE, NARROW = (160, 45), (80, 24)
Steps = Callable[[Any], Awaitable[None]]


async def main_ready(pilot: Any) -> None:
    app = pilot.app
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, MainScreen)
        and app.screen.articles.count == 9
        and app.refresher is not None,
    )


async def stories_ready(pilot: Any) -> None:
    await main_ready(pilot)
    await pilot.press("s")
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, StoriesScreen)
                   and app.screen.stories.count == 4)  # fmt: skip


async def story_ready(pilot: Any) -> None:
    await stories_ready(pilot)
    await pilot.press("enter")
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen) and app.screen.detail)


def shot(
    snap_compare: Any, story_cache: tuple[Path, dict], size: tuple[int, int], steps: Steps
) -> bool:
    return snap_compare(build_seed_app(story_cache[0]), terminal_size=size, run_before=steps)


def test_stories_view(snap_compare: Any, story_cache: tuple[Path, dict]) -> None:
    assert shot(snap_compare, story_cache, WIDE, stories_ready)


def test_stories_view_at_80_columns(snap_compare: Any, story_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await stories_ready(pilot)
        await pilot.press("slash", *"outlets:>=2", "enter")
        screen = pilot.app.screen
        await wait_for(pilot, lambda: screen.stories.count == 3)

    assert shot(snap_compare, story_cache, NARROW, steps)


def test_story_screen(snap_compare: Any, story_cache: tuple[Path, dict]) -> None:
    assert shot(snap_compare, story_cache, WIDE, story_ready)


def test_story_screen_at_80_columns(snap_compare: Any, story_cache: tuple[Path, dict]) -> None:
    async def steps(pilot: Any) -> None:
        await story_ready(pilot)
        await pilot.press(*["right_square_bracket"] * 3)  # the ledger, its heading on top

    assert shot(snap_compare, story_cache, NARROW, steps)


def test_reader_names_the_story_at_80_columns(
    snap_compare: Any, story_cache: tuple[Path, dict]
) -> None:
    async def steps(pilot: Any) -> None:
        await main_ready(pilot)
        await pilot.press("enter")
        app = pilot.app
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ReaderScreen)
            and app.screen.data is not None
            and app.screen.query_one(StoryHint).has_class("-shown")
            and app.screen.daily != {},
        )

    assert shot(snap_compare, story_cache, NARROW, steps)
