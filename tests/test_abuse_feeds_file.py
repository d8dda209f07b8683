"""feeds.toml edited by several processes at once, through symlinks, with modes the user chose,
read-only, and on a full disk: no edit lost, nothing half-written, the user's setup kept.

The race runs the functions the CLI and the app call (`add_feeds`, `rename_feed`) in two real
processes; `bench/bench_feeds_race.py` runs it at the size of the original report (150 adds
against 300 renames).
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.errors import ConfigError
from tui.service.config import load_config
from tui.service.feeds import FeedSpec, add_feeds, remove_feed, rename_feed, set_feed_tags

BASE = "https://base.example/rss"
RACER = """
import sys
from pathlib import Path
from tui.service.feeds import FeedSpec, add_feeds, rename_feed
path, role, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(count):
    if role == "add":
        url = f"https://feed{i}.example/rss"
        added, _ = add_feeds(path, [FeedSpec(url, f"Feed {i}")])
        if added:
            print(url, flush=True)
    else:
        rename_feed(path, "https://base.example/rss", f"Base {i}")
"""


def start(path: Path, role: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", RACER, str(path), role, str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def race(path: Path, adds: int, renames: int) -> tuple[set[str], set[str], list[str]]:
    """(acknowledged adds, feed URLs in the file, error output) after the two processes."""
    path.write_text(f'# my feeds\n[[feed]]\nname = "Base"\nurl = "{BASE}"\n', encoding="utf-8")
    adder, renamer = start(path, "add", adds), start(path, "rename", renames)
    added, add_err = adder.communicate(timeout=300)
    _, rename_err = renamer.communicate(timeout=300)
    errors = [e for e in (add_err, rename_err) if e.strip()]
    assert adder.returncode == 0 and renamer.returncode == 0, errors
    urls = {feed.url for feed in load_config(path).feeds}
    return set(added.split()), urls, errors


def test_two_processes_editing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    acknowledged, in_file, errors = race(path, adds=40, renames=80)
    assert errors == []
    assert len(acknowledged) == 40 and acknowledged <= in_file
    assert load_config(path).feeds[0].name == "Base 79"  # the last rename is the one kept
    assert path.read_text(encoding="utf-8").startswith("# my feeds\n")
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def config(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(f'[[feed]]\nname = "Base"\nurl = "{BASE}"\n', encoding="utf-8")
    return path


def test_a_symlinked_config_is_written_through_to_its_target(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = config(dotfiles)
    link = tmp_path / "feeds.toml"
    link.symlink_to(target)
    cache = tmp_path / "cache"
    assert rename_feed(link, BASE, "Renamed", backup_dir=cache)
    add_feeds(link, [FeedSpec("https://new.example/rss", "New")], backup_dir=cache)
    assert link.is_symlink() and link.resolve() == target
    assert [f.name for f in load_config(target).feeds] == ["Renamed", "New"]
    assert (cache / "feeds.toml.bak").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "dotfiles", "feeds.toml"]


def test_the_files_mode_is_kept(tmp_path: Path) -> None:
    path = config(tmp_path)
    path.chmod(0o600)
    set_feed_tags(path, BASE, ["ukraine"])
    add_feeds(path, [FeedSpec("https://new.example/rss")])
    remove_feed(path, "https://new.example/rss")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_config(path).feeds[0].tags == ("ukraine",)


def test_a_read_only_file_is_refused_with_a_message(tmp_path: Path) -> None:
    path = config(tmp_path)
    before = path.read_bytes()
    path.chmod(0o444)
    for edit in (lambda: rename_feed(path, BASE, "X"),
                 lambda: add_feeds(path, [FeedSpec("https://new.example/rss")]),
                 lambda: remove_feed(path, BASE)):
        with pytest.raises(ConfigError, match="read-only"):
            edit()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.toml"]


def _full_disk(limit: int) -> None:
    """In the child: a file system with *limit* bytes left per file (EFBIG, as when full)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))


def test_feeds_add_on_a_full_disk_says_so_and_leaves_nothing_half_written(
    tmp_path: Path,
) -> None:
    path = config(tmp_path)
    (tmp_path / "cache").mkdir()
    before = path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--config", str(path), "--cache", str(tmp_path / "cache"),
         "feeds", "add", "https://new.example/rss", "--name", "A long enough name"],
        capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: _full_disk(len(before) + 8),
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "cannot write" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith((".tmp", ".partial"))]


def test_the_lock_is_shared_with_an_edit_in_progress(tmp_path: Path) -> None:
    """A process holding the lock makes the other wait, not fail nor overwrite."""
    import fcntl

    path = config(tmp_path)
    holder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)  # the lock: the file's folder
    fcntl.flock(holder, fcntl.LOCK_EX)
    waiter = start(path, "add", 1)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            waiter.wait(timeout=1.0)  # blocked on the lock
        assert len(load_config(path).feeds) == 1
    finally:
        os.close(holder)
    assert waiter.communicate(timeout=60)[0].split() == ["https://feed0.example/rss"]
    assert len(load_config(path).feeds) == 2
