"""Where files live: flags > environment > ./feeds.toml (checkout) > the user's directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.service import locations as loc
from tui.service.config import load_config


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    return tmp_path / "home"


def test_checkout_uses_local_config_and_cache(tmp_path: Path, home: Path) -> None:
    (tmp_path / "feeds.toml").write_text("", encoding="utf-8")
    where = loc.resolve(cwd=tmp_path, env={})
    assert where.config == tmp_path / "feeds.toml" and where.config_source == "cwd"
    assert where.cache_dir == tmp_path / "cache" and where.db == tmp_path / "cache" / "sitrep.db"


def test_elsewhere_uses_user_dirs_and_creates_default(tmp_path: Path, home: Path) -> None:
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    where = loc.resolve(cwd=empty, env={})
    assert where.config_source == "user" and str(where.config).startswith(str(home))
    assert str(where.cache_dir).startswith(str(home))
    assert loc.ensure_config(where) is True
    config = load_config(where.config)
    assert [f.url for f in config.feeds] == [str(loc.DEMO_FEED)]
    assert loc.ensure_config(where) is False  # never overwritten


def test_flags_beat_environment_beat_cwd(tmp_path: Path, home: Path) -> None:
    (tmp_path / "feeds.toml").write_text("", encoding="utf-8")
    env = {"SITREP_CONFIG": str(tmp_path / "env.toml"), "SITREP_CACHE": str(tmp_path / "envc")}
    from_env = loc.resolve(cwd=tmp_path, env=env)
    assert (from_env.config, from_env.cache_dir) == (tmp_path / "env.toml", tmp_path / "envc")
    from_flags = loc.resolve(str(tmp_path / "f.toml"), str(tmp_path / "fc"), cwd=tmp_path, env=env)
    assert (from_flags.config, from_flags.cache_dir) == (tmp_path / "f.toml", tmp_path / "fc")
    assert from_flags.config_source == from_flags.cache_source == "flag"
