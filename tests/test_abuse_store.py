"""The cache under pressure: `sitrep vacuum`, a full disk at start and during a refresh.

A full disk is made with RLIMIT_FSIZE in a child process (no file may grow past the limit, and
writes then fail with EFBIG as they fail with ENOSPC on a full file system), so the tests run
without root; the same paths were checked on a full tmpfs (see the report of this change).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import build_seed_cache, write_config
from tests.server import LocalServer
from tui.store import schema

LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full file system answers EFBIG, not a signal
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
"""

OPEN_ON_FULL_DISK = LIMITED + """
import json
from pathlib import Path
from tui.store.recovery import open_store
opened = open_store(Path(sys.argv[2]))
count = opened.handle.run(lambda c: c.execute("SELECT count(*) FROM articles").fetchone()[0])
marks = opened.handle.run(lambda c: c.execute("SELECT count(*) FROM bookmarks").fetchone()[0])
print(json.dumps({"readonly": opened.readonly, "why": opened.why_readonly,
                  "notices": opened.notices, "articles": count, "bookmarks": marks}))
"""

REFRESH_ON_FULL_DISK = LIMITED + """
import asyncio, json
from pathlib import Path
from tui.core.errors import StoreError
from tui.service.config import load_config
from tui.service.refresh import Refresher
events = []
async def go():
    config = load_config(Path(sys.argv[2]))
    async with Refresher(config, Path(sys.argv[3]), on_progress=events.append) as refresher:
        await refresher.refresh_feeds()
try:
    asyncio.run(go())
    error = ""
except StoreError as exc:
    error = str(exc)
print(json.dumps({"error": error, "events": [[e.phase, e.done, e.total, e.failed]
                                             for e in events]}))
"""


def child(code: str, *args: object) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_vacuum_compacts_the_cache(seed_cache: tuple[Path, dict]) -> None:
    directory, _ = seed_cache
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(directory / "feeds.toml"), "--cache",
         str(directory / "cache"), "vacuum"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "bytes" in done.stdout and "→" in done.stdout


def test_a_full_disk_at_start_opens_the_cache_read_only(tmp_path: Path) -> None:
    build_seed_cache(tmp_path)
    db = tmp_path / "cache" / "sitrep.db"
    result = child(OPEN_ON_FULL_DISK, 16 * 1024, db)  # not even the WAL index fits
    assert result["readonly"] and result["why"] == "disk full"
    assert result["articles"] == 8 and result["bookmarks"] == 1
    (notice,) = result["notices"]
    assert "disk holding the cache is full" in str(notice)


def test_a_refresh_that_fills_the_disk_ends_its_progress(
    tmp_path: Path, http_server: LocalServer
) -> None:
    # 650 KB of text: more than the 64 KB left over the empty cache
    long = "Officials said the convoy reached the bridge at dawn. " * 150
    items = "".join(f"<item><title>Item {n}</title><guid>g{n}</guid><link>{http_server.url()}"
                    f"p{n}</link><description>{long} {n}</description></item>"
                    for n in range(80))
    feed = http_server.add("/big.xml", f"<rss><channel><title>Big</title>{items}</channel></rss>"
                           .encode(), "application/rss+xml")
    config = write_config(tmp_path / "feeds.toml", [("Big", feed)])
    db = tmp_path / "cache" / "sitrep.db"
    schema.connect(db).close()  # the cache exists; the disk fills while the items are saved
    result = child(REFRESH_ON_FULL_DISK, db.stat().st_size + 64 * 1024, config, db)
    assert "cache error" in str(result["error"])
    events = result["events"]
    assert isinstance(events, list) and events[0] == ["feeds", 0, 1, ""]
    phase, done, total, failed = events[-1]
    assert done == total and failed  # the status line is told the phase is over, and why


def test_schema_7_strips_stored_credentials_and_clamps_future_dates(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    schema.migrate(conn, path, 0, schema.MIGRATIONS[:4])  # a cache written before schemas 5-7
    conn.execute("INSERT INTO feeds(url, name) VALUES ('http://r:t@w.example/rss', 'W')")
    conn.execute(
        "INSERT INTO articles(feed_id, guid, url, final_url, published, fetched, sort_ts, state)"
        " VALUES (1, 'g', 'http://r:t@w.example/a', 'https://r:t@w.example/a?x=@y',"
        " '2099-01-01T00:00:00+00:00', '2026-03-01T00:00:00+00:00',"
        " '2099-01-01T00:00:00+00:00', 'queued')"
    )
    conn.commit()
    conn.close()
    upgraded = schema.connect(path)
    row = upgraded.execute("SELECT * FROM articles").fetchone()
    assert (row["url"], row["final_url"]) == ("http://w.example/a", "https://w.example/a?x=@y")
    assert row["sort_ts"] == row["fetched"] and row["published"].startswith("2099")
    assert (row["lease_owner"], row["lease_until"]) == (None, 0)
    upgraded.close()
