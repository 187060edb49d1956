"""Citation popovers in a real browser: the entry on hover and focus, gone on Escape."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

PAGE = "topics/aromatase-inhibitors-and-bone/intermediate/"


def test_citation_shows_its_entry(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + PAGE)
    link = page.locator("a.tiered-citation-link").first
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    expect(tip).to_be_hidden()
    link.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Khosla S, et al. Estrogen and the skeleton.")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    link.focus()
    expect(tip).to_be_visible()
    # The number still leads to the entry in the page's reference list.
    href = str(link.get_attribute("href"))
    expect(page.locator(href)).to_contain_text("Khosla S, et al.")
    context.close()
