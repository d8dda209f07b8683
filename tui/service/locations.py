"""Every path sitrep uses, decided in one place.

Precedence: command-line flags > environment (SITREP_CONFIG, SITREP_CACHE) > a `feeds.toml` in the
current directory (a checkout; its cache is `./cache` beside it) > the user's config and cache
directories (platformdirs), where the config is created from the bundled default on first run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "sitrep"
PACKAGE_DIR = Path(__file__).resolve().parent
DEMO_FEED = PACKAGE_DIR / "demo" / "feed.xml"


@dataclass(frozen=True, slots=True)
class Locations:
    config: Path
    cache_dir: Path
    config_source: str  # "flag", "env", "cwd" or "user"
    cache_source: str

    @property
    def db(self) -> Path:
        return self.cache_dir / "sitrep.db"

    @property
    def log(self) -> Path:
        return self.cache_dir / "sitrep.log"

    @property
    def bookmarks_journal(self) -> Path:
        return self.cache_dir / "bookmarks.jsonl"


def resolve(
    config: str | None = None,
    cache: str | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Locations:
    env = dict(os.environ) if env is None else env
    cwd = cwd or Path.cwd()
    if config:
        config_path, config_source = Path(config).expanduser(), "flag"
    elif env.get("SITREP_CONFIG"):
        config_path, config_source = Path(env["SITREP_CONFIG"]).expanduser(), "env"
    elif (cwd / "feeds.toml").is_file():
        config_path, config_source = cwd / "feeds.toml", "cwd"
    else:
        config_path = Path(platformdirs.user_config_dir(APP_NAME)) / "feeds.toml"
        config_source = "user"
    if cache:
        cache_dir, cache_source = Path(cache).expanduser(), "flag"
    elif env.get("SITREP_CACHE"):
        cache_dir, cache_source = Path(env["SITREP_CACHE"]).expanduser(), "env"
    elif config_source == "user":
        cache_dir, cache_source = Path(platformdirs.user_cache_dir(APP_NAME)), "user"
    else:
        cache_dir, cache_source = config_path.resolve().parent / "cache", "config"
    return Locations(config_path.absolute(), cache_dir.absolute(), config_source, cache_source)


def default_config_text() -> str:
    """The config written on first run outside a checkout: the bundled demo feed only."""
    return (
        "# sitrep configuration. See the README for every setting.\n"
        "[settings]\nrefresh_minutes = 30\n\n"
        "[[feed]]\n"
        'name = "Demo: Frontline Wire"\n'
        f'url = "{DEMO_FEED.as_posix()}"\n'
        'tags = ["demo"]\n'
    )


def ensure_config(locations: Locations) -> bool:
    """Create the user config from the default when it is missing. True if created."""
    if locations.config.exists() or locations.config_source != "user":
        return False
    locations.config.parent.mkdir(parents=True, exist_ok=True)
    locations.config.write_text(default_config_text(), encoding="utf-8")
    return True
