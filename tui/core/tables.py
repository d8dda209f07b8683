"""The one format of sitrep's word lists and tables (`data/` beside the modules that use them).

Each file opens with comment lines ("#") saying where its entries come from and how to extend
it; blank lines are skipped; columns are separated by tabs (a list of phrases is a table of one
column).
"""

from __future__ import annotations

from pathlib import Path


def read_rows(path: Path) -> tuple[tuple[str, ...], ...]:
    """The rows of the table at *path*, each a tuple of its stripped columns."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(column.strip() for column in line.split("\t")))
    return tuple(rows)
