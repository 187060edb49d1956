"""Golden Markdown -> HTML fixtures for citations in AMA style (both phases)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from tiered.citations import page_list
from tiered.citations.authordate import year_suffixes
from tiered.citations.bibliography import load_bibliography
from tiered.citations.labels import collapse
from tiered.citations.markdown import CitationsExtension
from tiered.citations.styles import format_entry, minimal_range

FIXTURES = Path(__file__).parent / "fixtures"
BIBLIOGRAPHY = load_bibliography(
    (f"bib/{p.name}", p.read_text(encoding="utf-8"))
    for p in (FIXTURES / "a.bib", FIXTURES / "ama" / "refs.bib")
)
ENTRIES = {key: entry.csl for key, entry in BIBLIOGRAPHY.entries.items()}
SUFFIXES = year_suffixes(ENTRIES)


def _render(source: str, style: str = "ama") -> tuple[str, list[str]]:
    extension = CitationsExtension()
    html = markdown.Markdown(extensions=["attr_list", extension]).convert(source)
    resolved = page_list.resolve_page(
        html,
        extension.citations,
        ENTRIES,
        heading="References",
        format_entry=lambda key: format_entry(ENTRIES[key], style, SUFFIXES.get(key, "")),
        style=style,
        suffixes=SUFFIXES,
    )
    return resolved.page, resolved.unknown


CASES = sorted(p.stem for p in (FIXTURES / "ama").glob("*.md"))
# Phase one's fixtures (every syntax form and every non-citation), through each style.
SYNTAX = sorted(p.stem for p in (FIXTURES / "syntax").glob("*.md"))


@pytest.mark.parametrize("style", ["ama", "vancouver", "apa"])
@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, style: str, update_golden: bool) -> None:
    html, unknown = _render((FIXTURES / "ama" / f"{case}.md").read_text(encoding="utf-8"), style)
    result = f"{html}\n<!-- unknown: {unknown} -->\n"
    name = f"{case}.html" if style == "ama" else f"{case}.{style}.html"
    golden = FIXTURES / "ama" / name
    if update_golden:
        golden.write_text(result, encoding="utf-8")
    assert result == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("style", ["ama", "vancouver", "apa"])
@pytest.mark.parametrize("case", SYNTAX)
def test_golden_syntax_per_style(case: str, style: str, update_golden: bool) -> None:
    source = (FIXTURES / "syntax" / f"{case}.md").read_text(encoding="utf-8")
    html, unknown = _render(source, style)
    result = f"{html}\n<!-- unknown: {unknown} -->\n"
    golden = FIXTURES / "styles" / f"{case}.{style}.html"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result, encoding="utf-8")
    assert result == golden.read_text(encoding="utf-8")


def test_hostile_fields_never_become_markup() -> None:
    html, _unknown = _render("[@hostile]")
    # Every value escaped; the style's own italics are the only markup.
    assert re.findall(r'<li id="ref-hostile".*?</li>', html) == [
        '<li id="ref-hostile" value="1">O\'Brien &lt;b&gt;Bad&lt;/b&gt;. A '
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "title". <i>J &amp; &lt;i&gt;K&lt;/i&gt;'
        '</i>. Published online 2020. <a class="references__back" href="#cite-0" '
        'aria-label="Back to citation 1">↩</a></li>'
    ]


def test_a_placeholder_the_extension_did_not_write_stays_as_written() -> None:
    forged = '<p><span class="citation" data-cites="a" data-tiered-citation="7">x</span></p>'
    resolved = page_list.resolve_page(
        forged, [], ENTRIES, heading="R", format_entry=str, nocite=("a2",)
    )
    assert resolved.content == forged


def test_ranges_collapse() -> None:
    assert collapse([1, 2, 3, 5, 7, 8]) == ["1-3", "5", "7", "8"]
    assert collapse([]) == []


def test_no_citations_leaves_the_page_alone() -> None:
    resolved = page_list.resolve_page("<p>x</p>", [], ENTRIES, heading="R", format_entry=str)
    assert (resolved.page, resolved.unknown, resolved.cited) == ("<p>x</p>", [], {})


def test_nocite_lists_uncited_entries() -> None:
    resolved = page_list.resolve_page(
        "<p>x</p>",
        [],
        ENTRIES,
        heading="R",
        format_entry=lambda key: key,
        nocite=("a2", "ghost"),
    )
    assert '<li id="ref-a2" value="1">a2 </li>' in resolved.page
    assert resolved.unknown == ["ghost"]


def test_vancouver_page_ranges_are_fixed() -> None:
    assert minimal_range("1–10") == "1–10"
    assert minimal_range("1051–1057") == "1051–7"
    assert minimal_range("S25–S33") == "S25–33"
    assert minimal_range("6443") is None
    entry = {
        "id": "x",
        "type": "article-journal",
        "title": "T",
        "author": [{"family": "A", "given": "B"}],
        "container-title": "J",
        "issued": {"date-parts": [[2020]]},
        "volume": "3",
        "page": "1–10",
    }
    assert format_entry(entry, "vancouver").endswith("2020;3:1–10.")
