"""feedparser's own 2,107 test feeds through our ingest: no crash, no hang, nothing unprintable.

The corpus (well-formed, ill-formed, odd encodings, entities) is real input nobody on this project
wrote. Part one feeds every file to `parse_feed` as bytes, as the network would, in worker
processes with a per-file alarm, so a file that hangs fails this test instead of stalling it.
Part two serves the whole folder over HTTP on 127.0.0.1 and runs the real CLI on it:
`sitrep feeds import` of all 2,107 URLs, then `sitrep fetch --feeds-only` (about 10 s here), and
checks the per-feed summary and what the database holds. `bench/bench_corpus_fetch.py` times it.
"""

from __future__ import annotations

import multiprocessing
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import write_config
from tests.server import LocalServer
from tests.shared import SHARED, require

CORPUS = SHARED / "data" / "feeds-corpus"
FILE_LIMIT = 20  # seconds one file may take before it counts as a hang (all take < 0.1 s)
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # C0 but \t \n, DEL, C1
SERVED_SAMPLE = 2107



@pytest.fixture(autouse=True)
def _corpus_present() -> None:
    require("data", "feeds-corpus")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE")


class _Overtime(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Overtime


def ingest(path: str) -> tuple[str, str, str]:
    """Worker: parse one file; (path, outcome, detail) with outcome ok/parse-error/crash/..."""
    from tui.core.errors import ParseError
    from tui.pipeline.parse import parse_feed

    body = Path(path).read_bytes()
    url = "http://127.0.0.1:9/" + quote(str(Path(path).relative_to(CORPUS)))
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(FILE_LIMIT)
    try:
        feed = parse_feed(body, url, {"content-type": "application/xml"})
    except ParseError as exc:
        return path, "parse-error", str(exc)
    except _Overtime:
        return path, "hang", f"over {FILE_LIMIT} s"
    except Exception as exc:  # the point of the test: any other exception is a finding
        return path, "crash", f"{type(exc).__name__}: {exc}"
    finally:
        signal.alarm(0)
    strings = [feed.title, feed.link, feed.warning]
    for entry in feed.entries:
        strings += [entry.guid, entry.link, entry.title, entry.author, entry.summary]
    dirty = [s for s in strings if UNPRINTABLE.search(s)]
    if dirty:
        return path, "unprintable", repr(dirty[0][:120])
    return path, "ok", str(len(feed.entries))


def test_every_corpus_file_parses_without_crash_hang_or_control_characters() -> None:
    files = corpus_files()
    assert len(files) == 2107
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.map(ingest, [str(p) for p in files], chunksize=50)
    by_outcome: dict[str, list[tuple[str, str]]] = {}
    for path, outcome, detail in results:
        by_outcome.setdefault(outcome, []).append((path, detail))
    for bad in ("crash", "hang", "unprintable"):
        assert by_outcome.get(bad, []) == [], f"{bad}: {by_outcome.get(bad, [])[:10]}"
    # Nearly every file yields a feed; the few refusals are documents that are not feeds at all
    # (an empty document, unclosed tokens, JSON Feed, which feedparser 6.0 does not read).
    refused = by_outcome.get("parse-error", [])
    assert len(by_outcome["ok"]) >= 2090 and len(refused) <= 17, refused


def wide_backlog(server: LocalServer) -> None:
    """Let the test server queue as many connections as a real one: sitrep opens up to 64 at
    once to one host, and the stdlib server's default backlog of 5 drops most of them (their
    SYN retries then outlast the 5 s test deadline). Proposed for tests/server.py itself."""
    server._httpd.socket.listen(128)


def sitrep(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "tui",
        "--config",
        str(config),
        "--cache",
        str(config.parent / "cache"),
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_cli_imports_and_fetches_the_whole_served_corpus(
    tmp_path: Path, http_server: LocalServer
) -> None:
    wide_backlog(http_server)
    base = http_server.add_dir("corpus", CORPUS)
    sample = corpus_files()
    urls = [base + quote(str(p.relative_to(CORPUS))) for p in sample]
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    config = write_config(tmp_path / "feeds.toml", [])

    imported = sitrep(config, "feeds", "import", str(tmp_path / "urls.txt"))
    assert imported.returncode == 0, imported.stderr
    assert f"imported {len(sample)} feeds" in imported.stdout

    fetched = sitrep(config, "fetch", "--feeds-only")
    assert fetched.returncode == 0, fetched.stderr
    lines = fetched.stdout.splitlines()
    summary = re.fullmatch(r"(\d+) feeds: (\d+) new items, 0 not modified, (\d+) failed", lines[-1])
    assert summary is not None, lines[-5:]
    assert int(summary.group(1)) == len(sample) == len(lines) - 1  # one line per feed
    failed = [line for line in lines if "  error: " in line]
    assert len(failed) == int(summary.group(3)) <= 17, failed  # documents that are not feeds
    assert all("not a readable feed" in line for line in failed), failed
    assert len(http_server.requests) == len(sample)
    assert not UNPRINTABLE.search(fetched.stdout + fetched.stderr)

    conn = sqlite3.connect(config.parent / "cache" / "sitrep.db")
    try:
        stored = conn.execute(
            "SELECT name, title, last_error FROM feeds UNION ALL "
            "SELECT title, summary, author || guid || url FROM articles"
        ).fetchall()
    finally:
        conn.close()
    assert len(stored) > len(sample)
    dirty = [row for row in stored if any(UNPRINTABLE.search(v or "") for v in row)]
    assert dirty == []
