"""The feeds pane: all articles, each feed with its unread count (failing ones marked), tags."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True)
class FeedInfo:
    id: int
    name: str
    unread: int
    error: str | None
    tags: tuple[str, ...]

    @classmethod
    def from_row(cls, row: Any) -> FeedInfo:
        tags = tuple(t for t in (row["tags"] or "").split() if t)
        return cls(row["id"], row["name"] or row["title"] or row["url"], row["unread"],
                   row["last_error"], tags)


def _label(name: str, count: int, error: str | None = None) -> Content:
    mark = "✖ " if error else ""
    text = f"{mark}{name}"
    count_text = f" {count}" if count else ""
    content = Content(text + count_text)
    spans = []
    if error:
        spans.append(Span(0, len(text), "$error"))
    if count_text:
        spans.append(Span(len(text), len(text) + len(count_text), "bold $accent"))
    return Content(content.plain, spans)


class FeedList(OptionList):
    """Choosing an entry filters the article list by feed or tag."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter,l", "select", "Show", show=False),
    ]

    class Chosen(Message):
        """filter is '' for all articles, else a query term such as feed:"..." or tag:x."""

        def __init__(self, filter: str, label: str) -> None:
            self.filter = filter
            self.label = label
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.feeds: list[FeedInfo] = []

    def show_feeds(self, feeds: list[FeedInfo]) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.feeds = feeds
        total = sum(f.unread for f in feeds)
        options: list[Option | None] = [Option(_label("All articles", total), id="all")]
        options.append(None)
        for feed in feeds:
            options.append(Option(_label(feed.name, feed.unread, feed.error), id=f"feed:{feed.id}"))
        tags = sorted({t for f in feeds for t in f.tags})
        if tags:
            options.append(None)
            for tag in tags:
                unread = sum(f.unread for f in feeds if tag in f.tags)
                options.append(Option(_label(f"#{tag}", unread), id=f"tag:{tag}"))
        self.clear_options()
        self.add_options(options)
        if highlighted:
            try:
                self.highlighted = self.get_option_index(highlighted)
            except Exception:  # the option went away with a config change
                self.highlighted = 0
        elif self.option_count:
            self.highlighted = 0

    def feed(self, feed_id: int) -> FeedInfo | None:
        return next((f for f in self.feeds if f.id == feed_id), None)

    def failing(self) -> list[FeedInfo]:
        return [f for f in self.feeds if f.error]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or "all"
        if option_id == "all":
            self.post_message(self.Chosen("", "All articles"))
        elif option_id.startswith("feed:"):
            info = self.feed(int(option_id[5:]))
            if info is not None:
                self.post_message(self.Chosen(f"feed_id:{info.id}", info.name))
        else:
            tag = option_id[4:]
            self.post_message(self.Chosen(f"tag:{tag}", f"#{tag}"))
