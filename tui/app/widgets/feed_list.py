"""The feeds pane: all articles, each feed with its unread count (failing ones marked), tags,
and the saved searches (`[[search]]`, shown as `/ name`: virtual feeds with their unread count).

Names are cut to the pane's width (never wrapped); a failing feed shows ✖ in the error colour,
and its last error is one key away (the status bar shows it while it is highlighted; `e`/`E`
on the main screen jump between failing feeds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.widgets.row import Row


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
        return cls(
            row["id"],
            row["name"] or row["title"] or row["url"],
            row["unread"],
            row["last_error"],
            tags,
        )


@dataclass(frozen=True)
class SearchInfo:
    name: str
    query: str
    unread: int | None  # None: too long to count at start-up


def feed_row(name: str, unread: int | None, error: str | None = None) -> Row:
    label = Content.styled(f"✖ {name}", "$text-error") if error else Content(name)
    count = Content.styled(f"{unread:,}", "bold $accent") if unread else Content("")
    if unread is None:
        count = Content.styled("…", "$text-muted")
    return Row(label, count)


class FeedList(OptionList):
    """Choosing an entry filters the article list by feed or tag."""

    DEFAULT_CSS = """
    FeedList { border: none; padding: 0; background: $surface;
        scrollbar-size-vertical: 1; }
    FeedList:focus { border: none; background-tint: $foreground 4%; }
    FeedList > .option-list--option { padding: 0 1; }
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor_up", "Up", show=False, id="cursor_up"),
        Binding("l,right", "select", "Show", show=False, id="open"),
    ]

    class Chosen(Message):
        """filter is '' for all articles, else `feed_id:<id>`, `tag:<name>` or
        `search:<query>` (a saved search)."""

        def __init__(self, filter: str, label: str) -> None:
            self.filter = filter
            self.label = label
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.feeds: list[FeedInfo] = []
        self.searches: list[SearchInfo] = []

    def show_feeds(self, feeds: list[FeedInfo], searches: list[SearchInfo] | None = None) -> None:
        """Show *feeds* (and *searches*, when given). While a refresh runs this is called often:
        when the same feeds, tags and searches are listed only the rows that changed are
        redrawn, not the whole pane."""
        old, old_searches = self.feeds, self.searches
        self.feeds = feeds
        if searches is not None:
            self.searches = searches
        rows = self._rows(feeds, self.searches)
        same_searches = [s.name for s in old_searches] == [s.name for s in self.searches]
        if (
            [f.id for f in old] == [f.id for f in feeds]
            and self._tags(old) == self._tags(feeds)
            and same_searches
        ):
            before = {key: row.plain for key, row in self._rows(old, old_searches).items()}
            for option_id, row in rows.items():
                if before.get(option_id) != row.plain:
                    self.replace_option_prompt(option_id, row)
            return
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        options: list[Option | None] = [Option(rows.pop("all"), id="all"), None]
        options += [Option(rows.pop(f"feed:{f.id}"), id=f"feed:{f.id}") for f in feeds]
        tag_rows = {k: v for k, v in rows.items() if k.startswith("tag:")}
        search_rows = {k: v for k, v in rows.items() if k.startswith("search:")}
        for group in (tag_rows, search_rows):
            if group:
                options.append(None)
                options += [Option(row, id=option_id) for option_id, row in group.items()]
        self.clear_options()
        self.add_options(options)
        try:
            self.highlighted = self.get_option_index(highlighted) if highlighted else 0
        except OptionDoesNotExist:  # the feed went away with a config change
            self.highlighted = 0

    @staticmethod
    def _tags(feeds: list[FeedInfo]) -> list[str]:
        return sorted({t for f in feeds for t in f.tags})

    def _rows(self, feeds: list[FeedInfo], searches: list[SearchInfo]) -> dict[str, Row]:
        rows = {"all": feed_row("All articles", sum(f.unread for f in feeds))}
        rows.update({f"feed:{f.id}": feed_row(f.name, f.unread, f.error) for f in feeds})
        for tag in self._tags(feeds):
            unread = sum(f.unread for f in feeds if tag in f.tags)
            rows[f"tag:{tag}"] = feed_row(f"#{tag}", unread)
        for index, search in enumerate(searches):
            rows[f"search:{index}"] = feed_row(f"/ {search.name}", search.unread)
        return rows

    def feed(self, feed_id: int) -> FeedInfo | None:
        return next((f for f in self.feeds if f.id == feed_id), None)

    def failing(self) -> list[FeedInfo]:
        return [f for f in self.feeds if f.error]

    def highlighted_feed(self) -> FeedInfo | None:
        option_id = self.highlighted_option.id if self.highlighted_option else None
        if option_id and option_id.startswith("feed:"):
            return self.feed(int(option_id[5:]))
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or "all"
        if option_id == "all":
            self.post_message(self.Chosen("", ""))
        elif option_id.startswith("feed:"):
            info = self.feed(int(option_id[5:]))
            if info is not None:
                self.post_message(self.Chosen(f"feed_id:{info.id}", info.name))
        elif option_id.startswith("search:"):
            search = self.searches[int(option_id[7:])]
            self.post_message(self.Chosen(f"search:{search.query}", f"/ {search.name}"))
        else:
            tag = option_id[4:]
            self.post_message(self.Chosen(f"tag:{tag}", f"#{tag}"))
