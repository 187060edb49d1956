"""Glossary popovers in a real browser: hover, keyboard focus, tap, Escape, no JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from tiered.glossary.model import load_glossary

from tests.conftest import REPO

PAGE = "topics/aromatase-inhibitors-and-bone/fundamentals/"
GLOSSARY = load_glossary((REPO / "docs/glossary.yml").read_text(encoding="utf-8"), "g")
BY_ANCHOR = {term.anchor: term for term in GLOSSARY.terms}


def _tooltip(page: Page, link: Locator) -> Locator:
    described_by = link.get_attribute("aria-describedby")
    assert described_by, "the script links each term to its popover"
    tip = page.locator(f"#{described_by}")
    expect(tip).to_have_attribute("role", "tooltip")
    return tip


def _expected(link: Locator) -> str:
    term = BY_ANCHOR[str(link.get_attribute("href")).rsplit("#", 1)[1]]
    return term.short_for("fundamentals")


@pytest.fixture
def page(browser: Browser, base_url: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + PAGE)
    return page


def test_popover_opens_on_hover_and_closes_on_escape(page: Page) -> None:
    link = page.locator("a.tiered-glossary-term").first
    tip = _tooltip(page, link)
    expect(tip).to_be_hidden()
    link.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(_expected(link))
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.mouse.move(1, 1)  # leave, then come back: it opens again
    link.hover()
    expect(tip).to_be_visible()
    page.mouse.move(1, 1)
    expect(tip).to_be_hidden()


def test_popover_opens_on_keyboard_focus(page: Page) -> None:
    for _ in range(200):  # Tab through the page until a glossary term has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.tiered-glossary-term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary term")
    link = page.locator("a.tiered-glossary-term:focus")
    tip = _tooltip(page, link)
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(_expected(link))
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(link).to_be_focused()


def test_first_tap_shows_the_definition_second_tap_follows(browser: Browser, base_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(base_url + PAGE)
    link = page.locator("article a.tiered-glossary-term, .md-content a.tiered-glossary-term").first
    tip = _tooltip(page, link)
    link.tap()
    expect(tip).to_be_visible()
    assert page.url == base_url + PAGE
    box = tip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    link.tap()
    page.wait_for_url("**/glossary/**")
    context.close()


def test_without_javascript_the_link_keeps_its_title(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    link = page.locator("a.tiered-glossary-term").first
    assert link.get_attribute("title") == _expected(link)
    assert page.locator("[role=tooltip]").count() == 0
    context.close()


def test_glossary_page_is_reachable(page: Page, base_url: str) -> None:
    page.goto(base_url + "glossary/")
    assert Path(str(page.url)).name == "glossary"
    expect(page.locator("h3#osteoclast")).to_be_visible()
