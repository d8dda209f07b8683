"""Managing feeds from the app, the way a user does it: palette, prompts, the feed menu.

A real HTTP server serves the feeds, a real feeds.toml (with comments) lives in tmp_path, and
every test checks both the file and what the feeds pane shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.conftest import build_app, build_seed_app, wait_for
from tests.server import LocalServer
from tests.test_app_palette import choose
from tui.app.dialogs.add_feed import AddFeedPrompt
from tui.app.dialogs.feed_menu import FeedMenu
from tui.app.dialogs.text_prompt import ConfirmPrompt, TextPrompt
from tui.app.flows import feeds as feeds_admin
from tui.app.widgets.feed_list import FeedList
from tui.service.config import load_config
from tui.service.feeds import parse_feed_list
from tui.store import schema, store
from tui.store.recovery import open_store

SIZE = (120, 40)
HARBOUR_RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Harbour Watch</title><link>http://harbour.invalid/</link>
<description>Shipping movements, as we report them.</description>
<item><title>Tanker leaves port under escort</title><guid>hw-1</guid>
<description>A tanker left the port at dawn, the harbour master said.</description></item>
<item><title>Grain ship waits for inspection</title><guid>hw-2</guid>
<description>Inspectors have not boarded the ship yet, its operator said.</description></item>
<item><title>Ferry service resumes</title><guid>hw-3</guid>
<description>The ferry to the island runs again from Monday.</description></item>
</channel></rss>"""


def feeds_toml(served: str) -> str:
    return f"""# My feeds: these comments must survive every edit from the app.
[settings]
refresh_minutes = 0   # manual
timeout_seconds = 5

# The wire I read first.
[[feed]]
name = "Frontline Wire (served)"   # the demo, over HTTP
url = "{served}"
tags = ["demo"]

# The feed nobody answers for.
[[feed]]
name = "Dead host"
url = "http://127.0.0.1:9/feed.xml"
"""


@pytest.fixture
def config(tmp_path: Path, served_demo: str, http_server: LocalServer) -> Path:
    http_server.add("/harbour.xml", HARBOUR_RSS, content_type="application/rss+xml")
    http_server.add("/page.html", b"<html><head><title>A page</title></head><body>Hi</body>")
    path = tmp_path / "feeds.toml"
    path.write_text(feeds_toml(served_demo), encoding="utf-8")
    return path


def notices(app: Any) -> list[str]:
    return [str(n.message) for n in app.told]


def pane_names(app: Any) -> list[str]:
    return [f.name for f in app.screen.query_one(FeedList).feeds]


def status_text(app: Any) -> str:
    return str(app.screen.query_one("#add-status", Static).render())


def backup(config: Path) -> Path:
    """Edits from the app keep the previous feeds.toml in the cache directory (build_app's
    default cache is `cache/` beside the config), never beside the file itself."""
    assert not config.with_name("feeds.toml.bak").exists()
    return config.parent / "cache" / "feeds.toml.bak"


async def ready(app: Any, pilot: Any) -> None:
    await wait_for(pilot, lambda: app.refresher is not None and len(pane_names(app)) == 2)


async def type_into(app: Any, pilot: Any, screen_type: type, text: str) -> None:
    """Replace the prompt's text and press enter (long paths are pasted, not typed)."""
    await wait_for(pilot, lambda: isinstance(app.screen, screen_type))
    field = app.screen.query_one(Input)
    if len(text) > 20:
        field.value = text
    else:
        field.value = ""
        await pilot.press(*text)
    await pilot.press("enter")


async def highlight_feed(app: Any, pilot: Any, name: str) -> None:
    """Focus the feeds pane and move its cursor onto *name*, with keys."""
    pane = app.screen.query_one(FeedList)
    await pilot.press("h")
    await wait_for(pilot, lambda: pane.has_focus)
    while (feed := pane.highlighted_feed()) is None or feed.name != name:
        await pilot.press("j")


async def test_add_feed_shows_title_and_items_and_saves_only_on_the_second_enter(
    config: Path, http_server: LocalServer
) -> None:
    before = config.read_text(encoding="utf-8")
    url = http_server.url("/harbour.xml")
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "add feed")
        await wait_for(pilot, lambda: isinstance(app.screen, AddFeedPrompt))
        await pilot.press(*url, "tab", "tab", *"ports", "enter")
        await wait_for(pilot, lambda: "Harbour Watch — 3 items. Enter saves" in status_text(app))
        assert config.read_text(encoding="utf-8") == before  # checked, not saved
        assert not backup(config).exists()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Harbour Watch" in pane_names(app))
        feeds = load_config(config).feeds
        assert (feeds[-1].url, feeds[-1].name, feeds[-1].tags) == (url, "Harbour Watch", ("ports",))
        text = config.read_text(encoding="utf-8")
        assert text.startswith(before)  # every comment kept, the feed appended
        assert backup(config).read_text(encoding="utf-8") == before
        await wait_for(pilot, lambda: len(http_server.requests_to("/harbour.xml")) >= 2)


async def test_add_feed_refuses_what_is_not_a_feed_and_writes_nothing(
    config: Path, http_server: LocalServer, served_demo: str
) -> None:
    before = config.read_text(encoding="utf-8")
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "add feed")
        await wait_for(pilot, lambda: isinstance(app.screen, AddFeedPrompt))
        url_input = app.screen.query_one("#add-url", Input)
        cases = [
            (http_server.url("/missing.xml"), ["/missing.xml", "HTTP 404"]),
            (http_server.url("/page.html"), ["/page.html", "not a readable feed"]),
            ("ftp://example.org/feed", ["must start with http:// or https://"]),
            (served_demo, ["Already in feeds.toml", "Frontline Wire (served)"]),
        ]
        for url, expected in cases:
            url_input.value = url
            url_input.focus()
            await pilot.press("enter")
            await wait_for(
                pilot, lambda expected=expected: all(part in status_text(app) for part in expected)
            )
            await pilot.press("enter")  # a second enter checks again, it never saves
            await app.workers.wait_for_complete()
            assert isinstance(app.screen, AddFeedPrompt)
            assert all(part in status_text(app) for part in expected)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, AddFeedPrompt))
        await app.workers.wait_for_complete()
        assert config.read_text(encoding="utf-8") == before
        assert not backup(config).exists()


async def test_rename_from_the_palette_keeps_comments(config: Path) -> None:
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await highlight_feed(app, pilot, "Dead host")
        await choose(app, pilot, "rename feed")
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
        assert app.screen.query_one(Input).value == "Dead host"  # prefilled
        await type_into(app, pilot, TextPrompt, "Quiet host")
        await wait_for(pilot, lambda: "Quiet host" in pane_names(app))
        text = config.read_text(encoding="utf-8")
        assert 'name = "Quiet host"' in text and "# The feed nobody answers for." in text
        assert 'name = "Frontline Wire (served)"   # the demo, over HTTP' in text
        assert 'name = "Dead host"' in backup(config).read_text(encoding="utf-8")


async def test_menu_sets_tags_and_removes_a_feed(config: Path, served_demo: str) -> None:
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        pane = app.screen.query_one(FeedList)
        dead = next(f for f in pane.feeds if f.name == "Dead host")
        feeds_admin.feed_menu(app.screen, dead)
        await wait_for(pilot, lambda: isinstance(app.screen, FeedMenu))
        await pilot.press("j", "enter")  # Tags…
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
        await type_into(app, pilot, TextPrompt, "outage, local")
        await wait_for(pilot, lambda: tag_rows(app) == ["demo", "local", "outage"])
        assert load_config(config).feeds[1].tags == ("outage", "local")

        served = next(f for f in pane.feeds if f.name == "Frontline Wire (served)")
        feeds_admin.feed_menu(app.screen, served)
        await wait_for(pilot, lambda: isinstance(app.screen, FeedMenu))
        await pilot.press("j", "j", "enter")  # Remove…
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPrompt))
        message = str(app.screen.query_one(".prompt-message", Static).render())
        assert "stay in the cache until retention purges them" in message
        assert "bookmarks are kept" in message
        await pilot.press("n")  # cancelled: nothing written
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmPrompt))
        assert served_demo in config.read_text(encoding="utf-8")

        feeds_admin.feed_menu(app.screen, served)
        await wait_for(pilot, lambda: isinstance(app.screen, FeedMenu))
        await pilot.press("j", "j", "enter", "y")
        await wait_for(pilot, lambda: pane_names(app) == ["Dead host"])
        text = config.read_text(encoding="utf-8")
        assert served_demo not in text
        assert "# My feeds: these comments must survive every edit from the app." in text
        assert "# The feed nobody answers for." in text
        assert [f.name for f in load_config(config).feeds] == ["Dead host"]
        assert served_demo in backup(config).read_text(encoding="utf-8")


def tag_rows(app: Any) -> list[str]:
    """The tag entries the feeds pane lists (option ids `tag:<name>`)."""
    pane = app.screen.query_one(FeedList)
    options = (pane.get_option_at_index(i) for i in range(pane.option_count))
    return [option.id[4:] for option in options if (option.id or "").startswith("tag:")]


async def test_opml_import_adds_the_new_feeds(
    config: Path, tmp_path: Path, http_server: LocalServer, served_demo: str
) -> None:
    opml = tmp_path / "from-newsboat.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="Shipping">'
        f'<outline text="Harbour Watch" xmlUrl="{http_server.url("/harbour.xml")}"/>'
        "</outline>"
        f'<outline text="Frontline again" xmlUrl="{served_demo}"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "import opml")
        await type_into(app, pilot, TextPrompt, str(opml))
        await wait_for(pilot, lambda: "Imported 1 feed (1 already there)." in notices(app))
        await wait_for(pilot, lambda: "Harbour Watch" in pane_names(app))
        feeds = load_config(config).feeds
        assert (feeds[-1].name, feeds[-1].tags) == ("Harbour Watch", ("Shipping",))

        await choose(app, pilot, "import opml")
        await type_into(app, pilot, TextPrompt, str(tmp_path / "missing.opml"))
        await wait_for(
            pilot,
            lambda: any("Could not import" in n and "missing.opml" in n for n in notices(app)),
        )


async def test_opml_export_reads_back_and_asks_before_replacing(
    config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "feeds.opml"
    target.parent.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "docs"))
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await choose(app, pilot, "export opml")
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
        default = app.screen.query_one(Input).value
        assert default == str(tmp_path / "docs" / "sitrep-feeds.opml")  # the documents folder
        await type_into(app, pilot, TextPrompt, str(target))
        await wait_for(pilot, target.exists)
        urls = [spec.url for spec in parse_feed_list(target.read_bytes())]
        assert urls == [feed.url for feed in load_config(config).feeds]

        target.write_text("mine", encoding="utf-8")
        await choose(app, pilot, "export opml")
        await type_into(app, pilot, TextPrompt, str(target))
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPrompt))
        await pilot.press("n")
        await app.workers.wait_for_complete()
        assert target.read_text(encoding="utf-8") == "mine"  # not replaced without a yes
        await choose(app, pilot, "export opml")
        await type_into(app, pilot, TextPrompt, str(target))
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPrompt))
        await pilot.press("y")
        await wait_for(pilot, lambda: target.read_text(encoding="utf-8") != "mine")
        assert len(parse_feed_list(target.read_bytes())) == 2


async def test_a_read_only_window_changes_nothing(config: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "cache" / "sitrep.db"
    conn = schema.connect(db_path)
    store.sync_feeds(conn, [(f.url, f.name, f.tags) for f in load_config(config).feeds])
    conn.close()
    before = config.read_text(encoding="utf-8")
    first = open_store(db_path)  # another sitrep holds the cache
    try:
        app = build_app(config, auto_refresh=False)
        async with app.run_test(size=SIZE) as pilot:
            assert app.library.readonly
            pane = app.screen.query_one(FeedList)
            await wait_for(pilot, lambda: len(pane.feeds) == 2)
            await choose(app, pilot, "add feed")
            await wait_for(pilot, lambda: any("Read-only" in n for n in notices(app)))
            assert not isinstance(app.screen, AddFeedPrompt)
            feeds_admin.feed_menu(app.screen, pane.feeds[0])
            await wait_for(pilot, lambda: isinstance(app.screen, FeedMenu))
            await pilot.press("enter")  # Rename…
            await wait_for(pilot, lambda: "Read-only: rename feeds" in " ".join(notices(app)))
            assert not isinstance(app.screen, TextPrompt)
        assert config.read_text(encoding="utf-8") == before
    finally:
        first.handle.close()
        first.lock.release()  # type: ignore[union-attr]


async def test_keys_a_and_f_and_the_menu_refresh_and_mark_read(
    config: Path, http_server: LocalServer
) -> None:
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AddFeedPrompt))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, AddFeedPrompt))

        await highlight_feed(app, pilot, "Frontline Wire (served)")
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedMenu))
        title = str(app.screen.query_one("#feed-menu-title", Static).render())
        assert title == "Frontline Wire (served)"
        await pilot.press("j", "j", "j", "j", "enter")  # Refresh now
        pane = app.screen.query_one(FeedList)
        await wait_for(pilot, lambda: pane.feeds[0].unread == 10, seconds=60)
        assert http_server.requests_to("/demo/feed.xml")

        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedMenu))
        await pilot.press("j", "j", "j", "enter")  # Mark all read
        await wait_for(pilot, lambda: pane.feeds[0].unread == 0)


async def test_a_feed_added_between_two_by_hand_shows_there(seed_cache: tuple[Path, Any]) -> None:
    """The pane follows feeds.toml's order, not the order feeds reached the cache."""
    directory = seed_cache[0]
    config = directory / "feeds.toml"
    text = config.read_text(encoding="utf-8")
    middle = '[[feed]]\nname = "Gulf Monitor"'
    added = '[[feed]]\nname = "Horn Report"\nurl = "http://127.0.0.1:9/horn.xml"\n\n'
    config.write_text(text.replace(middle, added + middle), encoding="utf-8")
    app = build_seed_app(directory)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: len(pane_names(app)) == 4)
        assert pane_names(app) == [
            "Frontline Wire", "Horn Report", "Gulf Monitor", "Sahel Dispatch",
        ]  # fmt: skip
