"""The `sitrep` command: opens the app by default; subcommands work headlessly.

Textual is imported only when the app opens, so headless commands start fast.
"""

from __future__ import annotations

import argparse
import logging
import sys

from tui import __version__
from tui.core.errors import SitrepError

MAX_LIMIT = 1_000_000
log = logging.getLogger("sitrep")


class Parser(argparse.ArgumentParser):
    """argparse that reports a mistake in one line (its usage block is what `--help` is for)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = ""
        if "unrecognized arguments: -" in message or "expected one argument" in message:
            hint = "; a value that starts with - goes after --, as in: sitrep search -- -word"
        self.exit(2, f"{self.prog}: {message}{hint} (see {self.prog} --help)\n")


def limit_count(text: str) -> int:
    """--limit N: a count SQLite can take, and one a person could read."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT:,}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="sitrep",
        description=("A terminal reader for conflict news that shows who claims what."),
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    parser.add_argument("--config", metavar="FILE", help="feeds.toml to use")
    parser.add_argument("--cache", metavar="DIR", help="cache directory (database, logs)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    fetch = sub.add_parser("fetch", help="refresh every feed headlessly")
    fetch.add_argument("--feeds-only", action="store_true", help="do not fetch article pages")
    fetch.add_argument("--quiet", action="store_true", help="print nothing but errors")

    analyze = sub.add_parser("analyze", help="extract and analyze pages (no store writes)")
    analyze.add_argument("inputs", nargs="+", metavar="PATH|URL|-")
    analyze.add_argument("--json", action="store_true", help="print JSON (JSON Lines for several)")

    search = sub.add_parser(
        "search",
        help="search the cache",
        epilog="A query that starts with - (a negated word) goes after --: "
        "sitrep search -- -kharkiv drone",
    )
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=limit_count, default=50, metavar="N")
    search.add_argument("--saved", metavar="NAME", help="a [[search]] of feeds.toml, by name")

    stories = sub.add_parser("stories", help="the same event across outlets")
    stories.add_argument("--since", metavar="SPAN", help="seen since: 3d, 12h, 2w or a date")
    stories.add_argument("--all", action="store_true", help="one-article stories too")
    stories.add_argument("--json", action="store_true", help="JSON Lines, one story a line")

    bookmarks = sub.add_parser("bookmarks", help="list or export bookmarks")
    bookmarks.add_argument("action", nargs="?", choices=["list", "export"], default="list")
    bookmarks.add_argument("--format", choices=["md", "json", "csv"], default="md")
    bookmarks.add_argument("-o", "--output", metavar="FILE", help="write to FILE (a new file)")
    bookmarks.add_argument("--force", action="store_true", help="replace FILE if it exists")

    feeds = sub.add_parser("feeds", help="list, add, remove, import or export feeds")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION")
    feeds_sub.add_parser("list", help="list configured feeds with their status")
    add = feeds_sub.add_parser("add", help="add a feed")
    add.add_argument("url")
    add.add_argument("--name", default="")
    add.add_argument("--tag", action="append", default=[])
    remove = feeds_sub.add_parser("remove", help="remove a feed")
    remove.add_argument("url")
    imp = feeds_sub.add_parser("import", help="import OPML or a list of URLs (one a line)")
    imp.add_argument("file")
    feeds_sub.add_parser("export", help="print the feeds as OPML")

    reprocess = sub.add_parser("reprocess", help="rerun extraction + analysis on stored pages")
    reprocess.add_argument(
        "--all",
        action="store_true",
        help="every stored page, not only those from an older analyzer",
    )
    sub.add_parser("paths", help="print the files in use")
    sub.add_parser("vacuum", help="compact the cache database")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Every failure ends in one line on stderr and a non-zero exit, never a traceback: the
    expected ones are reported where they happen; anything else is logged with its traceback
    (in the cache's sitrep.log) and summed up here."""
    args = build_parser().parse_args(argv)
    try:
        return dispatch(args)
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: a bug must not print a traceback
        if isinstance(exc, SitrepError):
            print(f"sitrep: {exc}", file=sys.stderr)
            return 2
        if isinstance(exc, OSError) and exc.strerror:
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"sitrep: {where}{exc.strerror}", file=sys.stderr)
            return 2
        log.exception("sitrep %s failed", args.command or "app")
        detail = " ".join(str(exc).split())[:160]
        print(f"sitrep: unexpected error ({type(exc).__name__}: {detail}); details in the log "
              "(sitrep paths shows where)", file=sys.stderr)
        return 70


def dispatch(args: argparse.Namespace) -> int:
    command = args.command or "app"
    if command == "app":
        return run_app(args)
    if command == "fetch":
        from tui.cli.fetch import run_fetch

        return run_fetch(args)
    if command == "analyze":
        from tui.cli.analyze import run_analyze

        return run_analyze(args)
    if command == "search":
        from tui.cli.search import run_search

        return run_search(args)
    if command == "feeds":
        from tui.cli.feeds import run_feeds

        return run_feeds(args)
    if command == "stories":
        from tui.cli.stories import run_stories

        return run_stories(args)
    if command == "bookmarks":
        from tui.cli.bookmarks import run_bookmarks

        return run_bookmarks(args)
    from tui.cli.maintenance import run_maintenance

    return run_maintenance(args)


def run_app(args: argparse.Namespace) -> int:
    """`sitrep` with no subcommand: the config (or its last good copy), the cache, the app.
    This module is the one place that wires the app to the service layer."""
    from tui.cli.common import announce_upgrade, error, resolve_locations
    from tui.core.errors import StoreError
    from tui.service.library import open_store
    from tui.service.startup import load_with_fallback, setup_logging

    locations = resolve_locations(args)
    setup_logging(locations)
    config, notices = load_with_fallback(locations)
    if config is None:
        error(notices[0])
        error("fix the file and start sitrep again (no earlier good copy to fall back on)")
        return 2
    announce_upgrade(locations)
    try:
        opened = open_store(locations.db)
    except StoreError as exc:
        error(str(exc))
        return 2
    from tui.app import make_app  # Textual loads only when the app opens

    make_app(config, locations, opened, notices=notices).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
