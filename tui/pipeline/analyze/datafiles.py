"""The analyzer's word tables, read from `data/` beside this module.

Lists of the world (state bodies, armed groups, titles, spellings) are data, not code: each file
says where its entries come from and how to extend it. Lines starting with "#" are comments;
columns are separated by tabs.
"""

from __future__ import annotations

import functools
from pathlib import Path

from tui.core.tables import read_rows

_DIR = Path(__file__).with_name("data")


@functools.cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of data file `name`, each a tuple of its tab-separated, stripped columns."""
    return read_rows(_DIR / name)


def split_list(column: str, sep: str = "|") -> tuple[str, ...]:
    """The items of a " | "-separated column, empty items dropped."""
    return tuple(item.strip() for item in column.split(sep) if item.strip())
