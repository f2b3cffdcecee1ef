# Two commands a new machine needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check lint bench package package-windows check-macos clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

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

# The Windows installer, built, installed, self-tested and uninstalled under Wine (minutes;
# installs Wine and friends from Debian when run as root): packaging/README.md.
package-windows: $(STAMP)
	$(BIN)/python packaging/windows/wine_build.py

# What Linux can check of the macOS build: wheels for both Macs, the spec parses.
check-macos: $(STAMP)
	$(BIN)/python packaging/macos/check_macos.py

clean:
	rm -rf build dist .mypy_cache .ruff_cache
