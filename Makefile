# Two commands a new machine needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test system-test-deps check lint bench package package-windows check-macos clean translations lupdate

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

# The interface's translations: resources/i18n/*.ts are kept in the repo, the .qm files Qt
# loads are compiled from them here (with PySide6's lrelease) and never committed.
TS := $(wildcard resources/i18n/jpbrief_*.ts)
QM := $(TS:.ts=.qm)
resources/i18n/%.qm: resources/i18n/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# After changing a user-visible string in jpbrief/ui: brings the .ts files up to date (new
# strings come in unfinished: translate them, e.g. with .venv/bin/pyside6-linguist).
lupdate: $(STAMP)
	$(BIN)/python -m jpbrief.ui.i18n_catalog update

run: $(STAMP) $(QM)
	$(BIN)/jpbrief

# The content-pack tests check interop with the real minisign tool, and the print tests
# read PDFs back with pdftotext (poppler-utils): both Debian packages.
system-test-deps:
	@command -v minisign >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing minisign and poppler-utils (apt-get) for the pack interop and print tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq minisign poppler-utils; \
	  else \
	    echo "make test needs minisign and pdftotext: sudo apt install minisign poppler-utils"; exit 1; \
	  fi; }

test: $(STAMP) $(QM) system-test-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check jpbrief tests benchmarks packaging
	$(BIN)/mypy jpbrief

check: $(STAMP)
	$(BIN)/jpbrief check

bench: $(STAMP)
	$(BIN)/python benchmarks/search_bench.py
	$(BIN)/python benchmarks/startup_bench.py
	$(BIN)/python benchmarks/pack_bench.py

# Trainers' public keys are baked in from trusted_keys/*.pub; TRUSTED_KEYS="a.pub b.pub" adds
# more for this build only (trusted_keys/README.md).
package: $(STAMP) $(QM)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/python packaging/build.py $(foreach key,$(TRUSTED_KEYS),--trusted-key $(key))

# The Windows installer, built, installed, self-tested and uninstalled under Wine (minutes;
# installs Wine and friends from Debian when run as root): packaging/README.md.
package-windows: $(STAMP)
	$(BIN)/python packaging/windows/wine_build.py

# What Linux can check of the macOS build: wheels for both Macs, the spec parses.
check-macos: $(STAMP)
	$(BIN)/python packaging/macos/check_macos.py

clean:
	rm -rf build dist .mypy_cache .ruff_cache
