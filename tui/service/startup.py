"""Starting sitrep: the configuration with its last good copy, logging, and the cache opened.

Used by `sitrep` itself (tui/__main__.py, which then builds the app) and by the headless commands.
"""

from __future__ import annotations

import logging
import logging.handlers
import shutil
from pathlib import Path

from tui.core.errors import ConfigError
from tui.service.config import Config, load_config
from tui.service.locations import Locations
from tui.store.handle import pending_upgrade
from tui.store.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)


def last_good_path(locations: Locations) -> Path:
    return locations.cache_dir / "feeds.last-good.toml"


def load_with_fallback(locations: Locations) -> tuple[Config | None, list[str]]:
    """The config, or the last good copy of it when the file is broken (with a notice)."""
    try:
        config = load_config(locations.config)
    except ConfigError as exc:
        backup = last_good_path(locations)
        if backup.exists():
            try:
                good = load_config(backup, origin=locations.config)
            except ConfigError:
                return None, [str(exc)]
            # Keep the user's path so relative feeds and messages still point at their file.
            config = Config(
                path=locations.config, settings=good.settings, feeds=good.feeds, keys=good.keys
            )
            return config, [f"{exc} — using the last good configuration."]
        return None, [str(exc)]
    try:
        locations.cache_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(locations.config, last_good_path(locations))
    except OSError as exc:
        log.warning("could not keep a copy of the config: %s", exc)
    return config, []


def setup_logging(locations: Locations) -> None:
    """Logs go to a rotating file in the cache dir, never to the terminal."""
    try:
        locations.cache_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            locations.log, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    # httpx/httpcore log every request at INFO: thousands of lines per refresh, no information.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def upgrade_notice(locations: Locations) -> str | None:
    """What to say before a cache made by an older sitrep is upgraded (None: nothing to do).
    On a large cache that takes minutes (a million articles: about six minutes of CPU), with
    nothing else on screen meanwhile."""
    version = pending_upgrade(locations.db)
    if version is None:
        return None
    return (
        f"upgrading the cache from schema {version} to {SCHEMA_VERSION} (once; a backup is kept "
        f"beside it; a large cache takes a few minutes)"
    )
