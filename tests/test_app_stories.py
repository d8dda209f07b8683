"""The stories view (`s`), the story screen and the reader's "also in N outlets", through the
pilot: on the seeded stories cache (tests/story_seed.py: hand-made analyses, stories filed by
the real grouping), and once on dev-set articles analysed by the real analyzer."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import build_seed_app, wait_for, write_config
from tui.app.screens.help import HelpScreen
from tui.app.screens.main import MainScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.stories import StoriesScreen
from tui.app.screens.story import StoryScreen
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.story_hint import StoryHint
from tui.store import manual_status, schema

SIZE = (120, 40)


def status(app: Any) -> str:
    return str(app.screen.query_one(StatusBar).render())


def titles(screen: StoriesScreen) -> list[str]:
    rows = [screen.stories.loaded(i) for i in range(screen.stories.count)]
    return [r.title for r in rows if r is not None]


def error(bar: FilterBar) -> str:
    return str(bar.query_one("#filter-error").render())


def lines(screen: StoryScreen) -> list[str]:
    outline = screen.outline
    return [str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)]


async def open_stories(app: Any, pilot: Any) -> StoriesScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and "articles" in status(app))
    await pilot.press("s")
    await wait_for(pilot, lambda: isinstance(app.screen, StoriesScreen) and "stor" in status(app))
    return app.screen


async def open_story(app: Any, pilot: Any) -> StoryScreen:
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen) and app.screen.detail)
    return app.screen


async def test_s_lists_stories_and_the_filter_narrows_them(story_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(story_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stories(app, pilot)
        assert status(app) == "4 stories"
        assert [t.split()[0] for t in titles(screen)] == ["Missile", "Russia", "Ceasefire", "Drone"]
        first = screen.stories.current
        assert (first.outlets, first.articles, first.contested) == (4, 4, True)
        for text, count in (("outlets:>=2", 3), ("is:contested", 2), ("doha", 1)):
            await pilot.press("slash", *text, "enter")
            await wait_for(pilot, lambda count=count: screen.stories.count == count)
            assert f"filter: {text}" in status(app)
            await pilot.press("slash", "escape")  # esc in the bar clears the filter
            await wait_for(pilot, lambda: screen.stories.count == 4)
        assert titles(screen)[0].startswith("Missile strike")
        bar = screen.query_one(FilterBar)
        await pilot.press("slash", *"type:claim")
        await wait_for(pilot, lambda: "lists stories" in error(bar))
        await pilot.press("escape")
        await pilot.press("slash", *"is:manual", "enter")  # refused while statuses set by hand
        await wait_for(pilot, lambda: "not kept yet" in error(bar)  # are not kept, else listed
                       or "filter: is:manual" in status(app))  # fmt: skip
        if "not kept yet" in error(bar):
            assert screen.stories.count == 4  # the last good list stays
        await pilot.press("escape", "q")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_the_stories_view_starts_with_the_lists_filter(story_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(story_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "9 articles" in status(app))
        await pilot.press("slash", *"kharkiv", "enter")
        await wait_for(pilot, lambda: "2 articles" in status(app))
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, StoriesScreen)
                       and status(app).startswith("1 story"))  # fmt: skip
        assert titles(app.screen) == ["Drone attack cuts power to 30,000 homes in Kharkiv"]


async def test_the_story_screen_and_enter_on_a_ledger_row_opens_the_claim(story_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(story_cache[0])
    ids = story_cache[1]
    async with app.run_test(size=SIZE) as pilot:
        await open_stories(app, pilot)
        story = await open_story(app, pilot)
        shown = lines(story)
        assert shown[0] == "Timeline  4 articles in 4 outlets"
        assert "Northline News" in shown[2] and "local official puts toll at 27" in shown[2]
        assert any(s.startswith("  ⚡ figures  ○ A local official: killed: 27") for s in shown)
        assert "  killed: 23 (Ivan Fedorov) · 27 (A local official)" in shown
        assert "  Ivan Fedorov" in shown and "  Russia's defence ministry · Russia" in shown
        assert any("↳ Northline News · 10 Mar 05:00 · ○ claimed" in line for line in shown)
        assert "enter: the article in Meridian Wire" in status(app)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert "enter: the claim in Meridian Wire" in status(app)  # Fedorov's row, first mention
        await pilot.press("j", "j")  # its second outlet
        assert "enter: the claim in Northline News" in status(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and "claim 2/2" in status(app))  # fmt: skip
        assert app.screen.article_id == ids["z-northline"]
        assert status(app) == "claim 2/2 — Governor Ivan Fedorov · claimed"
        await wait_for(pilot, lambda: app.screen.query_one(StoryHint).link is not None)
        await pilot.press("s")  # the story it came from: back to it, not a second copy
        assert app.screen is story and len(app.screen_stack) == 4
        await pilot.press("j", "j", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("q")
        assert app.screen is story
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert "enter: the article in Meridian Wire" in status(app)
        await pilot.press("q", "q")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_a_status_set_by_hand_shows_its_pencil_in_the_ledger(story_cache) -> None:  # type: ignore[no-untyped-def]
    """The story screen marks the user's word as the reader and the claims view do: the row
    and the mention whose status was set with `v` carry ✎."""
    directory, ids = story_cache
    conn = schema.connect(directory / "cache" / "sitrep.db")
    claim = conn.execute(
        "SELECT * FROM claims WHERE article_id = ? AND source LIKE '%Fedorov%'",
        (ids["z-northline"],),
    ).fetchone()
    manual_status.set_status(conn, claim["article_id"], claim["start"], claim["source_start"],
                             "confirmed")
    conn.close()
    app = build_seed_app(directory)
    async with app.run_test(size=SIZE) as pilot:
        await open_stories(app, pilot)
        shown = lines(await open_story(app, pilot))
        assert any("↳ Northline News · 10 Mar 05:00 · ✓✎confirmed" in line for line in shown)
        assert any(line.startswith("    ✓✎confirmed") for line in shown)  # Fedorov's row
        assert not any("✎" in line and "Meridian Wire ·" in line for line in shown)


async def test_the_reader_says_also_in_n_outlets_and_s_opens_the_story(story_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(story_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "9 articles" in status(app))
        await pilot.press("enter")  # the newest article: the Capital Dispatch's on Zaporizhzhia
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.query_one(StoryHint).has_class("-shown"))  # fmt: skip
        hint = str(app.screen.query_one(StoryHint).render())
        assert hint == "also in 3 other outlets · ⚡ contested · s opens the story · 4 articles"
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryScreen) and app.screen.detail)
        assert app.screen.detail.title.startswith("Missile strike on Zaporizhzhia")
        await pilot.press("q", "q")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("slash", *"doha", "enter", "enter")  # a story of one article
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and app.screen.query_one(StoryHint).link is not None)  # fmt: skip
        assert not app.screen.query_one(StoryHint).has_class("-shown")


async def test_help_and_palette_cover_stories(story_cache) -> None:  # type: ignore[no-untyped-def]
    app = build_seed_app(story_cache[0])
    async with app.run_test(size=SIZE) as pilot:
        await open_stories(app, pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert ("/", "Filter") in app.screen.rows and ("g g", "Top") in app.screen.rows
        assert "⚡" in dict(app.screen.legend_rows)
        await pilot.press("escape")
        await open_story(app, pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert ("]", "Next section") in app.screen.rows and ("[", "Prev section") in app.screen.rows
        await pilot.press("escape")
        titles_ = [c.title for c in app.get_system_commands(app.screen)]
        assert "Stories" in titles_ and "Story: ledger" in titles_
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Story: ledger"].callback()
        await pilot.pause(0.1)
        assert "enter: the claim in Meridian Wire" in status(app)


# ── the real analyzer on dev-set articles ──────────────────────────────────────────────────

DEV = Path(__file__).resolve().parent / "fixtures" / "stories" / "dev"
DNIPRO = ("dnipro-meridian", "dnipro-northline", "dnipro-frontier", "dnipro-capital",
          "dnipro-grain-horizon", "dnipro-grain-eastbound")  # fmt: skip


@pytest.fixture(scope="module")
def analysed_dir(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from tui.core.models import Article, Entry
    from tui.pipeline.analyze import analyze_many
    from tui.service.stories import file_all
    from tui.store import schema, store

    meta = {m["id"]: m for m in json.loads((DEV / "articles.json").read_text(encoding="utf-8"))}
    chosen = [meta[i] for i in DNIPRO]
    texts = [(DEV / m["file"]).read_text(encoding="utf-8") for m in chosen]
    directory = tmp_path_factory.mktemp("dnipro")
    feeds = {m["feed"]: f"http://127.0.0.1:9/{m['feed'].split()[0].lower()}.xml" for m in chosen}
    write_config(directory / "feeds.toml", list(feeds.items()))
    conn = schema.connect(directory / "cache" / "sitrep.db")
    feed_ids = store.sync_feeds(conn, [(url, name, ()) for name, url in feeds.items()])
    for item, text, analysis in zip(chosen, texts, analyze_many(texts), strict=True):
        entry = Entry(item["id"], item["url"], item["title"],
                      published=datetime.fromisoformat(item["published"]))  # fmt: skip
        store.save_entries(conn, feed_ids[feeds[item["feed"]]], [entry], full_text=True)
        (article_id,) = conn.execute("SELECT id FROM articles WHERE guid = ?",
                                     (item["id"],)).fetchone()  # fmt: skip
        store.save_analysis(conn, article_id, Article(item["url"], text, title=item["title"]),
                            analysis)  # fmt: skip
    file_all(conn)
    conn.close()
    return directory


async def test_a_story_from_the_real_analyzer(analysed_dir: Path, tmp_path: Path) -> None:
    import shutil

    shutil.copytree(analysed_dir, tmp_path / "c")
    app = build_seed_app(tmp_path / "c")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_stories(app, pilot)
        assert screen.stories.count == 2  # the strike, and the grain terminal fire next day
        await pilot.press("slash", *"is:contested outlets:>=3", "enter")
        await wait_for(pilot, lambda: screen.stories.count == 1)
        assert screen.stories.current.outlets == 4
        story = await open_story(app, pilot)
        assert len(story.detail.articles) == 4 and story.detail.pairs
        pair = story.detail.pairs[0]
        await pilot.press("right_square_bracket")  # the contradictions: the first pair's row a
        assert f"enter: the claim in {pair.a.mentions[0].feed}" in status(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen)
                       and status(app).startswith("claim "))  # fmt: skip
        assert app.screen.article_id == pair.a.mentions[0].article_id
        assert status(app).endswith(f"· {pair.a.mentions[0].status}")


def test_a_runaway_story_shows_a_bounded_number_of_lines() -> None:
    """Hundreds of rows and pairs would stall the UI thread: the screen shows the first ones
    and says how many more the CLI lists."""
    from tui.app.widgets.story_sections import MAX_PAIRS, MAX_ROWS, Sections
    from tui.service.story_detail import LedgerLine, MentionLine, Pair, SourceGroup, StoryDetail

    mention = MentionLine(1, "Meridian Wire", "2026-03-10T03:00:00+00:00", 0, 0, "claimed", "x")
    rows = tuple(
        LedgerLine(f"c{i}", f"source {i}", "", "claimed", (), f"statement {i}", (mention,))
        for i in range(MAX_ROWS + 50)
    )
    groups = tuple(SourceGroup(r.source, "", (r,)) for r in rows)
    pairs = tuple(Pair("dispute", rows[i], rows[i + 1]) for i in range(MAX_PAIRS + 20))
    detail = StoryDetail("s1", "A runaway story", (), groups, pairs, ())
    built = Sections(120).build(detail)
    shown = [str(option.prompt) for option in built.options]
    assert "  … 20 contradictions more (sitrep stories --json --all lists them all)" in shown
    assert "  … 50 rows more (sitrep stories --json --all lists them all)" in shown
    assert len(built.options) < 2 * MAX_PAIRS + 2 * MAX_ROWS + 10
