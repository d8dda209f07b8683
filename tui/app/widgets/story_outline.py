"""The story screen's body: one scrolling list of sections (timeline, contradictions, figures,
ledger; see story_sections.py for the lines), so it reads the same at 80 columns.

The cursor skips headings; `]`/`[` jump between sections; Enter posts
OptionList.OptionSelected and `targets` says where that line goes. The lines are built for the
list's width (hanging indents) and built again when the width changes, keeping the cursor.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.widgets import OptionList

from tui.app.widgets.story_sections import Sections, Target
from tui.service.story_detail import StoryDetail


class StoryOutline(OptionList):
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("G,end", "last", "Bottom", show=False, id="last"),
        Binding("home", "first", "Top", show=False, id="first"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
        Binding("enter,l", "select", "Open", id="open"),
    ]
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"story-outline--muted"}
    DEFAULT_CSS = """
    StoryOutline > .story-outline--muted { color: $text-muted; }
    StoryOutline { background: $surface; border: none; padding: 0 1; scrollbar-size-vertical: 1; }
    StoryOutline:focus { border: none; }
    StoryOutline > .option-list--option-disabled { color: $foreground; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.detail: StoryDetail | None = None
        self.targets: dict[str, Target] = {}
        self.sections: list[int] = []  # option index of each section's heading
        self._width = 0

    def show(self, detail: StoryDetail) -> None:
        """Replace the content, keeping the cursor on the same line when it is still there."""
        self.detail = detail
        self._build()

    def _build(self) -> None:
        if self.detail is None:
            return
        kept = self.highlighted_option.id if self.highlighted_option is not None else None
        top = self.scroll_y
        self._width = self.scrollable_content_region.width
        built = Sections(self._width - 1, self._muted()).build(self.detail)
        self.targets, self.sections = built.targets, built.headings
        self.set_options(built.options)
        ids = [o.id for o in built.options]
        if kept is not None and kept in ids:
            self.scroll_to(y=top, animate=False)
            self.highlighted = ids.index(kept)
        else:
            self.highlighted = next(
                (i for i, o in enumerate(built.options) if not o.disabled), None
            )
            self.scroll_home(animate=False)

    def _muted(self) -> str:
        """The muted text colour as this list shows it (Content's "$text-muted" is computed
        against another background inside an OptionList and comes out white)."""
        colour = self.get_component_rich_style("story-outline--muted").color
        return colour.get_truecolor().hex if colour is not None else "dim"

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._build()

    @property
    def target(self) -> Target | None:
        option = self.highlighted_option
        return self.targets.get(option.id or "") if option is not None else None

    def jump(self, step: int) -> None:
        """`]`/`[`: the first line of the next/previous section, its heading at the top."""
        at = self.highlighted if self.highlighted is not None else -1
        current = max((s for s in self.sections if s <= at), default=-1)
        if step > 0:
            chosen = next((s for s in self.sections if s > at), None)
        else:
            before = [s for s in self.sections if s < current]
            chosen = before[-1] if before else (current if current >= 0 else None)
        if chosen is None:
            return
        first = next(
            (i for i in range(chosen + 1, self.option_count)
             if not self.get_option_at_index(i).disabled),
            None,
        )  # fmt: skip
        if first is not None:
            self.highlighted = chosen  # a heading: nothing to select, but it scrolls to the top
            self.scroll_to_highlight(top=True)
            self.highlighted = first
