"""Reader: the article with claims highlighted, the entity panel, claim navigation.

The article, its claims and entities arrive in one thread trip; the entities' per-day counts
across the cache (the sparklines) follow in a second one, so the text never waits for them.
An article still in the queue jumps it and the screen reloads when its analysis lands.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from tui.app.contract import ClaimRef, sitrep
from tui.app.flows.bookmarks import bookmark_current_claim
from tui.app.flows.browser import open_in_browser
from tui.app.flows.claim_status import set_status_of_current_claim
from tui.app.flows.clipboard import copy_text
from tui.app.messages import BookmarkChanged, ClaimStatusSet
from tui.app.screens.article_data import (
    ArticleData,
    citation,
    content_of,
    load_article,
)
from tui.app.screens.reader_claims import ClaimCursor
from tui.app.screens.reader_panes import ReaderPanes
from tui.app.styles import sheet
from tui.app.widgets.entity_panel import TREND_DAYS, EntityPanel
from tui.app.widgets.reader_view import ReaderView
from tui.app.widgets.scrolling import scroll
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.story_hint import StoryHint
from tui.service.library import Library

MODES = ("text", "summary", "raw")
MODE_NAMES = {"text": "reading text", "summary": "feed summary", "raw": "raw HTML"}


class ReaderScreen(Screen[None]):
    CSS_PATH = sheet("reader")
    BINDINGS = [
        Binding("q,escape,h", "back", "Back", id="back"),
        Binding("right_square_bracket", "claim(1)", "Next claim", id="next_claim"),
        Binding("left_square_bracket", "claim(-1)", "Prev claim", id="previous_claim"),
        Binding("n", "unread(1)", "Next unread", id="reader_next_unread"),
        Binding("e", "entities('focus')", "Entities", id="focus_entities"),
        Binding("o", "open_browser", "Open in browser", show=False, id="open_browser"),
        Binding(
            "backslash", "entities('toggle')", "Hide/show entities", show=False, id="toggle_pane"
        ),
        Binding(
            "N", "unread(-1)", "Previous unread article", show=False,
            id="reader_previous_unread",
        ),
        Binding("y", "on_claim('copy')", "Copy claim", id="copy_claim"),
        Binding("b", "on_claim('bookmark')", "Bookmark claim", id="bookmark"),
        Binding("v", "on_claim('status')", "Set status", id="set_status"),
        Binding("x", "toggle_source", "Text / summary / raw HTML", show=False, id="toggle_source"),
        Binding("s", "story", "Story across outlets", show=False, id="story"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="scroll_down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="scroll_up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False, id="page_down"),
        Binding("pageup", "scroll('page_up')", "Page up", show=False, id="page_up"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, id="scroll_end"),
        Binding("home", "scroll('home')", "Top", show=False, id="scroll_home"),
    ]

    def __init__(
        self, article_id: int, claim_start: int | None = None, source_start: int | None = None
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.claim_start = claim_start  # open at this claim (and source, when known)
        self.source_start = source_start
        self.data: ArticleData | None = None
        self.daily: dict[int, list[int]] = {}
        self.mode = "text"
        self.cursor = ClaimCursor(self)

    def compose(self) -> ComposeResult:
        with ReaderPanes(id="reader-panes"):
            yield ReaderView(id="reader")
            yield EntityPanel(id="entities")
        yield StoryHint(self.article_id, id="reader-story")
        yield StatusBar(id="reader-status")
        yield Footer()

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def panes(self) -> ReaderPanes:
        return self.query_one(ReaderPanes)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def library(self) -> Library:
        return sitrep(self).library

    def on_mount(self) -> None:
        self.status.noun = "claim"
        self.reader.focus()
        self._load(process=True)
        self._mark_read()
        self.watch(self.app, "data_version", self._data_changed, init=False)

    def _data_changed(self) -> None:
        """Still waiting for its analysis (the queue may have it in hand), or to be read again
        by a new analyzer (after an upgrade: tui/app/refreshing.py): look again."""
        if self.data is None:
            return
        if self.data.row["state"] in ("queued", "new"):
            self._load()
        elif self.data.row["state"] == "reprocess":
            self._read_again()

    @work(thread=True, exclusive=True, group="read-again", exit_on_error=False)
    def _read_again(self) -> None:
        """Once its turn came, the article is shown as the new analyzer read it, at the claim
        the cursor was on."""
        data = load_article(self.library, self.article_id)
        if data is not None and data.row["state"] != "reprocess":
            self.app.call_from_thread(self._show_again, data)

    async def _show_again(self, data: ArticleData) -> None:
        claim = self.cursor.current_span()
        if claim is not None:
            self.claim_start, self.source_start = claim.start, claim.source_start
        await self._show(data)

    @work(thread=True, group="writes", exit_on_error=False)
    def _mark_read(self) -> None:
        if not self.library.readonly:
            self.library.set_read([self.article_id], True)
            self.app.call_from_thread(sitrep(self).bump_data, True)  # the counts follow

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, process: bool = False) -> None:
        data = load_article(self.library, self.article_id)
        self.app.call_from_thread(self._show, data)
        if data is None:
            return
        if process and data.row["state"] == "queued":
            self.app.call_from_thread(self._process_now)
        ids = [e.id for e in data.entities]
        daily = self.library.entity_days(ids, today=sitrep(self).now().date(), days=TREND_DAYS)
        self.app.call_from_thread(self.query_one(EntityPanel).show_trends, daily)
        self.app.call_from_thread(setattr, self, "daily", daily)  # `x` shows them again

    @work(exclusive=True, group="process", exit_on_error=False)
    async def _process_now(self) -> None:
        await sitrep(self).process_article_now(self.article_id)
        self._load()

    async def _show(self, data: ArticleData | None) -> None:
        if data is None:
            await self.reader.show("Article not found", "", "It was purged from the cache.", [], [])
            return
        self.data = data
        row = data.row
        when = (row["published"] or "")[:16].replace("T", " ")
        meta = " · ".join(
            p
            for p in (
                row["feed_name"],
                row["byline"] or row["author"],
                when,
            )
            if p
        )
        text, note, claims, mentions = content_of(data, self.mode)
        await self.reader.show(row["title"], meta, text, claims, mentions, note)
        if claims:
            self.cursor.load_bookmarks()
        self.panes.pinned = data.pinned
        panel = self.query_one(EntityPanel)
        panel.show_entities(data.entities if self.mode == "text" else [], data.pinned)
        panel.show_trends(self.daily)
        self.cursor.current = -1
        self.status.count, self.status.detail = len(claims), ""
        language = row.get("language") or "en"
        if language != "en" and self.mode == "text":
            self.status.detail = f"claims and entities: English only (this article: {language})"
        self.status.filter = "" if self.mode == "text" else MODE_NAMES[self.mode]
        if self.claim_start is not None and claims:
            index = next(
                (
                    i
                    for i, c in enumerate(self.reader.claims)
                    if c.start == self.claim_start
                    and self.source_start in (None, c.source_start)
                ),
                0,
            )
            self.claim_start = None
            self.cursor.select(index)

    # ── claims and bookmarks ──
    @property
    def current_claim(self) -> int:
        return self.cursor.current

    def claim_ref(self) -> ClaimRef | None:
        """The claim under the cursor (`b` bookmarks it)."""
        claim = self.cursor.current_span()
        if self.data is None or claim is None:
            return None
        return ClaimRef(
            self.article_id, claim.start, claim.source_start, claim.status,
            claim.analysis_status, claim.manual,
        )  # fmt: skip

    def action_claim(self, step: int) -> None:
        self.cursor.step(step)

    def action_on_claim(self, what: str) -> None:
        """b (bookmark), v (status) and y (copy with its citation): the claim under the cursor."""
        if what == "bookmark":
            bookmark_current_claim(self)
        elif what == "status":
            set_status_of_current_claim(self)
        elif (claim := self.cursor.current_span()) is None or self.data is None:
            self.notify("Move to a claim first with ].", severity="warning")
        else:
            copy_text(self, citation(self.data, self.reader.text, claim), "Claim and citation")

    def on_claim_status_set(self, message: ClaimStatusSet) -> None:
        self.cursor.status_set(message)

    def on_bookmark_changed(self, message: BookmarkChanged) -> None:
        if message.article_id == self.article_id:
            self.cursor.load_bookmarks()  # the store knows which claim an old bookmark stands for

    # ── other actions ──
    def action_entities(self, how: str) -> None:
        """e (focus) and \\ (toggle): see ReaderPanes."""
        (self.panes.focus_entities if how == "focus" else self.panes.toggle_entities)()

    def action_back(self) -> None:
        if not self.panes.leave_entities():
            self.app.pop_screen()

    def action_story(self) -> None:
        """s: the story this article is in, across outlets."""
        self.query_one(StoryHint).open_story()

    def action_unread(self, step: int) -> None:
        """n/N: back to the article list and open its next/previous unread article."""
        if not sitrep(self).navigate.next_unread(step):  # it closes this reader if it finds one
            self.notify("n and N follow the article list: open the article from there.")

    def action_scroll(self, how: str) -> None:
        scroll(self.reader, how)

    async def action_toggle_source(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        if self.data is not None:
            await self._show(self.data)

    def action_open_browser(self) -> None:
        if self.data is not None:
            open_in_browser(self, self.data.row["final_url"] or self.data.row["url"])
