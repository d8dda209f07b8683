"""A refresh's store work does not grow with a feed's history (issue 19: a year of news).

Counted in SQLite virtual-machine steps, which load cannot change: a feed that has kept 3,000
articles takes its 20 new items for about the work of a feed that has kept 100."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.models import Entry, ParsedFeed
from tui.store import intake, schema, store

START = datetime(2026, 1, 1, tzinfo=UTC)


def _entries(prefix: str, count: int, offset: int = 0) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            guid=f"{prefix}-{n}",
            link=f"https://example.org/{prefix}/{n}",
            title=f"Report {n} from the front",
            published=START + timedelta(minutes=n),
            summary="Shelling was reported overnight near the river crossing.",
        )
        for n in range(offset, offset + count)
    )


def _save(conn: sqlite3.Connection, feed_id: int, entries: tuple[Entry, ...]) -> list:  # type: ignore[type-arg]
    feed = ParsedFeed(title="Wire", link="https://example.org/", entries=entries)
    return intake.save_feeds(conn, [intake.FeedSave(feed_id, feed, None, None, False, 0)])


def _steps_to_take_new_items(tmp_path: Path, history: int) -> int:
    conn = schema.connect(tmp_path / f"h{history}" / "sitrep.db")
    feed_id = store.sync_feeds(conn, [("https://example.org/feed", "Wire", [])])[
        "https://example.org/feed"
    ]
    for start in range(0, history, 1000):  # a feed's history, kept over many refreshes
        _save(conn, feed_id, _entries("old", min(1000, history - start), start))
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(step, 100)
    taken = _save(conn, feed_id, _entries("new", 20, history))
    conn.set_progress_handler(None, 100)
    assert taken[0].new == 20
    conn.close()
    return steps[0]


def test_new_items_cost_the_same_whatever_the_feed_kept(tmp_path: Path) -> None:
    short, long = _steps_to_take_new_items(tmp_path, 100), _steps_to_take_new_items(tmp_path, 3000)
    # Reading the long feed's whole history for reissued links took almost four times the steps.
    assert long < 1.5 * short, (short, long)


def test_a_reissued_item_among_the_recent_ones_is_still_found(tmp_path: Path) -> None:
    conn = schema.connect(tmp_path / "sitrep.db")
    feed_id = store.sync_feeds(conn, [("https://example.org/feed", "Wire", [])])[
        "https://example.org/feed"
    ]
    _save(conn, feed_id, _entries("old", 3000))
    recent = _entries("old", 30, 2970)  # the newest 30, listed again under new ids
    reissued = tuple(
        Entry(guid=f"again-{n}", link=e.link, title=e.title, published=e.published)
        for n, e in enumerate(recent)
    )
    taken = _save(conn, feed_id, reissued)[0]
    assert taken.reissued == 30 and taken.flood


def test_feeds_saved_together_put_every_word_in_the_token_list(tmp_path: Path) -> None:
    """The words of a batch of feeds are noted once, for all of them (`save_feeds`)."""
    conn = schema.connect(tmp_path / "sitrep.db")
    ids = store.sync_feeds(conn, [(f"https://example.org/{n}", f"Wire {n}", []) for n in range(3)])
    feeds = [
        ParsedFeed(title="Wire", link="https://example.org/", entries=(
            Entry(guid=f"{n}", link=f"https://example.org/{n}/a", title=f"Kharkiv{n} shelling",
                  summary=f"Strikes near Zaporizhzhia{n} and Sumy overnight"),
        ))
        for n in range(3)
    ]  # fmt: skip
    intake.save_feeds(
        conn, [intake.FeedSave(ids[f"https://example.org/{n}"], feeds[n], None, None, False, 0)
               for n in range(3)],
    )  # fmt: skip
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fts, row)")
    indexed = {row[0] for row in conn.execute("SELECT term FROM temp.terms")}
    listed = {row[0] for row in conn.execute("SELECT term FROM words")}
    assert {"kharkiv0", "kharkiv2", "zaporizhzhia1", "sumy"} <= indexed
    assert indexed <= listed
