"""The reader's claim cursor: `]`/`[` between claims, the status line that says whose claim it
is and why it has its status, and the "★ bookmarked" notice.

Bookmarks are looked up in a thread each time the article is shown or a bookmark changes: the
store knows which claim an old bookmark stands for, the screen does not.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App

from tui.app.messages import ClaimStatusSet
from tui.app.screens.article_data import ArticleData, span_of
from tui.app.widgets.reader_view import ClaimSpan, ReaderView
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.status_words import status_line
from tui.service.library import Library


class ReaderLike(Protocol):
    """What the cursor needs of the reader screen."""

    app: App[Any]
    article_id: int
    data: ArticleData | None
    mode: str

    @property
    def reader(self) -> ReaderView: ...
    @property
    def status(self) -> StatusBar: ...
    @property
    def library(self) -> Library: ...
    def notify(self, message: str, *, severity: Any = ..., timeout: float | None = ...) -> None:
        ...
    def run_worker(self, work: Any, **kwargs: Any) -> Any: ...


class ClaimCursor:
    def __init__(self, screen: ReaderLike) -> None:
        self.screen = screen
        self.current = -1  # index into the reader's claims; -1 before the first `]`

    def step(self, step: int) -> None:
        """] and [: the next (1) or previous (-1) claim; the first one from nowhere."""
        if step > 0:
            self.select(self.current + 1 if self.current >= 0 else 0)
        else:
            self.select(max(0, self.current - 1))

    def select(self, index: int) -> None:
        screen = self.screen
        claim = screen.reader.select_claim(index)
        if claim is None:
            screen.notify(
                "No claims in this article."
                if screen.mode == "text"
                else "Claims are marked in the reading text (x)."
            )
            return
        self.current = screen.reader.current
        self.describe(claim)
        self.show_bookmark_notice()

    def current_span(self) -> ClaimSpan | None:
        claims = self.screen.reader.claims
        return claims[self.current] if 0 <= self.current < len(claims) else None

    def describe(self, claim: ClaimSpan) -> None:
        """The status line: which claim, whose, its status and why."""
        total = len(self.screen.reader.claims)
        why = status_line(
            claim.status, claim.evidence, manual=claim.manual,
            analysis_status=claim.analysis_status,
        )  # fmt: skip
        self.screen.status.count = None
        self.screen.status.detail = f"claim {self.current + 1}/{total} — {claim.source} · {why}"

    def status_set(self, message: ClaimStatusSet) -> None:
        """The user set a claim's status (`v`): show it there, and in the status line."""
        screen = self.screen
        if message.article_id != screen.article_id:
            return
        claim = span_of(message.claim)
        if screen.data is not None:  # what `x` shows again
            screen.data.claims = [claim if c.spot == claim.spot else c for c in screen.data.claims]
        for number, shown in enumerate(screen.reader.claims):
            if shown.spot == claim.spot:
                screen.reader.replace_claim(number, claim)
                if number == self.current:
                    self.describe(claim)

    def load_bookmarks(self) -> None:
        self.screen.run_worker(
            self._read_bookmarks, thread=True, group="bookmarks", name="_load_bookmarks",
            exit_on_error=False,
        )  # fmt: skip

    def _read_bookmarks(self) -> None:
        screen = self.screen
        spots = screen.library.bookmarked_spots(screen.article_id)
        screen.app.call_from_thread(screen.reader.mark_bookmarked, spots)
        screen.app.call_from_thread(self.show_bookmark_notice)

    def show_bookmark_notice(self) -> None:
        current = self.current_span()
        marked = current is not None and current.spot in self.screen.reader.bookmarked
        self.screen.status.notice = "★ bookmarked" if marked else ""
