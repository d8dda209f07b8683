"""The bookmark keys wired into the reader, the claims view and the app (b, B)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.conftest import build_app, wait_for
from tui.app.dialogs.note_prompt import NotePrompt
from tui.app.screens.bookmarks import BookmarksScreen
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.reader_view import ReaderView
from tui.app.widgets.status_bar import StatusBar
from tui.store import bookmarks


async def test_b_in_reader_bookmarks_marks_and_B_lists(demo_config: Path) -> None:
    app = build_app(demo_config)
    async with app.run_test(size=(140, 44)) as pilot:
        # Wait until the demo articles are analysed (claims exist), then open one.
        await wait_for(pilot, lambda: app.library.store.run(
            lambda c: c.execute("SELECT count(*) FROM claims").fetchone()[0]) > 0, seconds=90)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                       and app.screen.claims.current is not None)
        await pilot.press("enter")  # the reader opens at that claim
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.current_claim >= 0)
        await pilot.press("b")
        # typed once its input has the focus (a loaded machine lost the first key before)
        await wait_for(pilot, lambda: isinstance(app.screen, NotePrompt)
                       and isinstance(app.focused, Input))  # fmt: skip
        await pilot.press(*"key source", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.query_one(ReaderView).bookmarked != set())
        reader = app.screen.query_one(ReaderView)
        assert reader.bookmarked == {reader.claims[app.screen.current_claim].spot}
        assert "★ bookmarked" in str(app.screen.query_one(StatusBar).render())
        saved = app.library.store.run(bookmarks.list_bookmarks)
        assert len(saved) == 1 and saved[0]["note"].startswith("key source")
        await pilot.press("escape", "escape", "B")
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen))


async def test_b_in_claims_view_opens_the_prompt(demo_config: Path) -> None:
    app = build_app(demo_config)
    async with app.run_test(size=(140, 44)) as pilot:
        # Every article analysed first: a claim analysed later would land above the cursor and
        # the row under it would no longer be the one bookmarked.
        await wait_for(pilot, lambda: app.library.store.run(lambda c: c.execute(
            "SELECT count(*) FROM claims").fetchone()[0] > 0 and c.execute(
            "SELECT count(*) FROM articles WHERE state = 'queued'").fetchone()[0] == 0),
            seconds=90)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                       and app.screen.claims.current is not None)
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, NotePrompt))
        await pilot.press("escape")  # saves without a note
        await wait_for(pilot, lambda: len(app.library.store.run(bookmarks.list_bookmarks)) == 1)
        # The claims view reloads and stars the bookmarked claim.
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                       and app.screen.claims.current is not None
                       and app.screen.claims.current.bookmarked)
