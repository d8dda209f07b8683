"""What every subcommand needs: locations, the config, logging, error printing."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys

from tui.core.errors import ConfigError, SitrepError
from tui.service import locations as loc
from tui.service.config import Config, load_config


def error(message: str) -> None:
    print(f"sitrep: {message}", file=sys.stderr)


def resolve_locations(args: argparse.Namespace) -> loc.Locations:
    locations = loc.resolve(args.config, args.cache)
    loc.ensure_config(locations)
    return locations


def setup_logging(locations: loc.Locations) -> None:
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


def load_or_report(locations: loc.Locations) -> Config | None:
    try:
        return load_config(locations.config)
    except ConfigError as exc:
        error(str(exc))
        return None


def report(exc: SitrepError) -> int:
    error(str(exc))
    return 2
