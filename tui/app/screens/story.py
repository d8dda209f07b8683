"""Story screen: one event across outlets — its articles as a timeline, the contradictions
paired, the figures side by side, and the claim ledger grouped by source.

Enter on an article opens it; Enter on a ledger row, a contradiction or one outlet's mention
opens the reader at that claim in that outlet's article. The report is built in a thread (the
same one `sitrep stories --json` prints) and rebuilt when the cache changes while it is shown
(a refresh files new articles into the story).
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from tui.app.contract import sitrep
from tui.app.styles import sheet
from tui.app.widgets.status_bar import StatusBar
from tui.app.widgets.story_list import CONTESTED
from tui.app.widgets.story_outline import StoryOutline
from tui.app.widgets.story_sections import when
from tui.service.story_detail import StoryDetail


class StoryScreen(Screen[None]):
    CSS_PATH = sheet("stories")
    BINDINGS = [
        Binding("q,escape,h", "back", "Back", id="back"),
        Binding("right_square_bracket", "section(1)", "Next section", id="next_section"),
        Binding("left_square_bracket", "section(-1)", "Prev section", id="previous_section"),
    ]

    def __init__(self, story_id: str) -> None:
        super().__init__()
        self.story_id = story_id
        self.detail: StoryDetail | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="story-title")
        yield Static(id="story-meta")
        yield StoryOutline(id="story-outline")
        yield StatusBar(id="story-status")
        yield Footer()

    @property
    def outline(self) -> StoryOutline:
        return self.query_one(StoryOutline)

    def on_mount(self) -> None:
        status = self.query_one(StatusBar)
        status.noun, status.count = "article", None
        self.outline.focus()
        self.query_one("#story-meta", Static).update(Content("Reading the story…"))
        self._load()
        self.watch(self.app, "data_version", self._load, init=False)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _load(self) -> None:
        detail = sitrep(self).library.story(self.story_id)
        self.app.call_from_thread(self._show, detail)

    def _show(self, detail: StoryDetail | None) -> None:
        if detail is None:
            self.query_one("#story-title", Static).update(Content("Story not found"))
            self.query_one("#story-meta", Static).update(
                Content("Its articles were purged from the cache, or filed again elsewhere.")
            )
            return
        if detail == self.detail:
            return  # the cache changed elsewhere: nothing to repaint
        self.detail = detail
        self.query_one("#story-title", Static).update(Content(detail.title))
        articles, outlets = len(detail.articles), len(detail.outlets)
        parts = [
            f"{articles} article{'s' * (articles != 1)}",
            f"{outlets} outlet{'s' * (outlets != 1)}: " + ", ".join(detail.outlets),
        ]
        if detail.articles:
            first, last = when(detail.articles[0].published), when(detail.articles[-1].published)
            parts.append(first if first == last else f"{first} – {last}")
        meta = Content(" · ".join(parts))
        if detail.pairs:
            meta = meta + Content.styled(f"  {CONTESTED} contested", "bold $text-warning")
        self.query_one("#story-meta", Static).update(meta)
        self.outline.show(detail)
        self._explain()

    @on(OptionList.OptionHighlighted)
    def _explain(self) -> None:
        """The status line says where Enter goes from the line under the cursor."""
        target = self.outline.target
        status = self.query_one(StatusBar)
        status.detail = f"enter: {target.what}" if target is not None else ""

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        target = self.outline.targets.get(event.option.id or "")
        if target is not None:
            sitrep(self).navigate.reader(target.article_id, target.claim_start, target.source_start)

    def action_section(self, step: int) -> None:
        self.outline.jump(step)

    def action_back(self) -> None:
        self.app.pop_screen()

    def commands(self) -> Iterator[SystemCommand]:
        """Palette entries of this screen: its sections."""
        names = ["Timeline"]
        if self.detail is not None and self.detail.pairs:
            names.append("Contradictions")
        if self.detail is not None and self.detail.figures:
            names.append("Figures")
        names.append("Ledger")
        for number, name in enumerate(names):
            yield SystemCommand(
                f"Story: {name.lower()}",
                f"Jump to the story's {name.lower()} (] and [ step through the sections)",
                lambda number=number: self._go_to(number),
            )

    def _go_to(self, section: int) -> None:
        self.outline.highlighted = None
        for _ in range(section + 1):
            self.outline.jump(1)
