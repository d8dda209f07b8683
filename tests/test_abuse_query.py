"""Dates and numbers the calendar or SQLite cannot hold are query errors, never a crash."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import build_seed_app, wait_for
from tui.core.query import QueryError, parse_query

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
OUT_OF_RANGE = [
    "until:9999-12-31",  # the day after is year 10000
    "since:2100y",  # before year 1
    "until:9999y",
    "since:99999999999999999999d",  # more days than a C int
    "-since:50000000h kharkiv",
]


@pytest.mark.parametrize("text", OUT_OF_RANGE)
def test_out_of_range_dates_are_query_errors(text: str) -> None:
    with pytest.raises(QueryError, match="out of range"):
        parse_query(text, now=NOW)


def test_the_calendar_edges_still_work() -> None:
    assert parse_query("until:9999-12-30", now=NOW).terms[0].value.startswith("9999-12-31")
    assert parse_query("since:0001-01-01", now=NOW).terms[0].value.startswith("0001-01-01")
    assert parse_query("since:2000y", now=NOW).terms[0].value.startswith("00")
    with pytest.raises(QueryError, match="takes 3d"):
        parse_query("until:2026-02-30", now=NOW)


def sitrep(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "feeds.toml").write_text("", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(tmp_path / "feeds.toml"), "--cache",
         str(tmp_path / "cache"), *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("args", "message"), [
    (["search", "until:9999y"], "out of range"),
    (["search", "kharkiv", "--limit", "99999999999999999999"], "--limit"),
    (["search", "kharkiv", "--limit", "0"], "--limit"),
])
def test_search_reports_out_of_range_values_in_one_line(
    seed_cache: tuple[Path, dict], args: list[str], message: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(seed_cache[0] / "feeds.toml"), "--cache",
         str(seed_cache[0] / "cache"), *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


async def test_the_app_filter_shows_the_error_and_keeps_running(
    seed_cache: tuple[Path, dict],
) -> None:
    from tui.app.widgets.article_list import ArticleList
    from tui.app.widgets.filter_bar import FilterBar

    app = build_seed_app(seed_cache[0])
    async with app.run_test(size=(120, 40)) as pilot:
        lst: Any = app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: lst.count == 8)
        await pilot.press("slash")
        bar = app.screen.query_one(FilterBar)
        error = bar.query_one("#filter-error")
        for text in ("until:9999-12-31", "since:2100y"):
            bar.input.value = text
            await wait_for(pilot, lambda: "out of range" in str(error.render()))
            assert lst.count == 8  # the last good list stays
        assert app.is_running
