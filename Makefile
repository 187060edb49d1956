# Two commands do everything on a fresh machine: `make site` and `make test`.
# The virtual environment is (re)installed whenever pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= mkdocs.yml
SITE_DIR ?= site
TMP_SITE := .site.tmp
# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
CHROMIUM ?= /usr/bin/chromium
# The PDF export needs Pango (WeasyPrint) and the DejaVu fonts; its tests read PDFs with
# poppler-utils (pdftotext, pdffonts, pdftoppm). All from Debian, installed together.
PDFTOTEXT ?= /usr/bin/pdftotext
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# From the npm registry, into a gitignored folder: axe-core for the accessibility tests,
# iframe-worker for the offline bundle (Material's offline plugin would load it from a CDN).
# Pinned: axe's rules decide what the tests report.
NPM ?= npm
NPM_DIR ?= .cache/npm
NPM_STAMP := $(NPM_DIR)/.installed
NPM_PACKAGES := axe-core@4.14.1 iframe-worker@1.0.4
# The offline bundle: a second build (mkdocs-offline.yml INHERITs mkdocs.yml) zipped
# next to site/, its pages in a folder site-offline/ inside the archive.
OFFLINE_CONFIG ?= mkdocs-offline.yml
OFFLINE_ZIP ?= site-offline.zip
TMP_OFFLINE := .site-offline.tmp

# Material prints an end-of-life banner on every build; we know (see README, "Themes").
export NO_MKDOCS_2_WARNING := 1

.PHONY: site offline serve serve-full test lint typecheck licences pytest fuzz install npm system-deps clean bench-library bench-breakdown

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

npm: $(NPM_STAMP)

$(NPM_STAMP): Makefile
	@mkdir -p $(NPM_DIR)
	$(NPM) install --prefix $(NPM_DIR) --no-audit --no-fund --save-exact --loglevel=error $(NPM_PACKAGES)
	@touch $@

system-deps: $(CHROMIUM) $(PDFTOTEXT)

$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "Install Chromium (Debian package 'chromium') for the browser tests, or set CHROMIUM=/path/to/chromium"; exit 1; }
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core

$(PDFTOTEXT):
	@command -v apt-get >/dev/null || { echo "Install Pango, fonts-dejavu-core and poppler-utils for the PDF export, or set PDFTOTEXT=/path/to/pdftotext"; exit 1; }
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PDF_DEBS)

# Atomic: build into a temporary directory, swap it in only when every step succeeded,
# so a failed build never leaves a half-written site where a deploy would pick it up.
site: $(STAMP) $(PDFTOTEXT)
	rm -rf $(TMP_SITE)
	$(BIN)/mkdocs build --strict --config-file $(CONFIG) --site-dir $(abspath $(TMP_SITE))
	rm -rf $(SITE_DIR).old
	if [ -d $(SITE_DIR) ]; then mv $(SITE_DIR) $(SITE_DIR).old; fi
	mv $(TMP_SITE) $(SITE_DIR)
	rm -rf $(SITE_DIR).old
	$(MAKE) --no-print-directory offline

# Atomic too: the zip is replaced only when its build succeeded.
offline: $(STAMP) $(NPM_STAMP)
	rm -rf $(TMP_OFFLINE)
	$(BIN)/mkdocs build --strict --config-file $(OFFLINE_CONFIG) --site-dir $(abspath $(TMP_OFFLINE))/site-offline
	cp $(NPM_DIR)/node_modules/iframe-worker/shim/index.js $(TMP_OFFLINE)/site-offline/assets/javascripts/iframe-worker.js
	cp $(NPM_DIR)/node_modules/iframe-worker/LICENSE $(TMP_OFFLINE)/site-offline/assets/javascripts/iframe-worker.LICENSE.txt
	cd $(TMP_OFFLINE) && $(abspath $(BIN))/python -m zipfile -c site-offline.zip site-offline
	mv $(TMP_OFFLINE)/site-offline.zip $(OFFLINE_ZIP)
	rm -rf $(TMP_OFFLINE)

# Fast: only the saved page (and the generated ones) is rendered again (README, "Preview").
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --config-file $(CONFIG) --dev-addr 127.0.0.1:8000

# Every page rendered again on every save: slow on a large library, nothing kept.
serve-full: $(STAMP)
	$(BIN)/mkdocs serve --config-file $(CONFIG) --dev-addr 127.0.0.1:8000

test: lint typecheck licences pytest

# The library of a thousand topics (issue 13): build, memory, serve reload and PDF figures at
# 100 and 1,000 topics, and whether each target held. Takes about half an hour on 2 cores.
bench-library: $(STAMP) $(PDFTOTEXT)
	$(BIN)/python -m benchmarks.library --topics 100 1000 --runs 3

# Where the tiered build's extra time goes at 1,000 topics: the navigation-only build, then
# it with each plugin alone, then all of them. About 15 minutes.
bench-breakdown: $(STAMP)
	$(BIN)/python -m benchmarks.library_breakdown --topics 1000 --runs 3

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The runtime dependencies' licences, listed; fails on copyleft not in licenses-allow.toml
# (policy: README, "Licences").
licences: $(STAMP)
	$(BIN)/python -m tools.licence_check

pytest: $(STAMP) $(NPM_STAMP) $(CHROMIUM) $(PDFTOTEXT)
	TIERED_CHROMIUM=$(CHROMIUM) TIERED_NPM=$(abspath $(NPM_DIR))/node_modules $(BIN)/pytest

# Many more generated inputs than `make test` runs (tests/fuzz, profile "fuzz": 20,600
# examples, about 40 minutes); prints the counts and slopes, also in test-artifacts/fuzz-summary.txt.
fuzz: $(STAMP)
	TIERED_FUZZ_PROFILE=fuzz $(BIN)/pytest -m fuzz tests/fuzz -p no:cacheprovider

clean:
	rm -rf $(TMP_SITE) $(SITE_DIR) $(SITE_DIR).old $(TMP_OFFLINE) $(OFFLINE_ZIP) test-artifacts .pytest_cache .mypy_cache .ruff_cache
