"""Two processes editing feeds.toml at once: does every acknowledged edit survive?

One process calls `add_feeds` (150 times, a new feed each time) while another calls
`rename_feed` on the same file (300 times): the functions `sitrep feeds add` and the app's feed
menu call. Each process prints what was acknowledged; at the end the file must hold every
acknowledged feed, the last name given, no temporary files, and neither process may have failed.

    .venv/bin/python bench/bench_feeds_race.py [--adds 150] [--renames 300] [--rounds 3]
        [--code DIR]   # the folder holding the `tui` package to test (an older checkout)

Prints one line per round and exits 1 if any edit was lost or any process failed.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.service.config import load_config  # noqa: E402

BASE = "https://base.example/rss"
RACER = """
import sys
from pathlib import Path
from tui.service.feeds import FeedSpec, add_feeds, rename_feed
path, role, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(count):
    try:
        if role == "add":
            url = f"https://feed{i}.example/rss"
            added, _ = add_feeds(path, [FeedSpec(url, f"Feed {i}")])
            if added:
                print(url, flush=True)
        else:
            rename_feed(path, "https://base.example/rss", f"Base {i}")
            print(f"Base {i}", flush=True)
    except Exception as exc:  # counted, as a user would see each failed edit
        print(f"failed {type(exc).__name__}", file=sys.stderr, flush=True)
"""


def one_round(folder: Path, adds: int, renames: int, code: Path) -> tuple[bool, str]:
    path = folder / "feeds.toml"
    path.write_text(f'# my feeds\n[[feed]]\nname = "Base"\nurl = "{BASE}"\n', encoding="utf-8")
    command = [sys.executable, "-c", RACER, str(path)]
    adder = subprocess.Popen([*command, "add", str(adds)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=code)
    renamer = subprocess.Popen([*command, "rename", str(renames)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=code)
    added, add_err = adder.communicate()
    renamed, rename_err = renamer.communicate()
    acknowledged = set(added.split())
    feeds = load_config(path).feeds
    in_file = {f.url for f in feeds}
    lost = acknowledged - in_file
    last = renamed.strip().splitlines()[-1] if renamed.strip() else ""
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    failed = [line.split()[1] for t in (add_err, rename_err) for line in t.splitlines()
              if line.startswith("failed ")]
    errors = len(failed)
    if failed:
        kinds = {kind: failed.count(kind) for kind in sorted(set(failed))}
        print("  failed edits:", ", ".join(f"{n} {kind}" for kind, n in kinds.items()))
    ok = not lost and not errors and not leftovers and feeds[0].name == last
    ok = ok and adder.returncode == 0 and renamer.returncode == 0
    line = (f"{len(acknowledged)} adds acknowledged, {len(in_file) - 1} feeds added in the "
            f"file, {len(lost)} lost; {len(renamed.split(chr(10))) - 1} renames, last "
            f"{'kept' if feeds[0].name == last else 'LOST'}; {errors} failed edits, "
            f"{len(leftovers)} temporary files left")
    return ok, line


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--adds", type=int, default=150)
    parser.add_argument("--renames", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--code", type=Path, default=ROOT)
    args = parser.parse_args()
    failures = 0
    for number in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            ok, line = one_round(Path(folder), args.adds, args.renames, args.code)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            wall = time.perf_counter() - start
            print(f"round {number}: {line} ({wall:.1f} s wall, {cpu:.1f} s CPU)", flush=True)
            failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
