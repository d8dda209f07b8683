"""The grouping's index kept between catch-ups of one process.

A catch-up files a batch against the stories of its window: those seen from a window before the
batch's oldest article to a window after its newest (`tui/service/stories.py`). Read from the
store, that window is the catch-up's whole cost at a heavy reader's pace: at a million articles
the 20 days around a batch hold some 40,000 stories, 1.8 s of CPU to read and 0.9 s to index,
for a batch of a few new articles. The process that filed the last batch holds that index
already, as its own filing left it; it keeps it for the next batch when nothing else changed
the stories meanwhile:

- the **stamp** is the same: `stories_stamp` in `app_state` (moved by every write of stories:
  a filing, a start over, stories mended after a purge) and the count of filed articles (a
  purge takes its articles out of `story_articles` by cascade before it mends the stories);
- the new window starts no earlier than the one read, and not more than two windows later (an
  index kept for days would hold every story since; it is read afresh then);
- it ends within the one read, or no story of the store had begun after the window read's end
  when it was read (then every story beyond it is one this process filed, and in the index);
- every story the batch's articles leave (analysed again) is in it.

Otherwise the window is read from the store as before. The document frequencies of terms the
index has not met yet are read for each batch.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tui.pipeline.stories.grouping import StoryIndex
from tui.store import stories as kept

Stamp = tuple[str, int]


@dataclass(slots=True)
class KeptWindow:
    database: str  # the cache file it was read from
    stamp: Stamp  # the store's stamp after this process's last filing
    since: float  # the window read: from (epoch seconds) ...
    until: float  # ... to
    open_ended: bool  # every story of the store begun after `until` is in the index
    index: StoryIndex
    known: set[str] = field(default_factory=set)  # terms whose document frequency it holds


_kept: dict[str, KeptWindow] = {}  # per process: the window kept for each cache file


def database(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else ""


def take(
    conn: sqlite3.Connection, since: float, until: float, leaving: set[str], reach: float
) -> KeptWindow | None:
    """The index kept for this cache when the next batch (its window *since*..*until*, the
    stories *leaving* it) can be filed against it; otherwise None, and nothing is kept."""
    window = _kept.pop(database(conn), None)
    if window is None or window.stamp != kept.filing_stamp(conn):
        return None
    if not window.since <= since <= window.since + 2 * reach:
        return None
    if until > window.until and not window.open_ended:
        return None
    if not leaving <= window.index.stories.keys():
        return None
    return window


def build(
    conn: sqlite3.Connection, since: float, until: float, index: StoryIndex, known: set[str]
) -> KeptWindow:
    """A window just read from the store (the stamp is set when its filing is kept)."""
    latest = kept.latest_story(conn)
    open_ended = latest is None or _seconds(latest) <= until
    return KeptWindow(database(conn), ("", -1), since, until, open_ended, index, known)


def extend(conn: sqlite3.Connection, window: KeptWindow, until: float, terms: set[str]) -> None:
    """Ready a kept window for a batch: the document frequencies of the terms it has not met,
    and its end moved on (every story begun after it is one this process filed)."""
    missing = terms - window.known
    window.index.df.update(kept.document_frequencies(conn, missing))
    window.known |= missing
    window.until = max(window.until, until)


def keep(window: KeptWindow, stamp: Stamp) -> None:
    """After a filing is saved (leaving *stamp*): its index, for this process's next batch."""
    window.stamp = stamp
    _kept[window.database] = window


def held(conn: sqlite3.Connection) -> KeptWindow | None:
    """The window this process keeps for the cache of *conn*, if any (left in place)."""
    return _kept.get(database(conn))


def _seconds(iso: str) -> float:
    when = datetime.fromisoformat(iso)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
