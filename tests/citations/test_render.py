"""Golden Markdown -> HTML fixtures for citations in AMA style (both phases)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from tiered.citations import render
from tiered.citations.bibliography import load_bibliography
from tiered.citations.markdown import CitationsExtension
from tiered.citations.styles import collapse, format_entry

FIXTURES = Path(__file__).parent / "fixtures"
BIBLIOGRAPHY = load_bibliography(
    (f"bib/{p.name}", p.read_text(encoding="utf-8"))
    for p in (FIXTURES / "a.bib", FIXTURES / "ama" / "refs.bib")
)
ENTRIES = {key: entry.csl for key, entry in BIBLIOGRAPHY.entries.items()}


def _render(source: str) -> tuple[str, list[str]]:
    extension = CitationsExtension()
    html = markdown.Markdown(extensions=["attr_list", extension]).convert(source)
    resolved = render.resolve_page(
        html,
        extension.citations,
        ENTRIES,
        page="test-page",
        heading="References",
        format_entry=lambda key: format_entry(ENTRIES[key]),
    )
    return resolved.page, resolved.unknown


@pytest.mark.parametrize("case", sorted(p.stem for p in (FIXTURES / "ama").glob("*.md")))
def test_golden(case: str, update_golden: bool) -> None:
    html, unknown = _render((FIXTURES / "ama" / f"{case}.md").read_text(encoding="utf-8"))
    result = f"{html}\n<!-- unknown: {unknown} -->\n"
    golden = FIXTURES / "ama" / f"{case}.html"
    if update_golden:
        golden.write_text(result, encoding="utf-8")
    assert result == golden.read_text(encoding="utf-8")


def test_hostile_fields_never_become_markup() -> None:
    html, _unknown = _render("[@hostile]")
    assert "<script>" not in html
    assert "<b>Bad</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_ranges_collapse() -> None:
    assert collapse([1, 2, 3, 5, 7, 8]) == ["1-3", "5", "7", "8"]
    assert collapse([]) == []


def test_no_citations_leaves_the_page_alone() -> None:
    resolved = render.resolve_page("<p>x</p>", [], ENTRIES, page="p", heading="R", format_entry=str)
    assert (resolved.page, resolved.unknown, resolved.cited) == ("<p>x</p>", [], {})


def test_nocite_lists_uncited_entries() -> None:
    resolved = render.resolve_page(
        "<p>x</p>",
        [],
        ENTRIES,
        page="p",
        heading="R",
        format_entry=lambda key: key,
        nocite=("a2", "ghost"),
    )
    assert '<li id="ref-p-a2" value="1">a2 </li>' in resolved.page
    assert resolved.unknown == ["ghost"]
