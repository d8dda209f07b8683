"""Class 9: a broken feeds.toml never stops the app, and sitrep never rewrites it on its own.

tests/test_config.py holds the one-line message for each kind of breakage. Here: every kind at
once through `load_with_fallback` (the app keeps the last good configuration and says why), the
app itself started on a broken file, control characters that a TOML escape or an imported list
can put into names and URLs, and a check that no command writes the user's file unasked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import wait_for
from tests.hostile.screen import find_on_screen, screen_text, toast_texts
from tui.app import make_app
from tui.core.errors import ConfigError
from tui.service import locations as loc
from tui.service.config import load_config
from tui.service.feeds import parse_feed_list, usable_url
from tui.service.startup import last_good_path, load_with_fallback
from tui.store.recovery import open_store

GOOD = (
    "# my feeds\n[settings]\nrefresh_minutes = 0\ntimeout_seconds = 5\n\n"
    '[[feed]]\nname = "Local desk"\nurl = "desk/feed.xml"\n\n'
    '[[feed]]\nname = "Wire"\nurl = "http://127.0.0.1:9/wire.xml"\n'
)
BROKEN: dict[str, tuple[bytes, int | None, str | None]] = {
    # name: (file bytes, line the message names, key it names)
    "broken toml": (b'[settings]\nrefresh_minutes = 0\n[[feed]\nurl = "x"\n', 3, None),
    "byte order mark": (b"\xef\xbb\xbf" + GOOD.encode(), 1, None),
    "latin-1 bytes": (GOOD.replace("Wire", "D\u00e9fense").encode("latin-1"), 11, None),
    "nul byte": (GOOD.replace("Wire", "Wi\x00re").encode(), 11, None),
    "deep nesting": (b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", None, None),
    "unknown key": (
        GOOD.replace("timeout_seconds", "timout_seconds").encode(),
        4,
        "timout_seconds",
    ),
    "wrong type": (
        GOOD.replace("refresh_minutes = 0", 'refresh_minutes = "soon"').encode(),
        3,
        "refresh_minutes",
    ),
    "non-http scheme": (
        GOOD.replace("http://127.0.0.1:9/wire.xml", "gopher://x/").encode(),
        12,
        "url",
    ),
    "duplicate feed": (
        (GOOD + '\n[[feed]]\nurl = "http://127.0.0.1:9/wire.xml"\n').encode(),
        15,
        "url",
    ),
    "escape in a name": (
        GOOD.replace('"Wire"', '"Wire\\u001b]0;pwned\\u0007"').encode(),
        11,
        "name",
    ),
    "markup key": (
        GOOD.replace("[settings]", '[settings]\n"[@click=app.quit]x" = 1').encode(),
        3,
        "[@click=app.quit]x",
    ),
}


@pytest.fixture
def where(tmp_path: Path) -> loc.Locations:
    (tmp_path / "desk").mkdir()
    (tmp_path / "feeds.toml").write_text(GOOD, encoding="utf-8")
    return loc.resolve(str(tmp_path / "feeds.toml"), str(tmp_path / "cache"))


@pytest.mark.parametrize("case", list(BROKEN))
def test_each_breakage_is_one_line_naming_file_line_and_key(tmp_path: Path, case: str) -> None:
    raw, line, key = BROKEN[case]
    path = tmp_path / "feeds.toml"
    path.write_bytes(raw)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    error = caught.value
    assert str(path) in str(error) and "\n" not in str(error)
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in str(error))
    assert (error.line, error.key) == (line, key)


@pytest.mark.parametrize("case", list(BROKEN))
def test_the_last_good_configuration_is_kept(where: loc.Locations, case: str) -> None:
    first, notices = load_with_fallback(where)
    assert first is not None and notices == []
    assert last_good_path(where).read_text(encoding="utf-8") == GOOD
    raw = BROKEN[case][0]
    where.config.write_bytes(raw)
    config, notices = load_with_fallback(where)
    assert config is not None
    assert [(f.name, f.tags) for f in config.feeds] == [(f.name, f.tags) for f in first.feeds]
    assert config.feeds[1].url == first.feeds[1].url and config.path == where.config
    (notice,) = notices
    assert notice.startswith(str(where.config)) and "\n" not in notice
    assert notice.endswith("using the last good configuration.")
    assert where.config.read_bytes() == raw  # the broken file is the user's to fix
    assert last_good_path(where).read_text(encoding="utf-8") == GOOD


def test_relative_local_feeds_of_the_last_good_copy_resolve_beside_the_users_file(
    where: loc.Locations,
) -> None:
    first, _ = load_with_fallback(where)
    assert first is not None and first.feeds[0].url == str(where.config.parent / "desk/feed.xml")
    where.config.write_bytes(BROKEN["unknown key"][0])
    config, _ = load_with_fallback(where)
    assert config is not None and config.feeds[0].url == first.feeds[0].url


def test_load_config_origin_resolves_relative_feeds_beside_the_origin(tmp_path: Path) -> None:
    copy = tmp_path / "cache" / "feeds.last-good.toml"
    copy.parent.mkdir()
    copy.write_text(GOOD, encoding="utf-8")
    config = load_config(copy, origin=tmp_path / "feeds.toml")
    assert config.path == tmp_path / "feeds.toml"
    assert config.feeds[0].url == str(tmp_path / "desk" / "feed.xml")


async def test_the_app_starts_on_a_broken_file_with_the_last_good_feeds(
    where: loc.Locations,
) -> None:
    load_with_fallback(where)  # an earlier, good start
    raw = BROKEN["markup key"][0]
    where.config.write_bytes(raw)
    stamp = where.config.stat().st_mtime_ns
    config, notices = load_with_fallback(where)
    assert config is not None
    app = make_app(config, where, open_store(where.db), notices=notices, auto_refresh=False)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await wait_for(pilot, lambda: "Local desk" in screen_text(app))
        assert "Wire" in screen_text(app)
        expected = "feeds.toml:3: [@click=app.quit]x: unknown key in [settings]"
        await wait_for(pilot, lambda: any(expected in t for t in toast_texts(app)))
        x, y = find_on_screen(app, "[@click=app.quit]")
        await pilot.click(offset=(x + 3, y))
        await pilot.pause()
        assert app.return_code is None  # the notice is text, not a button
    assert where.config.read_bytes() == raw and where.config.stat().st_mtime_ns == stamp


def sitrep(where: loc.Locations, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "tui",
        "--config",
        str(where.config),
        "--cache",
        str(where.cache_dir),
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "broken"])
def test_no_command_writes_the_users_file_unasked(where: loc.Locations, broken: bool) -> None:
    if broken:
        where.config.write_bytes(BROKEN["unknown key"][0])
    before = (where.config.read_bytes(), where.config.stat().st_mtime_ns)
    for args in (
        ["fetch", "--feeds-only"],
        ["feeds", "list"],
        ["feeds", "export"],
        ["search", "x"],
        ["paths"],
        ["bookmarks"],
        ["vacuum"],
    ):
        sitrep(where, *args)
    # An edit the user asks for is refused while the file is broken, and writes nothing either.
    added = sitrep(where, "feeds", "add", "https://new.example/rss")
    assert (added.returncode == 2) is broken
    if broken:
        assert (where.config.read_bytes(), where.config.stat().st_mtime_ns) == before
        assert sorted(p.name for p in where.config.parent.iterdir() if "feeds" in p.name) == [
            "feeds.toml"
        ]
    else:
        assert where.config.read_bytes().startswith(before[0])  # appended, comments kept


def test_an_imported_list_cannot_smuggle_controls_into_the_config(tmp_path: Path) -> None:
    opml = (
        b'<?xml version="1.0"?><opml><body>'
        b'<outline text="Good" xmlUrl="https://good.example/rss"/>'
        b'<outline text="Esc&#27;]0;t&#7;name" xmlUrl="https://esc.example/&#27;[2J"/>'
        b'<outline text="Break" xmlUrl="https://split.example/a&#10;b"/></body></opml>'
    )
    source = tmp_path / "subs.opml"
    source.write_bytes(opml)
    assert [usable_url(s.url) for s in parse_feed_list(opml)] == [True, False, False]
    where = loc.resolve(str(tmp_path / "feeds.toml"), str(tmp_path / "cache"))
    result = sitrep(where, "feeds", "import", str(source))
    assert result.returncode == 0, result.stderr
    assert "imported 1 feeds" in result.stdout and "2 skipped" in result.stdout
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert [f.url for f in load_config(where.config).feeds] == ["https://good.example/rss"]
