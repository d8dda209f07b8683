#!/bin/sh
# Reading-text quality and speed on the 181 real pages of ../shared/data/extraction, side by side
# with readability-lxml and a whole-page baseline (trafilatura too when it is installed).
# Prints figures; asserts nothing. Run from anywhere: it works from the project root.
# Extra arguments go to the benchmark, e.g. --dump-outputs /tmp/outputs.json or --n-bootstrap 200.
set -eu
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
BUILTINS="readability-lxml,fulltext-baseline"
if "$PY" -c "import trafilatura" 2>/dev/null; then BUILTINS="$BUILTINS,trafilatura"; fi
exec "$PY" ../shared/bench/extraction.py --dataset zyte \
    --extractor sitrep=tui.pipeline.extract:reading_text --builtins "$BUILTINS" "$@"
