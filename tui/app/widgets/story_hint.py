"""The reader's line about the article's story: "also in 3 outlets · s opens the story".

Self-contained so the reader only places it and binds its key: it looks the story up in a
thread when mounted (and again when the cache changes, since an article is filed into its story
after its analysis), and shows itself only when other outlets carry the story.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.content import Content
from textual.widgets import Static

from tui.app.contract import sitrep
from tui.app.widgets.story_list import CONTESTED
from tui.service.story_detail import StoryLink


class StoryHint(Static):
    DEFAULT_CSS = """
    StoryHint { height: 1; display: none; padding: 0 1; background: $boost; }
    StoryHint.-shown { display: block; }
    """

    def __init__(self, article_id: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article_id = article_id
        self.link: StoryLink | None = None

    def on_mount(self) -> None:
        self._load()
        self.watch(self.app, "data_version", self._load, init=False)

    @work(thread=True, exclusive=True, group="story-hint", exit_on_error=False)
    def _load(self) -> None:
        link = sitrep(self).library.story_of_article(self.article_id)
        self.app.call_from_thread(self._show, link)

    def _show(self, link: StoryLink | None) -> None:
        self.link = link
        shown = link is not None and link.other_outlets >= 1
        self.set_class(shown, "-shown")
        if link is None or not shown:
            return
        others = link.other_outlets
        text = Content.assemble(
            (f"also in {others} other outlet{'s' * (others != 1)}", "bold $text-accent"),
            (f" · {CONTESTED} contested" if link.contested else "", "$text-warning"),
            (" · s opens the story", ""),
            (f" · {link.articles} articles", "$text-muted"),
        )
        self.update(text)

    def open_story(self) -> None:
        if self.link is None:
            self.notify("This article is in no story yet: it is filed once it is analysed.")
            return
        sitrep(self).navigate.story(self.link.story_id)
