"""Help: every binding active on the screen it was opened from, read from the bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.query_help import QUERY_HELP


def key_label(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "right_square_bracket": "]",
             "left_square_bracket": "[", "escape": "esc", "enter": "enter"}
    return names.get(key, key)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: 90%;
        border: thick $accent; background: $surface; padding: 1 2; }
    HelpScreen .help-heading { text-style: bold; color: $accent; margin-top: 1; }
    """

    def __init__(self, origin: Screen, active_bindings: dict) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.origin_name = type(origin).__name__.replace("Screen", "") or "App"
        self.rows = self._collect(active_bindings)

    @staticmethod
    def _collect(active_bindings: dict) -> list[tuple[str, str]]:  # type: ignore[type-arg]
        by_action: dict[str, tuple[list[str], str]] = {}
        for key, active in active_bindings.items():
            binding = active.binding
            if not binding.description or binding.system:
                continue
            keys, description = by_action.setdefault(binding.action, ([], binding.description))
            label = key_label(key)
            if label not in keys:
                keys.append(label)
        return [(" / ".join(keys), description) for keys, description in by_action.values()]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content.styled(f"Keys on the {self.origin_name} screen", "bold"),
                         classes="help-heading")
            width = max((len(k) for k, _ in self.rows), default=4) + 2
            lines = []
            spans = []
            text = ""
            for keys, description in self.rows:
                line = f"{keys:<{width}}{description}\n"
                spans.append(Span(len(text), len(text) + len(keys), "bold $warning"))
                text += line
                lines.append(line)
            yield Static(Content(text.rstrip("\n"), spans))
            yield Static(Content.styled("Filter language (/)", "bold"), classes="help-heading")
            yield Static(Content(QUERY_HELP))
