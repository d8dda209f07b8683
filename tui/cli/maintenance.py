"""`sitrep paths`, `sitrep vacuum`, `sitrep reprocess`."""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
from pathlib import Path

from tui.cli.common import error, load_or_report, resolve_locations, setup_logging
from tui.cli.progress import ProgressDisplay
from tui.core.errors import StoreError
from tui.service.refresh import Refresher
from tui.store import schema, upkeep
from tui.store.handle import InstanceLock


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
        return _vacuum(locations.db)
    config = load_or_report(locations)
    if config is None:
        return 2
    display = ProgressDisplay()

    async def go() -> int:
        async with Refresher(config, locations.db, on_progress=display) as refresher:
            done = await refresher.reprocess(all_articles=args.all)
            await refresher.mark_upgraded()  # the app need not read them again
            return done

    try:
        count = asyncio.run(go())
    except StoreError as exc:
        error(str(exc))
        return 2
    print(f"reprocessed {count} stored pages")
    return 0


def _vacuum(db: Path) -> int:
    """Merge the full-text indexes' segments and give free pages back, in short steps that let
    the app and a refresh carry on (tui/store/upkeep.py). A cache from before schema v8 is
    rewritten once to switch it to incremental mode, which needs the app closed."""
    if not db.exists():
        error(f"{db}: no cache yet (run sitrep fetch first)")
        return 2
    lock = InstanceLock(db.parent)
    alone = lock.acquire()
    try:
        conn = schema.connect(db)
        try:
            before = _size(db)
            done = upkeep.compact(conn, alone=alone, step=lambda what: None)
        finally:
            conn.close()
    except StoreError as exc:
        error(str(exc))
        return 2
    except sqlite3.Error as exc:
        error(f"{db}: cannot compact: {exc} (is sitrep refreshing? try again when it is idle)")
        return 2
    finally:
        if alone:
            lock.release()
    print(f"{db}: {before:,} → {_size(db):,} bytes")
    if not done:
        print("indexes merged; this older cache is rewritten once to give space back, which "
              "needs sitrep closed: run sitrep vacuum again then")  # fmt: skip
    return 0


def _size(db: Path) -> int:
    """The database with its write-ahead log: what the cache takes on disk."""
    wal = db.with_name(db.name + "-wal")
    return db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
