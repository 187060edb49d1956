"""The offline bundle (``make offline``, part of ``make site``) opened from ``file://``:
navigation, popovers and search work, and nothing is requested from anywhere else."""

from __future__ import annotations

from pathlib import Path

import yaml
from playwright.sync_api import Browser, expect

from tests.browser.conftest import DESKTOP, PHONE, REPORT, Requests
from tests.conftest import REPO
from tests.site_audit import external_loads


def test_offline_config_is_the_hosted_one_plus_the_offline_plugin() -> None:
    # INHERIT replaces lists: the offline config repeats the plugin list, in step.
    class _Loader(yaml.SafeLoader):
        pass

    # Both read some options from the environment (!ENV [NAME, default]): keep the tag's text.
    _Loader.add_constructor("!ENV", lambda loader, node: f"!ENV {node.value}")
    hosted = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)
    offline = yaml.load((REPO / "mkdocs-offline.yml").read_text(encoding="utf-8"), _Loader)
    assert offline["INHERIT"] == "mkdocs.yml"
    assert [p for p in offline["plugins"] if p != "offline"] == hosted["plugins"]
    assert set(offline) == {"INHERIT", "extra", "plugins"}


def test_the_hosted_site_stays_as_it_was(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in home
    assert (built_site / "topics/aromatase-inhibitors-and-bone/fundamentals/index.html").is_file()
    assert not (built_site / "search/search_index.js").exists()


def test_bundle_works_from_the_file_system(browser: Browser, offline_site: Path) -> None:
    root = offline_site.as_uri() + "/"
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    page = context.new_page()
    requests = Requests(page)
    page.goto(root + "index.html")

    # Navigation: plain links to .html files, then the tier switcher.
    page.locator(".md-content a[href$='aromatase-inhibitors-and-bone/index.html']").first.click()
    page.wait_for_url("**/aromatase-inhibitors-and-bone/index.html")
    page.locator('.tiered-card[data-tier="fundamentals"] a').click()
    page.wait_for_url("**/fundamentals.html")
    switcher = page.locator('nav[aria-label="Reading level"]')
    switcher.get_by_role("link", name="Academic").click()
    page.wait_for_url("**/academic.html")
    expect(switcher.locator('a[aria-current="page"]')).to_have_text("Academic")

    # Popovers: a glossary term and a citation.
    term = page.locator(".md-content a.tiered-glossary-term").first
    term.hover()
    expect(page.locator(f"#{term.get_attribute('aria-describedby')}")).to_be_visible()
    cite = page.locator("a.tiered-citation-link").first
    cite.hover()
    expect(page.locator(f"#{cite.get_attribute('aria-describedby')}")).to_contain_text("Khosla")

    # Search: the index comes from search_index.js, the worker runs in an iframe.
    # From file://, Material sets the search up only when the reader opens it.
    field = page.locator("input.md-search__input")
    field.focus()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    field.fill("osteoclastogenesis")
    field.press("End")  # Material searches on keyup
    expect(page.locator('.md-search-result__item a[href*="glossary.html"]').first).to_be_attached()

    assert requests.urls
    assert requests.foreign(root) == [], requests.foreign(root)
    context.close()


def test_nothing_in_the_bundle_loads_from_another_host(offline_site: Path) -> None:
    # Without the local shim, the offline plugin would add a script from a CDN to every page.
    assert external_loads(offline_site) == []
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker.js">' in home


def test_no_offline_page_requests_anything_elsewhere(browser: Browser, offline_site: Path) -> None:
    root = offline_site.as_uri() + "/"
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) >= 9
    # The shim is MIT-licensed: its notice travels with it.
    notice = offline_site / "assets/javascripts/iframe-worker.LICENSE.txt"
    assert "Permission is hereby granted" in notice.read_text(encoding="utf-8")
    for path in pages:
        page = context.new_page()
        requests = Requests(page)
        page.goto(path.as_uri())
        assert page.locator("article h1").count() == 1, path
        page.close()
        REPORT.offline_pages += 1
        REPORT.offline_requests += len(requests.urls)
        assert requests.foreign(root) == [], path
    context.close()
