# Two commands matter: `make run` and `make test`. Both set everything up first, from the lock.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.sitrep-installed
# Three test processes on two cores: many tests wait on servers, subprocesses and the app's
# timers, so a third process fills the idle time (measured: 2 workers 3 min 41 s, 3 workers
# 2 min 48 s, 4 workers 3 min 25 s with a load-bound failure). Override with PYTEST_WORKERS=N.
PYTEST_WORKERS ?= 3

.PHONY: install run test bench clean lint lock tmux

install: $(STAMP)

# Installs exactly requirements.lock (every file checked against its sha256, nothing resolved
# here), removes what the lock does not list, then sitrep itself without dependencies.
# Re-runs only when the lock or pyproject.toml changes, so a second `make install` is instant.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) scripts/lock.py --remove-extras
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	touch $(STAMP)

# The only way a dependency changes: edit pyproject.toml, `make lock`, `make test`, commit both.
# (It needs only uv from the current lock, not a complete install: pyproject may be ahead.)
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) scripts/lock.py

run: install
	$(VENV)/bin/sitrep --config feeds.toml

# The tmux end-to-end test needs tmux; only `make test` may install it (never `make run`).
tmux:
	@command -v tmux >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq tmux; } \
		|| echo "note: tmux could not be installed; the tmux end-to-end test will say so"

test: install tmux lint
	$(PY) -m pytest -q -rs -n $(PYTEST_WORKERS) --durations=15

bench: install
	$(PY) bench/run_all.py

lint: install
	$(PY) -m ruff check tui tests bench scripts
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) cache/*.db cache/*.db-* .pytest_cache
