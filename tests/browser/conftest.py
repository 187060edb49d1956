"""A real browser (Debian's Chromium, driven by Playwright) on the built site.

The site is built once per session with the project's own ``mkdocs.yml`` and served
from 127.0.0.1; Chromium starts with the flags that keep it off the network.
axe-core comes from the npm registry (``make test`` installs it into ``.cache/npm``).
What the page checks saw is summed up at the end of the run and written to
``test-artifacts/browser-report.json``, with the screenshots beside it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, Request, sync_playwright

from tests.conftest import REPO

CHROMIUM = os.environ.get("TIERED_CHROMIUM", "/usr/bin/chromium")
NODE_MODULES = Path(os.environ.get("TIERED_NPM", REPO / ".cache/npm/node_modules"))
ARTIFACTS = REPO / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TOPIC = "topics/aromatase-inhibitors-and-bone/"
# One of each kind of page the site has.
PAGES = {
    "home": "",
    "topic": TOPIC,
    "fundamentals": TOPIC + "fundamentals/",
    "intermediate": TOPIC + "intermediate/",
    "academic": TOPIC + "academic/",
    "glossary": "glossary/",
    "references": "references/",
    "reading-levels": "about/reading-levels/",
}
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("browser-site")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TIERED_PDF": "false"},
    )
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make offline``'s zip, unpacked: the folder that holds the bundle's pages."""
    work = tmp_path_factory.mktemp("offline")
    venv = Path(sys.executable).parent.parent
    # `-o` marks the installs as done: the test never reinstalls the shared environments.
    run = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-o",
            f"{venv}/.installed",
            "-o",
            f"{NODE_MODULES.parent}/.installed",
            "offline",
            f"VENV={venv}",
            f"NPM_DIR={NODE_MODULES.parent}",
            f"OFFLINE_ZIP={work / 'site-offline.zip'}",
            f"TMP_OFFLINE={work / 'build'}",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TIERED_PDF": "false"},
    )
    assert run.returncode == 0, run.stderr
    assert not (work / "build").exists()
    with zipfile.ZipFile(work / "site-offline.zip") as archive:
        archive.extractall(work / "unpacked")
    return work / "unpacked/site-offline"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site from 127.0.0.1; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} not found: `make test` installs Debian's chromium package")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    yield browser
    browser.close()


class Requests:
    """Every request a page makes, recorded from before it navigates."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        page.on("request", self._seen)

    def _seen(self, request: Request) -> None:
        self.urls.append(request.url)

    def foreign(self, base_url: str) -> list[str]:
        """Requests to anywhere but the site itself (another host, or off ``file://``)."""
        base = urlsplit(base_url)
        return [
            url
            for url in self.urls
            if (urlsplit(url).scheme, urlsplit(url).netloc) != (base.scheme, base.netloc)
            and not url.startswith(("data:", "blob:", "about:"))
        ]


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = NODE_MODULES / "axe-core/axe.min.js"
    if not path.is_file():
        pytest.fail(f"{path} not found: `make test` installs axe-core from the npm registry")
    return path.read_text(encoding="utf-8")


# Violations in Material's own markup that the site cannot fix from its side, as
# (rule, the start of the node's selector). Nothing else is ever excluded: every other
# violation, whatever its impact (minor, moderate, serious, critical), fails the test.
MATERIAL_ONLY = {
    # The search overlay is role="dialog" without a name in Material's partials/search.html;
    # naming it would mean overriding the theme's template.
    ("aria-dialog-name", ".md-search"),
    # Material's script wraps every content table in a div that scrolls sideways on small
    # screens and is not focusable; the fix (tabindex on it) belongs to the theme's script.
    ("scrollable-region-focusable", ".md-typeset__scrollwrap"),
}


def _ours(rule: str, node: dict[str, Any]) -> bool:
    selector = str(node["target"][0]) if node["target"] else ""
    return not any(rule == r and selector.startswith(start) for r, start in MATERIAL_ONLY)


def run_axe(page: Page, source: str) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (WCAG 2.x A and AA, best practices),
    less the ``MATERIAL_ONLY`` ones."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=source)
    result: dict[str, Any] = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                             "wcag22aa", "best-practice"]},
            resultTypes: ["violations"],
        })"""
    )
    violations: list[dict[str, Any]] = []
    for violation in result["violations"]:
        nodes = [node for node in violation["nodes"] if _ours(violation["id"], node)]
        if nodes:
            violations.append({**violation, "nodes": nodes})
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as lines a person can act on: rule, impact, selectors."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(map(str, node["target"])) for node in v["nodes"][:5])
        for v in violations
    )


@dataclass
class Audit:
    """What one page load showed: every request, and axe-core's violations."""

    requests: list[str]
    foreign: list[str]
    violations: list[dict[str, Any]]


def audit(page: Page, url: str, base_url: str, axe_source: str) -> Audit:
    """Load ``url`` in a fresh ``page``, recording requests, and run axe-core on it."""
    requests = Requests(page)
    page.goto(url)
    violations = run_axe(page, axe_source)
    return Audit(requests.urls, requests.foreign(base_url), violations)


@dataclass
class Report:
    """Counts for the closing note: what the page checks looked at and found."""

    pages: set[str] = field(default_factory=set)
    page_loads: int = 0
    requests: int = 0
    foreign_requests: list[str] = field(default_factory=list)
    axe_runs: int = 0
    axe_by_impact: Counter[str] = field(default_factory=Counter)
    axe_found: Counter[str] = field(default_factory=Counter)  # "rule (impact) on page"
    html_pages: int = 0
    html_errors: int = 0
    offline_pages: int = 0
    offline_requests: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "pages checked": sorted(self.pages),
            "page loads": self.page_loads,
            "requests seen": self.requests,
            "requests to other hosts": self.foreign_requests,
            "axe runs": self.axe_runs,
            "axe violations by impact": dict(self.axe_by_impact),
            "axe violations": dict(self.axe_found),
            "offline pages loaded from file://": self.offline_pages,
            "offline requests (all file://)": self.offline_requests,
            "html pages validated": self.html_pages,
            "html errors": self.html_errors,
        }


REPORT = Report()


def tally(seen: Audit, page: str) -> None:
    """Count one page load of ``page`` and what it showed, for the closing report."""
    REPORT.pages.add(page)
    REPORT.page_loads += 1
    REPORT.requests += len(seen.requests)
    REPORT.foreign_requests += seen.foreign
    REPORT.axe_runs += 1
    REPORT.axe_by_impact.update(v["impact"] for v in seen.violations)
    REPORT.axe_found.update(f"{v['id']} ({v['impact']}) on {page}" for v in seen.violations)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not (REPORT.page_loads or REPORT.html_pages):
        return
    ARTIFACTS.mkdir(exist_ok=True)
    data = REPORT.as_dict()
    (ARTIFACTS / "browser-report.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    terminalreporter.section("browser report (test-artifacts/browser-report.json)")
    for key, value in data.items():
        terminalreporter.line(f"{key}: {value}")
