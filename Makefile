# Casebook developer commands. `make help` lists them. Every target bootstraps .venv itself:
# python3 -m venv .venv; pip install -e '.[dev]'; re-installed when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.casebook-installed
TS := resources/translations/casebook_zh_CN.ts
QM := $(TS:.ts=.qm)
BENCH_ARGS ?=
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help demo test lint format bench bench-quick dist clean translations

help: ## List the targets
	@echo "Casebook — make targets:"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)
	@echo "Variables: PYTHON=$(PYTHON)  PYTEST_ARGS='$(PYTEST_ARGS)'  BENCH_ARGS='$(BENCH_ARGS)'"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Casebook needs Python 3.11 or newer; set PYTHON=python3.11" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
		{ echo "python3 -m venv failed: on Debian/Ubuntu install python3-venv" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

# The Chinese catalogue the app loads is built from the .ts (never committed); see translations.
$(QM): $(TS) $(STAMP)
	$(BIN)/python tools/translations.py --release

translations: $(STAMP) ## Refresh the .ts from the code (lupdate), then build the .qm (lrelease)
	$(BIN)/python tools/translations.py

demo: $(STAMP) $(QM) ## Start Casebook on a demo binder (needs a display)
	@bash tools/check_qt_display.sh $(BIN)/python
	$(BIN)/casebook --demo

test: $(STAMP) $(QM) ## Run the whole test suite (incl. ruff, mypy --strict, import contracts)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP) ## Run the code-quality gates alone: ruff, ruff format --check, mypy, lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(STAMP) ## Apply ruff's import sorting and formatting
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

bench: $(STAMP) ## Run the benchmarks (2 GB import; BENCH_ARGS=--quick for 200 MB)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

bench-quick: $(STAMP) ## Smoke-run the benchmarks on a 200 MB file
	$(BIN)/python benchmarks/run.py --quick $(BENCH_ARGS)

dist: $(STAMP) $(QM) ## Build the stand-alone PyInstaller app (installers/build_linux.sh)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash installers/build_linux.sh

clean: ## Remove build output and caches (keeps .venv)
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .import_linter_cache $(QM)
