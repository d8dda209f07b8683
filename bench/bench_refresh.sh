#!/usr/bin/env bash
# Cold and warm refresh of 200 feeds × 20 items at 100 ms latency: sitrep against newsboat.
# Needs newsboat (apt-get install -y newsboat). Usage: bench/bench_refresh.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SITREP='{py} -m tui --config {work}/feeds.toml --cache {work}/cache feeds import {urls} && {py} -m tui --config {work}/feeds.toml --cache {work}/cache fetch --feeds-only --quiet'
clients=()
command -v newsboat >/dev/null && clients=(--clients newsboat-t8) || echo "newsboat missing: sitrep only" >&2
exec "$PY" ../shared/bench/bench_refresh.py --feeds 200 --latency 100 --runs 3 "${clients[@]}" \
    --client sitrep="$SITREP" "$@"
