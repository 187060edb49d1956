"""Real builds of a generated 60-topic library with library navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import BuildResult, SiteFactory, page, topic
from tests.html_validity import html_errors
from tests.library_site import CATEGORIES, THEMES, levels_options, library, slug_of, title_of

HOME = {"index.md": "# Home\n\nWelcome.\n"}
TIER_PAGE = f"topics/{slug_of(1)}/intermediate/index.html"  # topic 1 is in "heart"


def _tiered(warnings: list[str]) -> list[str]:
    return [w.removeprefix("tiered: ") for w in warnings if w.startswith("tiered: ")]


@pytest.fixture(scope="module", params=["mkdocs", "material"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    factory = SiteFactory(tmp_path_factory.mktemp(f"library-{request.param}"))
    return factory.build(library(60), theme=THEMES[request.param], levels=levels_options())


def _nav(result: BuildResult, path: str) -> str:
    """The site navigation of a built page (the theme's own markup around it)."""
    html = result.html(path)
    theme = result.config.theme.name
    if theme == "material":
        start = html.index('<nav class="md-nav md-nav--primary"')
        end = html.index('<div class="md-sidebar md-sidebar--secondary"')
    else:
        start = html.index('<ul class="nav navbar-nav">')
        end = html.index('<ul class="nav navbar-nav ms-md-auto">')
    return html[start:end]


def _hrefs(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"', html)


def test_a_tier_page_lists_only_the_way_up_and_its_topic(built: BuildResult) -> None:
    assert built.warnings == []
    hrefs = _hrefs(_nav(built, TIER_PAGE))
    way_up = ["../../..", "../../", "../../../categories/bones/", "../../../categories/heart/"]
    topic = ["../", "../fundamentals/", "./", "../academic/"]
    others = ["../../../categories/hormones/", "../../../categories/medicines/"]
    if built.config.theme.name == "material":
        # The logo links home; with navigation.indexes the Topics section is the A–Z
        # page, the category section its page, the topic section its landing page.
        assert hrefs == ["../../..", *way_up, *topic, *others]
    else:
        # The mkdocs theme's dropdowns: "#" opens a section (Topics, the category, the topic).
        assert hrefs == [way_up[0], "#", *way_up[1:3], "#", way_up[3], "#", *topic, *others]
    assert title_of(0) not in _nav(built, TIER_PAGE)


def test_the_navigation_does_not_grow_with_the_library(built: BuildResult, tmp_path: Path) -> None:
    theme = THEMES[str(built.config.theme.name)]
    small = SiteFactory(tmp_path).build(library(8), theme=theme, levels=levels_options())
    assert len(_nav(small, TIER_PAGE)) == len(_nav(built, TIER_PAGE))


def test_the_404_page_has_the_small_navigation_too(built: BuildResult) -> None:
    html = built.html("404.html")
    assert 'href="/topics/"' in html
    assert 'href="/categories/heart/"' in html
    for index in range(60):
        assert f">{title_of(index)}<" not in html
    assert len(html) < 20_000


@pytest.mark.parametrize(
    "path", ["topics/index.html", "categories/heart/index.html", TIER_PAGE, "404.html"]
)
def test_library_pages_are_valid_html(built: BuildResult, path: str) -> None:
    assert html_errors(built.html(path)) == []


def test_previous_and_next_stay_inside_the_reading_order(built: BuildResult) -> None:
    html = built.html(TIER_PAGE)
    if built.config.theme.name == "material":
        assert 'href="../fundamentals/" class="md-footer__link md-footer__link--prev"' in html
        assert 'href="../academic/" class="md-footer__link md-footer__link--next"' in html
    else:
        assert '<a rel="prev" href="../fundamentals/" class="nav-link">' in html
        assert '<a rel="next" href="../academic/" class="nav-link">' in html


def test_the_a_to_z_page_lists_every_topic(built: BuildResult) -> None:
    html = built.html("topics/index.html")
    assert html.count('<a class="tiered-az__title" href="') == 60 + len(CATEGORIES)
    assert html.count('<ul class="tiered-az__tiers"') == 60
    assert html.count('data-tier="academic"') == 60
    assert '<nav class="tiered-az__letters" aria-label="Topics by letter">' in html
    assert '<li><a href="#tiered-az-a">A</a></li>' in html
    assert '<h2 id="tiered-az-z">Z</h2>' in html
    assert (
        f'<a class="tiered-az__title" href="{slug_of(1)}/">{title_of(1)}</a> '
        '<span class="tiered-az__category">in <a href="../categories/heart/">Heart and vessels'
        "</a></span>\n"
        f'<p class="tiered-az__summary">What to know about {title_of(1).lower()}.</p>\n'
        f'<ul class="tiered-az__tiers" aria-label="{title_of(1)}: reading levels">'
        f'<li><a href="{slug_of(1)}/fundamentals/" data-tier="fundamentals">Fundamentals</a></li>'
    ) in html
    assert (
        '<a class="tiered-az__title" href="../categories/heart/">Heart and vessels</a> '
        '<span class="tiered-az__category">15 topics</span>\n'
        '<p class="tiered-az__summary">Blood pressure &amp; rhythm.</p>'
    ) in html
    assert "tiered-glossary" not in html


def test_a_category_page_lists_its_topics(built: BuildResult) -> None:
    html = built.html("categories/heart/index.html")
    assert "<p>Blood pressure &amp; rhythm.</p>" in html
    listed = re.findall(r'<a class="tiered-az__title" href="([^"]*)"', html)
    assert len(listed) == 15
    assert f"../../topics/{slug_of(1)}/" in listed
    assert 'class="tiered-az__category"' not in html
    assert f"../../topics/{slug_of(0)}/" not in listed  # topic 0 is in "bones"


def test_a_small_site_keeps_its_navigation(site: SiteFactory) -> None:
    result = site.build({**HOME, **topic()})
    assert not (result.site / "topics/index.html").exists()
    assert not (result.site / "categories").exists()


def test_library_always_on_a_small_site(site: SiteFactory) -> None:
    result = site.build({**HOME, **topic()}, levels={"library": "always"})
    assert result.warnings == []
    html = result.html("topics/bones/academic/index.html")
    assert '<a href="../../" class="dropdown-item">Topics A–Z</a>' in html


def test_more_topics_than_the_threshold_switch_library_on(site: SiteFactory) -> None:
    result = site.build(library(4, categories=False), levels={"library_topics": 3})
    assert result.warnings == []
    assert 'class="tiered-az__tiers"' in result.html("topics/index.html")
    assert not (result.site / "categories").exists()


def test_a_big_a_to_z_is_split_by_letter(site: SiteFactory) -> None:
    result = site.build(library(30), levels={**levels_options(), "index_split": 10})
    assert result.warnings == []
    index = result.html("topics/index.html")
    assert '<li><a href="a-z/a/">A</a></li>' in index
    assert 'class="tiered-az__tiers"' not in index
    letter = result.html("topics/a-z/b/index.html")
    assert '<li><a href="./" aria-current="page">B</a></li>' in letter
    assert '<li><a href="../a/">A</a></li>' in letter
    titles = re.findall(r'<a class="tiered-az__title" href="[^"]*">([^<]*)</a>', letter)
    assert titles == [title_of(1), title_of(27)]
    assert '<a href="./" class="dropdown-item active" aria-current="page">Topics A–Z: B</a>' in (
        letter
    )


def test_a_very_big_category_lists_titles_only(site: SiteFactory) -> None:
    result = site.build(library(30), levels={**levels_options(), "index_split": 5})
    html = result.html("categories/heart/index.html")
    titles = re.findall(r'<a class="tiered-az__title" href="[^"]*">([^<]*)</a>', html)
    assert len(titles) == 8  # topics 1, 5, 9, ... 29
    assert "tiered-az__tiers" not in html
    assert "tiered-az__summary" not in html


def test_category_mistakes_warn_and_nothing_disappears(site: SiteFactory) -> None:
    docs = {**HOME, **topic("hip"), **topic("odd"), **topic("bare")}
    docs["topics/hip/index.md"] = page("title: Hip\ncategory: bones\n", "# Hip\n")
    docs["topics/odd/index.md"] = page("title: Odd\n\ncategory: bonez\n", "# Odd\n")
    result = site.build(docs, levels={"categories": [{"slug": "bones", "title": "Bones"}]})
    assert _tiered(result.warnings) == [
        "docs/topics/bare/index.md:1: topic 'bare' has no 'category' (one of: bones): add "
        "'category:' to its front matter; until then it is listed under 'Other topics'",
        "docs/topics/odd/index.md:4: front matter field 'category': unknown category 'bonez' "
        "(expected one of: bones); the topic is listed under 'Other topics'",
    ]
    az = result.html("topics/index.html")
    assert '<a class="tiered-az__title" href="odd/">Odd</a>\n' in az
    assert '<a class="tiered-az__title" href="bare/">Bare</a>\n' in az
    odd = result.html("topics/odd/fundamentals/index.html")
    assert '<a href="#" class="dropdown-item">Other topics</a>' in odd
    assert '<a href="./" class="dropdown-item active" aria-current="page">Fundamentals</a>' in odd


def test_a_category_without_declared_categories_warns(site: SiteFactory) -> None:
    docs = {**HOME, **topic()}
    docs["topics/bones/index.md"] = page("title: Bones\ncategory: skeleton\n", "# Bones\n")
    result = site.build(docs)
    assert _tiered(result.warnings) == [
        "docs/topics/bones/index.md:3: front matter field 'category': unknown category "
        "'skeleton' (the site declares no categories: add them to the tiered/levels option "
        "'categories'); the topic is listed under 'Other topics'"
    ]


def test_strict_build_fails_on_an_unknown_category(site: SiteFactory) -> None:
    docs = {**HOME, **topic()}
    docs["topics/bones/index.md"] = page("title: Bones\ncategory: nope\n", "# Bones\n")
    with pytest.raises(Abort):
        site.build(docs, levels=levels_options(), strict=True)


def test_escaping_of_category_and_summary(site: SiteFactory) -> None:
    docs = {**HOME, **topic()}
    docs["topics/bones/index.md"] = page(
        "title: Bones & <b>joints</b>\ncategory: x\nsummary: 'A \"quoted\" <i>summary</i>'\n",
        "# Bones\n",
    )
    levels = {"categories": [{"slug": "x", "title": "<script>X</script>", "description": "<i>"}]}
    result = site.build(docs, levels=levels)
    assert result.warnings == []
    az = result.html("topics/index.html")
    assert 'in <a href="../categories/x/">&lt;script&gt;X&lt;/script&gt;</a>' in az
    assert '<p class="tiered-az__summary">A &quot;quoted&quot; &lt;i&gt;summary&lt;/i&gt;</p>' in az
    assert 'aria-label="Bones &amp; &lt;b&gt;joints&lt;/b&gt;: reading levels"' in az
    assert "<script>X" not in az


def test_a_real_file_where_the_a_to_z_goes_is_a_clean_error(
    site: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    docs = {**HOME, **topic(), "topics/index.md": "# Mine\n"}
    with pytest.raises(Abort):
        site.build(docs, levels=levels_options())
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [
        "docs/topics/index.md exists, but the Topics A–Z page is generated there: remove the "
        "file or set 'index_page' in the tiered/levels options"
    ]
