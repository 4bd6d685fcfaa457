# Every target creates .venv and installs on first use: a fresh machine needs nothing else.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean installer-smoke

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,clients]'
	touch $(STAMP)

$(VENV)/.installed-build: pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[build]'
	touch $@

demo: $(STAMP)
	$(BIN)/python -m ecdesk demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ruff check ecdesk tests bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench

# Build the Windows app's PyInstaller spec on this machine and run the result (CI runs it).
installer-smoke: $(VENV)/.installed-build
	PY=$(BIN)/python installer/smoke.sh

lint: $(STAMP)
	$(BIN)/python -m ruff check ecdesk tests bench

clean:
	rm -rf $(VENV) build dist *.egg-info
