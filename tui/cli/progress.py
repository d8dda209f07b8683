"""A minimal progress display for headless commands: a bar on a terminal, lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tui.service.refresh import Progress

_LABELS = {"feeds": "feeds", "articles": "articles", "reprocess": "pages"}


class ProgressDisplay:
    def __init__(self, stream: TextIO = sys.stderr, *, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = stream.isatty()
        self._last_line = 0.0
        self._phase = ""

    def __call__(self, progress: Progress) -> None:
        if self.quiet:
            return
        if progress.failed:  # the command prints the error itself; end the bar's line
            if self.tty and self._phase:
                self.stream.write("\n")
                self.stream.flush()
            return
        if progress.total == 0:
            return
        label = _LABELS.get(progress.phase, progress.phase)
        if self.tty:
            width = 30
            filled = int(width * progress.done / progress.total)
            bar = "█" * filled + "░" * (width - filled)
            end = "\n" if progress.done >= progress.total else ""
            self._phase = "" if end else progress.phase
            self.stream.write(f"\r{label:>8} {bar} {progress.done}/{progress.total}{end}")
            self.stream.flush()
            return
        # Plain lines: the first, every 10 % at most once a second, and the last.
        now = time.monotonic()
        last = progress.done >= progress.total
        if progress.phase != self._phase or last or now - self._last_line >= 1.0:
            self._phase = progress.phase
            self._last_line = now
            self.stream.write(f"{label}: {progress.done}/{progress.total}\n")
            self.stream.flush()
