"""Class 10: a damaged, locked or full cache never stops sitrep, and nothing committed is lost.

The cache is filled by the real pipeline (the demo feed served on 127.0.0.1), then damaged the
ways disks and crashes damage files. `open_store` must move a damaged file aside, rebuild, and
say so; the app must start on it and show the notice; a second instance must run read-only; a
full disk mid-refresh must end the refresh with one clear line and leave every earlier commit
readable. (Bookmarks surviving all this is tests/test_recovery.py.)
"""

from __future__ import annotations

import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_app, wait_for, write_config
from tests.hostile.payloads import rss
from tests.hostile.screen import toast_texts
from tests.server import LocalServer
from tui.app.widgets.article_list import ArticleList
from tui.service.config import load_config
from tui.service.refresh import Refresher
from tui.store.recovery import OpenedStore, open_store


async def filled_cache(tmp_path: Path, served_demo: str) -> Path:
    config = write_config(tmp_path / "feeds.toml", [("Wire", served_demo)])
    db = tmp_path / "cache" / "sitrep.db"
    async with Refresher(load_config(config), db, analyze=False) as refresher:
        await refresher.refresh_feeds()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file, as after a clean exit
    conn.close()
    return config


def truncate(db: Path) -> None:
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size // 2)


def corrupt_a_page(db: Path) -> None:
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    conn.close()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5\x5a" * (page_size // 2))


def not_a_database(db: Path) -> None:
    db.write_bytes(b"this was a cache, then something wrote text over it\n" * 200)


DAMAGE = {"truncated": truncate, "corrupted page": corrupt_a_page, "not a database": not_a_database}


def close(opened: OpenedStore) -> None:
    opened.handle.close()
    if opened.lock is not None:
        opened.lock.release()


@pytest.mark.parametrize("damage", list(DAMAGE))
async def test_a_damaged_cache_is_moved_aside_rebuilt_and_reported(
    tmp_path: Path, served_demo: str, damage: str
) -> None:
    config = await filled_cache(tmp_path, served_demo)
    db = tmp_path / "cache" / "sitrep.db"
    DAMAGE[damage](db)
    damaged_bytes = db.read_bytes()
    opened = open_store(db)
    try:
        (notice,) = [n for n in opened.notices if "damaged" in n]
        assert "moved to sitrep.db.damaged-" in notice and "rebuilt" in notice
        aside = [
            p
            for p in db.parent.iterdir()
            if p.name.startswith("sitrep.db.damaged-") and not p.name.endswith(("-wal", "-shm"))
        ]
        assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # kept as it was
        assert opened.handle.run(lambda c: c.execute("PRAGMA quick_check").fetchone()[0]) == "ok"
    finally:
        close(opened)
    async with Refresher(load_config(config), db, analyze=False) as refresher:
        outcomes = await refresher.refresh_feeds()
    assert outcomes[0].new == 10  # rebuilt from the feeds


async def test_the_app_starts_on_a_damaged_cache_and_says_so(
    tmp_path: Path, served_demo: str
) -> None:
    config = await filled_cache(tmp_path, served_demo)
    not_a_database(tmp_path / "cache" / "sitrep.db")
    app = build_app(config, auto_refresh=False)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await wait_for(pilot, lambda: any("was damaged" in t for t in toast_texts(app)))
        (toast,) = [t for t in toast_texts(app) if "was damaged" in t]
        assert "moved to sitrep.db.damaged-" in toast and "rebuilt" in toast
        articles = app.screen.query_one(ArticleList)
        await pilot.press("R")
        await wait_for(pilot, lambda: articles.count == 10)


async def test_a_second_instance_runs_read_only_and_says_so(
    tmp_path: Path, served_demo: str
) -> None:
    config = await filled_cache(tmp_path, served_demo)
    db = tmp_path / "cache" / "sitrep.db"
    first = open_store(db)  # the running sitrep holds the lock
    try:
        before = db.read_bytes()
        app = build_app(config)
        async with app.run_test(size=(160, 40), notifications=True) as pilot:
            articles = app.screen.query_one(ArticleList)
            await wait_for(pilot, lambda: articles.count == 10)
            assert app.library.readonly
            await wait_for(pilot, lambda: any("read-only" in t for t in toast_texts(app)))
            await pilot.press("R")
            await wait_for(pilot, lambda: any("Read-only" in t for t in toast_texts(app)))
            await pilot.press("m")  # mark read: refused or ignored, never written
            await pilot.pause()
        assert db.read_bytes() == before
        assert (
            first.handle.run(lambda c: c.execute("SELECT count(*) FROM articles").fetchone()[0])
            == 10
        )
    finally:
        close(first)


def _disk_of(limit: int):  # type: ignore[no-untyped-def]
    """A child whose files cannot grow past *limit* bytes, as on a full disk (EFBIG, not a
    signal: SIGXFSZ is ignored, so SQLite sees the failed write)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return apply


def test_a_full_disk_mid_refresh_ends_with_one_line_and_loses_nothing(
    tmp_path: Path, http_server: LocalServer
) -> None:
    small = http_server.add(
        "/small.xml",
        rss([{"title": f"Small {n}", "guid": f"s{n}"} for n in range(5)]),
        "application/rss+xml",
    )
    # 8 KB each: the write-ahead log starts empty and may grow to the cache's size plus 64 KB,
    # so the new items must outweigh the whole cache (500 KB with its empty indexes)
    big_items = [
        {"title": f"Big {n}", "guid": f"b{n}", "description": "<p>" + "word " * 1600}
        for n in range(400)
    ]
    big = http_server.add("/big.xml", rss(big_items), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml", [("Small", small)])
    command = [
        sys.executable,
        "-m",
        "tui",
        "--config",
        str(config),
        "--cache",
        str(tmp_path / "cache"),
        "fetch",
        "--feeds-only",
    ]
    assert subprocess.run(command, capture_output=True, timeout=120).returncode == 0
    db = tmp_path / "cache" / "sitrep.db"
    write_config(config, [("Small", small), ("Big", big)])
    full = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_disk_of(db.stat().st_size + 64 * 1024),
    )
    assert full.returncode == 2
    (line,) = [line for line in full.stderr.splitlines() if line.startswith("sitrep:")]
    assert line.startswith(f"sitrep: {db}: cache error:") and "disk" in line
    assert "Traceback" not in full.stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
    finally:
        conn.close()
    assert {f"Small {n}" for n in range(5)} <= titles  # everything committed before is there
    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "Big" in again.stdout  # with room again, it catches up


async def test_the_app_on_a_full_disk_shows_the_cache_and_says_why_refresh_failed(
    tmp_path: Path, http_server: LocalServer, served_demo: str
) -> None:
    config = await filled_cache(tmp_path, served_demo)
    # 8 KB each: the write-ahead log starts empty and may grow to the cache's size plus 64 KB,
    # so the new items must outweigh the whole cache (500 KB with its empty indexes)
    big_items = [
        {"title": f"Big {n}", "guid": f"b{n}", "description": "<p>" + "word " * 1600}
        for n in range(400)
    ]
    big = http_server.add("/big.xml", rss(big_items), "application/rss+xml")
    write_config(config, [("Wire", served_demo), ("Big", big)])
    db = tmp_path / "cache" / "sitrep.db"
    app = build_app(config, auto_refresh=False)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (db.stat().st_size + 64 * 1024, hard))
    try:
        async with app.run_test(size=(160, 40), notifications=True) as pilot:
            articles = app.screen.query_one(ArticleList)
            await wait_for(pilot, lambda: articles.count == 10)  # the cache still reads
            await pilot.press("R")
            await wait_for(pilot, lambda: any("cache error" in t for t in toast_texts(app)))
            await pilot.press("j")
            assert articles.cursor == 1 and app.return_code is None  # still running
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 10
    finally:
        conn.close()
