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
# Test processes: one per core (pytest-xdist), each taking whole files so that a module's
# fixtures (the frozen build, the torture run) are made once, in the order tests/conftest.py
# gives (longest first; --no-loadscope-reorder stops xdist re-sorting files by their number of
# tests, which left a long one-test file to the end); WORKERS=0: all in this process.
# The sources are compiled first: with PYTHONDONTWRITEBYTECODE (as CI sets it) every child
# process of the suite (the command line, the file workers, the GUI runs) would otherwise
# compile the same 200 modules again, about 0.1 s each time.
WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help demo test lint format bench bench-quick dist deb wheel clean translations texts

help: ## List the targets
	@echo "Casebook — make targets:"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' \
		$(MAKEFILE_LIST)
	@echo "Variables: PYTHON=$(PYTHON)  WORKERS=$(WORKERS)  PYTEST_ARGS='$(PYTEST_ARGS)'  BENCH_ARGS='$(BENCH_ARGS)'"

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
	@$(BIN)/python -m compileall -q -j 0 casebook tests
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile --no-loadscope-reorder --max-worker-restart=0 $(PYTEST_ARGS)

lint: $(STAMP) ## Run the code-quality gates alone: ruff, ruff format --check, mypy, lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(STAMP) ## Apply ruff's import sorting and formatting
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

bench: $(STAMP) $(QM) ## Run every benchmark, each figure beside its baseline (BENCH_ARGS=--quick)
	$(BIN)/python benchmarks/all.py $(BENCH_ARGS)

bench-quick: $(STAMP) $(QM) ## Smoke-run every benchmark with small inputs
	$(BIN)/python benchmarks/all.py --quick $(BENCH_ARGS)

dist: $(STAMP) $(QM) ## Build the stand-alone PyInstaller app (installers/build_linux.sh)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash installers/build_linux.sh

deb: dist ## Build dist/casebook_<version>_<arch>.deb from the stand-alone app (Debian/Ubuntu)
	bash installers/linux/make_deb.sh dist dist

wheel: $(STAMP) $(QM) ## Build the sdist and the wheel into dist/ (the wheel carries resources/)
	$(BIN)/python -m build --outdir dist .

clean: ## Remove build output and caches (keeps .venv)
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .import_linter_cache $(QM)

texts: $(STAMP) ## Refresh resources/texts/zh_CN.po (generated texts) from the code
	$(BIN)/python tools/texts.py
