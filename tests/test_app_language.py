"""Articles in other languages: marked with their language in the list, found by `lang:`, and
the reader says claims and entities are English only instead of showing wrong ones."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.conftest import SEED_FEEDS, SEED_NOW, build_seed_app, wait_for
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.status_bar import StatusBar
from tui.core.models import Analysis, Article, Entry
from tui.store import schema, store

SIZE = (120, 40)
# Our own sentence, in Ukrainian: "The regional administration reported the shelling of the
# village overnight."
UKRAINIAN = "Обласна адміністрація повідомила про обстріл села вночі. Постраждалих немає."


def add_ukrainian_article(directory: Path) -> None:
    conn = schema.connect(directory / "cache" / "sitrep.db")
    feed_id = store.sync_feeds(conn, [(SEED_FEEDS[0][1], SEED_FEEDS[0][0], ())])[SEED_FEEDS[0][1]]
    entry = Entry("seed-uk", "https://news.invalid/uk", "Обстріл села вночі",
                  published=SEED_NOW - timedelta(minutes=30))  # fmt: skip
    store.save_entries(conn, feed_id, [entry], full_text=True)
    article_id = conn.execute("SELECT id FROM articles WHERE guid = 'seed-uk'").fetchone()[0]
    analysis = Analysis((), (), False, "seed", language="uk")
    store.save_analysis(conn, article_id, Article(entry.link, UKRAINIAN, title=entry.title),
                        analysis)  # fmt: skip
    conn.close()


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


async def test_an_article_in_ukrainian_is_marked_found_and_not_analysed(
    seed_cache: tuple[Path, dict],
) -> None:
    add_ukrainian_article(seed_cache[0])
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "9 articles" in status(app))
        articles = app.screen.query_one(ArticleList)
        first = articles.loaded(0)
        assert first is not None and first.language == "uk"
        assert "uk" in "".join(s.text for s in articles.render_row(first, 100)[:2])
        await pilot.press("slash", *"lang:uk", "enter")
        await wait_for(pilot, lambda: status(app).startswith("1 article"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.data is not None)  # fmt: skip
        assert "claims and entities: English only (this article: uk)" in status(app)
        assert app.screen.reader.claims == []
