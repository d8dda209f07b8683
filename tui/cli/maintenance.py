"""`sitrep paths`, `sitrep vacuum`, `sitrep reprocess`."""

from __future__ import annotations

import argparse
import asyncio

from tui.cli.common import error, load_or_report, resolve_locations, setup_logging
from tui.cli.progress import ProgressDisplay
from tui.core.errors import StoreError
from tui.service.refresh import Refresher
from tui.store import schema


def run_maintenance(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    if args.command == "paths":
        print(f"config     {locations.config}  ({locations.config_source})")
        print(f"cache dir  {locations.cache_dir}  ({locations.cache_source})")
        print(f"database   {locations.db}")
        print(f"bookmarks  {locations.bookmarks_journal}")
        print(f"log        {locations.log}")
        return 0
    setup_logging(locations)
    if args.command == "vacuum":
        try:
            conn = schema.connect(locations.db)
            before = locations.db.stat().st_size
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('optimize')")
            conn.execute("VACUUM")
            conn.close()
        except StoreError as exc:
            error(str(exc))
            return 2
        after = locations.db.stat().st_size
        print(f"{locations.db}: {before:,} → {after:,} bytes")
        return 0
    config = load_or_report(locations)
    if config is None:
        return 2
    display = ProgressDisplay()

    async def go() -> int:
        async with Refresher(config, locations.db, on_progress=display) as refresher:
            return await refresher.reprocess(all_articles=args.all)

    try:
        count = asyncio.run(go())
    except StoreError as exc:
        error(str(exc))
        return 2
    print(f"reprocessed {count} stored pages")
    return 0
