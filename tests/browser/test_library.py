"""A generated 60-topic library with categories in a real browser, at phone and desktop
sizes: the navigation drawer, Topics A–Z, a category page and a tier page. No request
leaves the local server, axe-core finds no problem of any impact (as for the repo's
own pages), nothing is wider than the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.conftest import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    audit,
    describe,
    run_axe,
    serve,
    tally,
)
from tests.conftest import REPO, SiteFactory
from tests.library_site import levels_options, library, slug_of, title_of

# Material as the repo's mkdocs.yml sets it up (its stylesheet fixes Material's contrast).
SITE_CSS = REPO / "docs/stylesheets/site.css"
THEME = {
    "name": "material",
    "font": False,
    "features": [
        "navigation.indexes",
        "navigation.sections",
        "navigation.footer",
        "search.highlight",
    ],
    "palette": {"scheme": "default", "primary": "indigo"},
}
TIER = f"topics/{slug_of(1)}/intermediate/"
PAGES = {
    "library-home": "",
    "library-a-z": "topics/",
    "library-category": "categories/heart/",
    "library-tier": TIER,
}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def library_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("library-browser")
    docs = {**library(60), "stylesheets/site.css": SITE_CSS.read_text(encoding="utf-8")}
    result = SiteFactory(root).build(
        docs, theme=THEME, levels=levels_options(), extra_css=["stylesheets/site.css"]
    )
    assert result.warnings == []
    with serve(Path(result.site)) as url:
        yield url


@pytest.fixture(scope="module")
def contexts(browser: Browser) -> Iterator[dict[str, BrowserContext]]:
    made = {
        size: browser.new_context(
            viewport=VIEWPORTS[size],  # type: ignore[arg-type]
            is_mobile=size == "phone",
            has_touch=size == "phone",
        )
        for size in VIEWPORTS
    }
    yield made
    for context in made.values():
        context.close()


def _no_overflow(page: Page, name: str) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{name} is wider than the screen: {widths}"


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_library_page(
    contexts: dict[str, BrowserContext], library_url: str, axe_source: str, *, name: str, size: str
) -> None:
    page = contexts[size].new_page()
    seen = audit(page, library_url + PAGES[name], library_url, axe_source)
    _no_overflow(page, name)
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / f"{name}-{size}.png", full_page=True)
    page.close()
    tally(seen, "library:" + (PAGES[name] or "/"))
    assert seen.requests, "the page was recorded"
    assert seen.foreign == []
    assert seen.violations == [], describe(seen.violations)


def test_phone_drawer_shows_the_way_up_and_the_topic(
    contexts: dict[str, BrowserContext], library_url: str, axe_source: str
) -> None:
    page = contexts["phone"].new_page()
    page.goto(library_url + TIER)
    drawer = page.locator("nav.md-nav--primary")
    assert not page.locator("#__drawer").is_checked()
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_timeout(1000)  # the drawer slides in
    assert page.locator("#__drawer").is_checked()
    assert drawer.get_by_role("link", name="Intermediate").is_visible()
    assert drawer.get_by_role("link", name="Academic").is_visible()
    links = drawer.locator("a")
    assert links.count() == 11  # logo, home, A–Z, 4 categories, the topic and its 3 tiers
    assert drawer.get_by_role("link", name=title_of(0)).count() == 0
    violations = run_axe(page, axe_source)
    assert violations == [], describe(violations)
    _no_overflow(page, "the open drawer")
    page.screenshot(path=ARTIFACTS / "screenshots" / "library-drawer-phone.png")
    page.close()


def test_desktop_a_to_z_letter_and_topic_links_work(
    contexts: dict[str, BrowserContext], library_url: str
) -> None:
    page = contexts["desktop"].new_page()
    page.goto(library_url + "topics/")
    page.locator("nav.tiered-az__letters").get_by_role("link", name="B", exact=True).click()
    assert page.url.endswith("topics/#tiered-az-b")
    page.get_by_role("link", name=title_of(1), exact=True).click()
    assert page.url == library_url + f"topics/{slug_of(1)}/"
    # With navigation.indexes the Topics section's own link is the A–Z page.
    page.locator("nav.md-nav--primary").get_by_role("link", name="Topics", exact=True).click()
    assert page.url == library_url + "topics/"
    page.close()
