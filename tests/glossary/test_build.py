"""End-to-end ``mkdocs build`` runs with the ``tiered/glossary`` plugin."""

from __future__ import annotations

import re
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import BuildResult, SiteFactory, page, topic

GLOSSARY = """\
terms:
  - term: estrogen
    aliases: [estrogens]
    short: A hormone that protects bone.
    tiers:
      fundamentals: A body messenger.
    definition: |
      A *hormone*. It restrains osteoclasts.
    see_also: [osteoclast]
    sources: [khosla2012]
  - term: osteoclast
    aliases: [osteoclasts]
    short: A cell that breaks down bone <&>.
"""
FUNDAMENTALS = page(
    "tier: fundamentals\n",
    "# Bones\n\nEstrogen matters.\n\n## Cells\n\nOsteoclasts and estrogen.\n",
)


def _docs(glossary_file: str = GLOSSARY, **pages: str) -> dict[str, str]:
    docs = {"index.md": "# Home\n\nAbout estrogen.\n", **topic(), "glossary.yml": glossary_file}
    docs["topics/bones/fundamentals.md"] = FUNDAMENTALS
    docs.update({f"{name}.md": text for name, text in pages.items()})
    return docs


def _tiered(result: BuildResult) -> list[str]:
    return [w.removeprefix("tiered: ") for w in result.warnings if w.startswith("tiered: ")]


def _build(site: SiteFactory, docs: dict[str, str], **options: Any) -> BuildResult:
    return site.build(docs, glossary=options)


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_terms_are_linked_and_listed(site: SiteFactory, theme: str) -> None:
    result = site.build(_docs(), theme=theme, glossary={})
    assert result.warnings == []
    html = result.html("topics/bones/fundamentals/index.html")
    links = re.findall(r'<a class="tiered-glossary-term"[^>]*>[^<]*</a>', html)
    assert links == [
        '<a class="tiered-glossary-term" href="../../../glossary/#estrogen" '
        'title="A body messenger.">Estrogen</a>',
        '<a class="tiered-glossary-term" href="../../../glossary/#osteoclast" '
        'title="A cell that breaks down bone &lt;&amp;&gt;.">Osteoclasts</a>',
        '<a class="tiered-glossary-term" href="../../../glossary/#estrogen" '
        'title="A body messenger.">estrogen</a>',
    ]
    assert "assets/tiered/popover.js" in html
    assert "assets/tiered/glossary.css" in html
    # Intermediate pages get the general wording.
    home = result.html("index.html")
    assert 'title="A hormone that protects bone."' in home
    glossary = result.html("glossary/index.html")
    assert '<h3 id="estrogen">estrogen</h3>' in glossary
    assert '<p class="tiered-glossary-aliases">Also: estrogens</p>' in glossary
    assert "<p>A <em>hormone</em>. It restrains" in glossary
    assert (
        'href="#osteoclast" title="A cell that breaks down bone &lt;&amp;&gt;.">osteoclasts</a>'
        in (glossary)
    )
    assert 'See also: <a href="#osteoclast">osteoclast</a>' in glossary
    # Without the citations plugin the markup stays as the glossary wrote it, saying
    # where the key is written (the term's 'sources:' line).
    assert (
        '<span class="citation" data-cites="khosla2012" '
        'data-tiered-source="docs/glossary.yml:10">khosla2012</span>'
    ) in glossary
    assert "tiered-glossary:used-in" not in glossary
    assert not (result.site / "glossary.yml").exists()


def test_used_in_lists_pages_with_sections_and_topics_with_tiers(site: SiteFactory) -> None:
    notes = page("", "# Notes\n\n## Cells\n\nEstrogen here.\n")
    result = _build(site, _docs(notes=notes))
    glossary = result.html("glossary/index.html")
    used_in = re.findall(r'<div class="tiered-glossary-used-in">.*?</div>', glossary, re.S)
    # A page by its title and the sections that mention the term; a topic's tier pages as
    # one item: the topic (its landing page), then each tier by its initial.
    topic = (
        '<li><a href="../topics/bones/">Bones</a> (<a href="../topics/bones/fundamentals/" '
        'title="Bones (Fundamentals)">F</a>)</li>'
    )
    assert used_in == [
        '<div class="tiered-glossary-used-in">\n<p>Used in:</p>\n<ul>\n'
        '<li><a href="..">Home</a></li>\n'
        '<li><a href="../notes/">Notes</a> (<a href="../notes/#cells">Cells</a>)</li>\n'
        f"{topic}\n</ul>\n</div>",
        f'<div class="tiered-glossary-used-in">\n<p>Used in:</p>\n<ul>\n{topic}\n</ul>\n</div>',
    ]


def test_page_can_opt_out_and_force(site: SiteFactory) -> None:
    docs = _docs(notes=page("glossary: false\n", "# Notes\n\nEstrogen, [[osteoclast]].\n"))
    result = _build(site, docs)
    html = result.html("notes/index.html")
    assert re.findall(r"<p>Estrogen.*?</p>", html) == [
        '<p>Estrogen, <a class="tiered-glossary-term" href="../glossary/#osteoclast" '
        'title="A cell that breaks down bone &lt;&amp;&gt;.">osteoclast</a>.</p>'
    ]


def test_density_option(site: SiteFactory) -> None:
    result = _build(site, _docs(), density="all")
    html = result.html("topics/bones/fundamentals/index.html")
    assert html.count('class="tiered-glossary-term"') == 3
    result = _build(site, _docs(), density="first-per-page")
    html = result.html("topics/bones/fundamentals/index.html")
    assert html.count('class="tiered-glossary-term"') == 2


@pytest.mark.parametrize(
    ("glossary", "expected"),
    [
        (
            GLOSSARY + "  - term: Estrogen\n    short: Again.\n",
            "docs/glossary.yml:14: duplicate glossary term 'Estrogen' (first defined at "
            "docs/glossary.yml:2)",
        ),
        (
            GLOSSARY + "  - term: hormone\n    aliases: [osteoclast]\n    short: x\n",
            "docs/glossary.yml:15: alias 'osteoclast' of 'hormone' is itself a glossary term "
            "(docs/glossary.yml:11)",
        ),
        (
            GLOSSARY + "  - term: hormone\n    aliases: [Estrogens]\n    short: x\n",
            "docs/glossary.yml:15: alias 'Estrogens' of 'hormone' is already an alias of "
            "'estrogen' (docs/glossary.yml:3)",
        ),
        (
            GLOSSARY + "  - term: hormone\n    short: x\n    see_also: [estrogen, bones]\n",
            "docs/glossary.yml:16: see_also of 'hormone' names unknown term 'bones'",
        ),
        (
            GLOSSARY + "  - term: hormone\n    short: x\n    colour: red\n",
            "docs/glossary.yml:16: glossary entry has unknown field 'colour' (expected: term, "
            "aliases, case_sensitive, short, definition, tiers, see_also, sources, link, inflect)",
        ),
        (
            GLOSSARY + "  - term: hormone\n    definition: A messenger.\n",
            "docs/glossary.yml:14: glossary term 'hormone' needs 'short'",
        ),
        (
            GLOSSARY + "  - term: hormone\n    short: x\n    aliases: hormones\n",
            "docs/glossary.yml:16: glossary term 'hormone': 'aliases' must be a list of text",
        ),
        (
            GLOSSARY + "  - term: hormone\n    short: x\n    tiers: {basic: y}\n",
            "docs/glossary.yml:16: glossary term 'hormone': unknown tier 'basic' in 'tiers' "
            "(expected one of: fundamentals, intermediate, academic)",
        ),
        (
            GLOSSARY + "  - term: hormone\n    short: x\n    link: sometimes\n",
            "docs/glossary.yml:16: glossary term 'hormone': 'link' must be true or false",
        ),
        (
            GLOSSARY + "  - short: no name\n",
            "docs/glossary.yml:14: glossary entry needs 'term': the term's display name",
        ),
        (
            GLOSSARY + "  - just text\n",
            "docs/glossary.yml:14: glossary entry must be a mapping of fields, not text",
        ),
    ],
)
def test_glossary_mistakes_warn_with_file_and_line(
    site: SiteFactory, glossary: str, expected: str
) -> None:
    result = _build(site, _docs(glossary), warn_unused=False)
    assert _tiered(result) == [expected]
    # The good entries still work.
    assert 'href="glossary/#estrogen"' in result.html("index.html")


def test_unknown_forced_term_names_page_line_and_column(site: SiteFactory) -> None:
    docs = _docs(notes=page("title: N\n", "# Notes\n\nSome [[estrogen]] and\nthen [[bones]].\n"))
    result = _build(site, docs)
    assert _tiered(result) == ["docs/notes.md:8:6: [[bones]] names no glossary term or alias"]
    assert "then bones." in result.html("notes/index.html")


def test_unused_terms_are_reported_unless_switched_off(site: SiteFactory) -> None:
    glossary = GLOSSARY + "  - term: calcium\n    short: A mineral.\n"
    glossary += "  - term: health\n    short: Generic.\n    link: false\n"
    result = _build(site, _docs(glossary))
    assert _tiered(result) == [
        "docs/glossary.yml:14: glossary term 'calcium' is not used on any page"
    ]
    assert _tiered(_build(site, _docs(glossary), warn_unused=False)) == []


def test_bad_glossary_front_matter(site: SiteFactory) -> None:
    docs = _docs(notes=page("title: N\nglossary: maybe\n", "# Notes\n\nEstrogen.\n"))
    result = _build(site, docs)
    assert _tiered(result) == [
        "docs/notes.md:3: front matter field 'glossary' must be true or false"
    ]


def test_strict_build_fails_on_a_glossary_mistake(site: SiteFactory) -> None:
    docs = _docs(GLOSSARY + "  - term: estrogen\n    short: Again.\n")
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode"):
        site.build(docs, glossary={"warn_unused": False}, strict=True)


@pytest.mark.parametrize(
    ("glossary", "message"),
    [
        (
            "terms:\n  - term: a\n    short: [unclosed\n",
            "docs/glossary.yml:4:1: the glossary is not valid YAML: did not find expected ',' "
            "or ']' (while parsing a flow sequence that starts at line 3)",
        ),
        ("- a\n- b\n", "docs/glossary.yml:1: the glossary must be a mapping with a 'terms:' list"),
        (
            None,
            "docs/glossary.yml: glossary file not found (set 'file' in the tiered/glossary "
            "options)",
        ),
    ],
)
def test_unusable_glossary_stops_the_build_cleanly(
    site: SiteFactory, caplog: pytest.LogCaptureFixture, glossary: str | None, message: str
) -> None:
    docs = _docs(glossary or "")
    if glossary is None:
        del docs["glossary.yml"]
    with pytest.raises(Abort, match="Aborted with a BuildError!"):
        # Named explicitly: an unset 'file' that does not exist is optional (test_optional_parts).
        _build(site, docs, file="docs/glossary.yml")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [message]


def test_existing_page_at_the_glossary_path(
    site: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        _build(site, _docs(glossary="# Mine\n"))
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [
        "docs/glossary.md exists, but the glossary page is generated there: remove the file "
        "or set 'page_path' in the tiered/glossary options"
    ]


def test_custom_page_path_and_title(site: SiteFactory) -> None:
    result = _build(site, _docs(), page_path="reference/terms.md", page_title="Word list")
    html = result.html("reference/terms/index.html")
    assert re.findall(r"<h1[^>]*>.*?</h1>", html) == ['<h1 id="word-list">Word list</h1>']
    assert re.findall(r"<title>.*?</title>", html) == ["<title>Word list - Test site</title>"]
    fundamentals = result.html("topics/bones/fundamentals/index.html")
    assert 'href="../../../reference/terms/#estrogen"' in fundamentals


def test_disabled_plugin(site: SiteFactory) -> None:
    result = _build(site, _docs(), enabled=False)
    assert "tiered-glossary-term" not in result.html("index.html")
    assert not (result.site / "glossary").exists()


def test_material_tooltips_feature_is_flagged(site: SiteFactory) -> None:
    theme = {"name": "material", "font": False, "features": ["content.tooltips"]}
    result = site.build(_docs(), theme=theme, glossary={})
    assert result.warnings == [
        "tiered: theme feature 'content.tooltips' takes the titles of glossary links before "
        "the popover script can turn them into popovers: remove it from theme.features"
    ]


def test_definitions_render_alone_when_one_swallows_the_next(site: SiteFactory) -> None:
    glossary = GLOSSARY.replace(
        "      A *hormone*. It restrains osteoclasts.\n",
        "      A *hormone*. It restrains osteoclasts.\n\n      <div>unclosed raw HTML\n",
    )
    result = _build(site, _docs(glossary))
    page = result.html("glossary/index.html")
    # Raw HTML in the glossary file is text (it is data), so it swallows nothing.
    assert "<p>&lt;div&gt;unclosed raw HTML</p>" in page
    osteoclast = page[page.index('<h3 id="osteoclast">') :]
    assert "<p>A cell that breaks down bone &lt;&amp;&gt;.</p>" in osteoclast
    # Each definition links other terms but never its own.
    estrogen = page[page.index('<h3 id="estrogen">') : page.index('<h3 id="osteoclast">')]
    assert 'href="#osteoclast"' in estrogen
    assert 'href="#estrogen" title' not in estrogen
