# Two commands a new machine needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check lint bench package clean

$(BIN)/python:
	@echo "Setting up $(VENV) with $(PYTHON); this needs the package index (PyPI or your mirror)."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the project's metadata changes. The first install shows pip's
# progress (it downloads about 110 MB, 78 MB of it Qt); later ones are quiet.
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing jpbrief and its dependencies into $(VENV)$(if $(wildcard $(STAMP)),, (first run: downloads about 110 MB from the package index; later runs use pip's cache))..."
	$(BIN)/python -m pip install $(if $(wildcard $(STAMP)),--quiet,--progress-bar on) -e '.[test]'
	touch $(STAMP)
	@echo "Ready: the command line is $(BIN)/jpbrief (make run opens the reader)."

run: $(STAMP)
	$(BIN)/jpbrief

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check jpbrief tests benchmarks
	$(BIN)/mypy jpbrief

check: $(STAMP)
	$(BIN)/jpbrief check

bench: $(STAMP)
	$(BIN)/python benchmarks/search_bench.py
	$(BIN)/python benchmarks/startup_bench.py

package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/python packaging/build.py

clean:
	rm -rf build dist .mypy_cache .ruff_cache
