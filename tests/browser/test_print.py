"""The browser's Print on a web page: no navigation chrome, no popovers, and links to
other sites followed by their address."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import DESKTOP, PAGES, serve
from tests.conftest import SiteFactory


def _after(page: Page, selector: str) -> str:
    return str(page.eval_on_selector(selector, "a => getComputedStyle(a, '::after').content"))


def test_print_hides_the_chrome_and_the_popovers(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(base_url + PAGES["fundamentals"])
    link = page.locator(".md-content a.tiered-glossary-term").first
    link.focus()
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    expect(tip).to_be_visible()
    chrome = [
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        'nav[aria-label="Reading level"]',
        'nav[aria-label="Other reading levels"]',
    ]
    expect(page.locator(chrome[0])).to_be_visible()
    page.emulate_media(media="print")
    for selector in chrome:
        expect(page.locator(selector)).to_be_hidden()
    expect(tip).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    # Links inside the site print as they are: no address after them.
    assert _after(page, ".md-content a.tiered-glossary-term") in {"none", "normal"}
    context.close()


def test_print_shows_where_external_links_lead(browser: Browser, site: SiteFactory) -> None:
    text = "# Home\n\nSee [the NIH](https://www.nih.gov/) and [a page](other.md).\n"
    result = site.build({"index.md": text, "other.md": "# Other\n"}, theme="material")
    with serve(result.site) as url:
        context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(url)
        external = '.md-content a[href="https://www.nih.gov/"]'
        assert _after(page, external) in {"none", "normal"}  # on screen, nothing added
        page.emulate_media(media="print")
        assert _after(page, external) == '" (https://www.nih.gov/)"'
        assert _after(page, '.md-content a[href="other/"]') in {"none", "normal"}
        context.close()
