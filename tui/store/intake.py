"""A refreshed feed's items into the store, with a cap on what one refresh may add.

Every new item becomes a queued page fetch, and the feed's author decides how many items are new:
a feed that gives its items fresh GUIDs on every request (a misconfigured CMS, or on purpose)
added 1,000 articles and 1,000 page fetches per refresh. So one refresh adds at most `cap` new
items per feed, the newest by date; the others are left for the next refresh (the caller then
keeps no validators, so the next refresh reads the feed again instead of getting a 304). And a
feed whose new items carry the links of items it listed before under other ids is named: its
"new" items are the old ones, reissued.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.core.models import Entry, ParsedFeed
from tui.store.store import entry_key, insert_entries, note_feed_ok
from tui.store.words import note_words

FLOOD_MIN = 10  # reissued items before a feed is reported (and at least half of what it lists)
_CHUNK = 400  # SQLite parameters per IN (...) query
RECENT_MIN = 200  # a feed's newest articles searched for a reissued item's earlier copy


@dataclass(frozen=True, slots=True)
class Intake:
    new: int  # items stored by this refresh
    held: int  # new items left for the next refresh (over the cap)
    reissued: int  # new ids on links the feed listed before under ids it no longer lists
    listed: int  # items in the feed

    @property
    def flood(self) -> bool:
        return self.reissued >= max(FLOOD_MIN, self.listed // 2)

    def warning(self) -> str | None:
        """One line for the feed's error line, or None when all is as it should be."""
        parts = []
        if self.flood:
            parts.append(
                f"GUID flood: {self.reissued} of {self.listed} items came back under new ids"
            )
        if self.held:
            parts.append(
                f"{self.new + self.held} new items: the newest {self.new} kept, "
                f"{self.held} left for the next refresh"
            )
        return "; ".join(parts) or None


def _take_items(
    conn: sqlite3.Connection,
    feed_id: int,
    entries: Sequence[Entry],
    *,
    full_text: bool,
    cap: int,
    words: list[str | None] | None = None,
) -> Intake:
    """Store the feed's new items, at most *cap* of them (0: no cap), newest first."""
    keys = [entry_key(entry) for entry in entries]
    known = _known(conn, "guid", feed_id, keys)
    fresh: dict[str, Entry] = {}
    for key, entry in zip(keys, entries, strict=True):
        if key not in known and key not in fresh:
            fresh[key] = entry
    listed_now = set(keys)
    links = [e.link for e in fresh.values() if e.link]
    by_link = _guids_by_link(conn, feed_id, links, recent=max(RECENT_MIN, 4 * len(entries)))
    reissued = sum(
        1
        for entry in fresh.values()
        if entry.link and any(guid not in listed_now for guid in by_link.get(entry.link, ()))
    )
    chosen = list(fresh.values())
    if cap and len(chosen) > cap:
        chosen = sorted(chosen, key=_newest_first)[:cap]
    new = insert_entries(conn, feed_id, chosen, full_text=full_text, note=words is None)
    if new and words is not None:
        words.extend(text for entry in chosen for text in (entry.title, entry.summary))
    return Intake(new=new, held=len(fresh) - len(chosen), reissued=reissued, listed=len(entries))


def _newest_first(entry: Entry) -> tuple[bool, float]:
    when = entry.published or datetime.min.replace(tzinfo=UTC)
    return entry.published is None, -when.timestamp()


def _known(conn: sqlite3.Connection, column: str, feed_id: int, values: Iterable[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(set(values))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0]
            for row in conn.execute(
                f"SELECT {column} FROM articles WHERE feed_id = ? AND {column} IN ({marks})",
                (feed_id, *chunk),
            )
        )
    return found


def _guids_by_link(
    conn: sqlite3.Connection, feed_id: int, links: Iterable[str], *, recent: int
) -> dict[str, list[str]]:
    """The guids the feed's *recent* newest articles hold under each of *links*.

    A reissued item's earlier copy is among the feed's newest rows (it keeps its date), and
    looking further back made every refresh read a feed's whole history: 40 ms a feed with
    4,000 articles, seconds a refresh in a year's cache."""
    found: dict[str, list[str]] = {}
    wanted = sorted(set(links))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for url, guid in conn.execute(
            "SELECT url, guid FROM (SELECT url, guid FROM articles WHERE feed_id = ? "
            f"ORDER BY sort_ts DESC LIMIT ?) WHERE url IN ({marks})",
            (feed_id, recent, *chunk),
        ):
            found.setdefault(url, []).append(guid)
    return found


@dataclass(frozen=True, slots=True)
class FeedSave:
    """A fetched feed on its way into the store: its items and the validators of the response."""

    feed_id: int
    parsed: ParsedFeed | None  # None: not modified (a 304), only the check is recorded
    etag: str | None
    last_modified: str | None
    full_text: bool
    cap: int


def save_feeds(conn: sqlite3.Connection, feeds: Sequence[FeedSave]) -> list[Intake]:
    """Fetched feeds' new items and validators, all in one transaction.

    A refresh hands over the feeds that arrived while the store was busy with the previous
    ones: one commit per feed was a fifth of the store's time in a refresh of 200 feeds."""
    words: list[str | None] = []  # noted once: feeds of a refresh share most of their words
    with conn:
        taken = [_take_feed(conn, feed, words) for feed in feeds]
        note_words(conn, words)
    return taken


def _take_feed(conn: sqlite3.Connection, feed: FeedSave, words: list[str | None]) -> Intake:
    if feed.parsed is None:
        note_feed_ok(
            conn, feed.feed_id, title=None, etag=feed.etag, last_modified=feed.last_modified
        )
        return Intake(new=0, held=0, reissued=0, listed=0)
    taken = _take_items(
        conn, feed.feed_id, feed.parsed.entries, full_text=feed.full_text, cap=feed.cap,
        words=words,
    )
    # Items held back come with the next refresh only if it reads the feed again: no 304.
    note_feed_ok(
        conn,
        feed.feed_id,
        title=feed.parsed.title or None,
        etag=None if taken.held else feed.etag,
        last_modified=None if taken.held else feed.last_modified,
        warning=taken.warning(),
    )
    return taken
