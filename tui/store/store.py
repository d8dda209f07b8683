"""Small verb_noun functions over a sqlite3 connection. Short transactions, no ORM."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from tui.core.models import Analysis, Article, Entry
from tui.store import claims as stored_claims
from tui.store import manual_status, mention_spans, queue
from tui.store.schema_size import pack_text
from tui.store.words import note_words


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="seconds") if value else None


# ── feeds ────────────────────────────────────────────────────────────────────────────────────


def sync_feeds(
    conn: sqlite3.Connection, feeds: Iterable[tuple[str, str, Sequence[str]]]
) -> dict[str, int]:
    """Make the feeds table match the config (url, name, tags). Returns url → feed id.

    Feeds no longer configured are marked inactive, not deleted: their articles stay searchable
    until retention purges them, and bookmarks never depend on them.
    """
    ids: dict[str, int] = {}
    with conn:
        conn.execute("UPDATE feeds SET active = 0")
        for url, name, tags in feeds:
            conn.execute(
                "INSERT INTO feeds(url, name, tags, active) VALUES (?, ?, ?, 1) "
                "ON CONFLICT(url) DO UPDATE SET name = excluded.name, tags = excluded.tags, "
                "active = 1",
                (url, name, " ".join(tags)),
            )
            ids[url] = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0]
    return ids


def feed_validators(conn: sqlite3.Connection, feed_id: int) -> tuple[str | None, str | None]:
    row = conn.execute("SELECT etag, last_modified FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    return (row["etag"], row["last_modified"]) if row else (None, None)


def feeds_validators(conn: sqlite3.Connection) -> dict[int, tuple[str | None, str | None]]:
    """Every feed's (etag, last_modified), read once at the start of a refresh."""
    return {
        row[0]: (row[1], row[2])
        for row in conn.execute("SELECT id, etag, last_modified FROM feeds")
    }


def note_feed_ok(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    title: str | None,
    etag: str | None,
    last_modified: str | None,
    warning: str | None = None,
) -> None:
    """A successful check, inside the caller's transaction. *warning* (a GUID flood, items held
    back) goes to the feed's error line, where the user looks for what is wrong with a feed; it
    does not count as a failure."""
    now = utc_now()
    conn.execute(
        "UPDATE feeds SET title = coalesce(?, title), etag = ?, last_modified = ?, "
        "last_checked = ?, last_ok = ?, last_error = ?, error_count = 0 WHERE id = ?",
        (title, etag, last_modified, now, now, warning, feed_id),
    )


def record_feed_error(conn: sqlite3.Connection, feed_id: int, error: str) -> None:
    with conn:
        conn.execute(
            "UPDATE feeds SET last_checked = ?, last_error = ?, error_count = error_count + 1 "
            "WHERE id = ?",
            (utc_now(), error, feed_id),
        )


def list_feeds(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Active feeds with article and unread counts, in config order."""
    return conn.execute(
        "SELECT f.*, "
        " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS article_count, "
        " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0) AS unread "
        "FROM feeds f WHERE f.active = 1 ORDER BY f.id"
    ).fetchall()


def feed_url(conn: sqlite3.Connection, feed_id: int) -> str | None:
    row = conn.execute("SELECT url FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    return row[0] if row else None


def top_entities(conn: sqlite3.Connection, limit: int) -> list[sqlite3.Row]:
    """The entities mentioned in the most articles: (name, type, n), most first."""
    return conn.execute(
        "SELECT e.name, e.type, count(DISTINCT m.article_id) AS n FROM entities e "
        "JOIN mentions m ON m.entity_id = e.id GROUP BY e.id ORDER BY n DESC LIMIT ?",
        (limit,),
    ).fetchall()


def feeds_last_checked(conn: sqlite3.Connection) -> dict[str, str | None]:
    return {
        row["url"]: row["last_checked"]
        for row in conn.execute("SELECT url, last_checked FROM feeds WHERE active = 1")
    }


# ── articles ─────────────────────────────────────────────────────────────────────────────────


def entry_key(entry: Entry) -> str:
    """Stable identity of a feed item: its guid, else its link, else a hash of title+date."""
    if entry.guid:
        return entry.guid
    if entry.link:
        return entry.link
    basis = f"{entry.title}\x00{iso(entry.published) or ''}"
    return "sha1:" + hashlib.sha1(basis.encode("utf-8", "replace")).hexdigest()


def save_entries(
    conn: sqlite3.Connection, feed_id: int, entries: Iterable[Entry], *, full_text: bool
) -> int:
    """Insert new entries (already-known guids are left alone). Returns how many were new."""
    with conn:
        return insert_entries(conn, feed_id, entries, full_text=full_text)


def insert_entries(
    conn: sqlite3.Connection, feed_id: int, entries: Iterable[Entry], *, full_text: bool,
    note: bool = True,
) -> int:
    """`save_entries` inside the caller's transaction (*note* False: the caller notes the new
    rows' words in the token list itself, `note_words`, once for many feeds)."""
    now = utc_now()
    state = "queued" if full_text else "skipped"
    rows = []
    for entry in entries:
        published = iso(entry.published)
        rows.append(
            (
                feed_id,
                entry_key(entry),
                entry.link,
                entry.title,
                entry.author,
                published,
                now,
                sort_time(published, now),
                entry.summary,
                state,
            )
        )
    cursor = conn.executemany(
        "INSERT OR IGNORE INTO articles(feed_id, guid, url, title, author, published, fetched,"
        " sort_ts, summary, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    new = max(0, cursor.rowcount)  # rows actually inserted; trigger writes not counted
    if new and note:
        note_words(conn, [text for row in rows for text in (row[3], row[8])])
    return new


def sort_time(published: str | None, fetched: str) -> str:
    """Where an item sorts: its date, but never after the moment it was fetched. An item dated
    weeks ahead (a typo, or a feed gaming the list) would otherwise top the list for weeks and be
    fetched before everything else; `published` keeps the date the feed gave."""
    return min(published, fetched) if published else fetched


ARTICLE_LIST_COLUMNS = (
    "a.id, a.title, a.url, a.published, a.sort_ts, a.read, a.state, a.claim_count, a.conflict, "
    "a.feed_id, f.name AS feed_name"
)


# Every column of an article, its text and summary as text (kept packed: schema 11, 17).
ARTICLE_COLUMNS = (
    "a.id, a.feed_id, a.guid, a.url, a.final_url, a.title, a.author, a.published, a.fetched, "
    "a.sort_ts, sitrep_text(a.summary) AS summary, sitrep_text(a.text) AS text, a.byline, "
    "a.lead_caption, a.raw_html, a.raw_headers, a.state, a.priority, a.error, a.read, "
    "a.analyzer_version, a.conflict, a.claim_count, a.language, a.lease_owner, a.lease_until"
)


def get_article(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row | None:
    return conn.execute(
        f"SELECT {ARTICLE_COLUMNS}, f.name AS feed_name, f.url AS feed_url FROM articles a "
        "JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()


def set_read(conn: sqlite3.Connection, article_ids: Iterable[int], read: bool) -> None:
    with conn:
        conn.executemany(
            "UPDATE articles SET read = ? WHERE id = ?", [(int(read), i) for i in article_ids]
        )


def unread_of_feed(conn: sqlite3.Connection, feed_id: int) -> list[int]:
    """Ids of a feed's unread articles (what "mark feed read" changes, and its undo restores)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE feed_id = ? AND read = 0 ORDER BY id", (feed_id,)
        )
    ]


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    """Small app state kept with the cache (the theme chosen), None when never set."""
    row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    with conn:
        conn.execute(
            "INSERT INTO app_state(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def queued_articles(conn: sqlite3.Connection, limit: int = 50) -> list[sqlite3.Row]:
    """The article queue in the order it is worked (see tui.store.queue): the opened article
    first, then each feed's newest, then each feed's second newest, and so on."""
    return conn.execute(queue.fair_order(), (limit,)).fetchall()


def count_queued(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles WHERE state = 'queued'").fetchone()[0]


def prioritize_article(conn: sqlite3.Connection, article_id: int) -> None:
    with conn:
        conn.execute(
            "UPDATE articles SET priority = 1 WHERE id = ? AND state = 'queued'", (article_id,)
        )


def raw_page(row: Mapping[str, object]) -> tuple[bytes, dict[str, str]]:
    blob = row["raw_html"]
    headers = json.loads(row["raw_headers"] or "{}")  # type: ignore[arg-type]
    return zlib.decompress(blob) if blob else b"", headers  # type: ignore[arg-type]


def save_page(
    conn: sqlite3.Connection,
    article_id: int,
    body: bytes,
    headers: Mapping[str, str],
    final_url: str,
) -> None:
    """Keep the raw page (compressed) so extraction can be redone after an upgrade."""
    with conn:
        conn.execute(
            "UPDATE articles SET raw_html = ?, raw_headers = ?, final_url = ? WHERE id = ?",
            (zlib.compress(body, 6), json.dumps(dict(headers)), final_url, article_id),
        )


def save_analysis(
    conn: sqlite3.Connection,
    article_id: int,
    article: Article | None,
    analysis: Analysis | None,
    *,
    error: str | None = None,
) -> None:
    """Store extraction + analysis results in one transaction, replacing earlier ones."""
    with conn:
        conn.execute("DELETE FROM claim_rows WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM article_mentions WHERE article_id = ?", (article_id,))
        # filed again at the next catch-up, with what this analysis says (tui/store/stories.py)
        conn.execute("UPDATE story_articles SET stale = 1 WHERE article_id = ?", (article_id,))
        if article is not None:
            conn.execute(
                "UPDATE articles SET text = ?, summary = sitrep_pack_text(summary), byline = ?, "
                "lead_caption = ?, published = coalesce(published, ?) WHERE id = ?",
                (
                    pack_text(article.text),
                    article.byline,
                    article.lead_caption,
                    iso(article.published),
                    article_id,
                ),
            )
        if analysis is not None:
            _insert_analysis(conn, article_id, analysis)
        claims = analysis.claims if analysis else ()
        note_words(conn, [article.text if article else None, *(c.text for c in claims),
                          *(c.source for c in claims)])  # fmt: skip
        conn.execute(
            "UPDATE articles SET state = ?, error = ?, priority = 0, analyzer_version = ?, "
            "conflict = ?, claim_count = ?, language = ?, lease_owner = NULL, lease_until = 0 "
            "WHERE id = ?",
            (
                "analyzed"
                if analysis is not None
                else "fetched"
                if article is not None and error is None
                else "failed",
                error,
                analysis.version if analysis else None,
                int(analysis.conflict) if analysis else 0,
                len(analysis.claims) if analysis else 0,
                analysis.language if analysis else "en",
                article_id,
            ),
        )


def _insert_analysis(conn: sqlite3.Connection, article_id: int, analysis: Analysis) -> None:
    stored_claims.insert_claims(conn, article_id, analysis.claims)
    manual_status.apply_statuses(conn, article_id)  # the user's word survives a new analysis
    spans: dict[int, set[tuple[int, int]]] = {}
    for entity in analysis.entities:
        conn.execute(
            "INSERT OR IGNORE INTO entities(name, type) VALUES (?, ?)", (entity.name, entity.type)
        )
        entity_id = conn.execute(
            "SELECT id FROM entities WHERE name = ? AND type = ?", (entity.name, entity.type)
        ).fetchone()[0]  # the same span twice is one mention
        spans.setdefault(entity_id, set()).update((s, e) for s, e in entity.mentions)
    mention_spans.save(conn, article_id, spans)


def claims_for(conn: sqlite3.Connection, article_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        'SELECT * FROM claims WHERE article_id = ? ORDER BY start, "end"', (article_id,)
    ).fetchall()


def entities_for(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    """Entities of one article with their mentions in it (`spans`, JSON), most mentioned first:
    the article's packed mentions (schema 13), their names in one read."""
    row = conn.execute("SELECT spans FROM article_mentions WHERE article_id = ?", (article_id,))
    mentions = mention_spans.unpack(found[0]) if (found := row.fetchone()) else {}
    marks = ",".join("?" * len(mentions))
    names = conn.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})", [*mentions])
    return sorted(
        ({"id": e, "name": name, "type": kind, "count": len(mentions[e]),
          "spans": json.dumps([list(span) for span in mentions[e]])} for e, name, kind in names),
        key=lambda entity: (-entity["count"], entity["name"]),
    )  # fmt: skip
