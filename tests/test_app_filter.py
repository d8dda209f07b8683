"""`/` filtering on the main screen and the feeds pane, through the pilot on the seeded cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import build_seed_app, wait_for
from tui.app.screens.claims import ClaimsScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.feed_list import FeedList
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.status_bar import StatusBar
from tui.core.query import parse_query

SIZE = (120, 40)
# Each term of the language as typed in the app, and how many articles it leaves.
TERMS = [
    ("kharkiv", 1),
    ("kha", 2),
    ('"air defence"', 1),
    ("feed:gulf", 3),
    ("tag:ukraine", 4),
    ("entity:Belgorod", 2),
    ('by:"defence ministry"', 1),
    ("status:denied", 2),
    ("since:2d", 4),
    ("until:2026-02-28", 2),
    ("is:unread", 5),
    ("is:read", 3),
    ("is:bookmarked", 1),
    ("is:conflict", 3),
    ("-kharkiv", 7),
    ("-status:claimed", 4),
    ("is:conflict -tag:africa kupiansk", 1),
]


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


def listed(app: Any) -> int:
    return app.screen.query_one(ArticleList).count


async def test_every_term_filters_the_list_as_typed(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("slash")
        bar = app.screen.query_one(FilterBar)
        assert bar.is_open and bar.input.has_focus
        await pilot.press(*"kharkiv")  # typed key by key: the list follows after a pause
        await wait_for(pilot, lambda: listed(app) == 1 and "1 article" in status(app))
        for text, expected in TERMS:
            bar.input.value = text
            # The status line names the filter only once that filter's results are shown.
            shown = f"filter: {text}  ·"  # whole part: "kha" must not match "kharkiv"
            await wait_for(pilot, lambda: shown in status(app) + "  ·")  # noqa: B023
            assert listed(app) == expected, text
            words = "1 article  ·" if expected == 1 else f"{expected} articles"
            assert words in status(app) and f"filter: {text}" in status(app)


async def test_malformed_query_keeps_the_last_good_list(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("slash", *"status:denied")
        # "sta" on the way lists 2 articles too: wait for the whole filter's result.
        await wait_for(pilot, lambda: listed(app) == 2 and "filter: status:denied" in status(app))
        bar = app.screen.query_one(FilterBar)
        await pilot.press("backspace", "backspace")  # "status:deni": not a status
        error = bar.query_one("#filter-error")
        await wait_for(pilot, lambda: "status is one of" in str(error.render()))
        assert listed(app) == 2 and "filter: status:denied" in status(app)
        await pilot.press("enter")  # refused: the bar stays open with its message
        assert bar.is_open and error.display
        await pilot.press("e", "d")
        await wait_for(pilot, lambda: str(error.render()) == "")
        await pilot.press("enter")  # kept: the bar closes, the list has the focus again
        assert not bar.is_open and app.focused is app.screen.query_one(ArticleList)
        assert "filter: status:denied" in status(app) and listed(app) == 2
        await pilot.press("slash")
        assert bar.input.value == "status:denied"  # `/` edits the kept filter
        await pilot.press("escape")  # esc in the bar clears it
        await wait_for(pilot, lambda: listed(app) == 8)
        assert not bar.is_open and "filter:" not in status(app)


async def test_the_last_query_typed_wins(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        screen = app.screen
        for text in ("kharkiv", "is:read", "feed:gulf", "tag:africa"):  # no pause between
            screen.set_filter(text, parse_query(text))
        await wait_for(pilot, lambda: listed(app) == 1 and "tag:africa" in status(app))
        await pilot.pause(0.3)
        assert listed(app) == 1  # nothing older arrives late


async def test_type_claim_opens_the_claims_view_on_enter(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("slash", *"type:claim status:denied", "enter")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ClaimsScreen) and "2 claims" in status(app)
        )


async def test_feeds_pane_scopes_the_list_and_shows_failing_feeds(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        pane = app.screen.query_one(FeedList)
        await wait_for(pilot, lambda: len(pane.feeds) == 3)
        assert {f.name: f.unread for f in pane.feeds} == {
            "Frontline Wire": 2,
            "Gulf Monitor": 2,
            "Sahel Dispatch": 1,
        }
        assert [f.name for f in pane.failing()] == ["Sahel Dispatch"]
        await pilot.press("e")  # next failing feed: highlighted, its error one key away
        assert pane.has_focus and pane.highlighted_feed().name == "Sahel Dispatch"
        assert "✖ Sahel Dispatch: HTTP 503 from the server" in status(app)
        await pilot.press("enter")  # its articles; the error stays in view
        await wait_for(pilot, lambda: listed(app) == 1)
        assert app.focused is app.screen.query_one(ArticleList)
        assert "HTTP 503" in status(app) and "filter: Sahel Dispatch" in status(app)
        await pilot.press("h")  # back to the pane; a tag this time
        assert pane.has_focus
        pane.highlighted = pane.get_option_index("tag:middle-east")
        await pilot.press("enter")
        await wait_for(pilot, lambda: listed(app) == 3)
        await pilot.press("slash", *"doha", "enter")  # a filter combines with the tag
        await wait_for(pilot, lambda: listed(app) == 1)
        await pilot.press("escape")  # esc on the list: every article again
        await wait_for(pilot, lambda: listed(app) == 8)
        assert "filter:" not in status(app)


async def test_m_toggles_read_and_the_pane_counts_follow(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        articles = app.screen.query_one(ArticleList)
        pane = app.screen.query_one(FeedList)
        await wait_for(pilot, lambda: len(pane.feeds) == 3)
        assert articles.current.read is False
        await pilot.press("m")
        assert articles.current.read is True
        await wait_for(pilot, lambda: pane.feed(1).unread == 1)


async def test_narrow_terminal_keeps_every_part_on_screen(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        assert app.screen.has_class("-narrow")
        pane = app.screen.query_one(FeedList)
        articles = app.screen.query_one(ArticleList)
        assert pane.size.width <= 22 and articles.size.width >= 50
        assert app.screen.query_one(StatusBar).region.y == 22  # above the footer


async def test_keys_in_feeds_toml_rebind_actions(seed_cache: tuple[Path, dict]) -> None:
    directory = seed_cache[0]
    config = directory / "feeds.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[keys]\nfilter = "z"\n', encoding="utf-8"
    )
    app = build_seed_app(directory)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        bar = app.screen.query_one(FilterBar)
        await pilot.press("slash")
        assert not bar.is_open  # `/` gave way to the configured key
        await pilot.press("z")
        assert bar.is_open and bar.input.has_focus


async def test_a_rebinding_that_steals_a_key_is_refused_naming_both(
    seed_cache: tuple[Path, dict],
) -> None:
    """`filter = "f"` would take the feed menu's key, `next_claim = "n"` next-unread's: both
    are refused with an error naming the two actions; every key keeps its job."""
    directory = seed_cache[0]
    config = directory / "feeds.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[keys]\nfilter = "f"\nnext_claim = "n"\n'
        'claims = "v"\n',
        encoding="utf-8",
    )
    app = build_seed_app(directory)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        errors = [t.message for t in app.told if t.severity == "error"]
        assert any("filter" in e and "feed_menu" in e and "Feed menu" in e for e in errors)
        assert any("next_claim" in e and "reader_next_unread" in e for e in errors)
        assert len(errors) == 2  # `claims = "v"` takes nobody's key: applied
        bar = app.screen.query_one(FilterBar)
        await pilot.press("slash")
        assert bar.is_open  # filter kept its key
        await pilot.press("escape")
        await pilot.press("v")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ClaimsScreen")
