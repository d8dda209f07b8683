"""Stories in the cache: which story each article is in, each story's grouping state and the
figures its list shows (articles, outlets, contested), and the terms' document frequencies.

The grouping itself is `tui.pipeline.stories`; `tui.service.stories` runs it over what this
module reads and writes. An article is in `story_articles` once its processing is done
(analysed, failed, or kept without its page); a new analysis marks its row `stale`, and the next
catch-up takes it out of its story and files it again. Rows of purged articles go with them
(ON DELETE CASCADE), and `forget_purged` mends their stories. Features and grouping states are
kept packed, their terms as ids into `story_terms` (schema 14: tui/store/story_terms.py); only
the story process reads them, a batch at a time.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tui.store import story_terms
from tui.store.mention_spans import unpack as unpack_spans

DONE_STATES = ("analyzed", "fetched", "failed", "skipped")
# An article as the grouping reads it (its text is kept compressed: schema 11)
_ARTICLE = (
    "a.id, a.url, a.final_url, a.title, a.sort_ts, sitrep_text(a.text) AS text, "
    "f.name AS feed_name"
)
_chunks, _marks = story_terms.chunks, story_terms.marks


# ── what needs filing ───────────────────────────────────────────────────────────────────────


def articles_to_file(conn: sqlite3.Connection, limit: int) -> list[dict[str, Any]]:
    """Articles done processing with no story yet, or whose story row is stale (analysed
    again), oldest first: single-pass grouping wants publication order. `old_features` is
    the stale row's features as JSON text. They are the rows of `story_queue` (schema 13, kept
    by triggers); the conditions are checked again on the few rows it holds."""
    states = _marks(DONE_STATES)
    rows = conn.execute(
        f"SELECT {_ARTICLE}, s.story_id AS old_story, s.features AS old_features "
        "FROM story_queue q CROSS JOIN articles a ON a.id = q.article_id "  # the queue first
        "JOIN feeds f ON f.id = a.feed_id LEFT JOIN story_articles s ON s.article_id = a.id "
        f"WHERE a.state IN ({states}) AND (s.article_id IS NULL OR s.stale = 1) "
        "ORDER BY a.sort_ts, a.id LIMIT ?",
        (*DONE_STATES, limit),
    ).fetchall()
    found = [dict(row) for row in rows]
    story_terms.features_json(conn, found)
    return found


# ── the grouping's state ────────────────────────────────────────────────────────────────────


def window_stories(
    conn: sqlite3.Connection, since: str, also: Iterable[str] = (), until: str | None = None
) -> list[dict[str, Any]]:
    """Stories seen since *since* (ISO time) and begun by *until*, plus the stories named in
    *also*, as the grouping's plain rows (with their member article ids)."""
    recent = conn.execute(
        "SELECT * FROM stories WHERE last_seen >= ? AND (? IS NULL OR first_seen <= ?)",
        (since, until, until),
    )
    rows = {r["id"]: r for r in recent}
    extra = [sid for sid in set(also) if sid not in rows]
    for part in _chunks(extra):
        for row in conn.execute(f"SELECT * FROM stories WHERE id IN ({_marks(part)})", part):
            rows[row["id"]] = row
    members: dict[str, list[str]] = {sid: [] for sid in rows}
    ids = list(rows)
    for part in _chunks(ids):
        for article_id, story_id in conn.execute(
            f"SELECT article_id, story_id FROM story_articles WHERE story_id IN ({_marks(part)}) "
            "ORDER BY article_id",
            part,
        ):
            members[story_id].append(str(article_id))
    alone = {
        sid: int(members[sid][0])
        for sid, row in rows.items()
        if story_terms.is_alone(row["state"]) and len(members[sid]) == 1
    }
    feats = story_terms.alone_features(conn, list(alone.values()))
    found = story_terms.states(
        conn,
        [row["state"] for row in rows.values()],
        [feats.get(alone[sid]) if sid in alone else None for sid in rows],
    )
    for state, (story_id, row) in zip(found, rows.items(), strict=True):
        state.update(id=story_id, title=row["title"], article_ids=members[story_id])
    return found


def document_frequencies(conn: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(terms))
    found: dict[str, int] = {}
    for part in _chunks(wanted):
        found.update(
            conn.execute(
                f"SELECT term, df FROM story_terms WHERE term IN ({_marks(part)}) AND df > 0",
                part,
            ).fetchall()
        )
    return found


def needs_filing(conn: sqlite3.Connection, version: str, marks_version: str = "") -> bool:
    """Whether a catch-up has anything to do: stories of another features version (and a done
    article to file), or an article in `story_queue` (done and not filed, or analysed again:
    kept by triggers, schema 13), or (given *marks_version*) contested marks set by other
    rules. A few index seeks whatever the cache's size, where a catch-up that finds nothing
    would start the story process (tui/service/story_filing.py)."""
    if marks_version and _marks_state(conn)[0] != marks_version:
        return True
    row = conn.execute("SELECT value FROM app_state WHERE key = 'stories_version'").fetchone()
    if row is None or row[0] != version:
        states = _marks(DONE_STATES)
        return bool(conn.execute(
            f"SELECT EXISTS (SELECT 1 FROM articles WHERE state IN ({states}))", DONE_STATES
        ).fetchone()[0])  # fmt: skip
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM story_queue)").fetchone()[0])


def _marks_state(conn: sqlite3.Connection) -> tuple[str | None, str]:
    """(the rules' version the contested marks were last all checked by, or None; the
    progress of a check under way as "version\tlast story id")."""
    found = dict(conn.execute(
        "SELECT key, value FROM app_state WHERE key IN ('marks_version', 'marks_after')"
    ).fetchall())  # fmt: skip
    return found.get("marks_version"), found.get("marks_after", "")


def marks_to_check(conn: sqlite3.Connection, version: str, limit: int) -> list[str]:
    """Up to *limit* stories whose contested mark other rules set than *version*'s, in id
    order after the last one checked; [] once every story was."""
    checked, progress = _marks_state(conn)
    if checked == version:
        return []
    run, _, after = progress.partition("\t")
    rows = conn.execute(
        "SELECT id FROM stories WHERE id > ? ORDER BY id LIMIT ?",
        (after if run == version else "", limit),
    )
    return [row[0] for row in rows]


def marks_checked(conn: sqlite3.Connection, version: str, last: str | None) -> None:
    """The marks are checked up to story *last*; or (None) all of them, by *version*'s rules."""
    with conn:
        if last is None:
            conn.execute("DELETE FROM app_state WHERE key = 'marks_after'")
            conn.execute(
                "INSERT OR REPLACE INTO app_state(key, value) VALUES ('marks_version', ?)",
                (version,),
            )
        else:
            conn.execute(
                "INSERT OR REPLACE INTO app_state(key, value) VALUES ('marks_after', ?)",
                (f"{version}\t{last}",),
            )


def start_over_unless(conn: sqlite3.Connection, version: str) -> bool:
    """Drop every story when they were filed by another version of the grouping's features
    (their terms would no longer meet new articles'); the catch-up then files every article
    again. Whether it dropped them."""
    row = conn.execute("SELECT value FROM app_state WHERE key = 'stories_version'").fetchone()
    if row is not None and row[0] == version:
        return False
    with conn:
        for table in ("story_articles", "stories", "story_terms"):
            conn.execute(f"DELETE FROM {table}")
        conn.executemany(
            "INSERT OR REPLACE INTO app_state(key, value) VALUES (?, ?)",
            [("stories_version", version), ("stories_filed", "0")],
        )
        _moved(conn)
    return True


def filing_stamp(conn: sqlite3.Connection) -> tuple[str, int]:
    """What moves whenever the stories change other than by one process's own filing: the
    stamp every write of stories moves (`_moved`), and the count of filed articles (a purge
    takes its articles out by cascade before it mends their stories). Its index kept, a
    process files the next batch without reading the window again only while this stays what
    it left (tui/service/story_window.py). About 8 ms at a million articles."""
    row = conn.execute("SELECT value FROM app_state WHERE key = 'stories_stamp'").fetchone()
    count = conn.execute("SELECT count(*) FROM story_articles").fetchone()[0]
    return (str(row[0]) if row else "", int(count))


def latest_story(conn: sqlite3.Connection) -> str | None:
    """The latest time any story was seen (by the stories' list index)."""
    row = conn.execute("SELECT max(last_seen) FROM stories").fetchone()
    return row[0] if row else None


def _moved(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO app_state(key, value) VALUES ('stories_stamp', '1') ON CONFLICT(key) "
        "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
    )


def filed_count(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM app_state WHERE key = 'stories_filed'").fetchone()
    return int(row[0]) if row else 0


def save_filing(
    conn: sqlite3.Connection,
    filed: Mapping[int, tuple[str, str | Mapping[str, Any]]],
    unfiled: Iterable[int],
    stories: Iterable[Mapping[str, Any]],
    dropped: Iterable[str],
    df_delta: Mapping[str, int],
    filed_total: int,
) -> tuple[str, int]:
    """One transaction: article → (story id, features as a dict or JSON text) for the filed
    articles, the rows of the stories that changed (plain grouping state, with `articles`,
    `outlets`, `contested` when known), stories left empty, and the document-frequency
    changes. Features and states are packed (tui/store/story_terms.py). Returns the filing
    stamp it leaves, read inside the transaction (no other writer can come between)."""
    features = {a: json.loads(f) if isinstance(f, str) else f for a, (_, f) in filed.items()}
    keys = ("first_seen", "last_seen", "terms", "places", "norm", "kinds")
    stories = list(stories)
    states = {story["id"]: {k: story[k] for k in keys if k in story} for story in stories}
    if conn.in_transaction:
        conn.commit()
    # The write lock first: a transaction that reads before it writes cannot take the lock
    # when another process (a second refresher, `sitrep fetch` beside the app) wrote
    # in between, and SQLite then answers "locked" at once instead of waiting its turn.
    conn.execute("BEGIN IMMEDIATE")
    with conn:
        story_terms.add_frequencies(conn, df_delta)
        alone = {story["id"]: int(story["article_ids"][0]) for story in stories
                 if len(story["article_ids"]) == 1}  # fmt: skip
        packed, packed_states = story_terms.packed_values(conn, features, states, alone)
        conn.executemany("DELETE FROM story_articles WHERE article_id = ?",
                         [(a,) for a in unfiled])  # fmt: skip
        conn.executemany(
            "INSERT OR REPLACE INTO story_articles(article_id, story_id, features, stale) "
            "VALUES (?, ?, ?, 0)",
            [(a, sid, packed[a]) for a, (sid, _) in filed.items()],
        )
        conn.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in dropped])
        for story in stories:
            conn.execute(
                "INSERT INTO stories(id, title, first_seen, last_seen, articles, state) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
                "first_seen = excluded.first_seen, last_seen = excluded.last_seen, "
                "articles = excluded.articles, state = excluded.state",
                (story["id"], story["title"], story["first_iso"], story["last_iso"],
                 len(story["article_ids"]), packed_states[story["id"]]),
            )  # fmt: skip
        conn.execute(
            "INSERT OR REPLACE INTO app_state(key, value) VALUES ('stories_filed', ?)",
            (str(filed_total),),
        )
        _moved(conn)
        return filing_stamp(conn)


def contested_outlets(conn: sqlite3.Connection, story_ids: Sequence[str]) -> dict[str, int]:
    """The stories among *story_ids* already marked contested, with their count of outlets
    (feeds by name, as a report counts them)."""
    found: dict[str, int] = {}
    for part in _chunks(list(story_ids)):
        found.update(
            conn.execute(
                "SELECT s.id, (SELECT count(DISTINCT f.name) FROM story_articles m "
                "JOIN articles a ON a.id = m.article_id JOIN feeds f ON f.id = a.feed_id "
                f"WHERE m.story_id = s.id) FROM stories s WHERE s.id IN ({_marks(part)}) "
                "AND s.contested = 1",
                part,
            ).fetchall()
        )
    return found


def set_story_marks(conn: sqlite3.Connection, marks: Mapping[str, tuple[int, bool]]) -> None:
    """(outlets, contested) of stories whose report was just built."""
    with conn:
        conn.executemany(
            "UPDATE stories SET outlets = ?, contested = ? WHERE id = ?",
            [(outlets, int(contested), sid) for sid, (outlets, contested) in marks.items()],
        )


def forget_purged(conn: sqlite3.Connection) -> int:
    """Stories whose every article was purged are dropped; the rest keep their state (a purge
    takes the oldest articles, and the stories they leave are past the grouping window)."""
    with conn:
        gone = conn.execute(
            "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM story_articles s "
            "WHERE s.story_id = stories.id)"
        ).rowcount
        conn.execute(
            "UPDATE stories SET articles = (SELECT count(*) FROM story_articles s "
            "WHERE s.story_id = stories.id) WHERE articles != (SELECT count(*) FROM "
            "story_articles s WHERE s.story_id = stories.id)"
        )
        total = conn.execute("SELECT count(*) FROM story_articles").fetchone()[0]
        conn.execute(
            "INSERT OR REPLACE INTO app_state(key, value) VALUES ('stories_filed', ?)",
            (str(total),),
        )
        _moved(conn)
    return int(gone)


# ── reading stories ─────────────────────────────────────────────────────────────────────────


def story_members(conn: sqlite3.Connection, story_ids: Sequence[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {sid: [] for sid in story_ids}
    for part in _chunks(list(story_ids)):
        for article_id, story_id in conn.execute(
            f"SELECT article_id, story_id FROM story_articles WHERE story_id IN ({_marks(part)})",
            part,
        ):
            found[story_id].append(article_id)
    return found


def analysed_articles(conn: sqlite3.Connection, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Each article with its text, feed name, claims and entities (with mentions), as plain
    dicts: what a story's report is built from."""
    found: dict[int, dict[str, Any]] = {}
    for part in _chunks(list(article_ids)):
        marks = _marks(part)
        for row in conn.execute(
            f"SELECT {_ARTICLE} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            f"WHERE a.id IN ({marks})",
            part,
        ):
            found[row["id"]] = {**dict(row), "claims": [], "entities": {}}
        for row in conn.execute(
            f"SELECT * FROM claims WHERE article_id IN ({marks}) ORDER BY article_id, start", part
        ):
            found[row["article_id"]]["claims"].append(dict(row))
        packed = dict(conn.execute(
            f"SELECT article_id, spans FROM article_mentions WHERE article_id IN ({marks})", part
        ).fetchall())  # fmt: skip
        names = _entity_names(conn, {e for value in packed.values() for e in unpack_spans(value)})
        for article_id, value in packed.items():
            mentions = unpack_spans(value)  # the entities in the order of their first mention
            for entity_id in sorted(mentions, key=lambda e: (mentions[e][0], e)):
                found[article_id]["entities"][names[entity_id]] = list(mentions[entity_id])
    return [found[a] for a in article_ids if a in found]


def _entity_names(conn: sqlite3.Connection, ids: set[int]) -> dict[int, tuple[str, str]]:
    names: dict[int, tuple[str, str]] = {}
    for part in _chunks(sorted(ids)):
        for entity_id, name, kind in conn.execute(
            f"SELECT id, name, type FROM entities WHERE id IN ({_marks(part)})", part
        ):
            names[entity_id] = (name, kind)
    return names


def list_stories(
    conn: sqlite3.Connection, *, since: str = "", single: bool = True
) -> list[sqlite3.Row]:
    """Stories seen since *since*, newest first; one-article stories only with *single*."""
    return conn.execute(
        "SELECT id, title, first_seen, last_seen, articles, outlets, contested FROM stories "
        "WHERE last_seen >= ? AND articles >= ? ORDER BY last_seen DESC, id DESC",
        (since, 1 if single else 2),
    ).fetchall()


def pending_articles(conn: sqlite3.Connection, since: str = "") -> list[sqlite3.Row]:
    """Articles not in a story yet (still queued, or analysed since the last catch-up)."""
    return conn.execute(
        "SELECT a.id, a.url, a.final_url, a.title, a.sort_ts, f.name AS feed_name "
        "FROM articles a JOIN feeds f ON f.id = a.feed_id "
        "LEFT JOIN story_articles s ON s.article_id = a.id "
        "WHERE s.article_id IS NULL AND a.sort_ts >= ? ORDER BY a.sort_ts DESC",
        (since,),
    ).fetchall()
