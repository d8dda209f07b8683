"""`sitrep analyze` and `sitrep reprocess` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO_DIR

PAGE = DEMO_DIR / "pages" / "sumy-power-station-drones.html"
EXPECT = json.loads(
    (Path(__file__).parent / "fixtures" / "demo_expectations.json").read_text(encoding="utf-8")
)["pages/" + PAGE.name]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=180,
        input=stdin,
    )


def test_analyze_html_prints_reading_text() -> None:
    result = run("analyze", str(PAGE))
    assert result.returncode == 0, result.stderr
    expected = EXPECT
    assert result.stdout.startswith(expected["title"])
    for snippet in expected["must_contain"]:
        assert snippet in result.stdout
    for snippet in expected["must_not_contain"]:
        assert snippet not in result.stdout


def test_analyze_json_object_and_offsets() -> None:
    result = run("analyze", str(PAGE), "--json")
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert set(obj) >= {"title", "url", "published", "byline", "text", "claims", "entities"}
    assert obj["title"] == EXPECT["title"]
    text = obj["text"]
    for claim in obj["claims"]:
        assert set(claim) == {
            "text",
            "start",
            "end",
            "source",
            "source_start",
            "source_end",
            "cue",
            "cue_start",
            "cue_end",
            "content_start",
            "content_end",
            "quote",
            "status",
            "status_evidence",
            "source_canonical",
            "affiliation",
        }
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["start"] <= claim["cue_start"] < claim["cue_end"] <= claim["end"]
    for entity in obj["entities"]:
        assert entity["count"] == len(entity["mentions"])
        for start, end in entity["mentions"]:
            assert 0 <= start < end <= len(text)


def test_plain_text_and_stdin_keep_text_unchanged_and_several_give_json_lines(
    tmp_path: Path,
) -> None:
    text = (
        "Mr. Hrytsenko said on Monday that 3.5 km of line was cut.\r\n\n"
        "“We will rebuild,” he said.  "
    )
    note = tmp_path / "note.txt"
    note.write_bytes(text.encode("utf-8"))
    result = run("analyze", str(note), "-", "--json", stdin=text)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # JSON Lines, in input order
    first, second = (json.loads(line) for line in lines)
    assert first["text"] == text.replace("\r\n", "\n") or first["text"] == text
    assert second["text"] == text


def test_analyze_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path / "absent.html"))
    assert result.returncode == 1
    assert "absent.html" in result.stderr and "No such file" in result.stderr

