"""Opening an article's address in the user's browser (`o`), off the event loop."""

from __future__ import annotations

import webbrowser
from typing import Any

from textual.dom import DOMNode

SCHEMES = ("http://", "https://", "file://")


def open_in_browser(node: DOMNode, url: str, *, schemes: tuple[str, ...] = SCHEMES,
                    missing: str = "This article has no web address.") -> None:
    """Open *url* unless it is not a web address (say so). webbrowser may start a process and
    wait for it: a thread worker on *node* does it."""
    if not url.startswith(schemes):
        node.notify(missing, severity="warning")
        return
    node.run_worker(lambda: _open(node, url), thread=True, name="_open_url", exit_on_error=False)


def _open(node: Any, url: str) -> None:
    # webbrowser passes the URL as one argv element: no shell ever sees it.
    if not webbrowser.open(url):
        node.app.call_from_thread(node.notify, "No browser available here.", severity="warning")
