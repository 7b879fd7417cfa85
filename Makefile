# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Set-up (a .venv with pinned packages, Chromium for browser tests) happens on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
KIND ?= term
ID ?=
UV_VERSION := 0.13.8

.PHONY: setup lock serve site teacher teacher-pack offline check test lint browser new schemas export clean

setup: $(STAMP)

$(BIN)/python:
	@if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c "import ensurepip" >/dev/null 2>&1; then \
		echo "Installing python3-venv (needs root or sudo)..."; \
		$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get update -qq && \
		$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo) apt-get install -y -qq python3-venv; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Every package at the version and hash in requirements.lock, then this project itself on top.
$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	@touch $@

# Re-pin requirements.lock (hashes included) after a change to the dependencies in pyproject.toml.
# Versions already in the lock are kept where they still fit; `make lock UPGRADE=1` takes the newest.
# Universal: one lock for every supported Python (3.11 is the floor; pymdown-extensions needs 3.11.5).
lock: | $(BIN)/python
	$(BIN)/python -m pip install -q uv==$(UV_VERSION)
	$(BIN)/uv pip compile --quiet pyproject.toml --extra mkdocs --extra test --universal --python-version 3.11.5 \
		--generate-hashes --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) --output-file requirements.lock

# Live preview on http://127.0.0.1:8000; saving Markdown or YAML reloads the page.
# --livereload is needed with click > 8.2.1 (MkDocs issue 4032). With --dirty, the terms plugin renders
# again only the pages a save can change, and the result equals a full build (build_tools/adapters/dirty_build.py).
# benchmarks/reload.py starts the server with the flags written here.
serve: setup
	$(BIN)/python -m build_tools check
	$(BIN)/mkdocs serve --livereload --dirty --dev-addr $(HOST)

# Build into site/, with the teacher edition in site/teacher/ (turn off with the terms plugin's
# `teacher_edition_publish: false`); a failed build leaves the previous site/ untouched.
site: setup
	$(BIN)/python -m build_tools build --site-dir site
	$(BIN)/python -m build_tools offline site/downloads/site-offline.zip

# The teacher edition (teacher notes visible), in its own folder; never linked from student pages.
teacher: setup
	$(BIN)/python -m build_tools build --teacher --site-dir site-teacher

# The teacher pack (lesson plan, answer keys, worksheets) as one PDF in site/teacher/downloads/, printed by Chromium.
teacher-pack: site browser
	$(BIN)/python -m build_tools pack site

# The offline copy: a zip of the site that works opened from a folder or USB stick (file://),
# search included, with no request to the internet. Built in a temporary folder; site/ is untouched.
offline: setup
	$(BIN)/python -m build_tools offline site-offline.zip

check: setup
	$(BIN)/python -m build_tools check

new: setup
	@test -n "$(ID)" || { echo "Usage: make new KIND=term|actor|event|reading ID=some-id"; exit 1; }
	$(BIN)/python -m build_tools new $(KIND) $(ID)

# The JSON Schemas in schemas/ and the field tables in glossary/README.md, both from the content model.
schemas: setup
	$(BIN)/python -m build_tools schema schemas

export: setup
	$(BIN)/python -m build_tools export export

# The browser for the tests, found as tests/browser.py finds it: $CHROMIUM_PATH, else $CHROME_BIN
# (GitHub's runners set it), else Debian's /usr/bin/chromium, which is installed only on Debian.
BROWSER = $(or $(CHROMIUM_PATH),$(CHROME_BIN),/usr/bin/chromium)

browser:
	@if [ -x "$(BROWSER)" ]; then \
		echo "Browser for the tests: $(BROWSER)"; \
	elif [ -z "$(CHROMIUM_PATH)$(CHROME_BIN)" ] && [ "$$(. /etc/os-release 2>/dev/null && echo $$ID)" = debian ]; then \
		echo "Installing Debian's chromium for the browser tests (needs root or sudo)..."; \
		SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; \
	else \
		echo "No browser for the tests at '$(BROWSER)'. Install Chromium or Google Chrome, then set" >&2; \
		echo "CHROMIUM_PATH to its executable, for example: make test CHROMIUM_PATH=/usr/bin/google-chrome" >&2; \
		exit 1; \
	fi

# Lint, types, the workflows (actionlint) and the import contracts (import-linter), before the tests.
lint: setup
	$(BIN)/ruff check build_tools tests benchmarks
	$(BIN)/mypy
	$(BIN)/actionlint
	$(BIN)/lint-imports

# The 15 slowest tests are listed at the end, to keep `make test` fast.
test: setup browser lint
	$(BIN)/python -m build_tools check
	$(BIN)/python -m pytest -n 2 --durations=15

clean:
	rm -rf site site-teacher site-offline.zip export .pytest_cache .mypy_cache .ruff_cache
