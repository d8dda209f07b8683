"""What a new user met next to newsboat (issue 17), each driven through the pilot on the
seeded cache: status looks at every colour depth, counts that follow the marks, q/Q, n, saved
searches, the marks explained, the 80-column layout, help's scroll keys, steady sparklines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from rich.color import ColorSystem
from rich.style import Style
from textual.geometry import Region
from textual.widgets import Input, Static

from tests.conftest import build_seed_app, wait_for
from tui.app.dialogs.text_prompt import TextPrompt
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_list import CONFLICT_MEANING, ArticleList
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.feed_list import FeedList
from tui.app.widgets.reader_view import ReaderView
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.status_looks import LOOKS
from tui.service.config import load_config

WIDE, NARROW = (160, 45), (80, 24)


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


def all_unread(app: Any) -> str:
    """The count on the pane's "All articles" row."""
    pane = app.screen.query_one(FeedList)
    return pane.get_option_at_index(0).prompt.plain.split()[-1]


async def main_ready(app: Any, pilot: Any) -> None:
    await wait_for(pilot, lambda: "8 articles" in status(app) and app.refresher is not None)


async def open_reader(app: Any, pilot: Any) -> ReaderScreen:
    await main_ready(app, pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                   and app.screen.data is not None and app.screen.daily != {})
    return app.screen


# ── 1. statuses read at every colour depth ──


def _looks(strip_segments: list[Any], system: ColorSystem | None) -> dict[str, tuple]:
    """Per status: its glyph and how glyph and word are drawn at *system* (None: NO_COLOR)."""
    segments = [(s.text, s.style or Style()) for s in strip_segments]
    text = "".join(t for t, _ in segments)
    looks = {}
    for status, look in LOOKS.items():
        at = text.index(f"{look.glyph} {status}")

        def style_at(offset: int) -> Style:
            position = 0
            for part, style in segments:
                if position <= offset < position + len(part):
                    return style
                position += len(part)
            raise AssertionError(offset)

        drawn = []
        for offset in (at, at + 2):  # the glyph, then the word (the claim's tint)
            style = style_at(offset)
            drawn.append(style.without_color.render("x") if system is None
                         else style.render("x", color_system=system))
        looks[status] = (look.glyph, *drawn)
    return looks


async def test_statuses_have_five_looks_in_every_colour_depth(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=WIDE) as pilot:
        await open_reader(app, pilot)
        legend = app.screen.query_one("#legend", Static)
        line = legend.render_lines(Region(0, 0, legend.size.width, 1))[0]
        segments = list(line)
        for system in (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD, None):
            looks = _looks(segments, system)
            assert len(set(looks.values())) == 5, (system, looks)
        # And the colours alone stay apart after Textual's 256- and 16-colour reduction.
        for system in (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD):
            glyph_colours = {
                str(Style.parse(look.colour).color.downgrade(system).get_ansi_codes())
                for look in LOOKS.values()
            }
            assert len(glyph_colours) == 5, system
        # The glyph stands before each claim in the text, so NO_COLOR still shows the status.
        reader = app.screen.query_one(ReaderView)
        first = app.screen.query(".paragraph").first(Static)
        claim = reader.claims[0]
        assert LOOKS[claim.status].glyph + reader.text[claim.start:claim.start + 10] in str(
            first.render()
        )


# ── 2. counts follow the marks ──


async def test_unread_counts_follow_opening_an_article(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=WIDE) as pilot:
        await main_ready(app, pilot)
        assert all_unread(app) == "5"
        await open_reader(app, pilot)
        await pilot.press("q")  # back to the list
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        await wait_for(pilot, lambda: all_unread(app) == "4", seconds=5)
        await pilot.press("n")  # the next unread article, opened; the reader's n the one after
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.data is not None
                       and app.screen.data.row["title"].startswith("Russia claims capture"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: all_unread(app) == "2", seconds=5)


# ── 6, 7. q goes back one level, Q quits; n opens the next unread ──


async def test_q_goes_back_and_capital_q_quits(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=WIDE) as pilot:
        reader = await open_reader(app, pilot)
        assert reader.active_bindings["q"].binding.description == "Back"
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = dict(app.screen.rows)
        assert rows.get("q esc h") == "Back"
        assert any("Q" in keys.split() and does == "Quit" for keys, does in rows.items())
        await pilot.press("escape")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen))
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        assert app.is_running
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("Q")
        await wait_for(pilot, lambda: not app.is_running)


async def test_n_in_the_list_opens_the_next_unread_article(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=WIDE) as pilot:
        await main_ready(app, pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("j", "j")  # the third row: read
        assert articles.current.read
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.data is not None)
        assert app.screen.data.row["title"].startswith("Russia claims capture")


# ── 8. saved searches ──


async def test_saved_searches_are_virtual_feeds(seed_cache: tuple[Path, dict]) -> None:
    directory = seed_cache[0]
    config = directory / "feeds.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[[search]]\nname = "Kharkiv"\nquery = "kharkiv"\n',
        encoding="utf-8",
    )
    app = build_seed_app(directory)
    async with app.run_test(size=WIDE) as pilot:
        await main_ready(app, pilot)
        pane = app.screen.query_one(FeedList)
        await wait_for(pilot, lambda: [s.name for s in pane.searches] == ["Kharkiv"])
        labels = [pane.get_option_at_index(i).prompt.plain for i in range(pane.option_count)
                  if pane.get_option_at_index(i).id]
        assert "/ Kharkiv" in labels  # its article is read: no unread count on the row
        pane.focus()
        pane.highlighted = pane.get_option_index("search:0")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "1 article  ·  filter: kharkiv" in status(app))

        await pilot.press("escape", "slash", *"sumy", "enter")  # save a second one: ctrl+s
        await wait_for(pilot, lambda: "filter: sumy" in status(app))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt)
                       and bool(app.screen.query(Input)))
        await pilot.press(*"Sumy", "enter")
        await wait_for(pilot, lambda: [s.name for s in pane.searches] == ["Kharkiv", "Sumy"])
        assert [s.unread for s in pane.searches] == [0, 1]
    assert load_config(config).search("Sumy").query == "sumy"
    assert '[[search]]\nname = "Sumy"\nquery = "sumy"\n' in config.read_text(encoding="utf-8")
    found = subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(config), "--cache",
         str(directory / "cache"), "search", "--saved", "Sumy"],
        capture_output=True, text=True, timeout=120,
    )
    assert found.returncode == 0, found.stderr
    assert "Drones hit power station in Sumy region" in found.stdout


# ── 9. marks explained ──


async def test_the_list_marks_are_explained(seed_cache: tuple[Path, dict]) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=WIDE) as pilot:
        await main_ready(app, pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.current.conflict  # the first row carries ≠
        await wait_for(pilot, lambda: f"≠ {CONFLICT_MEANING}" in status(app))
        await pilot.press("j")  # no ≠ here
        await wait_for(pilot, lambda: "≠" not in status(app))
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = dict(app.screen.legend_rows)
        assert rows["≠"] == CONFLICT_MEANING and rows["●"] == "unread"


# ── 4, 10. 80 columns: panes give way, the text starts early, help scrolls ──


async def test_80_columns_panes_toggle_and_the_text_starts_by_row_6(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=NARROW) as pilot:
        await main_ready(app, pilot)
        articles = app.screen.query_one(ArticleList)
        narrow = articles.size.width
        await pilot.press("backslash")  # the feeds pane hides: the titles get its columns
        await pilot.pause()
        assert not app.screen.query_one(FeedList).display and articles.size.width >= narrow + 20
        await pilot.press("backslash")
        await pilot.pause()
        assert articles.size.width == narrow

        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.data is not None and app.screen.daily != {})
        first = app.screen.query(".paragraph").first(Static)
        assert first.region.y <= 5  # row 6 or above
        meta = app.screen.query_one("#reader-meta", Static)
        assert "news.invalid" not in str(meta.render()) and meta.region.height == 1
        panel = app.screen.query_one(EntityPanel)
        assert panel.size.width <= 26
        await pilot.press("e")  # the panel has the cursor: wide enough for whole names
        await pilot.pause()
        assert panel.size.width >= 40
        await pilot.press("escape", "backslash")  # back to the text; the panel hides
        await pilot.pause()
        assert not panel.display and app.screen.query_one(ReaderView).size.width >= 70

        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        scroll = app.screen.query_one("VerticalScroll")
        await pilot.press("j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y > 2
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y - 1


async def test_a_name_without_recent_mentions_keeps_its_columns(
    seed_cache: tuple[Path, dict],
) -> None:
    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=WIDE) as pilot:
        await open_reader(app, pilot)
        panel = app.screen.query_one(EntityPanel)
        entities = list(panel.entities.values())
        quiet, busy = entities[0], entities[1]
        panel.show_trends({quiet.id: [0] * 14, busy.id: [0] * 13 + [2]})
        await pilot.pause()
        width = panel.scrollable_content_region.width - 2

        def count_column(entity: Any) -> int:
            line = panel._row(panel.entities[str(entity.id)]).fit(width).plain
            return line.index(f"{entity.count:>2}", len(entity.name) - 1)

        assert count_column(quiet) == count_column(busy)


def test_a_name_beside_its_sparkline_keeps_room_to_be_read_in_a_narrow_panel() -> None:
    from textual.content import Content

    from tui.app.widgets.entity_panel import sparkline
    from tui.app.widgets.row import Row

    row = Row(Content("Souleymane Diarra"), Content(" 2"), trend=sparkline([0] * 13 + [2]))
    narrow = row.fit(24).plain  # the reader's entity panel at 80 columns
    assert narrow.startswith("Souleymane Di…")
    assert len(narrow) == 24 and narrow.rstrip().endswith("█")  # the newest day still shows
    wide = row.fit(40).plain
    assert wide.startswith("Souleymane Diarra") and wide.count("▁") >= 10
