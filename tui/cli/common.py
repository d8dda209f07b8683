"""What every subcommand needs: locations, the config, logging, error printing."""

from __future__ import annotations

import argparse
import sys

from tui.core.errors import ConfigError, SitrepError
from tui.service import locations as loc
from tui.service.config import Config, load_config
from tui.service.startup import setup_logging, upgrade_notice

__all__ = ["error", "load_or_report", "report", "resolve_locations", "setup_logging"]


def error(message: str) -> None:
    print(f"sitrep: {message}", file=sys.stderr)


def announce_upgrade(locations: loc.Locations) -> None:
    if (notice := upgrade_notice(locations)) is not None:
        error(notice)


def resolve_locations(args: argparse.Namespace) -> loc.Locations:
    """Where everything is, the user's config created on first run, and logging to the cache's
    log file (a library that logs a traceback must not print it on the terminal)."""
    locations = loc.resolve(args.config, args.cache)
    try:
        loc.ensure_config(locations)
    except OSError as exc:
        raise ConfigError(str(locations.config), f"cannot create: {exc.strerror or exc}") from None
    setup_logging(locations)
    return locations


def load_or_report(locations: loc.Locations) -> Config | None:
    try:
        return load_config(locations.config)
    except ConfigError as exc:
        error(str(exc))
        return None


def report(exc: SitrepError) -> int:
    error(str(exc))
    return 2
