"""The app keeps handling keys while a refresh chews through hostile servers.

The refresh fetches a good feed and a row of hostile ones: a trickle that holds its request until
the whole-request deadline, headers that never come, a gzip bomb, an endless body, a redirect
loop. The good feed's ten items show while the others are still pending; keys must move the
cursor then, with the refresh visibly still running. (How fast keys are handled is measured by
`bench/bench_corpus_fetch.py --ui`; tests assert behaviour, not time.)
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import build_app, wait_for, write_config
from tests.hostile.payloads import rss
from tests.server import LocalServer, gzip_bomb
from tui.app.widgets.article_list import ArticleList


async def test_keys_are_handled_while_a_refresh_chews_through_a_hostile_server(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = [
        {"title": f"Item {n}", "guid": f"i{n}", "link": f"https://wire.example/{n}"}
        for n in range(10)
    ]
    good = http_server.add("/good.xml", rss(items), "application/rss+xml")
    gzip_bomb()  # compressed once per process: not while the app is starting
    feeds = [
        ("Good", good),
        ("Trickle", http_server.url("/trickle?interval=0.2")),
        ("Silent", http_server.url("/slow-headers?seconds=60")),
        ("Bomb", http_server.url("/gzip-bomb")),
        ("Endless", http_server.url("/endless")),
        ("Loop", http_server.url("/redirect-loop")),
    ]
    config = tmp_path / "feeds.toml"
    # The trickle and the silent server hold the refresh for the whole deadline: 10 s leaves a
    # busy machine time to start the app and show the good feed while the refresh still runs.
    text = write_config(config, feeds, settings="timeout_seconds = 10").read_text()
    config.write_text(text.replace(f'url = "{good}"', f'url = "{good}"\nfull_text = false'))
    app = build_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: articles.count == 10)
        assert app.refresh_status.startswith("refreshing feeds")
        await pilot.press("j", "j", "j", "j")
        assert articles.cursor == 4
        await pilot.press("k", "G")
        assert articles.cursor == 9
        # The trickle and the silent server hold the refresh until their 10 s deadline.
        assert app.refresh_status.startswith("refreshing feeds")
        await wait_for(pilot, lambda: app.refresh_status == "", seconds=60)
        await pilot.press("g", "g")
        assert articles.cursor == 0
