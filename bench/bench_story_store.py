"""The story process's reads and writes of a batch, against the store alone, in CPU time: what
schema 14's packed values (tui/store/story_pack.py) change in a catch-up. The grouping and
the reports are left out (bench_stories.py --speed measures the grouping; they do not read the
stored form).

For each of --batches batches of 500 filed articles (the newest first, as a catch-up files the
newest): the grouping state of the stories in the window (`window_stories`, 10 days before the
batch's oldest article, with their members), the document frequencies of their terms, the
batch's stale features (`articles_to_file` after marking them stale), and `save_filing` writing
the batch's features and its stories' states back as they were read.

    .venv/bin/python bench/bench_story_store.py --cache /tmp/size4/m50k --batches 3

It WRITES to the cache (the rows it writes are the ones it read, so the stories stay as they
were, in the form of the code that runs): give it a copy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.store import schema  # noqa: E402
from tui.store import stories as kept  # noqa: E402

BATCH = 500
WINDOW_HOURS = 240.0


def _cpu(fn, *args):  # type: ignore[no-untyped-def]
    start = time.process_time()
    found = fn(*args)
    return found, (time.process_time() - start) * 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--batches", type=int, default=3)
    args = parser.parse_args()
    db = args.cache / "cache" / "sitrep.db" if args.cache.is_dir() else args.cache
    conn = schema.connect(db)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    ids = [r[0] for r in conn.execute(
        "SELECT s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "ORDER BY a.sort_ts DESC, a.id DESC LIMIT ?", (BATCH * args.batches,)
    )]  # fmt: skip
    figures: dict[str, list[float]] = {}
    for at in range(0, len(ids), BATCH):
        batch = ids[at : at + BATCH]
        marks = ",".join("?" * len(batch))
        oldest = conn.execute(f"SELECT min(sort_ts) FROM articles WHERE id IN ({marks})", batch)
        since = datetime.fromisoformat(oldest.fetchone()[0]).astimezone(UTC)
        since -= timedelta(hours=WINDOW_HOURS)
        window, cpu = _cpu(kept.window_stories, conn, since.isoformat(timespec="seconds"))
        figures.setdefault("window_stories", []).append(cpu)
        terms = {t for s in window for t in s["terms"]}
        _, cpu = _cpu(kept.document_frequencies, conn, terms)
        figures.setdefault("document_frequencies", []).append(cpu)
        with conn:
            stale = f"UPDATE story_articles SET stale = 1 WHERE article_id IN ({marks})"
            conn.execute(stale, batch)
        rows, cpu = _cpu(kept.articles_to_file, conn, BATCH)
        figures.setdefault("articles_to_file (stale)", []).append(cpu)
        filed = {r["id"]: (r["old_story"], r["old_features"]) for r in rows}  # JSON text
        touched = {sid for sid, _ in filed.values()}
        changed = [s for s in window if s["id"] in touched]
        for story in changed:
            story["first_iso"] = datetime.fromtimestamp(story["first_seen"], UTC).isoformat()
            story["last_iso"] = datetime.fromtimestamp(story["last_seen"], UTC).isoformat()
        _, cpu = _cpu(kept.save_filing, conn, filed, [], changed, [], {}, kept.filed_count(conn))
        figures.setdefault("save_filing", []).append(cpu)
        print(f"batch {at // BATCH + 1}: {len(window):,} stories in the window, {len(terms):,} "
              f"terms, {len(rows)} stale rows, {len(changed)} stories written")  # fmt: skip
    print(f"{db} (schema {version}), CPU ms a batch of {BATCH}: median (each batch)")
    for name, values in figures.items():
        each = " ".join(f"{v:.0f}" for v in values)
        print(f"  {name:<26} {statistics.median(values):8.1f}   ({each})")


if __name__ == "__main__":
    main()
