"""Reader: the article with claims highlighted, the entity panel, claim navigation.

The article, its claims and entities arrive in one thread trip; the entities' per-day counts
across the cache (the sparklines) follow in a second one, so the text never waits for them.
An article still in the queue jumps it and the screen reloads when its analysis lands.
"""

from __future__ import annotations

import webbrowser
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from tui.pipeline.errors import StoreError
from tui.screens.article_data import ArticleData, citation, load_article
from tui.store import pins, search, store
from tui.widgets.entity_panel import EntityItem, EntityPanel
from tui.widgets.reader_view import ClaimSpan, ReaderView
from tui.widgets.status_bar import StatusBar
from tui.widgets.virtual_list import now_of

MODES = ("text", "summary", "raw")
MODE_NAMES = {"text": "reading text", "summary": "feed summary", "raw": "raw HTML"}
TREND_DAYS = 14


class ReaderScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,h", "back", "Back", id="back"),
        Binding("right_square_bracket", "next_claim", "Next claim", id="next_claim"),
        Binding("left_square_bracket", "previous_claim", "Prev claim", id="previous_claim"),
        Binding("e", "focus_entities", "Entities", id="focus_entities"),
        Binding("o", "open_browser", "Open in browser", show=False, id="open_browser"),
        Binding("n", "next_unread", "Next unread article", show=False, id="reader_next_unread"),
        Binding(
            "N",
            "previous_unread",
            "Previous unread article",
            show=False,
            id="reader_previous_unread",
        ),
        Binding("y", "copy_claim", "Copy claim", id="copy_claim"),
        Binding("b", "bookmark", "Bookmark claim", id="bookmark"),
        Binding("x", "toggle_source", "Text / summary / raw HTML", show=False, id="toggle_source"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="scroll_down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="scroll_up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="scroll_end"),
        Binding("home", "scroll_home", "Top", show=False, id="scroll_home"),
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
        self.current_claim = -1

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-panes"):
            yield ReaderView(id="reader")
            yield EntityPanel(id="entities")
        yield StatusBar(id="reader-status")
        yield Footer()

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def panel(self) -> EntityPanel:
        return self.query_one(EntityPanel)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def db(self) -> Any:
        return self.app.db  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.status.noun = "claims"
        self.reader.focus()
        self._load(process=True)
        self._mark_read()
        self.watch(self.app, "data_version", self._data_changed, init=False)

    def _data_changed(self) -> None:
        """Still waiting for its analysis (the queue may have it in hand): look again."""
        if self.data is not None and self.data.row["state"] in ("queued", "new"):
            self._load()

    @work(thread=True, group="writes", exit_on_error=False)
    def _mark_read(self) -> None:
        if not self.db.readonly:
            self.db.run(store.set_read, [self.article_id], True)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, process: bool = False) -> None:
        data = load_article(self.db, self.article_id)
        self.app.call_from_thread(self._show, data)
        if data is None:
            return
        if process and data.row["state"] == "queued":
            self.app.call_from_thread(self._process_now)
        ids = [e.id for e in data.entities]
        daily = self.db.run(search.entity_days, ids, today=now_of(self.app).date(), days=TREND_DAYS)
        self.app.call_from_thread(self._show_trends, daily)

    def _show_trends(self, daily: dict[int, list[int]]) -> None:
        self.daily = daily
        self.panel.show_trends(daily)

    @work(exclusive=True, group="process", exit_on_error=False)
    async def _process_now(self) -> None:
        await self.app.process_article_now(self.article_id)  # type: ignore[attr-defined]
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
                row["final_url"] or row["url"],
            )
            if p
        )
        text, note, claims, mentions = self._content(data)
        await self.reader.show(row["title"], meta, text, claims, mentions, note)
        if claims:
            self._load_bookmarks()
        self.panel.show_entities(data.entities if self.mode == "text" else [], data.pinned)
        self.panel.show_trends(self.daily)
        self.current_claim = -1
        self.status.count, self.status.detail = len(claims), ""
        self.status.filter = "" if self.mode == "text" else MODE_NAMES[self.mode]
        if self.claim_start is not None and claims:
            index = next(
                (
                    i
                    for i, c in enumerate(self.reader.claims)
                    if c.start == self.claim_start and self.source_start in (None, c.source_start)
                ),
                0,
            )
            self.claim_start = None
            self._select(index)

    def _content(
        self, data: ArticleData
    ) -> tuple[str, str, list[ClaimSpan], list[tuple[int, int]]]:
        row = data.row
        if self.mode == "raw":
            return data.raw or "(no stored page)", "The page as fetched (x to switch)", [], []
        if self.mode == "summary" or not row["text"]:
            note = ""
            if self.mode == "summary":
                note = "The feed's summary (x to switch)"
            elif row["state"] == "queued":
                note = "Fetching and analysing the full text…"
            elif row["state"] == "failed":
                note = f"Full text unavailable ({row['error']}); showing the feed's summary."
            elif row["state"] == "skipped":
                note = "Full text is off for this feed; showing the feed's summary."
            return row["summary"] or "(no summary)", note, [], []
        mentions = [span for entity in data.entities for span in entity.spans]
        return row["text"], "", data.claims, mentions

    # ── claims ──
    # ── bookmarks ──
    def action_bookmark(self) -> None:
        from tui.screens.bookmarks import bookmark_current_claim

        bookmark_current_claim(self)

    @work(thread=True, group="bookmarks", exit_on_error=False)
    def _load_bookmarks(self) -> None:
        from tui.store import bookmarks

        spots = self.app.db.run(bookmarks.bookmarked_spots, self.article_id)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show_bookmarks, spots)

    def _show_bookmarks(self, spots: set[tuple[int, int]]) -> None:
        self.reader.mark_bookmarked(spots)
        self._show_bookmark_notice()

    def _show_bookmark_notice(self) -> None:
        claims = self.reader.claims
        current = claims[self.current_claim] if 0 <= self.current_claim < len(claims) else None
        marked = current is not None and current.spot in self.reader.bookmarked
        self.status.notice = "★ bookmarked" if marked else ""

    def on_bookmark_changed(self, message: Any) -> None:
        if message.article_id == self.article_id:
            self._load_bookmarks()  # the store knows which claim an old bookmark stands for

    def _select(self, index: int) -> None:
        claim = self.reader.select_claim(index)
        if claim is None:
            self.notify(
                "No claims in this article."
                if self.mode == "text"
                else "Claims are marked in the reading text (x)."
            )
            return
        self.current_claim = self.reader.current
        total = len(self.reader.claims)
        self.status.count = None
        self.status.detail = (
            f"claim {self.current_claim + 1}/{total} — {claim.source} · {claim.status}"
        )
        self._show_bookmark_notice()

    def action_next_claim(self) -> None:
        self._select(self.current_claim + 1 if self.current_claim >= 0 else 0)

    def action_previous_claim(self) -> None:
        self._select(max(0, self.current_claim - 1))

    # ── entities ──
    def action_focus_entities(self) -> None:
        self.panel.focus()
        entity = self.panel.highlighted_entity()
        if entity is not None:
            self.reader.mark_entity(entity.spans)

    @on(EntityPanel.Highlighted)
    def _entity_highlighted(self, event: EntityPanel.Highlighted) -> None:
        if self.panel.has_focus:  # marks follow the panel's cursor only while it is in use
            self.reader.mark_entity(event.entity.spans if event.entity else [])

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        self.app.filter_by_entity(event.entity.name)  # type: ignore[attr-defined]

    @on(EntityPanel.PinRequested)
    def _pin_requested(self, event: EntityPanel.PinRequested) -> None:
        """The panel changes at once; the write follows in a thread (undone if it fails)."""
        if self.db.readonly:
            self.notify("Read-only: another sitrep is running; pin there.", severity="warning")
        elif self.data is not None:
            self._show_pin(event.entity, event.pin)
            self._save_pin(event.entity, self.data.pinned)

    def _show_pin(self, entity: EntityItem, pin: bool) -> None:
        if self.data is not None:
            (self.data.pinned.add if pin else self.data.pinned.discard)((entity.name, entity.type))
            self.panel.set_pinned(entity, pin)

    @work(thread=True, group="pins", exit_on_error=False)
    def _save_pin(self, entity: EntityItem, wanted: set[tuple[str, str]]) -> None:
        try:
            pinned = self.db.run(pins.match_pin, entity.name, entity.type, wanted)
        except StoreError as exc:  # nothing was saved: show the pin as it was
            shown = (entity.name, entity.type) in wanted
            self.app.call_from_thread(self._show_pin, entity, not shown)
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        name = entity.name  # web text: the notification is plain (markup=False)
        message = f"Unpinned {name}."
        if pinned:
            message = f"Pinned {name}: you'll be told when new claims mention it."
        self.app.call_from_thread(self.notify, message, markup=False)

    # ── other actions ──
    def action_back(self) -> None:
        if self.panel.has_focus:
            self.reader.mark_entity([])
            self.reader.focus()
            return
        self.app.pop_screen()

    def _unread(self, step: int) -> None:
        """n/N: back to the article list and open its next/previous unread article."""
        from tui.screens.main import MainScreen

        stack = self.app.screen_stack
        below = stack[-2] if len(stack) >= 2 else None
        if not isinstance(below, MainScreen):
            self.notify("n and N follow the article list: open the article from there.")
            return
        below.reading.jump(step, open_it=True)  # it closes this reader if it finds one

    def action_next_unread(self) -> None:
        self._unread(1)

    def action_previous_unread(self) -> None:
        self._unread(-1)

    def action_scroll_down(self) -> None:
        self.reader.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.reader.scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.reader.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.reader.scroll_page_up(animate=False)

    def action_scroll_end(self) -> None:
        self.reader.scroll_end(animate=False)

    def action_scroll_home(self) -> None:
        self.reader.scroll_home(animate=False)

    async def action_toggle_source(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        if self.data is not None:
            await self._show(self.data)

    def action_open_browser(self) -> None:
        if self.data is None:
            return
        url = self.data.row["final_url"] or self.data.row["url"]
        if not url.startswith(("http://", "https://", "file://")):
            self.notify("This article has no web address.", severity="warning")
            return
        self._open_url(url)

    @work(thread=True, exit_on_error=False)
    def _open_url(self, url: str) -> None:
        # webbrowser passes the URL as one argv element: no shell ever sees it.
        if not webbrowser.open(url):
            self.app.call_from_thread(self.notify, "No browser available here.", severity="warning")

    def citation(self) -> str | None:
        if self.data is None or not 0 <= self.current_claim < len(self.reader.claims):
            return None
        return citation(self.data, self.reader.text, self.reader.claims[self.current_claim])

    def action_copy_claim(self) -> None:
        text = self.citation()
        if text is None:
            self.notify("Move to a claim first with ].", severity="warning")
            return
        self.app.copy_to_clipboard(text)  # OSC 52: works over ssh and in tmux
        self.notify("Claim copied with its citation.")
