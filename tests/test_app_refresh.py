"""The UI keeps handling keys while a refresh runs (the latency itself: bench/bench_keys.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_seed_app, wait_for
from tests.server import LocalServer
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.status_bar import StatusBar


async def test_keys_move_the_cursor_while_feeds_are_refreshing(
    seed_cache: tuple[Path, dict], http_server: LocalServer
) -> None:
    directory = seed_cache[0]
    slow = [
        f'\n[[feed]]\nname = "Slow {i}"\nurl = "{http_server.url(f"/slow?seconds=4&n={i}")}"\n'
        for i in range(40)
    ]
    with (directory / "feeds.toml").open("a", encoding="utf-8") as config:
        config.writelines(slow)
    app = build_seed_app(directory)
    async with app.run_test(size=(120, 40)) as pilot:
        status = app.screen.query_one(StatusBar)
        articles = app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: articles.count == 8 and app.refresher is not None)
        app.action_refresh_all()
        await wait_for(pilot, lambda: http_server.peak_concurrency >= 4)
        # the status line follows within its repaint interval (a busy machine delays it)
        await wait_for(pilot, lambda: status.progress.startswith("refreshing feeds"), seconds=3)
        for expected in range(1, 6):
            await pilot.press("j")
            assert articles.cursor == expected
        await pilot.press("enter")  # and an article opens
        await wait_for(
            pilot,
            lambda: (
                app.screen is not None
                and app.screen.id != "_default"
                and type(app.screen).__name__ == "ReaderScreen"
            ),
        )
        assert "refreshing feeds" in app.refresh_status  # all of it while the feeds load


async def test_a_change_inside_the_half_second_is_told_when_it_ends(seed_cache) -> None:  # type: ignore[no-untyped-def]
    """Screens reload at most twice a second while a refresh writes, but the last change of a
    burst is not dropped: a feed stored just after another one is listed half a second later,
    not when the whole refresh ends (a slow feed can hold that for the whole deadline)."""
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.refresher is not None and not any(
            w.is_running for w in app.workers if w.group in ("refresher", "queue")))
        await pilot.pause(0.6)
        version = app.data_version
        app.bump_data()  # a feed stored
        app.bump_data()  # another, at once: held back...
        app.bump_data()  # ...together with this one
        assert app.data_version == version + 1
        await wait_for(pilot, lambda: app.data_version == version + 2, seconds=5)
        await pilot.pause(0.8)
        assert app.data_version == version + 2  # one trailing reload for the burst


async def test_feeds_and_pages_in_progress_share_the_status_line(seed_cache) -> None:  # type: ignore[no-untyped-def]
    """The pages of the first feeds are read while slow feeds still load: the end of one phase
    must not blank the other's progress (it did: "reading articles" ending cleared the line
    for the rest of a long refresh)."""
    from tui.app.messages import RefreshProgressed

    app = build_seed_app(seed_cache[0], auto_refresh=False)
    async with app.run_test(size=(120, 40)) as pilot:
        status = app.screen.query_one(StatusBar)
        await wait_for(pilot, lambda: app.refresher is not None and not any(
            w.is_running for w in app.workers if w.group in ("refresher", "queue")))
        steps = [
            (RefreshProgressed("feeds", 1, 40), "refreshing feeds 1/40"),
            (RefreshProgressed("articles", 2, 10), "refreshing feeds 1/40 · reading articles 2/10"),
            (RefreshProgressed("articles", 10, 10), "refreshing feeds 1/40"),
            (RefreshProgressed("feeds", 40, 40), ""),
        ]
        for message, shown in steps:
            app.post_message(message)
            await wait_for(pilot, lambda shown=shown: status.progress == shown, seconds=5)
