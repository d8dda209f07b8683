"""A group listed under its acronym, filed under the name the article spells out for it.

`data/named_forces.tsv` files a few groups under the acronym wire copy mostly writes ("JNIM",
"MUJAO", "M23"). An article that writes one of the group's listed full names ("The Movement for
Oneness and Jihad in West Africa said ... MUJAO said") has spelled the acronym out, and its
sources are filed under that name, as those of a group the article defines in brackets are
("Rapid Support Forces (RSF)"; docs/CLAIMS.md, "Canonical source"). An article that writes
only the acronym keeps it.
"""

from __future__ import annotations

import functools

from tui.pipeline.analyze.datafiles import rows, split_list


@functools.cache
def _listed() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(acronym, its full names) for each group named_forces.tsv files under its acronym."""
    out = []
    for row in rows("named_forces.tsv"):
        canonical, aliases = (list(row) + [""])[:2]
        if canonical.replace("-", "").isalnum() and canonical.upper() == canonical:
            full = tuple(  # its names, not the acronym with a word ("M23 rebels")
                a for a in split_list(aliases) if len(a.split()) >= 2 and canonical not in a.split()
            )
            out.append((canonical, full))
    return tuple(out)


def spelled_out(text: str) -> dict[str, str]:
    """Acronym -> the full name of that group the article writes, for each listed acronym."""
    plain = text.replace("’", "'")
    out = {}
    for acronym, full in _listed():
        written = next((name for name in full if name in plain and acronym != name), None)
        if written is not None:
            out[acronym] = written
    return out
