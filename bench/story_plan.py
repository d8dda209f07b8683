"""Stories for the synthetic bench cache (bench/build_cache.py): the shape of real traffic,
written through the store's own functions.

    .venv/bin/python bench/story_plan.py --cache DIR [--report-every K]

(the second form files the stories of a cache built with `--no-stories`, replacing any it has)

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
Everything else is real: each article's features (`article_features`, computed by two worker
processes), the stories' grouping state and the terms' document frequencies as they stood when
the story's last article was filed (the real grouping keeps them incrementally too), written
with `tui.store.stories.save_filing` as the articles go; outlets (feeds by name) and the
contested mark from each story's real report (`mark_stories`: ledger, contradictions over the
stored claims). The stories view's speed depends on this shape — how many stories, how big —
not on how they were chosen.

A report costs about 7 ms of CPU a story, 2 hours for the half million stories of a million
articles. `--report-every K` builds the real report of one story in K (chosen by its id) and
gives the others the contested mark at the rate the reported stories of the same size showed so
far (the rate climbs from 0.27 for one article to 1.0 from nine: 50k cache, every story
reported); their outlets are counted all the same. K = 1 (the default) reports every story.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import random
import sqlite3
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.pipeline.stories import FEATURES_VERSION  # noqa: E402
from tui.pipeline.stories.features import ArticleFeatures, article_features  # noqa: E402
from tui.pipeline.stories.grouping import StoryIndex  # noqa: E402
from tui.service.stories import mark_stories, story_article  # noqa: E402
from tui.store import schema  # noqa: E402
from tui.store import stories as kept  # noqa: E402

NEW_STORY = 0.5
OPEN_HOURS = 36.0
MAX_ARTICLES = 25
BATCH = 500  # articles a worker reads and features at a time
CHUNK = 5_000  # articles filed in one transaction


def plan(times: list[float], seed: int) -> list[int]:
    """For each article (publication order, *times* in seconds), the number of its story.

    A story open for joining is drawn in proportion to its size by drawing one of the articles
    already in open stories; an entry of a story that closed (full, or started more than
    OPEN_HOURS before) is dropped when drawn, so each draw costs the same at any size."""
    r = random.Random(seed)
    stories: list[int] = []
    sizes: list[int] = []
    started: list[float] = []
    members: list[int] = []  # a story's number once per article it holds, while it is open
    window = OPEN_HOURS * 3600.0
    for when in times:
        number = -1
        if r.random() >= NEW_STORY:
            while members:
                at = r.randrange(len(members))
                pick = members[at]
                if sizes[pick] < MAX_ARTICLES and when - started[pick] <= window:
                    number = pick
                    break
                members[at] = members[-1]
                members.pop()
        if number < 0:
            sizes.append(0)
            started.append(when)
            number = len(sizes) - 1
        sizes[number] += 1
        members.append(number)
        stories.append(number)
    return stories


@dataclass
class _Open:
    """A planned story while its articles are being filed."""

    first: ArticleFeatures  # the first filed: the story's id
    title: str = ""  # of its earliest article
    first_seen: float = math.inf
    last_seen: float = 0.0
    terms: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)  # event kinds, as the grouping counts
    article_ids: list[str] = field(default_factory=list)
    feeds: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        return "s" + hashlib.sha1(self.first.article_id.encode("utf-8")).hexdigest()[:12]


def file_bench_stories(conn: sqlite3.Connection, seed: int = 1, report_every: int = 1) -> int:
    """File every article of the cache into planned stories (replacing any it has); returns
    how many stories."""
    t0 = time.process_time()
    conn.execute("DELETE FROM app_state WHERE key = 'stories_version'")
    kept.start_over_unless(conn, FEATURES_VERSION)  # empties the tables, marks the version
    rows = conn.execute(
        "SELECT a.id, a.sort_ts, f.name FROM articles a JOIN feeds f ON f.id = a.feed_id "
        "ORDER BY a.sort_ts, a.id"
    ).fetchall()
    numbers = plan([_time(row[1]) for row in rows], seed)
    last = {number: at for at, number in enumerate(numbers)}
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    index = StoryIndex()
    df: Counter[str] = Counter()
    index.df, index.n_docs = df, 0  # a Counter, so that update adds
    opened: dict[int, _Open] = {}
    rates = _Rates(random.Random(seed))
    made = 0
    context = multiprocessing.get_context("spawn")
    with context.Pool(2, initializer=_open_worker, initargs=(path,)) as pool:
        for at in range(0, len(rows), CHUNK):
            part = rows[at : at + CHUNK]
            batches = [[row[0] for row in part[i : i + BATCH]] for i in range(0, len(part), BATCH)]
            found: dict[int, dict[str, Any]] = {}
            for result in pool.imap(_features_of, batches):
                found.update(result)
            df_delta: Counter[str] = Counter()
            filed: dict[int, tuple[str, str]] = {}
            closed: list[_Open] = []
            for offset, (article_id, _, feed) in enumerate(part):
                number = numbers[at + offset]
                data = found.get(article_id)
                if data is not None:
                    feats = ArticleFeatures.from_dict(data)
                    df_delta.update(feats.terms.keys())
                    story = opened.setdefault(number, _Open(feats))
                    if feats.time < story.first_seen:
                        story.first_seen, story.title = feats.time, feats.title
                    story.last_seen = max(story.last_seen, feats.time)
                    story.terms.update(feats.terms)
                    story.places.update(feats.places)
                    story.kinds.update(feats.kinds)
                    story.article_ids.append(feats.article_id)
                    story.feeds.add(feed)
                    filed[article_id] = (story.id, json.dumps(data))
                if last[number] == at + offset and number in opened:
                    closed.append(opened.pop(number))
            df.update(df_delta)
            index.n_docs += len(filed)
            states = [_state(index, story) for story in closed]
            kept.save_filing(conn, filed, [], states, [], dict(df_delta), index.n_docs)
            reported = [s.id for s in closed if int(s.id[1:], 16) % report_every == 0]
            mark_stories(conn, reported)
            rates.learn(conn, reported)
            kept.set_story_marks(conn, {
                s.id: (len(s.feeds), rates.draw(len(s.article_ids)))
                for s in closed if int(s.id[1:], 16) % report_every
            })  # fmt: skip
            made += len(closed)
            if len(rows) > 100_000 and (at // CHUNK) % 20 == 19:
                print(f"  {at + len(part):,} articles filed", flush=True)
    print(
        f"filed {index.n_docs} articles into {made} planned stories "
        f"({time.process_time() - t0:.1f} s CPU in this process)"
    )
    return made


class _Rates:
    """The share of reported stories of each size (capped at 9) that held a contradiction."""

    def __init__(self, draws: random.Random) -> None:
        self.draws = draws
        self.seen: Counter[int] = Counter()
        self.contested: Counter[int] = Counter()

    def learn(self, conn: sqlite3.Connection, story_ids: list[str]) -> None:
        for part in range(0, len(story_ids), BATCH):
            ids = story_ids[part : part + BATCH]
            marks = ",".join("?" * len(ids))
            for size, contested in conn.execute(
                f"SELECT articles, contested FROM stories WHERE id IN ({marks})", ids
            ):
                self.seen[min(size, 9)] += 1
                self.contested[min(size, 9)] += contested

    def draw(self, size: int) -> bool:
        size = min(size, 9)
        rate = self.contested[size] / self.seen[size] if self.seen[size] else 0.5
        return self.draws.random() < rate


_worker: dict[str, sqlite3.Connection] = {}


def _open_worker(path: str) -> None:
    _worker["conn"] = schema.connect(Path(path), readonly=True, timeout=60.0)


def _features_of(article_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each analysed article's features, as plain data (read in a worker process)."""
    return {
        article["id"]: article_features(story_article(article)).to_dict()
        for article in kept.analysed_articles(_worker["conn"], article_ids)
    }


def _state(index: StoryIndex, story: _Open) -> dict[str, Any]:
    """A story's grouping state as StoryIndex keeps it (terms summed, focus places counted)."""
    norm = math.sqrt(sum((w * index.idf(t)) ** 2 for t, w in story.terms.items()))
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": story.first_seen,
        "last_seen": story.last_seen,
        "first_iso": _iso(story.first_seen),
        "last_iso": _iso(story.last_seen),
        "terms": dict(story.terms),
        "places": dict(story.places),
        "norm": norm,
        "kinds": dict(story.kinds),
        "article_ids": story.article_ids,
    }


def _time(sort_ts: str) -> float:
    when = datetime.fromisoformat(sort_ts)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).isoformat(timespec="seconds")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True, help="a build_cache.py --out DIR")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report-every", type=int, default=1, metavar="K")
    args = parser.parse_args()
    t0 = time.perf_counter()
    conn = schema.connect(args.cache / "cache" / "sitrep.db")
    try:
        file_bench_stories(conn, args.seed, max(1, args.report_every))
        conn.commit()
    finally:
        conn.close()
    print(f"done in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
