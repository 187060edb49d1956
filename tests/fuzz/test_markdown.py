"""Fuzzed pages through the Markdown extensions alone (fast): no exception, no live data."""

from __future__ import annotations

import time

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tiered.citations.markdown import CitationsExtension
from tiered.glossary.markdown import GlossaryExtension, PageContext
from tiered.glossary.model import Glossary, GlossaryError, load_glossary

from tests.fuzz.collector import COLLECTOR
from tests.fuzz.conftest import examples
from tests.fuzz.sandbox import live_markup
from tests.fuzz.strategies import TIERS, glossary_file, markdown_body

pytestmark = pytest.mark.fuzz
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def read_glossary(data: bytes) -> Glossary:
    """The glossary the plugin would use, or an empty one when it rejects the file."""
    try:
        return load_glossary(data.decode("utf-8", "replace"), "glossary.yml", TIERS)
    except GlossaryError:
        return Glossary("glossary.yml")


def render(body: str, glossary: Glossary, tier: str | None, density: str) -> str:
    """``body`` through the glossary and citations extensions, as a page build would."""
    glossary_ext = GlossaryExtension(glossary, density)  # type: ignore[arg-type]
    glossary_ext.start_page(PageContext(glossary_href="../glossary/", tier=tier))
    md = markdown.Markdown(extensions=[*EXTENSIONS, glossary_ext, CitationsExtension()])
    return md.convert(body)


@examples("markdown")
@given(
    glossary_file(),
    st.data(),
    st.sampled_from([None, *TIERS]),
    st.sampled_from(["first-per-section", "first-per-page", "all"]),
)
def test_markdown_extensions(
    data: bytes, draw: st.DataObject, tier: str | None, density: str
) -> None:
    COLLECTOR.tried["markdown"] += 1
    start = time.perf_counter()
    try:
        glossary = read_glossary(data)
        body = draw.draw(markdown_body(tuple(f for t in glossary.terms for f in t.forms)))
        html = render(body, glossary, tier, density)
    except Exception:
        COLLECTOR.exceptions += 1
        raise
    COLLECTOR.time("markdown", len(data) + len(body), time.perf_counter() - start)
    live = live_markup(html)
    COLLECTOR.injections += bool(live)
    assert live == []
