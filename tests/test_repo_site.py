"""The repository's own site: strict build, acceptance checks and privacy."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tiered.glossary.model import load_glossary

from tests.conftest import REPO
from tests.site_audit import external_loads

TOPIC = "topics/aromatase-inhibitors-and-bone"
TIERS = ("fundamentals", "intermediate", "academic")


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``mkdocs build --strict`` of the repo, through the real command line."""
    site = tmp_path_factory.mktemp("site")
    before = _snapshot(REPO / "docs")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    run = subprocess.run(
        [str(mkdocs), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", site],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TIERED_PDF": "false"},  # PDFs: tests/pdf
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "WARNING -" not in run.stderr
    assert _snapshot(REPO / "docs") == before, "the build must never write into docs/"
    return site


def test_tier_pages_have_the_switcher(built: Path) -> None:
    for tier in TIERS:
        html = (built / TOPIC / tier / "index.html").read_text(encoding="utf-8")
        nav = re.search(
            r'<nav class="tiered-switcher" aria-label="Reading level".*?</nav>',
            html,
            re.S,
        )
        assert nav is not None, tier
        assert nav.group(0).count("<a ") == 3
        assert nav.group(0).count('aria-current="page"') == 1
        assert f'<meta name="tiered:tier" content="{tier}">' in html


def test_landing_page_lists_the_tiers(built: Path) -> None:
    html = (built / TOPIC / "index.html").read_text(encoding="utf-8")
    assert html.count('<li class="tiered-card"') == 3


def test_figures_are_svg_with_alt_text(built: Path) -> None:
    for tier in TIERS:
        html = (built / TOPIC / tier / "index.html").read_text(encoding="utf-8")
        images = re.findall(r"<img [^>]*>", html)
        assert images, f"{tier} has no figure"
        for image in images:
            assert re.search(r'src="[^"]+\.svg"', image)
            alt = re.search(r'alt="([^"]*)"', image)
            assert alt is not None and len(alt.group(1)) > 20, image


def test_nothing_loads_from_another_host(built: Path) -> None:
    assert external_loads(built) == []


def test_conditional_theme_urls_stay_unreachable(built: Path) -> None:
    """The theme-bundle URLs the audit tolerates need settings this site never has."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml reads some options from the environment (!ENV [NAME, default]).
    _Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)
    assert "repo_url" not in config
    assert config["theme"]["font"] is False
    for html in built.rglob("*.html"):
        assert 'class="mermaid"' not in html.read_text(encoding="utf-8")


def test_glossary_page_lists_every_term_with_back_links(built: Path) -> None:
    glossary = load_glossary(
        (REPO / "docs/glossary.yml").read_text(encoding="utf-8"), "docs/glossary.yml"
    )
    assert glossary.diagnostics == []
    html = (built / "glossary/index.html").read_text(encoding="utf-8")
    for term in glossary.terms:
        start = html.index(f'<h3 id="{term.anchor}">')
        entry = html[start : html.index("</div>\n</div>", start)]
        if term.link:
            assert "Used in:" in entry, term.term
    assert "tiered-glossary:used-in" not in html


def test_articles_link_terms_once_per_section(built: Path) -> None:
    for tier in TIERS:
        html = (built / TOPIC / tier / "index.html").read_text(encoding="utf-8")
        article = html[html.index('<nav class="tiered-switcher"') :]
        sections = re.split(r"<h2[ >]", article)
        linked = set()
        for section in sections:
            terms = re.findall(r'class="tiered-glossary-term" href="[^"#]*#([^"]+)"', section)
            assert len(terms) == len(set(terms)), f"{tier}: a term linked twice in one section"
            linked |= set(terms)
        for term in ("estrogen", "osteoclast", "aromatase-inhibitor", "bone-mineral-density"):
            assert term in linked, f"{tier} does not link {term}"


def test_search_index_is_clean(built: Path) -> None:
    """No placeholders, no back-links, no popover definitions repeated on every page."""
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    glossary = load_glossary(
        (REPO / "docs/glossary.yml").read_text(encoding="utf-8"), "docs/glossary.yml"
    )
    shorts = {text for term in glossary.terms for text in (term.short, *term.tiers.values())}
    for doc in index["docs"]:
        text = doc["text"]
        assert "tiered-glossary" not in text, doc["location"]
        assert "\x02" not in text and "wzxhzdk" not in text, doc["location"]
        assert "Used in:" not in text, doc["location"]
        if not doc["location"].startswith("glossary/"):
            assert not [s for s in shorts if s in text], doc["location"]


def test_every_tier_cites_the_source_references(built: Path) -> None:
    cited: set[str] = set()
    for tier in TIERS:
        html = (built / TOPIC / tier / "index.html").read_text(encoding="utf-8")
        assert '<section class="references"' in html, tier
        assert "citation--missing" not in html, tier
        cited |= set(re.findall(r'<li id="ref-(\w+)" value=', html))
    assert cited == {
        "eastell2008",
        "perez2008",
        "vehmanen2024",
        "fumagalli2007",
        "burnettbowie2009",
        "cufi2017",
        "taxel2017",
        "hadji2011",
        "reid2005",
        "khosla2012",
    }


def test_search_finds_sources_on_the_references_page(built: Path) -> None:
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    with_journal = {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if "Journal of Clinical Oncology" in doc["text"]
    }
    # Per-page lists are added after indexing: the site-wide page is where search finds them.
    assert with_journal == {"references/"}
