# Every target creates .venv and installs on first use: a fresh machine needs nothing else.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean translations translations-update installer-smoke

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,clients]'
	touch $(STAMP)

$(VENV)/.installed-build: pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[build]'
	touch $@

# Translations: .ts (committed) -> .qm (built, not committed) beside them.
TS := $(wildcard resources/i18n/ecdesk_*.ts)
QM := $(TS:.ts=.qm)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# After adding or changing a UI string: refresh every .ts from the code, then translate.
translations-update: $(STAMP)
	$(BIN)/python -m ecdesk.ui.i18n_update

demo: $(STAMP) translations
	$(BIN)/python -m ecdesk demo

test: $(STAMP) translations
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
	rm -rf $(VENV) build dist *.egg-info resources/i18n/*.qm
