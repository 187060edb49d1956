"""A real build of a generated library with sources: the site list split by letter."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import BuildResult, SiteFactory
from tests.library_site import bibliography, levels_options, library

TOPICS = 40
SOURCES = 40  # about eight topics cite each source (tests.library_site.cites_of)
GLOSSARY = "terms:\n  - term: finding\n    short: What a study found.\n    sources: [src0007]\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    docs = {**library(TOPICS, sources=SOURCES), "glossary.yml": GLOSSARY}
    plugins = [
        "search",
        {"tiered/levels": levels_options()},
        {"tiered/glossary": {}},
        {"tiered/citations": {"split": 20, "per_page": 20}},
        {"tiered/readability": {"report_topics": 10, "targets": {}}},
    ]
    factory = SiteFactory(tmp_path_factory.mktemp("sources"))
    return factory.build(docs, bib={"refs.bib": bibliography(SOURCES)}, plugins=plugins)


class _Links(HTMLParser):
    """The ids of a page and the targets of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The built file and fragment an internal link with a fragment leads to."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.fragment or href.startswith("/"):
        return None
    base = page.parent
    path = (base / unquote(parts.path)).resolve() if parts.path else page
    if path.is_dir() or not path.suffix:
        path = path / "index.html"
    return path, unquote(parts.fragment)


def _entries(html: str) -> list[str]:
    return re.findall(r'<li id="ref-(src[0-9]+)">', html)


def test_the_references_page_lists_the_letters_and_each_letter_has_a_page(
    built: BuildResult,
) -> None:
    index = built.html("references/index.html")
    assert _entries(index) == []
    letters = re.findall(r'<li><a href="([a-z]+/)">([A-Z])</a>: ([0-9]+) sources?</li>', index)
    assert [letter for _href, letter, _count in letters] == sorted("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    listed: list[str] = []
    for href, letter, count in letters:
        part = built.html(f"references/{href}index.html")
        keys = _entries(part)
        assert len(keys) == int(count)
        # Every source on a part is under the part's letter (the .bib's first author).
        names = re.findall(r'<li id="ref-src[0-9]+">([A-Z])', part)
        assert set(names) == {letter}
        listed += keys
    assert sorted(listed) == [f"src{n:04d}" for n in range(SOURCES)]


def _cited_in(built: BuildResult, part: str, key: str) -> str:
    item = re.search(rf'<li id="ref-{key}">.*?</li>', built.html(f"references/{part}/index.html"))
    assert item is not None
    return item.group(0).split('<span class="references__cited-in">', 1)[1]


def test_cited_in_names_each_topic_once_with_its_citing_tiers(built: BuildResult) -> None:
    # Topic i cites sources 8i to 8i + 7 modulo 40: src0003 is the fourth source of
    # topics 0, 5, ..., 35, which their intermediate and academic pages cite.
    cited = _cited_in(built, "v", "src0003")
    assert cited.startswith(
        'Cited in: <a href="../../topics/arthritis-0000/">Arthritis topic 0</a> '
        '(<a href="../../topics/arthritis-0000/intermediate/#cite-3" '
        'title="Arthritis topic 0 (Intermediate)">I</a> &#183; '
        '<a href="../../topics/arthritis-0000/academic/#cite-3" '
        'title="Arthritis topic 0 (Academic)">A</a>), '
    )
    topics = re.findall(r'<a href="[^"]*/">([^<]*)</a> \(', cited)
    assert topics == [  # reading order: the library's, A-Z
        "Arthritis topic 0",
        "Estrogen topic 30",
        "Fracture topic 5",
        "Joint topic 35",
        "Kidney topic 10",
        "Pressure topic 15",
        "Ulna topic 20",
        "Zinc topic 25",
    ]
    assert cited.count(">I</a> &#183; <a ") == 8
    assert ">F</a>" not in cited  # the fundamentals pages cite three sources only
    # A page outside the topics (the glossary) is an item of its own.
    glossary = _cited_in(built, "x", "src0007")
    assert glossary.startswith('Cited in: <a href="../../glossary/">Glossary</a>, <a href="')
    assert glossary.count("(<a ") == 8


def test_every_link_with_a_fragment_reaches_its_anchor(built: BuildResult) -> None:
    site = built.site.resolve()
    ids: dict[Path, set[str]] = {}
    checked = 0
    broken = []
    pages = sorted(site.rglob("*.html"))
    parsed = {path: _parse(path) for path in pages}
    for path, links in parsed.items():
        ids[path] = links.ids
    for path, links in parsed.items():
        for href in links.hrefs:
            target = _target(site, path, href)
            if target is None:
                continue
            checked += 1
            file, fragment = target
            if fragment not in ids.get(file, set()):
                broken.append(f"{path.relative_to(site)}: {href}")
    assert broken == []
    assert checked > TOPICS * 3 * 8  # the citations, their back-links, the site list's


def test_the_letters_lead_to_existing_pages(built: BuildResult) -> None:
    site = built.site.resolve()
    missing = []
    for path in sorted((site / "references").rglob("index.html")):
        for href in _parse(path).hrefs:
            if urlsplit(href).scheme or href.startswith("/"):
                continue
            target = (path.parent / unquote(urlsplit(href).path)).resolve()
            if not (target / "index.html" if target.is_dir() else target).is_file():
                missing.append(f"{path.relative_to(site)}: {href}")
    assert missing == []
    part = built.html("references/b/index.html")
    bar = re.search(r'<nav class="references__letters".*?</nav>', part)
    assert bar is not None
    assert bar.group(0).startswith(
        '<nav class="references__letters" aria-label="Sources by first author">'
        '<a href="../a/">A</a> <span>B</span> <a href="../c/">C</a> '
    )


def test_glossary_sources_link_to_the_part_of_their_letter(built: BuildResult) -> None:
    glossary = built.html("glossary/index.html")
    # src0007's first author is Xrayson (tests.library_site.bibliography): the X part.
    assert 'href="../references/x/#ref-src0007"' in glossary
    assert 'id="ref-src0007"' in built.html("references/x/index.html")


def test_the_parts_stay_out_of_the_navigation_and_search_has_no_cited_in(
    built: BuildResult,
) -> None:
    home = built.html("index.html")
    assert "references/a/" not in home
    assert 'href="references/"' in home
    index = built.html("search/search_index.json")
    assert "Cited in" not in index
    assert "Study 7 of xray" in index  # the entries are found on their part


def test_an_entry_costs_a_bounded_number_of_bytes(built: BuildResult) -> None:
    """Each "Cited in" item is a topic (a title and one short link a citing tier)."""
    for path in sorted((built.site / "references").glob("*/index.html")):
        html = path.read_text(encoding="utf-8")
        for item in re.findall(r'<li id="ref-src[0-9]+">.*?</li>', html):
            topics = item.count(" (<a ")
            links = item.count("<a ")
            assert links <= 1 + 4 * topics  # the DOI, then a topic and its tiers
            assert len(item.encode()) <= 300 + 560 * topics
