"""End to end in a real terminal: `sitrep` in tmux on the bundled demo feed, driven by keys.

Starts the real command (`python -m tui`) in a tmux session on its own socket, sends keys with
`tmux send-keys` and reads the screen with `tmux capture-pane`. Skipped, saying so, where tmux
is not installed (`make install` installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import DEMO_DIR, write_config
from tests.shared import in_ci


@pytest.fixture(autouse=True)
def _tmux_present() -> None:
    if shutil.which("tmux") is None:
        message = "tmux is not installed (make test installs it)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


class Terminal:
    """A tmux server on a socket of its own, in a folder of its own that `close` removes (tmux
    3.3's kill-server leaves the socket file behind, and /tmp filled with them)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sitrep-tmux-"))
        self.socket = str(self.folder / "socket")

    def close(self) -> None:
        self.tmux("kill-server")  # our own socket only
        shutil.rmtree(self.folder, ignore_errors=True)

    def tmux(self, *args: str) -> str:
        # COLUMNS/LINES set in the test process would pin the app to that size in tmux.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=10, env=env
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e2e", *keys)

    def wait(self, found: Callable[[str], bool], seconds: float = 60) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if found(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"not on screen within {seconds} s:\n{self.screen()}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    config = write_config(
        tmp_path / "feeds.toml", [("Demo: Frontline Wire", (DEMO_DIR / "feed.xml").as_posix())]
    )
    done = tmp_path / "exited"
    command = (
        f"{sys.executable} -m tui --config {config} --cache {tmp_path / 'cache'}; touch {done}"
    )
    # A socket of its own per test: the previous test's server, still going away after its
    # kill-server, once took the next session with it (an empty screen for 60 s).
    term = Terminal()
    term.tmux(
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "36",
        f"bash -c {subprocess.list2cmdline([command])}",
    )
    term.done = done  # type: ignore[attr-defined]
    try:
        yield term
    finally:
        term.close()


def test_sitrep_in_a_real_terminal(terminal: Terminal) -> None:
    # Newest first; waiting for the whole title also waits out tmux's first resize.
    terminal.wait(
        lambda s: (
            "10 articles" in s and "Mali army says drone strikes near Timbuktu" in s.splitlines()[0]
        )
    )
    terminal.keys("Enter")
    # The reader: the page is fetched and analysed (it jumps the queue), then claims show.
    terminal.wait(lambda s: "Awa Sangare" in s and re.search(r" [1-9][0-9]* claims", s))
    terminal.keys("]")
    screen = terminal.wait(lambda s: "claim 1/" in s)
    status = next(line for line in screen.splitlines() if "claim 1/" in line)
    assert " — " in status and " · " in status  # claim i/N — <source> · <status>
    terminal.keys("Escape")  # alone: an escape followed at once by q would read as alt+q
    terminal.wait(lambda s: "10 articles" in s)
    terminal.keys("q")
    deadline = time.monotonic() + 30
    while not terminal.done.exists():  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, "sitrep did not exit after q"
        time.sleep(0.1)


def test_add_a_feed_and_toggle_read_state_in_a_real_terminal(
    terminal: Terminal, served_demo: str
) -> None:
    terminal.wait(lambda s: "10 articles" in s)
    terminal.keys("a")
    terminal.wait(lambda s: "Add a feed" in s)
    terminal.keys(served_demo)
    terminal.keys("Enter")  # the first enter fetches it and shows what it is
    terminal.wait(lambda s: "Frontline Wire (demo) — 10 items" in s)
    terminal.keys("Enter")  # the second saves it; the app fetches it at once
    screen = terminal.wait(lambda s: "Frontline Wire (demo)" in s and "20 articles" in s)
    assert "Add a feed" not in screen
    config = Path(terminal.done).parent / "feeds.toml"  # type: ignore[attr-defined]
    assert served_demo in config.read_text(encoding="utf-8")

    def unread_marks(s: str) -> int:
        return sum(1 for line in s.splitlines() if re.search(r"▕ ● ", line))

    before = unread_marks(terminal.screen())
    terminal.keys("m")  # the first article: read
    terminal.wait(lambda s: unread_marks(s) == before - 1)
    terminal.keys("M")  # only unread articles
    terminal.wait(lambda s: "19 articles" in s and "unread only" in s)
    terminal.keys("M")
    terminal.wait(lambda s: "20 articles" in s and "unread only" not in s)
    terminal.keys("m")  # back to unread
    terminal.wait(lambda s: unread_marks(s) == before)


def test_y_in_tmux_fills_tmux_buffer_and_says_so(terminal: Terminal) -> None:
    """tmux's default `set-clipboard external` drops the app's OSC 52: the citation also goes
    to tmux's paste buffer (tmux load-buffer, no shell), and the toast says so."""
    terminal.wait(lambda s: "10 articles" in s)
    terminal.tmux("delete-buffer")  # whatever an earlier copy left
    terminal.keys("Enter")
    terminal.wait(lambda s: re.search(r" [1-9][0-9]* claims", s) is not None)
    terminal.keys("]")
    screen = terminal.wait(lambda s: "claim 1/" in s)
    source = next(line for line in screen.splitlines() if "claim 1/" in line)
    source = source.split(" — ", 1)[1].split(" · ")[0].strip()
    terminal.keys("y")
    terminal.wait(lambda s: "tmux's paste buffer" in s)
    pasted = terminal.tmux("show-buffer")
    assert f"— {source} (" in pasted  # the claim, then who said it and its status
    terminal.keys("q")  # back to the list (q goes back one level)
    terminal.wait(lambda s: "10 articles" in s)


# A session leader that outlives a hangup and forwards nothing, as `make run`'s make does.
KEEPS_GOING = """
import signal, subprocess, sys
signal.signal(signal.SIGHUP, lambda *_: None)
child = subprocess.Popen(sys.argv[2:])
open(sys.argv[1], "w").write(str(child.pid))
child.wait()
"""


def test_sitrep_quits_when_its_terminal_is_gone(tmp_path: Path) -> None:
    config = write_config(
        tmp_path / "feeds.toml", [("Demo: Frontline Wire", (DEMO_DIR / "feed.xml").as_posix())]
    )
    pid_file = tmp_path / "sitrep.pid"
    command = [
        sys.executable, "-c", KEEPS_GOING, str(pid_file),
        sys.executable, "-m", "tui", "--config", str(config), "--cache", str(tmp_path / "cache"),
    ]  # fmt: skip
    term = Terminal()
    term.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30",
              subprocess.list2cmdline(command))  # fmt: skip
    pid = 0
    try:
        term.wait(lambda s: "10 articles" in s)
        pid = int(pid_file.read_text())
        term.tmux("kill-server")  # the terminal closes under the app
        deadline = time.monotonic() + 20
        while Path(f"/proc/{pid}").exists() and _state(pid) != "Z":
            assert time.monotonic() < deadline, "sitrep still runs with its terminal gone"
            time.sleep(0.2)
    finally:
        term.close()
        if pid and Path(f"/proc/{pid}").exists():
            os.kill(pid, 9)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"
