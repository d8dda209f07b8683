"""No traceback from the CLI, ever: every subcommand given bad input answers in one line.

One table, one real `sitrep` process per row: the message must be one line on stderr naming
the problem, the exit status non-zero, and "Traceback" must appear nowhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# (name, arguments after --config/--cache, words the one line must hold, exit status)
# In arguments: CONFIG, CACHE, FILE (a plain file), DIR (the test's folder) are substituted.
CASES = [
    ("fetch --cache FILE", ["--cache", "FILE", "fetch"], "a file, not a folder", 2),
    ("fetch cache under a file", ["--cache", "FILE/sub", "fetch", "--feeds-only"],
     "cache directory", 2),
    ("fetch cache cannot be created", ["--cache", "/proc/sitrep-nope", "fetch", "--feeds-only"],
     "cannot create the cache directory", 2),
    ("fetch broken config", ["--config", "DIR/broken.toml", "fetch"], "not valid TOML", 2),
    ("fetch config is a folder", ["--config", "DIR", "fetch"], "cannot read", 2),
    ("reprocess broken config", ["--config", "DIR/broken.toml", "reprocess"], "not valid TOML", 2),
    ("analyze /dev/null", ["analyze", "/dev/null"], "reading text", 1),
    ("analyze missing file", ["analyze", "DIR/missing.html"], "No such file", 1),
    ("analyze a folder", ["analyze", "DIR"], "Is a directory", 1),
    ("feeds import /dev/zero", ["feeds", "import", "/dev/zero"], "larger than", 2),
    ("feeds import missing", ["feeds", "import", "DIR/missing.opml"], "No such file", 2),
    ("feeds import not a list", ["feeds", "import", "DIR/garbage.opml"], "OPML", 2),
    ("feeds add ftp", ["feeds", "add", "ftp://a.example/feed"], "not a usable", 2),
    ("feeds add config under a file", ["--config", "FILE/feeds.toml", "feeds", "add",
                                       "https://a.example/rss"], "cannot edit", 2),
    ("feeds remove unknown", ["feeds", "remove", "https://nope.example/"], "no feed", 1),
    ("feeds list broken config", ["--config", "DIR/broken.toml", "feeds", "list"], "TOML", 2),
    ("search missing cache", ["search", "kharkiv"], "no cache", 2),
    ("search -item", ["search", "-item"], "--", 2),
    ("search bad query", ["search", "status:maybe"], "status is one of", 2),
    ("search huge limit", ["search", "x", "--limit", "99999999999999999999"], "--limit", 2),
    ("search until:9999y", ["search", "until:9999y"], "out of range", 2),
    ("search a damaged cache", ["--cache", "DIR/damaged", "search", "x"], "not a database", 2),
    ("bookmarks export over a file", ["bookmarks", "export", "-o", "FILE"], "exists", 2),
    ("bookmarks bad format", ["bookmarks", "export", "--format", "xls"], "invalid choice", 2),
    ("vacuum missing cache", ["vacuum"], "no cache", 2),
    ("unknown command", ["frobnicate"], "invalid choice", 2),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("cli-errors")
    (directory / "feeds.toml").write_text("[settings]\nrefresh_minutes = 0\n", encoding="utf-8")
    (directory / "broken.toml").write_text("[settings\n", encoding="utf-8")
    (directory / "afile").write_text("just a file\n", encoding="utf-8")
    (directory / "garbage.opml").write_bytes(b"<?xml version='1.0'?>\x00\x01<<<")
    damaged = directory / "damaged"
    damaged.mkdir()
    (damaged / "sitrep.db").write_bytes(b"this is not a database, just bytes " * 200)
    return directory


def run(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    subst = {"CONFIG": str(folder / "feeds.toml"), "FILE": str(folder / "afile"),
             "DIR": str(folder)}
    args = [a.replace("FILE", subst["FILE"]).replace("DIR", subst["DIR"]) for a in args]
    base = ["--config", str(folder / "feeds.toml"), "--cache", str(folder / "cache")]
    if "--config" in args:
        base = base[2:]
    if "--cache" in args:
        base = base[:2]
    return subprocess.run([sys.executable, "-m", "tui", *base, *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})


@pytest.mark.parametrize(("name", "args", "words", "status"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_one_line_and_a_non_zero_exit(
    folder: Path, name: str, args: list[str], words: str, status: int
) -> None:
    done = run(folder, args)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    assert done.returncode == status, done.stderr
    assert len(lines) == 1, done.stderr
    assert words in lines[0] and lines[0].startswith("sitrep"), lines[0]


def test_analyze_cuts_a_text_over_a_million_characters_as_a_refresh_does(folder: Path) -> None:
    paragraph = ("Officials said the convoy reached the bridge at dawn, according to witnesses. "
                 * 40).strip()
    big = folder / "big.txt"
    big.write_text("\n\n".join([paragraph] * 400), encoding="utf-8")  # about 1.3 M characters
    done = run(folder, ["analyze", str(big), "--json"])
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "longer than 200,000 characters" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert '"claims"' in done.stdout


def test_a_cache_folder_that_cannot_be_written_is_one_line(folder: Path) -> None:
    """Root ignores permission bits: as root the folder is made immutable (chattr +i)."""
    locked = folder / "locked-cache"
    locked.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode:
            pytest.skip("running as root on a file system without chattr +i")
        undo = ["chattr", "-i", str(locked)]
    else:
        locked.chmod(0o555)
        undo = ["chmod", "755", str(locked)]
    try:
        for args in (["fetch", "--feeds-only"], ["vacuum"], ["search", "x"]):
            done = run(folder, ["--cache", str(locked), *args])
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
            assert len(lines) == 1 and str(locked) in lines[0], done.stderr
    finally:
        subprocess.run(undo, check=True)
