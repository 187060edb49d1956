# Two commands do everything on a fresh machine: `make site` and `make test`.
# The virtual environment is (re)installed whenever pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= mkdocs.yml
SITE_DIR ?= site
TMP_SITE := .site.tmp

# Material prints an end-of-life banner on every build; we know (see README, "Themes").
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint typecheck pytest install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

# Atomic: build into a temporary directory, swap it in only when every step succeeded,
# so a failed build never leaves a half-written site where a deploy would pick it up.
site: $(STAMP)
	rm -rf $(TMP_SITE)
	$(BIN)/mkdocs build --strict --config-file $(CONFIG) --site-dir $(abspath $(TMP_SITE))
	rm -rf $(SITE_DIR).old
	if [ -d $(SITE_DIR) ]; then mv $(SITE_DIR) $(SITE_DIR).old; fi
	mv $(TMP_SITE) $(SITE_DIR)
	rm -rf $(SITE_DIR).old

serve: $(STAMP)
	$(BIN)/mkdocs serve --config-file $(CONFIG) --dev-addr 127.0.0.1:8000

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(TMP_SITE) $(SITE_DIR) $(SITE_DIR).old .pytest_cache .mypy_cache .ruff_cache
