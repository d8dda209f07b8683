"""The headless CLI end to end: a real server, a real cache, the real `sitrep` process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import write_config
from tests.server import LocalServer


def sitrep(
    config: Path, *args: str, cache: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    cache = cache or config.parent / "cache"
    return subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(config), "--cache", str(cache), *args],
        capture_output=True,
        text=True,
        timeout=180,
        input=stdin,
    )


def db_rows(config: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    conn = sqlite3.connect(config.parent / "cache" / "sitrep.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_fetch_feeds_only_then_304(demo_config: Path, http_server: LocalServer) -> None:
    first = sitrep(demo_config, "fetch", "--feeds-only")
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert any(
        line.startswith("Frontline Wire (served)") and line.endswith("10 new") for line in lines
    )
    assert any(
        line.startswith("Dead host") and "error: connection refused" in line for line in lines
    )
    assert lines[-1] == "2 feeds: 10 new items, 0 not modified, 1 failed"
    assert "feeds: 2/2" in first.stderr  # plain progress lines when not a terminal
    assert not [r for r in http_server.requests if "/pages/" in r.path]  # --feeds-only

    second = sitrep(demo_config, "fetch", "--feeds-only")
    assert any(
        line.startswith("Frontline Wire (served)") and line.endswith("304 not modified")
        for line in second.stdout.splitlines()
    )
    feed_requests = http_server.requests_to("/demo/feed.xml")
    assert len(feed_requests) == 2
    assert "if-none-match" in feed_requests[1].headers  # validators sent from the 2nd refresh
    assert db_rows(demo_config, "SELECT count(*) FROM articles") == [(10,)]
    errors = db_rows(demo_config, "SELECT name, last_error FROM feeds WHERE last_error IS NOT NULL")
    assert errors == [("Dead host", "connection refused")]


def test_fetch_with_pages_processes_the_queue(demo_config: Path, http_server: LocalServer) -> None:
    result = sitrep(demo_config, "fetch")
    assert result.returncode == 0, result.stderr
    pages = {r.path for r in http_server.requests if "/pages/" in r.path}
    assert len(pages) == 10
    states = db_rows(demo_config, "SELECT state, count(*) FROM articles GROUP BY state")
    assert "queued" not in dict(states)
    raw = db_rows(demo_config, "SELECT count(*) FROM articles WHERE raw_html IS NOT NULL")
    assert raw == [(10,)]  # kept for `sitrep reprocess`


def test_quiet_prints_only_errors_and_exit_1_when_all_fail(tmp_path: Path) -> None:
    config = write_config(tmp_path / "feeds.toml", [("Dead", "http://127.0.0.1:9/rss")])
    result = sitrep(config, "fetch", "--quiet")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "sitrep: Dead: connection refused"


def test_search_json(demo_config: Path) -> None:
    sitrep(demo_config, "fetch", "--feeds-only")
    everything = json.loads(sitrep(demo_config, "search", "--json").stdout)
    assert len(everything) == 10
    assert everything[0]["published"] >= everything[-1]["published"]  # newest first
    hits = json.loads(sitrep(demo_config, "search", "kharkiv", "--json").stdout)
    assert hits and all("kharkiv" in (h["title"]).lower() or h["feed"] for h in hits)
    assert len(json.loads(sitrep(demo_config, "search", "", "--json", "--limit", "3").stdout)) == 3
    bad = sitrep(demo_config, "search", "status:maybe")
    assert bad.returncode == 2 and "status is one of" in bad.stderr


def test_feeds_import_urls_creates_config(tmp_path: Path) -> None:
    urls = tmp_path / "urls"
    urls.write_text(
        '# newsboat urls\nhttps://a.example/rss "world" "~Outlet A"\n\n'
        "https://b.example/atom.xml\nftp://bad.example/feed\n",
        encoding="utf-8",
    )
    config = tmp_path / "new" / "feeds.toml"
    result = sitrep(config, "feeds", "import", str(urls))
    assert result.returncode == 0, result.stderr
    assert "imported 2 feeds" in result.stdout
    assert "skipped (not an http(s) URL): ftp://bad.example/feed" in result.stderr
    listing = sitrep(config, "feeds", "list").stdout
    assert "Outlet A [world]" in listing and "https://b.example/atom.xml" in listing
    again = sitrep(config, "feeds", "import", str(urls))
    assert "imported 0 feeds" in again.stdout and "2 already there" in again.stdout


def test_feeds_import_opml_add_remove_export(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        """<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="Conflict"><outline text="UN News" xmlUrl="https://un.example/rss"/></outline>
      <outline text="Plain" title="Plain Feed" xmlUrl="https://plain.example/feed"/>
    </body></opml>""",
        encoding="utf-8",
    )
    config = tmp_path / "feeds.toml"
    config.write_text(
        "# my feeds, keep this comment\n[settings]\nrefresh_minutes = 0\n", encoding="utf-8"
    )
    assert sitrep(config, "feeds", "import", str(opml)).returncode == 0
    assert (
        sitrep(
            config, "feeds", "add", "https://c.example/rss", "--name", "C", "--tag", "x"
        ).returncode
        == 0
    )
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# my feeds, keep this comment")  # comments preserved
    assert (tmp_path / "cache" / "feeds.toml.bak").exists()  # not beside the tracked file
    assert sitrep(config, "feeds", "remove", "https://plain.example/feed").returncode == 0
    exported = sitrep(config, "feeds", "export").stdout
    assert 'xmlUrl="https://un.example/rss"' in exported and 'category="Conflict"' in exported
    assert "plain.example" not in exported and 'xmlUrl="https://c.example/rss"' in exported
    missing = sitrep(config, "feeds", "remove", "https://nope.example/")
    assert missing.returncode == 1


def test_bad_config_is_one_clear_line(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nconcurency = 3\n", encoding="utf-8")
    result = sitrep(config, "fetch")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"sitrep: {config}:2: concurency: unknown key in [settings] "
        "(known keys: concurrency, max_feed_bytes, max_new_items, max_page_bytes, "
        "page_delay_seconds, page_per_host, per_host, private_pages, refresh_minutes, "
        "retention_days, timeout_seconds, user_agent)"
    )


def test_paths_and_version(tmp_path: Path) -> None:
    config = write_config(tmp_path / "feeds.toml", [])
    paths = sitrep(config, "paths").stdout
    assert f"config     {config}" in paths and str(tmp_path / "cache" / "sitrep.db") in paths
    version = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True
    )
    assert version.stdout.startswith("sitrep ")


def test_per_feed_user_agent_is_sent(
    tmp_path: Path, http_server: LocalServer, served_demo: str
) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[settings]\nrefresh_minutes = 0\nuser_agent = "global-agent/1"\n\n'
        f'[[feed]]\nname = "A"\nurl = "{served_demo}"\nuser_agent = "feed-agent/2"\n',
        encoding="utf-8",
    )
    assert sitrep(config, "fetch", "--feeds-only").returncode == 0
    (request,) = http_server.requests_to("/demo/feed.xml")
    assert request.headers["user-agent"] == "feed-agent/2"
