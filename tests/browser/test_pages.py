"""Every kind of page, at a phone and a desktop size, in light and dark: no request
leaves the local server, axe-core finds no problem of any impact (contrast, landmarks,
heading order, link names...; only ``MATERIAL_ONLY`` is excluded), nothing is wider than
a phone's screen, and a screenshot is kept as a test artifact
(``test-artifacts/screenshots/``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.browser.conftest import (
    ARTIFACTS,
    DESKTOP,
    PAGES,
    PHONE,
    audit,
    describe,
    tally,
)

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
# Colours are the same at both sizes, layouts the same in both schemes: the phone is
# checked in light, the desktop in both (a third of the time saved, nothing unchecked).
COMBINATIONS = [("phone", "light"), ("desktop", "light"), ("desktop", "dark")]


@pytest.fixture(scope="module")
def contexts(browser: Browser) -> Iterator[dict[tuple[str, str], BrowserContext]]:
    """One browser context per viewport and colour scheme, shared by the pages."""
    made = {
        (size, scheme): browser.new_context(
            viewport=VIEWPORTS[size],  # type: ignore[arg-type]
            color_scheme=scheme,  # type: ignore[arg-type]
            is_mobile=size == "phone",
            has_touch=size == "phone",
        )
        for size, scheme in COMBINATIONS
    }
    yield made
    for context in made.values():
        context.close()


@pytest.mark.parametrize(("size", "scheme"), COMBINATIONS)
@pytest.mark.parametrize("name", PAGES)
def test_page(
    contexts: dict[tuple[str, str], BrowserContext],
    base_url: str,
    axe_source: str,
    *,
    name: str,
    size: str,
    scheme: str,
) -> None:
    page = contexts[size, scheme].new_page()
    seen = audit(page, base_url + PAGES[name], base_url, axe_source)
    material_scheme = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == material_scheme

    if size == "phone":
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], f"{name} is wider than the phone: {widths}"

    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / f"{name}-{size}-{scheme}.png", full_page=True)
    page.close()

    tally(seen, PAGES[name] or "/")

    assert seen.requests, "the page was recorded"
    assert seen.foreign == []
    assert seen.violations == [], describe(seen.violations)
