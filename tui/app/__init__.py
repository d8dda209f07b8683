"""The Textual app: screens, widgets, palette commands and styles, over the service layer."""

from tui.app.app import SitrepApp, make_app

__all__ = ["SitrepApp", "make_app"]
