"""The refresh orchestration in-process: due feeds, disabled feeds, the article queue order."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_config
from tests.server import LocalServer
from tui.service.config import load_config
from tui.service.refresh import Refresher
from tui.store import schema


async def test_auto_refresh_only_takes_due_feeds(tmp_path: Path, http_server: LocalServer) -> None:
    http_server.add(
        "/a.xml",
        b'<rss version="2.0"><channel><title>A</title></channel></rss>',
        content_type="application/rss+xml",
    )
    http_server.add(
        "/b.xml",
        b'<rss version="2.0"><channel><title>B</title></channel></rss>',
        content_type="application/rss+xml",
    )
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 30\n\n"
        f'[[feed]]\nurl = "{http_server.url("/a.xml")}"\n\n'
        f'[[feed]]\nurl = "{http_server.url("/b.xml")}"\nrefresh_minutes = 0\n\n'
        f'[[feed]]\nurl = "{http_server.url("/c.xml")}"\nenabled = false\n',
        encoding="utf-8",
    )
    config = load_config(path)
    async with Refresher(config, tmp_path / "cache" / "sitrep.db", analyze=False) as refresher:
        first = await refresher.refresh_feeds(due_only=True)
        assert sorted(o.url.rsplit("/", 1)[1] for o in first) == ["a.xml", "b.xml"]  # never checked
        again = await refresher.refresh_feeds(due_only=True)
        assert again == []  # a checked 30 min ago? no; b is manual only; c disabled
        manual = await refresher.refresh_feeds()
        assert len(manual) == 2
    assert not http_server.requests_to("/c.xml")


async def test_opened_article_jumps_the_queue(
    tmp_path: Path, served_demo: str, http_server: LocalServer
) -> None:
    config = load_config(write_config(tmp_path / "feeds.toml", [("Wire", served_demo)]))
    db = tmp_path / "cache" / "sitrep.db"
    async with Refresher(config, db, analyze=False) as refresher:
        await refresher.refresh_feeds()
        conn = schema.connect(db)
        oldest = conn.execute("SELECT id FROM articles ORDER BY sort_ts LIMIT 1").fetchone()[0]
        await refresher.process_article(oldest)
        states = dict(conn.execute("SELECT id, state FROM articles").fetchall())
        assert states[oldest] == "fetched"  # extracted; analysis is off here
        assert sum(1 for s in states.values() if s == "queued") == 9
        page_requests = [r.path for r in http_server.requests if "/pages/" in r.path]
        assert len(page_requests) == 1
        assert await refresher.process_queue() == 9
        assert (
            conn.execute("SELECT count(*) FROM articles WHERE state = 'queued'").fetchone()[0] == 0
        )
        conn.close()
