"""Bookmarks in the app, driven through Textual's pilot on a real (temporary) cache.

The cache is seeded with our own analysed articles (tests.test_bookmarks.seed); the configured
feeds are the seeded ones and auto refresh is off, so nothing touches the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.conftest import build_app, wait_for, write_config
from tests.test_bookmarks import ARTICLES, make_claim, seed, seed_golden
from tui.app.dialogs.note_prompt import NotePrompt
from tui.app.dialogs.stored_copy import StoredCopyScreen
from tui.app.dialogs.text_prompt import TextPrompt
from tui.app.flows.bookmarks import bookmark_current_claim
from tui.app.messages import BookmarkChanged
from tui.app.palette.commands import commands as bookmark_commands
from tui.app.screens.bookmarks import BookmarksScreen
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.bookmark_list import BookmarkList
from tui.app.widgets.claim_list import ClaimList
from tui.app.widgets.reader_view import ReaderView
from tui.core.models import Analysis, Article, Entry
from tui.store import bookmarks, schema, store
from tui.store.recovery import open_store

SIZE = (120, 40)


def config_for(tmp_path: Path) -> Path:
    return write_config(tmp_path / "feeds.toml",
                        [(a["feed"][1], a["feed"][0]) for a in ARTICLES.values()])


def make_app(tmp_path: Path) -> Any:
    return build_app(config_for(tmp_path), tmp_path / "cache", auto_refresh=False)


def messages(app: Any) -> list[str]:
    return [n.message for n in app.told]


def saved(app: Any) -> list[dict[str, Any]]:
    return app.library.store.run(bookmarks.list_bookmarks)


def has_claims(screen: Any) -> bool:
    views = screen.query(ReaderView)
    return bool(views) and views.first().claims != []


async def open_reader(app: Any, pilot: Any, article_id: int) -> ReaderScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
    screen = ReaderScreen(article_id)
    app.push_screen(screen)
    await wait_for(pilot, lambda: app.screen is screen and has_claims(screen))
    return screen


async def open_claims(app: Any, pilot: Any) -> ClaimsScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
    screen = ClaimsScreen()
    app.push_screen(screen)
    await wait_for(pilot, lambda: app.screen is screen and bool(screen.query(ClaimList))
                   and screen.claims.current is not None)
    return screen


async def prompt_ready(app: Any, pilot: Any) -> NotePrompt:
    """The note prompt is up and has focus (keys typed before that would go elsewhere)."""
    await wait_for(pilot, lambda: isinstance(app.screen, NotePrompt)
                   and app.focused is not None and app.focused.screen is app.screen)
    return app.screen


async def open_list(app: Any, pilot: Any, count: int) -> BookmarksScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
    app.navigate.bookmarks()
    await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen)
                   and bool(app.screen.query(BookmarkList))
                   and len(app.screen.bookmark_list.records) == count)
    return app.screen


async def test_bookmark_a_claim_from_the_reader_then_edit_and_remove(tmp_path: Path) -> None:
    ids = seed(tmp_path / "cache" / "sitrep.db")
    app = make_app(tmp_path)
    changes: list[BookmarkChanged] = []  # what the reader will use to mark bookmarked claims

    def hook(message: object) -> None:
        if isinstance(message, BookmarkChanged) and message not in changes:
            changes.append(message)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        reader = await open_reader(app, pilot, ids["red_sea"])
        await pilot.press("right_square_bracket", "right_square_bracket")
        bookmark_current_claim(reader)
        await prompt_ready(app, pilot)
        (record,) = saved(app)  # durable before the prompt even asks for a note
        assert record["source"] == "a Houthi military spokesman" and record["note"] == ""
        await pilot.press(*"check the quote", "tab", *"shipping, yemen", "enter")
        await wait_for(pilot, lambda: saved(app)[0]["note"] == "check the quote")
        assert saved(app)[0]["tags"] == "shipping yemen"
        assert app.screen is reader
        await wait_for(pilot, lambda: len(changes) == 1)
        assert (changes[0].article_id, changes[0].bookmarked) == (ids["red_sea"], True)
        assert changes[0].spot == (record["claim_start"], record["source_start"])

        # `b` again on the same claim: edit...
        bookmark_current_claim(reader)
        await prompt_ready(app, pilot)
        await pilot.press("e", "ctrl+u", *"verified later", "enter")
        await wait_for(pilot, lambda: saved(app)[0]["note"] == "verified later")
        assert len(saved(app)) == 1
        # ...or remove.
        bookmark_current_claim(reader)
        await prompt_ready(app, pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: saved(app) == [])
        await wait_for(pilot, lambda: len(changes) == 2 and not changes[1].bookmarked)

        # Esc on a new bookmark keeps it, without a note.
        bookmark_current_claim(reader)
        await prompt_ready(app, pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is reader)
        assert [r["note"] for r in saved(app)] == [""]
        assert bookmarks.bookmarked_spots(app.library.store.conn, ids["red_sea"]) == {
            (record["claim_start"], record["source_start"])}


async def test_bookmark_from_the_claims_view(tmp_path: Path) -> None:
    ids = seed(tmp_path / "cache" / "sitrep.db")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claims(app, pilot)
        row = screen.claims.current
        bookmark_current_claim(screen)
        await prompt_ready(app, pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and any(
            "Bookmark saved." in m for m in messages(app)))
        (record,) = saved(app)
        assert (record["article_id"], record["claim_start"]) == (row.article_id, row.start)
        assert app.library.store.run(bookmarks.bookmarked_claims, ids.values()) == {
            (row.article_id, row.start, row.source_start)}


async def test_bookmark_needs_a_current_claim(tmp_path: Path) -> None:
    ids = seed(tmp_path / "cache" / "sitrep.db")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, ids["kharkiv"])
        bookmark_current_claim(reader)
        await pilot.pause()
        assert any("Move to a claim first" in m for m in messages(app))
        assert saved(app) == []


async def test_bookmarks_screen_filter_delete_undo_note_copy(tmp_path: Path) -> None:
    seed_golden(tmp_path / "cache" / "sitrep.db")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(app, pilot, 3)
        listing = screen.query_one(BookmarkList)
        assert [r["source"] for r in listing.records] == [
            "Oleh Sinegubov", "a Houthi military spokesman", "Russia's defence ministry"]

        await pilot.press("slash", *"status:disputed", "enter")
        await wait_for(pilot, lambda: [r["source"] for r in listing.records] == [
            "Russia's defence ministry"])
        await pilot.press("slash", "ctrl+u", *"is:unread", "enter")
        await pilot.pause(0.2)
        assert "does not apply to bookmarks" in str(screen.query_one("#filter-error").render())
        assert len(listing.records) == 1  # the last good result stays
        await pilot.press("escape")  # clears the filter
        await wait_for(pilot, lambda: len(listing.records) == 3)

        assert listing.current["source"] == "Russia's defence ministry"  # the cursor stays put
        await pilot.press("y")
        assert app.clipboard == (
            "“Russia's defence ministry said its forces destroyed a fuel depot near Kharkiv "
            "overnight.” — Russia's defence ministry (disputed), Frontline Wire, “Kharkiv: Russia "
            "says depot destroyed, governor says a school was hit”, 2026-11-18, "
            "https://frontline.example/kharkiv-depot")
        await pilot.press("home")

        await pilot.press("d")
        await wait_for(pilot, lambda: len(listing.records) == 2)
        assert len(saved(app)) == 2
        assert any("Press u to undo" in m for m in messages(app))
        titles = [c.title for c in bookmark_commands(app, screen)]
        assert "Undo bookmark delete" in titles  # also in the command palette
        await pilot.press("u")
        await wait_for(pilot, lambda: len(listing.records) == 3)
        assert [r["id"] for r in saved(app)] == [3, 2, 1]

        target = listing.current["id"]
        await pilot.press("n")
        await prompt_ready(app, pilot)
        await pilot.press("ctrl+u", *"second source needed", "tab", "ctrl+u", "enter")

        def note_of(bookmark_id: int) -> tuple[str, str]:
            record = app.library.store.run(bookmarks.get_bookmark, bookmark_id)
            return record["note"], record["tags"]

        await wait_for(pilot, lambda: note_of(target) == ("second source needed", ""))
        await wait_for(pilot, lambda: listing.current["note"] == "second source needed")


async def test_open_bookmarked_article_at_the_claim_or_the_stored_copy(tmp_path: Path) -> None:
    ids = seed_golden(tmp_path / "cache" / "sitrep.db")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_list(app, pilot, 3)
        await pilot.press("enter")  # Oleh Sinegubov's denial, the article's second claim
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.current_claim >= 0)
        reader = app.screen
        assert reader.article_id == ids["kharkiv"]
        assert reader.reader.claims[reader.current_claim].source == "Oleh Sinegubov"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)

        app.library.store.run(lambda c: (
            c.execute("DELETE FROM articles WHERE id = ?", (ids["kharkiv"],)), c.commit()))
        screen.reload()
        await wait_for(pilot, lambda: not screen.bookmark_list.records[0]["article_present"])
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StoredCopyScreen))
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "no longer in the cache" in shown
        assert "Oleh Sinegubov, the regional governor, denied" in shown
        assert "Frontline Wire" in shown and "https://frontline.example/kharkiv-depot" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)


async def test_write_failure_is_reported_to_the_user(tmp_path: Path) -> None:
    ids = seed(tmp_path / "cache" / "sitrep.db")
    (tmp_path / "cache" / "bookmarks.jsonl").mkdir()  # the journal cannot be written
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_reader(app, pilot, ids["kharkiv"])
        await pilot.press("right_square_bracket")
        bookmark_current_claim(reader)
        await wait_for(pilot, lambda: any("bookmark not saved" in m for m in messages(app)))
        error = next(n for n in app.told if "bookmark not saved" in n.message)
        assert error.severity == "error" and "bookmarks.jsonl" in error.message
        assert not isinstance(app.screen, NotePrompt) and saved(app) == []


async def test_app_starts_with_bookmarks_restored_after_the_database_is_lost(
        tmp_path: Path) -> None:
    seed_golden(tmp_path / "cache" / "sitrep.db")
    (tmp_path / "cache" / "sitrep.db").unlink()
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Restored 3 bookmarks from bookmarks.jsonl into a new cache database." in \
            messages(app)
        screen = await open_list(app, pilot, 3)
        assert not any(r["article_present"] for r in screen.bookmark_list.records)


async def test_read_only_window_refuses_bookmarks_with_a_notice(tmp_path: Path) -> None:
    ids = seed(tmp_path / "cache" / "sitrep.db")
    first = open_store(tmp_path / "cache" / "sitrep.db")
    try:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            assert app.library.readonly
            assert any("read-only" in m for m in messages(app))
            reader = await open_reader(app, pilot, ids["kharkiv"])
            await pilot.press("right_square_bracket")
            bookmark_current_claim(reader)
            await pilot.pause()
            assert any("Read-only: another sitrep is running" in m for m in messages(app))
            assert saved(app) == []
    finally:
        first.handle.close()
        first.lock.release()  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
async def test_palette_export(tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_golden(tmp_path / "cache" / "sitrep.db")
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        command = next(c for c in bookmark_commands(app, app.screen) if c.title.endswith(
            {"md": "Markdown", "json": "JSON", "csv": "CSV"}[fmt]))
        command.callback()
        target = tmp_path / f"sitrep-bookmarks.{fmt}"
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt)
                       and bool(app.screen.query(Input)))
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("Exported 3 bookmarks" in m for m in messages(app)))
        golden = Path(__file__).resolve().parent / "golden" / f"bookmarks.{fmt}"
        assert target.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8")


# One sentence, two claims: the same sentence span, two sources with opposite stories.
SHARED = ("Mali's army said its drones killed dozens of fighters near Moura, but residents and a "
          "local official said the dead were mostly herders at a market.")


def seed_shared_sentence(db_path: Path) -> int:
    conn = schema.connect(db_path)
    try:
        feed_id = store.sync_feeds(conn, [("https://frontline.example/rss.xml", "Frontline Wire",
                                           ())])["https://frontline.example/rss.xml"]
        url = "https://frontline.example/mali-moura"
        store.save_entries(conn, feed_id, [Entry("fw-moura", url, "Moura strike")],
                           full_text=True)
        article_id = conn.execute("SELECT id FROM articles WHERE guid = 'fw-moura'").fetchone()[0]
        claims = (make_claim(SHARED, SHARED, "Mali's army", "said", "disputed"),
                  make_claim(SHARED, SHARED, "residents and a local official", "said",
                             "disputed"))
        store.save_analysis(conn, article_id, Article(url, SHARED, "Moura strike"),
                            Analysis(claims, (), False, "test"))
    finally:
        conn.close()
    return int(article_id)


async def test_two_claims_in_one_sentence_are_two_bookmarks(tmp_path: Path) -> None:
    article_id = seed_shared_sentence(tmp_path / "cache" / "sitrep.db")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_claims(app, pilot)
        assert screen.claims.count == 2
        rows = [screen.claims._rows[i] for i in range(2)]
        assert {r.source for r in rows} == {"Mali's army", "residents and a local official"}
        assert rows[0].start == rows[1].start  # the very case: one sentence span

        await pilot.press("b")
        await prompt_ready(app, pilot)
        await pilot.press("escape")  # keep it, no note
        await wait_for(pilot, lambda: len(saved(app)) == 1)
        await wait_for(pilot, lambda: [screen.claims._rows[i].bookmarked for i in range(2)]
                       == [True, False])

        await pilot.press("j", "b")  # the second claim is a new bookmark, not an edit
        prompt = await prompt_ready(app, pilot)
        assert not prompt.choosing
        await pilot.press(*"herders, per residents", "enter")
        await wait_for(pilot, lambda: len(saved(app)) == 2)
        by_source = {r["source"]: r for r in saved(app)}
        assert by_source["residents and a local official"]["note"] == "herders, per residents"
        assert by_source["Mali's army"]["note"] == ""
        await wait_for(pilot, lambda: app.screen is screen and all(
            screen.claims._rows[i].bookmarked for i in range(2)))

        # In the reader, the status line follows the claim, not the sentence.
        app.push_screen(ReaderScreen(article_id))
        reader = app.screen
        await wait_for(pilot, lambda: has_claims(reader))
        app.library.store.run(bookmarks.remove_bookmark, by_source["Mali's army"]["id"])
        reader.cursor.load_bookmarks()
        await wait_for(pilot, lambda: len(reader.reader.bookmarked) == 1)
        notices = []
        for _ in range(2):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            claim = reader.reader.claims[reader.current_claim]
            notices.append((claim.source, reader.status.notice))
        assert sorted(notices) == [("Mali's army", ""),
                                   ("residents and a local official", "★ bookmarked")]
