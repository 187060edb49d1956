"""The library benchmark's generator writes the library the issue describes, and it builds."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from tiered.common.frontmatter import parse_front_matter

from benchmarks.library import (
    CITATIONS_PER_PAGE,
    MENTIONS_PER_PAGE,
    NAV,
    PLAIN,
    TIERS,
    Size,
    category_count,
    generated_pages,
    html_pages,
    page_groups,
    write_library,
)
from benchmarks.library_breakdown import write_configs
from benchmarks.plain_overhead import with_plain


def _front(path: Path) -> dict[str, object]:
    return dict(parse_front_matter(path.read_text(encoding="utf-8"), str(path)).data)


def test_library_shape(tmp_path: Path) -> None:
    library = write_library(tmp_path, 4, terms=5, refs=6, categories=True)
    topics = sorted(p.name for p in (tmp_path / "docs" / "topics").iterdir())
    assert topics == sorted(library.topics)
    assert len(topics) == 4
    assert library.categories == ["category-00-" + library.categories[0].split("-", 2)[2]]
    for slug in topics:
        folder = tmp_path / "docs" / "topics" / slug
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            ["index.md", *(f"{t}.md" for t in TIERS)]
        )
        landing = _front(folder / "index.md")
        assert sorted(landing) == ["category", "summary", "title"]
        assert landing["category"] == library.categories[0]
        for tier in TIERS:
            meta = _front(folder / f"{tier}.md")
            assert sorted(meta) == ["reviewed", "summary", "tier"]
            assert meta["tier"] == tier
    glossary = yaml.safe_load((tmp_path / "glossary.yml").read_text(encoding="utf-8"))
    assert len(glossary["terms"]) == 5
    bib = (tmp_path / "bib" / "refs.bib").read_text(encoding="utf-8")
    assert len(re.findall(r"^@article\{", bib, re.MULTILINE)) == 6
    forms = sorted(
        {f for t in glossary["terms"] for f in (t["term"], *t["aliases"])}, key=len, reverse=True
    )
    mention = re.compile(r" and (?:" + "|".join(map(re.escape, forms)) + r")(?=[ .\[]|$)")
    for slug in topics:
        for tier in TIERS:
            text = (tmp_path / "docs" / "topics" / slug / f"{tier}.md").read_text(encoding="utf-8")
            assert text.count("[@ref") == CITATIONS_PER_PAGE
            assert len(mention.findall(text)) == MENTIONS_PER_PAGE
    levels = yaml.safe_load(library.tiered.read_text(encoding="utf-8"))["plugins"][1]
    assert [c["slug"] for c in levels["tiered/levels"]["categories"]] == library.categories


def test_category_count() -> None:
    assert [category_count(n) for n in (3, 100, 333, 1000)] == [1, 2, 7, 20]


def test_library_builds_plain_and_tiered(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    library = write_library(tmp_path, 3)
    for config_file in (library.plain, library.tiered):
        config = load_config(config_file=str(config_file))
        config.plugins.on_startup(command="build", dirty=False)
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            build(config)
        config.plugins.on_shutdown()
    # Syllable soup reads at no tier's grade: the readability plugin says so, and
    # nothing else may complain.
    others = [
        r.getMessage()
        for r in caplog.records
        if "reads above the" not in r.getMessage()
        and "should read harder than the last" not in r.getMessage()
    ]
    assert others == []
    assert len(html_pages(tmp_path / "site-plain")) == 1 + 3 * 4
    # With categories, the levels plugin adds the Topics A-Z page and a page per category.
    categories = [f"categories/{slug}/" for slug in library.categories]
    assert sorted(generated_pages(library)) == sorted(
        ["about/reading-levels/", "glossary/", "references/", "topics/", *categories]
    )
    tier = tmp_path / "site" / "topics" / library.topics[0] / "intermediate" / "index.html"
    assert 'aria-label="Reading level"' in tier.read_text(encoding="utf-8")


def test_generated_pages_hold_each_letter_page_of_a_split_glossary(tmp_path: Path) -> None:
    library = write_library(tmp_path, 2, terms=150, refs=5)
    config = load_config(config_file=str(library.tiered))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    pages = generated_pages(library)
    site = tmp_path / "site"
    letters = sorted(f"glossary/{p.parent.name}/" for p in site.glob("glossary/*/index.html"))
    assert len(letters) > 10
    assert sorted(name for name in pages if name.startswith("glossary/")) == sorted(
        ["glossary/", *letters]
    )
    count, largest, size = page_groups(pages)["glossary/*/"]
    assert (count, size) == (len(letters), max(pages[name] for name in letters))
    assert pages[largest] == size


def test_page_groups_sum_up_the_letter_pages() -> None:
    pages = {"glossary/": 5, "glossary/a/": 10, "glossary/b/": 30, "glossary/c/": 20}
    pages |= {"references/": 7, "categories/bones/": 3}
    assert page_groups(pages) == {
        "glossary/": (1, "glossary/", 5),
        "glossary/*/": (3, "glossary/b/", 30),
        "references/": (1, "references/", 7),
        "categories/*/": (1, "categories/bones/", 3),
    }


def test_plain_overhead_adds_only_tiered_plain(tmp_path: Path) -> None:
    library = write_library(tmp_path, 2, terms=3, refs=3, categories=False)
    config = with_plain(library.tiered)
    base = yaml.safe_load(library.tiered.read_text(encoding="utf-8"))
    added = yaml.safe_load(config.read_text(encoding="utf-8"))
    at = base["plugins"].index("tiered/readability") + 1
    assert added["plugins"] == [*base["plugins"][:at], "tiered/plain", *base["plugins"][at:]]
    cfg = load_config(config_file=str(config))
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
    assert len(list((tmp_path / "site-with-plain" / "topics").rglob("*.html"))) == 2 * 4


def _plugins(config: Path) -> list[str]:
    listed = yaml.safe_load(config.read_text(encoding="utf-8"))["plugins"]
    return [p if isinstance(p, str) else next(iter(p)) for p in listed]


def test_breakdown_adds_one_plugin_to_the_navigation(tmp_path: Path) -> None:
    library = write_library(tmp_path, 2, terms=3, refs=3, categories=False)
    configs = write_configs(library.root, library.tiered, library.every)
    assert list(configs) == [
        "nav",
        "+glossary",
        "+citations",
        "+readability",
        "+preview",
        "tiered",
        "every",
    ]
    # The navigation-only build is the library benchmark's own baseline.
    assert _plugins(configs["nav"]) == _plugins(library.nav)
    for name in ("glossary", "citations", "readability", "preview"):
        assert _plugins(configs[f"+{name}"]) == ["search", "tiered/levels", f"tiered/{name}"]
    assert configs["tiered"] == library.tiered and configs["every"] == library.every
    # Each builds, into a site folder of its own.
    sites = set()
    for name in ("+glossary", "+citations", "+readability", "+preview"):
        cfg = load_config(config_file=str(configs[name]))
        cfg.plugins.on_startup(command="build", dirty=False)
        build(cfg)
        cfg.plugins.on_shutdown()
        sites.add(cfg.site_dir)
        assert len(list(Path(cfg.site_dir, "topics").rglob("*.html"))) == 2 * 4
    assert len(sites) == 4


def test_a_size_without_the_plain_build_says_so() -> None:
    run = {"seconds": 2.0, "cpu_seconds": 2.0, "peak_mib": 50.0}
    size = Size(1000, runs=[({}, run, {**run, "seconds": 3.0}, run)] * 2)
    assert not size.built(PLAIN)
    assert size.built(NAV)
    assert size.ratio(NAV) == 1.5
