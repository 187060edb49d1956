"""End-to-end ``mkdocs build`` runs with ``tiered/citations`` (and the other plugins)."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from tiered.citations.formatting import WORKER_THRESHOLD

from tests.conftest import BuildResult, SiteFactory, page, topic

FIXTURES = Path(__file__).parent / "fixtures"
BIB = {"a.bib": (FIXTURES / "a.bib").read_text(encoding="utf-8")}
GLOSSARY = "terms:\n  - term: RANKL\n    short: A signal.\n  - term: bone loss\n    short: Loss.\n"


# What the fixture a.bib's own mistakes give, in every build that reads it.
A_BIB_WARNINGS = [
    "bib/a.bib:25: broken BibTeX entry: Unexpected block start: `@online`. "
    "Was still looking for field-value closing `,` or `}`",
    "bib/a.bib:39: @article{nojournal2010} is missing 'journal' or 'journaltitle'",
    "bib/a.bib:39: nojournal2010: malformed DOI 'not-a-doi' (a DOI starts with 10. and a slash)",
]


def _spans(html: str) -> list[str]:
    """Every citation the page shows, as HTML (a missing one holds a span of its own)."""
    return re.findall(r'<span class="citation[" ].*?</span>(?:</span>)?', html)


def _tiered(result: BuildResult) -> list[str]:
    return [w.removeprefix("tiered: ") for w in result.warnings if w.startswith("tiered: ")]


def test_citations_numbers_and_reference_list(site: SiteFactory) -> None:
    docs = {"index.md": "# Home\n\nBone loss [@muller2020; @elocator2017], see @muller2020.\n"}
    result = site.build(docs, citations={}, bib=BIB, levels={"enabled": False})
    html = result.html("index.html")
    citation = re.search(
        r'<span class="citation" data-cites="muller2020 elocator2017".*?</span>', html
    )
    assert citation is not None
    assert citation.group(0) == (
        '<span class="citation" data-cites="muller2020 elocator2017" id="cite-0"><sup>'
        '<a href="#ref-muller2020" class="tiered-citation-link">1</a>,'
        '<a href="#ref-elocator2017" class="tiered-citation-link">2</a></sup></span>'
    )
    assert "assets/tiered/popover.js" in html
    # Non-ASCII goes in as character references: an ASCII page stays an ASCII string.
    assert '<li id="ref-muller2020" value="1">M&#252;ller J, van der Berg J Jr' in html
    assert html.isascii()
    assert "assets/tiered/citations.css" in html
    # The BibTeX fixture's own mistakes are reported with their places.
    assert _tiered(result) == [
        "bib/a.bib:25: broken BibTeX entry: Unexpected block start: `@online`. "
        "Was still looking for field-value closing `,` or `}`",
        "bib/a.bib:39: @article{nojournal2010} is missing 'journal' or 'journaltitle'",
        "bib/a.bib:39: nojournal2010: malformed DOI 'not-a-doi' "
        "(a DOI starts with 10. and a slash)",
    ]


def test_unknown_key_warns_with_the_line_the_author_sees(site: SiteFactory) -> None:
    text = page("title: Notes\n", "# Notes\n\nFine [@muller2020].\n\nBut [see @nobody, p. 3].\n")
    bib = {"refs.bib": "@article{muller2020, author={M, A}, title={T}, journal={J}, year={2020}}\n"}
    result = site.build({"notes.md": text}, citations={}, bib=bib, levels={"enabled": False})
    # Front matter counts: the citation is on line 9 of the file.
    assert _tiered(result) == [
        "docs/notes.md:9:10: unknown citation key 'nobody' (not in bib/*.bib)"
    ]
    # The author's text stays, marked: nothing is deleted.
    assert _spans(result.html("notes/index.html"))[1] == (
        '<span class="citation citation--missing" data-cites="nobody" id="cite-1">'
        '[see @nobody, p. 3] <span class="citation__missing">[missing reference: nobody]'
        "</span></span>"
    )


def test_duplicate_keys_across_files_name_both_places(site: SiteFactory) -> None:
    bib = {**BIB, "b.bib": (FIXTURES / "b.bib").read_text(encoding="utf-8")}
    result = site.build({"index.md": "# Home\n"}, citations={}, bib=bib, levels={"enabled": False})
    assert _tiered(result) == [
        *A_BIB_WARNINGS,
        "bib/b.bib:1: duplicate bibliography key 'muller2020' (also at bib/a.bib:3)",
    ]


def test_strict_build_fails_on_an_unknown_key(site: SiteFactory) -> None:
    bib = {"refs.bib": "@article{x, author={M, A}, title={T}, journal={J}, year={2020}}\n"}
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode"):
        site.build(
            {"index.md": "# H\n\n[@y]\n"},
            citations={},
            bib=bib,
            levels={"enabled": False},
            strict=True,
        )


def test_missing_bib_folder_stops_cleanly(
    site: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort), caplog.at_level(logging.ERROR):
        # Named explicitly: an unset bib_dir that does not exist is optional.
        site.build({"index.md": "# H\n"}, citations={"bib_dir": "bib"}, levels={"enabled": False})
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "bib: no such folder for BibTeX files (set 'bib_dir' in the tiered/citations options)"
    ]


def test_glossary_never_links_inside_citations_or_references(site: SiteFactory) -> None:
    bib = {
        "refs.bib": "@article{k, author={M, A}, title={Bone loss and RANKL}, journal={J},"
        " year={2020}}\n"
    }
    docs = {
        "index.md": "# Home\n\nBone loss matters [@k, p. 2 and RANKL].\n",
        "glossary.yml": GLOSSARY,
    }
    result = site.build(docs, citations={}, glossary={}, bib=bib, levels={"enabled": False})
    html = result.html("index.html")
    references = html[html.index('<section class="references"') :]
    assert "tiered-glossary-term" not in references
    citation = re.search(r'<span class="citation".*?</sup>[^<]*</span>', html)
    assert citation is not None and "tiered-glossary-term" not in citation.group(0)
    assert html.count('class="tiered-glossary-term"') == 1  # "Bone loss" in the prose


def test_references_come_before_the_step_links(site: SiteFactory) -> None:
    docs = topic()
    docs["index.md"] = "# Home\n"
    docs["topics/bones/fundamentals.md"] = page("tier: fundamentals\n", "# B\n\nText [@k].\n")
    bib = {"refs.bib": "@article{k, author={M, A}, title={T}, journal={J}, year={2020}}\n"}
    result = site.build(docs, citations={}, bib=bib)
    html = result.html("topics/bones/fundamentals/index.html")
    assert html.index('<section class="references"') < html.index('<nav class="tiered-stepper"')


def test_site_bibliography_lists_entries_with_cited_in(site: SiteFactory) -> None:
    bib = {
        "refs.bib": "@article{zed, author={Zed, A}, title={Z}, journal={J}, year={2020}}\n"
        "@article{abe, author={Abe, B}, title={A}, journal={J}, year={2019}}\n"
        "@article{never, author={Never, C}, title={N}, journal={J}, year={2018}}\n"
    }
    docs = {
        "index.md": "# Home\n\nFirst [@zed].\n\n## Later\n\nAgain [@zed; @abe].\n",
        "notes.md": page("nocite: [never]\n", "# Notes\n\nAlso [@abe].\n"),
    }
    result = site.build(docs, citations={"warn_uncited": True}, bib=bib, levels={"enabled": False})
    assert _tiered(result) == []  # "never" is listed on a page through nocite
    listing = result.html("references/index.html")
    assert listing.index('id="ref-abe"') < listing.index('id="ref-zed"')
    assert (
        '<span class="references__cited-in">Cited in: <a href="..#cite-1">Home</a>, '
        '<a href="../notes/#cite-0">Notes</a></span>'
    ) in listing
    assert 'id="ref-never"' not in listing  # listed on its page, never cited
    notes = result.html("notes/index.html")
    assert '<li id="ref-never" value="2">' in notes


def test_uncited_entries_can_be_reported(site: SiteFactory) -> None:
    bib = {"refs.bib": "@article{lonely, author={L, A}, title={T}, journal={J}, year={2020}}\n"}
    result = site.build(
        {"index.md": "# H\n"}, citations={"warn_uncited": True}, bib=bib, levels={"enabled": False}
    )
    assert _tiered(result) == ["bib/refs.bib:1: 'lonely' is never cited"]


def test_cite_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tiered.cli import main  # noqa: PLC0415 - the command line, not the plugin

    (tmp_path / "docs").mkdir()
    (tmp_path / "bib").mkdir()
    (tmp_path / "docs/index.md").write_text("# H\n\nSee [@nobody].\n", encoding="utf-8")
    (tmp_path / "bib/a.bib").write_text(BIB["a.bib"], encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - tiered/citations\n", encoding="utf-8"
    )
    assert main(["cite", "check", "-f", str(tmp_path / "mkdocs.yml")]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "bib/a.bib:25: warning: broken BibTeX entry: Unexpected block start: `@online`. "
        "Was still looking for field-value closing `,` or `}`",
        "bib/a.bib:39: warning: @article{nojournal2010} is missing 'journal' or 'journaltitle'",
        "bib/a.bib:39: warning: nojournal2010: malformed DOI 'not-a-doi' "
        "(a DOI starts with 10. and a slash)",
        "docs/index.md:3:6: warning: unknown citation key 'nobody' (not in bib/*.bib)",
    ]
    assert err.strip() == "4 problems found"


def test_glossary_sources_resolve_through_the_documented_markup(site: SiteFactory) -> None:
    glossary = "terms:\n  - term: bone\n    short: Tissue.\n    sources: [muller2020, ghost2000]\n"
    docs = {"index.md": "# Home\n\nBone.\n", "glossary.yml": glossary}
    result = site.build(docs, citations={}, glossary={}, bib=BIB, levels={"enabled": False})
    page = result.html("glossary/index.html")
    assert (
        'Sources: <span class="citation" data-cites="muller2020"><a class="tiered-citation-link" '
        'href="../references/#ref-muller2020" title="Müller J, van der Berg J Jr'
    ) in page
    assert ">Müller et al, 2020</a></span>" in page
    assert '<span class="citation" data-cites="ghost2000">ghost2000</span>' in page
    assert "data-tiered-source" not in page
    # The markup says where the keys are written: the warning names the glossary file's
    # 'sources:' line, not the generated page.
    assert _tiered(result)[-1] == (
        "docs/glossary.yml:4: unknown citation key 'ghost2000' (not in bib/*.bib)"
    )
    assert _tiered(result)[:-1] == A_BIB_WARNINGS
    references = result.html("references/index.html")
    assert 'Cited in: <a href="../glossary/">Glossary</a>' in references


def test_refs_marker_places_the_list(site: SiteFactory) -> None:
    text = "# H\n\nText [@muller2020].\n\n## Sources\n\n::: {#refs}\n:::\n\n## Afterword\n\nEnd.\n"
    result = site.build({"index.md": text}, citations={}, bib=BIB, levels={"enabled": False})
    html = result.html("index.html")
    assert html.index('id="sources"') < html.index('<section class="references"')
    assert html.index('<section class="references"') < html.index('id="afterword"')
    assert html.count('<section class="references"') == 1
    assert "::: {#refs}" not in html


def test_vancouver_style(site: SiteFactory) -> None:
    text = "# H\n\nText [@muller2020, p. 4].\n"
    result = site.build(
        {"index.md": text}, citations={"style": "vancouver"}, bib=BIB, levels={"enabled": False}
    )
    html = result.html("index.html")
    assert _spans(html) == [
        '<span class="citation" data-cites="muller2020" id="cite-0">'
        '[<a href="#ref-muller2020" class="tiered-citation-link">1 p. 4</a>]</span>'
    ]
    assert re.findall(r'<li id="ref-muller2020".*?</li>', html) == [
        '<li id="ref-muller2020" value="1">M&#252;ller J, van der Berg J Jr, World Health '
        "Organization. Bone loss in RANKL models. Journal of Bone and Mineral Research. 2020 "
        'Jan;35(2):1&#8211;10. doi:<a href="https://doi.org/10.1002/jbmr.1234">10.1002/jbmr.1234'
        '</a> PubMed PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/31234567/">31234567</a>. '
        '<a class="references__back" href="#cite-0" aria-label="Back to citation 1">'
        "&#8617;</a></li>"
    ]


def test_apa_style_suffixes_hold_across_pages(site: SiteFactory) -> None:
    bib = {
        "refs.bib": (
            "@article{late, author={Smith, Jane}, title={Zebra}, journal={J}, year={2020}}\n"
            "@article{early, author={Smith, Jane}, title={Aardvark}, journal={J}, year={2020}}\n"
        )
    }
    docs = {
        "one.md": "# One\n\nOnly the zebra [@late].\n",
        "two.md": "# Two\n\nAs @early [p. 4] found.\n",
    }
    result = site.build(docs, citations={"style": "apa"}, bib=bib, levels={"enabled": False})
    assert _tiered(result) == []
    one, two = result.html("one/index.html"), result.html("two/index.html")
    # "Zebra" is 2020b on every page, though page one cites no other 2020 work.
    assert _spans(one) == [
        '<span class="citation" data-cites="late" id="cite-0">(<a href="#ref-late" '
        'class="tiered-citation-link">Smith, 2020b</a>)</span>'
    ]
    assert _spans(two) == [
        '<span class="citation" data-cites="early" id="cite-0">Smith (<a '
        'href="#ref-early" class="tiered-citation-link">2020a</a>, p. 4)</span>'
    ]
    assert re.findall(r'<ul class="references__list.*?</ul>', one, re.DOTALL) == [
        '<ul class="references__list references__list--author-date">\n'
        '<li id="ref-late">Smith, J. (2020b). Zebra. <i>J</i>. <a class="references__back" '
        'href="#cite-0" aria-label="Back to citation 1">&#8617;</a></li>\n</ul>'
    ]
    references = result.html("references/index.html")
    assert references.index("(2020a). Aardvark") < references.index("(2020b). Zebra")


def test_search_indexes_the_words_not_the_citation_numbers(site: SiteFactory) -> None:
    docs = {"index.md": "# Home\n\nBone loss is common [@muller2020; @elocator2017].\n"}
    plugins = ["search", {"tiered/levels": {"enabled": False}}, {"tiered/citations": {}}]
    result = site.build(docs, bib=BIB, plugins=plugins)
    index = result.html("search/search_index.json")
    assert "Bone loss is common" in index
    assert "tiered-citation-link" not in index
    assert "<!--tiered-" not in index
    html = result.html("index.html")
    assert _spans(html) == [
        '<span class="citation" data-cites="muller2020 elocator2017" id="cite-0"><sup>'
        '<a href="#ref-muller2020" class="tiered-citation-link">1</a>,'
        '<a href="#ref-elocator2017" class="tiered-citation-link">2</a></sup></span>'
    ]
    assert "<!--tiered-" not in html
    # The references page is where entries are found by search; its "Cited in" page
    # titles are navigation, not sources.
    assert "Bone loss in RANKL models" in index
    assert "Cited in" not in index
    assert "Cited in: <a" in result.html("references/index.html")


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="no worker on one core")
def test_the_build_process_leaves_citeproc_to_the_worker(site: SiteFactory) -> None:
    # citeproc-py and lxml (9 MiB) load only in the worker process that formats entries
    # (a bibliography of WORKER_THRESHOLD entries or more, on more than one core).
    entries = "".join(
        f"@article{{k{n},\n  author = {{Doe, Jane}},\n  title = {{Study {n}}},\n"
        f"  journal = {{Bone}},\n  year = {{2020}}\n}}\n"
        for n in range(WORKER_THRESHOLD)
    )
    docs = {"index.md": "# Home\n\nBone loss [@k0; @k7], see @k9.\n"}
    site.build(docs, citations={}, bib={"refs.bib": entries}, levels={"enabled": False})
    script = (
        "import sys; from mkdocs.commands.build import build; "
        "from mkdocs.config import load_config; "
        f"build(load_config(config_file={str(site.root / 'mkdocs.yml')!r})); "
        "print(sorted(m for m in ('citeproc', 'lxml') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
