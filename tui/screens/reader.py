"""Reader: the article with claims highlighted, the entity panel, claim navigation."""

from __future__ import annotations

import webbrowser
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from tui.store import store
from tui.widgets.entity_panel import EntityItem, EntityPanel
from tui.widgets.reader_view import ClaimSpan, ReaderView
from tui.widgets.status_bar import StatusBar

MODES = ("text", "summary", "raw")
_RAW_LIMIT = 200_000


@dataclass
class ArticleData:
    row: dict[str, Any]
    claims: list[ClaimSpan]
    entities: list[EntityItem]
    raw: str


def load_article(db: Any, article_id: int) -> ArticleData | None:
    """Everything the reader shows, in one trip to the store (runs in a thread)."""
    row = db.run(store.get_article, article_id)
    if row is None:
        return None
    claims = [ClaimSpan(c["start"], c["end"], c["source_start"], c["source_end"], c["cue_start"],
                        c["cue_end"], c["status"], c["source"])
              for c in db.run(store.claims_for, article_id)]
    entity_rows = db.run(store.entities_for, article_id)
    daily = db.run(store.entity_daily_counts, [r["id"] for r in entity_rows])
    entities = [EntityItem.from_row(r, daily.get(r["id"])) for r in entity_rows]
    raw = ""
    if row["raw_html"]:
        body, _ = store.raw_page(row)
        raw = body[:_RAW_LIMIT].decode("utf-8", "replace")
    return ArticleData(dict(row), claims, entities, raw)


class ReaderScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,h", "back", "Back"),
        Binding("right_square_bracket", "next_claim", "Next claim"),
        Binding("left_square_bracket", "previous_claim", "Prev claim"),
        Binding("e", "focus_entities", "Entities"),
        Binding("o", "open_browser", "Open in browser"),
        Binding("y", "copy_claim", "Copy claim"),
        Binding("x", "toggle_source", "Text/summary/raw"),
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, article_id: int, claim_start: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.claim_start = claim_start
        self.data: ArticleData | None = None
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
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        self.status.noun = "claims"
        self.reader.focus()
        self._load(process=True)
        self._mark_read()

    @work(thread=True, group="writes", exit_on_error=False)
    def _mark_read(self) -> None:
        self.app.db.run(store.set_read, [self.article_id], True)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, process: bool = False) -> None:
        data = load_article(self.app.db, self.article_id)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show, data)
        if data is not None and process and data.row["state"] == "queued":
            self.app.call_from_thread(self._process_now)

    @work(exclusive=True, group="process", exit_on_error=False)
    async def _process_now(self) -> None:
        await self.app.process_article_now(self.article_id)  # type: ignore[attr-defined]
        self._load()

    def _show(self, data: ArticleData | None) -> None:
        if data is None:
            self.reader.show("Article not found", "", "It was purged from the cache.", [], [])
            return
        self.data = data
        row = data.row
        meta = " · ".join(p for p in (row["feed_name"], row["byline"] or row["author"],
                                      (row["published"] or "")[:16].replace("T", " "),
                                      row["url"]) if p)
        text, note, claims, mentions = self._content(data)
        self.reader.show(row["title"], meta, text, claims, mentions, note)
        self.query_one(EntityPanel).show_entities(data.entities if self.mode == "text" else [])
        self.status.count = len(claims)
        self.current_claim = -1
        self.status.filter = ""
        if self.claim_start is not None and claims:
            index = next((i for i, c in enumerate(self.reader.claims)
                          if c.start == self.claim_start), 0)
            self.claim_start = None
            self._select(index)

    def _content(self, data: ArticleData) -> tuple[str, str, list[ClaimSpan], list[tuple[int, int]]]:
        row = data.row
        if self.mode == "raw":
            return data.raw or "(no stored page)", "Raw page source (x to switch)", [], []
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
    def _select(self, index: int) -> None:
        claim = self.reader.select_claim(index)
        if claim is None:
            self.notify("No claims in this article.")
            return
        self.current_claim = self.reader.current
        total = len(self.reader.claims)
        self.status.filter = f"claim {self.current_claim + 1}/{total} — {claim.source} · {claim.status}"

    def action_next_claim(self) -> None:
        self._select(self.current_claim + 1 if self.current_claim >= 0 else 0)

    def action_previous_claim(self) -> None:
        self._select(max(0, self.current_claim - 1))

    # ── entities ──
    def action_focus_entities(self) -> None:
        self.query_one(EntityPanel).focus()

    @on(EntityPanel.Highlighted)
    def _entity_highlighted(self, event: EntityPanel.Highlighted) -> None:
        self.reader.mark_entity(event.entity.spans if event.entity else [])

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        from tui.screens.main import MainScreen

        self.app.pop_screen()
        for screen in self.app.screen_stack:
            if isinstance(screen, MainScreen):
                screen.set_entity_filter(event.entity.name)

    # ── other actions ──
    def action_back(self) -> None:
        if self.query_one(EntityPanel).has_focus:
            self.reader.focus()
            return
        self.app.pop_screen()

    def action_scroll_down(self) -> None:
        self.reader.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.reader.scroll_up(animate=False)

    def action_scroll_end(self) -> None:
        self.reader.scroll_end(animate=False)

    def action_toggle_source(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        if self.data is not None:
            self._show(self.data)
        self.notify(f"Showing: {'reading text' if self.mode == 'text' else self.mode}")

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
        opened = webbrowser.open(url)
        if not opened:
            self.app.call_from_thread(self.notify, "No browser available here.",
                                      severity="warning")

    def citation(self) -> str | None:
        if self.data is None or self.current_claim < 0:
            return None
        claim = self.reader.claims[self.current_claim]
        row = self.data.row
        text = self.reader.text[claim.start:claim.end]
        date = (row["published"] or "")[:10]
        return f"“{text}” — {claim.source} ({claim.status}), {row['feed_name']}, " \
               f"“{row['title']}”, {date}, {row['url']}"

    def action_copy_claim(self) -> None:
        citation = self.citation()
        if citation is None:
            self.notify("Move to a claim first with ].", severity="warning")
            return
        self.app.copy_to_clipboard(citation)
        self.notify("Claim copied with its citation.")
