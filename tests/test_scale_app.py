"""A list shown before its count: the page comes first, the list ends in a row that stands for
"more" and grows page by page, and the count settles it when it comes (tui/app/widgets/
virtual_list.py). Driven through the pilot on a real cache of a few hundred articles, with the
count made to wait (the test holds the lock a count takes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import scale_cache
from tests.conftest import build_app, wait_for, write_config
from tui.app.screens.main import MainScreen
from tui.app.screens.stories import StoriesScreen
from tui.app.widgets.status_bar import StatusBar
from tui.core.query import parse_query
from tui.service import library
from tui.service.stories import file_all
from tui.store import story_list

SIZE = (120, 40)


@pytest.fixture
def app_on_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    conn = scale_cache.build(tmp_path, articles=260)
    file_all(conn)  # filed before the app starts: a catch-up's commits would reload the list
    conn.close()
    config = write_config(tmp_path / "feeds.toml", [(name, url) for url, name, _ in
                                                    scale_cache.FEEDS])  # fmt: skip
    monkeypatch.setattr(library, "COUNT_WITHIN", 0.0)  # every count is too slow for a page
    return build_app(config, tmp_path / "cache", now=scale_cache.NOW)


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


async def test_a_list_grows_by_pages_until_its_count_comes(app_on_cache: Any) -> None:
    app = app_on_cache
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        total = app.library.store.run(lambda c: c.execute("SELECT count(*) FROM articles")
                                      .fetchone()[0])  # fmt: skip
        await wait_for(pilot, lambda: f"{total} articles" in status(app))  # the kept counts
        query = parse_query("-zzz", scale_cache.NOW)
        want = app.library.store.run(scale_cache.reference, query, "articles")
        assert len(want) > 200
        held = app.library._count_lock  # the count waits while the test holds its lock
        held.acquire()
        try:
            screen.set_filter("-zzz", query)
            await wait_for(pilot, lambda: "100+ articles" in status(app))
            assert screen.articles.open_ended and screen.articles.count == 101
            await pilot.press("G")  # to the row that stands for more: the next page comes
            await wait_for(pilot, lambda: screen.articles.count == 201)
            await pilot.press("G")
            await wait_for(pilot, lambda: screen.articles.loaded(200) is not None)
        finally:
            held.release()
        await wait_for(pilot, lambda: f"{len(want)} articles" in status(app))
        assert not screen.articles.open_ended and screen.articles.count == len(want)
        await pilot.press("G")
        await wait_for(pilot, lambda: screen.articles.loaded(len(want) - 1) is not None)
        shown = [screen.articles.loaded(i).id for i in range(len(want))]  # type: ignore[union-attr]
        assert shown == want


@pytest.fixture
def stories_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    conn = scale_cache.build(tmp_path, articles=560)
    file_all(conn)
    conn.close()
    config = write_config(tmp_path / "feeds.toml", [(name, url) for url, name, _ in
                                                    scale_cache.FEEDS])  # fmt: skip
    monkeypatch.setattr(story_list, "SMALL", 0)  # every term that selects an article is wide
    return build_app(config, tmp_path / "cache", now=scale_cache.NOW)


async def test_a_stories_list_of_a_wide_term_comes_before_its_count(stories_app: Any) -> None:
    """A term of many articles (here every term) walks the stories for its page and leaves
    the count to a thread of its own: the page first, open-ended, then the count settles it,
    and paging down reaches every story the plain query finds, newest first."""
    app = stories_app
    want = [row[0] for row in app.library.store.run(lambda c: c.execute(
        "SELECT s.id FROM stories s WHERE s.id IN (SELECT story_id FROM story_articles sa "
        "JOIN articles a ON a.id = sa.article_id WHERE a.read = 0) "
        "ORDER BY s.last_seen DESC, s.id DESC").fetchall())]  # fmt: skip
    assert len(want) > 100  # more than a page
    query = parse_query("is:unread", scale_cache.NOW)
    count, rows = app.library.stories_page(query, limit=100, within=0.0)
    assert count is None and [r["id"] for r in rows] == want[:100]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, StoriesScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.stories.count > 0)
        screen.set_filter("is:unread", query)
        await wait_for(pilot, lambda: f"{len(want)} stories" in status(app))
        assert not screen.stories.open_ended and screen.stories.count == len(want)
        await pilot.press("G")
        await wait_for(pilot, lambda: screen.stories.loaded(len(want) - 1) is not None)
        assert screen.stories.loaded(len(want) - 1).id == want[-1]  # type: ignore[union-attr]
        pages = [app.library.page_stories(query, offset=at) for at in range(0, 400, 100)]
        assert [r["id"] for page in pages for r in page] == want
