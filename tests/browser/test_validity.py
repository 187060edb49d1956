"""Every generated page, hosted and offline, is valid HTML5 (see tests/html_validity.py)."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import REPORT
from tests.conftest import SiteFactory
from tests.html_validity import html_errors, site_errors


def test_every_hosted_page_is_valid(built_site: Path) -> None:
    errors = site_errors(built_site)
    assert len(errors) >= 9, sorted(errors)  # every page type, and the 404 page
    REPORT.html_pages += len(errors)
    REPORT.html_errors += sum(map(len, errors.values()))
    assert {page: found for page, found in errors.items() if found} == {}


def test_every_offline_page_is_valid(offline_site: Path) -> None:
    errors = site_errors(offline_site)
    assert "topics/aromatase-inhibitors-and-bone/fundamentals.html" in errors
    REPORT.html_pages += len(errors)
    REPORT.html_errors += sum(map(len, errors.values()))
    assert {page: found for page, found in errors.items() if found} == {}


def test_the_check_catches_broken_markup(site: SiteFactory) -> None:
    broken = "# Home\n\n<div><span>Misnested</div></span>\n\n<p id=a>One</p>\n<p id=a>Two</p>\n"
    result = site.build({"index.md": broken}, theme="material")
    errors = html_errors(result.html("index.html"))
    assert any("unexpected-end-tag" in error for error in errors), errors
    assert "duplicate id 'a' (2 times)" in errors
    assert html_errors("<!DOCTYPE html><title>t</title><p>Fine</p>") == []
