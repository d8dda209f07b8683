"""Everyday comforts on the main screen, driven through the pilot on real caches: read state
(M, n/N, A, mark all listed read, u undo), the theme remembered, automatic refresh of the feeds
that are due, and the notification when new claims mention a pinned entity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import build_app, build_seed_app, wait_for, write_config
from tui.app.screens.main import MainScreen
from tui.store import pins, schema, search, store

SIZE = (120, 40)
# The seeded list, newest first: (title start, read)
ORDER = ["Drones hit", "Houthis say", "Missile strike", "Aid convoy", "Russia claims", "Mali army",
         "HIMARS strike", "Ceasefire talks"]
READ = {"Missile strike", "Aid convoy", "HIMARS strike"}


def messages(app: Any) -> list[str]:
    return [str(n.message) for n in app.told]


def titles(screen: MainScreen) -> list[str]:
    rows = [screen.articles.loaded(i) for i in range(screen.articles.count)]
    return [" ".join(r.title.split()[:2]) for r in rows if r is not None]


def current(screen: MainScreen) -> str:
    row = screen.articles.current
    return " ".join(row.title.split()[:2]) if row else ""


def unread_count(app: Any) -> int:
    return app.library.store.run(lambda c: c.execute("SELECT count(*) FROM articles WHERE read = 0")
                      .fetchone()[0])


async def main_ready(app: Any, pilot: Any, count: int = len(ORDER)) -> MainScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen)
                   and app.screen.articles.count == count)
    return app.screen


async def test_M_hides_and_shows_read_articles(seed_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_ready(app, pilot)
        assert titles(screen) == ORDER
        await pilot.press("M")
        await wait_for(pilot, lambda: screen.articles.count == len(ORDER) - len(READ))
        assert titles(screen) == [t for t in ORDER if t not in READ]
        assert "unread only" in screen.status.filter
        await pilot.press("M")
        await wait_for(pilot, lambda: screen.articles.count == len(ORDER))
        assert "unread only" not in screen.status.filter


async def test_n_and_N_move_between_unread(seed_cache) -> None:  # type: ignore[no-untyped-def]
    """n opens the next unread article (the one under the cursor when it is unread), as in
    newsboat; the read ones are skipped; N opens the previous one."""
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_ready(app, pilot)
        for expected in ("Drones hit", "Houthis say", "Russia claims", "Mali army",
                         "Ceasefire talks"):
            await pilot.press("n")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "ReaderScreen"
                           and app.screen.data is not None)
            assert app.screen.data.row["title"].startswith(expected)
            await pilot.press("q")
            await wait_for(pilot, lambda: app.screen is screen)
            assert current(screen) == expected
        await pilot.press("n")
        await wait_for(pilot, lambda: any("No more unread articles below" in m
                                          for m in messages(app)))
        assert app.screen is screen
        await pilot.press("m", "k", "k", "k", "N")  # Ceasefire unread again, then from Mali up
        await wait_for(pilot, lambda: any("No more unread articles above" in m
                                          for m in messages(app)))
        await pilot.press("G", "N")  # from the bottom (unread itself): the one above... none
        await wait_for(pilot, lambda: sum("No more unread articles above" in m
                                          for m in messages(app)) == 2)


async def test_A_marks_the_feed_read_and_u_undoes(seed_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_ready(app, pilot)
        before = unread_count(app)
        # The cursor is on "Drones hit" (Frontline Wire: two unread articles).
        await pilot.press("A")
        await wait_for(pilot, lambda: unread_count(app) == before - 2)
        await wait_for(pilot, lambda: any("Frontline Wire: 2 articles marked read" in m
                                          for m in messages(app)))
        await wait_for(pilot, lambda: screen.articles.current is not None
                       and screen.articles.current.read)
        frontline = next(f for f in screen.feeds.feeds if f.name == "Frontline Wire")
        assert frontline.unread == 0

        # Reading one article by hand in between is not undone with the batch.
        await pilot.press("j", "m")  # "Houthis say" (Gulf Monitor) read
        await wait_for(pilot, lambda: unread_count(app) == before - 3)
        await pilot.press("u")
        await wait_for(pilot, lambda: unread_count(app) == before - 1)
        assert any("unread again" in m for m in messages(app))
        await pilot.press("u")
        await wait_for(pilot, lambda: any("Nothing to undo" in m for m in messages(app)))


async def test_mark_all_listed_read_follows_the_filter(seed_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_ready(app, pilot)
        await pilot.press("slash", *"status:denied", "enter")
        await wait_for(pilot, lambda: screen.articles.count == 2)  # Kharkiv (read), Kupiansk
        before = unread_count(app)
        titles_of = {c.title: c for c in app.get_system_commands(screen)}
        titles_of["Mark all listed read"].callback()
        await wait_for(pilot, lambda: unread_count(app) == before - 1)
        listed = app.library.store.run(search.count_articles, screen.effective_query())
        assert listed == 2  # both read
        await pilot.press("escape", "u")
        await wait_for(pilot, lambda: unread_count(app) == before)


async def test_the_theme_is_remembered(seed_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await main_ready(app, pilot)
        assert app.theme != "nord"
        app.theme = "nord"  # what the palette's "Switch theme" does
        await wait_for(pilot, lambda: app.library.store.run(store.get_state, "theme") == "nord")
    again = build_seed_app(seed_cache[0])
    async with again.run_test(size=SIZE) as pilot:
        await main_ready(again, pilot)
        assert again.theme == "nord"


async def test_auto_refresh_fetches_only_the_feeds_that_are_due(  # type: ignore[no-untyped-def]
    tmp_path: Path, served_demo: str, http_server
) -> None:
    config = write_config(tmp_path / "feeds.toml", [("Demo", served_demo)],
                          settings="refresh_minutes = 30")
    app = build_app(config, tmp_path / "cache", auto_refresh=True)

    def feed_requests() -> int:
        return sum(1 for r in http_server.requests if r.path.endswith("/feed.xml"))

    async with app.run_test(size=SIZE) as pilot:
        # Never fetched: due at start.
        await wait_for(pilot, lambda: feed_requests() == 1 and not app.refresh_status, 60)
        await wait_for(pilot, lambda: not any(w.group == "refresh" and w.is_running
                                              for w in app.workers))
        app.refreshing.auto_tick()  # what the timer calls every minute
        await pilot.pause(0.5)
        assert feed_requests() == 1  # checked a moment ago: not due for 30 minutes
        app.library.store.run(lambda c: c.execute("UPDATE feeds SET last_checked = "
                                       "'2020-01-01T00:00:00+00:00'") and c.commit())
        app.refreshing.auto_tick()
        await wait_for(pilot, lambda: feed_requests() == 2)
        await wait_for(pilot, lambda: not any(w.group == "refresh" and w.is_running
                                              for w in app.workers))
        assert [m for m in messages(app) if m.startswith("Refreshed")] == [
            "Refreshed 1 feed: 10 new"]  # the start; the tick found nothing new and kept quiet


async def test_new_claims_about_a_pinned_entity_are_announced(  # type: ignore[no-untyped-def]
    tmp_path: Path, served_demo: str
) -> None:
    conn = schema.connect(tmp_path / "cache" / "sitrep.db")
    pins.pin(conn, "Sittwe", "PLACE")
    conn.close()
    config = write_config(tmp_path / "feeds.toml", [("Demo", served_demo)])
    app = build_app(config, tmp_path / "cache", auto_refresh=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("mention Sittwe (pinned)" in m for m in messages(app)),
                       90)
        (note,) = [n for n in app.told if "Sittwe" in str(n.message)]
        assert note.title == "Pinned" and str(note.message).split()[0].isdigit()


async def test_n_in_the_reader_opens_the_next_unread_article(seed_cache) -> None:  # type: ignore[no-untyped-def]
    from tui.app.screens.reader import ReaderScreen

    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await main_ready(app, pilot)
        await pilot.press("enter")  # "Drones hit", now read
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        first = app.screen.article_id
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.article_id != first)
        assert current(screen) == "Houthis say" and len(app.screen_stack) == 3
        await pilot.press("n")  # skips the two read articles
        await wait_for(pilot, lambda: current(screen) == "Russia claims"
                       and isinstance(app.screen, ReaderScreen))
        reader = app.screen
        await pilot.press("N")  # "Houthis say" is read now; "Drones hit" too: none above
        await wait_for(pilot, lambda: any("No more unread articles above" in m
                                          for m in messages(app)))
        assert app.screen is reader  # nothing found: the reader stays


async def test_a_failing_task_is_reported_in_words(seed_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(seed_cache[0])

    def _load_something() -> None:
        raise OSError("disk on fire")

    async with app.run_test(size=SIZE) as pilot:
        await main_ready(app, pilot)
        app.run_worker(_load_something, thread=True, exit_on_error=False)
        await wait_for(pilot, lambda: "Load something stopped: disk on fire" in messages(app))
