"""Every page keeps its title in the pages written after it (real builds, both themes).

``release_page`` lets go of a page's Markdown once it is written, and MkDocs works
``Page.title`` out from the Markdown each time it is read: without the title pinned
first, the navigation and Material's "Previous"/"Next" footer of every page written later
said "None" for Home, the glossary and each topic's landing page.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.conftest import BuildResult, SiteFactory
from tests.library_site import THEMES, levels_options, library, slug_of, title_of

GLOSSARY = "terms:\n  - term: calcium\n    short: A mineral that bones are made of.\n"
TOPIC = slug_of(1)


class _Links(HTMLParser):
    """The text and ``aria-label`` of every link on a page, whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.labels: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open.append([])
            label = dict(attrs).get("aria-label")
            if label is not None:
                self.labels.append(label)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self.texts.append(" ".join("".join(self._open.pop()).split()))

    def handle_data(self, data: str) -> None:
        for text in self._open:
            text.append(data)


def _links(html: str) -> _Links:
    links = _Links()
    links.feed(html)
    return links


@pytest.fixture(scope="module", params=list(THEMES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    factory = SiteFactory(tmp_path_factory.mktemp(f"titles-{request.param}"))
    docs = {**library(60), "glossary.yml": GLOSSARY}
    result = factory.build(docs, theme=THEMES[request.param], levels=levels_options(), glossary={})
    assert result.warnings == []
    return result


def test_no_link_anywhere_says_none(built: BuildResult) -> None:
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 240  # 60 topics of four pages, the A–Z, categories, glossary, home
    for path in pages:
        links = _links(path.read_text(encoding="utf-8"))
        where = path.relative_to(built.site).as_posix()
        assert "None" not in links.texts, where
        assert [label for label in links.labels if label.endswith(": None")] == [], where


def test_the_pages_written_first_keep_their_titles(built: BuildResult) -> None:
    # Home (the library's index.md, "# Library"), the glossary and the topic's landing page
    # are written before this tier page.
    texts = _links(built.html(f"topics/{TOPIC}/intermediate/index.html")).texts
    assert {"Library", "Glossary", title_of(1), "Fundamentals"} <= set(texts)


# The mkdocs theme's previous/next links carry no title.
@pytest.mark.parametrize("built", ["material"], indirect=True)
def test_the_footer_names_the_neighbours(built: BuildResult) -> None:
    # The reading order: home, the glossary, the categories, Topics A–Z, the topics.
    assert "Next: Glossary" in _links(built.html("index.html")).labels
    assert "Previous: Library" in _links(built.html("glossary/index.html")).labels
    assert "Previous: Glossary" in _links(built.html("categories/bones/index.html")).labels
    tier = _links(built.html(f"topics/{TOPIC}/fundamentals/index.html")).labels
    assert f"Previous: {title_of(1)}" in tier
