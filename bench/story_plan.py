"""Stories for the synthetic bench cache (bench/build_cache.py): the shape of real traffic,
written through the store's own functions.

Why not the real grouping: the bench articles are random text over a small vocabulary (40
places, 16 nouns, 15 verbs), so they do not tell events the way news does. Filed by
`tui.service.stories.file_all`, 2,000 of them made one story of 1,061 articles and 900 of one,
and filing took 83 s (47 s CPU), most of it rebuilding that story's report after each batch (18 s
CPU, 3,098 ledger rows, 148,307 contradictions): at 50,000 articles it would run for hours and
measure nothing the stories view meets in real use.

So the bench decides which articles tell one event, with a plan shaped like wire traffic and
like the dev set (tests/fixtures/stories/dev): walking the articles in publication order, each
one starts a story (half of them), or joins one of the stories started in the 36 hours before
it, the bigger ones likelier (a big event draws more reports), up to 25 articles a story.
Everything else is real: each article's features (`article_features`), the stories' grouping
state and the terms' document frequencies, written with `tui.store.stories.save_filing`;
outlets and the contested mark from each story's real report (`mark_stories`: ledger,
contradictions over the stored claims). The stories view's speed depends on this shape — how
many stories, how big — not on how they were chosen.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sqlite3
import time
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from tui.pipeline.stories.features import ArticleFeatures, article_features
from tui.pipeline.stories.grouping import StoryIndex
from tui.service.stories import mark_stories, story_article
from tui.store import stories as kept

NEW_STORY = 0.5
OPEN_HOURS = 36.0
MAX_ARTICLES = 25
BATCH = 500


def plan(rows: list[sqlite3.Row], seed: int) -> list[int]:
    """For each article (publication order), the number of its story."""
    r = random.Random(seed)
    stories: list[int] = []
    started: list[tuple[float, int]] = []  # (time, story number) of recent stories
    sizes: list[int] = []
    for row in rows:
        when = _time(row["sort_ts"])
        started = [(t, n) for t, n in started if when - t <= OPEN_HOURS * 3600.0]
        open_ = [n for _, n in started if sizes[n] < MAX_ARTICLES]
        if not open_ or r.random() < NEW_STORY:
            sizes.append(0)
            started.append((when, len(sizes) - 1))
            number = len(sizes) - 1
        else:
            number = r.choices(open_, weights=[sizes[n] for n in open_])[0]  # big get bigger
        sizes[number] += 1
        stories.append(number)
    return stories


def file_bench_stories(conn: sqlite3.Connection, seed: int = 1) -> int:
    """File every article of the cache into planned stories; returns how many stories."""
    t0 = time.process_time()
    rows = conn.execute("SELECT id, sort_ts FROM articles ORDER BY sort_ts, id").fetchall()
    numbers = plan(rows, seed)
    features: dict[int, ArticleFeatures] = {}
    for at in range(0, len(rows), BATCH):
        part = [row["id"] for row in rows[at : at + BATCH]]
        for article in kept.analysed_articles(conn, part):
            features[article["id"]] = article_features(story_article(article))
    df: Counter[str] = Counter(t for f in features.values() for t in f.terms)
    index = StoryIndex()
    index.df, index.n_docs = dict(df), len(features)  # for the norms, as the grouping keeps them
    members: dict[int, list[int]] = {}
    for row, number in zip(rows, numbers, strict=True):
        if row["id"] in features:
            members.setdefault(number, []).append(row["id"])
    stories = [_story(index, [features[a] for a in ids]) for ids in members.values()]
    filed = {
        a: (story["id"], json.dumps(features[a].to_dict()))
        for story, ids in zip(stories, members.values(), strict=True)
        for a in ids
    }
    kept.save_filing(conn, filed, [], stories, [], dict(df), len(features))
    ids = [story["id"] for story in stories]
    for at in range(0, len(ids), BATCH):
        mark_stories(conn, ids[at : at + BATCH])
    print(
        f"filed {len(filed)} articles into {len(stories)} planned stories "
        f"({time.process_time() - t0:.1f} s CPU)"
    )
    return len(stories)


def _story(index: StoryIndex, articles: list[ArticleFeatures]) -> dict[str, Any]:
    """A story's grouping state as StoryIndex keeps it (terms summed, focus places counted)."""
    first = min(articles, key=lambda f: f.time)
    terms: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for feats in articles:
        terms.update(feats.terms)
        places.update(feats.places)
    norm = math.sqrt(sum((w * index.idf(t)) ** 2 for t, w in terms.items()))
    first_seen, last_seen = first.time, max(f.time for f in articles)
    digest = hashlib.sha1(first.article_id.encode("utf-8")).hexdigest()[:12]
    return {
        "id": f"s{digest}",
        "title": first.title,
        "first_seen": first_seen,
        "last_seen": last_seen,
        "first_iso": _iso(first_seen),
        "last_iso": _iso(last_seen),
        "terms": dict(terms),
        "places": dict(places),
        "norm": norm,
        "article_ids": [f.article_id for f in articles],
    }


def _time(sort_ts: str) -> float:
    when = datetime.fromisoformat(sort_ts)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat(timespec="seconds")
