"""Help: every binding active where `?` was pressed, read from the bindings themselves.

Grouped by where each binding is declared (the focused pane, the screen, everywhere), so what
it lists is true by construction: a binding added to a widget shows up here with no edit.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.app.styles import sheet
from tui.app.widgets.article_list import COLUMNS
from tui.app.widgets.scrolling import scroll
from tui.app.widgets.status_looks import LOOKS, SET_BY_YOU
from tui.app.widgets.story_list import COLUMNS as STORY_COLUMNS
from tui.app.widgets.story_list import CONTESTED
from tui.core.query_help import QUERY_HELP

HIDDEN_ACTIONS = {"screen.copy_text"}  # a terminal's own copy; not ours to explain
_ORDER = {"screen": 0, "(focused)": 1, "Everywhere": 2}
# What the marks of a screen's lists mean, shown under its keys.
LEGENDS = {
    "Main": ("Article list columns", list(COLUMNS)),
    "Reader": ("Claim marks", [(v.glyph, k) for k, v in LOOKS.items()]
               + [(SET_BY_YOU, "status set by you (v)"), ("source", "underlined"),
                  ("evidence", "marked while its claim is current"),
                  ("★", "bookmarked (overline in the text)")]),
    "Claims": ("Claim statuses", [(v.glyph, k) for k, v in LOOKS.items()]
               + [(SET_BY_YOU, "status set by you (v)"), ("★", "bookmarked")]),
    "Stories": ("Story list columns", list(STORY_COLUMNS)),
    "Story": ("Story marks", [(v.glyph, k) for k, v in LOOKS.items()]
              + [(CONTESTED, "two rows that cannot both be right (denial, dispute, figures)"),
                 ("↳", "one outlet's wording of the row: enter opens it there")]),
}
# Keys handled outside the bindings system (VirtualList.on_key): listed so help stays complete.
EXTRA_KEYS = {
    "ArticleList": [("g g", "Top")], "ClaimList": [("g g", "Top")], "StoryList": [("g g", "Top")],
}  # fmt: skip


def collect(active: Mapping[str, ActiveBinding], display: object) -> list[tuple[str, list]]:
    """[(section title, [(keys, description)])] from a screen's active bindings."""
    sections: dict[str, dict[str, tuple[list[str], str]]] = {}
    for key, item in active.items():
        binding = item.binding
        if (
            not binding.description
            or binding.action in HIDDEN_ACTIONS
            or (binding.system and binding.action != "command_palette")
        ):
            continue
        section = _section(item)
        keys, _ = sections.setdefault(section, {}).setdefault(
            binding.action, ([], binding.description)
        )
        label = display(Binding(key, binding.action)) if callable(display) else key
        if label not in keys:
            keys.append(label)
    ordered = sorted(sections.items(), key=lambda item: _ORDER.get(item[0].split()[-1], 1))
    return [(title, [(" ".join(k), d) for k, d in rows.values()]) for title, rows in ordered]


def _section(item: ActiveBinding) -> str:
    node = item.node
    if isinstance(node, Screen):
        return f"{type(node).__name__.removesuffix('Screen') or 'This'} screen"
    if node is node.app:
        return "Everywhere"
    return f"{type(node).__name__} (focused)"


def render_rows(rows: list[tuple[str, str]]) -> Content:
    width = max((len(k) for k, _ in rows), default=4) + 3
    text, spans = "", []
    for keys, description in rows:
        spans.append(Span(len(text), len(text) + len(keys), "bold $text-warning"))
        text += f"{keys:<{width}}{description}\n"
    return Content(text.rstrip("\n"), spans)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = sheet("help")
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="close_help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="scroll_down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="scroll_up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False, id="page_down"),
        Binding("pageup", "scroll('page_up')", "Page up", show=False, id="page_up"),
        Binding("G,end", "scroll('end')", "Bottom", show=False, id="scroll_end"),
        Binding("g,home", "scroll('home')", "Top", show=False, id="scroll_home"),
    ]

    def __init__(self, origin: Screen, active_bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self.origin_name = type(origin).__name__.removesuffix("Screen") or "App"
        focused = type(origin.focused).__name__ if origin.focused else ""
        self.sections = collect(active_bindings, self.app.get_key_display)
        if focused in EXTRA_KEYS:
            title = f"{focused} (focused)"
            for section, rows in self.sections:
                if section == title:
                    rows.extend(EXTRA_KEYS[focused])
                    break
            else:
                self.sections.insert(0, (title, list(EXTRA_KEYS[focused])))

    def action_scroll(self, how: str) -> None:
        scroll(self.query_one(VerticalScroll), how)

    @property
    def legend_rows(self) -> list[tuple[str, str]]:
        """What the marks of the screen's lists mean (empty where there are none)."""
        return list(LEGENDS.get(self.origin_name, ("", []))[1])

    @property
    def rows(self) -> list[tuple[str, str]]:
        return [row for _, rows in self.sections for row in rows]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(
                Content.styled(f"Keys — {self.origin_name} (esc closes)", "bold"),
                classes="help-heading",
            )
            for title, rows in self.sections:
                yield Static(Content.styled(title, "bold $text-accent"), classes="help-heading")
                yield Static(render_rows(rows))
            if self.origin_name in LEGENDS:
                title, rows = LEGENDS[self.origin_name]
                yield Static(Content.styled(title, "bold $text-accent"), classes="help-heading")
                yield Static(render_rows(rows))
            yield Static(
                Content.styled("Filter language (/)", "bold $text-accent"), classes="help-heading"
            )
            yield Static(Content(QUERY_HELP))
