"""`make bench`: run every benchmark in this folder that can run here, one after another.

Each prints its own figures; nothing is asserted. Benchmarks whose data or tools are missing say
so and are skipped. See bench/README.md for what each measures and the figures last measured.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> int:
    scripts = sorted(
        p for p in HERE.iterdir() if p.name.startswith("bench_") and p.suffix in (".py", ".sh")
    )
    failures = 0
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        command = [sys.executable, str(script)] if script.suffix == ".py" else ["bash", str(script)]
        result = subprocess.run(command, cwd=ROOT)
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
