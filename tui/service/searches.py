"""Saved searches in feeds.toml: `[[search]] name = … query = …`, appended like a new feed.

The table goes after the existing text, so comments, order and every other table stay as the
user left them; the write is the one every feeds.toml edit uses (under the inter-process lock,
re-read there, validated before it replaces the file, the .bak in *backup_dir* when given). The
query must be one the filter language accepts: the config refuses it otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.sanitize import clean_line
from tui.service.config import load_config
from tui.service.config_write import locked, replace_file


def add_search(path: Path, name: str, query: str, *, backup_dir: Path | None = None) -> bool:
    """Append a saved search; False (nothing written) when one of that name exists."""
    name, query = clean_line(name).strip(), clean_line(query).strip()
    if not name or not query:
        raise ValueError("a saved search needs a name and a query")
    with locked(path) as target:
        text = ""
        if target.exists():
            if load_config(target, origin=path).search(name) is not None:  # refuses a bad file
                return False
            text = target.read_text(encoding="utf-8")
        block = "\n".join(
            ["", "[[search]]", f"name = {_string(name)}", f"query = {_string(query)}"]
        )
        separator = "" if text.endswith("\n") or not text else "\n"
        backup = backup_dir / f"{target.name}.bak" if backup_dir is not None else None
        replace_file(target, text + separator + block + "\n", backup)
    return True


def _string(value: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; controls are gone already.
    return json.dumps(value, ensure_ascii=False)
