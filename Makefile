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

# Material prints an end-of-life banner on every build; we know (see README, "Themes").
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint typecheck pytest install system-deps clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

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

serve: $(STAMP)
	$(BIN)/mkdocs serve --config-file $(CONFIG) --dev-addr 127.0.0.1:8000

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(CHROMIUM) $(PDFTOTEXT)
	TIERED_CHROMIUM=$(CHROMIUM) $(BIN)/pytest

clean:
	rm -rf $(TMP_SITE) $(SITE_DIR) $(SITE_DIR).old .pytest_cache .mypy_cache .ruff_cache
