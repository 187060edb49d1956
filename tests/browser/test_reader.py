"""What a reader does, on a phone and on a desktop: switch reading levels, open the
popovers by pointer, keyboard and touch, and search."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from bibtexparser import entrypoint
from playwright.sync_api import Browser, Locator, Page, expect
from tiered.glossary.model import load_glossary

from tests.browser.conftest import DESKTOP, PAGES, PHONE, TOPIC
from tests.conftest import REPO

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
GLOSSARY = load_glossary((REPO / "docs/glossary.yml").read_text(encoding="utf-8"), "g")
BY_ANCHOR = {term.anchor: term for term in GLOSSARY.terms}
BIB = {
    entry.key: entry
    for entry in entrypoint.parse_string(
        (REPO / "bib/references.bib").read_text(encoding="utf-8")
    ).entries
}


@pytest.fixture(params=VIEWPORTS)
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    phone = request.param == "phone"
    context = browser.new_context(
        viewport=VIEWPORTS[request.param],  # type: ignore[arg-type]
        has_touch=phone,
        is_mobile=phone,
    )
    yield context.new_page()
    context.close()


def _fits(page: Page, tip: Locator) -> None:
    """The popover is inside the viewport and the page did not grow sideways."""
    box = tip.bounding_box()
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def _tab_to(page: Page, selector: str) -> Locator:
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return page.locator(f"{selector}:focus")
    pytest.fail(f"Tab never reached {selector}")


def _tip(page: Page, link: Locator) -> Locator:
    return page.locator(f"#{link.get_attribute('aria-describedby')}")


def test_switcher_navigates_and_the_landing_page_remembers(page: Page, base_url: str) -> None:
    page.goto(base_url + PAGES["fundamentals"])
    switcher = page.locator('nav[aria-label="Reading level"]')
    expect(switcher.locator('a[aria-current="page"]')).to_have_text("Fundamentals")
    switcher.get_by_role("link", name="Intermediate").click()
    page.wait_for_url("**/intermediate/")
    expect(switcher.locator('a[aria-current="page"]')).to_have_text("Intermediate")
    expect(switcher.locator("a[aria-current]")).to_have_count(1)

    page.goto(base_url + TOPIC)
    remembered = page.locator(".tiered-card--remembered")
    expect(remembered).to_have_count(1)
    expect(remembered).to_have_attribute("data-tier", "intermediate")
    expect(remembered.locator(".tiered-card__remembered")).to_be_visible()
    expect(page.locator(".tiered-card__remembered:visible")).to_have_count(1)


def test_glossary_popover_by_keyboard_touch_and_pointer(page: Page, base_url: str) -> None:
    phone = page.viewport_size == PHONE
    page.goto(base_url + PAGES["intermediate"])
    link = _tab_to(page, ".md-content a.tiered-glossary-term")
    tip = _tip(page, link)
    term = BY_ANCHOR[str(link.get_attribute("href")).rsplit("#", 1)[1]]
    expect(tip).to_be_visible()
    expect(tip).to_have_text(re.compile(re.escape(term.short_for("intermediate")) + "$"))
    _fits(page, tip)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()

    other = page.locator(".md-content a.tiered-glossary-term").nth(3)
    if phone:
        other.tap()
    else:
        other.hover()
    other_tip = _tip(page, other)
    expect(other_tip).to_be_visible()
    other_term = BY_ANCHOR[str(other.get_attribute("href")).rsplit("#", 1)[1]]
    expect(other_tip).to_contain_text(other_term.short_for("intermediate"))
    _fits(page, other_tip)
    page.keyboard.press("Escape")
    expect(other_tip).to_be_hidden()


def test_citation_popover_shows_the_bibliography_entry(page: Page, base_url: str) -> None:
    phone = page.viewport_size == PHONE
    page.goto(base_url + PAGES["academic"])
    link = _tab_to(page, "a.tiered-citation-link")
    tip = _tip(page, link)
    expect(tip).to_be_visible()
    key = str(link.get_attribute("href")).rsplit("-", 1)[1]
    surname = BIB[key].fields_dict["author"].value.split(",")[0].strip("{} ")
    year = BIB[key].fields_dict["year"].value
    expect(tip).to_contain_text(surname)
    expect(tip).to_contain_text(year)
    # Word for word the entry in the page's reference list, without its back-link.
    entry = page.locator(str(link.get_attribute("href")))
    listed = entry.evaluate(
        "li => Array.from(li.childNodes).filter(n => !(n.classList && "
        "n.classList.contains('references__back'))).map(n => n.textContent).join('').trim()"
    )
    assert tip.inner_text().strip() == listed
    _fits(page, tip)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()

    other = page.locator("a.tiered-citation-link").nth(2)
    if phone:
        other.tap()
    else:
        other.hover()
    expect(_tip(page, other)).to_be_visible()
    _fits(page, _tip(page, other))
    page.keyboard.press("Escape")
    expect(_tip(page, other)).to_be_hidden()


def _search(page: Page, query: str, expected: str) -> list[str]:
    """Type ``query`` into Material's search; wait for a result whose link matches
    the CSS attribute selector ``expected``; return every result's link."""
    field = page.locator("input.md-search__input")
    if field.is_visible():
        field.focus()
    else:  # on a phone the search sits behind a button
        page.locator('label.md-header__button[for="__search"]').click()
    # Material reads the box only once its worker has the index ("Initializing search"
    # until then): typing earlier is lost.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    field.fill(query)
    field.press("End")  # Material searches on keyup; fill() alone sends no key
    results = page.locator(".md-search-result__item a")
    # Results arrive from a web worker: wait for the one that must be there.
    expect(page.locator(f".md-search-result__item a{expected}").first).to_be_attached()
    return [str(link.get_attribute("href")) for link in results.all()]


def test_search_finds_a_glossary_term_and_a_word_of_an_article(page: Page, base_url: str) -> None:
    page.goto(base_url)
    # Material adds ?h=<query> to highlight the words on the page it opens.
    _search(page, "osteoclastogenesis", '[href*="/glossary/"][href$="#osteoclastogenesis"]')
    # "administered" is only in the body of the Academic page (a fresh page, so no
    # result of the first search is still on screen).
    page.goto(base_url)
    hrefs = _search(page, "administered", '[href*="/academic/"]')
    assert all("/academic/" in h for h in hrefs), hrefs
