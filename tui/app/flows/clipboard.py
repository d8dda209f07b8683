"""Copying text (`y`): where it goes depends on the terminal, and the toast says where.

Textual's copy_to_clipboard sends OSC 52, which a terminal may ignore: tmux, by default
(`set-clipboard external`), takes it from tmux itself but not from the programs inside it. So
inside tmux the text is also handed to tmux's paste buffer with `tmux load-buffer -w -` (the
text on stdin, no shell; `-w` forwards it to the outer terminal's clipboard where tmux may),
and the toast says it went to tmux's buffer (paste with prefix ]). Outside tmux, OSC 52 only.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from textual.dom import DOMNode

TMUX_SECONDS = 5


def copy_text(node: DOMNode, text: str, what: str = "Citation") -> None:
    node.app.copy_to_clipboard(text)  # OSC 52: over ssh, and in terminals that allow it
    if not os.environ.get("TMUX"):
        node.notify(f"{what} sent to the terminal's clipboard (OSC 52).")
        return
    node.run_worker(lambda: _to_tmux(node, text, what), thread=True, name="_copy_to_tmux",
                    group="clipboard", exit_on_error=False)


def _to_tmux(node: DOMNode, text: str, what: str) -> None:
    tmux = shutil.which("tmux")
    problem = ""
    if tmux is None:
        problem = "tmux is not on PATH"
    else:
        try:
            done = subprocess.run(
                [tmux, "load-buffer", "-w", "-"], input=text.encode("utf-8"),
                capture_output=True, timeout=TMUX_SECONDS, check=False,
            )
            if done.returncode:
                problem = done.stderr.decode("utf-8", "replace").strip() or "tmux failed"
        except (OSError, subprocess.TimeoutExpired) as exc:
            problem = str(exc)
    if problem:
        message = f"{what} sent by OSC 52 only, which tmux may drop ({problem})."
        node.app.call_from_thread(node.notify, message, severity="warning", markup=False)
    else:
        message = f"{what} copied to tmux's paste buffer (prefix ] pastes it)."
        node.app.call_from_thread(node.notify, message, markup=False)
