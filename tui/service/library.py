"""The one data service the app's screens use: typed calls over the cache, no SQL outside it.

Every method is a blocking call on the UI process's single connection (`StoreHandle`, shared by
thread workers under a lock): screens call them from thread workers, never on the event loop.
What a method returns is plain data (rows, dicts, dataclasses of values); the screens turn it
into widgets. The store's modules stay small verb_noun functions; this is where the app's view
of them lives, so a screen never needs to know which module holds what.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui.core.query import Query
from tui.core.sanitize import clean_text
from tui.service import story_detail
from tui.service.story_detail import StoryDetail, StoryLink
from tui.store import bookmarks, manual_status, pins, schema, search, store, story_list
from tui.store import claims as stored_claims
from tui.store.handle import StoreHandle
from tui.store.pins import Pin, PinnedNews
from tui.store.recovery import OpenedStore, open_store
from tui.store.search import Searcher
from tui.store.story_list import StorySearcher

__all__ = [
    "ArticleRecord", "Library", "OpenedStore", "Pin", "PinnedNews", "StoryDetail", "StoryLink",
    "open_store",
]  # fmt: skip

log = logging.getLogger(__name__)
RAW_LIMIT = 200_000  # characters of the raw page the reader's `x` shows
# How long a page and its count together may take before the page is shown without it (the count
# then comes from `count_articles`): most counts take a few milliseconds; a word in half of a
# million articles takes a second.
COUNT_WITHIN = 0.015
Row = sqlite3.Row | Mapping[str, Any]


@dataclass
class ArticleRecord:
    """Everything the reader shows first, read in one trip: the article row (with feed_name),
    its claims and entities, the start of the raw page, and the user's pins."""

    row: dict[str, Any]
    claims: list[Row]
    entities: list[Row]
    raw: str
    pinned: set[Pin] = field(default_factory=set)


class Library:
    """The cache as the app sees it. `store` (the raw handle) is for tests and tools only."""

    def __init__(self, opened: OpenedStore) -> None:
        self.opened = opened
        self.store: StoreHandle = opened.handle
        self._searcher = Searcher()
        # Counts that take long run on a connection of their own (a page never waits behind
        # one); a newer count stops the one running (sqlite3 interrupt).
        self._counter = Searcher()
        self._count_conn: sqlite3.Connection | None = None
        self._count_lock = threading.Lock()
        self._count_turn = 0
        self._stories = StorySearcher()
        self._story_counter = StorySearcher()  # on the count's connection

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    @property
    def disk_full(self) -> bool:
        """Read-only because the disk is full (not because another sitrep holds the cache)."""
        return self.store.readonly and self.opened.why_readonly == "disk full"

    def close(self) -> None:
        with self._count_lock:
            if self._count_conn is not None:
                self._count_conn.close()
                self._count_conn = None
        self.store.close()
        if self.opened.lock is not None:
            self.opened.lock.release()

    # ── lists ──
    def list_articles(
        self, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[Row]]:
        """A page and the exact count of its list (which can take long: see articles_page)."""
        return self.store.run(self._searcher.list_articles, query, limit=limit, offset=offset)

    def list_claims(
        self, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[Row]]:
        return self.store.run(self._searcher.list_claims, query, limit=limit, offset=offset)

    def articles_page(
        self, query: Query, *, limit: int = 100, within: float | None = None
    ) -> tuple[int | None, list[Row]]:
        """The first page of a list, and its count if that takes at most *within* seconds
        (default COUNT_WITHIN; None back: ask `count_articles`)."""
        within = COUNT_WITHIN if within is None else within
        self._stop_count()
        return self.store.run(self._first_page, "articles", query, limit, within)

    def claims_page(
        self, query: Query, *, limit: int = 100, within: float | None = None
    ) -> tuple[int | None, list[Row]]:
        within = COUNT_WITHIN if within is None else within
        self._stop_count()
        return self.store.run(self._first_page, "claims", query, limit, within)

    def _first_page(
        self, conn: sqlite3.Connection, kind: str, query: Query, limit: int, within: float | None
    ) -> tuple[int | None, list[Row]]:
        """The page, and its count if both together take at most *within*: the count gets what
        the page left of it, so a slow page is shown at once (a page that walked far for its
        rows has a count that walks farther) and its count comes later (`count_later`)."""
        started = time.perf_counter()
        rows = getattr(self._searcher, f"page_{kind}")(conn, query, limit=limit)
        if len(rows) < limit:
            return len(rows), rows  # the whole list is here
        if within is not None:
            within = max(0.0, within - (time.perf_counter() - started))
        return getattr(self._searcher, f"count_{kind}")(conn, query, seconds=within), rows

    def page_articles(self, query: Query, *, limit: int = 100, offset: int = 0) -> list[Row]:
        """Rows offset..offset+limit of a list (a negative limit: all from offset)."""
        return self.store.run(self._searcher.page_articles, query, limit=limit, offset=offset)

    def page_claims(self, query: Query, *, limit: int = 100, offset: int = 0) -> list[Row]:
        return self.store.run(self._searcher.page_claims, query, limit=limit, offset=offset)

    def count_within(self, query: Query, seconds: float = 0.05) -> int | None:
        """The count of an article list if it takes at most *seconds* (saved searches' unread
        counts in the feeds pane, read with the first page)."""
        return self.store.run(self._searcher.count_articles, query, seconds=seconds)

    def count_articles(self, query: Query) -> int | None:
        """The count of a list whose page came without one; None when a newer count call
        stopped it (its list is no longer shown)."""
        return self._count(self._counter.count_articles, query)

    def count_claims(self, query: Query) -> int | None:
        return self._count(self._counter.count_claims, query)

    def _stop_count(self) -> int:
        """Stop the count in flight: a new list is coming, so it counts a list going away, and
        left running it would compete with the new list's first page for the cores. A list
        still shown asks again (`count_later`)."""
        self._count_turn += 1
        if self._count_conn is not None:
            self._count_conn.interrupt()
        return self._count_turn

    def _count(self, method: Callable[..., int | None], query: Query) -> int | None:
        turn = self._stop_count()  # whatever it counts is stale now
        with self._count_lock:
            if turn != self._count_turn:
                return None
            if self._count_conn is None:
                handle = self.store
                self._count_conn = schema.connect(
                    handle.path, readonly=True, immutable=handle.immutable
                )
            try:
                found = method(self._count_conn, query)
                return None if found is None else int(found)
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    self._counter.forget(self._count_conn)  # a set may be half made
                    self._story_counter.forget(self._count_conn)
                    return None
                raise

    def list_bookmarks(self, query: Query) -> list[dict[str, Any]]:
        """The bookmarks *query* selects, newest first, each with `article_present` (is its
        article still cached?). QueryError for a term that means nothing for bookmarks."""
        records = self.store.run(search.find_bookmarks, query)
        present = self.store.run(bookmarks.bookmarks_with_article)
        for record in records:
            record["article_present"] = record["id"] in present
        return records

    def list_stories(
        self, query: Query, *, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[dict[str, Any]]]:
        """(how many stories match, a page of them newest first), each row with `outlet_names`
        (newest first). QueryError for a term not kept yet."""
        count, rows = self.store.run(self._stories.list_stories, query, limit=limit, offset=offset)
        return count, self._with_outlets(rows)

    def stories_page(
        self, query: Query, *, limit: int = 100, within: float | None = None
    ) -> tuple[int | None, list[dict[str, Any]]]:
        """The first page of the stories list, and its count if that takes at most *within*
        seconds (a term of many articles: None back, ask `count_stories`)."""
        within = COUNT_WITHIN if within is None else within
        turn = self._stop_count()
        return self.store.run(self._first_stories, query, limit, within, turn)

    def _first_stories(
        self, conn: sqlite3.Connection, query: Query, limit: int, within: float, turn: int
    ) -> tuple[int | None, list[dict[str, Any]]]:
        """A long walk (a negation that leaves few stories) gives up when the next keystroke's
        list is asked for: it would wait behind it on the store's thread."""
        rows = self._stories.page_stories(
            conn, query, limit=limit, stale=lambda: turn != self._count_turn
        )
        count = len(rows) if len(rows) < limit else None
        if count is None:
            count = self._stories.count_stories(conn, query, seconds=within)
        names = story_list.story_outlets(conn, [r["id"] for r in rows])
        return count, [{**dict(r), "outlet_names": names.get(r["id"], [])} for r in rows]

    def page_stories(
        self, query: Query, *, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        rows = self.store.run(self._stories.page_stories, query, limit=limit, offset=offset)
        return self._with_outlets(rows)

    def count_stories(self, query: Query) -> int | None:
        """The count of a stories list whose page came without one (see count_articles)."""
        return self._count(self._story_counter.count_stories, query)

    def _with_outlets(self, rows: list[Any]) -> list[dict[str, Any]]:
        names = self.store.run(story_list.story_outlets, [r["id"] for r in rows])
        return [{**dict(r), "outlet_names": names.get(r["id"], [])} for r in rows]

    def story(self, story_id: str) -> StoryDetail | None:
        """The story screen's content: timeline, ledger, contradictions, figures."""
        return self.store.run(story_detail.story_detail, story_id)

    def story_of_article(self, article_id: int) -> StoryLink | None:
        return self.store.run(story_detail.story_link, article_id)

    def feeds_pane(self, order: Sequence[str] = ()) -> list[dict[str, Any]]:
        """The pane's feeds in the order of *order* (feeds.toml's URLs: a feed added between two
        others is shown there, not last), then any other by age."""
        rank = {url: i for i, url in enumerate(order)}
        rows = self.store.run(search.feeds_pane)
        return sorted(rows, key=lambda r: (rank.get(r["url"], len(rank)), r["id"]))

    def feed_url(self, feed_id: int) -> str | None:
        return self.store.run(store.feed_url, feed_id)

    def top_entities(self, limit: int) -> list[Row]:
        """The entities mentioned in the most articles (name, type, n)."""
        return self.store.run(store.top_entities, limit)

    def entity_days(self, entity_ids: list[int], *, today: date, days: int) -> dict[int, list[int]]:
        return self.store.run(search.entity_days, entity_ids, today=today, days=days)

    # ── articles ──
    def get_article(self, article_id: int) -> Row | None:
        return self.store.run(store.get_article, article_id)

    def article(self, article_id: int) -> ArticleRecord | None:
        row = self.store.run(store.get_article, article_id)
        if row is None:
            return None
        raw = ""
        if row["raw_html"]:
            body, _ = store.raw_page(row)
            raw = clean_text(body[:RAW_LIMIT].decode("utf-8", "replace"))  # raw: strip escapes
        return ArticleRecord(
            dict(row),
            self.store.run(stored_claims.read_claims, article_id),
            self.store.run(store.entities_for, article_id),
            raw,
            self.store.run(pins.pinned),
        )

    def set_read(self, article_ids: Iterable[int], read: bool) -> None:
        self.store.run(store.set_read, list(article_ids), read)

    def unread_of_feed(self, feed_id: int) -> list[int]:
        return self.store.run(store.unread_of_feed, feed_id)

    # ── bookmarks ──
    def bookmark_claim(
        self, article_id: int, claim_start: int, source_start: int
    ) -> tuple[dict[str, Any], bool] | None:
        """(the bookmark of that claim, whether it existed already); a new one is made when
        there was none. None when the claim is no longer in the cache."""
        record = self.store.run(bookmarks.bookmark_for_claim, article_id, claim_start, source_start)
        if record is not None:
            return record, True
        article = self.store.run(store.get_article, article_id)
        claim = self.store.run(bookmarks.claim_at, article_id, claim_start, source_start)
        if article is None or claim is None:
            return None
        new_id = self.store.run(bookmarks.add_bookmark, claim, article)
        made = self.store.run(bookmarks.get_bookmark, new_id)
        return (made, False) if made is not None else None

    def update_bookmark_note(
        self, bookmark_id: int, note: str, tags: str | Iterable[str] | None = None
    ) -> dict[str, Any]:
        return self.store.run(bookmarks.update_bookmark_note, bookmark_id, note, tags)

    def remove_bookmark(self, bookmark_id: int) -> dict[str, Any] | None:
        return self.store.run(bookmarks.remove_bookmark, bookmark_id)

    def restore_bookmark(self, record: Mapping[str, Any]) -> int:
        return self.store.run(bookmarks.restore_bookmark, record)

    def bookmarked_claims(self, article_ids: Iterable[int]) -> set[tuple[int, int, int]]:
        return self.store.run(bookmarks.bookmarked_claims, article_ids)

    def bookmarked_spots(self, article_id: int) -> set[tuple[int, int]]:
        return self.store.run(bookmarks.bookmarked_spots, article_id)

    def bookmark_article(self, record: Mapping[str, Any]) -> int | None:
        return self.store.run(bookmarks.find_bookmark_article, record)

    # ── claims: the user's status, the preview ──
    def set_claim_status(
        self, article_id: int, claim_start: int, source_start: int, status: str | None
    ) -> dict[str, Any] | None:
        """Set the claim's status by hand (None: back to the analysis's); the claim's bookmark,
        if any, copies it. Returns the claim as it is now (`claims.as_dict`), None when it is
        no longer in the cache."""
        row = self.store.run(
            manual_status.set_status, article_id, claim_start, source_start, status
        )
        if row is None:
            return None
        self.store.run(bookmarks.follow_claim_status, article_id, row)
        return stored_claims.as_dict(row)

    def claim_preview(self, claim_id: int) -> dict[str, Any] | None:
        """The claim with its content and each evidence span's text (`evidence_text`)."""
        return self.store.run(stored_claims.preview, claim_id)

    # ── pins ──
    def match_pin(self, name: str, type: str, wanted: Container[Pin]) -> bool:
        return self.store.run(pins.match_pin, name, type, wanted)

    def last_claim_id(self) -> int:
        return self.store.run(pins.max_claim_id)

    def pinned_news(self, after_claim_id: int) -> tuple[int, list[PinnedNews]]:
        return self.store.run(pins.claims_mentioning_pins, after_claim_id)

    # ── small app state ──
    def get_state(self, key: str) -> str | None:
        """The saved value, or None (also when an old read-only cache lacks the table)."""
        try:
            return self.store.run(store.get_state, key)
        except sqlite3.Error as exc:
            log.warning("%s not read from the cache: %s", key, exc)
            return None

    def set_state(self, key: str, value: str) -> None:
        self.store.run(store.set_state, key, value)
