"""The scroll keys of a text that is read, not navigated (the reader, the help): one name per
move, for screens whose bindings say `scroll('page_down')`. No animation: a key press moves."""

from __future__ import annotations

from textual.widget import Widget


def scroll(view: Widget, how: str) -> None:
    """*how*: down, up, page_down, page_up, end or home."""
    moves = {
        "down": view.scroll_down,
        "up": view.scroll_up,
        "page_down": view.scroll_page_down,
        "page_up": view.scroll_page_up,
        "end": view.scroll_end,
        "home": view.scroll_home,
    }
    moves[how](animate=False)
