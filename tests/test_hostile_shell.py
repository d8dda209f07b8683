"""Class 11: no shell, ever. Web text handed to another program is one argv element.

tests/test_architecture.py greps for `shell=True`, `os.system(` and `os.popen(`. This adds an AST
scan for every other way Python reaches a shell or runs a command line built as a string
(`subprocess.getoutput`, `asyncio.create_subprocess_shell`, `os.exec*`/`os.spawn*`, `pty.spawn`,
a string command given to `subprocess`), and a behaviour test: the reader's "open in browser"
on a link full of shell metacharacters runs the browser with that link as one argument, and the
command hidden in the link never runs.
"""

from __future__ import annotations

import ast
import json
import sys
import webbrowser
from pathlib import Path

import pytest

from tests.conftest import build_app, wait_for, write_config
from tests.hostile.payloads import rss
from tests.server import LocalServer
from tui.app.screens.reader import ReaderScreen

TUI = Path(__file__).resolve().parents[1] / "tui"
SHELL_CALLS = {
    ("os", "system"),
    ("os", "popen"),
    ("subprocess", "getoutput"),
    ("subprocess", "getstatusoutput"),
    ("asyncio", "create_subprocess_shell"),
    ("pty", "spawn"),
    ("platform", "popen"),
}
EXEC_PREFIXES = ("exec", "spawn", "posix_spawn")  # os.execv, os.spawnlp, os.posix_spawnp...
RUNNERS = {"run", "Popen", "call", "check_call", "check_output", "create_subprocess_exec"}


def offending_calls(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            (func.value.id, func.attr)
            if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name))
            else None
        )
        if name in SHELL_CALLS or (name and name[0] == "os" and name[1].startswith(EXEC_PREFIXES)):
            found.append(f"{name[0]}.{name[1]}")
        for keyword in node.keywords:
            if keyword.arg == "shell" and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            ):
                found.append("shell=...")
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if (
            called in RUNNERS
            and node.args
            and isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp)
        ):
            found.append(f"{called}(<a string command>)")
    return found


def test_the_scan_catches_what_it_looks_for() -> None:
    bad = (
        "import os, subprocess, asyncio, pty\n"
        "os.system('x')\nos.execvp('sh', ['sh'])\nos.spawnlp(0, 'sh')\n"
        "subprocess.getoutput('ls')\nsubprocess.run('ls ' + url)\nsubprocess.Popen(f'ls {u}')\n"
        "subprocess.call(['ls'], shell=flag)\nasyncio.create_subprocess_shell('ls')\n"
        "pty.spawn('sh')\n"
    )
    assert len(offending_calls(bad)) == 9
    good = "import subprocess\nsubprocess.run(['ls', url], shell=False)\n"
    assert offending_calls(good) == []


def test_no_shell_and_no_string_commands_anywhere_in_tui() -> None:
    offenders = {
        str(path.relative_to(TUI)): calls
        for path in sorted(TUI.rglob("*.py"))
        if (calls := offending_calls(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


RECORDER = """import json, sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps(sys.argv[2:]) + "\\n")
"""


async def test_open_in_browser_passes_a_hostile_link_as_one_argument(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "pwned"
    link = (
        http_server.url("/story.html") + f"?a=1;touch${{IFS}}{marker}&b=$(touch {marker})"
        f"|touch {marker}`touch {marker}`'\""
    )
    feed = http_server.add(
        "/feed.xml",
        rss([{"title": "Hostile link", "guid": "h", "link": link}]),
        "application/rss+xml",
    )
    config = write_config(tmp_path / "feeds.toml", [("Wire", feed)])
    text = config.read_text(encoding="utf-8").replace('url = "', 'full_text = false\nurl = "', 1)
    config.write_text(text, encoding="utf-8")
    recorder, log = tmp_path / "recorder.py", tmp_path / "argv.jsonl"
    recorder.write_text(RECORDER, encoding="utf-8")
    monkeypatch.setenv("BROWSER", f"{sys.executable} {recorder} {log} %s")
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # re-read $BROWSER (stdlib cache)
    app = build_app(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot,
            lambda: (
                "1 article"
                in " ".join(s.plain for s in [app.screen.query_one("StatusBar").render()])
            ),
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
        await wait_for(pilot, lambda: app.screen.data is not None)
        await pilot.press("o")
        await wait_for(pilot, lambda: log.exists())
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert calls == [[link]]
    assert not marker.exists()
