"""Citation popovers in a real browser: the entry on hover and focus, gone on Escape."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.browser.conftest import serve
from tests.conftest import SiteFactory

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


BIB = """@article{lee2020,
  author = {Lee, Ann},
  title = {A trial},
  journal = {J Bone},
  year = {2020},
  doi = {10.1000/xyz123},
  pmid = {12345678},
}
"""


def test_popover_offers_the_doi_and_pubmed_links(browser: Browser, site: SiteFactory) -> None:
    text = "# Home\n\n" + "Filler text. " * 20 + "A finding [@lee2020].\n"
    result = site.build({"index.md": text}, citations={}, bib={"refs.bib": BIB})
    with serve(result.site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url)
        link = page.locator("a.tiered-citation-link").first
        tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
        link.hover()
        expect(tip).to_be_visible()
        doi = tip.locator('a[href="https://doi.org/10.1000/xyz123"]')
        expect(doi).to_be_visible()
        expect(tip.locator('a[href="https://pubmed.ncbi.nlm.nih.gov/12345678/"]')).to_be_visible()
        expect(tip.locator(".references__back")).to_have_count(0)
        # The pointer travels from the number into the popover, which stays open.
        box = doi.bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + 2, box["y"] + 2, steps=8)
        page.wait_for_timeout(400)
        expect(tip).to_be_visible()
        href = doi.evaluate("a => a.href")
        assert href == "https://doi.org/10.1000/xyz123"
        page.mouse.move(5, 5)
        expect(tip).to_be_hidden()
        context.close()
