"""Leave when the terminal is gone.

A terminal closed under a running sitrep (the window closed, an ssh link dropped, the tmux
server killed) should end it. A shell passes its SIGHUP on to sitrep, but `make run` does not:
make is the session leader there, survives the hangup and keeps waiting, so sitrep never hears
of it, and Textual's input thread then spins on a terminal that reads as empty forever (a third
of a core, seen on this project's own machines). So the app looks every few seconds whether the
descriptors that were terminals at start still are; a hung-up terminal is not, and the app quits
the normal way (the cache is closed as on `q`).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from textual.app import App

log = logging.getLogger(__name__)
CHECK_SECONDS = 2.0


def _terminal_fds() -> list[int]:
    fds = []
    for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__):
        try:
            fd = stream.fileno() if stream is not None else -1
        except (OSError, ValueError):
            continue
        if fd >= 0 and os.isatty(fd):
            fds.append(fd)
    return fds


def watch_terminal(app: App[Any]) -> None:
    """Quit *app* once any descriptor that was a terminal at start is one no longer."""
    fds = _terminal_fds()
    if app.is_headless or not fds:
        return

    def check() -> None:
        if not all(os.isatty(fd) for fd in fds):
            log.warning("the terminal is gone: quitting")
            app.exit()

    app.set_interval(CHECK_SECONDS, check, name="terminal watch")
