"""The UI keeps handling keys while a refresh runs (the latency itself: bench/bench_keys.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_seed_app, wait_for
from tests.server import LocalServer
from tui.widgets.article_list import ArticleList
from tui.widgets.status_bar import StatusBar


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
        assert status.progress.startswith("refreshing feeds")
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
