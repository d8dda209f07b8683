"""feeds.toml validation: every error names the file, the line and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.errors import ConfigError
from tui.service.config import load_config


def load_text(tmp_path: Path, text: str | bytes) -> ConfigError:
    path = tmp_path / "feeds.toml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)  # one line
    return info.value


def test_valid_config_with_defaults_and_relative_local_feed(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[settings]\nper_host = 2\n\n[[feed]]\nname = "Demo"\nurl = "demo/feed.xml"\n'
        'tags = ["a", "b"]\n\n[[feed]]\nurl = "https://example.org/rss"\n'
        "full_text = false\n",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.settings.per_host == 2
    assert config.settings.timeout_seconds == 20
    demo, remote = config.feeds
    assert demo.url == str(tmp_path / "demo" / "feed.xml") and demo.is_local
    assert demo.tags == ("a", "b")
    assert remote.name == "https://example.org/rss" and not remote.full_text


def test_unknown_key_names_line_and_key(tmp_path: Path) -> None:
    error = load_text(tmp_path, "[settings]\nrefresh_minutes = 5\nconcurency = 4\n")
    assert (error.line, error.key) == (3, "concurency")
    assert "unknown key" in error.reason


def test_unknown_key_in_second_feed(tmp_path: Path) -> None:
    error = load_text(
        tmp_path,
        '[[feed]]\nurl = "https://a.example/rss"\n\n'
        '[[feed]]\nurl = "https://b.example/rss"\ntgas = ["x"]\n',
    )
    assert (error.line, error.key) == (6, "tgas")


def test_wrong_type(tmp_path: Path) -> None:
    error = load_text(tmp_path, '[settings]\n\nconcurrency = "many"\n')
    assert (error.line, error.key) == (3, "concurrency")
    assert "integer" in error.reason


def test_boolean_is_not_a_number(tmp_path: Path) -> None:
    error = load_text(tmp_path, "[settings]\nper_host = true\n")
    assert error.key == "per_host"


@pytest.mark.parametrize(
    "url", ["ftp://example.org/feed", "javascript:alert(1)", "data:text/xml,<rss/>", "gopher://x/"]
)
def test_non_http_scheme(tmp_path: Path, url: str) -> None:
    error = load_text(tmp_path, f'[[feed]]\nname = "x"\nurl = "{url}"\n')
    assert (error.line, error.key) == (3, "url")
    assert "scheme" in error.reason


def test_duplicate_feed(tmp_path: Path) -> None:
    error = load_text(
        tmp_path,
        '[[feed]]\nurl = "https://a.example/rss"\n\n[[feed]]\nurl = "https://a.example/rss"\n',
    )
    assert (error.line, error.key) == (5, "url")
    assert "duplicate" in error.reason


def test_broken_toml_names_line(tmp_path: Path) -> None:
    error = load_text(tmp_path, '[settings]\nconcurrency = 4\n[[feed]\nurl = "x"\n')
    assert error.line == 3
    assert "not valid TOML" in error.reason


def test_bom(tmp_path: Path) -> None:
    error = load_text(tmp_path, b"\xef\xbb\xbf[settings]\nconcurrency = 4\n")
    assert error.line == 1 and "byte order mark" in error.reason


def test_latin1_bytes(tmp_path: Path) -> None:
    error = load_text(
        tmp_path, '[[feed]]\nname = "Défense"\nurl = "https://a.example/"\n'.encode("latin-1")
    )
    assert error.line == 2 and "UTF-8" in error.reason


def test_nul_byte(tmp_path: Path) -> None:
    error = load_text(tmp_path, b"[settings]\nconcurrency = 4\x00\n")
    assert error.line == 2 and "NUL" in error.reason


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    error = load_text(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "TOML" in error.reason or "key" in str(error)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "absent.toml")


def test_keys_section_must_be_strings(tmp_path: Path) -> None:
    error = load_text(tmp_path, "[keys]\nquit = 3\n")
    assert (error.line, error.key) == (2, "keys.quit")


def test_keys_section_rejects_an_unknown_action(tmp_path: Path) -> None:
    error = load_text(tmp_path, '[keys]\nfilter = "f"\nfiltr = "g"\n')
    assert (error.line, error.key) == (3, "keys.filtr")
    assert "unknown action" in error.reason and "filter" in error.reason


def test_every_binding_of_the_app_can_be_named_in_keys() -> None:
    """tui.service.keys.ACTIONS is exactly the set of binding ids the app's screens and widgets
    have, and every binding has one (so every key can be changed); the README lists them all."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import tui
    from tui.service.keys import ACTIONS

    for module in pkgutil.walk_packages(tui.__path__, "tui."):
        if module.name.startswith(("tui.pipeline", "tui.store", "tui.cli")):
            continue
        importlib.import_module(module.name)
    ids: set[str] = set()
    missing: list[str] = []
    stack: list[type] = [DOMNode]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if not cls.__module__.startswith("tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if binding.id is None:
                missing.append(f"{cls.__name__}: {binding.key} → {binding.action}")
            else:
                ids.add(binding.id)
    assert missing == []
    assert ids == ACTIONS
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"[a-z_]+", readme.split("Actions:", 1)[1].split("\n\n", 1)[0]))
    assert sorted(ACTIONS - listed) == []
