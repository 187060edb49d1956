"""Hostile input to the citations: no traceback, no hang, nothing written outside site/."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import Abort
from tiered.citations import page_list
from tiered.citations.bibliography import load_bibliography
from tiered.citations.markdown import CitationsExtension
from tiered.common.diagnostics import Diagnostic

from tests.conftest import BuildResult, SiteFactory

BIB = {"refs.bib": "@article{k, author={Perez, Ana}, title={Bones}, journal={J}, year={2020}}\n"}
NO_LEVELS = {"enabled": False}


def _tiered(result: BuildResult) -> list[str]:
    return [w.removeprefix("tiered: ") for w in result.warnings if w.startswith("tiered: ")]


def _body(html: str) -> str:
    """The article's content in the mkdocs theme."""
    main = '<div class="col-md-9" role="main">'
    start = html.index(main) + len(main)
    return html[start : html.index("</div>\n            </div>", start)].strip()


# -- markers and internal markup that page text cannot forge ------------------------------


def test_page_text_with_the_plugins_markers_is_left_as_written(site: SiteFactory) -> None:
    # The markers the plugin used before they held a per-build token, each a block.
    forged = "".join(
        f"{marker}\n\n"
        for marker in (
            "<!--tiered-cite:0-->",
            "<!--tiered-entry:0-->",
            "<!-- tiered-citations:references -->",
            "<!-- tiered-citations:bibliography -->",
            "<!--tiered-cite:99-->",
        )
    )
    raw = '<span class="citation" data-cites="k" data-tiered-citation="99">copied</span>'
    text = f"# Home\n\n{forged}Text [@k].\n\nInline {raw} here.\n"
    result = site.build({"index.md": text}, citations={}, bib=BIB, levels=NO_LEVELS)
    assert _tiered(result) == []
    assert _body(result.html("index.html")) == (
        '<h1 id="home">Home</h1>\n'
        f"{forged}"
        '<p>Text<span class="citation" data-cites="k" id="cite-0"><sup>'
        '<a href="#ref-k" class="tiered-citation-link">1</a></sup></span>.</p>\n'
        '<p>Inline <span class="citation" data-cites="k" data-tiered-citation-raw="99">copied'
        "</span> here.</p>"
        '<section class="references" aria-labelledby="tiered-references">\n'
        '<h2 id="tiered-references">References</h2>\n'
        '<ol class="references__list">\n'
        '<li id="ref-k" value="1">Perez A. Bones. <i>J</i>. Published online 2020. '
        '<a class="references__back" href="#cite-0" aria-label="Back to citation 1">'
        "&#8617;</a></li>\n"
        "</ol>\n"
        "</section>"
    )


def test_the_plugins_markers_never_reach_the_site(site: SiteFactory) -> None:
    docs = {"index.md": "# Home\n\nText [@k].\n", "other.md": "# Other\n\nMore @k.\n"}
    plugins = ["search", {"tiered/levels": NO_LEVELS}, {"tiered/citations": {}}]
    result = site.build(docs, bib=BIB, plugins=plugins)
    for path in ("index.html", "other/index.html", "references/index.html"):
        assert "<!--tiered-" not in result.html(path), path
    assert "tiered-" not in result.html("search/search_index.json").replace(
        "tiered-citation-link", ""
    )


# -- raw HTML links -----------------------------------------------------------------------


def test_no_citation_inside_an_authors_raw_link(site: SiteFactory) -> None:
    text = '# Home\n\n<a href="https://example.org/">as [@k] and @k showed</a>, then [@k].\n'
    result = site.build({"index.md": text}, citations={}, bib=BIB, levels=NO_LEVELS)
    body = _body(result.html("index.html"))
    paragraph = body[body.index("<p>") : body.index("</p>") + 4]
    # The link's text stays as written; the citation after the link is one.
    assert paragraph == (
        '<p><a href="https://example.org/">as [@k] and @k showed</a>, then'
        '<span class="citation" data-cites="k" id="cite-0"><sup>'
        '<a href="#ref-k" class="tiered-citation-link">1</a></sup></span>.</p>'
    )


# -- hangs: every hostile pattern is linear ------------------------------------------------

HOSTILE: dict[str, Callable[[int], str]] = {
    "unclosed bracket, many @": lambda n: "[see " + "@" * n,
    "unclosed bracket, many -@": lambda n: "[see " + "-@" * (n // 2),
    "unclosed bracket, many @ and spaces": lambda n: "[see " + "@ " * (n // 2),
    "suffix of stars": lambda n: "[@k, p. 3 " + "*" * n + "]",
    "suffix of unpaired emphasis": lambda n: "[@k, " + "*a " * (n // 3) + "]",
    "many @ alone": lambda n: "@" * n,
    "key punctuation": lambda n: "@k" + ":" * n,
    "braced keys, unclosed": lambda n: "[" + "@{a" * (n // 3),
}


def _render(source: str) -> str:
    """Both phases, as a build runs them, on one page."""
    extension = CitationsExtension()
    html = markdown.Markdown(extensions=[extension]).convert(source)
    entries = {"k": {"id": "k", "type": "book", "title": "T"}}
    resolved = page_list.resolve_page(
        html, extension.citations, entries, heading="R", format_entry=str
    )
    return resolved.page


def _seconds(source: str) -> float:
    """The best of five runs, in this process's CPU time (the machine is shared)."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        _render(source)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_takes_linear_time(name: str) -> None:
    make = HOSTILE[name]
    small, large = _seconds(make(16_000)), _seconds(make(128_000))
    # Eight times the text: linear is about 8, quadratic 64.
    assert large / max(small, 1e-3) < 16, (small, large)


def test_50_kb_of_each_hostile_pattern_builds(site: SiteFactory) -> None:
    docs = {f"p{i}.md": f"# P\n\n{HOSTILE[n](50_000)}\n" for i, n in enumerate(sorted(HOSTILE))}
    result = site.build({"index.md": "# H\n", **docs}, citations={}, bib=BIB, levels=NO_LEVELS)
    assert _tiered(result) == []
    for i, name in enumerate(sorted(HOSTILE)):
        html = result.html(f"p{i}/index.html")
        assert len(html) > 50_000, name


# -- output paths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/tmp/refs.md", "'/tmp/refs.md' is absolute; give a path relative to the site folder"),
        ("../refs.md", "'../refs.md' leads outside the site folder; give a path inside it"),
        ("refs.html", "'refs.html' must end with '.md'"),
    ],
)
def test_page_path_outside_the_site_is_refused(
    site: SiteFactory, caplog: pytest.LogCaptureFixture, value: str, message: str
) -> None:
    with pytest.raises(Abort), caplog.at_level(logging.ERROR):
        site.build({"index.md": "# H\n"}, citations={"page_path": value}, bib=BIB)
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "Config value 'plugins': Plugin 'tiered/citations' option 'page_path': "
        f"{message} such as 'references.md'"
    ]
    assert not Path(value).is_absolute() or not Path(value).exists()


# -- BibTeX that is wrong in every way ------------------------------------------------------


def _diagnostics(text: str) -> list[str]:
    return [str(d) for d in load_bibliography([("bib/x.bib", text)]).diagnostics]


ARTICLE = "author={A, B}, title={T}, journal={J}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"@article{{a, {ARTICLE}, year={{²⁰²⁰}}}}\n",
            "bib/x.bib:1: a: year '²⁰²⁰' is not a year: write it in the digits 0-9, as 2020",
        ),
        (
            f"@article{{a, {ARTICLE}, year={{circa 2020}}}}\n",
            "bib/x.bib:1: a: year 'circa 2020' is not a year: write it in the digits 0-9, as 2020",
        ),
        (
            f"@article{{a, {ARTICLE}, date={{2020-1x}}}}\n",
            "bib/x.bib:1: a: date '2020-1x' is not a date: write it as YYYY-MM-DD, as 2024-05-01",
        ),
        (
            "@online{a, title={T}, url={https://x.org},\n  urldate={2024-02-30}}\n",
            "bib/x.bib:1: a: urldate '2024-02-30' is not a date: write it as YYYY-MM-DD, "
            "as 2024-05-01",
        ),
        (
            "@online{a, title={T}, url={https://x.org}, urldate={yesterday}}\n",
            "bib/x.bib:1: a: urldate 'yesterday' is not a date: write it as YYYY-MM-DD, "
            "as 2024-05-01",
        ),
        (
            "\n@incollection{a, author={A, B}, title={T}, crossref={book}, year={2020}}\n",
            "bib/x.bib:2: a: crossref 'book' is not an entry of this file: add it or remove the "
            "crossref field",
        ),
        (
            f"@article{{a, {ARTICLE.replace('{J}', 'jbmr')}, year={{2020}}}}\n",
            "bib/x.bib:1: a: field 'journal' names the @string macro 'jbmr', which is not "
            "defined: add @string{jbmr = {...}} or write the value in braces",
        ),
        (
            f"@article{{, {ARTICLE}, year={{2020}}}}\n",
            "bib/x.bib:1: @article entry without a key: write one after the brace, as in "
            "@article{smith2020, ...}",
        ),
        (
            "@article{a, title={" + "{" * 10_000 + "x" + "}" * 10_000 + "}}\n",
            "bib/x.bib:1: broken BibTeX entry: braces nested too deeply: remove the extra { and }",
        ),
    ],
)
def test_bad_entries_are_reported(text: str, expected: str) -> None:
    assert _diagnostics(text)[:1] == [expected]


def test_a_field_macro_is_reported_at_its_line() -> None:
    text = "@article{a,\n  author={A, B},\n  title={T},\n  journal=jbmr,\n  year=2020}\n"
    assert _diagnostics(text) == [
        "bib/x.bib:4: a: field 'journal' names the @string macro 'jbmr', which is not defined: "
        "add @string{jbmr = {...}} or write the value in braces"
    ]
    # Defined macros, bare numbers and BibTeX's month names are fine.
    defined = "@string{jbmr = {J Bone Miner Res}}\n" + text.replace(
        "year=2020", "year=2020, month=jan"
    )
    assert _diagnostics(defined) == []


def test_a_crossref_cycle_is_reported_and_followed_no_further() -> None:
    text = (
        "@incollection{a, author={A, B}, title={T}, crossref={b}, year={2020}}\n"
        "@book{b, title={Book}, crossref={a}, publisher={P}, year={2020}}\n"
    )
    bibliography = load_bibliography([("bib/x.bib", text)])
    assert bibliography.diagnostics == [
        Diagnostic(
            "bib/x.bib", 1, "a: crossref cycle (a -> b -> a): remove one of these crossref fields"
        ),
        Diagnostic(
            "bib/x.bib", 2, "b: crossref cycle (b -> a -> b): remove one of these crossref fields"
        ),
    ]
    assert bibliography.entries["a"].csl["container-title"] == "Book"


def test_a_crossref_chain_fills_in_from_every_parent() -> None:
    text = (
        "@incollection{a, author={A, B}, title={Chapter}, crossref={b}}\n"
        "@book{b, title={Book}, crossref={c}}\n"
        "@book{c, editor={E, F}, title={Series}, publisher={P}, year={2021}}\n"
    )
    bibliography = load_bibliography([("bib/x.bib", text)])
    assert bibliography.diagnostics == []
    csl = bibliography.entries["a"].csl
    assert (csl["container-title"], csl["publisher"], csl["issued"]) == (
        "Book",
        "P",
        {"date-parts": [[2021]]},
    )


def test_impossible_dates_are_left_out() -> None:
    text = "@online{a, title={T}, url={https://x.org}, urldate={2024-02-30}}\n"
    assert "accessed" not in load_bibliography([("bib/x.bib", text)]).entries["a"].csl


# -- .bib files that are not what they should be ----------------------------------------------


def test_a_bib_file_that_is_not_utf8_names_its_line(site: SiteFactory) -> None:
    (site.root / "bib").mkdir()
    data = "@article{k, author={Perez, Ana},\n  title={Caf\xe9}, journal={J}, year={2020}}\n"
    (site.root / "bib" / "refs.bib").write_bytes(data.encode("latin-1"))
    result = site.build({"index.md": "# H\n\n[@k]\n"}, citations={}, levels=NO_LEVELS)
    assert _tiered(result) == ["bib/refs.bib:2:13: not UTF-8 (byte 0xe9): save the file as UTF-8"]
    assert "Caf&#65533;" in result.html("index.html")  # the rest of the file still counts


def test_a_folder_named_like_a_bib_file_and_an_empty_file(site: SiteFactory) -> None:
    (site.root / "bib" / "old.bib").mkdir(parents=True)
    bib = {**BIB, "empty.bib": ""}
    result = site.build({"index.md": "# H\n\n[@k]\n"}, citations={}, bib=bib, levels=NO_LEVELS)
    assert _tiered(result) == [
        "bib/old.bib: not a file, so not read: rename it or move it out of bib/"
    ]


def test_odd_unicode_keys(site: SiteFactory) -> None:
    bib = {
        "refs.bib": (
            "@article{Müller2020, author={Müller, A}, title={T}, journal={J}, year={2020}}\n"
            "@article{研究2021, author={Li, B}, title={U}, journal={J}, year={2021}}\n"
            "@article{a:b.c, author={C, D}, title={V}, journal={J}, year={2022}}\n"
        )
    }
    text = "# H\n\nOne [@Müller2020; @研究2021], two @{a:b.c}, and [@ghost²].\n"
    result = site.build({"index.md": text}, citations={}, bib=bib, levels=NO_LEVELS)
    assert _tiered(result) == [
        "docs/index.md:3:48: unknown citation key 'ghost²' (not in bib/*.bib)"
    ]
    html = result.html("index.html")
    assert html.isascii()
    assert '<li id="ref-M&#252;ller2020" value="1">' in html
    assert '<li id="ref-&#30740;&#31350;2021" value="2">' in html
    assert '<li id="ref-a-b-c" value="3">' in html
