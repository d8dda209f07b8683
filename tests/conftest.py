"""Shared fixtures. The HTTP server is one per session; each test gets it freshly reset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server import LocalServer


@pytest.fixture(scope="session")
def _http_server_session() -> Iterator[LocalServer]:
    server = LocalServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def http_server(_http_server_session: LocalServer) -> LocalServer:
    """A real server on 127.0.0.1 with nothing registered and an empty request log."""
    _http_server_session.reset()
    return _http_server_session


# ── project fixtures ─────────────────────────────────────────────────────────────────────────

REPO = __import__("pathlib").Path(__file__).resolve().parents[1]
DEMO_DIR = REPO / "tui" / "demo"


def write_config(path, feeds, settings=""):  # type: ignore[no-untyped-def]
    """Write a feeds.toml with the given (name, url) feeds and optional [settings] lines."""
    lines = ["[settings]", settings]
    if "refresh_minutes" not in settings:
        lines.append("refresh_minutes = 0")
    if "timeout_seconds" not in settings:
        lines.append("timeout_seconds = 5")
    lines.append("")
    for name, url in feeds:
        lines += ["[[feed]]", f'name = "{name}"', f'url = "{url}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def served_demo(http_server: LocalServer) -> str:
    """The bundled demo feed served over HTTP; returns the feed URL."""
    http_server.add_dir("/demo", DEMO_DIR)
    return http_server.url("/demo/feed.xml")


@pytest.fixture
def demo_config(tmp_path, served_demo):  # type: ignore[no-untyped-def]
    """A feeds.toml in a temp dir with the served demo feed and a dead host."""
    return write_config(tmp_path / "feeds.toml", [
        ("Frontline Wire (served)", served_demo),
        ("Dead host", "http://127.0.0.1:9/feed.xml"),
    ])


async def wait_for(pilot, condition, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until *condition()* holds (bounded: fails after *seconds*)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {seconds} s")
        await pilot.pause(0.05)


def build_app(config_path, cache_dir=None, **kwargs):  # type: ignore[no-untyped-def]
    """The real app through the real factory, on a temp cache."""
    from tui import locations as loc
    from tui.app import make_app
    from tui.config import load_config
    from tui.store.recovery import open_store

    locations = loc.resolve(str(config_path), str(cache_dir or config_path.parent / "cache"))
    config = load_config(locations.config)
    return make_app(config, locations, open_store(locations.db), **kwargs)
