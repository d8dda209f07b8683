"""The extractor's phrase lists, read from `data/` beside this module.

Furniture that is worded the same across sites (a share button's label, a missing page's
notice) is a list of the world's phrasings, not code: each file says where its entries come
from and how to extend it. Lines starting with "#" are comments; one phrase a line.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from tui.core.tables import read_rows

_DIR = Path(__file__).with_name("data")


@functools.cache
def phrases(name: str) -> tuple[str, ...]:
    """The phrases of data file `name`, lower-cased, longest first (so alternations prefer
    "tweet this quote" to "tweet this")."""
    found = {row[0].lower() for row in read_rows(_DIR / name)}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def alternation(name: str) -> str:
    """The phrases of `name` as one regular-expression group, spaces matching any blank run."""
    escaped = (r"\s+".join(map(re.escape, p.split())) for p in phrases(name))
    return "(?:" + "|".join(escaped) + ")"
