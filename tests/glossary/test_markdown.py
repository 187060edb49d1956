"""Golden Markdown -> HTML fixtures for the glossary's Markdown extension."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from tiered.glossary.markdown import GlossaryExtension, PageContext
from tiered.glossary.model import load_glossary

FIXTURES = Path(__file__).parent / "fixtures"
GLOSSARY = load_glossary((FIXTURES / "glossary.yml").read_text(encoding="utf-8"), "glossary.yml")
EXTENSIONS: list[Any] = ["abbr", "admonition", "attr_list", "fenced_code", "tables", "toc"]

# Cases that render with other settings than the defaults.
SETTINGS: dict[str, dict[str, Any]] = {
    "density_all": {"density": "all"},
    "density_first_per_page": {"density": "first-per-page"},
    "tier_fundamentals": {"tier": "fundamentals"},
    "opt_out": {"autolink": False},
}
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))


def render(source: str, *, density: Any = "first-per-section", **context: Any) -> str:
    extension = GlossaryExtension(GLOSSARY, density)
    extension.start_page(PageContext(glossary_href="../glossary.md", **context))
    return markdown.Markdown(extensions=[*EXTENSIONS, extension]).convert(source)


def test_fixture_glossary_is_clean() -> None:
    assert GLOSSARY.diagnostics == []


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, update_golden: bool) -> None:
    source = (FIXTURES / f"{case}.md").read_text(encoding="utf-8")
    html = render(source, **SETTINGS.get(case, {})) + "\n"
    golden = FIXTURES / f"{case}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")
