"""Where each screen's style sheet is, for its `CSS_PATH`.

The app loads only app.tcss at start; a screen's sheet is read when that screen is first
pushed (Textual's screen `CSS_PATH`), so the first paint parses and matches the main screen's
rules alone. Once read, a sheet applies to the whole app, as before: every selector in these
files names its screen's own widgets, so the order they load in does not matter.
"""

from pathlib import Path

HERE = Path(__file__).parent


def sheet(name: str) -> Path:
    """The absolute path of styles/<name>.tcss (absolute: a subclass elsewhere finds it too)."""
    return HERE / f"{name}.tcss"
