"""A real build of a generated library whose glossary is split by letter (``split``)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from tests.conftest import BuildResult, SiteFactory
from tests.html_validity import html_errors
from tests.library_site import levels_options, library

TERMS = [
    {"term": "arthritis", "short": "Sore, swollen joints."},
    {"term": "bone", "short": "The hard tissue.", "see_also": ["calcium"]},
    {"term": "blood", "short": "Red fluid."},
    {"term": "biopsy", "short": "A tissue sample.", "link": False},
    {"term": "bruise", "short": "A mark.", "link": False},
    {
        "term": "calcium",
        "short": "A mineral.",
        "definition": "A mineral that makes bone hard.",
        "see_also": ["bone"],
    },
    {"term": "5-HT", "short": "Serotonin.", "link": False},
    {"term": "readers", "short": "You.", "definition": "People reading about arthritis."},
]
ARTICLE = "topics/arthritis-0000/fundamentals/index.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    docs = {**library(12), "glossary.yml": yaml.safe_dump({"terms": TERMS})}
    plugins = [
        "search",
        {"tiered/levels": levels_options()},
        {"tiered/glossary": {"split": 3, "per_page": 3}},
    ]
    factory = SiteFactory(tmp_path_factory.mktemp("glossary-split"))
    return factory.build(docs, plugins=plugins)


def _main(html: str) -> str:
    """The page's text from its title to the end of the glossary's markup."""
    return html[html.index("<h1") : html.rindex("</section>") + len("</section>")]


def test_the_glossary_page_lists_the_letters_and_each_has_a_page(built: BuildResult) -> None:
    assert built.warnings == []
    index = built.html("glossary/index.html")
    assert (
        '<ul class="tiered-glossary-index">\n'
        '<li><a href="a/">A</a>: 1 term</li>\n'
        '<li><a href="b-1/">B 1</a>: 2 terms</li>\n'
        '<li><a href="b-2/">B 2</a>: 2 terms</li>\n'
        '<li><a href="c/">C</a>: 1 term</li>\n'
        '<li><a href="r/">R</a>: 1 term</li>\n'
        '<li><a href="other/">#</a>: 1 term</li>\n'
        "</ul>\n"
    ) in index
    assert "tiered-glossary-entry" not in index
    parts = sorted(p.parent.name for p in (built.site / "glossary").glob("*/index.html"))
    assert parts == ["a", "b-1", "b-2", "c", "other", "r"]
    # A letter cut in two keeps list order: biopsy, blood | bone, bruise.
    terms = {
        part: re.findall(r'<h3 id="([^"]+)">', built.html(f"glossary/{part}/index.html"))
        for part in parts
    }
    assert terms == {
        "a": ["arthritis"],
        "b-1": ["biopsy", "blood"],
        "b-2": ["bone", "bruise"],
        "c": ["calcium"],
        "other": ["5-ht"],
        "r": ["readers"],
    }
    # The letters are reached from the glossary page, not the navigation.
    home = built.html("index.html")
    assert 'href="glossary/"' in home
    assert "glossary/a/" not in home


def test_a_letter_page_has_the_jump_bar_and_its_entries(built: BuildResult) -> None:
    page = built.html("glossary/c/index.html")
    assert "<title>Glossary: C - Test site</title>" in page
    off = '<li><span aria-disabled="true">{}</span></li>\n'
    disabled, later = ("".join(map(off.format, run)) for run in ("DEFGHIJKLMNOPQ", "STUVWXYZ"))
    topic = "../../topics/calcium-0002/"
    tiers = " · ".join(
        f'<a href="{topic}{tier}/" title="Calcium topic 2 ({tier.title()})">{tier[0].upper()}</a>'
        for tier in ("fundamentals", "intermediate", "academic")
    )
    assert _main(page) == (
        '<h1 id="glossary-c">Glossary: C</h1>\n'
        "<p>The terms that start with C.</p>"
        '<nav class="tiered-glossary-jump" aria-label="Glossary index">\n'
        '<ul class="tiered-glossary-jump__list">\n'
        '<li><a href="../a/">A</a></li>\n'
        '<li><a href="../b-1/">B 1</a></li>\n'
        '<li><a href="../b-2/">B 2</a></li>\n'
        '<li><span aria-current="page">C</span></li>\n'
        f"{disabled}"
        '<li><a href="../r/">R</a></li>\n'
        f"{later}"
        '<li><a href="../other/">#</a></li>\n'
        "</ul>\n</nav>\n"
        '<section class="tiered-glossary-letter" aria-labelledby="glossary-letter-c">\n'
        '<h2 id="glossary-letter-c">C</h2>\n'
        '<div class="tiered-glossary-entry" data-tiered-term="calcium">\n'
        '<h3 id="calcium">calcium</h3>\n'
        '<div class="tiered-glossary-definition">\n'
        '<p>A mineral that makes <a class="tiered-glossary-term" href="../b-2/#bone" '
        'title="The hard tissue.">bone</a> hard.</p>\n</div>\n'
        '<p class="tiered-glossary-see-also">See also: <a href="../b-2/#bone">bone</a></p>\n'
        '<div class="tiered-glossary-used-in">\n<p>Used in:</p>\n<ul>\n'
        # A topic's tier pages: one item, the topic then each tier by its initial.
        f'<li><a href="{topic}">Calcium topic 2</a> ({tiers})</li>\n'
        "</ul>\n</div>\n</div>\n</section>"
    )
    assert html_errors(page) == []


def test_articles_link_each_term_to_its_letter_page(built: BuildResult) -> None:
    article = built.html(ARTICLE)
    assert re.findall(r'<a class="tiered-glossary-term"[^>]*>[^<]*</a>', article) == [
        '<a class="tiered-glossary-term" href="../../../glossary/a/#arthritis" '
        'title="Sore, swollen joints.">arthritis</a>',
        '<a class="tiered-glossary-term" href="../../../glossary/r/#readers" '
        'title="You.">readers</a>',
    ]
    # In a definition, a term on the same page links to its entry on that page.
    readers = built.html("glossary/r/index.html")
    assert (
        '<p>People reading about <a class="tiered-glossary-term" href="../a/#arthritis" '
        'title="Sore, swollen joints.">arthritis</a>.</p>'
    ) in readers


def test_every_glossary_link_reaches_its_entry(built: BuildResult) -> None:
    site = built.site.resolve()
    ids: dict[Path, set[str]] = {}
    checked, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'<a (?:class="tiered-glossary-term" )?href="([^"]*#[^"]+)"', html):
            parts = urlsplit(href)
            if parts.scheme or "glossary" not in (page.parent / parts.path).as_posix():
                continue
            target = (page.parent / unquote(parts.path)).resolve() / "index.html"
            target = target if parts.path else page
            if target not in ids:
                text = target.read_text(encoding="utf-8") if target.is_file() else ""
                ids[target] = set(re.findall(r' id="([^"]+)"', text))
            checked += 1
            if unquote(parts.fragment) not in ids[target]:
                broken.append(f"{page.relative_to(site)}: {href}")
    assert broken == []
    assert checked > 12 * 3 * 2  # each tier page links two terms, and the glossary's own


def test_search_finds_entries_on_their_letter_page_without_back_links(built: BuildResult) -> None:
    docs = {
        doc["location"]: doc["text"]
        for doc in json.loads(built.html("search/search_index.json"))["docs"]
    }
    assert "calcium A mineral that makes bone hard. See also: bone" in docs["glossary/c/"]
    assert "5-HT Serotonin." in docs["glossary/other/"]
    assert [location for location, text in docs.items() if "Used in" in text] == []


def test_split_zero_never_splits(tmp_path: Path) -> None:
    docs = {**library(4), "glossary.yml": yaml.safe_dump({"terms": TERMS})}
    result = SiteFactory(tmp_path).build(
        docs, levels=levels_options(), glossary={"split": 0, "warn_unused": False}
    )
    assert result.warnings == []
    assert sorted(p.name for p in (result.site / "glossary").iterdir()) == ["index.html"]
    glossary = result.html("glossary/index.html")
    assert re.findall(r'<h3 id="([^"]+)">', glossary) == [
        "arthritis",
        "biopsy",
        "blood",
        "bone",
        "bruise",
        "calcium",
        "readers",
        "5-ht",
    ]
    article = result.html(ARTICLE)
    assert 'href="../../../glossary/#arthritis"' in article
