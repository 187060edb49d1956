"""PDFs at library size: per category, from a real build of a generated library.

Eight topics in four categories (two each, ``tests/library_site.py``), with
``whole_site_topics: 4``, so the site is "above the threshold": no site-wide tier or
library PDF, one library PDF and one PDF per tier for each category, one per topic.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from tiered.cli import main
from tiered.levels import listing
from tiered.levels.listing import TopicItem
from tiered.levels.render import TierLink
from tiered.pdf.clean import clean_page
from tiered.pdf.downloads import PageRole, page_role
from tiered.pdf.scope import topic_count
from tiered.pdf.tree import parse_page

from tests.conftest import BuildResult, SiteFactory, page
from tests.library_site import TIERS, levels_options, library, slug_of
from tests.pdf.pdftools import outline, page_count, pdftotext

TOPICS = 8
PDF = {"workers": 2, "whole_site_topics": 4}
# Topics 0 and 4 are in "bones" (categories cycle over the four of library_site).
BONES = [slug_of(0), slug_of(4)]
CATEGORY_PDFS = [
    name
    for slug in ("bones", "heart", "hormones", "medicines")
    for name in [f"categories/{slug}.pdf", *(f"categories/{slug}/{tier}.pdf" for tier in TIERS)]
]
NAMES = sorted(CATEGORY_PDFS + [f"topics/{slug_of(i)}.pdf" for i in range(TOPICS)])
NOTE = (
    "tiered: PDF: 8 topics, more than whole_site_topics (4): no site-wide tier or library "
    "PDF; they are written per category (pdf/categories/)"
)


def _build(root: Path, docs: dict[str, str], pdf: dict[str, object] | None = None) -> BuildResult:
    return SiteFactory(root).build(
        docs,
        plugins=[{"tiered/levels": levels_options()}, {"tiered/pdf": {**PDF, **(pdf or {})}}],
    )


@pytest.fixture(autouse=True)
def _stable_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772668800")  # 5 March 2026: stable covers


@pytest.fixture
def built(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[BuildResult]:
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.tiered.pdf.plugin")
    yield _build(tmp_path, library(TOPICS))


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuildResult, list[str]]]:
    """One build for the tests that only read it, with the PDF plugin's messages."""
    logger = logging.getLogger("mkdocs.plugins.tiered.pdf.plugin")
    handler, level = _Messages(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SOURCE_DATE_EPOCH", "1772668800")
            result = _build(tmp_path_factory.mktemp("categories"), library(TOPICS))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    yield result, handler.messages


def _written(site: Path) -> list[str]:
    return sorted(p.relative_to(site / "pdf").as_posix() for p in site.rglob("*.pdf"))


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'class="tiered-pdf-links__link" href="([^"]+)"[^>]*>([^<]+)<', html)


def test_pdfs_per_category_and_per_topic_with_no_whole_library(
    shared: tuple[BuildResult, list[str]],
) -> None:
    built, messages = shared
    assert _written(built.site) == NAMES
    assert built.warnings == []
    assert NOTE in messages
    pdf = built.site / "pdf/categories"
    # Cover, contents, one page per short chapter (two topics, three tiers), glossary.
    assert page_count(pdf / "bones.pdf") == 1 + 1 + 6 + 1
    assert page_count(pdf / "bones/fundamentals.pdf") == 1 + 1 + 2 + 1
    assert pdftotext(pdf / "bones.pdf").split("\f")[0] == (
        "TEST SITE\n\nBones and joints\n2 topics at every reading level\n"
        "PDF made on 5 March 2026\n\n"
    )
    assert pdftotext(pdf / "bones/fundamentals.pdf").split("\f")[0] == (
        "TEST SITE\n\nBones and joints:\nFundamentals articles\n"
        "Every topic in Bones and joints at the Fundamentals level\n"
        "PDF made on 5 March 2026\n\n"
    )
    assert outline(pdf / "bones.pdf") == [
        ("Arthritis topic 0", [("Fundamentals", []), ("Intermediate", []), ("Academic", [])]),
        ("Estrogen topic 4", [("Fundamentals", []), ("Intermediate", []), ("Academic", [])]),
        ("Glossary", []),
    ]
    assert outline(pdf / "bones/academic.pdf") == [
        ("Arthritis topic 0", []),
        ("Estrogen topic 4", []),
        ("Glossary", []),
    ]
    text = pdftotext(pdf / "bones/academic.pdf")
    assert "Some text about arthritis topic 0 for academic readers." in text
    assert "heart" not in text.lower()


def test_category_metas_and_download_links(shared: tuple[BuildResult, list[str]]) -> None:
    built = shared[0]
    tier = built.html(f"topics/{BONES[0]}/fundamentals/index.html")
    assert '<meta name="tiered:category" content="bones">' in tier
    assert '<meta name="tiered:category-title" content="Bones and joints">' in tier
    assert _links(tier) == [
        (f"../../../pdf/topics/{BONES[0]}.pdf", "this topic, every reading level"),
        ("../../../pdf/categories/bones/fundamentals.pdf", "this category at Fundamentals level"),
    ]
    landing = built.html(f"topics/{BONES[0]}/index.html")
    assert _links(landing) == [
        (f"../../pdf/topics/{BONES[0]}.pdf", "this topic, every reading level"),
        ("../../pdf/categories/bones.pdf", "this category, every reading level"),
    ]
    category = built.html("categories/bones/index.html")
    assert '<meta name="tiered:category" content="bones">' in category
    assert _links(category) == [
        ("../../pdf/categories/bones.pdf", "every topic in this category, every reading level"),
        ("../../pdf/categories/bones/fundamentals.pdf", "Fundamentals level"),
        ("../../pdf/categories/bones/intermediate.pdf", "Intermediate level"),
        ("../../pdf/categories/bones/academic.pdf", "Academic level"),
    ]
    for where, html in [
        (f"topics/{BONES[0]}/fundamentals", tier),
        (f"topics/{BONES[0]}", landing),
        ("categories/bones", category),
    ]:
        for href, _label in _links(html):
            assert (built.site / where / href).resolve().is_file()
    assert _links(built.html("topics/index.html")) == []  # the A–Z page: no category of its own


def test_an_edit_renders_only_its_category_again(
    built: BuildResult, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {name: (built.site / "pdf" / name).read_bytes() for name in NAMES}
    docs = library(TOPICS)
    edited = f"topics/{BONES[0]}/fundamentals.md"
    docs[edited] = docs[edited].replace("for fundamentals readers.", "for every new reader.")
    caplog.clear()
    _build(built.site.parent, docs)
    messages = [r.getMessage() for r in caplog.records]
    # `tiered pdf` on the same build: nothing to render or join, no PDF written again.
    written = {name: (built.site / "pdf" / name).stat().st_mtime_ns for name in NAMES}
    assert main(["pdf", "-f", str(built.site.parent / "mkdocs.yml")]) == 0
    said = capsys.readouterr().err.splitlines()[-2]
    jobs = int(said.split()[5])
    assert said == f"0 document(s) or part(s) rendered, {jobs} reused from the cache"
    assert {n: (built.site / "pdf" / n).stat().st_mtime_ns for n in NAMES} == written
    # The topic's PDF, and its part of the bones library and of bones' Fundamentals; the
    # contents and page numbers did not move, so they come from the cache.
    assert [m for m in messages if "reused from the cache" in m] == [
        f"tiered: PDF: 3 rendered, {jobs - 3} reused from the cache"
    ]
    shown = re.compile(r"tiered: PDF \[\d+/\d+\] (topics/\S+): \d+ pages in ")
    rendered = [found[1] for m in messages if (found := shown.match(m))]
    assert rendered == [f"topics/{BONES[0]}.pdf"]
    # Only the PDFs that hold the page changed: the other categories' PDFs are the ones
    # joined before, from the cache (a join is kept, keyed by what it was joined from).
    after = {name: (built.site / "pdf" / name).read_bytes() for name in NAMES}
    assert [n for n in NAMES if after[n] != before[n]] == [
        "categories/bones.pdf",
        "categories/bones/fundamentals.pdf",
        f"topics/{BONES[0]}.pdf",
    ]
    assert "for every new reader." in pdftotext(built.site / "pdf/categories/bones.pdf")
    assert "for every new reader." in pdftotext(
        built.site / "pdf/categories/bones/fundamentals.pdf"
    )


def test_whole_site_always_adds_the_site_wide_pdfs(tmp_path: Path) -> None:
    result = _build(
        tmp_path, library(4), {"whole_site": "always", "by_category": False, "topics": False}
    )
    assert _written(result.site) == [
        "library.pdf",
        "tiers/academic.pdf",
        "tiers/fundamentals.pdf",
        "tiers/intermediate.pdf",
    ]
    landing = result.html(f"topics/{slug_of(0)}/index.html")
    assert _links(landing) == [("../../pdf/library.pdf", "the whole library")]


def test_a_site_without_tier_pages_is_a_note_not_an_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.tiered.pdf.plugin")
    docs = {"index.md": page("title: Home\n", "# Home\n\nNo topics yet.\n")}
    result = _build(tmp_path / "plain", docs)
    assert result.warnings == []
    notes = [r.getMessage() for r in caplog.records if "no PDFs" in r.getMessage()]
    assert notes == [f"tiered: PDF: no tier pages in {result.site / 'topics'}: no PDFs"]
    assert not (result.site / "pdf").exists()
    with pytest.raises(Abort):
        _build(tmp_path / "required", docs, {"required": True})


def test_a_category_page_is_read_from_its_list_and_a_bad_slug_is_ignored() -> None:
    items = [
        TopicItem(
            "Gout",
            "../../topics/gout/",
            tiers=(TierLink("fundamentals", "Basics", "f/"), TierLink("academic", "Deep", "a/")),
        )
    ]
    role = page_role("<p>Intro.</p>\n" + listing.topics(items, "bones"))
    assert (role.category_page, role.category) == (True, "bones")
    assert role.tiers == {"fundamentals": "Basics", "academic": "Deep"}
    assert page_role(listing.topics(items)) == PageRole()  # the A–Z page
    hostile = listing.topics(items, "../../etc")
    assert page_role(hostile) == PageRole()  # it would name a file outside pdf/categories/


def test_the_links_count_topic_folders_as_the_export_counts_topics() -> None:
    uris = [
        "index.md",
        "topics/index.md",  # the A–Z page: no topic
        "topics/gout/index.md",
        "topics/gout/fundamentals.md",
        "topics/gout/academic.md",
        "topics/hip/fundamentals.md",
        "topics/bare/index.md",  # a landing page alone: no tier pages, no PDF
        "topics/gout/notes/extra.md",  # a sub-folder: not a tier page
    ]
    assert topic_count(uris, "topics") == 2
    assert topic_count(["gout/fundamentals.md", "index.md"], ".") == 1


def test_a_category_meta_that_is_no_slug_is_a_warning(tmp_path: Path) -> None:
    html = (
        '<html lang="en"><head><meta name="tiered:tier" content="fundamentals">'
        '<meta name="tiered:category" content="../up">'
        '<meta name="tiered:category-title" content="Up"></head>'
        "<body><article><h1>Gout</h1><p>Text.</p></article></body></html>"
    )
    page = clean_page(parse_page(html), tmp_path, "topics/gout/fundamentals/index.html")
    assert (page.tier, page.category) == ("fundamentals", None)
    assert page.warnings == [
        "topics/gout/fundamentals/index.html: <meta name=\"tiered:category\"> '../up' is not a "
        "category slug (a-z, 0-9, - and _): the page is in no category PDF"
    ]
