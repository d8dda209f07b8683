"""The reader, driven through the pilot on the seeded cache: claims, entities, modes, citation."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

from tests.conftest import build_seed_app, wait_for
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.reader_view import CURRENT_STYLE, SOURCE_STYLE, STATUS_STYLES, ReaderView
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.status_looks import LOOKS, glyph_style

SIZE = (120, 40)


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


async def open_first(app: Any, pilot: Any) -> ReaderScreen:
    await wait_for(pilot, lambda: "8 articles" in status(app))
    await pilot.press("enter")
    await wait_for(
        pilot,
        lambda: (
            isinstance(app.screen, ReaderScreen)
            and app.screen.data is not None
            and app.screen.daily != {}
        ),
    )
    return app.screen


async def test_claim_navigation_reads_claim_i_of_n(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        assert screen.data.row["title"] == "Drones hit power station in Sumy region"
        assert status(app) == "3 claims"
        assert screen.query("#legend")  # the colours are explained on the page
        await pilot.press("right_square_bracket")
        assert status(app) == (
            "claim 1/3 — Russia's defence ministry · disputed by Ukrainian Air Force"
        )
        await pilot.press("right_square_bracket")
        assert status(app) == "claim 2/3 — Oleh Hryhorov · claimed"
        await pilot.press("right_square_bracket", "right_square_bracket")  # stops at the last
        assert status(app) == "claim 3/3 — Ukraine's air force · claimed"
        await pilot.press("left_square_bracket")
        assert status(app) == "claim 2/3 — Oleh Hryhorov · claimed"


async def test_claims_are_styled_by_status_with_the_source_underlined(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        reader = screen.query_one(ReaderView)
        first = reader._paragraph(0)
        styles: dict[str, list[str]] = {}
        for span in first.spans:
            styles.setdefault(first.plain[span.start : span.end], []).append(str(span.style))
        claim = reader.claims[0]
        # Each claim starts with its status glyph (a second channel to the colour).
        glyph = LOOKS["disputed"].glyph
        assert first.plain.startswith(glyph + reader.text[claim.start : claim.start + 20])
        assert STATUS_STYLES["disputed"] in styles[reader.text[claim.start : claim.end]]
        assert glyph_style("disputed") in styles[glyph]
        assert SOURCE_STYLE in styles[reader.text[claim.source_start : claim.source_end]]
        await pilot.press("right_square_bracket")
        assert CURRENT_STYLE in [s.style for s in reader._paragraph(0).spans]


async def test_entity_panel_groups_counts_and_marks_mentions(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        panel = screen.query_one(EntityPanel)
        headings = [o.prompt.plain for o in panel.options if o.disabled]
        assert headings == ["People (1)", "Places (3)", "Organisations (1)", "Weapons (1)"]
        belgorod = next(e for e in panel.entities.values() if e.name == "Belgorod")
        # Mentions per day across the cache: Kharkiv's article yesterday, this one today.
        assert belgorod.daily[-2:] == (1, 1) and sum(belgorod.daily) == 2
        await pilot.press("e")
        assert panel.has_focus
        reader = screen.query_one(ReaderView)
        first = panel.highlighted_entity()
        assert first is not None and first.name == "Oleh Hryhorov"
        assert reader.focus_mentions == set(first.spans)  # its mentions are marked
        while panel.highlighted_entity().name != "Belgorod":
            await pilot.press("j")
        assert reader.focus_mentions == set(belgorod.spans)
        await pilot.press("escape")  # back to the text: the marks go
        assert reader.has_focus and reader.focus_mentions == set()


async def test_enter_on_an_entity_filters_the_list_and_the_claims_view(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "8 articles" in status(app))
        await pilot.press("c")  # claims view first, then a claim's article
        await wait_for(pilot, lambda: "17 claims" in status(app))
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.data is not None
        )
        await pilot.press("e")
        panel = app.screen.query_one(EntityPanel)
        while panel.highlighted_entity().name != "Belgorod":
            await pilot.press("j")
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: isinstance(app.screen, ClaimsScreen) and "2 claims" in status(app)
        )
        assert 'filter: entity:"Belgorod"' in status(app)
        await pilot.press("escape")  # back to the main list: filtered by the entity too
        assert isinstance(app.screen, MainScreen)
        await wait_for(pilot, lambda: "2 articles" in status(app))
        titles = {r.title for r in app.screen.query_one(ArticleList)._rows.values()}
        assert titles == {
            "Drones hit power station in Sumy region",
            "Missile strike on Kharkiv apartment block kills four",
        }


async def test_x_cycles_text_summary_and_raw_html(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        reader = screen.query_one(ReaderView)
        text = reader.text
        await pilot.press("x")
        assert screen.mode == "summary" and "feed summary" in status(app)
        assert reader.text == screen.data.row["summary"] and reader.claims == []
        await pilot.press("x")
        assert screen.mode == "raw" and reader.text == "(no stored page)"
        await pilot.press("x")
        assert screen.mode == "text" and reader.text == text and len(reader.claims) == 3


async def test_y_copies_the_claim_with_its_citation(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        await pilot.press("y")  # no claim selected yet: nothing copied, a hint instead
        assert app.clipboard == ""
        await pilot.press("right_square_bracket", "right_square_bracket", "y")
        assert app.clipboard == (
            "“regional governor Oleh Hryhorov said a Shahed drone struck a power station near "
            "Zhuravka, cutting electricity to 4,000 homes.” — Oleh Hryhorov (claimed). "
            "Frontline Wire, “Drones hit power station in Sumy region”, 2026-03-10. "
            "https://news.invalid/sumy"
        )


class Recorder(webbrowser.BaseBrowser):
    """A browser that records what it was asked to open (the stdlib's own extension point)."""

    opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


async def test_o_opens_the_article_with_webbrowser(seed_cache: tuple[Path, dict]) -> None:
    webbrowser.register("sitrep-test-recorder", None, Recorder("recorder"), preferred=True)
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: Recorder.opened == ["https://news.invalid/sumy"])
