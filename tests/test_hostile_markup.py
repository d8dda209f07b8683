"""Class 1: Rich/Textual markup in web-supplied text renders literally and clicks do nothing.

A hostile feed (tests/hostile/seed.py) is fetched, parsed, extracted and stored by the real
pipeline; its titles, summaries, authors, page text, feed name, claim source, entity name and a
feed error all carry markup: `[bold]`, a stray `[/]`, `[link=file:///...]`, `[@click=app.quit]`.
The app is driven through every screen that shows them. A plain `Static("...")` would raise
MarkupError on the stray `[/]` (the app would die), and `@click` would make the text a button
that quits the app; here the text must appear character for character and clicks must do nothing.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_app, wait_for
from tests.hostile import seed
from tests.hostile.screen import find_on_screen, screen_text, widget_text
from tests.server import LocalServer
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.reader_view import ReaderView
from tui.app.widgets.status_bar import StatusBar

SIZE = (180, 50)
FEED_IN_META = f"{seed.FEED_NAME} · {seed.AUTHOR}"


def plain(prompt: object) -> str:
    """An option's text: Content and the panes' Row visuals both carry `.plain`."""
    return str(getattr(prompt, "plain", prompt))


async def click_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click on the third character of *text* where it shows, then let the app react."""
    x, y = find_on_screen(pilot.app, text)
    await pilot.click(offset=(x + 2, y))
    await pilot.pause()
    assert pilot.app.return_code is None, f"clicking {text!r} ended the app"


async def test_markup_in_every_widget_is_literal_and_inert(
    tmp_path: Path, http_server: LocalServer
) -> None:
    hostile = await seed.seed_hostile_cache(tmp_path, http_server)
    app = build_app(hostile.config, hostile.cache, auto_refresh=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: seed.TITLE in screen_text(app))
        # Feeds pane: the configured feed name; article list: the item title.
        assert "[b]Desk[/b] [@click=app." in screen_text(app)  # the pane cuts it with "…"
        assert "✖ Broken [@click=app.quit]" in screen_text(app)
        await click_text(pilot, "[@click=app.quit]Click to quit")
        await click_text(pilot, "[b]Desk[/b] [@click=app.")

        # A feed error whose text the server chose (its Content-Encoding) shows literally.
        await pilot.press("e")
        await wait_for(
            pilot, lambda: seed.BAD_ENCODING in str(app.screen.query_one(StatusBar).render())
        )
        assert f"unsupported Content-Encoding {seed.BAD_ENCODING}" in screen_text(app)
        await click_text(pilot, "Content-Encoding [@click=app.quit]")

        # Reader: title, byline, paragraphs, entity panel, claim source in the status bar.
        main = app.screen
        assert isinstance(main, MainScreen)
        main.articles.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen.query_one(ReaderView)
        await wait_for(pilot, lambda: reader.text == hostile.text)
        shown = screen_text(app)
        for literal in (
            seed.TITLE,
            seed.AUTHOR,
            "[link=file:///etc/passwd]Officials",
            "witnesses [/] near",
            seed.SOURCE,
            "[red]forty[/red]",
            FEED_IN_META,
        ):
            assert literal in shown, literal
        panel = app.screen.query_one(EntityPanel)
        prompts = [plain(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any(p.startswith(seed.ENTITY + " ") for p in prompts), prompts
        entity_shown = widget_text(app, panel).split("\n")[1].strip("▏ ")  # under "Places (1)"
        assert entity_shown.startswith("[link=file:///")  # cut to the pane's width, literally
        await click_text(pilot, "[@click=app.quit]Click to quit")
        await click_text(pilot, seed.SOURCE)
        await click_text(pilot, "[@click=app.bell]if the road")
        await pilot.press("right_square_bracket")
        status = str(app.screen.query_one(StatusBar).render())
        assert f"{seed.SOURCE} · claimed" in status
        # Choosing the entity (a click selects it) filters the list by it, shown literally.
        await click_text(pilot, entity_shown[:12])
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        await wait_for(pilot, lambda: f'entity:"{seed.ENTITY}"' in screen_text(app))
        assert seed.TITLE in screen_text(app)

        # Claims view (without the entity filter): the source and the claim text in the list.
        await click_text(pilot, "All articles")
        await pilot.press("escape", "c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen))
        await wait_for(pilot, lambda: seed.SOURCE in screen_text(app))
        await click_text(pilot, seed.SOURCE)
        assert app.return_code is None
    assert app.return_code in (None, 0)
