"""Editing feeds.toml: rename, tags and remove keep every comment and the order, leave a .bak,
and never write a file that does not read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.errors import ConfigError
from tui.service.config import load_config
from tui.service.feeds import remove_feed, rename_feed, set_feed_tags

CONFIG = """\
# My feeds. Hand-written comments must survive every edit.
[settings]
refresh_minutes = 0   # manual

# The wire I read first.
[[feed]]
name = "Harbour Watch"   # keep this note
url = "https://harbour.example/rss.xml"
# closing remark about the harbour feed

# A local file.
[[feed]]
name = "Local"
url = "local/feed.xml"
tags = ["home", "demo"]  # tag note
full_text = false
"""
HARBOUR = "https://harbour.example/rss.xml"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def backup(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def test_rename_keeps_comments_and_order_and_leaves_a_backup(config: Path) -> None:
    assert rename_feed(config, HARBOUR, "Harbour Watch (evening)")
    text = config.read_text(encoding="utf-8")
    assert comments(text) == comments(CONFIG)
    assert 'name = "Harbour Watch (evening)"   # keep this note' in text
    assert backup(config).read_text(encoding="utf-8") == CONFIG
    feeds = load_config(config).feeds
    assert [f.name for f in feeds] == ["Harbour Watch (evening)", "Local"]


def test_rename_finds_a_local_feed_by_its_resolved_path(config: Path) -> None:
    resolved = load_config(config).feeds[1].url  # what the app knows the feed by
    assert resolved != "local/feed.xml"
    assert rename_feed(config, resolved, "Home wire")
    assert 'url = "local/feed.xml"' in config.read_text(encoding="utf-8")
    assert load_config(config).feeds[1].name == "Home wire"


def test_rename_strips_control_characters(config: Path) -> None:
    assert rename_feed(config, HARBOUR, "Harbour\x1b[31m Watch\x07")
    assert "\x1b" not in config.read_text(encoding="utf-8")
    assert load_config(config).feeds[0].name.startswith("Harbour")


def test_rename_refuses_an_empty_name_and_an_unknown_feed(config: Path) -> None:
    with pytest.raises(ConfigError, match="name"):
        rename_feed(config, HARBOUR, "  \t ")
    assert not rename_feed(config, "https://nowhere.example/rss", "X")
    assert config.read_text(encoding="utf-8") == CONFIG
    assert not backup(config).exists()


def test_tags_are_added_after_the_last_key_not_after_closing_comments(config: Path) -> None:
    assert set_feed_tags(config, HARBOUR, ["ports", "shipping"])
    text = config.read_text(encoding="utf-8")
    assert comments(text) == comments(CONFIG)
    url_line = text.index(f'url = "{HARBOUR}"')
    tags_line = text.index('tags = ["ports", "shipping"]')
    assert url_line < tags_line < text.index("# closing remark about the harbour feed")
    assert load_config(config).feeds[0].tags == ("ports", "shipping")
    assert backup(config).read_text(encoding="utf-8") == CONFIG


def test_tags_are_replaced_in_place_split_and_deduplicated(config: Path) -> None:
    local = load_config(config).feeds[1].url
    assert set_feed_tags(config, local, ["home, world", "home", ""])
    text = config.read_text(encoding="utf-8")
    assert 'tags = ["home", "world"]  # tag note' in text
    assert text.index("tags =") < text.index("full_text = false")
    assert load_config(config).feeds[1].tags == ("home", "world")


def test_no_tags_removes_the_key(config: Path) -> None:
    local = load_config(config).feeds[1].url
    assert set_feed_tags(config, local, [])
    assert "tags" not in config.read_text(encoding="utf-8")
    assert load_config(config).feeds[1].tags == ()
    assert not set_feed_tags(config, "https://nowhere.example/rss", ["x"])


def test_remove_keeps_the_other_feed_and_the_comments(config: Path) -> None:
    assert remove_feed(config, HARBOUR)
    text = config.read_text(encoding="utf-8")
    assert "# My feeds. Hand-written comments must survive every edit." in text
    assert "# A local file." in text
    assert [f.name for f in load_config(config).feeds] == ["Local"]
    assert backup(config).read_text(encoding="utf-8") == CONFIG
    assert not remove_feed(config, HARBOUR)


def test_an_invalid_file_is_never_edited(config: Path) -> None:
    broken = CONFIG.replace("refresh_minutes = 0", 'refresh_minutes = "soon"')
    config.write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError, match="refresh_minutes"):
        rename_feed(config, HARBOUR, "New")
    with pytest.raises(ConfigError):
        set_feed_tags(config, HARBOUR, ["x"])
    assert config.read_text(encoding="utf-8") == broken
    assert not backup(config).exists()


def test_a_keys_table_between_feeds_stays_where_it_is(config: Path) -> None:
    # `sitrep feeds add` appends after whatever ends the file, [keys] included.
    text = (
        CONFIG + '\n[keys]\nfilter = "f"   # my key\n\n[[feed]]  # added later\n'
        'name = "Late"\nurl = "https://late.example/rss"\n'
    )
    config.write_text(text, encoding="utf-8")
    assert set_feed_tags(config, "https://late.example/rss", ["late"])
    assert rename_feed(config, HARBOUR, "Harbour")
    edited = config.read_text(encoding="utf-8")
    assert edited == text.replace('"Harbour Watch"', '"Harbour"').replace(
        'url = "https://late.example/rss"\n', 'url = "https://late.example/rss"\ntags = ["late"]\n'
    )
    assert remove_feed(config, "https://late.example/rss")
    assert config.read_text(encoding="utf-8").endswith('[keys]\nfilter = "f"   # my key\n\n')
    assert load_config(config).keys["filter"] == "f"


def test_feeds_written_as_inline_tables_are_refused_not_mangled(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    text = 'feed = [{ name = "A", url = "https://a.example/rss" }]\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="by hand"):
        rename_feed(path, "https://a.example/rss", "B")
    assert path.read_text(encoding="utf-8") == text
