"""Stories kept up to date in the cache, and read back as reports.

`file_stories(conn)` is the catch-up: every article whose processing is done and that is in no
story yet (or was analysed again) is filed, oldest first, through the incremental grouping of
`tui.pipeline.stories`, whose state for the stories in reach is read from the store and written
back in one transaction. The refresher calls it after each stretch of its queue and at start; it
is idempotent, so two processes sharing a cache (the app and `sitrep fetch`) each file what the
other has not: SQLite's write lock serialises the transactions, and each starts from the state
the other left. `story_reports` builds the ledgers, figures and contradictions for the CLI and
the app. All of it runs on whatever thread owns the connection (never the UI's event loop).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from tui.core.models import Entity
from tui.pipeline.stories import FEATURES_VERSION, REPORT_VERSION
from tui.pipeline.stories.article import StoryArticle
from tui.pipeline.stories.export import StoryReport, report_json, story_report
from tui.pipeline.stories.features import ArticleFeatures, article_features
from tui.pipeline.stories.grouping import Params, StoryIndex
from tui.service import story_window
from tui.store import stories as kept
from tui.store.claims import claim_of

BATCH = 500  # articles filed per transaction (a catch-up of a big cache loops)
MARKS_BATCH = 200  # stories whose contested mark is checked again per transaction (~1 s of CPU)


def file_stories(conn: sqlite3.Connection, limit: int = BATCH) -> int:
    """File up to *limit* articles into stories; returns how many (0: nothing left). Stories
    filed by another version of the features are dropped first and filed again. With nothing
    left to file, the contested marks other rules set are checked (`check_marks`): then it
    returns how many stories were."""
    if kept.start_over_unless(conn, FEATURES_VERSION):
        kept.marks_checked(conn, REPORT_VERSION, None)  # each story is marked as it is filed
    rows = kept.articles_to_file(conn, limit)
    if not rows:
        return check_marks(conn)
    params = Params()
    reach = params.window_hours * 3600.0
    # The articles of one window's time (they come oldest first): a story can take an article
    # only within a window of its own time (`StoryIndex.score`), so the stories read are those
    # seen from a window before the oldest to a window after the newest. Unbounded, a batch
    # holding an item dated a year back read every story since (500,000 at a million articles:
    # a minute of CPU and their states in memory, for 20 new pages).
    oldest = min(_time(r["sort_ts"]) for r in rows)
    rows = [r for r in rows if _time(r["sort_ts"]) <= oldest + reach]
    newest = max(_time(r["sort_ts"]) for r in rows)
    by_id = {a["id"]: a for a in kept.analysed_articles(conn, [r["id"] for r in rows])}
    old_stories = {r["old_story"] for r in rows if r["old_story"]}
    fresh = [article_features(story_article(by_id[r["id"]])) for r in rows if r["id"] in by_id]
    old = {
        str(r["id"]): ArticleFeatures.from_dict(json.loads(r["old_features"]))
        for r in rows
        if r["old_features"]
    }
    batch_terms = {t for f in fresh for t in f.terms} | {t for f in old.values() for t in f.terms}
    since, until = oldest - reach, newest + reach
    window = story_window.take(conn, since, until, old_stories, reach)
    if window is None:
        window = _read_window(conn, since, until, old_stories, batch_terms, params)
    else:
        story_window.extend(conn, window, until, batch_terms)
    index = window.index
    df_delta: dict[str, int] = {}
    touched: set[str] = set(old_stories)
    filed: dict[int, tuple[str, dict[str, object]]] = {}
    for feats in fresh:
        previous = old.get(feats.article_id)
        if previous is not None:
            index.remove(feats.article_id, previous)
            for term in previous.terms:
                df_delta[term] = df_delta.get(term, 0) - 1
        story_id = index.assign(feats)
        for term in feats.terms:
            df_delta[term] = df_delta.get(term, 0) + 1
        touched.add(story_id)
        filed[int(feats.article_id)] = (story_id, feats.to_dict())
    unfiled = [r["id"] for r in rows if r["id"] not in by_id]  # gone meanwhile
    changed = [_story_row(index, sid) for sid in sorted(touched) if sid in index.stories]
    dropped = [sid for sid in touched if sid not in index.stories]
    stamp = kept.save_filing(conn, filed, unfiled, changed, dropped, df_delta, index.n_docs)
    story_window.keep(window, stamp)
    mark_stories(conn, [s["id"] for s in changed], recheck=old_stories)
    return len(rows)


def _read_window(
    conn: sqlite3.Connection,
    since: float,
    until: float,
    leaving: set[str],
    batch_terms: set[str],
    params: Params,
) -> story_window.KeptWindow:
    """The stories of a batch's window (and those its articles leave), read from the store and
    indexed, with the document frequencies of their terms and the batch's."""
    stories = kept.window_stories(conn, _iso(since), leaving, until=_iso(until))
    terms = {t for s in stories for t in s["terms"]} | batch_terms
    index = StoryIndex.from_state(
        {
            "stories": stories,
            "articles": [
                {"article_id": a, "story_id": s["id"]} for s in stories for a in s["article_ids"]
            ],
            "df": kept.document_frequencies(conn, terms),
            "n_docs": kept.filed_count(conn),
        },
        params,
    )
    return story_window.build(conn, since, until, index, terms)


def check_marks(conn: sqlite3.Connection, limit: int = MARKS_BATCH) -> int:
    """Check again up to *limit* stories' contested marks set by rules other than this
    version's (REPORT_VERSION): a story keeps its mark as articles join, so new rules would
    otherwise reach only the stories that lose or change an article. How many (0: none left)."""
    ids = kept.marks_to_check(conn, REPORT_VERSION, limit)
    if ids:
        mark_stories(conn, ids, recheck=ids)
    if len(ids) < limit:
        kept.marks_checked(conn, REPORT_VERSION, None)
    else:
        kept.marks_checked(conn, REPORT_VERSION, ids[-1])
    return len(ids)


def file_all(conn: sqlite3.Connection) -> int:
    """Catch up completely (a big cache after an upgrade files in batches)."""
    total = 0
    while done := file_stories(conn):
        total += done
    return total


def mark_stories(
    conn: sqlite3.Connection, story_ids: Sequence[str], recheck: Collection[str] = ()
) -> None:
    """Outlets and the contested mark (a contradiction in the ledger) of these stories.

    A story that holds a contradiction keeps it as articles join, so its report is not built
    again (for a story of hundreds of articles the contradictions cost a third of a second,
    at every batch it gains one); only its outlets are counted. A story that lost or changed
    an article (*recheck*: analysed again) is checked in full."""
    marks: dict[str, tuple[int, bool]] = {
        story_id: (outlets, True)
        for story_id, outlets in kept.contested_outlets(conn, story_ids).items()
        if story_id not in recheck
    }
    for story_id, report in story_reports(conn, [s for s in story_ids if s not in marks]).items():
        outlets = len({a.feed for a in report.articles})
        marks[story_id] = (outlets, bool(report.contradictions))
    kept.set_story_marks(conn, marks)


def story_reports(conn: sqlite3.Connection, story_ids: Sequence[str]) -> dict[str, StoryReport]:
    members = kept.story_members(conn, story_ids)
    wanted = [a for ids in members.values() for a in ids]
    articles = {a["id"]: story_article(a) for a in kept.analysed_articles(conn, wanted)}
    return {
        story_id: story_report(story_id, [articles[a] for a in ids if a in articles])
        for story_id, ids in members.items()
        if any(a in articles for a in ids)
    }


def stories_json(
    conn: sqlite3.Connection, *, since: str = "", include_single: bool = False
) -> list[dict[str, object]]:
    """`sitrep stories --json`: one dict per story, newest first. With *include_single*,
    articles not filed yet (still queued) are listed as stories of their own, so every cached
    article is in exactly one story."""
    listed = kept.list_stories(conn, since=since, single=include_single)
    reports = story_reports(conn, [r["id"] for r in listed])
    found = [report_json(reports[r["id"]]) for r in listed if r["id"] in reports]
    if include_single:
        found += [_pending_json(row) for row in kept.pending_articles(conn, since)]
    found.sort(key=lambda s: (str(s["last_seen"]), str(s["id"])), reverse=True)
    return found


# ── conversions ─────────────────────────────────────────────────────────────────────────────


def story_article(row: dict[str, Any]) -> StoryArticle:
    """An article as the store reads it (`tui.store.stories.analysed_articles`)."""
    # Everything the analysis kept (canonical source, side, evidence: speakers are filed and
    # denials found by them), with the status in force: the user's when they set one.
    claims = tuple(replace(claim_of(c), status=c["status"]) for c in row["claims"])
    entities = tuple(
        Entity(name, kind, tuple(spans)) for (name, kind), spans in row["entities"].items()
    )
    return StoryArticle(
        id=str(row["id"]),
        url=row["final_url"] or row["url"],
        feed=row["feed_name"],
        title=row["title"],
        published=datetime.fromisoformat(row["sort_ts"]),
        text=row["text"] or "",
        claims=claims,
        entities=entities,
    )


def _story_row(index: StoryIndex, story_id: str) -> dict[str, Any]:
    story = index.stories[story_id].to_row()
    story["first_iso"] = _iso(float(story["first_seen"]))
    story["last_iso"] = _iso(float(story["last_seen"]))
    return story


def _pending_json(row: sqlite3.Row) -> dict[str, object]:
    published = datetime.fromisoformat(row["sort_ts"]).astimezone(UTC).isoformat()
    return {
        "id": f"a{row['id']}",
        "title": row["title"],
        "first_seen": published,
        "last_seen": published,
        "articles": [{"url": row["final_url"] or row["url"], "feed": row["feed_name"],
                      "title": row["title"], "published": published}],  # fmt: skip
        "claims": [],
        "contradictions": [],
        "figures": [],
    }


def _time(sort_ts: str) -> float:
    when = datetime.fromisoformat(sort_ts)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat(timespec="seconds")

