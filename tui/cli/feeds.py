"""`sitrep feeds list|add|remove|import|export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import error, load_or_report, resolve_locations
from tui.core.errors import ConfigError, StoreError
from tui.core.sanitize import clean_line
from tui.service.feeds import (
    FeedSpec,
    add_feeds,
    export_opml,
    parse_feed_list,
    read_feed_list,
    remove_feed,
    usable_url,
)
from tui.store import store
from tui.store.handle import connect_reading


def run_feeds(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    action = args.feeds_command or "list"
    try:
        backups = locations.cache_dir
        if action == "add":
            spec = FeedSpec(args.url, args.name, tuple(args.tag))
            added, _ = add_feeds(locations.config, [spec], backup_dir=backups)
            print(f"added {args.url}" if added else f"already configured: {args.url}")
            return 0
        if action == "remove":
            if remove_feed(locations.config, args.url, backup_dir=backups):
                print(f"removed {args.url}")
                return 0
            error(f"no feed with url {args.url} in {locations.config}")
            return 1
        if action == "import":
            return _import(locations.config, Path(args.file), backups)
    except ConfigError as exc:
        error(str(exc))
        return 2
    config = load_or_report(locations)
    if config is None:
        return 2
    if action == "export":
        sys.stdout.write(export_opml(config))
        return 0
    return _list(config, locations.db)


def _import(config_path: Path, source: Path, backups: Path) -> int:
    try:
        data = read_feed_list(source)
    except OSError as exc:
        error(f"{source}: {exc.strerror or exc}")
        return 2
    except ValueError as exc:
        error(f"{source}: {exc}")
        return 2
    try:
        specs = parse_feed_list(data)
    except (ValueError, SyntaxError) as exc:  # lxml's XMLSyntaxError is a SyntaxError
        error(f"{source}: not an OPML file or a URL list ({clean_line(str(exc))[:120]})")
        return 2
    good, bad = [], []
    for spec in specs:
        (good if usable_url(spec.url) else bad).append(spec)
    for spec in bad:  # the list is a stranger's: never print its text raw to the terminal
        error(f"{source}: skipped (not an http(s) URL): {clean_line(spec.url)[:200]}")
    added, skipped = add_feeds(config_path, good, backup_dir=backups)
    print(
        f"imported {len(added)} feeds into {config_path} "
        f"({len(skipped)} already there, {len(bad)} skipped)"
    )
    return 0


def _list(config, db_path: Path) -> int:  # type: ignore[no-untyped-def]
    status: dict[str, object] = {}
    if db_path.exists():
        try:
            conn = connect_reading(db_path)
            status = {row["url"]: row for row in store.list_feeds(conn)}
            conn.close()
        except StoreError:
            status = {}
    for feed in config.feeds:
        row = status.get(feed.url)
        tags = f" [{', '.join(feed.tags)}]" if feed.tags else ""
        state = ""
        if row is not None:
            state = f"  {row['article_count']} articles, {row['unread']} unread"  # type: ignore[index]
            if row["last_error"]:  # type: ignore[index]
                state += f"  ERROR: {row['last_error']}"  # type: ignore[index]
        print(f"{feed.name}{tags}\n    {feed.url}{state}")
    return 0
