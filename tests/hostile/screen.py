"""What the terminal would show: the current screen rendered to plain text lines."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget


def screen_lines(app: App[Any]) -> list[str]:
    """Every row of the composed screen (toasts and modals included), as plain text."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def widget_text(app: App[Any], widget: Widget) -> str:
    """The screen text inside *widget*'s region (what the user sees of it)."""
    region = widget.region
    lines = screen_lines(app)[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


def toast_texts(app: App[Any]) -> list[str]:
    """The text of each notification on screen, its wrapped lines joined (tests must ask for
    notifications: `run_test(notifications=True)`)."""
    texts = []
    for toast in app.screen.query("Toast"):
        lines = widget_text(app, toast).replace("▌", " ").split()
        texts.append(" ".join(lines))
    return texts


def find_on_screen(app: App[Any], text: str) -> tuple[int, int]:
    """(x, y) of the first cell of *text* on screen; AssertionError when it is not shown."""
    for y, line in enumerate(screen_lines(app)):
        x = line.find(text)
        if x >= 0:
            return x, y
    raise AssertionError(f"{text!r} is not on screen:\n{screen_text(app)}")
