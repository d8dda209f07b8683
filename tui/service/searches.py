"""Saved searches in feeds.toml: `[[search]] name = … query = …`, appended like a new feed.

The table goes after the existing text, so comments, order and every other table stay as the
user left them; the write is the one feeds.toml edits use (validated before it replaces the
file). The query must be one the filter language accepts: the config refuses it otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.sanitize import clean_line
from tui.service.config import load_config
from tui.service.feeds import write_config


def add_search(path: Path, name: str, query: str) -> bool:
    """Append a saved search; False (nothing written) when one of that name exists."""
    name, query = clean_line(name).strip(), clean_line(query).strip()
    if not name or not query:
        raise ValueError("a saved search needs a name and a query")
    text = ""
    if path.exists():
        if load_config(path).search(name) is not None:  # also refuses an invalid file
            return False
        text = path.read_text(encoding="utf-8")
    block = "\n".join(["", "[[search]]", f"name = {_string(name)}", f"query = {_string(query)}"])
    separator = "" if text.endswith("\n") or not text else "\n"
    write_config(path, text + separator + block + "\n")
    return True


def _string(value: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; controls are gone already.
    return json.dumps(value, ensure_ascii=False)
