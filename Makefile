# The task runner. `make run` builds seeds/ into exports/; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit exports docs vocab bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## set up, and build seeds/ into exports/
	$(BIN)/kg build seeds -o exports

test: lint typecheck unit  ## set up, and run every check

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/ruff format --check kg tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

exports: run  ## rebuild the committed exports/ (same as run)

docs: $(STAMP)  ## regenerate docs/cli.md from the commands
	$(BIN)/python -m kg.clidoc

vocab: $(STAMP)  ## regenerate kg/vocab.py from ontology/kg.ttl
	$(BIN)/python -m kg.ontology

bench: $(STAMP)  ## run the benchmarks (slow; each prints its figures and command)
	$(BIN)/python -m benchmarks.extraction
	$(BIN)/python -m benchmarks.query_engines
	$(BIN)/python -m benchmarks.view_large
	$(BIN)/python -m benchmarks.overview_large
	$(BIN)/python -m benchmarks.throughput --articles 1000 --naive
	$(BIN)/python -m benchmarks.big_files

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
