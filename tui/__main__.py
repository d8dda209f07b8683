"""The `sitrep` command: opens the app by default; subcommands work headlessly.

Textual is imported only when the app opens, so headless commands start fast.
"""

from __future__ import annotations

import argparse
import sys

from tui import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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

    search = sub.add_parser("search", help="search the cache")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--saved", metavar="NAME", help="a [[search]] of feeds.toml, by name")

    bookmarks = sub.add_parser("bookmarks", help="list or export bookmarks")
    bookmarks.add_argument("action", nargs="?", choices=["list", "export"], default="list")
    bookmarks.add_argument("--format", choices=["md", "json", "csv"], default="md")
    bookmarks.add_argument("-o", "--output", metavar="FILE")

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
    args = build_parser().parse_args(argv)
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
    if command == "bookmarks":
        from tui.cli.bookmarks import run_bookmarks

        return run_bookmarks(args)
    from tui.cli.maintenance import run_maintenance

    return run_maintenance(args)


def run_app(args: argparse.Namespace) -> int:
    """`sitrep` with no subcommand: the config (or its last good copy), the cache, the app.
    This module is the one place that wires the app to the service layer."""
    from tui.cli.common import error, resolve_locations
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
