# Two commands work on a fresh machine with Python 3.11 and make:
#   make run    set up a virtual environment and start otguide on its default flow
#   make test   set up the same environment and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/otguide

test: $(STAMP)
	$(BIN)/ruff check otguide tests
	$(BIN)/ruff format --check otguide tests
	$(BIN)/python -m pytest -q

format: $(STAMP)
	$(BIN)/ruff format otguide tests
	$(BIN)/ruff check --fix otguide tests

clean:
	rm -rf $(VENV)
