"""The one-off check of every story's contested mark after new ledger rules (REPORT_VERSION):
its CPU, batch by batch, as the story process runs it (tui/service/stories.check_marks).

    .venv/bin/python bench/bench_marks.py --cache DIR    # DIR/cache/sitrep.db, or DIR/sitrep.db

Opening the cache migrates it first (timed apart). The check runs only on a cache whose marks
were set by another REPORT_VERSION (an older cache, or one with `marks_version` removed from
app_state); it changes the marks it finds wrong, so run it on a copy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.service.stories import check_marks  # noqa: E402
from tui.store import schema  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", required=True, type=Path)
    args = parser.parse_args()
    db = args.cache / "cache" / "sitrep.db"  # a bench cache (build_cache.py), else the file's dir
    if not db.exists():
        db = args.cache / "sitrep.db"
    if not db.exists():
        sys.exit(f"no sitrep.db in {args.cache} or {args.cache / 'cache'}")
    started, wall = time.process_time(), time.time()
    conn = schema.connect(db)
    print(f"open (and migrate): CPU {time.process_time() - started:.2f} s, "
          f"wall {time.time() - wall:.2f} s")
    before = dict(conn.execute("SELECT id, contested FROM stories").fetchall())
    started, wall, checked, batches = time.process_time(), time.time(), 0, []
    while True:
        one = time.process_time()
        done = check_marks(conn)
        if not done:
            break
        checked += done
        batches.append(time.process_time() - one)
    if not batches:
        print("no mark to check: they were set by this REPORT_VERSION")
        return
    batches.sort()
    after = dict(conn.execute("SELECT id, contested FROM stories").fetchall())
    changed = sum(before[s] != after.get(s) for s in before)
    print(f"checked {checked} stories: CPU {time.process_time() - started:.1f} s, wall "
          f"{time.time() - wall:.1f} s; a batch median {batches[len(batches) // 2]:.2f} s, max "
          f"{batches[-1]:.2f} s; {changed} marks changed of {len(before)}")


if __name__ == "__main__":
    main()
