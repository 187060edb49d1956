"""The checks catch what they are for: a page with an image without alt text, a skipped
heading level, a font from another host and misnested tags fails the axe, network and
validity checks that every page of the real site passes (test_pages.py, test_validity.py)."""

from __future__ import annotations

from playwright.sync_api import Browser, Route

from tests.browser.conftest import DESKTOP, audit, serve
from tests.conftest import SiteFactory
from tests.html_validity import site_errors

BROKEN = """# A careless page

<img src="scan.png">

<div><span>Misnested tags.</div></span>

#### A heading three levels down
"""


def _abort(route: Route) -> None:
    # Chromium is off the network anyway; aborting at once keeps the test fast.
    route.abort()


def test_the_checks_fail_on_a_broken_page(
    browser: Browser, site: SiteFactory, axe_source: str
) -> None:
    # A web font from Google's servers: Material links it when `font` names one.
    theme = {"name": "material", "font": {"text": "Roboto"}}
    result = site.build({"index.md": BROKEN}, theme=theme)
    with serve(result.site) as url:
        context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
        page = context.new_page()
        page.route("https://**", _abort)
        seen = audit(page, url, url, axe_source)
        context.close()

    assert any(u.startswith("https://fonts.googleapis.com/") for u in seen.foreign), seen.foreign
    assert all(not u.startswith(url) for u in seen.foreign)
    image_alt = [v for v in seen.violations if v["id"] == "image-alt"]
    assert image_alt and image_alt[0]["impact"] == "critical"
    assert image_alt[0]["nodes"][0]["target"] == ["img"]
    # A moderate finding fails the page checks too, not only serious and critical ones.
    heading_order = [v for v in seen.violations if v["id"] == "heading-order"]
    assert heading_order and heading_order[0]["impact"] == "moderate"
    errors = site_errors(result.site)["index.html"]
    assert any("unexpected-end-tag" in error for error in errors), errors
