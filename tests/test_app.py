"""The app, driven through Textual's pilot against a real server and a real cache."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from tests.conftest import build_app, wait_for, write_config
from tests.server import LocalServer
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.feed_list import FeedList
from tui.app.widgets.reader_view import ReaderView
from tui.app.widgets.status_bar import StatusBar


def status_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusBar).render())


async def test_lists_articles_opens_one_and_quits(demo_config: Path) -> None:
    app = build_app(demo_config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "10 articles" in status_text(app))
        articles = app.screen.query_one(ArticleList)
        assert app.focused is articles  # focus starts on the list
        first_title = articles.current.title
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen.query_one(ReaderView)
        await wait_for(pilot, lambda: reader.text != "")
        assert str(app.screen.query_one("#reader-title").render()) == first_title
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await wait_for(pilot, lambda: articles.current is not None and articles.current.read)
        await pilot.press("q")
    assert app.return_code == 0


async def test_failing_feed_is_marked_with_its_error(demo_config: Path) -> None:
    app = build_app(demo_config)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(FeedList)
        await wait_for(pilot, lambda: any(f.error for f in pane.feeds))
        (dead,) = pane.failing()
        assert dead.name == "Dead host" and dead.error == "connection refused"
        await pilot.press("e")  # jump to the failing feed: its error is shown
        assert pane.highlighted_option.id == f"feed:{dead.id}"
        assert "connection refused" in status_text(app)


async def test_list_appears_before_network_completes(
    tmp_path: Path, served_demo: str, http_server: LocalServer
) -> None:
    config = write_config(tmp_path / "feeds.toml", [("Wire", served_demo)])
    fetched = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "--config",
            str(config),
            "--cache",
            str(tmp_path / "cache"),
            "fetch",
            "--feeds-only",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert fetched.returncode == 0, fetched.stderr
    # Now the feed answers only after 5 s: the cached list must show long before that.
    config = write_config(
        tmp_path / "feeds.toml",
        [("Wire", served_demo), ("Slow", http_server.url("/slow?seconds=5"))],
        settings="refresh_minutes = 1",
    )
    app = build_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "10 articles" in status_text(app), seconds=4)
        assert not [
            r for r in http_server.requests if r.path.startswith("/slow")
        ] or "refreshing feeds" in status_text(app)


async def test_refresh_key_shows_progress_and_new_items(
    tmp_path: Path, served_demo: str, http_server: LocalServer
) -> None:
    config = write_config(tmp_path / "feeds.toml", [("Wire", served_demo)])
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.refresher is not None)
        assert "0 articles" in status_text(app)
        await pilot.press("R")
        await wait_for(pilot, lambda: "10 articles" in status_text(app))
        assert http_server.requests_to("/demo/feed.xml")


async def test_start_up_leaves_the_garbage_collectors_sight(demo_config: Path) -> None:
    """What start-up left alive is frozen once the refresher is built (each full collection
    walked it: 60-70 ms a time, inside keystrokes); what the session makes later is not."""
    gc.unfreeze()
    app = build_app(demo_config, auto_refresh=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.refreshing.refresher is not None)
        await pilot.pause()
        frozen = gc.get_freeze_count()
        assert frozen > 20_000  # modules, classes, the app: about 90,000 in a real start
        await pilot.press("s")  # a screen opened later stays in sight
        await wait_for(pilot, lambda: not isinstance(app.screen, MainScreen))
        await pilot.pause()
        assert gc.get_freeze_count() <= frozen  # (refcounting still frees frozen objects)


async def test_the_first_list_is_read_once(demo_config: Path) -> None:
    """Start-up reads the first page and the feeds pane once: the app's reactives must not
    call their watchers when Textual initialises them (that was a second full read, before the
    first paint, on every start)."""
    from tui.app import SitrepApp

    reads: list[int] = []

    class Recording(SitrepApp):  # records the main screen's read requests at the first paint
        def list_shown(self) -> None:
            screen = self.screen
            assert isinstance(screen, MainScreen)
            reads.append(screen._token)
            super().list_shown()

    made = build_app(demo_config, auto_refresh=False)
    app = Recording(made.config, made.locations, made.library.opened)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: bool(reads))
    assert reads[0] == 1
