"""The retention purge and `sitrep vacuum` on a big cache, and whether the app would wait for
them: while each runs, a second connection does what the app does between keystrokes (marks
an article read, in its own short write transaction, every 50 ms) and reads a page of the list;
the longest each waited is the figure that matters.

    .venv/bin/python bench/bench_upkeep.py --cache /tmp/size/upkeep-50k [--days 1]

CHANGES THE CACHE: purges the oldest --days of articles (one day of the bench's feeds is 7,500
articles, what a daily purge deletes at any cache size), then compacts it as `sitrep vacuum`
does (tui/store/upkeep.py). Give it a copy of a bench_cache.py cache.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.store import schema, upkeep  # noqa: E402

PROBE_SECONDS = 0.05


class Probe(threading.Thread):
    """The app's side: short writes and a list page on its own connection, timed."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.writes: list[float] = []
        self.reads: list[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        conn = schema.connect(self.db, timeout=30.0)
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id DESC LIMIT 200")]
        n = 0
        while not self.stop.is_set():
            start = time.perf_counter()
            with conn:
                conn.execute("UPDATE articles SET read = 1 - read WHERE id = ?", (ids[n % 200],))
            self.writes.append(time.perf_counter() - start)
            start = time.perf_counter()
            conn.execute(
                "SELECT id, title FROM articles ORDER BY sort_ts DESC, id DESC LIMIT 100"
            ).fetchall()
            self.reads.append(time.perf_counter() - start)
            n += 1
            time.sleep(PROBE_SECONDS)
        conn.close()


def _timed(db: Path, what: str, work: object) -> None:
    probe = Probe(db)
    probe.start()
    time.sleep(0.3)
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()  # type: ignore[operator]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    probe.stop.set()
    probe.join()
    writes, reads = sorted(probe.writes), sorted(probe.reads)
    print(
        f"{what}: {result} in {wall:.1f} s wall ({cpu:.1f} s CPU, both threads); the app's "
        f"{len(writes)} writes waited p50 {writes[len(writes) // 2] * 1000:.1f} ms, max "
        f"{writes[-1] * 1000:.0f} ms; its list reads max {reads[-1] * 1000:.0f} ms",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True, help="a COPY of a bench cache")
    parser.add_argument("--days", type=float, default=1.0, help="the oldest days to purge")
    args = parser.parse_args()
    db = args.cache / "cache" / "sitrep.db"
    conn = schema.connect(db)
    oldest = conn.execute("SELECT min(fetched) FROM articles").fetchone()[0]
    # a retention of one day, on the day that puts the cut --days after the oldest article
    now = datetime.fromisoformat(oldest) + timedelta(days=args.days + 1)
    before = db.stat().st_size
    _timed(db, "purge", lambda: f"{upkeep.purge_articles(conn, 1, now=now):,} articles")
    said: list[str] = []
    _timed(db, "vacuum", lambda: upkeep.compact(conn, alone=False, step=said.append) and said[-1])
    conn.close()
    print(f"file {before / 1e6:,.0f} MB → {db.stat().st_size / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
