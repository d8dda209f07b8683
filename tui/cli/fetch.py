"""`sitrep fetch`: refresh every feed headlessly, then print a per-feed summary."""

from __future__ import annotations

import argparse
import asyncio
import sys

from tui.cli.common import (
    announce_upgrade,
    error,
    load_or_report,
    resolve_locations,
    setup_logging,
)
from tui.cli.progress import ProgressDisplay
from tui.core.errors import StoreError
from tui.service.refresh import FeedOutcome, Refresher


def run_fetch(args: argparse.Namespace) -> int:
    locations = resolve_locations(args)
    setup_logging(locations)
    config = load_or_report(locations)
    if config is None:
        return 2
    display = ProgressDisplay(quiet=args.quiet)
    announce_upgrade(locations)

    async def go() -> tuple[list[FeedOutcome], int]:
        async with Refresher(config, locations.db, on_progress=display) as refresher:
            outcomes = await refresher.refresh(pages=not args.feeds_only)
            return outcomes, 0 if args.quiet else await refresher.upgrade_pending()

    try:
        outcomes, stale = asyncio.run(go())
    except StoreError as exc:
        error(str(exc))
        return 2
    except KeyboardInterrupt:
        error("interrupted; what was fetched so far is saved")
        return 130
    print_summary(outcomes, quiet=args.quiet)
    if stale:
        error(
            f"note: {stale:,} stored article{'s were' if stale != 1 else ' was'} read by an "
            "older analyzer; `sitrep reprocess` reads them again "
            "(the app does it on its next start)"
        )
    failed = sum(1 for o in outcomes if o.status == "error")
    return 1 if outcomes and failed == len(outcomes) else 0


def print_summary(outcomes: list[FeedOutcome], *, quiet: bool) -> None:
    out = sys.stdout
    failed = [o for o in outcomes if o.status == "error"]
    if quiet:
        for outcome in failed:
            error(f"{outcome.name}: {outcome.error}")
        for outcome in outcomes:
            if outcome.warning:
                error(f"{outcome.name}: {outcome.warning}")
        return
    width = min(48, max((len(o.name) for o in outcomes), default=4))
    for outcome in outcomes:
        name = outcome.name if len(outcome.name) <= width else outcome.name[: width - 1] + "…"
        if outcome.status == "updated":
            what = f"{outcome.new} new"
            if outcome.warning:
                what += f"  warning: {outcome.warning}"
        elif outcome.status == "not-modified":
            what = "304 not modified"
        else:
            what = f"error: {outcome.error}"
        out.write(f"{name:<{width}}  {what}\n")
    new = sum(o.new for o in outcomes)
    unchanged = sum(1 for o in outcomes if o.status == "not-modified")
    out.write(
        f"{len(outcomes)} feeds: {new} new items, {unchanged} not modified, {len(failed)} failed\n"
    )
