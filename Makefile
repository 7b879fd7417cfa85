# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Set-up (a .venv with pinned packages, Chromium for browser tests) happens on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
KIND ?= term
ID ?=

.PHONY: setup serve site teacher offline check test lint browser new schemas export clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c "import ensurepip" >/dev/null 2>&1; then \
		echo "Installing python3-venv (needs root or sudo)..."; \
		$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get update -qq && \
		$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y -qq python3-venv; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[test]'
	@touch $@

# Live preview on http://127.0.0.1:8000; saving Markdown or YAML reloads the page.
# --livereload is needed with click > 8.2.1 (MkDocs issue 4032).
serve: setup
	$(BIN)/python -m build_tools check
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST)

# Build into site/; a failed build leaves the previous site/ untouched.
site: setup
	$(BIN)/python -m build_tools build --site-dir site
	$(BIN)/python -m build_tools offline site/downloads/site-offline.zip

# The teacher edition (teacher notes visible), in its own folder; never linked from student pages.
teacher: setup
	$(BIN)/python -m build_tools build --teacher --site-dir site-teacher

# The offline copy: a zip of the site that works opened from a folder or USB stick (file://),
# search included, with no request to the internet. Built in a temporary folder; site/ is untouched.
offline: setup
	$(BIN)/python -m build_tools offline site-offline.zip

check: setup
	$(BIN)/python -m build_tools check

new: setup
	@test -n "$(ID)" || { echo "Usage: make new KIND=term|actor|event|reading ID=some-id"; exit 1; }
	$(BIN)/python -m build_tools new $(KIND) $(ID)

schemas: setup
	$(BIN)/python -m build_tools schema schemas

export: setup
	$(BIN)/python -m build_tools export export

browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests (needs root or sudo)..."; \
		SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

lint: setup
	$(BIN)/ruff check build_tools tests benchmarks
	$(BIN)/mypy

test: setup browser lint
	$(BIN)/python -m build_tools check
	$(BIN)/python -m pytest -n 2

clean:
	rm -rf site site-teacher site-offline.zip export .pytest_cache .mypy_cache .ruff_cache
