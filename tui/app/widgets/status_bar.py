"""One line under the lists: `<N> articles` (`1 article`), the claim under the cursor, the
active filter, refresh progress and notices (a failing feed's error).

Scripts and tests look for `<N> articles` and `claim i/N — <source> · <status>` here, so those
two texts keep exactly that form.
"""

from __future__ import annotations

from textual.content import Content, Span
from textual.reactive import reactive
from textual.widget import Widget

from tui.app.wording import count_of


class StatusBar(Widget):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    count: reactive[int | None] = reactive(0)
    more = reactive(False)  # the count is a floor while the list's full count is on its way
    noun = reactive("article")  # singular: count_of makes the plural
    detail = reactive("")
    filter = reactive("")
    progress = reactive("")
    notice = reactive("")
    hint = reactive("")  # what a mark under the cursor means; last, so it gives way first

    def render(self) -> Content:
        parts: list[tuple[str, str]] = []
        if self.count is not None:
            text = count_of(self.count, self.noun)
            if self.more:
                text = f"{self.count:,}+ {count_of(2, self.noun).split(' ', 1)[1]}"
            parts.append((text, "bold"))
        if self.detail:
            parts.append((self.detail, "bold $text-accent"))
        if self.filter:
            parts.append((f"filter: {self.filter}", "$text-accent"))
        if self.progress:
            parts.append((self.progress, "$text-warning"))
        if self.notice:
            parts.append((self.notice, "$text-error"))
        if self.hint:
            parts.append((self.hint, "$text-muted"))
        text = ""
        spans = []
        for index, (part, style) in enumerate(parts):
            if index:
                text += "  ·  "
            spans.append(Span(len(text), len(text) + len(part), style))
            text += part
        return Content(text, spans)
