"""One line under the lists: `<N> articles`, the active filter, refresh progress, notices."""

from __future__ import annotations

from textual.content import Content, Span
from textual.reactive import reactive
from textual.widget import Widget


class StatusBar(Widget):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    count = reactive(0)
    noun = reactive("articles")
    filter = reactive("")
    progress = reactive("")
    notice = reactive("")

    def render(self) -> Content:
        parts: list[tuple[str, str]] = [(f"{self.count:,} {self.noun}", "bold")]
        if self.filter:
            parts.append((f"filter: {self.filter}", "$accent"))
        if self.progress:
            parts.append((self.progress, "$warning"))
        if self.notice:
            parts.append((self.notice, "$error"))
        text = ""
        spans = []
        for index, (part, style) in enumerate(parts):
            if index:
                text += "  ·  "
            spans.append(Span(len(text), len(text) + len(part), style))
            text += part
        return Content(text, spans)
