"""`sitrep` with no subcommand: open the app."""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path

from tui.cli.common import error, resolve_locations, setup_logging
from tui.core.errors import ConfigError, StoreError
from tui.service.config import Config, load_config
from tui.service.locations import Locations

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


def run_app(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    setup_logging(locations)
    config, notices = load_with_fallback(locations)
    if config is None:
        error(notices[0])
        error("fix the file and start sitrep again (no earlier good copy to fall back on)")
        return 2
    from tui.app import make_app
    from tui.store.recovery import open_store

    try:
        opened = open_store(locations.db)
    except StoreError as exc:
        error(str(exc))
        return 2
    app = make_app(config, locations, opened, notices=notices)
    app.run()
    return 0
