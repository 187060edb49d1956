"""tiered/plain's author overlay in a real ``mkdocs serve``: legend, toggles, keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import describe, run_axe
from tests.conftest import REPO
from tests.conftest import page as markdown_page
from tests.serve_support import serving, wait_for

BODY = (
    "# Bones\n\n"
    "Your scan shows osteopenia. A DXA scan was done.\n\n"
    "About 11% of women break a bone.\n"
)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("overlay")
    docs = {
        "topics/bones/index.md": markdown_page("title: Bones\n", "# Bones\n\nAbout.\n"),
        "topics/bones/fundamentals.md": markdown_page("tier: fundamentals\nsummary: S.\n", BODY),
        # The repo site's stylesheet: it fixes the contrast of Material's footer line.
        "stylesheets/site.css": (REPO / "docs/stylesheets/site.css").read_text(encoding="utf-8"),
    }
    for name, text in docs.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    settings = {
        "site_name": "Overlay",
        "theme": {"name": "material", "font": False},
        "plugins": ["tiered/levels", "tiered/plain"],
        "extra_css": ["stylesheets/site.css"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    with serving(root) as url:
        wait_for(url + "topics/bones/fundamentals/", "tiered-plain-findings", 90)
        yield url + "topics/bones/fundamentals/"


@pytest.fixture
def page(browser: Browser, preview: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(preview)
    yield page
    context.close()


def test_each_finding_is_marked_with_its_kind(page: Page) -> None:
    marks = page.locator("article .tiered-plain-mark, .md-content .tiered-plain-mark")
    expect(marks).to_have_count(4)
    assert [marks.nth(i).get_attribute("data-kind") for i in range(4)] == [
        "jargon",
        "acronym",
        "passive",
        "number",
    ]
    assert marks.nth(0).inner_text() == "osteopenia"


def test_the_legend_names_every_kind_with_its_count(page: Page) -> None:
    legend = page.get_by_role("complementary", name="Plain-language findings")
    expect(legend).to_be_visible()
    labels = legend.locator("label")
    assert labels.all_text_contents() == [
        "AaJargon (1)",
        "AaAcronym (1)",
        "AaNumber or risk (1)",
        "AaLong sentence (0)",
        "AaPassive voice (1)",
        "AaLong paragraph (0)",
    ]  # "Aa": a sample of each kind's marking, hidden from screen readers


def test_the_message_shows_on_hover_and_on_focus(page: Page) -> None:
    mark = page.locator(".tiered-plain-mark[data-kind=jargon]").first
    tip = page.locator("#tiered-plain-tip")
    expect(tip).to_be_hidden()
    mark.hover()
    expect(tip).to_be_visible()
    expect(tip).to_have_attribute("role", "tooltip")
    expect(tip).to_contain_text('jargon "osteopenia" is medical jargon')
    page.mouse.move(1, 1)
    expect(tip).to_be_hidden()
    number = page.locator(".tiered-plain-mark[data-kind=number]").first
    number.focus()
    expect(tip).to_contain_text('number "11%" is a bare percentage')
    expect(number).to_have_attribute("aria-describedby", "tiered-plain-tip")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()


def test_a_kind_is_toggled_from_the_keyboard(page: Page) -> None:
    box = page.get_by_role("checkbox", name="Jargon (1)")
    mark = page.locator(".tiered-plain-mark[data-kind=jargon]").first
    expect(mark).to_have_attribute("tabindex", "0")
    box.focus()
    page.keyboard.press("Space")
    expect(box).not_to_be_checked()
    expect(mark).to_have_class("tiered-plain-mark tiered-plain-hidden")
    expect(mark).not_to_have_attribute("tabindex", "0")
    page.keyboard.press("Space")
    expect(mark).to_have_class("tiered-plain-mark")
    expect(mark).to_have_attribute("tabindex", "0")


def test_tab_reaches_the_marks(page: Page) -> None:
    kinds = []
    for _ in range(60):
        page.keyboard.press("Tab")
        kind = page.evaluate(
            "document.activeElement.classList.contains('tiered-plain-mark')"
            " ? document.activeElement.dataset.kind : null"
        )
        if kind:
            kinds.append(kind)
        if len(kinds) == 4:
            break
    assert kinds == ["jargon", "acronym", "passive", "number"]


def test_the_overlay_passes_axe(page: Page, axe_source: str) -> None:
    page.locator(".tiered-plain-mark[data-kind=jargon]").first.focus()  # a tooltip open
    violations = run_axe(page, axe_source)
    assert violations == [], describe(violations)
