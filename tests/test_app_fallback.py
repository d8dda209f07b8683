"""When a page yields no reading text, the reader shows the feed's summary and says so."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_app, wait_for, write_config
from tests.server import LocalServer
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.reader_view import ReaderView

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Paywalled</title>
<item><title>Talks resume in Doha</title><link>/story.html</link><guid>p1</guid>
<description>Negotiators met for six hours, officials said.</description></item>
</channel></rss>"""
PAYWALL = b"""<html><body><div class="paywall"><p>Subscribe to read.</p></div>
<script>loadStory()</script></body></html>"""


def note_of(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#reader-note").render())


async def test_reader_falls_back_to_summary(tmp_path: Path, http_server: LocalServer) -> None:
    http_server.add("/feed.xml", FEED, content_type="application/rss+xml")
    http_server.add("/story.html", PAYWALL)
    config = write_config(tmp_path / "feeds.toml", [("Paywalled", http_server.url("/feed.xml"))])
    app = build_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot,
            lambda: app.refresh_status == "" and http_server.requests_to("/story.html"),
            seconds=60,
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        reader = app.screen.query_one(ReaderView)
        # the reader may open before the page's outcome is stored ("Fetching and analysing
        # the full text…"): it looks again when the store changes
        await wait_for(
            pilot,
            lambda: "six hours" in reader.text
            and bool(app.screen.query("#reader-note"))
            and "Full text unavailable" in note_of(app),
            seconds=60,
        )
        assert "summary" in note_of(app)
